/**
 * What the store offers the layers above it (analysis, CLI, HTTP). The SQLite
 * implementation lives beside this file; nothing above storage writes SQL
 * against tables other than through these methods (analysis may read through
 * `readonlyDb()` for its own aggregate queries).
 */
import type Database from "better-sqlite3";
import type { AnalyzedDocument, CountLevel, DocumentKind, EventType, Level, Modality } from "../model/types.js";

export interface DocumentRow {
  id: number;
  /** the contract id: the input file's name without extension */
  key: string;
  path: string;
  format: string;
  hash: string;
  bytes: number;
  kind: DocumentKind;
  edition: number | null;
  summary: boolean;
  coveredYear: number | null;
  section: string | null;
  date: string | null;
  title: string | null;
  sample: boolean;
  wordCount: number;
  ingestedAt: string;
}

export interface EvidenceRef {
  documentId: number;
  documentKey: string;
  sentenceId: number | null;
  start: number;
  end: number;
  text: string;
  edition: number | null;
  section: string | null;
}

export interface EventRow {
  id: number;
  type: EventType;
  level: Level | null;
  modality: Modality | null;
  countries: string[];
  date: string | null;
  year: number | null;
  location: string | null;
  place: string | null;
  participants: string[];
  title: string | null;
  status: string | null;
  organization: string | null;
  evidence: EvidenceRef;
}

export interface CountRow {
  id: number;
  level: CountLevel;
  countries: string[];
  total: number;
  telephone: number | null;
  video: number | null;
  approximate: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  evidence: EvidenceRef;
}

/** A partner's stated counts of one year: the first of them (in period order) and how many there are. */
export interface CountYear {
  year: number;
  total: number;
  items: CountRow[];
}

export interface PersonRow {
  id: number;
  name: string;
  family: string;
  country: string | null;
  roles: string[];
  documents: number;
  events: number;
}

export interface OrganizationRow {
  id: string;
  name: string;
  documents: number;
}

export interface SentenceRow {
  id: number;
  documentId: number;
  index: number;
  start: number;
  end: number;
  kind: string;
  heading: string | null;
  text: string;
}

export interface MentionRow {
  kind: "country" | "person" | "organization";
  key: string;
  start: number;
  end: number;
  surface: string;
  sentenceId: number | null;
}

export interface EventFilter {
  /** every country given must be a party (["JPN", "USA"]: Japan-US events) */
  country?: string | string[];
  type?: EventType | EventType[];
  level?: Level | Level[];
  modality?: Modality | Modality[];
  /** a person's name or family name */
  person?: string;
  /** inclusive partial dates: "2013", "2013-04", "2013-04-02"; an event matches when its own
   * (partial) date overlaps the range, so "2013" matches --from 2013-06; undated events never match */
  from?: string;
  to?: string;
  documentId?: number;
  edition?: number;
  limit?: number;
  offset?: number;
}

export interface CountFilter {
  country?: string;
  level?: CountLevel;
  /** counts whose period overlaps from..to (partial dates); counts without a period never match, as undated events */
  from?: string;
  to?: string;
  edition?: number;
  documentId?: number;
  limit?: number;
  offset?: number;
}

export interface SearchFilter {
  edition?: number;
  /** substring of the document's section, case-insensitive */
  section?: string;
  kind?: DocumentKind;
  documentId?: number;
  limit?: number;
  offset?: number;
  /** pass the query to FTS5 as written (operators, NEAR, column filters); a malformed one throws QueryError */
  raw?: boolean;
  /** "document" (the order stored: each document's sentences together, in text order; the default) or "rank" (bm25) */
  order?: "document" | "rank";
}

export interface DocumentFilter {
  kind?: DocumentKind;
  edition?: number;
  /** substring of the section, case-insensitive */
  section?: string;
  limit?: number;
  offset?: number;
}

export interface PersonFilter {
  /** substring of the name, case-insensitive */
  name?: string;
  country?: string;
  limit?: number;
  offset?: number;
}

export interface PersonsMetFilter {
  /** the partner: a party of the events */
  country: string;
  /** the kinds of events that count as meeting someone; default meetings and visits */
  type?: EventType[];
  /** leave out persons of this country (the home country's own officials) */
  exceptCountry?: string;
  limit?: number;
}

/** A person who took part in events with a partner: how many, and the first and last of them. */
export interface PersonMetRow {
  id: number;
  name: string;
  country: string | null;
  /** the offices the texts give the person (anywhere in the corpus) */
  roles: string[];
  /** the events with the partner the person took part in */
  events: number;
  /** the date (as the text gives it, possibly partial) of the earliest dated such event; null when none is dated */
  first: string | null;
  /** the date of the dated such event that ends last (a month or year ends on its last day) */
  last: string | null;
}

