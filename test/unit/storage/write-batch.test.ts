/**
 * The write path's batches and per-document bookkeeping: several documents in
 * one transaction (one that fails takes none of the others down), the full-text index filled
 * once per transaction, persons' counters moved per document (migration 9).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../../src/storage/index.js";
import { readoutDoc, ruDoc, US_TEXT, usDoc } from "./fixtures.js";

let dir: string;
let path: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-batch-"));
  path = join(dir, "s.db");
  store = openStore(path);
});
afterEach(() => store.close());

/** A second connection, as a reader in another process would have. */
function readKeys(): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT key FROM documents ORDER BY key").all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

function ftsIntact(): void {
  store.readonlyDb().prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
}

/** Every person's counters against the rows they count. */
function counterDrift(): unknown[] {
  return store
    .readonlyDb()
    .prepare(
      `SELECT p.name, p.n_events, p.n_documents,
         (SELECT COUNT(*) FROM event_participants x WHERE x.person_id = p.id) AS events,
         (SELECT COUNT(*) FROM person_roles r WHERE r.person_id = p.id) AS documents
       FROM persons p`,
    )
    .all()
    .filter((r) => {
      const row = r as { n_events: number; n_documents: number; events: number; documents: number };
      return row.n_events !== row.events || row.n_documents !== row.documents;
    });
}

describe("a write batch", () => {
  it("commits its documents together; one that fails is rolled back alone", () => {
    const bad = ruDoc();
    bad.extraction.events[0]!.evidence = { start: 0, end: 3, text: "xyz" };
    store.beginBatch!();
    expect(store.ingest(usDoc())).toBe("added");
    expect(() => store.ingest(bad)).toThrow(/evidence text does not match/);
    expect(store.ingest(readoutDoc())).toBe("added");
    // readers see the last commit until the batch commits
    expect(readKeys()).toEqual([]);
    store.commitBatch!();
    expect(readKeys()).toEqual(["na-2014", "readout-2015-06-21"]);
    expect(store.search("Obama").length).toBeGreaterThan(0);
    expect(store.search("Medvedev")).toEqual([]);
    ftsIntact();
    expect(counterDrift()).toEqual([]);
  });

  it("survives a document that fails half-written: its batch-mates and the old version it was replacing stay", () => {
    store.ingest(ruDoc());
    const before = store.mentions(store.document("ru-2014")!.id);
    // a new version of ru-2014 that fails after its old record was deleted and its new rows inserted
    const bad = ruDoc();
    bad.source = { ...bad.source, hash: "changed" };
    Object.defineProperty(bad, "mentions", {
      get() {
        throw new Error("extractor crashed");
      },
    });
    store.beginBatch!();
    expect(store.ingest(usDoc())).toBe("added");
    expect(() => store.ingest(bad)).toThrow("extractor crashed");
    expect(store.ingest(readoutDoc())).toBe("added");
    store.commitBatch!();
    expect(readKeys()).toEqual(["na-2014", "readout-2015-06-21", "ru-2014"]);
    expect(store.document("ru-2014")!.hash).toBe(ruDoc().source.hash);
    expect(store.mentions(store.document("ru-2014")!.id)).toEqual(before);
    // the batch-mate's mentions are stored
    expect(store.mentions(store.document("na-2014")!.id).length).toBeGreaterThan(0);
    expect(store.search("Obama").length).toBeGreaterThan(0);
    ftsIntact();
    expect(counterDrift()).toEqual([]);
  });

  it("rolled back, leaves the store as it was", () => {
    store.ingest(readoutDoc());
    store.beginBatch!();
    store.ingest(usDoc());
    store.ingest(ruDoc());
    store.rollbackBatch!();
    expect(readKeys()).toEqual(["readout-2015-06-21"]);
    expect(store.search("Obama")).toEqual([]);
    ftsIntact();
    expect(counterDrift()).toEqual([]);
  });

  it("fills the full-text index once, at its commit, exactly: through replacements within the batch and a replayed failure", () => {
    const indexed = () =>
      (store.readonlyDb().prepare("SELECT COUNT(*) AS n FROM sentences_fts_docsize").get() as { n: number }).n;
    const sentences = () =>
      (store.readonlyDb().prepare("SELECT COUNT(*) AS n FROM sentences").get() as { n: number }).n;
    const bad = readoutDoc();
    bad.extraction.events[0]!.evidence = { start: 0, end: 3, text: "xyz" };
    store.beginBatch!();
    store.ingest(usDoc());
    store.ingest(ruDoc());
    // inside the batch, nothing is indexed yet
    expect(indexed()).toBe(0);
    // replaced within its own batch: first a document whose rows are not the last ones, then the one
    // holding the highest ids (the new rows take ids the deleted ones had)
    expect(store.ingest(usDoc(US_TEXT.replace("Obama", "Biden")), { force: true })).toBe("replaced");
    const ru = ruDoc();
    ru.source = { ...ru.source, hash: "changed" };
    expect(store.ingest(ru)).toBe("replaced");
    // a failure: the batch is rolled back and its documents written again
    expect(() => store.ingest(bad)).toThrow(/evidence text does not match/);
    expect(store.ingest(readoutDoc())).toBe("added");
    store.commitBatch!();
    ftsIntact();
    expect(indexed()).toBe(sentences());
    expect(store.search("Obama")).toEqual([]);
    expect(store.search("Biden").length).toBeGreaterThan(0);
    expect(store.search("Putin").length).toBeGreaterThan(0);
    // a document written alone (its own transaction) is indexed at once
    expect(store.removeDocument("readout-2015-06-21")).toBe(true);
    store.ingest(readoutDoc());
    ftsIntact();
    expect(indexed()).toBe(sentences());
  });

  it("lost to SQLite (the transaction rolled back under it), refuses further documents and fails its commit", () => {
    store.beginBatch!();
    store.ingest(usDoc());
    store.readonlyDb().exec("ROLLBACK"); // what SQLite does itself on a full disk or an I/O error
    expect(() => store.ingest(ruDoc())).toThrow(/rolled back/);
    expect(() => store.commitBatch!()).toThrow(/rolled back/);
    expect(readKeys()).toEqual([]);
    // the next batch works
    store.beginBatch!();
    store.ingest(ruDoc());
    store.commitBatch!();
    expect(readKeys()).toEqual(["ru-2014"]);
  });
});

