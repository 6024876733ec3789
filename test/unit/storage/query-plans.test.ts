/**
 * The main queries' plans (EXPLAIN QUERY PLAN): each is driven by an index
 * that also delivers its order, so a page of 50 reads about 50 rows whatever
 * the size of the store. This test fails when an index the queries rely on is
 * dropped or a query is rewritten so that SQLite must scan the events or
 * sentences, or sort every match before LIMIT. That is its purpose.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../../src/storage/api.js";
import { openStore } from "../../../src/storage/index.js";
import { readoutDoc, ruDoc, usDoc } from "./fixtures.js";

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-plans-"));
  store = openStore(join(dir, "p.db"));
  store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plans of every statement `run` prepares (the store caches statements: call on a fresh store). */
function plansOf(run: () => void): { sql: string; plan: string }[] {
  const db = store.readonlyDb();
  const prepare = db.prepare.bind(db);
  const out: { sql: string; plan: string }[] = [];
  (db as { prepare: unknown }).prepare = (sql: string) => {
    if (/^\s*(SELECT|WITH)/i.test(sql)) {
      const n = (sql.match(/\?/g) ?? []).length;
      const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(n).fill("x")) as { detail: string }[];
      out.push({ sql, plan: rows.map((r) => r.detail).join("\n") });
    }
    return prepare(sql) as Database.Statement;
  };
  try {
    run();
  } finally {
    (db as { prepare: unknown }).prepare = prepare;
  }
  return out;
}

/** No full scan of a big table, no sort of all matches before LIMIT. */
function expectIndexed(plans: { sql: string; plan: string }[]): void {
  expect(plans.length).toBeGreaterThan(0);
  for (const { sql, plan } of plans) {
    const where = `${plan}\n-- for --\n${sql}`;
    // a SCAN without an index reads every row; "SCAN e USING INDEX events_sort" walks the page order and stops
    expect(plan, where).not.toMatch(/^SCAN (e|s|c|ep|p0|events|sentences|counts|event_parties|event_participants)$/m);
    expect(plan, where).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  }
}

/** The plans of the page query (the one with ORDER BY ... LIMIT) that `run` prepares. */
const pageOf = (plans: { sql: string; plan: string }[]) => plans.filter((p) => /LIMIT \?/.test(p.sql));

