/**
 * Extraction on every core: a small worker_threads pool that reads and
 * extracts files, yielding the results IN INPUT ORDER as an async iterator,
 * so ingest can store them one transaction at a time while the workers go on.
 *
 * Memory stays bounded: at most `window` files are in flight or waiting to be
 * yielded, whatever the number of paths. Nothing here touches the database.
 */
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AnalyzedDocument, SourceDocument } from "../model/types.js";
import { listInputFiles } from "../reading/files.js";
import type { FileExtraction } from "./ingest.js";

export interface ExtractSummary {
  bytes: number;
  chars: number;
  sentences: number;
  events: number;
  counts: number;
  mentions: number;
}

export type WorkerRequest =
  | { seq: number; path: string; output: "document" | "summary"; knownHash?: string | null }
  | { seq: number; doc: SourceDocument };

export type WorkerReply =
  | { seq: number; path: string; ok: true; doc: AnalyzedDocument; summary?: undefined; unchanged?: undefined }
  | { seq: number; path: string; ok: true; summary: ExtractSummary; doc?: undefined; unchanged?: undefined }
  /** the file's hash is the request's knownHash: not extracted */
  | { seq: number; path: string; ok: true; unchanged: true; doc?: undefined; summary?: undefined }
  | { seq: number; path: string; ok: false; stage: "read" | "extract" | "worker"; message: string };

/** One file's outcome: its document (or summary), or a message naming the file and why it failed. */
export type ParallelResult = WorkerReply extends infer R ? (R extends WorkerReply ? Omit<R, "seq"> : never) : never;

export interface ParallelOptions {
  /** worker threads; default: the available cores (at most 8) */
  workers?: number;
  /** files in flight or waiting to be yielded; default 4 per worker */
  window?: number;
  /** "document" (default): the whole AnalyzedDocument; "summary": only counts (for benchmarks) */
  output?: "document" | "summary";
  /** each worker's old-generation heap limit in MB (default WORKER_HEAP_MB; 0: no limit) */
  heapMb?: number;
}

/**
 * A worker's old-generation heap limit, in MB. V8 grows a heap it is not told to keep small well past
 * what extraction keeps alive (a document's records are a few MB; an unlimited worker's heap grew to
 * 150-200 MB on the bench corpus, so two workers and the main thread went over 500 MB). With a limit V8
 * collects sooner; the bench corpus ran as fast with it. A document that needs more than the limit (a
 * worker dies with ERR_WORKER_OUT_OF_MEMORY) is extracted again, alone, on a worker without a limit, so
 * the limit never costs a document. 128, not 160: at 160 a full bench peaked at 494 MB (the 2-worker
 * extraction phase at 481 MB), too near the 500 MB bar; at 128 it peaked at 442 MB with the pool at
 * 5.19 MB/s (4.96 at 160 in the run before; 112 gave 434 MB but 4.40 MB/s).
 */
export const WORKER_HEAP_MB = 128;

