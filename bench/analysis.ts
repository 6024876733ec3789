/**
 * The analysis benchmark: trends, keyness, new terms, concordance and diff
 * over 200 editions' worth of text (~50 MB) built from the project's samples.
 *
 *   node dist/bench/analysis.js [--size MB] [--editions N]
 *   (npm run bench calls benchAnalysis() with the defaults)
 *
 * The store is filled directly (segmented text, no event extraction: the
 * analyses measured here read only documents and sentences). Each sample
 * Bluebook text is varied (years, months, numbers; bench/corpus.ts) and
 * repeated with its paragraphs shuffled until each edition holds size/editions
 * of text; "Indo-Pacific" reads "Asia-Pacific" in the older half of the
 * editions so the trend has a shape. Timings are wall-clock medians of
 * repeated queries on a freshly opened store (as the CLI would open it),
 * after the one-time cache build, which is reported apart.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  concordanceFromStore,
  diffFromStore,
  freqSource,
  keynessFromStore,
  newTermsFromStore,
  trendsFromStore,
} from "../src/analysis/index.js";
import { extractMetadata } from "../src/extraction/metadata.js";
import type { AnalyzedDocument } from "../src/model/types.js";
import { segment } from "../src/segmenting/index.js";
import { openStore } from "../src/storage/index.js";
import { loadSamples, rng, vary } from "./corpus.js";

const MB = 1024 * 1024;

function flag(argv: string[], name: string, dflt: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Runs fn `n` times on a fresh store each time; the median milliseconds. */
function timedOnFreshStore<T>(dbPath: string, n: number, fn: (store: ReturnType<typeof openStore>) => T) {
  const ms: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < n; i++) {
    const store = openStore(dbPath);
    try {
      const t = time(() => fn(store));
      ms.push(t.ms);
      value = t.value;
    } finally {
      store.close();
    }
  }
  return { value: value as T, ms: median(ms), max: Math.max(...ms) };
}

function makeDoc(key: string, text: string, edition: number): AnalyzedDocument {
  const { sentences } = segment(text);
  const meta = extractMetadata(text, sentences);
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return {
    source: {
      id: key,
      path: `/bench/${key}.txt`,
      format: "txt",
      encoding: "utf-8",
      bytes: Buffer.byteLength(text),
      hash: createHash("sha256").update(text).digest("hex"),
      sample: true,
    },
    text,
    sentences,
    mentions: [],
    extraction: {
      id: key,
      ...meta,
      kind: "bluebook",
      edition,
      coveredYear: edition - 1,
      summary: false,
      events: [],
      counts: [],
      persons: [],
      countries: [],
      organizations: [],
    },
    wordCount: words,
  };
}

/** Fills a store with `editions` editions of about `megabytes / editions` each. */
export function buildStore(
  dbPath: string,
  megabytes: number,
  editions: number,
): { bytes: number; docs: number; seconds: number } {
  const samples = loadSamples().filter((s) => /Diplomatic Bluebook \d{4}/.test(s.text));
  const rand = rng(7);
  const perEdition = (megabytes * MB) / editions;
  const first = 2025 - editions + 1;
  const store = openStore(dbPath);
  const t0 = performance.now();
  let bytes = 0;
  let docs = 0;
  try {
    for (let e = first; e <= 2025; e++) {
      const batch: AnalyzedDocument[] = [];
      let size = 0;
      let round = 0;
      while (size < perEdition) {
        for (const s of samples) {
          let text = vary(s.text, rand, 0, Math.floor(rand() * 12));
          text = text.replace(/Diplomatic Bluebook \d{4}/, `Diplomatic Bluebook ${e}`);
          if (round > 0) {
            const paras = text.split(/\n\s*\n/);
            const head = paras.slice(0, 5);
            const body = paras.slice(5).sort(() => rand() - 0.5);
            text = [...head, ...body].join("\n\n");
          }
          if (e < first + editions / 2) text = text.replace(/Indo-Pacific/g, "Asia-Pacific");
          batch.push(makeDoc(`${s.name}-e${e}-r${round}`, text, e));
          size += Buffer.byteLength(text);
        }
        round++;
      }
      store.ingestMany(batch, { sample: true });
      bytes += size;
      docs += batch.length;
    }
  } finally {
    store.close();
  }
  return { bytes, docs, seconds: (performance.now() - t0) / 1000 };
}

