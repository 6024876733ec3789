/**
 * The figures kept by triggers (migrations 11 and 12: corpus totals, persons
 * met per partner, events per partner, type and year) must equal those
 * counted from the rows after every kind of write: adding documents,
 * replacing one with different content, removing one, rows written or
 * deleted in another order, and migrating a store written before them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COUNTRIES, syntheticDocument } from "../../../bench/synthetic.js";
import type { CorpusStats, Store } from "../../../src/storage/api.js";
import { openStore } from "../../../src/storage/index.js";
import { MIGRATIONS, migrate, SCHEMA_VERSION } from "../../../src/storage/schema.js";
import { dateBounds } from "../../../src/storage/sqlite.js";
import { makeDoc, readoutDoc, ruDoc, US_TEXT, usDoc } from "./fixtures.js";

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-totals-"));
  store = openStore(join(dir, "t.db"));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The statistics counted from the rows themselves, as stats() computed them before the totals. */
function counted(db: Database.Database): Omit<CorpusStats, "organizations" | "editions"> {
  const one = (sql: string) => Number((db.prepare(sql).get() as { n: number | null }).n ?? 0);
  const eventsByType: Record<string, number> = {};
  for (const r of db.prepare("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY type").all() as {
    type: string;
    n: number;
  }[])
    eventsByType[r.type] = r.n;
  return {
    documents: one("SELECT COUNT(*) AS n FROM documents"),
    sentences: one("SELECT COUNT(*) AS n FROM sentences"),
    words: one("SELECT SUM(word_count) AS n FROM documents"),
    events: one("SELECT COUNT(*) AS n FROM events"),
    counts: one("SELECT COUNT(*) AS n FROM counts"),
    persons: one("SELECT COUNT(*) AS n FROM persons"),
    eventsByType,
  };
}

const kept = (s: Store) => {
  const { organizations: _o, editions: _e, ...rest } = s.stats();
  return rest;
};

