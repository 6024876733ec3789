/**
 * The SQLite implementation of the Store (better-sqlite3, WAL, foreign keys on).
 *
 * Writes: one document = one transaction, or a batch (beginBatch/commitBatch:
 * one transaction for several documents, each of which stores or fails
 * whole). A document whose key is already
 * stored with the same content hash is skipped; with a different hash its
 * previous record (events, counts, sentences, mentions, roles) is deleted and
 * the new one inserted in the same transaction, so readers (other connections,
 * WAL snapshots) see either the old or the new record, never a mix.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { dataFile } from "../model/paths.js";
import type { AnalyzedDocument, DocumentKind, EventType, Evidence, Sentence } from "../model/types.js";
import type {
  CorpusStats,
  CountFilter,
  CountRow,
  CountYear,
  DocumentEntities,
  DocumentFilter,
  DocumentRow,
  EventFilter,
  EventRow,
  EventTally,
  EvidenceRef,
  IngestOptions,
  IngestOutcome,
  MentionRow,
  OrganizationRow,
  PersonFilter,
  PersonMetRow,
  PersonRow,
  PersonsMetFilter,
  SearchFilter,
  SearchHit,
  SentenceRow,
  Store,
} from "./api.js";
import { QueryError, toFtsQuery } from "./fts.js";
import { migrate, SCHEMA_VERSION } from "./schema.js";

export interface OpenStoreOptions {
  /** open an existing store without writing to it (no migration) */
  readonly?: boolean;
  /** organizations table source; defaults to data/organizations.json */
  organizationsFile?: string;
}

