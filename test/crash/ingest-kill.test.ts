/**
 * Crash safety of `panorama ingest` (the built CLI): killed with SIGKILL at
 * random points, again and again, the store stays intact (integrity_check ok),
 * every document is wholly its old version or wholly its new one (compared
 * with clean reference ingests per document key), and a rerun completes.
 * A second connection reading while an ingest runs sees only whole documents.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng, vary } from "../../bench/corpus.js";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "dist/src/interfaces/cli/main.js");
// ~4.3 KB each: ~3 MB, three of ingest's 1 MiB batches or more, so kills land between commits
const FILES = 720;
const KILLS = 8;

interface DocShape {
  hash: string;
  sentences: number;
  events: number;
  counts: number;
  mentions: number;
  persons: number;
}

/** Every stored document's hash and row counts, read in one transaction (one snapshot). */
function shapes(db: Database.Database): Map<string, DocShape> {
  const rows = db
    .transaction(
      () =>
        db
          .prepare(
            `SELECT d.key, d.hash,
               (SELECT COUNT(*) FROM sentences s WHERE s.document_id = d.id) AS sentences,
               (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events,
               (SELECT COUNT(*) FROM counts c WHERE c.document_id = d.id) AS counts,
               (SELECT COALESCE(SUM(json_array_length(m.data)), 0) FROM document_mentions m WHERE m.document_id = d.id) AS mentions,
               (SELECT COUNT(*) FROM person_roles r WHERE r.document_id = d.id) AS persons
             FROM documents d`,
          )
          .all() as (DocShape & { key: string })[],
    )
    .deferred();
  return new Map(rows.map(({ key, ...shape }) => [key, shape]));
}

function readShapes(path: string): Map<string, DocShape> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return shapes(db);
  } finally {
    db.close();
  }
}

function runIngest(db: string, dir: string, extra: string[] = []): ChildProcess {
  return spawn(process.execPath, [cli, "ingest", "--db", db, ...extra, dir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, CI: "1" },
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (d: string) => {
    stderr += d;
  });
  return new Promise((res) => child.on("close", (code, signal) => res({ code, signal, stderr })));
}

async function ingestClean(db: string, dir: string): Promise<number> {
  const t0 = performance.now();
  const r = await exited(runIngest(db, dir));
  if (r.code !== 0) throw new Error(`reference ingest failed (${r.code}): ${r.stderr}`);
  return performance.now() - t0;
}

/** Writes version A or B of the corpus: B changes every document (a paragraph added, dates moved). */
function writeCorpus(dir: string, version: "A" | "B"): void {
  const samples = readdirSync(join(root, "samples"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(root, "samples", f), "utf8"));
  const rand = rng(version === "A" ? 11 : 12);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const base = samples[i % samples.length]!;
    let text = vary(base, rng(i), (i % 5) - 2, i % 12);
    if (version === "B") {
      text = `${vary(text, rand, 1, 1)}\n\nIn March, Prime Minister Taro Sato held a summit meeting with President Anna Novak in Tokyo. The two leaders signed the Joint Statement on Cooperation No. ${i}.\n`;
    }
    writeFileSync(join(dir, `doc-${String(i).padStart(4, "0")}.txt`), text);
  }
}

const hasCli = existsSync(cli) && existsSync(join(root, "samples"));
let work: string;
let refA: Map<string, DocShape>;
let refB: Map<string, DocShape>;
let cleanMs = 0;

/** Which version each stored document is: every one must be wholly A or wholly B. */
function classify(got: Map<string, DocShape>): { a: number; b: number; bad: string[] } {
  let a = 0;
  let b = 0;
  const bad: string[] = [];
  for (const [key, shape] of got) {
    if (refA.has(key) && JSON.stringify(shape) === JSON.stringify(refA.get(key))) a++;
    else if (refB.has(key) && JSON.stringify(shape) === JSON.stringify(refB.get(key))) b++;
    else
      bad.push(
        `${key}: ${JSON.stringify(shape)} is neither ${JSON.stringify(refA.get(key))} nor ${JSON.stringify(refB.get(key))}`,
      );
  }
  return { a, b, bad };
}