// every test runs with a fold at each document and with the default (the recent rows counted on read)
describe.each([
  ["folded at each document", 0],
  ["folded every 2,000 rows", 2000],
])("%s", (_name, every) => {
  beforeEach(() => {
    store.readonlyDb().prepare("UPDATE totals SET n = ? WHERE key = 'fold:every'").run(every);
  });

  describe("corpus totals kept by triggers", () => {
    it("start at zero in an empty store", () => {
      expect(kept(store)).toEqual({
        documents: 0,
        sentences: 0,
        words: 0,
        events: 0,
        counts: 0,
        persons: 0,
        eventsByType: {},
      });
    });

    it("follow documents added, replaced with other content, and removed", () => {
      store.ingestMany([usDoc(`${US_TEXT} Japan and the United States held talks.`), ruDoc(), readoutDoc()]);
      const db = store.readonlyDb();
      expect(kept(store)).toEqual(counted(db));
      expect(kept(store).events).toBeGreaterThan(0);
      expect(kept(store).sentences).toBeGreaterThan(0);

      // the same key with a shorter text and fewer events: its events, sentences and counts are replaced
      const shorter = usDoc();
      shorter.extraction.events = shorter.extraction.events.filter((e) => e.type !== "meeting");
      shorter.extraction.counts = [];
      const before = kept(store);
      expect(store.ingest(shorter)).toBe("replaced");
      const after = kept(store);
      expect(after).toEqual(counted(db));
      expect(after.events).toBeLessThan(before.events);
      expect(after.sentences).toBeLessThan(before.sentences);

      expect(store.removeDocument("ru-2014")).toBe(true);
      expect(kept(store)).toEqual(counted(db));
      for (const key of store.documents().map((d) => d.key)) store.removeDocument(key);
      expect(kept(store)).toEqual({ ...counted(db), eventsByType: {} });
      expect(kept(store).documents).toBe(0);
      expect(kept(store).events).toBe(0);
    });

    it("are filled from the rows when a store written before them is migrated", () => {
      store.ingestMany([usDoc(), ruDoc()]);
      store.close();
      // the same store as the version before the totals wrote it: no table, no triggers
      const previous = MIGRATIONS.filter((m) => m.version < 11).at(-1)!.version;
      const path = join(dir, "t.db");
      const db = new Database(path);
      db.exec("DROP TABLE totals");
      for (const t of db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%totals%'")
        .all())
        db.exec(`DROP TRIGGER ${(t as { name: string }).name}`);
      db.pragma(`user_version = ${previous}`);
      db.close();
      store = openStore(path);
      expect(kept(store)).toEqual(counted(store.readonlyDb()));
      expect(kept(store).events).toBeGreaterThan(0);
    });
  });

  /** The persons met with `country`, counted from the event rows (what personsMet must equal). */
  function metFromEvents(s: Store, country: string) {
    const byName = new Map<string, { n: number; dates: string[] }>();
    for (const e of s.events({ country, type: ["meeting", "visit"] })) {
      for (const name of e.participants) {
        const m = byName.get(name) ?? { n: 0, dates: [] };
        m.n++;
        if (e.date) m.dates.push(e.date);
        byName.set(name, m);
      }
    }
    const bounds = (d: string) => dateBounds(d)!;
    return [...byName]
      .filter(([name]) => s.person(name)!.country !== "JPN")
      .map(([name, m]) => {
        // first: the earliest start, the earliest end on a tie; last: the latest end
        const first = [...m.dates].sort(
          (a, b) => cmp(bounds(a)[0], bounds(b)[0]) || cmp(bounds(a)[1], bounds(b)[1]),
        )[0];
        const last = [...m.dates].sort((a, b) => cmp(bounds(b)[1], bounds(a)[1]) || cmp(bounds(b)[0], bounds(a)[0]))[0];
        return { name, events: m.n, first: first ?? null, last: last ?? null };
      })
      .sort((a, b) => b.events - a.events || cmp(a.name, b.name));
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  function expectMetRight(s: Store): void {
    let checked = 0;
    for (const [code] of COUNTRIES.slice(0, 12)) {
      const got = s.personsMet({ country: code, exceptCountry: "JPN" }).map(({ name, events, first, last }) => ({
        name,
        events,
        first,
        last,
      }));
      expect(got, code).toEqual(metFromEvents(s, code));
      checked += got.length;
    }
    expect(checked).toBeGreaterThan(0);
  }

  /** The overview's tallies counted from the parties (what eventTallies must equal). */
  function talliesFromParties(db: Database.Database) {
    return db
      .prepare(
        `SELECT country, type, CASE WHEN sort_key = '~' THEN NULL ELSE CAST(substr(sort_key, 1, 4) AS INTEGER) END AS year,
           COUNT(*) AS count FROM event_parties GROUP BY country, type, year ORDER BY country, type, year`,
      )
      .all();
  }
  const sortedTallies = (s: Store) =>
    [...s.eventTallies()].sort(
      (a, b) => cmp(a.country, b.country) || cmp(a.type, b.type) || (a.year ?? -1) - (b.year ?? -1),
    );

  describe("persons met and event tallies kept by triggers", () => {
    it("equal those counted from the events after adding, replacing and removing documents", () => {
      store.ingestMany(Array.from({ length: 6 }, (_, i) => syntheticDocument(i, 30)));
      expectMetRight(store);
      expect(sortedTallies(store)).toEqual(talliesFromParties(store.readonlyDb()));

      // the same keys with other content (fewer events, other dates and persons): replaced
      expect(store.ingest(syntheticDocument(2, 10, 99))).toBe("replaced");
      expect(store.ingest(syntheticDocument(5, 40, 98))).toBe("replaced");
      expectMetRight(store);
      expect(sortedTallies(store)).toEqual(talliesFromParties(store.readonlyDb()));

      store.removeDocument(syntheticDocument(0, 30).extraction.id!);
      store.removeDocument(syntheticDocument(3, 30).extraction.id!);
      expectMetRight(store);
      expect(sortedTallies(store)).toEqual(talliesFromParties(store.readonlyDb()));

      for (const d of store.documents()) store.removeDocument(d.key);
      expect(store.personsMet({ country: "USA" })).toEqual([]);
      expect(store.eventTallies()).toEqual([]);
    });

    it("count the rows of documents written after the last ones were removed (their ids are reused)", () => {
      store.ingestMany(Array.from({ length: 4 }, (_, i) => syntheticDocument(i, 30)));
      const db = store.readonlyDb();
      const top = () => db.prepare("SELECT MAX(id) FROM events").pluck().get() as number;
      const before = top();
      // the last two documents hold the highest ids; after their removal new rows take those ids again
      store.removeDocument(syntheticDocument(3, 30).extraction.id!);
      store.removeDocument(syntheticDocument(2, 30).extraction.id!);
      store.ingest(syntheticDocument(7, 20));
      expect(top()).toBeLessThan(before);
      store.ingest(syntheticDocument(8, 20));
      expectMetRight(store);
      expect(sortedTallies(store)).toEqual(talliesFromParties(db));
      expect(kept(store)).toEqual(counted(db));
      // and replacing the last document (its ids are the highest) in the same transaction as a new one
      store.ingestMany([syntheticDocument(8, 5, 42), syntheticDocument(9, 25)]);
      expectMetRight(store);
      expect(sortedTallies(store)).toEqual(talliesFromParties(db));
      expect(kept(store)).toEqual(counted(db));
    });
  });

  describe("persons met: first and last dates as the texts give them", () => {
    const doc = (key: string, dates: (string | null)[]) =>
      makeDoc({
        key,
        text: dates.map((_, i) => `Minister Ann Lee met the Japanese delegation on item ${i}.`).join(" "),
        meta: { countries: ["JPN", "USA"], persons: [{ name: "Ann Lee", role: "Secretary", country: "USA" }] },
        events: dates.map((date, i) => ({
          type: "meeting" as const,
          countries: ["JPN", "USA"],
          date,
          participants: ["Ann Lee"],
          at: `item ${i}.`,
        })),
      });
    const met = () => {
      const [p] = store.personsMet({ country: "USA" });
      return p ? { events: p.events, first: p.first, last: p.last } : null;
    };

    it("first: the earliest start, the most precise on a tie; last: the latest end", () => {
      // "2013-04" may be any day of April: it can end after the 15th, so it is the last
      store.ingest(doc("a", ["2013-04-15", "2013-04", "2012-03", "2012-03-01", null]));
      expect(met()).toEqual({ events: 5, first: "2012-03-01", last: "2013-04" });
      // a year-only date ends on 31 December: it can be later than any day of its year
      store.ingest(doc("b", ["2014", "2014-06-01"]));
      expect(met()).toEqual({ events: 7, first: "2012-03-01", last: "2014" });
      store.removeDocument("b");
      expect(met()).toEqual({ events: 5, first: "2012-03-01", last: "2013-04" });
      // removing a document stored before others (folded in, when folding at each document) that held
      // the first or the last: they are found again among the events left
      store.ingest(doc("b", ["2014", "2011-05-02"]));
      store.ingest(doc("c", ["2012-01"]));
      expect(met()).toEqual({ events: 8, first: "2011-05-02", last: "2014" });
      store.removeDocument("b");
      expect(met()).toEqual({ events: 6, first: "2012-01", last: "2013-04" });
      store.removeDocument("c");
      // replaced: the first and last are found again among the events left
      store.ingest(doc("a", ["2013-04-15", null]));
      expect(met()).toEqual({ events: 2, first: "2013-04-15", last: "2013-04-15" });
      store.ingest(doc("a", [null]));
      expect(met()).toEqual({ events: 1, first: null, last: null });
    });
  });
});

describe("a partner's stated counts by year", () => {
  it("equal the counts grouped by their year (the period's, else the year before the edition), capped per year", () => {
    store.ingestMany([...Array.from({ length: 8 }, (_, i) => syntheticDocument(i * 22, 10)), usDoc(), ruDoc()]);
    const undated = syntheticDocument(1, 5);
    undated.extraction.counts = undated.extraction.counts.map((c) => ({ ...c, period: null }));
    store.ingest(undated);
    for (const code of ["USA", "CHN", "KOR", "RUS"]) {
      const byYear = new Map<number, number[]>();
      for (const c of store.counts({ country: code })) {
        const y = Number((c.periodStart ?? c.periodEnd ?? "").slice(0, 4)) || (c.evidence.edition ?? 0) - 1;
        if (y > 0) byYear.set(y, [...(byYear.get(y) ?? []), c.id]);
      }
      const want = [...byYear]
        .sort((a, b) => a[0] - b[0])
        .map(([year, ids]) => ({ year, total: ids.length, ids: ids.slice(0, 3) }));
      const got = store
        .countsByYear(code, 3)
        .map((y) => ({ year: y.year, total: y.total, ids: y.items.map((c) => c.id) }));
      expect(got, code).toEqual(want);
    }
    // the cap was exercised: some year states more counts than it lists
    expect(
      ["USA", "CHN", "KOR", "RUS"].some((c) => store.countsByYear(c, 3).some((y) => y.total > y.items.length)),
    ).toBe(true);
  });
});

describe("migration order", () => {
  it("applies the steps in version order whatever the order of the list (steps are numbered by task)", () => {
    const db = new Database(":memory:");
    const applied = migrate(db, [...MIGRATIONS].reverse());
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT n FROM totals WHERE key = 'documents'").pluck().get()).toBe(0);
    db.close();
  });
});
