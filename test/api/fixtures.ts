/**
 * Hand-written analyzed documents in the Bluebook's style (invented, not
 * ministry text) for the API tests, and a small in-memory Store that answers
 * the Store interface over them (used until/unless the SQLite store is there).
 */

import type {
  AnalyzedDocument,
  DocumentMetadata,
  ExtractedCount,
  ExtractedEvent,
  ExtractedPerson,
  Mention,
} from "../../src/model/types.js";
import { segment } from "../../src/segmenting/index.js";
import type {
  CorpusStats,
  CountFilter,
  CountRow,
  DocumentRow,
  EventFilter,
  EventRow,
  EventTally,
  EvidenceRef,
  IngestOutcome,
  MentionRow,
  OrganizationRow,
  PersonRow,
  SearchFilter,
  SearchHit,
  SentenceRow,
  Store,
} from "../../src/storage/api.js";

function span(text: string, needle: string) {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

function build(
  id: string,
  text: string,
  meta: DocumentMetadata,
  parts: {
    mentions: [Mention["kind"], string, string][];
    events: (Omit<ExtractedEvent, "evidence"> & { sentence: string })[];
    counts: (Omit<ExtractedCount, "evidence"> & { sentence: string })[];
    persons: ExtractedPerson[];
    organizations?: string[];
  },
): AnalyzedDocument {
  const { sentences } = segment(text);
  const sentenceOf = (pos: number) => sentences.findIndex((s) => s.start <= pos && pos < s.end);
  const mentions: Mention[] = parts.mentions.map(([kind, key, surface]) => {
    const s = span(text, surface);
    return { kind, key, start: s.start, end: s.end, surface, sentence: sentenceOf(s.start) };
  });
  const evidence = (needle: string) => span(text, needle);
  const countries = [...new Set(mentions.filter((m) => m.kind === "country").map((m) => m.key))].sort();
  return {
    source: { id, path: `/fixtures/${id}.txt`, format: "txt", encoding: "utf-8", bytes: text.length, hash: id },
    text,
    sentences,
    mentions,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    extraction: {
      id,
      ...meta,
      events: parts.events.map(({ sentence, ...e }) => ({ ...e, evidence: evidence(sentence) })),
      counts: parts.counts.map(({ sentence, ...c }) => ({ ...c, evidence: evidence(sentence) })),
      persons: parts.persons,
      countries,
      organizations: parts.organizations ?? [],
    },
  };
}

const S1 =
  "In February 2013, Prime Minister Shinzo Abe visited the United States and held a summit meeting with President Barack Obama in Washington, D.C.";
const S2 = "In 2013, Japan and the United States held eight summit meetings, including two by telephone.";
const S3 = "In December 2013, Foreign Minister Fumio Kishida held a telephone talk with Secretary of State John Kerry.";
const S4 = "In October 2013, Prime Minister Abe attended the APEC Economic Leaders' Meeting in Bali, Indonesia.";

export const northAmerica = build(
  "bb2014_north_america",
  `Section 1 North America\n\n${S1} ${S2}\n\n${S3} ${S4}\n`,
  { kind: "bluebook", edition: 2014, summary: false, coveredYear: 2013, section: "North America", date: null },
  {
    mentions: [
      ["person", "Shinzo Abe", "Shinzo Abe"],
      ["country", "USA", "United States"],
      ["person", "Barack Obama", "Barack Obama"],
      ["person", "Fumio Kishida", "Fumio Kishida"],
      ["person", "John Kerry", "John Kerry"],
      ["organization", "APEC", "APEC"],
      ["country", "IDN", "Indonesia"],
      ["country", "JPN", "Japan"],
    ],
    events: [
      {
        type: "meeting",
        level: "summit",
        modality: "in_person",
        countries: ["JPN", "USA"],
        date: "2013-02",
        location: "USA",
        place: "Washington, D.C.",
        participants: ["Barack Obama", "Shinzo Abe"],
        sentence: S1,
      },
      {
        type: "visit",
        countries: ["JPN", "USA"],
        date: "2013-02",
        location: "USA",
        place: "Washington, D.C.",
        participants: ["Shinzo Abe"],
        sentence: S1,
      },
      {
        type: "meeting",
        level: "foreign_ministers",
        modality: "telephone",
        countries: ["JPN", "USA"],
        date: "2013-12",
        participants: ["Fumio Kishida", "John Kerry"],
        sentence: S3,
      },
      {
        type: "conference",
        countries: ["IDN", "JPN"],
        date: "2013-10",
        location: "IDN",
        place: "Bali",
        organization: "APEC",
        title: "APEC Economic Leaders' Meeting",
        participants: ["Shinzo Abe"],
        sentence: S4,
      },
    ],
    counts: [
      {
        level: "summit",
        countries: ["JPN", "USA"],
        total: 8,
        telephone: 2,
        period: { start: "2013-01", end: "2013-12" },
        sentence: S2,
      },
    ],
    persons: [
      { name: "Shinzo Abe", role: "Prime Minister", country: "JPN" },
      { name: "Barack Obama", role: "President", country: "USA" },
      { name: "Fumio Kishida", role: "Foreign Minister", country: "JPN" },
      { name: "John Kerry", role: "Secretary of State", country: "USA" },
    ],
    organizations: ["APEC"],
  },
);

const R1 =
  "On June 21, Foreign Minister Fumio Kishida held a meeting with Foreign Minister Rob Nicholson of Canada in Tokyo.";
const R2 = "The two ministers signed the Japan-Canada Agreement on the Security of Information.";

export const canadaReadout = build(
  "readout_2015_06_21_canada",
  `June 21, 2015\nJapan-Canada Foreign Ministers' Meeting\n\n${R1} ${R2}\n`,
  { kind: "readout", edition: null, summary: false, coveredYear: null, section: null, date: "2015-06-21" },
  {
    mentions: [
      ["person", "Fumio Kishida", "Fumio Kishida"],
      ["person", "Rob Nicholson", "Rob Nicholson"],
      ["country", "CAN", "Canada"],
    ],
    events: [
      {
        type: "meeting",
        level: "foreign_ministers",
        modality: "in_person",
        countries: ["CAN", "JPN"],
        date: "2015-06-21",
        location: "JPN",
        place: "Tokyo",
        participants: ["Fumio Kishida", "Rob Nicholson"],
        sentence: R1,
      },
      {
        type: "agreement",
        countries: ["CAN", "JPN"],
        date: "2015-06-21",
        title: "Japan-Canada Agreement on the Security of Information",
        status: "signed",
        sentence: R2,
      },
    ],
    counts: [],
    persons: [
      { name: "Fumio Kishida", role: "Foreign Minister", country: "JPN" },
      { name: "Rob Nicholson", role: "Foreign Minister", country: "CAN" },
    ],
  },
);

export const MARKUP = '<script>window.__pwned = 1</script><b>bold</b> & <img src=x onerror="alert(1)">';
const M1 = `On March 3, 2016, Japan and France held a summit meeting; the communique was quoted as ${MARKUP}.`;

export const markupDoc = build(
  "markup_case",
  `${M1}\n`,
  { kind: "other", edition: null, summary: false, coveredYear: null, section: null, date: null },
  {
    mentions: [["country", "FRA", "France"]],
    events: [
      {
        type: "meeting",
        level: "summit",
        modality: "in_person",
        countries: ["FRA", "JPN"],
        date: "2016-03-03",
        participants: [],
        sentence: M1,
      },
    ],
    counts: [],
    persons: [],
  },
);

export const fixtureDocs = [northAmerica, canadaReadout, markupDoc];

// ---------------------------------------------------------------------------
// In-memory Store

function matchesPartial(date: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}

const anyOf = <T>(v: T | T[] | undefined): T[] | null => (v == null ? null : Array.isArray(v) ? v : [v]);

export function memoryStore(): Store {
  const docs: DocumentRow[] = [];
  const texts = new Map<number, string>();
  const sentences = new Map<number, SentenceRow[]>();
  const mentions = new Map<number, MentionRow[]>();
  const events: EventRow[] = [];
  const counts: CountRow[] = [];
  const persons = new Map<string, PersonRow>();
  const orgs = new Map<string, OrganizationRow>();
  let sentenceId = 0;

  const add = (a: AnalyzedDocument, sample: boolean): IngestOutcome => {
    const x = a.extraction;
    const id = docs.length + 1;
    const doc: DocumentRow = {
      id,
      key: x.id,
      path: a.source.path,
      format: a.source.format,
      hash: a.source.hash,
      bytes: a.source.bytes,
      kind: x.kind,
      edition: x.edition,
      summary: x.summary,
      coveredYear: x.coveredYear,
      section: x.section,
      date: x.date,
      title: a.source.title ?? null,
      sample,
      wordCount: a.wordCount,
      ingestedAt: "2026-01-01T00:00:00Z",
    };
    docs.push(doc);
    texts.set(id, a.text);
    const rows = a.sentences.map((s) => ({
      id: ++sentenceId,
      documentId: id,
      index: s.index,
      start: s.start,
      end: s.end,
      kind: s.kind,
      heading: s.heading,
      text: s.text,
    }));
    sentences.set(id, rows);
    mentions.set(
      id,
      a.mentions.map((m) => ({ ...m, sentenceId: rows[m.sentence]?.id ?? null })),
    );
    const ref = (e: { start: number; end: number; text: string }): EvidenceRef => ({
      documentId: id,
      documentKey: x.id,
      sentenceId: rows.find((s) => s.start <= e.start && e.start < s.end)?.id ?? null,
      ...e,
      edition: x.edition,
      section: x.section,
    });
    for (const e of x.events) {
      events.push({
        id: events.length + 1,
        type: e.type,
        level: e.level ?? null,
        modality: e.modality ?? null,
        countries: e.countries,
        date: e.date,
        year: e.date ? Number(e.date.slice(0, 4)) : null,
        location: e.location ?? null,
        place: e.place ?? null,
        participants: e.participants ?? [],
        title: e.title ?? null,
        status: e.status ?? null,
        organization: e.organization ?? null,
        evidence: ref(e.evidence),
      });
    }
    for (const c of x.counts) {
      counts.push({
        id: counts.length + 1,
        level: c.level,
        countries: c.countries,
        total: c.total,
        telephone: c.telephone ?? null,
        video: c.video ?? null,
        approximate: c.approximate ?? false,
        periodStart: c.period?.start ?? null,
        periodEnd: c.period?.end ?? null,
        evidence: ref(c.evidence),
      });
    }
    for (const p of x.persons) {
      const row = persons.get(p.name) ?? {
        id: persons.size + 1,
        name: p.name,
        family: p.family ?? p.name.split(" ").at(-1)!,
        country: p.country,
        roles: [],
        documents: 0,
        events: 0,
      };
      if (p.role && !row.roles.includes(p.role)) row.roles.push(p.role);
      row.documents++;
      row.events += x.events.filter((e) => e.participants?.includes(p.name)).length;
      persons.set(p.name, row);
    }
    for (const o of x.organizations) {
      const row = orgs.get(o) ?? { id: o, name: o, documents: 0 };
      row.documents++;
      orgs.set(o, row);
    }
    return "added";
  };

  const filterEvents = (f: EventFilter = {}) => {
    const country = anyOf(f.country);
    const type = anyOf(f.type);
    const level = anyOf(f.level);
    const modality = anyOf(f.modality);
    return events.filter(
      (e) =>
        (!country || country.every((c) => e.countries.includes(c))) &&
        (!type || type.includes(e.type)) &&
        (!level || (e.level != null && level.includes(e.level))) &&
        (!modality || (e.modality != null && modality.includes(e.modality))) &&
        (!f.person || e.participants.some((p) => p === f.person || p.split(" ").includes(f.person!))) &&
        matchesPartial(e.date, f.from, f.to) &&
        (f.documentId == null || e.evidence.documentId === f.documentId) &&
        (f.edition == null || e.evidence.edition === f.edition),
    );
  };
  const page = <T>(rows: T[], limit?: number, offset?: number) =>
    rows.slice(offset ?? 0, limit != null ? (offset ?? 0) + limit : undefined);

  return {
    path: ":memory:",
    schemaVersion: () => 1,
    hashOf: (key) => docs.find((d) => d.key === key)?.hash ?? null,
    ingest: (doc, opts) => add(doc, opts?.sample ?? false),
    ingestMany: (list, opts) => list.map((d) => add(d, opts?.sample ?? false)),
    documents: (f = {}) =>
      page(
        docs.filter(
          (d) =>
            (!f.kind || d.kind === f.kind) &&
            (f.edition == null || d.edition === f.edition) &&
            (!f.section || !!d.section?.toLowerCase().includes(f.section.toLowerCase())),
        ),
        f.limit,
        f.offset,
      ),
    document: (idOrKey) =>
      (typeof idOrKey === "number" ? docs[idOrKey - 1] : docs.find((d) => d.key === idOrKey)) ?? null,
    documentText: (id) => texts.get(id) ?? null,
    sentences: (id) => sentences.get(id) ?? [],
    mentions: (id) => mentions.get(id) ?? [],
    events: (f = {}) => page(filterEvents(f), f.limit, f.offset),
    countEvents: (f = {}) => filterEvents(f).length,
    event: (id) => events[id - 1] ?? null,
    countSearch(query: string, f: SearchFilter = {}, cap?: number) {
      const n = this.search(query, { ...f, limit: undefined, offset: 0 }).length;
      return cap === undefined ? n : Math.min(n, cap + 1);
    },
    countDocuments(f = {}) {
      return this.documents({ ...f, limit: undefined, offset: 0 }).length;
    },
    countCounts(f = {}) {
      return this.counts(f).length;
    },
    eventTallies() {
      const tallies = new Map<string, EventTally>();
      for (const e of events)
        for (const country of new Set(e.countries)) {
          const k = `${country}|${e.type}|${e.year}`;
          const t = tallies.get(k) ?? { country, type: e.type, year: e.year, count: 0 };
          t.count++;
          tallies.set(k, t);
        }
      return [...tallies.values()];
    },
    version: () => `memory:${docs.length}`,
    removeDocument: () => false,
    documentEntities: () => ({ countries: [], organizations: [], persons: [] }),
    counts: (f: CountFilter & { documentId?: number } = {}) =>
      counts.filter(
        (c) =>
          (!f.country || c.countries.includes(f.country)) &&
          (!f.level || c.level === f.level) &&
          (f.edition == null || c.evidence.edition === f.edition) &&
          (f.documentId == null || c.evidence.documentId === f.documentId) &&
          matchesPartial(c.periodStart, f.from, f.to),
      ),
    persons: (f = {}) =>
      page(
        [...persons.values()].filter(
          (p) =>
            (!f.name || p.name.toLowerCase().includes(f.name.toLowerCase())) && (!f.country || p.country === f.country),
        ),
        f.limit,
        f.offset,
      ),
    countPersons(f = {}) {
      return this.persons({ ...f, limit: undefined, offset: 0 }).length;
    },
    person: (idOrName) =>
      (typeof idOrName === "number" ? [...persons.values()].find((p) => p.id === idOrName) : persons.get(idOrName)) ??
      null,
    organizations: () => [...orgs.values()],
    search(query: string, f: SearchFilter = {}): SearchHit[] {
      const needle = query.replace(/"/g, "").toLowerCase();
      const hits: SearchHit[] = [];
      for (const d of docs) {
        if ((f.edition != null && d.edition !== f.edition) || (f.kind && d.kind !== f.kind)) continue;
        if (f.section && !d.section?.toLowerCase().includes(f.section.toLowerCase())) continue;
        for (const s of sentences.get(d.id) ?? []) {
          const at = s.text.toLowerCase().indexOf(needle);
          if (at < 0) continue;
          const left = s.text.slice(0, at);
          const match = s.text.slice(at, at + needle.length);
          const right = s.text.slice(at + needle.length);
          hits.push({
            sentence: s,
            document: { id: d.id, key: d.key, kind: d.kind, edition: d.edition, section: d.section, date: d.date },
            left,
            match,
            right,
            snippet: `${left}[${match}]${right}`,
          });
        }
      }
      return page(hits, f.limit, f.offset);
    },
    stats(): CorpusStats {
      const byType: Record<string, number> = {};
      for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
      return {
        documents: docs.length,
        sentences: [...sentences.values()].reduce((n, s) => n + s.length, 0),
        words: docs.reduce((n, d) => n + d.wordCount, 0),
        events: events.length,
        counts: counts.length,
        persons: persons.size,
        editions: [...new Set(docs.map((d) => d.edition).filter((e): e is number => e != null))].sort(),
        eventsByType: byType,
      };
    },
    readonlyDb: () => {
      throw new Error("the in-memory store has no database");
    },
    close: () => {},
  };
}
