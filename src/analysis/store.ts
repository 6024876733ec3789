/**
 * Thin adapters: each analysis over a Store. They fetch plain records (through
 * the Store's methods, or read-only aggregate SQL on `readonlyDb()`) and hand
 * them to the pure functions beside this file.
 */
import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import type { CountRow, EventRow, Store } from "../storage/api.js";
import { StoreFreqSource } from "./cache.js";
import {
  type CollocatesOptions,
  type CollocatesResult,
  type ConcordanceOptions,
  type ConcordanceResult,
  collocates,
  concordance,
  type LocatedSentence,
} from "./concordance.js";
import { type DiffOptions, type DiffResult, diffEditions } from "./diff.js";
import { type AnnouncedMeeting, announcedMeeting } from "./export.js";
import { type KeynessOptions, type KeynessResult, keyness, type NewTermsResult, newTerms } from "./keyness.js";
import { type ProfileResult, profile } from "./profile.js";
import { type ReconcileOptions, type ReconcileResult, reconcile } from "./reconcile.js";
import { termTokens, words } from "./text.js";
import { type TrendOptions, type TrendsResult, trends } from "./trends.js";
import { type DocText, sectionMatches } from "./types.js";

interface Row {
  [k: string]: unknown;
}

const sources = new WeakMap<Store, StoreFreqSource>();

/**
 * The n-gram frequency source of a store: its cache tables, built on first
 * use (or when documents changed since). One per Store object.
 */
export function freqSource(store: Store, onProgress?: (done: number, total: number) => void): StoreFreqSource {
  let s = sources.get(store);
  if (s) s.ensure();
  else {
    s = new StoreFreqSource(store.readonlyDb(), onProgress);
    sources.set(store, s);
  }
  return s;
}

export function trendsFromStore(store: Store, terms: string[], opts: TrendOptions = {}): TrendsResult {
  for (const t of terms) termTokens(t);
  return trends(freqSource(store), terms, opts);
}

export function keynessFromStore(store: Store, opts: KeynessOptions): KeynessResult {
  return keyness(freqSource(store), opts);
}

export function newTermsFromStore(
  store: Store,
  opts: { section?: string; minFreq?: number; top?: number } = {},
): NewTermsResult {
  return newTerms(freqSource(store), opts);
}

/** Sentences that may hold a term (FTS5 over the words of the term), located. */
function* candidateSentences(
  store: Store,
  term: string,
  filter: { section?: string; edition?: number; unordered?: boolean } = {},
) {
  const tokens = termTokens(term);
  const fts = tokens.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const q = `"${fts.join(" ").replace(/"/g, '""')}"`;
  const rows = store
    .readonlyDb()
    .prepare(
      `SELECT s.id AS id, s.idx AS idx, s.start AS start, s."end" AS "end", s.kind AS kind, s.heading AS heading,
              s.text AS text, d.id AS did, d.key AS key, d.edition AS edition, d.section AS section
       FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id
       WHERE sentences_fts MATCH ? AND s.kind != 'navigation'
       ${filter.unordered ? "" : "ORDER BY COALESCE(d.edition, 0), d.key, s.idx"}`,
    )
    .iterate(q) as Iterable<Row>;
  for (const r of rows) {
    const section = (r.section as string | null) ?? null;
    const edition = r.edition === null ? null : Number(r.edition);
    if (!sectionMatches(section, filter.section)) continue;
    if (filter.edition !== undefined && edition !== filter.edition) continue;
    const located: LocatedSentence = {
      documentKey: String(r.key),
      documentId: Number(r.did),
      edition,
      section,
      sentence: {
        id: Number(r.id),
        index: Number(r.idx),
        start: Number(r.start),
        end: Number(r.end),
        kind: String(r.kind),
        heading: (r.heading as string | null) ?? null,
        text: String(r.text),
      },
    };
    yield located;
  }
}

export function concordanceFromStore(
  store: Store,
  term: string,
  opts: ConcordanceOptions & { section?: string; edition?: number } = {},
): ConcordanceResult {
  return concordance(candidateSentences(store, term, opts), term, opts);
}

