/**
 * A write batch runs with foreign-key enforcement off (the parent lookups are
 * pointless for rows the write path has just linked), so deleting a replaced
 * document's rows is done by the store instead of the schema's cascades. The
 * store it leaves must be the one enforcement would have left: no dangling
 * row, the same rows in every table, the same totals and tallies, and
 * enforcement back on once the batch is over.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syntheticDocument } from "../../../bench/synthetic.js";
import type { AnalyzedDocument } from "../../../src/model/types.js";
import { openStore, type Store } from "../../../src/storage/index.js";
import { readoutDoc, ruDoc, US_TEXT, usDoc } from "./fixtures.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-batch-keys-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every table's rows in a fixed order, minus the times of writing and migrating (which differ between two stores). */
function dump(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentences_fts%' AND name NOT LIKE 'analysis_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const t of tables) {
    // a tally brought down to 0 is the same figure as none (readers skip n = 0): when it happens
    // depends on when the rows were folded in, which batches change
    const rows = (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).filter(
      (r) =>
        !(t === "meta" && String(r.key).startsWith("migration_")) &&
        !((t === "event_tallies" || t === "partner_persons") && r.n === 0),
    );
    for (const r of rows) delete r.ingested_at;
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  // the full-text index: which sentence ids a few words find
  out.fts = ["Japan", "talks", "Prime", "visited", "Minister"].map((w) =>
    db.prepare("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid").pluck().all(w),
  );
  return out;
}

/** Each step: documents written in one batch, or keys removed. */
type Step = { write: AnalyzedDocument[] } | { remove: string[] };

function withKey(doc: AnalyzedDocument, key: string): AnalyzedDocument {
  doc.extraction.id = key;
  doc.source.id = key;
  doc.source.hash = `${key}-${doc.source.hash}`;
  return doc;
}

/** A document with no sentences, events, counts or mentions. */
function empty(key: string): AnalyzedDocument {
  const d = withKey(syntheticDocument(99, 1), key);
  d.text = "";
  d.sentences = [];
  d.mentions = [];
  d.extraction = { ...d.extraction, events: [], counts: [], persons: [], countries: [], organizations: [] };
  return d;
}

function steps(): Step[] {
  const shorter = usDoc();
  shorter.extraction.events = shorter.extraction.events.filter((e) => e.type !== "meeting");
  shorter.extraction.counts = [];
  return [
    { write: [usDoc(`${US_TEXT} Japan and the United States held talks.`), ruDoc(), readoutDoc()] },
    // synthetic documents: many events, parties, participants and counts each
    { write: [0, 1, 2, 3].map((n) => withKey(syntheticDocument(n, 40), `syn-${n}`)) },
    // replacements in the middle of a batch, one of them of the document with the highest ids
    {
      write: [
        withKey(syntheticDocument(9, 12, 3), "syn-1"),
        shorter,
        withKey(syntheticDocument(5, 30), "syn-5"),
        withKey(syntheticDocument(8, 5, 11), "syn-5"),
      ],
    },
    { remove: ["ru-2014", "syn-2"] },
    // a document with no rows of its own after syn-6 folds syn-6's rows in, which then hold the
    // highest ids: replacing syn-6 must bring the marks down, or the new rows (reusing those ids)
    // would count as folded already
    {
      write: [
        withKey(syntheticDocument(6, 25), "syn-6"),
        withKey(syntheticDocument(7, 2, 5), "syn-3"),
        withKey(syntheticDocument(10, 30), "syn-7"),
        empty("empty-1"),
      ],
    },
    { write: [withKey(syntheticDocument(11, 4, 9), "syn-7")] },
  ];
}

function run(store: Store, batched: boolean): void {
  for (const step of steps()) {
    if ("remove" in step) {
      for (const key of step.remove) expect(store.removeDocument(key)).toBe(true);
    } else if (batched) {
      store.beginBatch!();
      for (const d of step.write) store.ingest(d, { force: true });
      store.commitBatch!();
    } else {
      for (const d of step.write) store.ingest(d, { force: true });
    }
  }
}

describe("a write batch without foreign-key enforcement", () => {
  it("leaves the same store as writes with enforcement, with no dangling row", () => {
    const batched = openStore(join(dir, "batched.db"));
    const single = openStore(join(dir, "single.db"));
    try {
      // fold the totals and tallies at every document, so replacements subtract folded rows
      for (const s of [batched, single])
        s.readonlyDb().prepare("UPDATE totals SET n = 0 WHERE key = 'fold:every'").run();
      run(batched, true);
      run(single, false);
      const a = batched.readonlyDb();
      expect(a.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      a.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
      expect(a.pragma("foreign_keys", { simple: true })).toBe(1);
      const da = dump(a);
      expect(da.events!.length).toBeGreaterThan(60);
      expect(da.event_participants!.length).toBeGreaterThan(50);
      expect(da.count_parties!.length).toBeGreaterThan(0);
      expect(da).toEqual(dump(single.readonlyDb()));
      expect(batched.stats()).toEqual(single.stats());
    } finally {
      batched.close();
      single.close();
    }
  });

  it("turns enforcement back on after a rollback, and removal outside a batch cascades", () => {
    const store = openStore(join(dir, "s.db"));
    try {
      const db = store.readonlyDb();
      store.beginBatch!();
      expect(db.pragma("foreign_keys", { simple: true })).toBe(0);
      store.ingest(ruDoc());
      store.rollbackBatch!();
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.documents()).toEqual([]);

      store.beginBatch!();
      store.ingest(ruDoc());
      store.commitBatch!();
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.removeDocument("ru-2014")).toBe(true);
      for (const t of ["sentences", "events", "event_parties", "document_mentions", "person_roles", "document_texts"])
        expect(db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0);
    } finally {
      store.close();
    }
  });
});