export interface IngestOptions {
  /** mark the documents as the project's own sample texts */
  sample?: boolean;
  /** re-store even when the content hash is unchanged (e.g. after the extractor improved) */
  force?: boolean;
}

/** What a document names: its countries, organizations, and persons with the role they hold there. */
export interface DocumentEntities {
  countries: string[];
  organizations: string[];
  persons: { name: string; role: string | null; country: string | null }[];
}

export interface SearchHit {
  sentence: SentenceRow;
  document: Pick<DocumentRow, "id" | "key" | "kind" | "edition" | "section" | "date">;
  /** keyword in context: the text before, the match, the text after */
  left: string;
  match: string;
  right: string;
  /** snippet with the match marked by [ and ] */
  snippet: string;
}

export type IngestOutcome = "added" | "replaced" | "unchanged";

export interface CorpusStats {
  documents: number;
  sentences: number;
  words: number;
  events: number;
  counts: number;
  persons: number;
  /** organizations named by at least one document */
  organizations: number;
  editions: number[];
  eventsByType: Record<string, number>;
}

/** How many events of one type name a country as a party in one year (year null: undated). */
export interface EventTally {
  country: string;
  type: EventType;
  year: number | null;
  count: number;
}

export interface Store {
  readonly path: string;
  /** the schema version of the file */
  schemaVersion(): number;
  /** the stored content hash of a document key, to skip unchanged input */
  hashOf(key: string): string | null;
  /** stores one analyzed document in one transaction, replacing the previous record of the same key */
  ingest(doc: AnalyzedDocument, opts?: IngestOptions): IngestOutcome;
  /** many documents in one transaction (all or nothing) */
  ingestMany(docs: AnalyzedDocument[], opts?: IngestOptions): IngestOutcome[];
  /**
   * Opens one write transaction that the following ingest() calls join, until commitBatch();
   * rollbackBatch() drops the whole batch. A document that fails to store is rolled back alone, its
   * batch-mates stay. Optional: without it, one transaction per document.
   */
  beginBatch?(): void;
  commitBatch?(): void;
  rollbackBatch?(): void;
  /** deletes a document and everything extracted from it; false when the key is not stored */
  removeDocument(key: string): boolean;
  documents(filter?: DocumentFilter): DocumentRow[];
  /** how many documents match (for paging) */
  countDocuments(filter?: Omit<DocumentFilter, "limit" | "offset">): number;
  /** a number is an id, a string a key */
  document(idOrKey: number | string): DocumentRow | null;
  documentEntities(id: number): DocumentEntities;
  documentText(id: number): string | null;
  sentences(documentId: number): SentenceRow[];
  mentions(documentId: number): MentionRow[];
  events(filter?: EventFilter): EventRow[];
  countEvents(filter?: EventFilter): number;
  event(id: number): EventRow | null;
  counts(filter?: CountFilter): CountRow[];
  /** a partner's counts by year (the period's, else the year before the edition): at most `perYear` each */
  countsByYear(country: string, perYear: number): CountYear[];
  /** how many counts match (for paging), without reading their rows */
  countCounts(filter?: Omit<CountFilter, "limit" | "offset">): number;
  /** ordered by number of events, then documents, then name */
  persons(filter?: PersonFilter): PersonRow[];
  countPersons(filter?: Omit<PersonFilter, "limit" | "offset">): number;
  /** by id, full name, or family name (case-insensitive) */
  person(idOrName: number | string): PersonRow | null;
  /** documents naming a person (the first `limit` stored), by edition and key */
  personDocuments(personId: number, limit: number): DocumentRow[];
  /** the persons taking part in events with a partner, most events first (one aggregate query) */
  personsMet(filter: PersonsMetFilter): PersonMetRow[];
  organizations(): OrganizationRow[];
  /** full-text search over sentences; user input is quoted safely unless `raw`; throws QueryError on a bad query */
  search(query: string, filter?: SearchFilter): SearchHit[];
  /** how many sentences match; with `cap`, counting stops at cap + 1 (so a result above cap means "more than cap") */
  countSearch(query: string, filter?: SearchFilter, cap?: number): number;
  /** events per party country, type and year, from an index alone: the overview's and map's tallies */
  eventTallies(): EventTally[];
  /** changes whenever the stored data does (a commit by this or another connection): a cache key */
  version(): string;
  stats(): CorpusStats;
  /** the underlying handle, opened read-only semantics by convention: for analysis queries */
  readonlyDb(): Database.Database;
  close(): void;
}
