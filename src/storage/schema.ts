/**
 * The store's schema as a list of numbered forward migrations. Each step runs
 * in its own transaction together with the bump of `PRAGMA user_version` and
 * `meta.schema_version`, so a file is always at exactly one version. Never edit
 * a step that has shipped: append a new one.
 *
 * Index choice (checked with EXPLAIN QUERY PLAN in test/unit/storage/query-plans.test.ts):
 * pages are ordered by a sort key (date_lo, "~" when undated) and id, and since
 * migration 5 that key is copied onto the rows an index drives a filter from, so
 * the index delivers the page order and ORDER BY ... LIMIT stops after the page:
 * - events by party country (event_parties(country[, type], sort_key, event_id)),
 *   by person (event_participants(person_id, sort_key, event_id)), by type or
 *   level (events(type|level, sort_key)), by date range (events(sort_key)),
 *   by document (events(document_id));
 * - counts by party country (count_parties(country, sort_key, count_id)) and level;
 * - the overview's tallies from event_parties(country, type, sort_key) alone;
 * - persons ranked by persons(n_events DESC, n_documents DESC, name), counters kept by the writer (6, 9);
 * - mentions by (kind, key) and by sentence for the analysis layer, sentences by document.
 */
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  description: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "documents, texts, sentences (FTS5), events, counts, persons, organizations, mentions",
    up: (db) =>
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );

        CREATE TABLE documents (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL UNIQUE,
          path TEXT NOT NULL,
          format TEXT NOT NULL,
          encoding TEXT NOT NULL DEFAULT 'utf-8',
          hash TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('bluebook', 'readout', 'other')),
          edition INTEGER,
          summary INTEGER NOT NULL DEFAULT 0,
          covered_year INTEGER,
          section TEXT,
          date TEXT,
          title TEXT,
          sample INTEGER NOT NULL DEFAULT 0,
          word_count INTEGER NOT NULL DEFAULT 0,
          ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_edition ON documents(edition);
        CREATE INDEX documents_kind ON documents(kind);

        CREATE TABLE document_texts (
          document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          text TEXT NOT NULL
        );

        CREATE TABLE sentences (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          kind TEXT NOT NULL,
          heading TEXT,
          text TEXT NOT NULL,
          UNIQUE (document_id, idx)
        );

        CREATE VIRTUAL TABLE sentences_fts USING fts5(
          text,
          content = 'sentences',
          content_rowid = 'id',
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
          INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
          INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
          INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
          INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;

        CREATE TABLE organizations (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          aliases TEXT NOT NULL DEFAULT '[]',
          known INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE document_countries (
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          country TEXT NOT NULL,
          PRIMARY KEY (document_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX document_countries_country ON document_countries(country);

        CREATE TABLE document_organizations (
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          organization_id TEXT NOT NULL REFERENCES organizations(id),
          PRIMARY KEY (document_id, organization_id)
        ) WITHOUT ROWID;
        CREATE INDEX document_organizations_org ON document_organizations(organization_id);

        CREATE TABLE persons (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          family TEXT NOT NULL,
          country TEXT
        );
        CREATE INDEX persons_family ON persons(family COLLATE NOCASE);
        CREATE INDEX persons_name_nocase ON persons(name COLLATE NOCASE);

        CREATE TABLE person_roles (
          person_id INTEGER NOT NULL REFERENCES persons(id),
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          role TEXT,
          country TEXT,
          PRIMARY KEY (person_id, document_id)
        ) WITHOUT ROWID;
        CREATE INDEX person_roles_document ON person_roles(document_id);

        CREATE TABLE events (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          type TEXT NOT NULL,
          level TEXT,
          modality TEXT,
          date TEXT,
          date_lo TEXT,
          date_hi TEXT,
          year INTEGER,
          location TEXT,
          place TEXT,
          title TEXT,
          status TEXT,
          organization TEXT,
          sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
          ev_start INTEGER NOT NULL,
          ev_end INTEGER NOT NULL,
          ev_text TEXT NOT NULL
        );
        CREATE INDEX events_document ON events(document_id);
        CREATE INDEX events_type ON events(type, level, modality);
        CREATE INDEX events_date ON events(date_lo);

        CREATE TABLE event_parties (
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          country TEXT NOT NULL,
          PRIMARY KEY (event_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX event_parties_country ON event_parties(country, event_id);

        CREATE TABLE event_participants (
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          person_id INTEGER NOT NULL REFERENCES persons(id),
          PRIMARY KEY (event_id, ord)
        ) WITHOUT ROWID;
        CREATE INDEX event_participants_person ON event_participants(person_id, event_id);

        CREATE TABLE counts (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          level TEXT NOT NULL,
          total INTEGER NOT NULL,
          telephone INTEGER,
          video INTEGER,
          approximate INTEGER NOT NULL DEFAULT 0,
          period_start TEXT,
          period_end TEXT,
          sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
          ev_start INTEGER NOT NULL,
          ev_end INTEGER NOT NULL,
          ev_text TEXT NOT NULL
        );
        CREATE INDEX counts_document ON counts(document_id);
        CREATE INDEX counts_level ON counts(level);

        CREATE TABLE count_parties (
          count_id INTEGER NOT NULL REFERENCES counts(id) ON DELETE CASCADE,
          country TEXT NOT NULL,
          PRIMARY KEY (count_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX count_parties_country ON count_parties(country, count_id);

        CREATE TABLE mentions (
          id INTEGER PRIMARY KEY,
          document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('country', 'person', 'organization')),
          key TEXT NOT NULL,
          start INTEGER NOT NULL,
          "end" INTEGER NOT NULL,
          surface TEXT NOT NULL,
          sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL
        );
        CREATE INDEX mentions_document ON mentions(document_id, start);
        CREATE INDEX mentions_key ON mentions(kind, key);
      `),
  },
  {
    version: 2,
    description: "index mentions by sentence (analysis looks up the countries named in a sentence)",
    up: (db) => db.exec("CREATE INDEX IF NOT EXISTS mentions_sentence ON mentions(sentence_id, kind)"),
  },
  {
    version: 3,
    description:
      "index events and counts by sentence: deleting a replaced document's sentences looks them up (ON DELETE SET NULL)",
    up: (db) =>
      db.exec(`
        CREATE INDEX IF NOT EXISTS events_sentence ON events(sentence_id);
        CREATE INDEX IF NOT EXISTS counts_sentence ON counts(sentence_id);
      `),
  },
  {
    version: 4,
    description:
      "every event participant has a person_roles row for the event's document, so a person's documents are one indexed count",
    up: (db) =>
      db.exec(`
        INSERT OR IGNORE INTO person_roles(person_id, document_id, role, country)
          SELECT ep.person_id, e.document_id, NULL, NULL
          FROM event_participants ep JOIN events e ON e.id = ep.event_id;
      `),
  },
  {
    version: 5,
    description:
      "events and counts carry a sort key (date_lo / period_start, undated last) copied onto their parties and participants, so an index delivers every filtered page in order and LIMIT stops early",
    up: (db) => {
      // columns added only when missing, so a file whose version was set back re-runs the step safely
      const addColumn = (table: string, column: string, decl: string) => {
        const cols = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
        if (!cols.includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${decl}`);
      };
      addColumn("events", "sort_key", "TEXT NOT NULL DEFAULT '~'");
      addColumn("event_parties", "type", "TEXT NOT NULL DEFAULT ''");
      addColumn("event_parties", "sort_key", "TEXT NOT NULL DEFAULT '~'");
      addColumn("event_participants", "sort_key", "TEXT NOT NULL DEFAULT '~'");
      addColumn("counts", "sort_key", "TEXT NOT NULL DEFAULT '~'");
      addColumn("count_parties", "sort_key", "TEXT NOT NULL DEFAULT '~'");
      db.exec(`
        UPDATE events SET sort_key = COALESCE(date_lo, '~');
        UPDATE event_parties SET (type, sort_key) =
          (SELECT e.type, e.sort_key FROM events e WHERE e.id = event_parties.event_id);
        UPDATE event_participants SET sort_key =
          (SELECT e.sort_key FROM events e WHERE e.id = event_participants.event_id);
        DROP INDEX IF EXISTS event_parties_country;
        CREATE INDEX IF NOT EXISTS event_parties_country_sort ON event_parties(country, sort_key, event_id);
        CREATE INDEX IF NOT EXISTS event_parties_country_type ON event_parties(country, type, sort_key, event_id);
        DROP INDEX IF EXISTS event_participants_person;
        CREATE INDEX IF NOT EXISTS event_participants_person_sort ON event_participants(person_id, sort_key, event_id);
        CREATE INDEX IF NOT EXISTS events_sort ON events(sort_key);
        CREATE INDEX IF NOT EXISTS events_type_sort ON events(type, sort_key);
        CREATE INDEX IF NOT EXISTS events_level_sort ON events(level, sort_key);
        UPDATE counts SET sort_key = COALESCE(period_start, '~');
        UPDATE count_parties SET sort_key =
          (SELECT c.sort_key FROM counts c WHERE c.id = count_parties.count_id);
        DROP INDEX IF EXISTS count_parties_country;
        CREATE INDEX IF NOT EXISTS count_parties_country_sort ON count_parties(country, sort_key, count_id);
        CREATE INDEX IF NOT EXISTS counts_sort ON counts(sort_key);
        CREATE INDEX IF NOT EXISTS counts_level_sort ON counts(level, sort_key);
      `);
    },
  },
  {
    version: 6,
    description:
      "persons keep their numbers of events and documents (kept by triggers), so the persons list is ranked from an index instead of counting every participation",
    up: (db) => {
      const cols = db.prepare("SELECT name FROM pragma_table_info('persons')").pluck().all();
      if (!cols.includes("n_events")) db.exec("ALTER TABLE persons ADD COLUMN n_events INTEGER NOT NULL DEFAULT 0");
      if (!cols.includes("n_documents"))
        db.exec("ALTER TABLE persons ADD COLUMN n_documents INTEGER NOT NULL DEFAULT 0");
      db.exec(`
        UPDATE persons SET
          n_events = (SELECT COUNT(*) FROM event_participants WHERE person_id = persons.id),
          n_documents = (SELECT COUNT(*) FROM person_roles WHERE person_id = persons.id);
        CREATE TRIGGER IF NOT EXISTS event_participants_count_ai AFTER INSERT ON event_participants BEGIN
          UPDATE persons SET n_events = n_events + 1 WHERE id = new.person_id;
        END;
        CREATE TRIGGER IF NOT EXISTS event_participants_count_ad AFTER DELETE ON event_participants BEGIN
          UPDATE persons SET n_events = n_events - 1 WHERE id = old.person_id;
        END;
        CREATE TRIGGER IF NOT EXISTS person_roles_count_ai AFTER INSERT ON person_roles BEGIN
          UPDATE persons SET n_documents = n_documents + 1 WHERE id = new.person_id;
        END;
        CREATE TRIGGER IF NOT EXISTS person_roles_count_ad AFTER DELETE ON person_roles BEGIN
          UPDATE persons SET n_documents = n_documents - 1 WHERE id = old.person_id;
        END;
        CREATE INDEX IF NOT EXISTS persons_rank ON persons(n_events DESC, n_documents DESC, name);
      `);
    },
  },
  {
    version: 7,
    description:
      "index a person's roles, so their distinct roles are a few index seeks (skip-scan) instead of reading every document row",
    up: (db) => db.exec("CREATE INDEX IF NOT EXISTS person_roles_role ON person_roles(person_id, role)"),
  },
  {
    version: 8,
    description:
      "index events by (sort_key, date_hi), so counting a date range reads the index alone (events_sort still gives the page order)",
    up: (db) => db.exec("CREATE INDEX IF NOT EXISTS events_sort_hi ON events(sort_key, date_hi)"),
  },
  {
    version: 9,
    description:
      "the writer indexes a document's sentences for full-text search in one statement, and adds persons' numbers of events and documents once per document, instead of triggers per inserted row (a per-row FTS5 insert from a trigger flushed the index each time: ~4x the work); the delete and update triggers stay",
    up: (db) =>
      db.exec(`
        DROP TRIGGER IF EXISTS sentences_ai;
        DROP TRIGGER IF EXISTS event_participants_count_ai;
        DROP TRIGGER IF EXISTS person_roles_count_ai;
      `),
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings `db` up to SCHEMA_VERSION, one transaction per step. Returns the
 * versions it applied (empty when the file was current). A file written by a
 * newer Panorama is refused rather than misread.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest)
    throw new Error(
      `the store's schema version is ${current}, newer than this Panorama understands (${latest}); upgrade Panorama`,
    );
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    // IMMEDIATE, and the version re-read under the lock: two processes opening a new file at once
    // apply each step exactly once.
    const ran = db
      .transaction(() => {
        if ((db.pragma("user_version", { simple: true }) as number) >= m.version) return false;
        m.up(db);
        db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        const set = db.prepare(
          "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        );
        set.run("schema_version", String(m.version));
        set.run(`migration_${m.version}`, `${new Date().toISOString()} ${m.description}`);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
