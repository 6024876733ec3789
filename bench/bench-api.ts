/**
 * HTTP API benchmark: a store of at least --events N events (default 100,000),
 * made of the sample corpus's analyzed documents repeated with shifted dates
 * and new keys and written through the Store API in big transactions; then the
 * server on 127.0.0.1 (rate limit off) and autocannon against the main
 * endpoints at 1 and 20 concurrent clients: p50/p95 latency (every response
 * timed) and throughput, against a 50 ms p95 target. The server runs in a
 * child process, so the load generator does not share its event loop.
 *
 *   node dist/bench/bench-api.js [--events 100000] [--seconds 5] [--db FILE]
 *
 * With --db FILE an existing store is reused (built when absent or smaller).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { extract } from "../src/extraction/index.js";
import { buildServer, startServer } from "../src/interfaces/http/server.js";
import type { AnalyzedDocument } from "../src/model/types.js";
import { listInputFiles, readOne } from "../src/reading/index.js";
import { openStore, type Store } from "../src/storage/index.js";
import { projectRoot } from "./corpus.js";
import { flag, fmt, percentile, table } from "./measure.js";

const TARGET_MS = 50;
const BATCH = 400;

function shiftDate(d: string | null, years: number): string | null {
  if (!d) return d;
  return `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
}

/** A copy of `a` under a new key, its dates (events, counts, metadata) moved by `years`. */
function repeat(a: AnalyzedDocument, rep: number, years: number): AnalyzedDocument {
  const x = a.extraction;
  const id = `${x.id}~${rep}`;
  return {
    ...a,
    source: { ...a.source, id, path: `${a.source.path}~${rep}`, hash: `${a.source.hash}~${rep}` },
    extraction: {
      ...x,
      id,
      edition: x.edition != null ? x.edition + years : null,
      coveredYear: x.coveredYear != null ? x.coveredYear + years : null,
      date: shiftDate(x.date, years),
      events: x.events.map((e) => ({ ...e, date: shiftDate(e.date, years) })),
      counts: x.counts.map((c) => ({
        ...c,
        period: c.period ? { start: shiftDate(c.period.start, years)!, end: shiftDate(c.period.end, years)! } : null,
      })),
    },
  };
}

async function analyzedSamples(): Promise<AnalyzedDocument[]> {
  const { files } = await listInputFiles([join(projectRoot(), "samples")]);
  const out: AnalyzedDocument[] = [];
  for (const f of files) {
    const r = await readOne(f);
    if (r.ok) out.push(extract(r.doc));
  }
  return out;
}

async function fill(store: Store, target: number): Promise<void> {
  const base = await analyzedSamples();
  const perRound = base.reduce((n, a) => n + a.extraction.events.length, 0);
  if (perRound === 0) throw new Error("the sample corpus yields no events: cannot build the benchmark store");
  let events = store.stats().events;
  let rep = store.stats().documents;
  const t0 = performance.now();
  while (events < target) {
    const batch: AnalyzedDocument[] = [];
    while (batch.length < BATCH && events < target) {
      const a = base[rep % base.length]!;
      // spread over 30 years either side, so year filters select a slice
      const years = (Math.floor(rep / base.length) % 31) - 15;
      batch.push(repeat(a, rep, years));
      events += a.extraction.events.length;
      rep++;
    }
    store.ingestMany(batch);
    process.stderr.write(`\rbuilding the store: ${fmt.int(events)} events, ${fmt.int(rep)} documents`);
  }
  process.stderr.write(`  (${fmt.s((performance.now() - t0) / 1000)})\n`);
}

interface Result {
  name: string;
  connections: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

async function measure(
  base: string,
  paths: string[],
  name: string,
  connections: number,
  seconds: number,
): Promise<Result> {
  let next = 0;
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const requests = [
      {
        setupRequest: (req: autocannon.Request) => {
          req.path = paths[next++ % paths.length]!;
          return req;
        },
      },
    ];
    const instance = autocannon({ url: base, connections, duration: seconds, pipelining: 1, requests }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status !== 200) errors++;
    });
  });
  times.sort((a, b) => a - b);
  return {
    name,
    connections,
    requests: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
    errors: errors + result.errors + result.timeouts,
  };
}

/** Child mode: serve the store read-only on an ephemeral loopback port and print the address. */
async function serveOnly(dbPath: string): Promise<void> {
  const store = openStore(dbPath, { readonly: true });
  const app = await buildServer({ store, webRoot: null, hardening: { rateLimit: 0 } });
  const address = await startServer(app, { host: "127.0.0.1", port: 0 });
  process.stdout.write(`${address}\n`);
  process.on("SIGTERM", () => {
    void app.close().then(() => {
      store.close();
      process.exit(0);
    });
  });
}

