/** Ingest for the benchmark: `ingestPaths` (what `panorama ingest` runs) with the extraction worker pool. */
import { statSync } from "node:fs";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { createExtractorPool } from "../src/pipeline/parallel.js";
import { openStore } from "../src/storage/index.js";

export interface IngestFigures {
  mode: string;
  bytes: number;
  documents: number;
  sentences: number;
  events: number;
  failed: number;
  dbBytes: number;
}

/** Ingests `files` into a fresh store at `dbPath`, extraction on `workers` threads (0: in this thread). */
export async function ingestCorpus(files: string[], dbPath: string, workers: number): Promise<IngestFigures> {
  const store = openStore(dbPath);
  const pool = workers > 0 ? createExtractorPool({ workers }) : null;
  let bytes = 0;
  let documents = 0;
  let failed = 0;
  try {
    const summary = await ingestPaths(store, files, {
      ...(pool ? { readExtract: pool.readExtract, concurrency: pool.window } : {}),
    });
    failed = summary.failed;
    for (const r of summary.results) {
      if (r.outcome === "added" || r.outcome === "replaced") {
        documents++;
        bytes += statSync(r.path).size;
      }
    }
    const st = store.stats();
    let dbBytes = 0;
    for (const suffix of ["", "-wal"]) {
      try {
        dbBytes += statSync(dbPath + suffix).size;
      } catch {}
    }
    return {
      mode: pool ? `${workers} worker${workers === 1 ? "" : "s"} + SQLite` : "1 thread + SQLite",
      bytes,
      documents,
      sentences: st.sentences,
      events: st.events,
      failed,
      dbBytes,
    };
  } finally {
    await pool?.close();
    store.close();
  }
}
