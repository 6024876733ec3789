/**
 * The ingest pipeline as a library function: files/folders -> read -> extract
 * -> store. Used by `panorama ingest` and by anything else that fills a store
 * (`panorama start`/`serve`).
 *
 * Documents are stored in batches: one write transaction holds the documents
 * of up to `batchBytes` of input or `batchMs` milliseconds; a document that
 * fails to store is rolled back alone (its batch-mates stay). A crash loses at
 * most the uncommitted batch, and the store
 * is left as it was before it: every document wholly old or wholly new. Readers
 * (WAL) see the last committed batch.
 *
 * Extraction is one injectable function (`opts.extract`), so a worker-thread
 * pool can replace the in-process extractor; with `concurrency` > 1 up to that
 * many documents are read and extracted ahead while results are stored in input
 * order (the store itself is written by this thread only).
 */
import { basename } from "node:path";
import type { AnalyzedDocument, SourceDocument } from "../model/types.js";
import { documentKey, listInputFiles, readOne } from "../reading/index.js";
import type { IngestOutcome, Store } from "../storage/api.js";

export type Extractor = (doc: SourceDocument) => AnalyzedDocument | Promise<AnalyzedDocument>;

/** What a FileExtractor makes of one file. */
export type FileExtraction =
  | { kind: "failed"; message: string; stage: "read" | "extract" }
  | { kind: "unchanged" }
  | { kind: "extracted"; doc: AnalyzedDocument };

/**
 * Reads and extracts a file elsewhere (the worker pool: this thread, which stores, then neither reads
 * the file nor copies its text to a worker). `knownHash`: the stored document's hash under the file's
 * key (null: none, or --force); a file whose bytes hash to it is not extracted ("unchanged").
 */
export type FileExtractor = (path: string, knownHash: string | null) => Promise<FileExtraction>;

export type FileOutcome = IngestOutcome | "failed";

export interface FileResult {
  /** the file as listed (absolute) */
  path: string;
  /** the document key (file name without extension), when the file could be read */
  key: string | null;
  outcome: FileOutcome;
  /** why it failed: names the file */
  message?: string;
  events: number;
  counts: number;
}

export interface IngestProgress {
  done: number;
  total: number;
  result: FileResult;
}

export interface IngestPathsOptions {
  /** called after each file, in input order */
  onProgress?: (p: IngestProgress) => void;
  /** mark the documents as the project's own sample texts */
  sample?: boolean;
  /** re-extract and re-store files whose content is unchanged */
  force?: boolean;
  /** the extraction step; defaults to the in-process `extract` */
  extract?: Extractor;
  /** reading and extraction in one step, elsewhere (a worker pool's readExtract); used instead of `extract` */
  readExtract?: FileExtractor;
  /** documents read and extracted ahead of the one being stored (for an asynchronous extractor); default 1 */
  concurrency?: number;
  /** stop after the current document (each stored document is complete; nothing half-written) */
  signal?: AbortSignal;
  /** commit the batch once its documents hold this many bytes of input; default 1 MiB (1: a transaction per document) */
  batchBytes?: number;
  /** commit the batch once it has been open this long, also while waiting for the next document; default 1 s */
  batchMs?: number;
}

const BATCH_BYTES = 1024 * 1024;
// One second, not 250 ms: at ~2 MB/s a 250 ms batch held ~0.5 MB, so the time, not the size, ended
// nearly every batch, and each commit (WAL frames of every index page touched, the fold of the totals)
// was paid twice as often. 50 MB ingest, 2 workers: 1.83/1.70 -> 2.06/2.00 MB/s. Readers see new
// documents up to a second later; a crash loses at most that second (a rerun stores it again).
const BATCH_MS = 1000;

export interface IngestSummary {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  failed: number;
  /** events and counts of the documents stored in this run (added or replaced) */
  events: number;
  counts: number;
  /** true when the signal stopped the run early */
  interrupted: boolean;
  failures: { path: string; message: string }[];
  results: FileResult[];
}

