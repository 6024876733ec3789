/**
 * One worker of the extraction pool (see parallel.ts): reads a file and
 * extracts it, posting back either the whole AnalyzedDocument or a small
 * summary; or extracts a SourceDocument the caller has read.
 */
import { parentPort } from "node:worker_threads";
import { extract } from "../extraction/index.js";
import { readOne } from "../reading/index.js";
import { packDocument, type WorkerReply, type WorkerRequest } from "./parallel.js";

if (!parentPort) throw new Error("parallel-worker.ts must run inside a worker thread");
const port = parentPort;

port.on("message", async (req: WorkerRequest) => {
  let reply: WorkerReply;
  if ("doc" in req) {
    // a document already read by the caller: extract it
    try {
      reply = { seq: req.seq, path: req.doc.path, ok: true, doc: packDocument(extract(req.doc)) };
    } catch (e) {
      reply = {
        seq: req.seq,
        path: req.doc.path,
        ok: false,
        stage: "extract",
        message: `${req.doc.path}: extraction failed (${(e as Error)?.message ?? String(e)})`,
      };
    }
    port.postMessage(reply);
    return;
  }
  try {
    const r = await readOne(req.path);
    if (!r.ok) {
      reply = { seq: req.seq, path: req.path, ok: false, message: r.error.message, stage: "read" };
    } else if (req.knownHash && r.doc.hash === req.knownHash) {
      reply = { seq: req.seq, path: req.path, ok: true, unchanged: true };
    } else {
      const doc = extract(r.doc);
      if (req.output === "summary") {
        reply = {
          seq: req.seq,
          path: req.path,
          ok: true,
          summary: {
            bytes: r.doc.bytes,
            chars: doc.text.length,
            sentences: doc.sentences.length,
            events: doc.extraction.events.length,
            counts: doc.extraction.counts.length,
            mentions: doc.mentions.length,
          },
        };
      } else {
        reply = { seq: req.seq, path: req.path, ok: true, doc: packDocument(doc) };
      }
    }
  } catch (e) {
    reply = {
      seq: req.seq,
      path: req.path,
      ok: false,
      stage: "extract",
      message: `${req.path}: extraction failed (${(e as Error)?.message ?? String(e)})`,
    };
  }
  port.postMessage(reply);
});