export function collocatesFromStore(store: Store, term: string, opts: CollocatesOptions = {}): CollocatesResult {
  const src = freqSource(store);
  const size = src.slices().reduce((n, s) => n + s.words, 0);
  // Counted over the Bluebook editions, like the cache that gives f(y).
  const sents = (function* () {
    for (const ls of candidateSentences(store, term, { unordered: true }))
      if (ls.edition !== null) yield words(ls.sentence.text);
  })();
  return collocates(sents, term, { freq: (w) => src.freq(w), size }, opts);
}

/** Documents as DocText (sentences included; `countries` per sentence from the mentions when asked). */
export function docTexts(
  store: Store,
  filter: { edition?: number; section?: string; ids?: number[]; withCountries?: boolean } = {},
): DocText[] {
  const db = store.readonlyDb();
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.edition !== undefined) {
    where.push("edition = ?");
    params.push(filter.edition);
  }
  if (filter.ids) {
    if (!filter.ids.length) return [];
    where.push(`id IN (${filter.ids.map(() => "?").join(",")})`);
    params.push(...filter.ids);
  }
  const docs = db
    .prepare(
      `SELECT id, key, edition, section, kind, date FROM documents ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY key`,
    )
    .all(...params) as Row[];
  const sentStmt = db.prepare(
    `SELECT id, idx, start, "end", kind, heading, text FROM sentences WHERE document_id = ? ORDER BY idx`,
  );
  const out: DocText[] = [];
  for (const d of docs) {
    const section = (d.section as string | null) ?? null;
    if (!sectionMatches(section, filter.section)) continue;
    const id = Number(d.id);
    let countries: Map<number, string[]> | null = null;
    if (filter.withCountries) {
      countries = new Map();
      for (const m of store.mentions(id)) {
        if (m.kind !== "country" || m.sentenceId === null) continue;
        const list = countries.get(m.sentenceId) ?? [];
        if (!list.includes(m.key)) list.push(m.key);
        countries.set(m.sentenceId, list);
      }
    }
    out.push({
      id,
      key: String(d.key),
      edition: d.edition === null ? null : Number(d.edition),
      section,
      kind: String(d.kind),
      date: (d.date as string | null) ?? null,
      sentences: (sentStmt.all(id) as Row[]).map((s) => ({
        id: Number(s.id),
        index: Number(s.idx),
        start: Number(s.start),
        end: Number(s.end),
        kind: String(s.kind),
        heading: (s.heading as string | null) ?? null,
        text: String(s.text),
        ...(countries ? { countries: countries.get(Number(s.id)) ?? [] } : {}),
      })),
    });
  }
  return out;
}

export function diffFromStore(
  store: Store,
  section: string,
  fromEdition: number,
  toEdition: number,
  opts: DiffOptions = {},
): DiffResult {
  const docs = [
    ...docTexts(store, { edition: fromEdition, section }),
    ...docTexts(store, { edition: toEdition, section }),
  ];
  return diffEditions(docs, section, fromEdition, toEdition, opts);
}

/** All events (paged through the Store so memory stays bounded per page). */
export function* allEvents(store: Store, filter: { country?: string } = {}): Generator<EventRow> {
  const page = 5000;
  for (let offset = 0; ; offset += page) {
    const rows = store.events({ ...filter, limit: page, offset });
    yield* rows;
    if (rows.length < page) return;
  }
}

let countryTable: { code: string; names: string[]; adjectives?: string[] }[] | null = null;

/** The names a country goes by: data/countries.json plus the surfaces the store has seen for it. */
export function partnerNames(store: Store, code: string): string[] {
  countryTable ??= (() => {
    try {
      return (
        JSON.parse(readFileSync(dataFile("countries.json"), "utf8")) as {
          countries: { code: string; names: string[]; adjectives?: string[] }[];
        }
      ).countries;
    } catch {
      return [];
    }
  })();
  const names = new Set<string>(countryTable.find((c) => c.code === code)?.names ?? []);
  const rows = store
    .readonlyDb()
    .prepare("SELECT surface FROM mention_names WHERE kind = 'country' AND key = ? LIMIT 50")
    .all(code) as Row[];
  for (const r of rows) names.add(String(r.surface));
  return [...names];
}

