import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dateBounds,
  MIGRATIONS,
  migrate,
  openStore,
  QueryError,
  SCHEMA_VERSION,
  type Store,
} from "../../../src/storage/index.js";
import { makeDoc, RU_TEXT, readoutDoc, ruDoc, US_TEXT, usDoc } from "./fixtures.js";

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-store-"));
  file = join(dir, "test.db");
  store = openStore(file);
});
afterEach(() => store.close());

/** Every row of every table, to compare a store before and after. */
function snapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t.name] = db.prepare(`SELECT * FROM "${t.name}" ORDER BY 1, 2`).all();
  out.fts = db.prepare("SELECT rowid, text FROM sentences_fts ORDER BY rowid").all();
  return out;
}

describe("schema and migrations", () => {
  it("creates the schema in an empty file with WAL, foreign keys and a version", () => {
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    const db = store.readonlyDb();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({
      value: String(SCHEMA_VERSION),
    });
    expect(store.organizations().map((o) => o.id)).toContain("ASEAN");
  });

  it("reopens idempotently, keeping the data", () => {
    store.ingest(usDoc());
    store.close();
    store = openStore(file);
    expect(migrate(store.readonlyDb())).toEqual([]);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(store.documents().map((d) => d.key)).toEqual(["na-2014"]);
    expect(store.events()).toHaveLength(3);
  });

  it("runs each migration step in a transaction: a failing step leaves the file at the previous version", () => {
    const db = new Database(join(dir, "m.db"));
    const steps = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        description: "broken",
        up: (d: Database.Database) => {
          d.exec("CREATE TABLE extra (x)");
          throw new Error("boom");
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow("boom");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    expect(
      migrate(db, [
        ...MIGRATIONS,
        { version: SCHEMA_VERSION + 1, description: "ok", up: (d) => d.exec("CREATE TABLE extra (x)") },
      ]),
    ).toEqual([SCHEMA_VERSION + 1]);
    db.close();
  });

  it("migrates a store written at version 1 forward, keeping its data", () => {
    store.close();
    const old = join(dir, "v1.db");
    const db = new Database(old);
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma("user_version", { simple: true })).toBe(1);
    // a document as version 1 stored it: sentences, a row per mention, an event with its party
    const text = "Prime Minister Abe met President Obama. The United States is Japan's ally.";
    db.exec(`
      INSERT INTO documents(id, key, path, format, hash, bytes, kind, edition, word_count, ingested_at)
        VALUES (1, 'v1-doc', '/x/v1-doc.txt', 'text', 'h1', ${text.length}, 'bluebook', 2014, 12, '2014-01-01T00:00:00Z');
      INSERT INTO document_texts(document_id, text) VALUES (1, '${text.replace(/'/g, "''")}');
      INSERT INTO sentences(id, document_id, idx, start, "end", kind, text)
        VALUES (7, 1, 0, 0, 39, 'paragraph', 'Prime Minister Abe met President Obama.'),
               (8, 1, 1, 40, ${text.length}, 'paragraph', 'The United States is Japan''s ally.');
      INSERT INTO mentions(document_id, kind, key, start, "end", surface, sentence_id)
        VALUES (1, 'person', 'Shinzo Abe', 15, 18, 'Abe', 7), (1, 'country', 'USA', 44, 57, 'United States', 8),
               (1, 'person', 'Barack Obama', 33, 38, 'Obama', 7), (1, 'country', 'JPN', 61, 66, 'Japan', 8);
      INSERT INTO events(id, document_id, ord, type, date, date_lo, date_hi, year, sentence_id, ev_start, ev_end, ev_text)
        VALUES (1, 1, 0, 'meeting', '2013-02', '2013-02-01', '2013-02-28', 2013, 7, 0, 39, 'Prime Minister Abe met President Obama.');
      INSERT INTO event_parties(event_id, country) VALUES (1, 'JPN'), (1, 'USA');
      INSERT INTO document_countries(document_id, country) VALUES (1, 'JPN'), (1, 'USA');
    `);
    db.close();
    store = openStore(old);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(store.events()).toHaveLength(1);
    expect(store.events({ country: ["USA"] })[0]!.evidence.text).toBe("Prime Minister Abe met President Obama.");
    // migration 13: the mentions in start order, surfaces and sentences kept
    expect(store.mentions(1)).toEqual([
      { kind: "person", key: "Shinzo Abe", start: 15, end: 18, surface: "Abe", sentenceId: 7 },
      { kind: "person", key: "Barack Obama", start: 33, end: 38, surface: "Obama", sentenceId: 7 },
      { kind: "country", key: "USA", start: 44, end: 57, surface: "United States", sentenceId: 8 },
      { kind: "country", key: "JPN", start: 61, end: 66, surface: "Japan", sentenceId: 8 },
    ]);
    expect(
      store.readonlyDb().prepare("SELECT kind, key, surface, documents FROM mention_names ORDER BY key").all(),
    ).toEqual([
      { kind: "person", key: "Barack Obama", surface: "Obama", documents: 1 },
      { kind: "country", key: "JPN", surface: "Japan", documents: 1 },
      { kind: "person", key: "Shinzo Abe", surface: "Abe", documents: 1 },
      { kind: "country", key: "USA", surface: "United States", documents: 1 },
    ]);
    expect(store.stats()).toMatchObject({ documents: 1, sentences: 2, events: 1 });
    expect(store.readonlyDb().prepare("SELECT key FROM meta WHERE key LIKE 'migration_%' ORDER BY key").all()).toEqual(
      MIGRATIONS.map((m) => ({ key: `migration_${m.version}` })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
  });

  it("migration 4 gives event participants a role row for the document", () => {
    const doc = usDoc();
    doc.extraction.persons = doc.extraction.persons.filter((p) => p.name !== "John Kerry");
    store.ingest(doc);
    const db = store.readonlyDb();
    const kerry = () => store.person("Kerry")!;
    expect(kerry()).toMatchObject({ documents: 1, events: 1, roles: [], country: null });
    db.exec("DELETE FROM person_roles WHERE role IS NULL");
    db.pragma("user_version = 3");
    expect(kerry().documents).toBe(0);
    store.close();
    store = openStore(file);
    expect(kerry().documents).toBe(1);
  });

  it("refuses a file written by a newer schema", () => {
    store.close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openStore(file)).toThrow(/newer/);
    store = openStore(join(dir, "other.db"));
  });

  it("opens read-only without writing", () => {
    store.ingest(usDoc());
    const ro = openStore(file, { readonly: true });
    expect(ro.events()).toHaveLength(3);
    expect(() => ro.ingest(ruDoc())).toThrow(/readonly/i);
    ro.close();
    expect(() => openStore(join(dir, "missing.db"), { readonly: true })).toThrow();
  });
});

describe("round trip", () => {
  it("stores a document with its text, sentences, events, counts, persons and mentions", () => {
    const doc = usDoc();
    expect(store.ingest(doc)).toBe("added");
    const d = store.document("na-2014")!;
    expect(d).toMatchObject({
      key: "na-2014",
      kind: "bluebook",
      edition: 2014,
      coveredYear: 2013,
      section: "North America",
      summary: false,
      hash: doc.source.hash,
      wordCount: doc.wordCount,
    });
    expect(store.document(d.id)?.key).toBe("na-2014");
    expect(store.documentText(d.id)).toBe(US_TEXT);
    const sentences = store.sentences(d.id);
    expect(sentences.map((s) => s.text)).toEqual(doc.sentences.map((s) => s.text));

    const events = store.events({ documentId: d.id });
    expect(events.map((e) => e.type)).toEqual(["meeting", "meeting", "agreement"]);
    const [summit, call, statement] = events;
    expect(summit).toMatchObject({
      level: "summit",
      modality: "in_person",
      countries: ["JPN", "USA"],
      date: "2013-04",
      year: 2013,
      location: "USA",
      place: "Washington",
      participants: ["Shinzo Abe", "Barack Obama"],
    });
    expect(statement).toMatchObject({ title: "Japan-U.S. Joint Statement", status: "released", level: null });
    for (const e of events) {
      expect(US_TEXT.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.evidence).toMatchObject({ documentKey: "na-2014", edition: 2014, section: "North America" });
      const s = sentences.find((x) => x.id === e.evidence.sentenceId)!;
      expect(s.text).toBe(e.evidence.text);
    }
    expect(call!.participants).toEqual(["Fumio Kishida", "John Kerry"]);
    expect(store.event(summit!.id)).toEqual(summit);

    const [count] = store.counts();
    expect(count).toMatchObject({
      level: "summit",
      countries: ["JPN", "USA"],
      total: 8,
      telephone: null,
      approximate: false,
      periodStart: "2013-01",
      periodEnd: "2013-12",
    });
    expect(count!.evidence.text).toContain("eight summit meetings");

    expect(store.person("Abe")).toMatchObject({
      name: "Shinzo Abe",
      country: "JPN",
      roles: ["Prime Minister"],
      events: 1,
    });
    const ents = store.documentEntities(d.id);
    expect(ents.countries).toEqual(["JPN", "USA"]);
    expect(ents.organizations).toEqual(["G8"]);
    expect(ents.persons).toContainEqual({ name: "John Kerry", role: "Secretary of State", country: "USA" });
    const mentions = store.mentions(d.id);
    expect(mentions.map((m) => [m.kind, m.key, US_TEXT.slice(m.start, m.end)])).toEqual([
      ["person", "Shinzo Abe", "Shinzo Abe"],
      ["country", "USA", "United States"],
    ]);
    expect(mentions[0]!.sentenceId).toBe(sentences[0]!.id);
  });

  it("keeps persons global with roles per document and counts their documents and events", () => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
    const abe = store.person("shinzo abe")!;
    expect(abe.documents).toBe(2);
    expect(abe.events).toBe(3);
    expect(store.person("Yun")?.name).toBe("Yun Byung-se");
    expect(store.persons({ country: "jpn" }).map((p) => p.name)).toEqual(["Shinzo Abe", "Fumio Kishida"]);
    expect(store.persons({ name: "kish" }).map((p) => p.name)).toEqual(["Fumio Kishida"]);
    expect(store.persons({ limit: 1 })).toHaveLength(1);
    expect(store.persons().map((p) => [p.name, p.events, p.documents])).toEqual([
      ["Shinzo Abe", 3, 2],
      ["Fumio Kishida", 2, 2],
      ["Barack Obama", 1, 1],
      ["John Kerry", 1, 1],
      ["Vladimir Putin", 1, 1],
      ["Yun Byung-se", 1, 1],
    ]);
    expect(store.persons({ offset: 1, limit: 1 })[0]).toEqual(store.person("Kishida"));
    expect(store.countPersons()).toBe(6);
    expect(store.countPersons({ country: "JPN" })).toBe(2);
  });

  it("rejects evidence that is not the slice of the text it points at, storing nothing", () => {
    const doc = usDoc();
    doc.extraction.events[0]!.evidence = { start: 0, end: 10, text: "not there" };
    expect(() => store.ingest(doc)).toThrow(/na-2014: event 1 \(meeting\) evidence text does not match/);
    expect(store.documents()).toEqual([]);
  });

  it("reports statistics", () => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
    expect(store.stats()).toMatchObject({
      documents: 3,
      events: 6,
      counts: 1,
      persons: 6,
      editions: [2014],
      eventsByType: { agreement: 1, meeting: 4, visit: 1 },
    });
  });
});

