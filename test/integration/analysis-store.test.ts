/**
 * The analysis adapters over a real SQLite store: the cache tables answer as
 * the in-memory reference does, are rebuilt when documents change, live in
 * TEMP on a read-only store; the CLI prints the documented JSON; the project's
 * samples give the known disagreements; the shared corpus when present.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  concordanceFromStore,
  diffFromStore,
  docTexts,
  freqSource,
  keyness,
  keynessFromStore,
  MemoryFreqSource,
  profileFromStore,
  reconcileFromStore,
  trends,
  trendsFromStore,
} from "../../src/analysis/index.js";
import { extract } from "../../src/extraction/index.js";
import { readOne } from "../../src/reading/index.js";
import type { Store } from "../../src/storage/index.js";
import { openStore } from "../../src/storage/index.js";
import { makeDoc } from "../unit/storage/fixtures.js";
import { panorama, parseCsv } from "./cli-helpers.js";

const root = resolve(__dirname, "../..");

const texts: Record<number, string> = {
  2019:
    "The United States is Japan's sole ally. The alliance is the linchpin of the Asia-Pacific region. " +
    "Japan and Canada held two summit meetings. The Asia–Pacific region grows.",
  2021:
    "The United States is Japan's only ally. The alliance is the linchpin of the Indo-Pacific region. " +
    "Japan and Canada held two summit meetings. A free and open Indo-Pacific is the aim.",
  2023:
    "The United States is Japan's only ally. The alliance is the cornerstone of the Indo-Pacific region. " +
    "Japan and Canada held three summit meetings. A free and open Indo-Pacific is the aim. The Indo-Pacific grows. " +
    "The Indo-Pacific is open.",
};

const fixture = (edition: number, text = texts[edition]!, key = `na-${edition}`) =>
  makeDoc({
    key,
    text,
    meta: { edition, coveredYear: edition - 1, section: "North America" },
    mentions: [{ kind: "country", key: "USA", surface: "United States" }],
  });

let dir: string;
let db: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-analysis-"));
  db = join(dir, "a.db");
  store = openStore(db);
  for (const e of [2019, 2021, 2023]) store.ingest(fixture(e));
});
afterAll(() => store?.close());

describe("analysis over the store", () => {
  it("answers trends from the cache exactly as the in-memory reference does", () => {
    const terms = ["Indo-Pacific", "Asia-Pacific", "only ally", "the linchpin", "free and open Indo-Pacific"];
    const fromStore = trendsFromStore(store, terms);
    const memory = trends(new MemoryFreqSource(docTexts(store)), terms);
    expect(fromStore).toEqual(memory);
    expect(fromStore.terms[0]!.series.map((p) => p.count)).toEqual([0, 2, 4]);
    expect(fromStore.terms[1]!.series.map((p) => p.count)).toEqual([2, 0, 0]);
    // "the linchpin" is edged by a function word: counted through FTS5, not the n-gram table
    expect(fromStore.terms[3]!.series.map((p) => p.count)).toEqual([1, 1, 0]);
  });

  it("answers keyness as the in-memory reference does", () => {
    const opts = { target: "2023", minFreq: 1, minG2: 0, top: 500 };
    expect(keynessFromStore(store, opts)).toEqual(keyness(new MemoryFreqSource(docTexts(store)), opts));
  });

  it("rebuilds the cache when a document is added", () => {
    const before = trendsFromStore(store, ["cornerstone"]).terms[0]!.series.at(-1)!.count;
    store.ingest(fixture(2023, "The alliance is the cornerstone. The cornerstone holds.", "na-2023-extra"));
    const after = trendsFromStore(store, ["cornerstone"]).terms[0]!.series.at(-1)!.count;
    expect(after).toBe(before + 2);
    expect(freqSource(store).ensure()).toBe(false); // nothing changed since: no rebuild
  });

  it("works on a store opened read-only, with the cache in TEMP", () => {
    const ro = openStore(db, { readonly: true });
    try {
      const r = trendsFromStore(ro, ["Indo-Pacific"]);
      expect(r.terms[0]!.series.map((p) => p.edition)).toEqual([2019, 2021, 2023]);
      const temp = ro.readonlyDb().prepare("SELECT name FROM temp.sqlite_master WHERE name = 'analysis_ngrams'").get();
      expect(temp).toBeTruthy();
    } finally {
      ro.close();
    }
  });

  it("diffs a section between editions, from the store", () => {
    const r = diffFromStore(store, "north america", 2019, 2021);
    const reworded = r.rows.filter((x) => x.op === "reworded").flatMap((x) => x.changes!.map((c) => c.summary));
    expect(reworded).toContain('"sole ally" -> "only ally"');
    expect(r.summary.unchanged).toBe(1);
  });

  it("finds concordance lines through FTS5 with offsets into the document", () => {
    const r = concordanceFromStore(store, "Asia-Pacific");
    expect(r.total).toBe(2);
    const line = r.lines[0]!;
    expect(texts[2019]!.slice(line.start, line.end)).toBe("Asia-Pacific");
    expect(r.lines[1]!.match).toBe("Asia–Pacific");
  });
});

describe("panorama analysis commands", () => {
  it("trends --json prints the documented shape", () => {
    const r = panorama(["trends", "Indo-Pacific", "--json", "--db", db]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.terms[0].term).toBe("Indo-Pacific");
    expect(j.terms[0].series[0]).toEqual({ edition: 2019, count: 0, per10k: 0 });
    expect(Object.keys(j.terms[0].series[2]).sort()).toEqual(["count", "edition", "per10k"]);
  });

  it("names the bad parameter and exits 2", () => {
    const r = panorama(["keyness", "--target", "1990", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target 1990/);
    const bad = panorama(["keyness", "--target", "soon", "--db", db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--target/);
    const noDb = panorama(["trends", "x", "--db", join(dir, "missing.db")]);
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toMatch(/missing\.db/);
  });

  it("diff prints the word change", () => {
    const r = panorama(["diff", "2019", "2021", "--section", "North America", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"sole ally" -> "only ally"');
  });

  it("export --format csv writes a spreadsheet-clean file", () => {
    const out = join(dir, "events.csv");
    const r = panorama(["export", "--format", "csv", "--out", out, "--db", db]);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, "utf8"));
    expect(rows[0]).toContain("evidence_text");
  });
});

describe("the project's samples", () => {
  let s: Store;
  beforeAll(async () => {
    s = openStore(":memory:");
    const dirS = join(root, "samples");
    for (const f of readdirSync(dirS).filter((x) => x.endsWith(".txt"))) {
      const r = await readOne(join(dirS, f));
      if (r.ok) s.ingest(extract(r.doc), { sample: true });
    }
  });
  afterAll(() => s?.close());

  it("show Asia-Pacific giving way to Indo-Pacific", () => {
    const r = trendsFromStore(s, ["Asia-Pacific", "Indo-Pacific"], { section: "North America" });
    const asia = Object.fromEntries(r.terms[0]!.series.map((p) => [p.edition, p.count]));
    const indo = Object.fromEntries(r.terms[1]!.series.map((p) => [p.edition, p.count]));
    expect(asia[2014]).toBeGreaterThan(0);
    expect(indo[2014]).toBe(0);
    expect(asia[2025]).toBe(0);
    expect(indo[2025]).toBeGreaterThan(0);
  });

  it("profile the U.S. as sole ally in 2016 and only ally later, the linchpin until the cornerstone", () => {
    const p = profileFromStore(s, "USA");
    const phrases = (e: number) => p.editions.find((x) => x.edition === e)?.phrases.map((x) => x.phrase) ?? [];
    expect(phrases(2016)).toContain("sole ally");
    expect(phrases(2019)).toContain("only ally");
    expect(phrases(2023)).toContain("the linchpin");
    expect(phrases(2025)).toContain("the cornerstone");
  });

  it("reconcile flags the 2022 Japan-U.S. summit count as a contradiction", () => {
    const r = reconcileFromStore(s, { country: "USA" });
    const row = r.rows.find((x) => x.year === 2022 && x.level === "summit")!;
    expect(row.stated.total).toBe(3);
    expect(row.listed.total).toBeGreaterThan(3);
    expect(row.status).toBe("contradiction");
  });
});

const shared = resolve(root, "../shared/corpus/texts");
describe.skipIf(!existsSync(shared))("the shared corpus", () => {
  let s: Store;
  beforeAll(async () => {
    s = openStore(":memory:");
    for (const f of readdirSync(shared).filter((x) => x.endsWith(".txt"))) {
      const r = await readOne(join(shared, f));
      if (r.ok) s.ingest(extract(r.doc));
    }
  });
  afterAll(() => s?.close());

  it("counts the dashed spelling of Asia-Pacific in the 2014 edition", () => {
    const r = trendsFromStore(s, ["Asia-Pacific"]);
    const e2014 = r.terms[0]!.series.find((p) => p.edition === 2014);
    expect(e2014?.count).toBeGreaterThan(0);
  });

  it("finds the linchpin in context", () => {
    const r = concordanceFromStore(s, "linchpin");
    expect(r.total).toBeGreaterThan(0);
    for (const l of r.lines) expect(l.match.toLowerCase()).toBe("linchpin");
  });
});
