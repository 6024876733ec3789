/** Ingest for the benchmark: extraction on the worker pool, documents stored as they come. */
import { statSync } from "node:fs";
import { extractFilesParallel } from "../src/pipeline/parallel.js";
import { openStore } from "../src/storage/index.js";

export interface IngestFigures {
  mode: string;
  bytes: number;
  documents: number;
  sentences: number;
  events: number;
  dbBytes: number;
}

/** Ingests `files` into a fresh store at `dbPath`: what `panorama ingest` does, measured. */
export async function ingestCorpus(files: string[], dbPath: string, workers: number): Promise<IngestFigures> {
  const store = openStore(dbPath);
  let bytes = 0;
  let documents = 0;
  let sentences = 0;
  let events = 0;
  try {
    for await (const r of extractFilesParallel(files, { workers })) {
      if (!r.ok || !r.doc) continue;
      store.ingest(r.doc);
      bytes += r.doc.source.bytes;
      documents++;
      sentences += r.doc.sentences.length;
      events += r.doc.extraction.events.length;
    }
  } finally {
    store.close();
  }
  let dbBytes = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      dbBytes += statSync(dbPath + suffix).size;
    } catch {}
  }
  return { mode: `${workers} workers + SQLite`, bytes, documents, sentences, events, dbBytes };
}
