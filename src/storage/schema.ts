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
 * - a document's mentions as one JSON row (13); the names each country, person or organization goes
 *   by (mention_names, by key and by name) for the analysis layer; sentences by document;
 * - corpus totals (11), events per partner, type and year, and persons met per partner (12): small
 *   tables folded in per document by triggers on documents, plus the rows stored since the last fold.
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
  {
    version: 11,
    description:
      "corpus totals (documents, words, sentences, counts, events per type) kept up to date by triggers on documents, so the statistics read a few rows instead of counting every sentence and event",
    up: (db) => {
      // Per-row triggers on the big tables would make each of their inserts keep a statement journal
      // (about twice the ingest time); the figures are instead folded in per document, by set-based
      // statements in two triggers on documents:
      // - inserting a document folds in the rows stored since the last fold (the rows of the documents
      //   before it: those with an id above the mark 'upto:<table>') once there are more than
      //   'fold:every' (2,000; 40,000 since migration 14, which has the writer fold at each commit) of them: each fold then costs its statement journal once for many
      //   documents, and a reader counts at most a few thousand recent rows;
      // - deleting one takes away the document's rows that were folded in (at or below the marks); after
      //   the delete and its cascades a mark above the highest id left comes down to it, as new rows may
      //   reuse the ids freed (every row left at or below it is folded in).
      // A reader adds the rows above the marks (the last documents') to the folded totals.
      const fold = `
          INSERT INTO totals(key, n)
            SELECT 'events:' || type, COUNT(*) FROM events NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:events')
            GROUP BY type
          ON CONFLICT(key) DO UPDATE SET n = n + excluded.n;
          UPDATE totals SET n = n + (SELECT COUNT(*) FROM sentences NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:sentences'))
            WHERE key = 'sentences';
          UPDATE totals SET n = n + (SELECT COUNT(*) FROM counts NOT INDEXED WHERE id > (SELECT n FROM totals WHERE key = 'upto:counts'))
            WHERE key = 'counts';
          UPDATE totals SET n = max(n, (SELECT COALESCE(MAX(id), 0) FROM events)) WHERE key = 'upto:events';
          UPDATE totals SET n = max(n, (SELECT COALESCE(MAX(id), 0) FROM sentences)) WHERE key = 'upto:sentences';
          UPDATE totals SET n = max(n, (SELECT COALESCE(MAX(id), 0) FROM counts)) WHERE key = 'upto:counts';`;
      db.exec(`
        CREATE TABLE IF NOT EXISTS totals (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        DELETE FROM totals;
        INSERT INTO totals(key, n)
          SELECT 'documents', COUNT(*) FROM documents
          UNION ALL SELECT 'words', COALESCE(SUM(word_count), 0) FROM documents
          UNION ALL SELECT 'sentences', COUNT(*) FROM sentences
          UNION ALL SELECT 'counts', COUNT(*) FROM counts
          UNION ALL SELECT 'events:' || type, COUNT(*) FROM events GROUP BY type
          UNION ALL SELECT 'upto:events', COALESCE(MAX(id), 0) FROM events
          UNION ALL SELECT 'upto:sentences', COALESCE(MAX(id), 0) FROM sentences
          UNION ALL SELECT 'upto:counts', COALESCE(MAX(id), 0) FROM counts
          UNION ALL SELECT 'fold:every', 2000;

        CREATE TRIGGER IF NOT EXISTS documents_totals_ai AFTER INSERT ON documents BEGIN
          UPDATE totals SET n = n + CASE key WHEN 'documents' THEN 1 ELSE new.word_count END
            WHERE key IN ('documents', 'words');
        END;
        CREATE TRIGGER IF NOT EXISTS documents_totals_fold AFTER INSERT ON documents
          WHEN (SELECT COALESCE(MAX(id), 0) FROM events) - (SELECT n FROM totals WHERE key = 'upto:events')
            + (SELECT COALESCE(MAX(id), 0) FROM sentences) - (SELECT n FROM totals WHERE key = 'upto:sentences')
            + (SELECT COALESCE(MAX(id), 0) FROM counts) - (SELECT n FROM totals WHERE key = 'upto:counts')
            > (SELECT n FROM totals WHERE key = 'fold:every')
        BEGIN${fold}
        END;
        CREATE TRIGGER IF NOT EXISTS documents_totals_bd BEFORE DELETE ON documents BEGIN
          UPDATE totals SET n = n - CASE key WHEN 'documents' THEN 1 ELSE old.word_count END
            WHERE key IN ('documents', 'words');
          UPDATE totals SET n = n - (SELECT COUNT(*) FROM events e WHERE e.document_id = old.id
              AND e.id <= (SELECT n FROM totals WHERE key = 'upto:events') AND 'events:' || e.type = totals.key)
            WHERE key IN (SELECT 'events:' || type FROM events WHERE document_id = old.id);
          UPDATE totals SET n = n - (SELECT COUNT(*) FROM sentences WHERE document_id = old.id
              AND id <= (SELECT n FROM totals WHERE key = 'upto:sentences'))
            WHERE key = 'sentences';
          UPDATE totals SET n = n - (SELECT COUNT(*) FROM counts WHERE document_id = old.id
              AND id <= (SELECT n FROM totals WHERE key = 'upto:counts'))
            WHERE key = 'counts';
        END;
        CREATE TRIGGER IF NOT EXISTS documents_totals_ad AFTER DELETE ON documents BEGIN
          UPDATE totals SET n = min(n, (SELECT COALESCE(MAX(id), 0) FROM events)) WHERE key = 'upto:events';
          UPDATE totals SET n = min(n, (SELECT COALESCE(MAX(id), 0) FROM sentences)) WHERE key = 'upto:sentences';
          UPDATE totals SET n = min(n, (SELECT COALESCE(MAX(id), 0) FROM counts)) WHERE key = 'upto:counts';
        END;
        CREATE TRIGGER IF NOT EXISTS documents_totals_au AFTER UPDATE OF word_count ON documents BEGIN
          UPDATE totals SET n = n - old.word_count + new.word_count WHERE key = 'words';
        END;
      `);
    },
  },
  {
    version: 12,
    description:
      "events per partner, type and year, and persons met per partner (per party country, event type and participant: the number of events, the first and the last of them), kept up to date by triggers on documents, so the overview and a partner's page read a few rows instead of every event",
    up: (db) => {
      // Folded in as the totals of migration 11 (mark 'upto:parties': the highest event id whose parties
      // and participants are in), with the same rule for deletes. The first and last dated events as keys
      // that compare as strings, with the date as the text gives it at the end (from the 21st character):
      // - first_key = sort_key (date_lo) || date_hi || date: the earliest start, the earliest end on a tie;
      // - last_key = date_hi || sort_key || date: the latest end (a month or year ends on its last day).
      // When a deleted document held one of them, it is found again among the other folded events (by
      // the person's sort-key index). The fold's LIMIT keeps the planner from walking a whole index in
      // GROUP BY order instead of the id range.
      const year = (k: string) => `CASE WHEN ${k} < '~' THEN CAST(substr(${k}, 1, 4) AS INTEGER) ELSE 0 END`;
      const firstKey = "CASE WHEN e.date_hi IS NOT NULL THEN e.sort_key || e.date_hi || e.date END";
      const lastKey = "CASE WHEN e.date_hi IS NOT NULL THEN e.date_hi || e.sort_key || e.date END";
      const mark = "(SELECT n FROM totals WHERE key = 'upto:parties')";
      const fold = `
          INSERT INTO event_tallies(country, type, year, n)
            SELECT country, type, ${year("sort_key")} AS y, COUNT(*)
            FROM (SELECT country, type, sort_key FROM event_parties WHERE event_id > ${mark} LIMIT -1)
            WHERE true GROUP BY country, type, y
          ON CONFLICT(country, type, year) DO UPDATE SET n = n + excluded.n;
          INSERT INTO partner_persons(country, type, person_id, n, first_key, last_key)
            SELECT p.country, p.type, ep.person_id, COUNT(*), MIN(${firstKey}), MAX(${lastKey})
            FROM event_parties p JOIN event_participants ep ON ep.event_id = p.event_id JOIN events e ON e.id = p.event_id
            WHERE p.event_id > ${mark}
            GROUP BY p.country, p.type, ep.person_id
          ON CONFLICT(country, type, person_id) DO UPDATE SET n = n + excluded.n,
            first_key = CASE WHEN excluded.first_key IS NULL THEN first_key
              WHEN first_key IS NULL OR excluded.first_key < first_key THEN excluded.first_key ELSE first_key END,
            last_key = CASE WHEN excluded.last_key IS NULL THEN last_key
              WHEN last_key IS NULL OR excluded.last_key > last_key THEN excluded.last_key ELSE last_key END;
          UPDATE totals SET n = max(n, (SELECT COALESCE(MAX(id), 0) FROM events)) WHERE key = 'upto:parties';`;
      const docPairs = `SELECT p.country, p.type, ep.person_id, ${firstKey} AS fk, ${lastKey} AS lk FROM events e
            JOIN event_parties p ON p.event_id = e.id JOIN event_participants ep ON ep.event_id = e.id
            WHERE e.document_id = old.id AND e.id <= ${mark}`;
      // the folded pairs of the person with the partner left when document old.id goes
      const others = (cols: string, where: string, tail = "") => `(
            SELECT ${cols} FROM event_participants ep
            JOIN event_parties p ON p.event_id = ep.event_id AND p.country = partner_persons.country
            JOIN events e ON e.id = ep.event_id
            WHERE ep.person_id = partner_persons.person_id AND p.type = partner_persons.type AND ${where}
              AND e.document_id IS NOT old.id AND ep.event_id <= ${mark} ${tail})`;
      const earliest = others("ep.sort_key", "ep.sort_key < '~'", "ORDER BY ep.sort_key LIMIT 1");
      const latest = others("ep.sort_key", "ep.sort_key < '~'", "ORDER BY ep.sort_key DESC LIMIT 1");
      // the first among the events starting on the earliest key; the last among those of the latest
      // start's year (a partial date never spans years: nothing starting earlier ends later)
      const againFirst = others(`MIN(${firstKey})`, `ep.sort_key = ${earliest}`);
      const againLast = others(
        `MAX(${lastKey})`,
        `ep.sort_key BETWEEN substr(${latest}, 1, 4) || '-01-01' AND ${latest}`,
      );
      db.exec(`
        INSERT INTO totals(key, n) SELECT 'upto:parties', COALESCE(MAX(id), 0) FROM events WHERE true
          ON CONFLICT(key) DO UPDATE SET n = excluded.n;

        CREATE TABLE IF NOT EXISTS event_tallies (
          country TEXT NOT NULL,
          type TEXT NOT NULL,
          year INTEGER NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (country, type, year)
        ) WITHOUT ROWID;
        DELETE FROM event_tallies;
        INSERT INTO event_tallies(country, type, year, n)
          SELECT country, type, ${year("sort_key")} AS y, COUNT(*) FROM event_parties WHERE event_id <= ${mark}
          GROUP BY country, type, y;

        CREATE TABLE IF NOT EXISTS partner_persons (
          country TEXT NOT NULL,
          type TEXT NOT NULL,
          person_id INTEGER NOT NULL,
          n INTEGER NOT NULL,
          first_key TEXT,
          last_key TEXT,
          PRIMARY KEY (country, type, person_id)
        ) WITHOUT ROWID;
        DELETE FROM partner_persons;
        INSERT INTO partner_persons(country, type, person_id, n, first_key, last_key)
          SELECT p.country, p.type, ep.person_id, COUNT(*), MIN(${firstKey}), MAX(${lastKey})
          FROM event_parties p JOIN event_participants ep ON ep.event_id = p.event_id JOIN events e ON e.id = p.event_id
          WHERE p.event_id <= ${mark}
          GROUP BY p.country, p.type, ep.person_id;

        CREATE TRIGGER IF NOT EXISTS documents_tallies_fold AFTER INSERT ON documents
          WHEN (SELECT COALESCE(MAX(id), 0) FROM events) - ${mark} > (SELECT n FROM totals WHERE key = 'fold:every')
        BEGIN${fold}
        END;
        CREATE TRIGGER IF NOT EXISTS documents_tallies_bd BEFORE DELETE ON documents BEGIN
          UPDATE event_tallies SET n = n - d.k FROM (
            SELECT p.country, p.type, ${year("p.sort_key")} AS y, COUNT(*) AS k
            FROM events e JOIN event_parties p ON p.event_id = e.id WHERE e.document_id = old.id AND e.id <= ${mark}
            GROUP BY p.country, p.type, y) AS d
          WHERE event_tallies.country = d.country AND event_tallies.type = d.type AND event_tallies.year = d.y;
          UPDATE partner_persons SET n = n - d.k FROM (
            SELECT country, type, person_id, COUNT(*) AS k FROM (${docPairs}) GROUP BY country, type, person_id) AS d
          WHERE partner_persons.country = d.country AND partner_persons.type = d.type
            AND partner_persons.person_id = d.person_id;
          UPDATE partner_persons SET first_key = ${againFirst}, last_key = ${againLast}
          WHERE (country, type, person_id) IN (
            SELECT d.country, d.type, d.person_id FROM (${docPairs}) AS d
            JOIN partner_persons pp ON pp.country = d.country AND pp.type = d.type AND pp.person_id = d.person_id
            WHERE d.fk = pp.first_key OR d.lk = pp.last_key);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_tallies_ad AFTER DELETE ON documents BEGIN
          UPDATE totals SET n = min(n, (SELECT COALESCE(MAX(id), 0) FROM events)) WHERE key = 'upto:parties';
        END;
      `);
    },
  },
  {
    version: 13,
    description:
      "a document's mentions are one JSON row (document_mentions) instead of a row each with three indexes (~460 rows per document, ~30% of the store's write time), and the names used for each country, person and organization are kept in mention_names (with the number of documents using each), which is what was looked up across documents",
    up: (db) => {
      // A mention in `data`: [kind, key, start, end, sentence index or null, surface or null]; the surface is
      // null when it is the text between start and end (almost always), so a reader cuts it from the text.
      // Mentions are read per document only (the reader, analysis of a document's sentences); across
      // documents the questions were "which names does country X go by" and "which country is this name",
      // answered by mention_names, and "which documents name X", answered by document_countries.
      db.exec(`
        CREATE TABLE IF NOT EXISTS document_mentions (
          document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
          data TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS mention_names (
          kind TEXT NOT NULL,
          key TEXT NOT NULL,
          surface TEXT NOT NULL,
          documents INTEGER NOT NULL,
          PRIMARY KEY (kind, key, surface)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS mention_names_surface ON mention_names(surface COLLATE NOCASE, kind);
      `);
      if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mentions'").get()) return;
      db.exec(`
        INSERT INTO document_mentions(document_id, data)
          SELECT document_id, json_group_array(json_array(kind, key, start, "end", idx, surface))
          FROM (SELECT m.document_id, m.kind, m.key, m.start, m."end", s.idx, m.surface
                FROM mentions m LEFT JOIN sentences s ON s.id = m.sentence_id
                ORDER BY m.document_id, m.start, m.id)
          GROUP BY document_id;
        INSERT INTO mention_names(kind, key, surface, documents)
          SELECT kind, key, surface, COUNT(DISTINCT document_id) FROM mentions GROUP BY kind, key, surface;

        DROP TABLE mentions;
      `);
    },
  },
  {
    version: 14,
    description:
      "the writer folds the totals and tallies in at the end of each write transaction, so the fold triggers need only bound a long transaction: every 40,000 stored rows instead of every 2,000 (a 1 MiB ingest batch folds once instead of ~6 times: the store's write time -10 to -15%)",
    up: (db) => db.exec("UPDATE totals SET n = 40000 WHERE key = 'fold:every' AND n = 2000"),
  },
  {
    version: 15,
    description:
      "drop three indexes no query uses since the sort-key indexes (migration 5): events(date_lo) (date ranges read events(sort_key, date_hi)), events(type, level, modality) (filters read events(type|level, sort_key)) and counts(level) (a prefix of counts(level, sort_key)); each cost every stored event or count an index insert",
    up: (db) =>
      db.exec(`
        DROP INDEX IF EXISTS events_date;
        DROP INDEX IF EXISTS events_type;
        DROP INDEX IF EXISTS counts_level;
      `),
  },
];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Brings `db` up to SCHEMA_VERSION, one transaction per step. Returns the
 * versions it applied (empty when the file was current). A file written by a
 * newer Panorama is refused rather than misread.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma("user_version", { simple: true }) as number;
  // in version order, whatever the order of the list (steps are numbered by task, not always appended in order)
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const latest = ordered.at(-1)?.version ?? 0;
  if (current > latest)
    throw new Error(
      `the store's schema version is ${current}, newer than this Panorama understands (${latest}); upgrade Panorama`,
    );
  const applied: number[] = [];
  for (const m of ordered) {
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
