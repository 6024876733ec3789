/**
 * The analysis layer's own cache in the store file: n-gram frequencies per
 * edition × section, so trends and keyness answer from a few indexed rows
 * instead of re-reading the text. Not part of the store's schema: the tables
 * are created here with CREATE TABLE IF NOT EXISTS, filled lazily on first
 * use and rebuilt when the documents change (a fingerprint of the documents
 * table is kept beside them). On a store opened read-only, the same tables
 * live in the connection's TEMP schema instead.
 *
 *   analysis_slices(slice, edition, section, words, docs)
 *   analysis_ngrams(term, slice, n)            -- 1-3-grams, see eachNgram
 *   analysis_totals(term, n, first_edition, first_n)
 *   analysis_meta(key, value)                  -- fingerprint, version
 */
import type Database from "better-sqlite3";
import { eachNgram, findTerm, isCachedTerm, termForms, words } from "./text.js";
import type { FreqSource, Slice } from "./types.js";

/** Bump when the tokenizer or the n-gram rule changes: the cache is rebuilt. */
export const CACHE_VERSION = "3";

interface Row {
  [k: string]: unknown;
}

export interface CacheBuildInfo {
  rebuilt: boolean;
  seconds: number;
  slices: number;
  rows: number;
}

/** Splits a list of slice indexes into SQL-sized chunks. */
function chunks<T>(xs: T[], n = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** FreqSource over the store's cache tables (built when missing or stale). */
export class StoreFreqSource implements FreqSource {
  private schema: string;
  private sliceList: (Slice & { id: number })[] = [];
  lastBuild: CacheBuildInfo | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.schema = db.readonly ? "temp" : "main";
    this.ensure();
  }

  private fingerprint(): string {
    const r = this.db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS m, COALESCE(SUM(bytes), 0) AS b,
                COALESCE(MAX(ingested_at), '') AS t, COALESCE(SUM(CASE WHEN edition IS NULL THEN 0 ELSE edition END), 0) AS e
         FROM documents`,
      )
      .get() as Row;
    return `${CACHE_VERSION}:${r.n}:${r.m}:${r.b}:${r.t}:${r.e}`;
  }

  private createTables(): void {
    const s = this.schema;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${s}.analysis_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${s}.analysis_slices (
        slice INTEGER PRIMARY KEY, edition INTEGER NOT NULL, section TEXT, words INTEGER NOT NULL, docs INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.analysis_ngrams (
        slice INTEGER NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (slice, term)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${s}.analysis_totals (
        term TEXT PRIMARY KEY, n INTEGER NOT NULL, first_edition INTEGER NOT NULL, first_n INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  }

  /** Indexes made after the bulk load (one sort instead of a random insert per row). */
  private createIndexes(): void {
    const s = this.schema;
    this.db.exec(`
      CREATE INDEX IF NOT EXISTS ${s}.analysis_ngrams_term ON analysis_ngrams(term, slice, n);
      CREATE INDEX IF NOT EXISTS ${s}.analysis_totals_first ON analysis_totals(first_edition, first_n);
    `);
  }

  /** Builds the cache when it is missing or stale; returns whether it did. */
  ensure(): boolean {
    try {
      return this.ensureIn();
    } catch (e) {
      // The file cannot take the cache (read-only on disk, or another process holds the write lock
      // for longer than the busy timeout): keep it for this connection only, in TEMP.
      const code = (e as { code?: string }).code ?? "";
      if (this.schema === "temp" || !/^SQLITE_(READONLY|BUSY|CANTOPEN|FULL)/.test(code)) throw e;
      this.schema = "temp";
      return this.ensureIn();
    }
  }

  private ensureIn(): boolean {
    const s = this.schema;
    this.createTables();
    const fp = this.fingerprint();
    const seen = this.db.prepare(`SELECT value FROM ${s}.analysis_meta WHERE key = 'fingerprint'`).get() as
      | Row
      | undefined;
    if (seen?.value === fp) {
      this.loadSlices();
      return false;
    }
    const t0 = performance.now();
    const rows = this.rebuild(fp);
    this.loadSlices();
    this.lastBuild = { rebuilt: true, seconds: (performance.now() - t0) / 1000, slices: this.sliceList.length, rows };
    return true;
  }

  private rebuild(fp: string): number {
    const s = this.schema;
    const db = this.db;
    const docs = db
      .prepare(
        "SELECT id, edition, section FROM documents WHERE edition IS NOT NULL ORDER BY edition, COALESCE(section, ''), id",
      )
      .all() as { id: number; edition: number; section: string | null }[];
    const sentences = db.prepare(
      "SELECT text FROM sentences WHERE document_id = ? AND kind != 'navigation' ORDER BY idx",
    );
    let rows = 0;
    db.transaction(() => {
      // Dropped and made again: the layout may have changed with CACHE_VERSION, and a bulk load is faster unindexed.
      db.exec(
        `DROP TABLE IF EXISTS ${s}.analysis_ngrams; DROP TABLE IF EXISTS ${s}.analysis_slices; DROP TABLE IF EXISTS ${s}.analysis_totals;`,
      );
      this.createTables();
      const insSlice = db.prepare(
        `INSERT INTO ${s}.analysis_slices(slice, edition, section, words, docs) VALUES (?, ?, ?, ?, ?)`,
      );
      const insNgram = db.prepare(`INSERT INTO ${s}.analysis_ngrams(slice, term, n) VALUES (?, ?, ?)`);
      const totals = new Map<string, { n: number; first: number; firstN: number }>();
      let slice = 0;
      let i = 0;
      while (i < docs.length) {
        const { edition, section } = docs[i]!;
        const counts = new Map<string, number>();
        const emit = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
        let nWords = 0;
        let nDocs = 0;
        while (i < docs.length && docs[i]!.edition === edition && docs[i]!.section === section) {
          for (const r of sentences.iterate(docs[i]!.id) as Iterable<{ text: string }>) {
            const toks = words(r.text);
            nWords += toks.length;
            eachNgram(toks, emit);
          }
          nDocs++;
          i++;
          this.onProgress?.(i, docs.length);
        }
        slice++;
        insSlice.run(slice, edition, section, nWords, nDocs);
        for (const term of [...counts.keys()].sort()) {
          const n = counts.get(term)!;
          insNgram.run(slice, term, n);
          rows++;
          const t = totals.get(term);
          if (!t) totals.set(term, { n, first: edition, firstN: n });
          else {
            t.n += n;
            if (t.first === edition) t.firstN += n;
          }
        }
      }
      const insTotal = db.prepare(
        `INSERT INTO ${s}.analysis_totals(term, n, first_edition, first_n) VALUES (?, ?, ?, ?)`,
      );
      for (const term of [...totals.keys()].sort()) {
        const t = totals.get(term)!;
        insTotal.run(term, t.n, t.first, t.firstN);
      }
      this.createIndexes();
      db.prepare(
        `INSERT INTO ${s}.analysis_meta(key, value) VALUES ('fingerprint', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(fp);
    })();
    return rows;
  }

  private loadSlices(): void {
    this.sliceList = (
      this.db
        .prepare(`SELECT slice, edition, section, words, docs FROM ${this.schema}.analysis_slices ORDER BY slice`)
        .all() as Row[]
    ).map((r) => ({
      id: Number(r.slice),
      edition: Number(r.edition),
      section: (r.section as string | null) ?? null,
      words: Number(r.words),
      docs: Number(r.docs),
    }));
  }

  slices(): Slice[] {
    return this.sliceList.map(({ edition, section, words, docs }) => ({ edition, section, words, docs }));
  }

  termCounts(tokens: string[]): number[] {
    const pos = new Map(this.sliceList.map((s, i) => [s.id, i]));
    const out = this.sliceList.map(() => 0);
    if (isCachedTerm(tokens)) {
      const forms = termForms(tokens);
      const rows = this.db
        .prepare(
          `SELECT slice, SUM(n) AS n FROM ${this.schema}.analysis_ngrams WHERE term IN (${forms.map(() => "?").join(",")}) GROUP BY slice`,
        )
        .all(...forms) as Row[];
      for (const r of rows) {
        const i = pos.get(Number(r.slice));
        if (i !== undefined) out[i] = Number(r.n);
      }
      return out;
    }
    // Not kept in the cache (longer than 3 words, or edged by a function word): FTS5 finds the
    // candidate sentences, the tokenizer counts exactly.
    const bySlice = new Map(this.sliceList.map((s, i) => [`${s.edition}\u0000${s.section ?? ""}`, i]));
    const fts = tokens.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const q = `"${fts.join(" ").replace(/"/g, '""')}"`;
    const rows = this.db
      .prepare(
        `SELECT s.text AS text, d.edition AS edition, d.section AS section
         FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id
         WHERE sentences_fts MATCH ? AND d.edition IS NOT NULL AND s.kind != 'navigation'`,
      )
      .iterate(q) as Iterable<Row>;
    for (const r of rows) {
      const i = bySlice.get(`${r.edition}\u0000${(r.section as string | null) ?? ""}`);
      if (i === undefined) continue;
      out[i]! += findTerm(words(String(r.text)), tokens).length;
    }
    return out;
  }

  table(sliceIndexes: number[], minFreq = 1): Map<string, number> {
    const ids = sliceIndexes.map((i) => this.sliceList[i]?.id).filter((x): x is number => x !== undefined);
    const out = new Map<string, number>();
    if (ids.length === 1) {
      const rows = this.db
        .prepare(`SELECT term, n FROM ${this.schema}.analysis_ngrams WHERE slice = ?`)
        .raw()
        .iterate(ids[0]) as Iterable<[string, number]>;
      for (const [term, n] of rows) out.set(term, n);
    } else {
      for (const part of chunks(ids)) {
        const rows = this.db
          .prepare(
            `SELECT term, SUM(n) FROM ${this.schema}.analysis_ngrams WHERE slice IN (${part.map(() => "?").join(",")}) GROUP BY term`,
          )
          .raw()
          .iterate(...part) as Iterable<[string, number]>;
        for (const [term, n] of rows) out.set(term, (out.get(term) ?? 0) + n);
      }
    }
    if (minFreq > 1) for (const [k, n] of out) if (n < minFreq) out.delete(k);
    return out;
  }

  totals(minFreq = 1): Map<string, number> {
    const out = new Map<string, number>();
    const rows = this.db
      .prepare(`SELECT term, n FROM ${this.schema}.analysis_totals WHERE n >= ?`)
      .raw()
      .iterate(minFreq) as Iterable<[string, number]>;
    for (const [term, n] of rows) out.set(term, n);
    return out;
  }

  /** A word's frequency over the corpus (with its possessive). */
  freq(word: string): number {
    const forms = termForms([word]);
    const r = this.db
      .prepare(
        `SELECT COALESCE(SUM(n), 0) AS n FROM ${this.schema}.analysis_totals WHERE term IN (${forms.map(() => "?").join(",")})`,
      )
      .get(...forms) as Row;
    return Number(r.n);
  }

  firstSeen(sliceIndexes: number[], minFreq: number): { term: string; edition: number; freq: number }[] {
    if (sliceIndexes.length === this.sliceList.length) {
      // Every slice: the totals table already knows each term's first edition.
      return (
        this.db
          .prepare(
            `SELECT term, first_edition AS edition, first_n AS freq FROM ${this.schema}.analysis_totals WHERE first_n >= ?`,
          )
          .all(minFreq) as { term: string; edition: number; freq: number }[]
      ).map((r) => ({ term: r.term, edition: Number(r.edition), freq: Number(r.freq) }));
    }
    const ids = sliceIndexes.map((i) => this.sliceList[i]?.id).filter((x): x is number => x !== undefined);
    const edOf = new Map(this.sliceList.map((s) => [s.id, s.edition]));
    const first = new Map<string, { edition: number; freq: number }>();
    for (const part of chunks(ids)) {
      const rows = this.db
        .prepare(
          `SELECT term, slice, n FROM ${this.schema}.analysis_ngrams WHERE slice IN (${part.map(() => "?").join(",")})`,
        )
        .raw()
        .iterate(...part) as Iterable<[string, number, number]>;
      for (const [term, slice, n] of rows) {
        const e = edOf.get(slice)!;
        const f = first.get(term);
        if (!f || e < f.edition) first.set(term, { edition: e, freq: n });
        else if (e === f.edition) f.freq += n;
      }
    }
    const out: { term: string; edition: number; freq: number }[] = [];
    for (const [term, f] of first) if (f.freq >= minFreq) out.push({ term, ...f });
    return out;
  }
}