type Row = Record<string, unknown>;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) can mean, as comparable strings. */
export function dateBounds(date: string): [string, string] | null {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d && (Number(d) < 1 || Number(d) > 31)) return null;
  if (d) return [date, date];
  if (mo) return [`${y}-${mo}-01`, `${y}-${mo}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

function boundsOrThrow(param: string, date: string): [string, string] {
  const b = dateBounds(date);
  if (!b) throw new QueryError(`${param} must be a date YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(date)})`);
  return b;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const bool = (v: unknown): boolean => v === 1 || v === true;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const jsonList = (v: unknown): string[] => (typeof v === "string" && v ? (JSON.parse(v) as string[]) : []);
/**
 * A person's distinct roles in order, by skip-scan over person_roles(person_id, role): one index seek
 * per role, however many documents name the person (both `?` are the person's id).
 */
const SKIP_ROLES = `WITH RECURSIVE r(role) AS (
    SELECT MIN(role) FROM person_roles WHERE person_id = ? AND role IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(role) FROM person_roles WHERE person_id = ? AND role > r.role) FROM r WHERE r.role IS NOT NULL
  ) SELECT role FROM r WHERE role IS NOT NULL`;

const BATCH_LOST = "the batch's transaction was rolled back by a failed write; nothing of the batch was stored";

/** The sort key of an undated event: after every ISO date. */
const UNDATED = "~";
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function checkEvidence(doc: AnalyzedDocument, what: string, ev: Evidence): void {
  const key = doc.extraction.id;
  if (!Number.isInteger(ev.start) || !Number.isInteger(ev.end) || ev.start < 0 || ev.end < ev.start)
    throw new Error(`${key}: ${what} has invalid evidence offsets ${ev.start}..${ev.end}`);
  if (ev.end > doc.text.length)
    throw new Error(`${key}: ${what} evidence ${ev.start}..${ev.end} lies beyond the text (${doc.text.length})`);
  if (doc.text.slice(ev.start, ev.end) !== ev.text)
    throw new Error(`${key}: ${what} evidence text does not match the document text at ${ev.start}..${ev.end}`);
}

/** Index in `sentences` (sorted by start) of the sentence holding offset `pos`, or -1. */
function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const DOC_COLUMNS = `d.id, d.key, d.path, d.format, d.hash, d.bytes, d.kind, d.edition, d.summary,
  d.covered_year, d.section, d.date, d.title, d.sample, d.word_count, d.ingested_at`;

function toDocument(r: Row): DocumentRow {
  return {
    id: Number(r.id),
    key: String(r.key),
    path: String(r.path),
    format: String(r.format),
    hash: String(r.hash),
    bytes: Number(r.bytes),
    kind: r.kind as DocumentKind,
    edition: num(r.edition),
    summary: bool(r.summary),
    coveredYear: num(r.covered_year),
    section: str(r.section),
    date: str(r.date),
    title: str(r.title),
    sample: bool(r.sample),
    wordCount: Number(r.word_count),
    ingestedAt: String(r.ingested_at),
  };
}

function toEvidence(r: Row): EvidenceRef {
  return {
    documentId: Number(r.document_id),
    documentKey: String(r.doc_key),
    sentenceId: num(r.sentence_id),
    start: Number(r.ev_start),
    end: Number(r.ev_end),
    text: String(r.ev_text),
    edition: num(r.edition),
    section: str(r.section),
  };
}

function toCount(row: Row): CountRow {
  return {
    id: Number(row.id),
    level: row.level as CountRow["level"],
    countries: jsonList(row.countries),
    total: Number(row.total),
    telephone: num(row.telephone),
    video: num(row.video),
    approximate: bool(row.approximate),
    periodStart: str(row.period_start),
    periodEnd: str(row.period_end),
    evidence: toEvidence(row),
  };
}

function toSentence(r: Row): SentenceRow {
  return {
    id: Number(r.id),
    documentId: Number(r.document_id),
    index: Number(r.idx),
    start: Number(r.start),
    end: Number(r.end),
    kind: String(r.kind),
    heading: str(r.heading),
    text: String(r.text),
  };
}

interface Where {
  sql: string[];
  params: unknown[];
}

function inList(w: Where, column: string, values: readonly unknown[]): void {
  if (!values.length) return;
  w.sql.push(`${column} IN (${values.map(() => "?").join(", ")})`);
  w.params.push(...values);
}

function documentWhere(filter: Omit<DocumentFilter, "limit" | "offset">): Where {
  const w: Where = { sql: [], params: [] };
  if (filter.kind) inList(w, "d.kind", [filter.kind]);
  if (filter.edition !== undefined) inList(w, "d.edition", [filter.edition]);
  if (filter.section) {
    w.sql.push("d.section LIKE ? ESCAPE '\\'");
    w.params.push(`%${likeEscape(filter.section)}%`);
  }
  return w;
}

/**
 * The statements in the bodies of the triggers on documents that `pick` selects, to run them by hand;
 * a body that uses a row (`forbid`: old. or new.) cannot be, and is refused.
 */
function triggerStatements(
  db: Database.Database,
  pick: (sql: string, name: string) => boolean,
  forbid: RegExp,
): string[] {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'documents' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return rows
    .filter((r) => pick(r.sql, r.name))
    .flatMap((r) => {
      const body = /\bBEGIN\b([\s\S]*)\bEND\s*$/i.exec(r.sql.trim())?.[1];
      if (body === undefined || forbid.test(body)) throw new Error(`trigger ${r.name} cannot be run by hand`);
      return body
        .split(";")
        .map((x) => x.trim())
        .filter(Boolean);
    });
}

/** The distinct (kind, key, surface) of some mentions: a document's rows of mention_names. */
function distinctNames(
  mentions: readonly { kind: string; key: string; surface: string }[],
): [string, string, string][] {
  const seen = new Map<string, [string, string, string]>();
  for (const m of mentions) seen.set(`${m.kind}\u0000${m.key}\u0000${m.surface}`, [m.kind, m.key, m.surface]);
  return [...seen.values()];
}

/** A mention as document_mentions stores it (migration 13); surface null: the text between start and end. */
type PackedMention = [MentionRow["kind"], string, number, number, number | null, string | null];

export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  private st(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  hashOf(key: string): string | null {
    const r = this.st("SELECT hash FROM documents WHERE key = ?").get(key) as Row | undefined;
    return r ? String(r.hash) : null;
  }

  // Writes take the write lock up front (BEGIN IMMEDIATE): a second writer (another `panorama ingest`)
  // then waits on busy_timeout instead of failing with SQLITE_BUSY when upgrading a stale read snapshot.
  ingest(doc: AnalyzedDocument, opts: IngestOptions = {}): IngestOutcome {
    if (!this.batch)
      return this.db
        .transaction(() => {
          this.ftsFrom = null; // (a transaction that failed left it set; its rows are gone)
          const outcome = this.write(doc, opts);
          this.indexPending();
          this.fold();
          return outcome;
        })
        .immediate();
    // lost (see replayBatch): a document written now would commit on its own while the report
    // counts it with the lost batch
    if (!this.db.inTransaction) throw new Error(BATCH_LOST);
    try {
      const outcome = this.write(doc, opts);
      this.batch.push([doc, opts]);
      return outcome;
    } catch (e) {
      this.replayBatch();
      throw e;
    }
  }

  ingestMany(docs: AnalyzedDocument[], opts: IngestOptions = {}): IngestOutcome[] {
    if (this.batch) throw new Error("ingestMany: a batch is open (use ingest)");
    return this.db
      .transaction(() => {
        this.ftsFrom = null;
        const outcomes = docs.map((d) => this.write(d, opts));
        this.indexPending();
        this.fold();
        return outcomes;
      })
      .immediate();
  }

  // A batch: one write transaction that several ingest() calls join; one commit per batch instead of
  // per document (the commit, and the WAL frames of the pages every document touches: index pages,
  // FTS segments, are written once per batch). A document is written without a savepoint of its own
  // (a savepoint copies every page it first touches to a sub-journal: ~20% of the store's time):
  // should one fail half-written, the whole transaction is rolled back and the batch's earlier
  // documents, kept until the commit, are written again, so the failure takes none of them down.
  private batch: [AnalyzedDocument, IngestOptions][] | null = null;

  private replayBatch(): void {
    if (this.db.inTransaction) this.st("ROLLBACK").run();
    this.ftsFrom = null;
    try {
      this.st("BEGIN IMMEDIATE").run();
      for (const [d, o] of this.batch!) this.write(d, o);
    } catch {
      // (SQLite itself rolls a transaction back on a full disk or an I/O error): the batch is lost,
      // and ingest() and commitBatch() say so
      if (this.db.inTransaction) this.st("ROLLBACK").run();
    }
  }

  // A batch runs with foreign-key enforcement off: every row write() inserts references the document
  // and sentences it has just inserted (or persons and organizations it has just looked up or
  // inserted), so the parent lookup SQLite makes for each of the ~700 rows per document proves nothing
  // and costs ~20% of the store's time. (The pragma cannot change inside a transaction: it is set
  // before BEGIN and restored after COMMIT or ROLLBACK.) What the constraints do on delete, the
  // cascades of a replaced document, is done by deleteDocument; a test checks `foreign_key_check`
  // after batches of adds and replacements, and that the store equals one written with enforcement on.
  private fkOff = false;

  beginBatch(): void {
    if (this.db.inTransaction) throw new Error("beginBatch: a transaction is already open");
    this.db.pragma("foreign_keys = OFF");
    this.fkOff = true;
    try {
      this.st("BEGIN IMMEDIATE").run();
    } catch (e) {
      this.enforceKeys();
      throw e;
    }
    this.ftsFrom = null;
    this.batch = [];
  }

  private enforceKeys(): void {
    if (!this.fkOff || this.db.inTransaction) return;
    this.db.pragma("foreign_keys = ON");
    this.fkOff = false;
  }

  // The totals and tallies (migrations 11, 12) are folded in at the end of every write transaction, so
  // a reader of a store at rest adds no pending rows; the fold triggers (every 'fold:every' rows) only
  // bound what a reader adds while a long transaction is being written.
  private foldSql: string[] | null = null;

  // The full-text index of the sentences is filled once per write transaction, not per document: FTS5
  // writes its pending terms out as a new segment whenever a statement opens a savepoint, which every
  // document's first INSERT did (its triggers make it need a statement journal), so a batch of 40
  // documents made 40 small segments for FTS5 to merge again. `ftsFrom` is the first sentence id not yet
  // indexed. Every id from it on was written since: new rows take the highest id plus one, and sentences
  // are only deleted (deleteDocument) after indexPending, which also resets it.
  private ftsFrom: number | null = null;

  private indexPending(): void {
    if (this.ftsFrom === null) return;
    this.st("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?").run(this.ftsFrom);
    this.ftsFrom = null;
  }

  private fold(): void {
    this.foldSql ??= triggerStatements(this.db, (_sql, name) => name.endsWith("_fold"), /\b(old|new)\./i);
    for (const sql of this.foldSql) this.st(sql).run();
  }

  commitBatch(): void {
    const was = this.batch !== null;
    this.batch = null;
    try {
      if (this.db.inTransaction) {
        if (was) {
          this.indexPending();
          this.fold();
        }
        this.st("COMMIT").run();
      } else if (was) throw new Error(BATCH_LOST);
    } finally {
      this.enforceKeys();
    }
  }

  rollbackBatch(): void {
    this.batch = null;
    this.ftsFrom = null;
    try {
      if (this.db.inTransaction) this.st("ROLLBACK").run();
    } finally {
      this.enforceKeys();
    }
  }

  removeDocument(key: string): boolean {
    if (this.batch) throw new Error("removeDocument: a batch is open");
    return this.db
      .transaction(() => {
        const r = this.st("SELECT id FROM documents WHERE key = ?").get(key) as Row | undefined;
        if (!r) return false;
        this.deleteDocument(Number(r.id));
        this.dropOrphanPersons();
        return true;
      })
      .immediate();
  }

  /**
   * Deletes a document and everything that hangs from it. With foreign keys enforced the schema's
   * ON DELETE CASCADE does it; in a batch (enforcement off) the same rows are deleted here, in the
   * order SQLite's cascade takes: the documents row first (its BEFORE DELETE triggers subtract the
   * document's folded rows, which must still be there), then the rows that reference it, deepest
   * first, then what its AFTER DELETE triggers do once the cascade is over (marks come down to the
   * highest id left).
   */
  private deleteDocument(id: number): void {
    // FTS5 can only delete what it indexed (its 'delete' command takes the text it was given)
    this.indexPending();
    // the names this document used: one document fewer each, gone at none
    const dec = this.st(
      "UPDATE mention_names SET documents = documents - 1 WHERE kind = ? AND key = ? AND surface = ?",
    );
    const gone = this.st("DELETE FROM mention_names WHERE kind = ? AND key = ? AND surface = ? AND documents <= 0");
    for (const n of distinctNames(this.mentions(id))) {
      dec.run(...n);
      gone.run(...n);
    }
    this.st("DELETE FROM documents WHERE id = ?").run(id);
    if (!this.fkOff) return;
    const { cascade, after } = this.cascadeSql();
    for (const sql of cascade) this.st(sql).run(id);
    for (const sql of after) this.st(sql).run();
  }

  private cascade: { cascade: string[]; after: string[] } | null = null;

  /**
   * Read from the schema: DELETE statements (one parameter: the document id) for every table the
   * documents table cascades to, and the statements of the AFTER DELETE triggers on documents (which
   * must not need `old`: they run after the cascade, when the row is long gone).
   */
  private cascadeSql(): { cascade: string[]; after: string[] } {
    if (this.cascade) return this.cascade;
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'")
      .pluck()
      .all() as string[];
    const edges = tables.flatMap((t) =>
      (this.db.prepare("SELECT * FROM pragma_foreign_key_list(?)").all(t) as Row[])
        .filter((f) => f.on_delete === "CASCADE")
        .map((f) => ({ child: t, column: String(f.from), parent: String(f.table), key: String(f.to ?? "id") })),
    );
    const out: string[] = [];
    // `keys(k)`: a SELECT of column k of the rows being deleted from `table`; a table's children are
    // deleted before it, since they are found through it
    const visit = (table: string, keys: (k: string) => string, depth: number) => {
      if (depth > 8) throw new Error(`cascade from documents deeper than 8 tables at ${table}`);
      for (const e of edges.filter((x) => x.parent === table)) {
        const where = `${e.column} IN (${keys(e.key)})`;
        visit(e.child, (k) => `SELECT ${k} FROM ${e.child} WHERE ${where}`, depth + 1);
        out.push(`DELETE FROM ${e.child} WHERE ${where}`);
      }
    };
    // the documents row itself is gone already: its key is the parameter
    visit(
      "documents",
      (k) => {
        if (k !== "id") throw new Error(`a table references documents(${k}), not documents(id)`);
        return "SELECT ?";
      },
      0,
    );
    const after = triggerStatements(this.db, (sql) => /\bAFTER\s+DELETE\s+ON\s+documents\b/i.test(sql), /\bold\./i);
    this.cascade = { cascade: out, after };
    return this.cascade;
  }

  private dropOrphanPersons(): void {
    this.st(
      `DELETE FROM persons WHERE NOT EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = persons.id)
         AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.person_id = persons.id)`,
    ).run();
  }

  private personId(name: string, family: string | undefined, country: string | null): number {
    const fam = family ?? name.trim().split(/\s+/).at(-1) ?? name;
    // most names are stored already and need no change: an indexed read instead of an upsert that
    // rewrites the row and its family index entry
    const had = this.st("SELECT id, family, country FROM persons WHERE name = ?").get(name) as Row | undefined;
    if (had && (had.country !== null || country === null) && (!family || had.family === fam)) return Number(had.id);
    const r = this.st(
      `INSERT INTO persons(name, family, country) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET country = COALESCE(persons.country, excluded.country),
         family = CASE WHEN ? THEN excluded.family ELSE persons.family END
       RETURNING id`,
    ).get(name, fam, country, family ? 1 : 0) as Row;
    return Number(r.id);
  }

  /** The body of one document's transaction. */
  private write(doc: AnalyzedDocument, opts: IngestOptions): IngestOutcome {
    const x = doc.extraction;
    const key = x.id;
    if (!key) throw new Error(`${doc.source.path}: the document has no id`);
    const prev = this.st("SELECT id, hash FROM documents WHERE key = ?").get(key) as Row | undefined;
    if (prev && prev.hash === doc.source.hash && !opts.force) return "unchanged";

    // Validate before touching anything: a bad record must not replace a good one.
    const sentences = [...doc.sentences].sort((a, b) => a.start - b.start);
    x.events.forEach((e, i) => {
      checkEvidence(doc, `event ${i + 1} (${e.type})`, e.evidence);
    });
    x.counts.forEach((c, i) => {
      checkEvidence(doc, `count ${i + 1} (${c.level})`, c.evidence);
    });

    if (prev) this.deleteDocument(Number(prev.id));

    const docId = Number(
      this.st(
        `INSERT INTO documents(key, path, format, encoding, hash, bytes, kind, edition, summary, covered_year,
           section, date, title, sample, word_count, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        key,
        doc.source.path,
        doc.source.format,
        doc.source.encoding ?? "utf-8",
        doc.source.hash,
        doc.source.bytes,
        x.kind,
        x.edition,
        x.summary ? 1 : 0,
        x.coveredYear,
        x.section,
        x.date,
        doc.source.title ?? null,
        (opts.sample ?? doc.source.sample) ? 1 : 0,
        doc.wordCount,
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    this.st("INSERT INTO document_texts(document_id, text) VALUES (?, ?)").run(docId, doc.text);

    const insSentence = this.st(
      `INSERT INTO sentences(document_id, idx, start, "end", kind, heading, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const sentenceIds = new Map<number, number>();
    for (const s of doc.sentences) {
      const id = Number(insSentence.run(docId, s.index, s.start, s.end, s.kind, s.heading, s.text).lastInsertRowid);
      sentenceIds.set(s.index, id);
      // the full-text index is filled at the end of the transaction (indexPending)
      this.ftsFrom ??= id;
    }
    const sentenceIdAt = (pos: number): number | null => {
      const i = sentenceAt(sentences, pos);
      return i < 0 ? null : (sentenceIds.get(sentences[i]!.index) ?? null);
    };

    const insCountry = this.st("INSERT OR IGNORE INTO document_countries(document_id, country) VALUES (?, ?)");
    for (const c of x.countries) insCountry.run(docId, c);
    const insOrg = this.st("INSERT OR IGNORE INTO organizations(id, name, known) VALUES (?, ?, 0)");
    const insDocOrg = this.st(
      "INSERT OR IGNORE INTO document_organizations(document_id, organization_id) VALUES (?, ?)",
    );
    for (const o of x.organizations) {
      insOrg.run(o, o);
      insDocOrg.run(docId, o);
    }

    const insRole = this.st(
      "INSERT OR IGNORE INTO person_roles(person_id, document_id, role, country) VALUES (?, ?, ?, ?)",
    );
    // Per document: each person's upsert runs once per distinct (name, family, country) (a repeat is a
    // no-op), each person_roles row once (INSERT OR IGNORE keeps the first anyway), and the persons'
    // counters move once at the end (migration 9 replaced the per-row triggers).
    const personIds = new Map<string, number>();
    const pidOf = (name: string, family: string | undefined, country: string | null): number => {
      const k = `${name}\u0000${family ?? "\u0001"}\u0000${country ?? "\u0001"}`;
      let id = personIds.get(k);
      if (id === undefined) {
        id = this.personId(name, family, country);
        personIds.set(k, id);
      }
      return id;
    };
    const roled = new Set<number>();
    const addRole = (pid: number, role: string | null, country: string | null) => {
      if (roled.has(pid)) return;
      roled.add(pid);
      insRole.run(pid, docId, role, country);
    };
    const eventsOf = new Map<number, number>();
    const known = new Map<string, (typeof x.persons)[number]>();
    for (const p of x.persons) {
      if (!known.has(p.name)) known.set(p.name, p);
      addRole(pidOf(p.name, p.family, p.country), p.role, p.country);
    }

    const insEvent = this.st(
      `INSERT INTO events(document_id, ord, type, level, modality, date, date_lo, date_hi, year, location, place,
         title, status, organization, sentence_id, ev_start, ev_end, ev_text, sort_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insParty = this.st(
      "INSERT OR IGNORE INTO event_parties(event_id, country, type, sort_key) VALUES (?, ?, ?, ?)",
    );
    const insParticipant = this.st(
      "INSERT INTO event_participants(event_id, ord, person_id, sort_key) VALUES (?, ?, ?, ?)",
    );
    x.events.forEach((e, i) => {
      const b = e.date ? dateBounds(e.date) : null;
      const sortKey = b?.[0] ?? UNDATED;
      const id = Number(
        insEvent.run(
          docId,
          i,
          e.type,
          e.level ?? null,
          e.modality ?? null,
          e.date,
          b?.[0] ?? null,
          b?.[1] ?? null,
          b ? Number(b[0].slice(0, 4)) : null,
          e.location ?? null,
          e.place ?? null,
          e.title ?? null,
          e.status ?? null,
          e.organization ?? null,
          sentenceIdAt(e.evidence.start),
          e.evidence.start,
          e.evidence.end,
          e.evidence.text,
          sortKey,
        ).lastInsertRowid,
      );
      for (const c of e.countries) insParty.run(id, c, e.type, sortKey);
      [...new Set(e.participants ?? [])].forEach((name, j) => {
        const p = known.get(name);
        const pid = pidOf(name, p?.family, p?.country ?? null);
        insParticipant.run(id, j, pid, sortKey);
        eventsOf.set(pid, (eventsOf.get(pid) ?? 0) + 1);
        addRole(pid, p?.role ?? null, p?.country ?? null);
      });
    });

    const insCount = this.st(
      `INSERT INTO counts(document_id, ord, level, total, telephone, video, approximate, period_start, period_end,
         sentence_id, ev_start, ev_end, ev_text, sort_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insCountParty = this.st("INSERT OR IGNORE INTO count_parties(count_id, country, sort_key) VALUES (?, ?, ?)");
    x.counts.forEach((c, i) => {
      const sortKey = c.period?.start ?? UNDATED;
      const id = Number(
        insCount.run(
          docId,
          i,
          c.level,
          c.total,
          c.telephone ?? null,
          c.video ?? null,
          c.approximate ? 1 : 0,
          c.period?.start ?? null,
          c.period?.end ?? null,
          sentenceIdAt(c.evidence.start),
          c.evidence.start,
          c.evidence.end,
          c.evidence.text,
          sortKey,
        ).lastInsertRowid,
      );
      for (const p of c.countries) insCountParty.run(id, p, sortKey);
    });

    // the mentions as one JSON row (migration 13): [kind, key, start, end, sentence index, surface or
    // null when it is the text's cut]; each distinct name once into mention_names
    const mentions = [...doc.mentions].sort((a, b) => a.start - b.start);
    mentions.forEach((m, i) => {
      if (m.kind !== "country" && m.kind !== "person" && m.kind !== "organization")
        throw new Error(`${doc.source.path}: mention ${i + 1} has an unknown kind "${String(m.kind)}"`);
      if (!(m.start >= 0 && m.end >= m.start && m.end <= doc.text.length))
        throw new Error(`${doc.source.path}: mention ${i + 1} (${m.key}) lies outside the text`);
    });
    const packed: unknown[] = [];
    for (const m of mentions) {
      const cut = doc.text.slice(m.start, m.end) === m.surface;
      packed.push([
        m.kind,
        m.key,
        m.start,
        m.end,
        sentenceIds.has(m.sentence) ? m.sentence : null,
        cut ? null : m.surface,
      ]);
    }
    this.st("INSERT INTO document_mentions(document_id, data) VALUES (?, ?)").run(docId, JSON.stringify(packed));
    const insName = this.st(
      `INSERT INTO mention_names(kind, key, surface, documents) VALUES (?, ?, ?, 1)
       ON CONFLICT(kind, key, surface) DO UPDATE SET documents = documents + 1`,
    );
    for (const n of distinctNames(mentions)) insName.run(...n);

    const bump = this.st("UPDATE persons SET n_events = n_events + ?, n_documents = n_documents + 1 WHERE id = ?");
    for (const pid of roled) bump.run(eventsOf.get(pid) ?? 0, pid);

    if (prev) this.dropOrphanPersons();
    return prev ? "replaced" : "added";
  }

  // -------------------------------------------------------------------------
  // Documents

  countDocuments(filter: Omit<DocumentFilter, "limit" | "offset"> = {}): number {
    const w = documentWhere(filter);
    const where = w.sql.length ? `WHERE ${w.sql.join(" AND ")}` : "";
    return Number((this.st(`SELECT COUNT(*) AS n FROM documents d ${where}`).get(...w.params) as Row).n);
  }

  documents(filter: DocumentFilter = {}): DocumentRow[] {
    const w = documentWhere(filter);
    const where = w.sql.length ? `WHERE ${w.sql.join(" AND ")}` : "";
    return this.db
      .prepare(
        `SELECT ${DOC_COLUMNS} FROM documents d ${where}
         ORDER BY d.edition IS NULL, d.edition, d.date, d.key LIMIT ? OFFSET ?`,
      )
      .all(...w.params, filter.limit ?? -1, filter.offset ?? 0)
      .map((r) => toDocument(r as Row));
  }

  document(idOrKey: number | string): DocumentRow | null {
    const r =
      typeof idOrKey === "number"
        ? this.st(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.id = ?`).get(idOrKey)
        : this.st(`SELECT ${DOC_COLUMNS} FROM documents d WHERE d.key = ?`).get(idOrKey);
    return r ? toDocument(r as Row) : null;
  }

  documentText(id: number): string | null {
    const r = this.st("SELECT text FROM document_texts WHERE document_id = ?").get(id) as Row | undefined;
    return r ? String(r.text) : null;
  }

  documentEntities(id: number): DocumentEntities {
    const countries = this.st("SELECT country FROM document_countries WHERE document_id = ? ORDER BY country")
      .all(id)
      .map((r) => String((r as Row).country));
    const organizations = this.st(
      "SELECT organization_id FROM document_organizations WHERE document_id = ? ORDER BY organization_id",
    )
      .all(id)
      .map((r) => String((r as Row).organization_id));
    const persons = this.st(
      `SELECT p.name, r.role, COALESCE(r.country, p.country) AS country FROM person_roles r
       JOIN persons p ON p.id = r.person_id WHERE r.document_id = ? ORDER BY p.name`,
    )
      .all(id)
      .map((r) => {
        const row = r as Row;
        return { name: String(row.name), role: str(row.role), country: str(row.country) };
      });
    return { countries, organizations, persons };
  }

  sentences(documentId: number): SentenceRow[] {
    return this.st("SELECT * FROM sentences WHERE document_id = ? ORDER BY idx")
      .all(documentId)
      .map((r) => toSentence(r as Row));
  }

  mentions(documentId: number): MentionRow[] {
    const r = this.st("SELECT data FROM document_mentions WHERE document_id = ?").get(documentId) as Row | undefined;
    if (!r) return [];
    const ids = new Map<number, number>();
    for (const s of this.st("SELECT id, idx FROM sentences WHERE document_id = ?").all(documentId) as Row[])
      ids.set(Number(s.idx), Number(s.id));
    const text = this.documentText(documentId) ?? "";
    return (JSON.parse(String(r.data)) as PackedMention[]).map(([kind, key, start, end, idx, surface]) => ({
      kind,
      key,
      start,
      end,
      surface: surface ?? text.slice(start, end),
      sentenceId: idx === null ? null : (ids.get(idx) ?? null),
    }));
  }

  // -------------------------------------------------------------------------
  // Events

  /**
   * The FROM and WHERE of an event query, driven by the most selective index that also delivers the
   * page order (sort_key, id), so ORDER BY ... LIMIT reads only the rows of the page:
   * - a document: events(document_id), in text order;
   * - a person: event_participants(person_id, sort_key, event_id);
   * - a country: event_parties(country[, type], sort_key, event_id), the further countries as lookups;
   * - otherwise events(type|level, sort_key) or events(sort_key), as the planner picks.
   * `order` is the ORDER BY for the driver; null when the filter matches nothing.
   */
  private eventQuery(f: EventFilter): { from: string; w: Where; order: string } | null {
    const w: Where = { sql: [], params: [] };
    const types = asArray(f.type);
    const countries = asArray(f.country).map((c) => c.toUpperCase());
    let from = "events e";
    let key = "e.sort_key";
    let order = "e.sort_key, e.id";
    if (f.documentId !== undefined) {
      inList(w, "e.document_id", [f.documentId]);
      order = "e.ord";
    } else if (f.person) {
      const name = f.person.trim();
      const ids = (
        this.st(
          `SELECT id FROM persons WHERE name = ? COLLATE NOCASE UNION SELECT id FROM persons WHERE family = ? COLLATE NOCASE`,
        ).all(name, name) as Row[]
      ).map((r) => Number(r.id));
      if (!ids.length) return null;
      if (ids.length === 1) {
        from = "event_participants ep JOIN events e ON e.id = ep.event_id";
        w.sql.push("ep.person_id = ?");
        w.params.push(ids[0]);
        key = "ep.sort_key";
        order = "ep.sort_key, ep.event_id";
      } else {
        // several persons answer to the name: their events once each, sorted (a person's events are few)
        from = `(SELECT DISTINCT event_id, sort_key FROM event_participants
                 WHERE person_id IN (${ids.map(() => "?").join(", ")})) ep JOIN events e ON e.id = ep.event_id`;
        w.params.push(...ids);
        key = "ep.sort_key";
        order = "ep.sort_key, ep.event_id";
      }
    } else if (countries.length) {
      from = "event_parties p0 JOIN events e ON e.id = p0.event_id";
      w.sql.push("p0.country = ?");
      w.params.push(countries[0]);
      if (types.length) inList(w, "p0.type", types);
      key = "p0.sort_key";
      order = "p0.sort_key, p0.event_id";
    }
    // every named country must be a party (Japan-US events: ["JPN", "USA"])
    for (const c of f.documentId !== undefined || f.person ? countries : countries.slice(1)) {
      w.sql.push("EXISTS (SELECT 1 FROM event_parties px WHERE px.event_id = e.id AND px.country = ?)");
      w.params.push(c);
    }
    if (!key.startsWith("p0")) inList(w, "e.type", types);
    inList(w, "e.level", asArray(f.level));
    inList(w, "e.modality", asArray(f.modality));
    if (f.person && f.documentId !== undefined) {
      const name = f.person.trim();
      w.sql.push(
        `e.id IN (SELECT ep.event_id FROM event_participants ep WHERE ep.person_id IN (
           SELECT id FROM persons WHERE name = ? COLLATE NOCASE
           UNION SELECT id FROM persons WHERE family = ? COLLATE NOCASE))`,
      );
      w.params.push(name, name);
    }
    // sort_key is date_lo for a dated event and "~" (after every date) for an undated one. A partial
    // date never spans years (date_lo and date_hi share theirs), so an event that reaches `from`
    // starts in from's year or later: that bound gives the sort-key index a closed range.
    // Before `from` itself only two sort keys can still reach it: the year's first day (a year-only
    // date, or 1 January) and its month's first day (a month-only date); only those read date_hi, so the
    // other index entries are rejected without reading their event (and a whole-year `from` reads none).
    if (f.from) {
      const lo = boundsOrThrow("from", f.from)[0];
      const year0 = `${lo.slice(0, 4)}-01-01`;
      const month0 = `${lo.slice(0, 7)}-01`;
      // with `to`, its bound (a date, before "~") closes the range: a second upper bound would let the
      // planner pick "~" and count every later event
      w.sql.push(`${key} >= ?`);
      if (!f.to) w.sql.push(`${key} < '${UNDATED}'`);
      w.params.push(year0);
      if (lo !== year0) {
        w.sql.push(`(${key} >= ? OR (${key} IN (?, ?) AND e.date_hi >= ?))`);
        w.params.push(lo, year0, month0, lo);
      }
    }
    if (f.to) {
      w.sql.push(`${key} <= ?`);
      w.params.push(boundsOrThrow("to", f.to)[1]);
    }
    if (f.edition !== undefined) {
      w.sql.push("e.document_id IN (SELECT id FROM documents WHERE edition = ?)");
      w.params.push(f.edition);
    }
    return { from, w, order };
  }

  /**
   * The page's event ids, in order, from the driving index alone when every condition is on it (so an
   * OFFSET skips index entries, not event rows); then the page's rows by id.
   */
  private pageSql(q: { from: string; w: Where; order: string }): string {
    const where = q.w.sql.length ? `WHERE ${q.w.sql.join(" AND ")}` : "";
    const driver = /^(event_parties p0|event_participants ep|\(SELECT DISTINCT event_id, sort_key)/.test(q.from);
    const alone = driver && !/\be\./.test(where);
    const from = alone ? q.from.replace(/ JOIN events e ON e\.id = \w+\.event_id$/, "") : q.from;
    const id = q.from.startsWith("event_parties p0") ? "p0.event_id" : driver ? "ep.event_id" : "e.id";
    return `SELECT ${alone ? id : "e.id"} AS id FROM ${from} ${where} ORDER BY ${q.order} LIMIT ? OFFSET ?`;
  }

  events(filter: EventFilter = {}): EventRow[] {
    const q = this.eventQuery(filter);
    if (!q) return [];
    const ids = (this.st(this.pageSql(q)).all(...q.w.params, filter.limit ?? -1, filter.offset ?? 0) as Row[]).map(
      (r) => Number(r.id),
    );
    if (!ids.length) return [];
    const byId = new Map<number, Row>();
    for (const r of this.st(
      `SELECT e.*, d.key AS doc_key, d.edition, d.section
       FROM events e JOIN documents d ON d.id = e.document_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Row[])
      byId.set(Number(r.id), r);
    return this.withParties(ids.map((id) => byId.get(id)!));
  }

  /** The plan (EXPLAIN QUERY PLAN) of the page query for `filter`, for checks and benchmarks. */
  explainEvents(filter: EventFilter = {}): string[] {
    const q = this.eventQuery(filter);
    if (!q) return [];
    return (
      this.db
        .prepare(`EXPLAIN QUERY PLAN ${this.pageSql(q)}`)
        .all(...q.w.params, filter.limit ?? -1, filter.offset ?? 0) as Row[]
    ).map((r) => String(r.detail));
  }

  /** Adds the parties and participants of many events with two queries instead of two per event. */
  private withParties(rows: Row[]): EventRow[] {
    const parties = new Map<number, string[]>();
    const people = new Map<number, string[]>();
    const partyStmt = this.st(
      "SELECT event_id, country FROM event_parties WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, country",
    );
    const peopleStmt = this.st(
      `SELECT ep.event_id, p.name FROM event_participants ep JOIN persons p ON p.id = ep.person_id
       WHERE ep.event_id IN (SELECT value FROM json_each(?)) ORDER BY ep.event_id, ep.ord`,
    );
    const push = (m: Map<number, string[]>, k: number, v: string) => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (let i = 0; i < rows.length; i += 5000) {
      const ids = JSON.stringify(rows.slice(i, i + 5000).map((r) => Number(r.id)));
      for (const r of partyStmt.all(ids) as Row[]) push(parties, Number(r.event_id), String(r.country));
      for (const r of peopleStmt.all(ids) as Row[]) push(people, Number(r.event_id), String(r.name));
    }
    return rows.map((r) => {
      const id = Number(r.id);
      return this.toEvent(r, parties.get(id) ?? [], people.get(id) ?? []);
    });
  }

  private toEvent(r: Row, countries: string[], participants: string[]): EventRow {
    return {
      id: Number(r.id),
      type: r.type as EventRow["type"],
      level: (r.level ?? null) as EventRow["level"],
      modality: (r.modality ?? null) as EventRow["modality"],
      countries,
      date: str(r.date),
      year: num(r.year),
      location: str(r.location),
      place: str(r.place),
      participants,
      title: str(r.title),
      status: str(r.status),
      organization: str(r.organization),
      evidence: toEvidence(r),
    };
  }

  countEvents(filter: EventFilter = {}): number {
    const q = this.eventQuery(filter);
    if (!q) return 0;
    const where = q.w.sql.length ? `WHERE ${q.w.sql.join(" AND ")}` : "";
    // the events join is only needed when a condition reads the event's own columns: a country's or a
    // person's events are then counted on the driving index alone
    const from =
      /^(event_parties p0|event_participants ep|\(SELECT DISTINCT event_id, sort_key)/.test(q.from) &&
      !/\be\./.test(where)
        ? q.from.replace(/ JOIN events e ON e\.id = \w+\.event_id$/, "")
        : q.from;
    const r = this.st(`SELECT COUNT(*) AS n FROM ${from} ${where}`).get(...q.w.params) as Row;
    return Number(r.n);
  }

  event(id: number): EventRow | null {
    const r = this.st(
      `SELECT e.*, d.key AS doc_key, d.edition, d.section
       FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?`,
    ).get(id) as Row | undefined;
    return r ? this.withParties([r])[0]! : null;
  }

  // -------------------------------------------------------------------------
  // Counts

  /** Like eventQuery: a country's counts come from count_parties(country, sort_key, count_id), in page order. */
  private countQuery(filter: Omit<CountFilter, "limit" | "offset">): { from: string; w: Where; order: string } {
    const w: Where = { sql: [], params: [] };
    let from = "counts c";
    let key = "c.sort_key";
    let order = "c.sort_key, c.id";
    if (filter.documentId !== undefined) {
      inList(w, "c.document_id", [filter.documentId]);
      order = "c.ord";
    } else if (filter.country) {
      from = "count_parties p0 JOIN counts c ON c.id = p0.count_id";
      w.sql.push("p0.country = ?");
      w.params.push(filter.country.toUpperCase());
      key = "p0.sort_key";
      order = "p0.sort_key, p0.count_id";
    }
    if (filter.country && filter.documentId !== undefined) {
      w.sql.push("EXISTS (SELECT 1 FROM count_parties px WHERE px.count_id = c.id AND px.country = ?)");
      w.params.push(filter.country.toUpperCase());
    }
    if (filter.level) inList(w, "c.level", [filter.level]);
    // periods are months (YYYY-MM); sort_key is period_start, or "~" (after every date) without a period
    if (filter.from) {
      w.sql.push("c.period_end >= ?");
      w.params.push(boundsOrThrow("from", filter.from)[0].slice(0, 7));
    }
    if (filter.to) {
      w.sql.push(`${key} <= ?`);
      w.params.push(boundsOrThrow("to", filter.to)[1].slice(0, 7));
    }
    if (filter.edition !== undefined) {
      w.sql.push("c.document_id IN (SELECT id FROM documents WHERE edition = ?)");
      w.params.push(filter.edition);
    }
    return { from, w, order };
  }

  countCounts(filter: Omit<CountFilter, "limit" | "offset"> = {}): number {
    const q = this.countQuery(filter);
    const where = q.w.sql.length ? `WHERE ${q.w.sql.join(" AND ")}` : "";
    const from = q.from.startsWith("count_parties p0") && !/\bc\./.test(where) ? "count_parties p0" : q.from;
    return Number((this.st(`SELECT COUNT(*) AS n FROM ${from} ${where}`).get(...q.w.params) as Row).n);
  }

  counts(filter: CountFilter = {}): CountRow[] {
    const q = this.countQuery(filter);
    const where = q.w.sql.length ? `WHERE ${q.w.sql.join(" AND ")}` : "";
    return this.st(
      `SELECT c.*, d.key AS doc_key, d.edition, d.section,
         (SELECT json_group_array(country) FROM
            (SELECT country FROM count_parties WHERE count_id = c.id ORDER BY country)) AS countries
       FROM ${q.from} JOIN documents d ON d.id = c.document_id
       ${where} ORDER BY ${q.order} LIMIT ? OFFSET ?`,
    )
      .all(...q.w.params, filter.limit ?? -1, filter.offset ?? 0)
      .map((r) => toCount(r as Row));
  }

  countsByYear(country: string, perYear: number): CountYear[] {
    // A count's year: its period's (start, else end), else the year before its edition (a Bluebook
    // covers the year before). count_parties(country, sort_key, count_id) gives every count of the
    // partner in page order, and a dated one's year from its sort key (the period's start): only a
    // count without one reads its row. Then the rows of the first `perYear` of each year.
    const keys = this.st(
      `SELECT p0.count_id, CASE WHEN p0.sort_key < '${UNDATED}' THEN CAST(substr(p0.sort_key, 1, 4) AS INTEGER) ELSE (
         SELECT COALESCE(CAST(substr(c.period_end, 1, 4) AS INTEGER), d.edition - 1)
         FROM counts c JOIN documents d ON d.id = c.document_id WHERE c.id = p0.count_id) END AS y
       FROM count_parties p0 WHERE p0.country = ? ORDER BY p0.sort_key, p0.count_id`,
    )
      .raw()
      .all(country.toUpperCase()) as [number, number | null][];
    const years = new Map<number, { total: number; ids: number[] }>();
    for (const [id, y] of keys) {
      if (!y || y <= 0) continue;
      let e = years.get(y);
      if (!e) {
        e = { total: 0, ids: [] };
        years.set(y, e);
      }
      e.total++;
      if (e.ids.length < perYear) e.ids.push(id);
    }
    const byId = new Map<number, CountRow>();
    const ids = [...years.values()].flatMap((e) => e.ids);
    for (let i = 0; i < ids.length; i += 5000) {
      for (const r of this.st(
        `SELECT c.*, d.key AS doc_key, d.edition, d.section,
           (SELECT json_group_array(country) FROM
              (SELECT country FROM count_parties WHERE count_id = c.id ORDER BY country)) AS countries
         FROM counts c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids.slice(i, i + 5000))) as Row[])
        byId.set(Number(r.id), toCount(r));
    }
    return [...years]
      .sort((x, y) => x[0] - y[0])
      .map(([year, e]) => ({ year, total: e.total, items: e.ids.map((id) => byId.get(id)!) }));
  }

  // -------------------------------------------------------------------------
  // Persons and organizations

  // Every person named in a document, or taking part in one of its events, has a person_roles row for
  // that document (role NULL when the document gives none), so documents = rows of person_roles. Both
  // numbers are kept on the person by triggers (migration 6).
  private static readonly PERSON_SELECT = `
    SELECT p.id, p.name, p.family, p.country,
      (SELECT json_group_array(role) FROM (${SKIP_ROLES.replaceAll("?", "p.id")})) AS roles,
      p.n_documents AS documents, p.n_events AS events
    FROM persons p`;

  private toPerson(r: Row, roles?: string[]): PersonRow {
    return {
      id: Number(r.id),
      name: String(r.name),
      family: String(r.family),
      country: str(r.country),
      roles: roles ?? jsonList(r.roles),
      documents: Number(r.documents),
      events: Number(r.events),
    };
  }

  persons(filter: PersonFilter = {}): PersonRow[] {
    const w: Where = { sql: [], params: [] };
    if (filter.name) {
      w.sql.push("p.name LIKE ? ESCAPE '\\'");
      w.params.push(`%${likeEscape(filter.name.trim())}%`);
    }
    if (filter.country) {
      w.sql.push("p.country = ?");
      w.params.push(filter.country.toUpperCase());
    }
    const where = w.sql.length ? `WHERE ${w.sql.join(" AND ")}` : "";
    // the page in rank order from persons_rank, then roles for the page only
    const rows = this.st(
      `SELECT p.id, p.name, p.family, p.country, p.n_events AS events, p.n_documents AS documents
       FROM persons p ${where}
       ORDER BY p.n_events DESC, p.n_documents DESC, p.name LIMIT ? OFFSET ?`,
    ).all(...w.params, filter.limit ?? -1, filter.offset ?? 0) as Row[];
    const roles = this.st(SKIP_ROLES).pluck();
    return rows.map((r) => this.toPerson(r, roles.all(r.id, r.id) as string[]));
  }

  /** How many persons match (for paging), without computing their rows. */
  countPersons(filter: Omit<PersonFilter, "limit" | "offset"> = {}): number {
    const w: Where = { sql: [], params: [] };
    if (filter.name) {
      w.sql.push("p.name LIKE ? ESCAPE '\\'");
      w.params.push(`%${likeEscape(filter.name.trim())}%`);
    }
    if (filter.country) {
      w.sql.push("p.country = ?");
      w.params.push(filter.country.toUpperCase());
    }
    const where = w.sql.length ? `WHERE ${w.sql.join(" AND ")}` : "";
    return Number((this.st(`SELECT COUNT(*) AS n FROM persons p ${where}`).get(...w.params) as Row).n);
  }

  person(idOrName: number | string): PersonRow | null {
    const r =
      typeof idOrName === "number"
        ? this.st(`${SqliteStore.PERSON_SELECT} WHERE p.id = ?`).get(idOrName)
        : (this.st(`${SqliteStore.PERSON_SELECT} WHERE p.name = ? COLLATE NOCASE`).get(idOrName) ??
          this.st(`${SqliteStore.PERSON_SELECT} WHERE p.family = ? COLLATE NOCASE ORDER BY p.id LIMIT 1`).get(
            idOrName,
          ));
    return r ? this.toPerson(r as Row) : null;
  }

  personDocuments(personId: number, limit: number): DocumentRow[] {
    // person_roles(person_id, document_id): the first `limit` in id order, then sorted for display
    return (
      this.st(
        `SELECT ${DOC_COLUMNS} FROM (SELECT document_id FROM person_roles WHERE person_id = ? ORDER BY document_id LIMIT ?) r
         JOIN documents d ON d.id = r.document_id`,
      ).all(personId, limit) as Row[]
    )
      .map(toDocument)
      .sort(
        (a, b) =>
          (a.edition === null ? 1 : 0) - (b.edition === null ? 1 : 0) ||
          (a.edition ?? 0) - (b.edition ?? 0) ||
          a.key.localeCompare(b.key),
      );
  }

  personsMet(filter: PersonsMetFilter): PersonMetRow[] {
    const types = filter.type?.length ? filter.type : ["meeting", "visit"];
    const inTypes = types.map(() => "?").join(", ");
    const country = filter.country.toUpperCase();
    // partner_persons (folded in by triggers, migration 12) plus the pairs stored since the last fold: a
    // few rows per person, not every event. The first and last dates are the ends of string keys that
    // order them (see migration 12): from the 21st character, the date as the text gives it.
    const rows = this.st(
      `SELECT p.id, p.name, p.country, m.n, substr(m.first_key, 21) AS first, substr(m.last_key, 21) AS last
       FROM (
         SELECT person_id, SUM(n) AS n, MIN(first_key) AS first_key, MAX(last_key) AS last_key FROM (
           SELECT person_id, n, first_key, last_key FROM partner_persons
           WHERE country = ? AND type IN (${inTypes}) AND n > 0
           UNION ALL
           SELECT ep.person_id, 1,
             CASE WHEN e.date_hi IS NOT NULL THEN e.sort_key || e.date_hi || e.date END,
             CASE WHEN e.date_hi IS NOT NULL THEN e.date_hi || e.sort_key || e.date END
           FROM event_parties p0 JOIN event_participants ep ON ep.event_id = p0.event_id
           JOIN events e ON e.id = p0.event_id
           WHERE p0.event_id > (SELECT n FROM totals WHERE key = 'upto:parties')
             AND +p0.country = ? AND +p0.type IN (${inTypes}))
         GROUP BY person_id HAVING SUM(n) > 0) m
       JOIN persons p ON p.id = m.person_id
       WHERE p.country IS NULL OR p.country IS NOT ?
       ORDER BY m.n DESC, p.name LIMIT ?`,
    ).all(
      country,
      ...types,
      country,
      ...types,
      filter.exceptCountry?.toUpperCase() ?? null,
      filter.limit ?? -1,
    ) as Row[];
    const roles = this.st(SKIP_ROLES).pluck();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      country: str(r.country),
      roles: roles.all(r.id, r.id) as string[],
      events: Number(r.n),
      first: str(r.first) || null,
      last: str(r.last) || null,
    }));
  }

  organizations(): OrganizationRow[] {
    return this.st(
      `SELECT o.id, o.name, (SELECT COUNT(*) FROM document_organizations d WHERE d.organization_id = o.id) AS documents
       FROM organizations o ORDER BY documents DESC, o.id`,
    )
      .all()
      .map((r) => {
        const row = r as Row;
        return { id: String(row.id), name: String(row.name), documents: Number(row.documents) };
      });
  }

  // -------------------------------------------------------------------------
  // Full-text search

  private searchWhere(query: string, filter: SearchFilter): Where {
    const w: Where = { sql: ["sentences_fts MATCH ?"], params: [filter.raw ? query : toFtsQuery(query)] };
    if (filter.edition !== undefined) inList(w, "d.edition", [filter.edition]);
    if (filter.kind) inList(w, "d.kind", [filter.kind]);
    if (filter.section) {
      w.sql.push("d.section LIKE ? ESCAPE '\\'");
      w.params.push(`%${likeEscape(filter.section)}%`);
    }
    if (filter.documentId !== undefined) inList(w, "s.document_id", [filter.documentId]);
    return w;
  }

  private runFts<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      const msg = (e as Error).message;
      if (/fts5|syntax error|unterminated|no such column|unknown special query/i.test(msg))
        throw new QueryError(`malformed search query: ${msg.replace(/^fts5: /, "")}`);
      throw e;
    }
  }

  search(query: string, filter: SearchFilter = {}): SearchHit[] {
    const w = this.searchWhere(query, filter);
    // rowid order is the order sentences were stored (a document's sentences together, in text order):
    // FTS5 delivers it from the index, so LIMIT stops after the page instead of sorting every match
    const order = filter.order === "rank" ? "f.rank" : "f.rowid";
    const rows = this.runFts(() =>
      this.db
        .prepare(
          `SELECT s.*, d.key AS doc_key, d.kind AS doc_kind, d.edition, d.section, d.date,
             highlight(sentences_fts, 0, char(1), char(2)) AS marked
           FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id
           WHERE ${w.sql.join(" AND ")} ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(...w.params, filter.limit ?? -1, filter.offset ?? 0),
    );
    return rows.map((r) => {
      const row = r as Row;
      // adjacent matched tokens ("Prime Minister") form one span
      const marked = String(row.marked).replace(/\u0002([\s\p{P}]{0,3})\u0001/gu, "$1");
      const a = marked.indexOf("\u0001");
      const b = marked.indexOf("\u0002", a);
      const plain = (s: string) => s.replace(/[\u0001\u0002]/g, "");
      const left = a < 0 ? "" : plain(marked.slice(0, a));
      const match = a < 0 ? "" : marked.slice(a + 1, b < 0 ? undefined : b);
      const right = a < 0 ? plain(marked) : b < 0 ? "" : plain(marked.slice(b + 1));
      return {
        sentence: toSentence({ ...row, kind: row.kind }),
        document: {
          id: Number(row.document_id),
          key: String(row.doc_key),
          kind: row.doc_kind as DocumentKind,
          edition: num(row.edition),
          section: str(row.section),
          date: str(row.date),
        },
        left,
        match,
        right,
        snippet: marked.replace(/\u0001/g, "[").replace(/\u0002/g, "]"),
      };
    });
  }

  countSearch(query: string, filter: SearchFilter = {}, cap?: number): number {
    const w = this.searchWhere(query, filter);
    // without document filters the index alone can count (every indexed row is a stored sentence)
    const joins = w.sql.length > 1 ? "JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id" : "";
    const inner = `SELECT 1 FROM sentences_fts f ${joins} WHERE ${w.sql.join(" AND ")}`;
    const sql =
      cap === undefined ? `SELECT COUNT(*) AS n FROM (${inner})` : `SELECT COUNT(*) AS n FROM (${inner} LIMIT ?)`;
    const params = cap === undefined ? w.params : [...w.params, cap + 1];
    const r = this.runFts(() => this.st(sql).get(...params) as Row);
    return Number(r.n);
  }

  // -------------------------------------------------------------------------

  stats(): CorpusStats {
    return this.db.transaction(() => {
      const one = (sql: string) => Number((this.st(sql).get() as Row).n ?? 0);
      // the totals folded in by triggers (migration 11), plus the rows stored since the last fold
      const totals = new Map<string, number>();
      for (const r of this.st("SELECT key, n FROM totals").all() as Row[]) totals.set(String(r.key), Number(r.n));
      const add = (k: string, n: number) => totals.set(k, (totals.get(k) ?? 0) + n);
      for (const r of this.st(
        // NOT INDEXED: the rowid range, not a walk of a whole index in GROUP BY order
        "SELECT type, COUNT(*) AS n FROM events NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:events') GROUP BY type",
      ).all() as Row[])
        add(`events:${r.type}`, Number(r.n));
      add(
        "sentences",
        one(
          "SELECT COUNT(*) AS n FROM sentences NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:sentences')",
        ),
      );
      add(
        "counts",
        one("SELECT COUNT(*) AS n FROM counts NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:counts')"),
      );
      const eventsByType: Record<string, number> = {};
      let events = 0;
      for (const [k, n] of [...totals].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (!k.startsWith("events:") || n === 0) continue;
        eventsByType[k.slice(7)] = n;
        events += n;
      }
      return {
        documents: totals.get("documents") ?? 0,
        sentences: totals.get("sentences") ?? 0,
        words: totals.get("words") ?? 0,
        events,
        counts: totals.get("counts") ?? 0,
        persons: one("SELECT COUNT(*) AS n FROM persons"),
        organizations: one("SELECT COUNT(DISTINCT organization_id) AS n FROM document_organizations"),
        editions: (
          this.st("SELECT DISTINCT edition FROM documents WHERE edition IS NOT NULL ORDER BY edition").all() as Row[]
        ).map((r) => Number(r.edition)),
        eventsByType,
      };
    })();
  }

  version(): string {
    const dataVersion = this.db.pragma("data_version", { simple: true });
    const changes = this.st("SELECT total_changes() AS n").get() as Row;
    return `${dataVersion}:${changes.n}`;
  }

  eventTallies(): EventTally[] {
    // folded in by triggers (migration 12; year 0: undated), plus the parties stored since the last fold:
    // a few thousand rows, no event read
    return (
      this.st(
        `SELECT country, type, year, SUM(n) AS n FROM (
           SELECT country, type, year, n FROM event_tallies
           UNION ALL
           SELECT country, type, CASE WHEN sort_key < '${UNDATED}' THEN CAST(substr(sort_key, 1, 4) AS INTEGER) ELSE 0 END, 1
           FROM event_parties WHERE event_id > (SELECT n FROM totals WHERE key = 'upto:parties'))
         GROUP BY country, type, year HAVING SUM(n) > 0`,
      ).all() as Row[]
    ).map((r) => ({
      country: String(r.country),
      type: String(r.type) as EventType,
      year: Number(r.year) === 0 ? null : Number(r.year),
      count: Number(r.n),
    }));
  }

  readonlyDb(): Database.Database {
    return this.db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function syncOrganizations(db: Database.Database, file: string): void {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return; // a store without the table's names still works: ids stand in for names
  }
  const hash = createHash("sha256").update(raw).digest("hex");
  const seen = db.prepare("SELECT value FROM meta WHERE key = 'organizations_hash'").get() as Row | undefined;
  if (seen?.value === hash) return;
  const orgs = JSON.parse(raw) as { id: string; name: string; aliases?: string[] }[];
  db.transaction(() => {
    const up = db.prepare(
      `INSERT INTO organizations(id, name, aliases, known) VALUES (?, ?, ?, 1)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, known = 1`,
    );
    for (const o of orgs) up.run(o.id, o.name, JSON.stringify(o.aliases ?? []));
    db.prepare(
      "INSERT INTO meta(key, value) VALUES ('organizations_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(hash);
  })();
}

/** Opens (creating and migrating when needed) the SQLite store at `path` (":memory:" for a throwaway store). */
export function openSqliteStore(path: string, opts: OpenStoreOptions = {}): SqliteStore {
  const db = new Database(path, opts.readonly ? { readonly: true, fileMustExist: true } : {});
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    if (opts.readonly) {
      const v = db.pragma("user_version", { simple: true }) as number;
      if (v !== SCHEMA_VERSION)
        throw new Error(
          `${path}: the store's schema version is ${v}, this Panorama reads ${SCHEMA_VERSION}; open it once for writing (e.g. panorama ingest) to migrate`,
        );
    } else {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      // 16 MiB of page cache instead of 2: an ingest touches index pages all over a store of hundreds
      // of MB (the store alone: -6% CPU; 32 MiB: -11%, but the bench's peak memory then came within
      // 7 MB of the 500 MB bar)
      db.pragma("cache_size = -16384");
      // Checkpoint (copy the WAL back into the store file) once the WAL holds 128 MiB instead of 4: an
      // ingest batch commits several MB, so the default checkpointed at nearly every commit, rewriting
      // the index pages every batch touches again each time (a 20 MB ingest: +8% at 40 MiB, +14% at
      // 200 MiB). Readers are unaffected (WAL); a crash leaves a longer WAL to recover on the next open.
      // After a checkpoint the WAL file is cut back to 64 MiB.
      db.pragma("wal_autocheckpoint = 32768");
      db.pragma("journal_size_limit = 67108864");
      migrate(db);
      syncOrganizations(db, opts.organizationsFile ?? dataFile("organizations.json"));
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db, path);
}