describe("filters", () => {
  beforeEach(() => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
  });
  const keys = (f: Parameters<Store["events"]>[0]) =>
    store.events(f).map((e) => `${e.evidence.documentKey}:${e.type}:${e.date}`);

  it("filters events by country (every country named must be a party)", () => {
    expect(store.events({ country: "rus" })).toHaveLength(2);
    expect(store.events({ country: ["JPN", "USA"] })).toHaveLength(3);
    expect(store.events({ country: ["USA", "RUS"] })).toHaveLength(0);
  });

  it("filters by type, level and modality, singly or as lists", () => {
    expect(store.events({ type: "visit" }).map((e) => e.place)).toEqual(["Moscow"]);
    expect(store.events({ level: "foreign_ministers" })).toHaveLength(2);
    expect(store.events({ modality: "telephone" }).map((e) => e.participants)).toEqual([
      ["Fumio Kishida", "John Kerry"],
    ]);
    expect(store.events({ type: ["visit", "agreement"] })).toHaveLength(2);
    expect(store.countEvents({ type: "meeting", level: "summit" })).toBe(2);
  });

  it("filters by person name or family name, case-insensitively", () => {
    expect(store.events({ person: "Kishida" })).toHaveLength(2);
    expect(store.events({ person: "fumio kishida" })).toHaveLength(2);
    expect(store.events({ person: "Yun" })).toHaveLength(1);
    expect(store.events({ person: "Kish" })).toHaveLength(0);
  });

  it("filters by a date range of partial dates, overlapping the event's own precision", () => {
    expect(keys({ from: "2013-05", to: "2013-12" })).toEqual(["na-2014:meeting:2013-06"]);
    expect(keys({ from: "2015" })).toEqual(["readout-2015-06-21:meeting:2015-06-21"]);
    expect(store.events({ from: "2013-04-15", to: "2013-04-15" })).toHaveLength(4);
    expect(store.events({ to: "2013-03" })).toHaveLength(0);
    expect(() => store.events({ from: "April 2013" })).toThrow(QueryError);
    expect(() => store.events({ to: "2013-13" })).toThrow(/to must be a date/);
  });

  it("matches a year-only date against a range inside that year, and not against the next year", () => {
    store.ingest(
      makeDoc({
        key: "year-only",
        text: "In 2013, Japan and Canada held a summit meeting.",
        events: [{ type: "meeting", level: "summit", countries: ["CAN", "JPN"], date: "2013", at: "held a summit" }],
      }),
    );
    expect(store.events({ country: "CAN", from: "2013-06", to: "2013-07" })).toHaveLength(1);
    expect(store.events({ country: "CAN", from: "2013-12-31" })).toHaveLength(1);
    expect(store.events({ country: "CAN", from: "2014-01" })).toHaveLength(0);
    expect(store.events({ country: "CAN", to: "2012-12-31" })).toHaveLength(0);
    expect(store.countEvents({ type: "meeting", from: "2013", to: "2013" })).toBe(4);
  });

  it("matches a month-only date against a day inside that month, and 1 January only on that day", () => {
    store.ingest(
      makeDoc({
        key: "partial-dates",
        text: "In May 2016, Japan and Canada held a summit meeting. On 1 January 2016, Japan and Canada signed an agreement.",
        events: [
          { type: "meeting", level: "summit", countries: ["CAN", "JPN"], date: "2016-05", at: "held a summit" },
          { type: "agreement", countries: ["CAN", "JPN"], date: "2016-01-01", at: "signed an agreement" },
        ],
      }),
    );
    const types = (f: Parameters<Store["events"]>[0]) => store.events({ country: "CAN", ...f }).map((e) => e.type);
    expect(types({ from: "2016-05-20" })).toEqual(["meeting"]);
    expect(types({ from: "2016-05-20", to: "2016-05-31" })).toEqual(["meeting"]);
    expect(types({ from: "2016-01-02" })).toEqual(["meeting"]);
    expect(types({ from: "2016-01-01", to: "2016-01-01" })).toEqual(["agreement"]);
    expect(types({ from: "2016-06" })).toEqual([]);
    expect(store.countEvents({ country: "CAN", from: "2016-05-20" })).toBe(1);
    expect(store.countEvents({ from: "2016-01-02", to: "2016-12" })).toBe(1);
  });

  it("keeps each person's numbers of events and documents through replace and remove", () => {
    const recount = () =>
      store
        .readonlyDb()
        .prepare(
          `SELECT p.name, (SELECT COUNT(*) FROM event_participants WHERE person_id = p.id) AS events,
             (SELECT COUNT(*) FROM person_roles WHERE person_id = p.id) AS documents FROM persons p ORDER BY p.name`,
        )
        .all();
    const listed = () =>
      store
        .persons()
        .map((p) => ({ name: p.name, events: p.events, documents: p.documents }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(listed()).toEqual(recount());
    store.ingest(usDoc(`${US_TEXT} Japan and the United States held talks.`));
    expect(listed()).toEqual(recount());
    store.removeDocument("ru-2014");
    expect(listed()).toEqual(recount());
    expect(store.person("Shinzo Abe")).toMatchObject({ events: expect.any(Number) });
    expect(store.person("Shinzo Abe")!.events).toBe(listed().find((p) => p.name === "Shinzo Abe")!.events);
  });

  it("pages in date order, undated events last, with no row on two pages", () => {
    const all = store.events();
    const dates = all.map((e) => e.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dates.slice(0, dated.length)).toEqual(dated);
    expect(dated.map((d) => dateBounds(d)![0])).toEqual(dated.map((d) => dateBounds(d)![0]).sort());
    const paged = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((offset) => store.events({ limit: 1, offset }).map((e) => e.id));
    expect(paged).toEqual(all.map((e) => e.id).slice(0, 8));
  });

  it("filters by edition, pages with limit and offset, and orders by date", () => {
    expect(store.events({ edition: 2014 })).toHaveLength(5);
    const all = store.events();
    expect(all.map((e) => e.date)).toEqual(["2013-04", "2013-04", "2013-04", "2013-04", "2013-06", "2015-06-21"]);
    expect(store.events({ limit: 2, offset: 4 })).toEqual(all.slice(4, 6));
  });

  it("filters counts by country, level and period", () => {
    expect(store.counts({ country: "USA" })).toHaveLength(1);
    expect(store.counts({ country: "RUS" })).toHaveLength(0);
    expect(store.counts({ level: "foreign_ministers" })).toHaveLength(0);
    expect(store.counts({ from: "2013-06", to: "2013-06" })).toHaveLength(1);
    expect(store.counts({ from: "2014" })).toHaveLength(0);
    store.ingest(
      makeDoc({
        key: "no-period",
        text: "Japan and Canada have held three summit meetings.",
        counts: [{ level: "summit", countries: ["CAN", "JPN"], total: 3, period: null, at: "three summit" }],
      }),
    );
    expect(store.counts({ country: "CAN" }).map((c) => [c.total, c.periodStart])).toEqual([[3, null]]);
    expect(store.counts({ country: "CAN", from: "2013" })).toEqual([]);
  });

  it("filters documents", () => {
    expect(store.documents({ kind: "readout" }).map((d) => d.key)).toEqual(["readout-2015-06-21"]);
    expect(store.documents({ section: "central asia" }).map((d) => d.key)).toEqual(["ru-2014"]);
    expect(store.documents({ edition: 2014 })).toHaveLength(2);
  });

  it("uses indexes for the query filters (EXPLAIN QUERY PLAN)", () => {
    const db = store.readonlyDb();
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(plan("SELECT 1 FROM event_parties p WHERE p.event_id = 1 AND p.country = 'USA'")).toMatch(
      /USING (COVERING |PRIMARY )?(INDEX|KEY)/,
    );
    expect(plan("SELECT event_id FROM event_parties WHERE country = 'USA'")).toMatch(/event_parties_country/);
    expect(plan("SELECT id FROM events WHERE type = 'meeting' AND level = 'summit'")).toMatch(
      /events_(type|level)_sort/,
    );
    expect(plan("SELECT id FROM events WHERE sort_key <= '2013-12-31' AND sort_key >= '2013-01-01'")).toMatch(
      /events_sort/,
    );
    expect(plan("SELECT id FROM counts WHERE level = 'summit' ORDER BY sort_key")).toMatch(/counts_level_sort/);
    expect(plan("SELECT id FROM persons WHERE family = 'Abe' COLLATE NOCASE")).toMatch(/persons_family/);
    expect(plan("SELECT event_id FROM event_participants WHERE person_id = 1")).toMatch(/event_participants_person/);
    expect(plan("SELECT id FROM documents WHERE edition = 2014")).toMatch(/documents_edition/);
    expect(plan("SELECT count_id FROM count_parties WHERE country = 'USA'")).toMatch(/count_parties_country/);
    expect(plan("SELECT id FROM events WHERE document_id = 1")).toMatch(/events_document/);
  });

  it("indexes every foreign-key column, so deleting a replaced document never scans a table", () => {
    const db = store.readonlyDb();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    const missing: string[] = [];
    for (const t of tables) {
      const fks = db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { from: string }[];
      if (!fks.length) continue;
      const leading = new Set<string>();
      for (const idx of db.prepare(`PRAGMA index_list("${t}")`).all() as { name: string }[]) {
        const first = (db.prepare(`PRAGMA index_info("${idx.name}")`).all() as { seqno: number; name: string }[]).find(
          (c) => c.seqno === 0,
        );
        if (first) leading.add(first.name);
      }
      const pk = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; pk: number; type: string }[]).find(
        (c) => c.pk === 1,
      );
      if (pk) leading.add(pk.name);
      for (const fk of fks) if (!leading.has(fk.from)) missing.push(`${t}.${fk.from}`);
    }
    expect(missing).toEqual([]);
  });

  it("drives the store's own filtered queries from an index, not a scan of events or counts", () => {
    const db = store.readonlyDb();
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = (sql: string) => {
      if (
        /FROM (events e|counts c|event_parties p0|count_parties p0|event_participants ep)\b/.test(sql) &&
        /WHERE[\s\S]*LIMIT/.test(sql)
      ) {
        const n = (sql.match(/\?/g) ?? []).length;
        const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(n).fill("x")) as { detail: string }[];
        plans.push(rows.map((r) => r.detail).join("\n"));
      }
      return prepare(sql);
    };
    (db as { prepare: unknown }).prepare = spy;
    try {
      store.events({ country: "USA" });
      store.events({ person: "Abe" });
      store.events({ type: "visit" });
      store.events({ from: "2013", to: "2013-06" });
      store.events({ documentId: 1 });
      store.counts({ country: "USA" });
    } finally {
      (db as { prepare: unknown }).prepare = prepare;
    }
    expect(plans).toHaveLength(6);
    for (const p of plans) expect(p).not.toMatch(/^SCAN (e|c)$/m);
  });
});