describe.skipIf(!hasCli)("panorama ingest under SIGKILL (built CLI)", () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "panorama-crash-"));
    writeCorpus(join(work, "A"), "A");
    writeCorpus(join(work, "B"), "B");
    // the reference shapes: clean ingests of each version
    await ingestClean(join(work, "refA.db"), join(work, "A"));
    cleanMs = await ingestClean(join(work, "refB.db"), join(work, "B"));
    refA = readShapes(join(work, "refA.db"));
    refB = readShapes(join(work, "refB.db"));
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("the two versions differ for every document, so old and new can be told apart", () => {
    expect(refA.size).toBe(FILES);
    expect(refB.size).toBe(FILES);
    for (const [key, a] of refA) expect(a.sentences, key).not.toBe(refB.get(key)?.sentences);
  });

  it("survives repeated SIGKILLs: integrity ok, each document wholly old or new, and a rerun completes", async () => {
    const db = join(work, "crash.db");
    // the old version, stored completely
    await ingestClean(db, join(work, "A"));
    // the new version in a working folder of its own (the CLI reads file names as keys)
    const rand = rng(99);
    const kills: string[] = [];
    let killedMidway = 0;
    for (let k = 0; k < KILLS; k++) {
      // every other run extracts on worker threads (--workers 2): a kill then lands mid-pool too; the others
      // extract in the storing process (--workers 0)
      const child = runIngest(db, join(work, "B"), k % 2 ? ["--workers", "2"] : ["--workers", "0"]);
      const done = exited(child);
      // somewhere between the process start-up and the end of a clean run
      const at = 300 + rand() * Math.max(200, cleanMs - 300);
      const timer = setTimeout(() => child.kill("SIGKILL"), at);
      const r = await done;
      clearTimeout(timer);
      kills.push(`${k % 2 ? "workers " : ""}${Math.round(at)} ms: ${r.signal ?? `exit ${r.code}`}`);

      const check = new Database(db, { fileMustExist: true });
      try {
        check.pragma("busy_timeout = 5000");
        expect(check.pragma("integrity_check", { simple: true }), kills.join(", ")).toBe("ok");
        expect(check.pragma("foreign_key_check")).toEqual([]);
      } finally {
        check.close();
      }
      const c = classify(readShapes(db));
      expect(c.bad, kills.join(", ")).toEqual([]);
      expect(c.a + c.b).toBe(FILES);
      kills[kills.length - 1] += ` (${c.b} new)`;
      if (c.a > 0 && c.b > 0) killedMidway++;
    }
    // and one kill aimed mid-run: as soon as a reader sees the run's first commit (the random ones above may all
    // land before it or after the last on a fast or a slow machine); the documents it wrote carry its start time
    {
      const startedAt = new Date().toISOString();
      const child = runIngest(db, join(work, "B"), ["--workers", "0"]);
      const done = exited(child);
      const watch = new Database(db, { readonly: true, fileMustExist: true });
      const written = watch.prepare("SELECT COUNT(*) FROM documents WHERE ingested_at >= ?").pluck();
      let finished = false;
      void done.then(() => {
        finished = true;
      });
      try {
        watch.pragma("busy_timeout = 5000");
        while (!finished && (written.get(startedAt) as number) === 0) await new Promise((r) => setTimeout(r, 5));
      } finally {
        watch.close();
      }
      child.kill("SIGKILL");
      const r = await done;
      const c = classify(readShapes(db));
      expect(c.bad).toEqual([]);
      expect(c.a + c.b).toBe(FILES);
      kills.push(`at the first commit: ${r.signal ?? `exit ${r.code}`} (${c.b} new)`);
      if (c.a > 0 && c.b > 0) killedMidway++;
    }
    console.log(`crash: kills at ${kills.join("; ")}`);
    // at least one kill must have landed mid-run (some documents new, some old), or the test proved nothing
    expect(killedMidway, kills.join(", ")).toBeGreaterThan(0);

    const final = await exited(runIngest(db, join(work, "B")));
    expect(final.code, final.stderr).toBe(0);
    const c = classify(readShapes(db));
    expect(c).toEqual({ a: 0, b: FILES, bad: [] });
  }, 180_000);

  it("a reader during an ingest sees only whole documents, old or new", async () => {
    const db = join(work, "reader.db");
    await ingestClean(db, join(work, "A"));
    const reader = new Database(db, { readonly: true, fileMustExist: true });
    reader.pragma("busy_timeout = 5000");
    const child = runIngest(db, join(work, "B"));
    const done = exited(child);
    let running = true;
    void done.then(() => {
      running = false;
    });
    let reads = 0;
    let sawMix = false;
    const problems: string[] = [];
    try {
      while (running) {
        const c = classify(shapes(reader));
        reads++;
        if (c.bad.length) problems.push(...c.bad.slice(0, 3));
        if (c.a + c.b !== FILES) problems.push(`a snapshot held ${c.a + c.b} documents, not ${FILES}`);
        if (c.a > 0 && c.b > 0) sawMix = true;
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      reader.close();
    }
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(3);
    // the reader did look while the ingest was half done (some documents new, some still old)
    expect(sawMix).toBe(true);
  }, 120_000);
});
