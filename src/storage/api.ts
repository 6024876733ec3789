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
  country?: string | string[];
  type?: EventType | EventType[];
  level?: Level | Level[];
  modality?: Modality | Modality[];
  /** a person's name or family name */
  person?: string;
  /** inclusive partial dates: "2013", "2013-04", "2013-04-02" */
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
  from?: string;
  to?: string;
  edition?: number;
}

export interface SearchFilter {
  edition?: number;
  section?: string;
  kind?: DocumentKind;
  limit?: number;
  offset?: number;
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
  editions: number[];
  eventsByType: Record<string, number>;
}

export interface Store {
  readonly path: string;
  /** the schema version of the file */
  schemaVersion(): number;
  /** the stored content hash of a document key, to skip unchanged input */
  hashOf(key: string): string | null;
  /** stores one analyzed document in one transaction, replacing the previous record of the same key */
  ingest(doc: AnalyzedDocument, opts?: { sample?: boolean }): IngestOutcome;
  /** many documents in one transaction (all or nothing) */
  ingestMany(docs: AnalyzedDocument[], opts?: { sample?: boolean }): IngestOutcome[];
  documents(filter?: { kind?: DocumentKind; edition?: number; limit?: number; offset?: number }): DocumentRow[];
  document(idOrKey: number | string): DocumentRow | null;
  documentText(id: number): string | null;
  sentences(documentId: number): SentenceRow[];
  mentions(documentId: number): MentionRow[];
  events(filter?: EventFilter): EventRow[];
  countEvents(filter?: EventFilter): number;
  event(id: number): EventRow | null;
  counts(filter?: CountFilter): CountRow[];
  persons(filter?: { name?: string; country?: string; limit?: number; offset?: number }): PersonRow[];
  person(idOrName: number | string): PersonRow | null;
  organizations(): OrganizationRow[];
  search(query: string, filter?: SearchFilter): SearchHit[];
  stats(): CorpusStats;
  /** the underlying handle, opened read-only semantics by convention: for analysis queries */
  readonlyDb(): Database.Database;
  close(): void;
}