describe("full-text search", () => {
  beforeEach(() => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
  });

  it("finds words with keyword in context, edition and section", () => {
    const hits = store.search("Putin");
    expect(hits).toHaveLength(1);
    const [h] = hits;
    expect(h!.match).toBe("Putin");
    expect(h!.left).toMatch(/President Vladimir $/);
    expect(h!.right).toBe(" in Moscow.");
    expect(h!.snippet).toContain("[Putin]");
    expect(h!.document).toMatchObject({
      key: "ru-2014",
      edition: 2014,
      section: "Russia, Central Asia, and the Caucasus",
    });
    expect(RU_TEXT.slice(h!.sentence.start, h!.sentence.end)).toBe(h!.sentence.text);
  });

  it("ignores case and diacritics, supports phrases and prefixes, ANDs words", () => {
    expect(store.search("securite")).toHaveLength(1);
    expect(store.search("CAFÉ")).toHaveLength(1);
    expect(store.search('"summit meeting"')).toHaveLength(1);
    const [pm] = store.search("Vladimir Putin");
    expect(pm!.match).toBe("Vladimir Putin");
    expect(pm!.snippet).toContain("President [Vladimir Putin] in Moscow");
    expect(store.search("negot*")).toHaveLength(0);
    expect(store.search("tele*").map((h) => h.match)).toEqual(["telephone"]);
    expect(store.search("Kishida meeting")).toHaveLength(1);
    expect(store.countSearch("Abe")).toBe(2);
  });

  it("filters by edition, section and kind", () => {
    expect(store.search("Kishida", { kind: "readout" }).map((h) => h.document.key)).toEqual(["readout-2015-06-21"]);
    expect(store.search("Kishida", { edition: 2014 }).map((h) => h.document.key)).toEqual(["na-2014"]);
    expect(store.search("Abe", { section: "north america" })).toHaveLength(1);
    expect(store.search("Abe", { limit: 1 })).toHaveLength(1);
  });

  it("quotes user input so that FTS syntax cannot break the query", () => {
    for (const q of ['"unbalanced', "AND OR NOT", "Abe AND (", "col:Abe", "Japan-U.S.", "NEAR(", "*", "^Abe"]) {
      expect(() => store.search(q), q).not.toThrow(/fts5|syntax/);
    }
    expect(store.search("Japan-U.S.")).toHaveLength(1);
    expect(() => store.search("  ()*  ")).toThrow(QueryError);
  });

  it("reports a malformed raw FTS query as a QueryError", () => {
    expect(store.search("Abe OR Putin", { raw: true })).toHaveLength(2);
    expect(() => store.search("Abe AND (", { raw: true })).toThrow(QueryError);
    expect(() => store.search('"open', { raw: true })).toThrow(/malformed search query/);
  });
});