describe("query plans of the main queries", () => {
  it("events by country and type (with offset): event_parties(country, type, sort_key) delivers the order", () => {
    const plans = plansOf(() => store.events({ country: "USA", type: "meeting", limit: 50, offset: 50 }));
    expectIndexed(pageOf(plans));
    expect(pageOf(plans)[0]!.plan).toMatch(/event_parties_country_type/);
  });

  it("events by one country, by two countries", () => {
    const one = plansOf(() => store.events({ country: "USA", limit: 50 }));
    expectIndexed(pageOf(one));
    expect(pageOf(one)[0]!.plan).toMatch(/event_parties_country_sort/);
    store.close();
    store = openStore(join(dir, "p.db"));
    expectIndexed(pageOf(plansOf(() => store.events({ country: ["JPN", "USA"], limit: 50 }))));
  });

  it("events by level and date range", () => {
    const plans = plansOf(() => store.events({ level: "summit", from: "2013", to: "2015", limit: 50 }));
    expectIndexed(pageOf(plans));
    expect(pageOf(plans)[0]!.plan).toMatch(/events_level_sort|events_sort/);
  });

  it("events by type, by date range alone, and unfiltered", () => {
    expectIndexed(pageOf(plansOf(() => store.events({ type: "visit", limit: 50 }))));
    store.close();
    store = openStore(join(dir, "p.db"));
    expectIndexed(pageOf(plansOf(() => store.events({ from: "2013-04", to: "2014", limit: 50 }))));
    store.close();
    store = openStore(join(dir, "p.db"));
    expectIndexed(pageOf(plansOf(() => store.events({ limit: 50 }))));
  });

  it("events by person: event_participants(person_id, sort_key)", () => {
    const plans = plansOf(() => store.events({ person: "Fumio Kishida", limit: 50 }));
    const page = pageOf(plans);
    expect(page).toHaveLength(1);
    expectIndexed(page);
    expect(page[0]!.plan).toMatch(/event_participants_person_sort/);
  });

  it("a date range's total is counted from events(sort_key, date_hi) alone", () => {
    const plans = plansOf(() => store.countEvents({ from: "2013-03", to: "2013-05" }));
    expectIndexed(plans);
    expect(plans[0]!.plan).toMatch(/COVERING INDEX events_sort_hi/);
  });

  it("event totals count an index, not the events", () => {
    expectIndexed(
      plansOf(() => {
        store.countEvents({ country: "USA", type: "meeting" });
        store.countEvents({ level: "summit", from: "2013", to: "2015" });
        store.countEvents({ person: "Fumio Kishida" });
      }),
    );
  });

  it("search: FTS5 in rowid order (LIMIT stops early); the total is a bounded count", () => {
    const plans = plansOf(() => {
      store.search("meeting", { limit: 20, offset: 20 });
      store.countSearch("meeting", {}, 10_000);
    });
    expectIndexed(plans);
    expect(plans.find((p) => /highlight/.test(p.sql))!.plan).toMatch(/SCAN f VIRTUAL TABLE/);
  });

  it("counts by country, and their total: count_parties(country, sort_key)", () => {
    const plans = plansOf(() => {
      store.counts({ country: "USA", limit: 100 });
      store.countCounts({ country: "USA" });
    });
    expectIndexed(plans);
    expect(pageOf(plans)[0]!.plan).toMatch(/count_parties_country_sort/);
  });

  it("persons in rank order from persons_rank", () => {
    const plans = pageOf(plansOf(() => store.persons({ limit: 50 })));
    expectIndexed(plans);
    expect(plans[0]!.plan).toMatch(/persons_rank/);
  });

  it("the overview's tallies read the folded tallies, and the parties stored since by primary key only", () => {
    const plans = plansOf(() => store.eventTallies());
    expect(plans).toHaveLength(1);
    expect(plans[0]!.plan).toMatch(/event_tallies/);
    expect(plans[0]!.plan).toMatch(/SEARCH event_parties USING PRIMARY KEY \(event_id>\?\)/);
    expect(plans[0]!.plan).not.toMatch(/^SCAN event_parties|event_parties USING (COVERING )?INDEX/m);
  });

  it("the statistics read the folded totals, and the rows stored since by rowid range only", () => {
    const plans = plansOf(() => store.stats());
    const all = plans.map((p) => p.plan).join("\n");
    expect(all).toMatch(/totals/);
    for (const table of ["events", "sentences", "counts"])
      expect(all).toMatch(new RegExp(`SEARCH ${table} USING INTEGER PRIMARY KEY \\(rowid>\\?\\)`));
    expect(all).not.toMatch(
      /^SCAN (events|sentences|counts|event_parties)|(events|sentences|counts) USING (COVERING )?INDEX/m,
    );
  });

  it("a date range with both ends is counted over that range only, not up to the undated events", () => {
    const plans = plansOf(() => {
      store.countEvents({ from: "2013-03", to: "2013-05" });
      store.countEvents({ type: "meeting", from: "2013", to: "2013" });
    });
    expectIndexed(plans);
    // a second upper bound ("< '~'") lets the planner scan from `from` to the end of the index
    for (const { sql } of plans) expect(sql).not.toMatch(/< '~'/);
  });

  it("a person's events are counted on event_participants alone", () => {
    const plans = plansOf(() => store.countEvents({ person: "Fumio Kishida" }));
    expect(plans.find((p) => /COUNT/.test(p.sql))!.plan).toMatch(
      /^SEARCH ep USING COVERING INDEX event_participants_person_sort \(person_id=\?\)$/,
    );
  });

  it("persons met with a partner: partner_persons by its key, and the pairs stored since by event id", () => {
    const plans = plansOf(() => store.personsMet({ country: "USA", exceptCountry: "JPN", limit: 100 }));
    const met = plans.find((p) => /partner_persons/.test(p.sql))!;
    expect(met.plan).toMatch(/SEARCH partner_persons USING PRIMARY KEY \(country=\? AND type=\?\)/);
    expect(met.plan).toMatch(/SEARCH p0 USING PRIMARY KEY \(event_id>\?\)/);
    expect(met.plan).not.toMatch(/^SCAN (e|ep|p0|events|event_parties|event_participants)$/m);
    expect(met.plan).not.toMatch(/p0 USING (COVERING )?INDEX/);
  });
});