describe("per-document bookkeeping", () => {
  it("keeps persons' counters and the full-text index right through adds, replaces and removals", () => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
    expect(counterDrift()).toEqual([]);
    ftsIntact();
    expect(store.person("Shinzo Abe")!.events).toBeGreaterThan(1);

    // a replaced document: a different text, fewer events
    expect(store.ingest(usDoc(US_TEXT.replace("Obama", "Biden")))).toBe("replaced");
    expect(counterDrift()).toEqual([]);
    ftsIntact();
    expect(store.search("Biden").length).toBeGreaterThan(0);

    expect(store.removeDocument("ru-2014")).toBe(true);
    expect(counterDrift()).toEqual([]);
    ftsIntact();
    expect(store.search("Medvedev")).toEqual([]);
  });

  it("indexes every stored sentence for search exactly once", () => {
    store.ingestMany([usDoc(), ruDoc(), readoutDoc()]);
    const db = store.readonlyDb();
    const sentences = (db.prepare("SELECT COUNT(*) AS n FROM sentences").get() as { n: number }).n;
    // every sentence has one row in the index's size table, and the index answers for each of them
    expect((db.prepare("SELECT COUNT(*) AS n FROM sentences_fts_docsize").get() as { n: number }).n).toBe(sentences);
    const ids = db.prepare("SELECT id, text FROM sentences").all() as { id: number; text: string }[];
    for (const s of ids) {
      const word = s.text.match(/(?<![\p{L}\p{N}])[A-Za-z]{4,}(?![\p{L}\p{N}])/u)?.[0];
      if (!word) continue;
      const hits = db.prepare("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?").pluck().all(`"${word}"`);
      expect(hits, word).toContain(s.id);
    }
  });

  it("folds the totals and tallies in at its commit: a reader of the store at rest adds no pending rows", () => {
    const db = store.readonlyDb();
    const pending = () =>
      db
        .prepare(
          `SELECT (SELECT COALESCE(MAX(id), 0) FROM events) - (SELECT n FROM totals WHERE key = 'upto:events') AS events,
             (SELECT COALESCE(MAX(id), 0) FROM sentences) - (SELECT n FROM totals WHERE key = 'upto:sentences') AS sentences,
             (SELECT COALESCE(MAX(id), 0) FROM counts) - (SELECT n FROM totals WHERE key = 'upto:counts') AS counts,
             (SELECT COALESCE(MAX(id), 0) FROM events) - (SELECT n FROM totals WHERE key = 'upto:parties') AS parties`,
        )
        .get();
    const none = { events: 0, sentences: 0, counts: 0, parties: 0 };
    store.beginBatch!();
    store.ingest(usDoc());
    store.ingest(ruDoc());
    // inside the transaction (fewer rows than 'fold:every'), the last documents' rows wait
    expect(Object.values(pending() as Record<string, number>).some((n) => n > 0)).toBe(true);
    store.commitBatch!();
    expect(pending()).toEqual(none);
    // the statistics are the folded figures alone
    expect(store.stats().events).toBe(
      (db.prepare("SELECT SUM(n) AS n FROM totals WHERE key LIKE 'events:%'").get() as { n: number }).n,
    );
    expect(store.stats().events).toBeGreaterThan(0);
    // a single document's own transaction folds too
    store.ingest(readoutDoc());
    expect(pending()).toEqual(none);
  });
});
