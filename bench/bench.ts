/**
 * `npm run bench`: Panorama's throughput and memory on a generated corpus.
 *
 *   node dist/bench/bench.js [--size MB] [--events N] [--workers N] [--ingest-workers N] [--keep]
 *
 * Builds a corpus of --size MB (default 50) from the sample texts in a temp
 * folder, then measures: extraction on one core (read + segment + extract),
 * extraction on a worker pool of --workers threads (speed-up, CPU use), ingest
 * into a fresh SQLite store (extraction on --ingest-workers threads, default
 * what `panorama ingest` picks: one per core but one), peak memory, the query benchmark on a store of --events synthetic
 * events (default 1,000,000; 0 skips it; a child process: bench-queries.ts),
 * the analysis benchmark when bench/analysis.ts exists, and a 1 MB slice
 * through compromise's people/places/organizations, the baseline a
 * JavaScript user would otherwise pick. The last line reads
 * `extract-vs-compromise: N.Nx`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { extract } from "../src/extraction/index.js";
import type { SourceDocument } from "../src/model/types.js";
import { extractFilesParallel, ingestWorkers } from "../src/pipeline/parallel.js";
import { readOne } from "../src/reading/index.js";
import { generateCorpus } from "./corpus.js";
import { ingestCorpus } from "./ingest-runner.js";
import { flag, fmt, MB, MemorySampler, maxRss, table, timed } from "./measure.js";

const TARGET = { extractMBps: 5, ingestMBps: 2, peakMB: 500 };

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const sizeMB = flag(argv, "size", 50);
  const events = flag(argv, "events", 1_000_000);
  const cores = availableParallelism();
  const workers = Math.max(1, Math.floor(flag(argv, "workers", Math.min(cores, 8))));
  const ingWorkers = Math.max(0, Math.floor(flag(argv, "ingest-workers", ingestWorkers(cores))));
  const keep = argv.includes("--keep");
  const out: string[] = [];
  const say = (line = "") => {
    out.push(line);
    process.stdout.write(`${line}\n`);
  };

  const dir = mkdtempSync(join(tmpdir(), "panorama-bench-"));
  const mem = new MemorySampler().start();
  try {
    // 1. corpus
    const gen = await timed(() => generateCorpus(join(dir, "corpus"), sizeMB));
    const corpus = gen.value;
    say(
      `Panorama benchmark: ${fmt.mb(corpus.bytes)} in ${fmt.int(corpus.files.length)} files ` +
        `(generated in ${fmt.s(gen.seconds)}), ${cores} cores, node ${process.version}`,
    );

    // 2. extraction on one core, in this thread
    mem.reset();
    const one = await timed(async () => {
      let bytes = 0;
      let sentences = 0;
      let events = 0;
      let failed = 0;
      for (const f of corpus.files) {
        const r = await readOne(f);
        if (!r.ok) {
          failed++;
          continue;
        }
        const a = extract(r.doc);
        bytes += r.doc.bytes;
        sentences += a.sentences.length;
        events += a.extraction.events.length;
      }
      return { bytes, sentences, events, failed };
    });
    const onePeak = mem.peak;
    if (one.value.failed) say(`warning: ${one.value.failed} files could not be read`);

    // 3. extraction on the worker pool
    mem.reset();
    const par = await timed(async () => {
      let bytes = 0;
      let sentences = 0;
      for await (const r of extractFilesParallel(corpus.files, { workers, output: "summary" })) {
        if (r.ok && r.summary) {
          bytes += r.summary.bytes;
          sentences += r.summary.sentences;
        }
      }
      return { bytes, sentences };
    });
    const parPeak = mem.peak;
    if (par.value.sentences !== one.value.sentences) {
      say(`warning: the pool found ${par.value.sentences} sentences, one core ${one.value.sentences}`);
    }

    // 4. ingest into a fresh store
    mem.reset();
    const ing = await timed(() => ingestCorpus(corpus.files, join(dir, "bench.db"), ingWorkers));
    const ingPeak = mem.peak;
    const peakAll = Math.max(maxRss(), mem.peak);

    // 5. the query benchmark (child process: its memory is its own)
    const queryLines = events > 0 ? await runQueryBench(events) : ["queries: skipped (--events 0)"];

    // 6. the analysis benchmark, when it exists
    const analysisLines = await runAnalysisBench();

    // 7. a 1 MB slice: extract vs compromise
    const slice: SourceDocument[] = [];
    let sliceBytes = 0;
    for (const f of corpus.files) {
      if (sliceBytes >= MB) break;
      const r = await readOne(f);
      if (!r.ok) continue;
      slice.push(r.doc);
      sliceBytes += Buffer.byteLength(r.doc.text);
    }
    const ex = await timed(() => {
      for (const d of slice) extract(d);
    });
    const cp = await timed(() => {
      for (const d of slice) {
        const doc = nlp(d.text);
        doc.people().out("array");
        doc.places().out("array");
        doc.organizations().out("array");
      }
    });
    const sliceRatio = sliceBytes / ex.seconds / (sliceBytes / cp.seconds);

    // report
    const oneMBps = one.value.bytes / MB / one.seconds;
    const parMBps = par.value.bytes / MB / par.seconds;
    const ingMBps = ing.value.bytes / MB / ing.seconds;
    const speedup = one.seconds / par.seconds;
    const coresUsed = par.cpuSeconds / par.seconds;
    say();
    for (const line of table([
      ["phase", "time", "throughput", "sentences/s", "CPU cores busy", "peak RSS"],
      [
        "extract, 1 core",
        fmt.s(one.seconds),
        fmt.rate(one.value.bytes, one.seconds),
        fmt.per(one.value.sentences, one.seconds),
        (one.cpuSeconds / one.seconds).toFixed(2),
        fmt.mb(onePeak),
      ],
      [
        `extract, ${workers} workers`,
        fmt.s(par.seconds),
        fmt.rate(par.value.bytes, par.seconds),
        fmt.per(par.value.sentences, par.seconds),
        coresUsed.toFixed(2),
        fmt.mb(parPeak),
      ],
      [
        `ingest (${ing.value.mode})`,
        fmt.s(ing.seconds),
        fmt.rate(ing.value.bytes, ing.seconds),
        fmt.per(ing.value.sentences, ing.seconds),
        (ing.cpuSeconds / ing.seconds).toFixed(2),
        fmt.mb(ingPeak),
      ],
      [
        "extract, 1 MB slice",
        fmt.s(ex.seconds),
        fmt.rate(sliceBytes, ex.seconds),
        "",
        (ex.cpuSeconds / ex.seconds).toFixed(2),
        "",
      ],
      [
        "compromise, 1 MB slice",
        fmt.s(cp.seconds),
        fmt.rate(sliceBytes, cp.seconds),
        "",
        (cp.cpuSeconds / cp.seconds).toFixed(2),
        "",
      ],
    ]))
      say(line);
    say();
    say(`speed-up with ${workers} workers: ${speedup.toFixed(2)}x (CPU ${coresUsed.toFixed(2)} cores busy)`);
    say(
      `store: ${fmt.int(ing.value.documents)} documents, ${fmt.int(ing.value.sentences)} sentences, ` +
        `${fmt.int(ing.value.events)} events, ${fmt.mb(ing.value.dbBytes)} on disk`,
    );
    say(`peak memory (extract + ingest, maxRSS incl. workers): ${fmt.mb(peakAll)}`);
    const check = (ok: boolean) => (ok ? "ok" : "MISSED");
    say(
      `targets: extract >= ${TARGET.extractMBps} MB/s on one core: ${oneMBps.toFixed(2)} ${check(oneMBps >= TARGET.extractMBps)}; ` +
        `ingest >= ${TARGET.ingestMBps} MB/s: ${ingMBps.toFixed(2)} ${check(ingMBps >= TARGET.ingestMBps)}; ` +
        `peak < ${TARGET.peakMB} MB: ${(peakAll / MB).toFixed(0)} ${check(peakAll < TARGET.peakMB * MB)}; ` +
        `both cores used: ${coresUsed.toFixed(2)} ${check(workers < 2 || coresUsed >= 1.5)}; ` +
        `pool ${parMBps.toFixed(2)} MB/s`,
    );
    say();
    for (const l of queryLines) say(l);
    if (analysisLines.length) {
      say();
      for (const l of analysisLines) say(l);
    }
    say();
    say(`extract-vs-compromise: ${sliceRatio.toFixed(1)}x`);
  } finally {
    mem.stop();
    if (keep) process.stderr.write(`bench: kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs bench-queries in a child process and returns its output lines. */
async function runQueryBench(events: number): Promise<string[]> {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith(".ts");
  const script = join(here, "..", fromSource ? "bench-queries.ts" : "bench-queries.js");
  const args = fromSource ? ["--import", "tsx", script] : [script];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, "--events", String(events)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => {
      text += d;
    });
    child.on("close", (code) => {
      const lines = text.trimEnd().split("\n");
      if (code !== 0) lines.push(`queries: the query benchmark failed (exit ${code})`);
      resolve(lines);
    });
  });
}

async function runAnalysisBench(): Promise<string[]> {
  const here = fileURLToPath(import.meta.url);
  const file = join(here, "..", here.endsWith(".ts") ? "analysis.ts" : "analysis.js");
  if (!existsSync(file)) return [];
  try {
    const mod = (await import(
      new URL(file.endsWith(".ts") ? "./analysis.ts" : "./analysis.js", import.meta.url).href
    )) as {
      benchAnalysis?: () => Promise<string[]>;
    };
    return mod.benchAnalysis ? await mod.benchAnalysis() : [];
  } catch (e) {
    return [`analysis: the analysis benchmark failed (${(e as Error).message})`];
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