/** A partner given by code ("USA") or by name ("United States"); null when unknown. */
export function resolvePartner(store: Store, input: string): string | null {
  const v = input.trim();
  if (/^[A-Za-z]{2,10}$/.test(v)) {
    const code = v.toUpperCase();
    const known = store
      .readonlyDb()
      .prepare("SELECT 1 FROM mention_names WHERE kind = 'country' AND key = ? LIMIT 1")
      .get(code);
    if (known || countryTable?.some((c) => c.code === code)) return code;
  }
  const r = store
    .readonlyDb()
    .prepare("SELECT key FROM mention_names WHERE surface = ? COLLATE NOCASE AND kind = 'country' LIMIT 1")
    .get(v) as Row | undefined;
  if (r) return String(r.key);
  partnerNames(store, "JPN");
  const low = v.toLowerCase();
  const hit = countryTable?.find((c) => c.names.some((n) => n.toLowerCase() === low));
  return hit ? hit.code : /^[A-Za-z]{3}$/.test(v) ? v.toUpperCase() : null;
}

export function profileFromStore(store: Store, partner: string): ProfileResult {
  const code = partner.toUpperCase();
  const names = partnerNames(store, code);
  const ids = (
    store.readonlyDb().prepare("SELECT document_id AS id FROM document_countries WHERE country = ?").all(code) as Row[]
  ).map((r) => Number(r.id));
  const docs = docTexts(store, { ids, withCountries: true });
  const events = [...allEvents(store, { country: code })];
  const counts: CountRow[] = store.counts({ country: code });
  return profile(code, names, docs, events, counts);
}

export function reconcileFromStore(store: Store, opts: ReconcileOptions = {}): ReconcileResult {
  const counts = store.counts(opts.country ? { country: opts.country.toUpperCase() } : {});
  const events = [...allEvents(store, opts.country ? { country: opts.country.toUpperCase() } : {})].filter(
    (e) => e.type === "meeting" || e.type === "negotiation",
  );
  return reconcile(counts, events, opts);
}

/** Announced future meetings: sentences saying the parties agreed or decided to hold one. */
export function announcedMeetingsFromStore(store: Store): AnnouncedMeeting[] {
  const db = store.readonlyDb();
  const rows = db
    .prepare(
      `SELECT s.id AS sid, s.start AS start, s."end" AS "end", s.text AS text, d.key AS key, d.edition AS edition,
              d.covered_year AS covered, d.date AS date
       FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id
       WHERE sentences_fts MATCH '"agreed to hold" OR "decided to hold" OR "agreed to convene" OR "confirmed to hold"'
       ORDER BY d.key, s.idx`,
    )
    .all() as Row[];
  const docOf = db.prepare("SELECT document_id FROM sentences WHERE id = ?").pluck();
  /** the countries named in sentence `sid` */
  const countriesIn = (sid: number): string[] => {
    const doc = docOf.get(sid);
    if (doc === undefined) return [];
    return store
      .mentions(Number(doc))
      .filter((m) => m.kind === "country" && m.sentenceId === sid)
      .map((m) => m.key);
  };
  const out: AnnouncedMeeting[] = [];
  for (const r of rows) {
    const what = announcedMeeting(String(r.text));
    if (!what) continue;
    const countries = countriesIn(Number(r.sid));
    if (!countries.includes("JPN") && /\bJapan/.test(String(r.text))) countries.push("JPN");
    out.push({
      countries: [...new Set(countries)].sort(),
      date: r.date ? String(r.date) : r.covered ? String(r.covered) : null,
      what,
      documentKey: String(r.key),
      edition: r.edition === null ? null : Number(r.edition),
      start: Number(r.start),
      end: Number(r.end),
      text: String(r.text),
    });
  }
  return out;
}