const outOfMemory = (e: unknown): boolean => (e as { code?: string } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";

/**
 * What crosses between threads is copied (structured clone), on both sides. Sentence texts, mention
 * surfaces and evidence texts are, as a rule, cuts of the document's text: packDocument (in the worker)
 * leaves such a string out (null) when it equals its cut, and unpackDocument (on receipt) cuts it again,
 * so a document's text is copied once instead of about three times. Both work in place.
 */
type Cuts = { start: number; end: number };
type CutField = "text" | "surface";
function packCut(text: string, item: Cuts, field: CutField): void {
  const rec = item as Cuts & Record<CutField, unknown>;
  if (rec[field] === text.slice(item.start, item.end)) rec[field] = null;
}
function unpackCut(text: string, item: Cuts, field: CutField): void {
  const rec = item as Cuts & Record<CutField, unknown>;
  if (rec[field] === null) rec[field] = text.slice(item.start, item.end);
}

/** Calls `f` on every record of `doc` that carries a cut of its text, with the field holding the cut. */
function eachCut(doc: AnalyzedDocument, f: (item: Cuts, field: CutField) => void): AnalyzedDocument {
  for (const s of doc.sentences) f(s, "text");
  for (const m of doc.mentions) f(m, "surface");
  for (const e of doc.extraction.events) f(e.evidence, "text");
  for (const c of doc.extraction.counts) f(c.evidence, "text");
  return doc;
}

export const packDocument = (doc: AnalyzedDocument): AnalyzedDocument =>
  eachCut(doc, (item, field) => packCut(doc.text, item, field));

export const unpackDocument = (doc: AnalyzedDocument): AnalyzedDocument =>
  eachCut(doc, (item, field) => unpackCut(doc.text, item, field));

/** Jobs each pool worker holds (see createExtractorPool). */
export const POOL_DEPTH = 16;

/** The default number of workers: every available core, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Extraction workers for an ingest: one per core but one, at least 1, at most 8. The thread that stores
 * (SQLite, on the calling thread) needs a core of its own: on two cores, two workers and the storing
 * thread took turns on the cores and ingested 2.0-2.1 MB/s, one worker 2.2-2.5 MB/s (20 MB, same runs
 * alternated), with 80 MB less memory.
 */
export function ingestWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, cores - 1));
}

/** Inputs smaller than this are ingested in the calling thread: a worker's start-up and warm-up would cost more. */
export const POOL_MIN_BYTES = 4 * 1024 * 1024;

/**
 * How many extraction workers an ingest of `bytes` of input on `cores` cores should use; 0 means none
 * (extract in the calling thread): a single core, or an input too small for a pool to pay.
 */
export function autoIngestWorkers(bytes: number, cores = availableParallelism()): number {
  return cores < 2 || bytes < POOL_MIN_BYTES ? 0 : ingestWorkers(cores);
}

/** autoIngestWorkers for the input files and folders `paths` (their listed files' sizes; unreadable ones count 0). */
export async function autoIngestWorkersFor(paths: string[], cores = availableParallelism()): Promise<number> {
  if (cores < 2) return 0;
  const { files } = await listInputFiles(paths);
  let bytes = 0;
  for (const f of files) {
    bytes += await stat(f).then(
      (st) => st.size,
      () => 0,
    );
    if (bytes >= POOL_MIN_BYTES) break;
  }
  return autoIngestWorkers(bytes, cores);
}

function spawnWorker(heapMb = 0): Worker {
  const limits = heapMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {};
  // Built code runs parallel-worker.js. Under vitest or tsx the sources are .ts: the worker
  // registers tsx's loader first, then imports the .ts worker.
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./parallel-worker.js", import.meta.url), limits);
  const tsxApi = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
  ).href;
  const worker = new URL("./parallel-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(boot, { eval: true, ...limits });
}

/** Runs one request on a worker of its own without a heap limit (a document too big for a pool worker's). */
function runAlone(req: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const w = spawnWorker(0);
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void w.terminate();
    };
    w.on("message", (reply: WorkerReply) => finish(() => resolve(reply)));
    w.on("error", (e) => finish(() => reject(e)));
    w.on("exit", (code) => finish(() => reject(new Error(`extraction worker exited (code ${code})`))));
    w.postMessage(req);
  });
}

/**
 * Reads and extracts `paths` on a pool of worker threads. Results come out in
 * the order of `paths`; a file that cannot be read or extracted yields
 * `{ok: false, message}` and the others go on. Stopping the iteration early
 * (break) terminates the workers.
 */