type Prepared =
  | { path: string; kind: "failed"; key: string | null; message: string }
  | { path: string; kind: "unchanged"; key: string }
  | { path: string; kind: "extracted"; key: string; doc: AnalyzedDocument };

/** A document being read and extracted ahead: `settled` once its promise has. */
interface Pending {
  promise: Promise<Prepared>;
  settled: boolean;
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A file whose extraction threw; the extractor (the worker pool) may already name the file. */
function extractionFailed(path: string, key: string, e: unknown): Prepared {
  const msg = why(e);
  return { path, kind: "failed", key, message: msg.startsWith(path) ? msg : `${path}: extraction failed (${msg})` };
}

/** Reads, extracts and stores every input file; never throws for a bad file (it is counted as failed). */
export async function ingestPaths(
  store: Store,
  paths: string[],
  opts: IngestPathsOptions = {},
): Promise<IngestSummary> {
  // loaded on demand: a caller that injects its own extractor (a worker pool, a test) never loads this one
  const extractor: Extractor | null =
    opts.extract ?? (opts.readExtract ? null : (await import("../extraction/index.js")).extract);
  const { files, problems } = await listInputFiles(paths);
  const summary: IngestSummary = {
    files: files.length + problems.length,
    added: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
    events: 0,
    counts: 0,
    interrupted: false,
    failures: [],
    results: [],
  };
  const total = summary.files;
  const record = (result: FileResult) => {
    summary.results.push(result);
    if (result.outcome === "failed") {
      summary.failed++;
      summary.failures.push({ path: result.path, message: result.message ?? `${result.path}: failed` });
    } else {
      summary[result.outcome]++;
      summary.events += result.events;
      summary.counts += result.counts;
    }
    opts.onProgress?.({ done: summary.results.length, total, result });
  };
  for (const p of problems)
    record({ path: p.path, key: null, outcome: "failed", message: p.message, events: 0, counts: 0 });

  const prepareElsewhere = async (path: string, readExtract: FileExtractor): Promise<Prepared> => {
    const key = documentKey(path);
    try {
      const r = await readExtract(path, opts.force ? null : store.hashOf(key));
      if (r.kind === "unchanged") return { path, kind: "unchanged", key };
      if (r.kind === "failed")
        return { path, kind: "failed", key: r.stage === "read" ? null : key, message: r.message };
      if (opts.sample) r.doc.source.sample = true;
      return { path, kind: "extracted", key: r.doc.source.id, doc: r.doc };
    } catch (e) {
      return extractionFailed(path, key, e);
    }
  };

  const prepare = async (path: string): Promise<Prepared> => {
    if (opts.readExtract) return prepareElsewhere(path, opts.readExtract);
    const r = await readOne(path);
    if (!r.ok) return { path, kind: "failed", key: null, message: r.error.message };
    const source = r.doc;
    if (opts.sample) source.sample = true;
    if (!opts.force && store.hashOf(source.id) === source.hash) return { path, kind: "unchanged", key: source.id };
    try {
      const doc = await extractor!(source);
      return { path, kind: "extracted", key: source.id, doc };
    } catch (e) {
      return extractionFailed(path, source.id, e);
    }
  };

  // The open batch: its stored documents' results (already reported; turned into failures should the
  // commit fail), its input bytes, when it was opened.
  const batching = !!(store.beginBatch && store.commitBatch && store.rollbackBatch);
  const maxBytes = Math.max(1, opts.batchBytes ?? BATCH_BYTES);
  const maxMs = Math.max(0, opts.batchMs ?? BATCH_MS);
  let open = false;
  let held: FileResult[] = [];
  let heldBytes = 0;
  let openedAt = 0;
  const flush = () => {
    if (!open) return;
    open = false;
    const stored = held;
    held = [];
    heldBytes = 0;
    try {
      store.commitBatch!();
    } catch (e) {
      try {
        store.rollbackBatch!();
      } catch {}
      // nothing of the batch is stored: its documents count as failed, not as added or replaced
      for (const r of stored) {
        if (r.outcome !== "added" && r.outcome !== "replaced") continue;
        summary[r.outcome]--;
        summary.events -= r.events;
        summary.counts -= r.counts;
        summary.failed++;
        r.outcome = "failed";
        r.events = 0;
        r.counts = 0;
        r.message = `${r.path}: could not be stored (${why(e)})`;
        summary.failures.push({ path: r.path, message: r.message });
      }
    }
  };

  const seen = new Map<string, string>();
  const commit = (p: Prepared): FileResult => {
    const base = { path: p.path, key: p.key, events: 0, counts: 0 };
    if (p.kind === "failed") return { ...base, outcome: "failed", message: p.message };
    const other = seen.get(p.key);
    if (other !== undefined)
      return {
        ...base,
        outcome: "failed",
        message: `${p.path}: has the same document key "${p.key}" as ${other} (keys are file names without extension); skipped`,
      };
    seen.set(p.key, p.path);
    if (p.kind === "unchanged") return { ...base, outcome: "unchanged" };
    try {
      if (batching && !open) {
        store.beginBatch!();
        open = true;
        openedAt = performance.now();
      }
      const outcome = store.ingest(p.doc, { sample: opts.sample, force: opts.force });
      if (outcome === "unchanged") return { ...base, outcome };
      const result: FileResult = {
        ...base,
        outcome,
        events: p.doc.extraction.events.length,
        counts: p.doc.extraction.counts.length,
      };
      if (open) {
        held.push(result);
        heldBytes += p.doc.source.bytes;
      }
      return result;
    } catch (e) {
      // the document is rolled back, its batch-mates kept; commit them now (should the store have lost
      // the batch, e.g. on a full disk, the commit fails and reports them failed), the next opens a new batch
      flush();
      return { ...base, outcome: "failed", message: `${p.path}: could not be stored (${why(e)})` };
    }
  };

  const window = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const pending: Pending[] = [];
  let next = 0;
  const launch = () => {
    const f = files[next++]!;
    const entry: Pending = { promise: prepare(f), settled: false };
    const settle = () => {
      entry.settled = true;
    };
    entry.promise.then(settle, settle);
    pending.push(entry);
  };
  try {
    while (next < files.length && pending.length < window) launch();
    while (pending.length) {
      const entry = pending.shift()!;
      let prepared: Prepared;
      if (open && !entry.settled) {
        // waiting for extraction: the batch commits when its time is up, not when the next document is ready
        const timer = setTimeout(flush, Math.max(0, openedAt + maxMs - performance.now()));
        prepared = await entry.promise;
        clearTimeout(timer);
      } else prepared = await entry.promise;
      if (opts.signal?.aborted) {
        summary.interrupted = true;
        flush();
        await Promise.allSettled(pending.map((x) => x.promise));
        break;
      }
      if (next < files.length) launch();
      record(commit(prepared));
      if (open && (heldBytes >= maxBytes || performance.now() - openedAt >= maxMs)) flush();
    }
    flush();
  } finally {
    // only when something else threw (a progress callback, say): the batch's documents are whole, keep them
    flush();
  }
  return summary;
}

/** One line per outcome, for the end of `panorama ingest`. */
export function formatSummary(s: IngestSummary): string {
  const parts = [
    `${s.files} file${s.files === 1 ? "" : "s"}`,
    `${s.added} added`,
    `${s.replaced} replaced`,
    `${s.unchanged} unchanged`,
    `${s.failed} failed`,
  ];
  const stored = `${s.events} event${s.events === 1 ? "" : "s"} and ${s.counts} count${s.counts === 1 ? "" : "s"} stored`;
  return `${parts.join(", ")}; ${stored}${s.interrupted ? " (interrupted: the remaining files were not processed)" : ""}`;
}

/** A short label for a file in progress output. */
export const fileLabel = (path: string): string => basename(path);