async function spawnServer(dbPath: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", "--db", dbPath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const base = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the server process exited (${code})`)));
  });
  return { child, base };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--serve")) return serveOnly(argv[argv.indexOf("--db") + 1]!);
  const target = flag(argv, "events", 100_000);
  const seconds = flag(argv, "seconds", 5);
  const dbArg = argv.includes("--db") ? argv[argv.indexOf("--db") + 1] : undefined;
  const dir = dbArg ? null : mkdtempSync(join(tmpdir(), "panorama-bench-api-"));
  const dbPath = dbArg ?? join(dir!, "bench.db");
  const store = openStore(dbPath);
  let child: ChildProcess | null = null;
  try {
    if (store.stats().events < target) await fill(store, target);
    const stats = store.stats();
    const year = stats.editions.at(Math.floor(stats.editions.length / 2)) ?? 2020;
    console.log(
      `store: ${fmt.int(stats.documents)} documents, ${fmt.int(stats.events)} events, ${fmt.int(stats.counts)} counts, ${fmt.int(stats.sentences)} sentences`,
    );

    const server = await spawnServer(dbPath);
    child = server.child;
    const { base } = server;
    // each row cycles through many parameter values, so neither SQLite's page cache nor the API's
    // cache of totals answers every request from one warm entry
    const partners = ["USA", "CHN", "KOR", "CAN", "GBR", "FRA", "IDN", "AUS", "VNM", "DEU"];
    const types = ["meeting", "visit", "agreement"];
    const persons = store.persons({ limit: 40 }).map((p) => p.name);
    const years = Array.from({ length: 20 }, (_, i) => year - 10 + i);
    const words = ["summit", "telephone", "agreement", "visit", "cooperation", "minister", "security", "economic"];
    const docIds = Array.from({ length: 50 }, (_, i) => Math.max(1, Math.floor(((i + 1) * stats.documents) / 51)));
    const q = encodeURIComponent;
    const endpoints: [string, string[]][] = [
      [
        "events ?country&type&offset",
        partners.flatMap((c) =>
          types.flatMap((t) => [0, 50, 200].map((o) => `/api/events?country=${c}&type=${t}&limit=50&offset=${o}`)),
        ),
      ],
      ["events ?level=summit&from..to", years.map((y) => `/api/events?level=summit&from=${y}&to=${y + 2}&limit=50`)],
      ["events ?person", (persons.length ? persons : ["Kishida"]).map((p) => `/api/events?person=${q(p)}&limit=50`)],
      ["counts ?country", partners.map((c) => `/api/counts?country=${c}&limit=100`)],
      ["search ?q", words.flatMap((w) => [0, 20].map((o) => `/api/search?q=${q(w)}&limit=20&offset=${o}`))],
      ["document text", docIds.map((id) => `/api/documents/${id}/text`)],
      ["stats", ["/api/stats"]],
    ];
    const results: Result[] = [];
    for (const [name, paths] of endpoints) {
      const warm = await fetch(base + paths[0]);
      if (!warm.ok) throw new Error(`${paths[0]}: ${warm.status} ${await warm.text()}`);
      await warm.arrayBuffer();
      for (const c of [1, 20]) {
        const r = await measure(base, paths, name, c, seconds);
        results.push(r);
        process.stderr.write(`  ${name} x${c}: p95 ${fmt.ms(r.p95)}\n`);
      }
    }
    child.kill("SIGTERM");
    child = null;

    const rows = [
      ["endpoint", "clients", "requests", "p50", "p95", "p99", "req/s", "errors", `p95<${TARGET_MS}ms`],
      ...results.map((r) => [
        r.name,
        String(r.connections),
        fmt.int(r.requests),
        fmt.ms(r.p50),
        fmt.ms(r.p95),
        fmt.ms(r.p99),
        fmt.int(Math.round(r.rps)),
        String(r.errors),
        r.p95 < TARGET_MS ? "yes" : "NO",
      ]),
    ];
    console.log(`\nHTTP API on 127.0.0.1, ${seconds} s per row (autocannon, every response timed):\n`);
    for (const line of table(rows)) console.log(line);
    const failed = results.filter((r) => r.p95 >= TARGET_MS || r.errors > 0);
    if (failed.length) console.log(`\n${failed.length} row(s) miss the ${TARGET_MS} ms p95 target or had errors.`);
  } finally {
    child?.kill("SIGTERM");
    store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench-api: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
