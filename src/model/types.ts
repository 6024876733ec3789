/**
 * The typed records that flow one way through Panorama:
 *
 *   reading  ->  SourceDocument
 *   segmenting -> Segmented (blocks + sentences, offsets into SourceDocument.text)
 *   extraction -> AnalyzedDocument (contract record + mentions, persons with roles)
 *   storage  <-  AnalyzedDocument            (storage never calls extraction)
 *   analysis / interfaces  <- storage queries and the records below
 *
 * The contract part (`DocumentExtraction` and below) is exactly what
 * `panorama extract --json` prints: see ../shared/contract/EXTRACTION.md.
 */

export const EXTRACTION_SCHEMA = "panorama.extraction/1" as const;

export type DocumentKind = "bluebook" | "readout" | "other";
export type EventType = "meeting" | "visit" | "conference" | "agreement" | "policy_release" | "negotiation";
export type Level =
  | "summit"
  | "foreign_ministers"
  | "two_plus_two"
  | "ministerial"
  | "vice_ministerial"
  | "working_level"
  | "other";
export type CountLevel = Level | "negotiation_round";
export type Modality = "in_person" | "telephone" | "video";
export type AgreementStatus =
  | "signed"
  | "concluded"
  | "agreed_in_principle"
  | "adopted"
  | "released"
  | "announced"
  | "entered_into_force";

export const EVENT_TYPES: readonly EventType[] = [
  "meeting",
  "visit",
  "conference",
  "agreement",
  "policy_release",
  "negotiation",
];
export const LEVELS: readonly Level[] = [
  "summit",
  "foreign_ministers",
  "two_plus_two",
  "ministerial",
  "vice_ministerial",
  "working_level",
  "other",
];
export const MODALITIES: readonly Modality[] = ["in_person", "telephone", "video"];
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  "signed",
  "concluded",
  "agreed_in_principle",
  "adopted",
  "released",
  "announced",
  "entered_into_force",
];

/** A span of the document text: JS string offsets, end exclusive, and the slice itself. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precise as the text allows. */
export type PartialDate = string;

export interface ExtractedEvent {
  type: EventType;
  /** meetings and negotiations only */
  level?: Level;
  /** meetings only */
  modality?: Modality;
  /** ISO 3166-1 alpha-3 codes or organization ids (EU, ASEAN) of the parties, sorted */
  countries: string[];
  date: PartialDate | null;
  location?: string | null;
  place?: string | null;
  /** canonical person names */
  participants?: string[];
  /** agreements, policy releases, conferences */
  title?: string | null;
  status?: AgreementStatus | null;
  /** conferences: organization id from organizations.json */
  organization?: string | null;
  evidence: Evidence;
}

export interface CountPeriod {
  start: string; // YYYY-MM
  end: string; // YYYY-MM
}

export interface ExtractedCount {
  level: CountLevel;
  countries: string[];
  total: number;
  telephone?: number;
  video?: number;
  approximate?: boolean;
  period: CountPeriod | null;
  evidence: Evidence;
}

export interface ExtractedPerson {
  /** canonical name, in the order English texts use ("Shinzo Abe", "Kim Jong-un") */
  name: string;
  role: string | null;
  country: string | null;
  /** family name, when it is not the last word of `name` ("Kim Jong-un" -> "Kim") */
  family?: string;
}

export interface DocumentMetadata {
  kind: DocumentKind;
  edition: number | null;
  summary: boolean;
  coveredYear: number | null;
  section: string | null;
  date: string | null;
}

/** One document of `panorama extract --json`. */
export interface DocumentExtraction extends DocumentMetadata {
  id: string;
  events: ExtractedEvent[];
  counts: ExtractedCount[];
  persons: ExtractedPerson[];
  countries: string[];
  organizations: string[];
}

export interface ExtractionOutput {
  schema: typeof EXTRACTION_SCHEMA;
  documents: DocumentExtraction[];
}

// ---------------------------------------------------------------------------
// Reading

export type SourceFormat = "txt" | "html" | "pdf";

/** A document as read from disk: its main text, which every offset refers to. */
export interface SourceDocument {
  /** the file name without its extension */
  id: string;
  path: string;
  format: SourceFormat;
  /** the main text. For .txt it is the file's text unchanged (decoded), so offsets are offsets into the file. */
  text: string;
  /** the encoding the bytes were decoded from ("utf-8", "shift_jis", ...) */
  encoding: string;
  bytes: number;
  /** sha256 of the raw bytes, hex */
  hash: string;
  /** the page title, where the format has one */
  title?: string | null;
  /** true for the project's own sample texts */
  sample?: boolean;
}

/** A file that could not be read: the message names the file and says why. */
export interface ReadFailure {
  path: string;
  message: string;
}

export type ReadResult = { ok: true; doc: SourceDocument } | { ok: false; error: ReadFailure };

// ---------------------------------------------------------------------------
// Segmenting

export type BlockKind = "heading" | "paragraph" | "caption" | "footnote" | "navigation";

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

export interface Sentence {
  /** position in the document, from 0 */
  index: number;
  start: number;
  end: number;
  text: string;
  kind: BlockKind;
  /** the nearest heading above the sentence (subsection), if any */
  heading: string | null;
}

export interface Segmented {
  blocks: Block[];
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------
// Extraction (beyond the contract): everything the store keeps

export type MentionKind = "country" | "person" | "organization";

export interface Mention {
  kind: MentionKind;
  /** alpha-3 code, canonical person name, or organization id */
  key: string;
  start: number;
  end: number;
  /** the text as written */
  surface: string;
  /** index of the sentence that holds it */
  sentence: number;
}

export interface AnalyzedDocument {
  source: Omit<SourceDocument, "text">;
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  /** the contract record */
  extraction: DocumentExtraction;
  /** number of words in the main text (for per-10k frequencies) */
  wordCount: number;
}
