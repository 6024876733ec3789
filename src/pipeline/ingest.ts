/**
 * The ingest pipeline as a library function: files/folders -> read -> extract
 * -> store, one transaction per document. Used by `panorama ingest` and by
 * anything else that fills a store (`panorama start`/`serve`).
 *
 * Extraction is one injectable function (`opts.extract`), so a worker-thread
 * pool can replace the in-process extractor; with `concurrency` > 1 up to that
 * many documents are read and extracted ahead while results are stored in input
 * order (the store itself is written by this thread only).
 */
import { basename } from "node:path";
import type { AnalyzedDocument, SourceDocument } from "../model/types.js";
import { listInputFiles, readOne } from "../reading/index.js";
import type { IngestOutcome, Store } from "../storage/api.js";

export type Extractor = (doc: SourceDocument) => AnalyzedDocument | Promise<AnalyzedDocument>;

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
  /** documents read and extracted ahead of the one being stored (for an asynchronous extractor); default 1 */
  concurrency?: number;
  /** stop after the current document (each stored document is complete; nothing half-written) */
  signal?: AbortSignal;
}

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

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads, extracts and stores every input file; never throws for a bad file (it is counted as failed). */
export async function ingestPaths(
  store: Store,
  paths: string[],
  opts: IngestPathsOptions = {},
): Promise<IngestSummary> {
  // loaded on demand: a caller that injects its own extractor (a worker pool, a test) never loads this one
  const extractor = opts.extract ?? (await import("../extraction/index.js")).extract;
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

  const prepare = async (path: string): Promise<Prepared> => {
    const r = await readOne(path);
    if (!r.ok) return { path, kind: "failed", key: null, message: r.error.message };
    const source = r.doc;
    if (opts.sample) source.sample = true;
    if (!opts.force && store.hashOf(source.id) === source.hash) return { path, kind: "unchanged", key: source.id };
    try {
      const doc = await extractor(source);
      return { path, kind: "extracted", key: source.id, doc };
    } catch (e) {
      const msg = why(e);
      // an extractor (the worker pool) may already name the file
      return {
        path,
        kind: "failed",
        key: source.id,
        message: msg.startsWith(path) ? msg : `${path}: extraction failed (${msg})`,
      };
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
      const outcome = store.ingest(p.doc, { sample: opts.sample, force: opts.force });
      if (outcome === "unchanged") return { ...base, outcome };
      return {
        ...base,
        outcome,
        events: p.doc.extraction.events.length,
        counts: p.doc.extraction.counts.length,
      };
    } catch (e) {
      return { ...base, outcome: "failed", message: `${p.path}: could not be stored (${why(e)})` };
    }
  };

  const window = Math.max(1, Math.floor(opts.concurrency ?? 1));
  const pending: Promise<Prepared>[] = [];
  let next = 0;
  const launch = () => {
    const f = files[next++]!;
    pending.push(prepare(f));
  };
  while (next < files.length && pending.length < window) launch();
  while (pending.length) {
    const prepared = await pending.shift()!;
    if (opts.signal?.aborted) {
      summary.interrupted = true;
      await Promise.allSettled(pending);
      break;
    }
    if (next < files.length) launch();
    record(commit(prepared));
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