export async function benchAnalysis(argv: string[] = []): Promise<string[]> {
  const megabytes = flag(argv, "size", 50);
  const editions = Math.round(flag(argv, "editions", 200));
  const dir = mkdtempSync(join(tmpdir(), "panorama-bench-analysis-"));
  const dbPath = join(dir, "analysis.db");
  const lines: string[] = [];
  try {
    const built = buildStore(dbPath, megabytes, editions);
    lines.push(
      `analysis: ${(built.bytes / MB).toFixed(1)} MB in ${built.docs} documents over ${editions} editions ` +
        `(store filled in ${built.seconds.toFixed(1)} s)`,
    );

    const cache = timedOnFreshStore(dbPath, 1, (s) => {
      const src = freqSource(s);
      return src.lastBuild;
    });
    const info = cache.value;
    lines.push(
      `analysis: n-gram cache built once in ${(cache.ms / 1000).toFixed(2)} s (${info?.slices ?? "?"} slices, ${info?.rows ?? "?"} rows)`,
    );

    const row = (label: string, r: { ms: number; max: number }, note = "") =>
      lines.push(
        `analysis: ${label.padEnd(44)} ${r.ms.toFixed(1).padStart(8)} ms median, ${r.max.toFixed(1).padStart(8)} ms max${note}`,
      );
    const checks: string[] = [];
    const N = 5;

    const tr = timedOnFreshStore(dbPath, N, (s) => trendsFromStore(s, ["Indo-Pacific", "Asia-Pacific", "only ally"]));
    row("trends (3 terms, from the cache)", tr);
    const indo = tr.value.terms[0]!.series;
    checks.push(`${indo.length} editions in the series`);

    const trScan = timedOnFreshStore(dbPath, N, (s) => trendsFromStore(s, ["the linchpin"]));
    row('trends ("the linchpin", FTS5 + exact count)', trScan);

    const trSec = timedOnFreshStore(dbPath, N, (s) =>
      trendsFromStore(s, ["Indo-Pacific"], { section: "North America", bySection: true }),
    );
    row("trends --section --by-section", trSec);

    const k1 = timedOnFreshStore(dbPath, N, (s) => keynessFromStore(s, { target: "2025" }));
    row("keyness --target 2025 (vs rest)", k1, ` (${k1.value.positive.length} key terms)`);

    const k2 = timedOnFreshStore(dbPath, N, (s) =>
      keynessFromStore(s, { target: `${2025 - 9}-2025`, reference: `${2025 - editions + 1}-${2025 - 10}` }),
    );
    row(`keyness 10 editions vs the ${editions - 10} before`, k2);

    const nt = timedOnFreshStore(dbPath, N, (s) => newTermsFromStore(s, { minFreq: 3 }));
    row("keyness --new (all editions)", nt);

    const cc = timedOnFreshStore(dbPath, N, (s) => concordanceFromStore(s, "linchpin", { sort: "left", limit: 200 }));
    row("concordance linchpin --sort left", cc, ` (${cc.value.total} lines)`);

    const df = timedOnFreshStore(dbPath, N, (s) => diffFromStore(s, "North America", 2023, 2025));
    row("diff --section North America 2023 2025", df, ` (${df.value.rows.length} rows)`);

    const slowest = Math.max(tr.max, trScan.max, trSec.max, k1.max, k2.max);
    lines.push(
      `analysis: trends and keyness ${slowest < 1000 ? "answer" : "DO NOT answer"} in under a second (slowest ${slowest.toFixed(0)} ms); ${checks.join(", ")}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

// Run directly: node dist/bench/analysis.js [--size MB] [--editions N]
const self = process.argv[1] ?? "";
if (/bench[\\/]analysis\.(ts|js)$/.test(self)) {
  benchAnalysis(process.argv.slice(2)).then(
    (lines) => {
      for (const l of lines) process.stdout.write(`${l}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`bench analysis: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