export async function* extractFilesParallel(
  paths: readonly string[],
  opts: ParallelOptions = {},
): AsyncGenerator<ParallelResult> {
  if (paths.length === 0) return;
  const nWorkers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), paths.length));
  const window = Math.max(nWorkers, opts.window ?? nWorkers * 4);
  const output = opts.output ?? "document";
  const heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  let alone = 0; // documents being extracted again on a worker without a heap limit

  const done = new Map<number, ParallelResult>();
  const busy = new Map<Worker, number>(); // worker -> seq it is working on
  const idle: Worker[] = [];
  const workers = new Set<Worker>();
  let next = 0; // next seq to hand out
  let emitted = 0; // next seq to yield
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const dispatch = () => {
    while (idle.length > 0 && next < paths.length && next - emitted < window) {
      const w = idle.pop()!;
      const seq = next++;
      busy.set(w, seq);
      const req: WorkerRequest = { seq, path: paths[seq]!, output };
      w.postMessage(req);
    }
  };

  const add = () => {
    const w = spawnWorker(heapMb);
    workers.add(w);
    w.on("message", (reply: WorkerReply) => {
      busy.delete(w);
      const { seq, ...rest } = reply;
      if (rest.ok && rest.doc) unpackDocument(rest.doc);
      done.set(seq, rest as ParallelResult);
      idle.push(w);
      dispatch();
      notify();
    });
    // A worker that dies (out of memory, a native crash) fails only the file it held; a new one takes its place.
    const lost = (why: string, oom = false) => {
      if (!workers.delete(w)) return;
      const seq = busy.get(w);
      busy.delete(w);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      if (seq !== undefined && oom && heapMb > 0) {
        // too big for a pool worker's heap: again, alone, without a limit
        alone++;
        const fail = (e: unknown) => ({
          path: paths[seq]!,
          ok: false as const,
          stage: "worker" as const,
          message: `${paths[seq]}: extraction worker failed (${(e as Error)?.message ?? String(e)})`,
        });
        runAlone({ seq, path: paths[seq]!, output })
          .then(({ seq: _s, ...rest }) => {
            if (rest.ok && rest.doc) unpackDocument(rest.doc);
            return rest as ParallelResult;
          }, fail)
          .then((r) => {
            alone--;
            done.set(seq, r);
            notify();
          });
      } else if (seq !== undefined) {
        done.set(seq, { path: paths[seq]!, ok: false, stage: "worker", message: `${paths[seq]}: ${why}` });
      }
      if (!closing && (next < paths.length || busy.size > 0 || alone > 0)) add();
      dispatch();
      notify();
    };
    w.on("error", (e) => lost(`extraction worker failed (${e.message})`, outOfMemory(e)));
    w.on("exit", (code) => lost(`extraction worker exited (code ${code})`));
    idle.push(w);
  };

  let closing = false;
  try {
    for (let i = 0; i < nWorkers; i++) add();
    dispatch();
    while (emitted < paths.length) {
      const r = done.get(emitted);
      if (r) {
        done.delete(emitted);
        emitted++;
        dispatch();
        yield r;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    closing = true;
    const all = [...workers];
    workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/** A pool of extraction workers behind one async function: the injectable extractor of `ingestPaths`. */
export interface ExtractorPool {
  /** extracts one read document on a free worker (queued when all are busy); rejects when extraction fails */
  extract(doc: SourceDocument): Promise<AnalyzedDocument>;
  /**
   * reads and extracts one file on a free worker (so this thread neither reads it nor copies its text
   * over); a file whose hash is `knownHash` comes back "unchanged", not extracted
   */
  readExtract(path: string, knownHash: string | null): Promise<FileExtraction>;
  /** the number of worker threads */
  readonly size: number;
  /** how many documents a caller should keep in flight to keep every worker busy (`ingestPaths`' concurrency) */
  readonly window: number;
  /** stops the workers; pending extractions reject */
  close(): Promise<void>;
}

/**
 * Starts `workers` extraction threads (default: the available cores, at most 8).
 * Use with ingest: `ingestPaths(store, paths, { readExtract: pool.readExtract, concurrency: pool.window })`,
 * then `await pool.close()`.
 */
export function createExtractorPool(opts: { workers?: number; heapMb?: number; depth?: number } = {}): ExtractorPool {
  const size = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
  const heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  // a job: its request, what to make of the worker's reply, and how to fail it (the message names the file)
  type Job = { req: WorkerRequest; path: string; settle: (reply: WorkerReply) => void; fail: (e: Error) => void };
  const queue: Job[] = [];
  // Each worker holds up to DEPTH jobs (it runs them in order): when it finishes one while this thread
  // is busy storing, it starts the next at once instead of waiting for this thread to post it. A commit
  // keeps the storing thread away for 100-200 ms, long enough for a worker to extract a dozen documents:
  // holding 2 jobs, the worker stood idle through it. Ingest of 20 MB with one worker, depths alternated:
  // 2: 2.34 MB/s, 4: 2.43, 8: 2.57, 16: 2.80-2.88, 32: 2.86; 50 MB: 2.16 (2) -> 2.65 (16). What waits is
  // a few finished documents per worker (~0.1 MB each as a message).
  const DEPTH = Math.max(1, Math.floor(opts.depth ?? POOL_DEPTH));
  const jobs = new Map<Worker, Job[]>();
  let seq = 0;
  let closed = false;

  const pump = () => {
    for (let d = 1; d <= DEPTH && queue.length > 0; d++) {
      for (const [w, held] of jobs) {
        if (queue.length === 0) break;
        if (held.length >= d) continue;
        const job = queue.shift()!;
        held.push(job);
        w.postMessage(job.req);
      }
    }
  };
  const add = () => {
    const w = spawnWorker(heapMb);
    jobs.set(w, []);
    w.on("message", (reply: WorkerReply) => {
      jobs.get(w)?.shift()?.settle(reply);
      pump();
    });
    // A worker that dies fails only the document it was extracting; the ones queued behind it go back
    // to the front of the queue, and a new worker takes its place.
    const lost = (why: string, oom = false) => {
      const held = jobs.get(w);
      if (!held) return;
      jobs.delete(w);
      const [job, ...rest] = held;
      if (job && oom && heapMb > 0) {
        // too big for a pool worker's heap: again, alone, without a limit
        runAlone(job.req).then(job.settle, (e: Error) =>
          job.fail(new Error(`${job.path}: extraction worker failed (${e.message})`)),
        );
      } else job?.fail(new Error(`${job.path}: ${why}`));
      queue.unshift(...rest);
      if (!closed) add();
      pump();
    };
    w.on("error", (e) => lost(`extraction worker failed (${e.message})`, outOfMemory(e)));
    w.on("exit", (code) => lost(`extraction worker exited (code ${code})`));
  };
  const submit = (job: Job) => {
    queue.push(job);
    pump();
  };
  for (let i = 0; i < size; i++) add();

  return {
    size,
    window: size * (DEPTH + 1),
    extract(doc: SourceDocument): Promise<AnalyzedDocument> {
      if (closed) return Promise.reject(new Error("the extractor pool is closed"));
      return new Promise((resolve, reject) =>
        submit({
          req: { seq: seq++, doc },
          path: doc.path,
          settle: (reply) => {
            if (reply.ok && reply.doc) resolve(unpackDocument(reply.doc));
            else reject(new Error(reply.ok ? "the worker returned no document" : reply.message));
          },
          fail: reject,
        }),
      );
    },
    readExtract(path: string, knownHash: string | null): Promise<FileExtraction> {
      if (closed) return Promise.reject(new Error("the extractor pool is closed"));
      return new Promise((resolve, reject) =>
        submit({
          req: { seq: seq++, path, output: "document", knownHash },
          path,
          settle: (reply) => {
            if (!reply.ok)
              resolve({ kind: "failed", message: reply.message, stage: reply.stage === "read" ? "read" : "extract" });
            else if (reply.unchanged) resolve({ kind: "unchanged" });
            else if (reply.doc) resolve({ kind: "extracted", doc: unpackDocument(reply.doc) });
            else reject(new Error(`${path}: the worker returned no document`));
          },
          fail: reject,
        }),
      );
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.fail(new Error("the extractor pool is closed"));
      const workers = [...jobs.keys()];
      for (const held of jobs.values()) for (const job of held) job.fail(new Error("the extractor pool is closed"));
      jobs.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