describe("transactional writes", () => {
  it("skips unchanged content by hash", () => {
    expect(store.ingest(usDoc())).toBe("added");
    const before = snapshot(store.readonlyDb());
    expect(store.hashOf("na-2014")).toBe(usDoc().source.hash);
    expect(store.ingest(usDoc())).toBe("unchanged");
    expect(snapshot(store.readonlyDb())).toEqual(before);
    expect(store.ingest(usDoc(), { force: true })).toBe("replaced");
  });

  it("replaces a changed document (same key, new hash) with everything derived from it", () => {
    store.ingestMany([usDoc(), readoutDoc()]);
    const changed = makeDoc({
      key: "na-2014",
      text: "In May, Prime Minister Shinzo Abe held a summit meeting with Prime Minister Stephen Harper in Ottawa.",
      meta: {
        countries: ["CAN", "JPN"],
        persons: [
          { name: "Shinzo Abe", role: "Prime Minister", country: "JPN" },
          { name: "Stephen Harper", role: "Prime Minister", country: "CAN" },
        ],
      },
      events: [
        {
          type: "meeting",
          level: "summit",
          modality: "in_person",
          countries: ["CAN", "JPN"],
          date: "2013-05",
          participants: ["Shinzo Abe", "Stephen Harper"],
          at: "Harper",
        },
      ],
    });
    expect(store.ingest(changed)).toBe("replaced");
    expect(
      store
        .documents()
        .map((d) => d.key)
        .sort(),
    ).toEqual(["na-2014", "readout-2015-06-21"]);
    const d = store.document("na-2014")!;
    expect(store.documentText(d.id)).toContain("Harper");
    expect(store.events({ documentId: d.id }).map((e) => e.countries)).toEqual([["CAN", "JPN"]]);
    expect(store.counts()).toEqual([]);
    expect(store.search("Obama")).toEqual([]);
    expect(store.search("Harper")).toHaveLength(1);
    expect(store.person("Obama")).toBeNull();
    expect(store.person("Kishida")?.documents).toBe(1);
    const db = store.readonlyDb();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sentences").get()).toEqual({ n: 2 });
    expect(
      db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).toBeTruthy();
  });

  it("leaves the store as it was when a document fails inside its transaction", () => {
    store.ingestMany([usDoc(), readoutDoc()]);
    const before = snapshot(store.readonlyDb());
    const bad = usDoc(US_TEXT.replace("June", "July"));
    // the failure comes late: after the old record was deleted and the new rows inserted
    Object.defineProperty(bad, "mentions", {
      get() {
        throw new Error("extractor crashed");
      },
    });
    expect(() => store.ingest(bad)).toThrow("extractor crashed");
    expect(snapshot(store.readonlyDb())).toEqual(before);

    const badMention = ruDoc();
    badMention.mentions.push({ kind: "place" as "country", key: "X", start: 0, end: 1, surface: "P", sentence: 0 });
    expect(() => store.ingest(badMention)).toThrow(/ru-2014\.txt: mention \d+ has an unknown kind "place"/);
    expect(snapshot(store.readonlyDb())).toEqual(before);
  });

  it("ingests many documents all or nothing", () => {
    const bad = ruDoc();
    bad.extraction.counts.push({
      level: "summit",
      countries: ["JPN"],
      total: 1,
      period: null,
      evidence: { start: 0, end: 5000, text: "x" },
    });
    expect(() => store.ingestMany([usDoc(), bad])).toThrow(/ru-2014: count 1/);
    expect(store.documents()).toEqual([]);
  });

  it("gives a concurrent reader a consistent snapshot during a replace", () => {
    store.ingest(usDoc());
    const reader = new Database(file, { readonly: true });
    const countAll = () =>
      reader
        .prepare(
          "SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM sentences) AS sentences, (SELECT group_concat(key) FROM documents) AS keys",
        )
        .get();
    reader.exec("BEGIN");
    const seen = countAll();
    expect(seen).toEqual({ events: 3, sentences: 4, keys: "na-2014" });
    store.ingest(makeDoc({ key: "na-2014", text: "A short replacement text without events." }));
    store.ingest(ruDoc());
    expect(countAll()).toEqual(seen);
    reader.exec("COMMIT");
    expect(countAll()).toEqual({ events: 2, sentences: 4, keys: "na-2014,ru-2014" });
    reader.close();
  });

  it("removes a document and what depends on it", () => {
    store.ingestMany([usDoc(), ruDoc()]);
    expect(store.removeDocument("na-2014")).toBe(true);
    expect(store.removeDocument("na-2014")).toBe(false);
    expect(store.events().every((e) => e.evidence.documentKey === "ru-2014")).toBe(true);
    expect(store.person("Kerry")).toBeNull();
    expect(store.person("Abe")?.documents).toBe(1);
  });
});
