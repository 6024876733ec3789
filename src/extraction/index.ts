import type {
  AnalyzedDocument,
  DocumentExtraction,
  ExtractedPerson,
  ExtractionOutput,
  Mention,
  Sentence,
  SourceDocument,
} from "../model/types.js";
import { EXTRACTION_SCHEMA } from "../model/types.js";
import { segment } from "../segmenting/index.js";
import { isSpace } from "./chars.js";
import type { CountryHit, DocContext, OrgHit, PersonHit } from "./context.js";
import { findCountries } from "./countries.js";
import { extractCounts } from "./counts.js";
import { extractEvents } from "./events.js";
import { extractMetadata } from "./metadata.js";
import { findOrganizations } from "./organizations.js";
import { findPersons } from "./persons.js";

export type { CountryHit, DocContext, OrgHit, PersonHit } from "./context.js";
export { extractMetadata, inferEdition } from "./metadata.js";

/** Words in the text, for per-10,000-word frequencies. */
export function countWords(text: string): number {
  // A word is a run of letters or digits, joined across an apostrophe or hyphen ("Alliance's", "Japan-U"). One pass,
  // no allocation.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) words++;
      inWord = true;
    } else if (
      inWord &&
      (c === 39 || c === 0x2019 || c === 45) &&
      i + 1 < text.length &&
      isWordChar(text.charCodeAt(i + 1))
    ) {
      // a joiner between two word characters keeps the word going
    } else {
      inWord = false;
    }
  }
  return words;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const ASCII_WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
/** Per UTF-16 unit above ASCII: 0 not asked yet, 1 a letter or digit, 2 not (each unit is tested once per process). */
const NON_ASCII_KIND = new Uint8Array(65536);
/** A letter or digit, one UTF-16 unit at a time (a lone surrogate is neither). */
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_WORD_CHAR[c] === 1 : nonAsciiWordChar(c);
}
function nonAsciiWordChar(c: number): boolean {
  let kind = NON_ASCII_KIND[c]!;
  if (kind === 0) {
    kind = NON_ASCII_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    NON_ASCII_KIND[c] = kind;
  }
  return kind === 1;
}

/** The last word of a name, as `name.split(/\s+/).at(-1)` gives it, without the array (once per person and document). */
function lastWord(name: string): string {
  let i = name.length - 1;
  while (i >= 0 && !isSpace(name.charCodeAt(i))) i--;
  return i < 0 ? name : name.slice(i + 1);
}

/** Index of the sentence that holds offset `pos` (binary search), or -1. */
function sentenceAt(starts: Int32Array, ends: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < starts[mid]!) hi = mid - 1;
    else if (pos >= ends[mid]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Reads one document's text and returns its cited record: the contract's
 * DocumentExtraction plus sentences and every mention with its offsets.
 * Pure: no I/O, no database.
 */
export function extract(doc: SourceDocument): AnalyzedDocument {
  const { text } = doc;
  const { sentences } = segment(text, { lineBlocks: doc.format !== "txt" });
  const metadata = extractMetadata(text, sentences, doc.title);
  const year = metadata.coveredYear ?? (metadata.date ? Number(metadata.date.slice(0, 4)) : null);
  const countries = findCountries(text);
  const organizations = findOrganizations(text);
  const persons = findPersons(text, { year, countries });
  const ctx: DocContext = { text, sentences, metadata, countries, organizations, persons };
  const events = extractEvents(ctx);
  const counts = extractCounts(ctx);

  const { mentions, countryCodes, organizationIds, personList } = mentionsOf(
    sentences,
    countries,
    organizations,
    persons,
  );

  const extraction: DocumentExtraction = {
    id: doc.id,
    ...metadata,
    events,
    counts,
    persons: personList,
    countries: [...countryCodes].sort(),
    organizations: [...organizationIds].sort(),
  };
  const { text: _t, ...source } = doc;
  return { source, text, sentences, mentions, extraction, wordCount: countWords(text) };
}

/**
 * Every mention with its sentence, the distinct countries and organizations mentioned, and the persons, each once
 * (a function of its own: extract() stays small enough for TurboFan to compile soon).
 */
function mentionsOf(
  sentences: Sentence[],
  countries: CountryHit[],
  organizations: OrgHit[],
  persons: PersonHit[],
): { mentions: Mention[]; countryCodes: Set<string>; organizationIds: Set<string>; personList: ExtractedPerson[] } {
  // Navigation lines are not part of the text: nothing found there counts.
  const starts = new Int32Array(sentences.length);
  const ends = new Int32Array(sentences.length);
  for (let i = 0; i < sentences.length; i++) {
    starts[i] = sentences[i]!.start;
    ends[i] = sentences[i]!.end;
  }
  const mentions: Mention[] = [];
  const push = (kind: Mention["kind"], key: string, start: number, end: number, surface: string): boolean => {
    const sentence = sentenceAt(starts, ends, start);
    if (sentence < 0) return false;
    mentions.push({ kind, key, start, end, surface, sentence });
    return true;
  };
  // the distinct countries and organizations mentioned, gathered as their mentions are pushed
  const countryCodes = new Set<string>();
  const organizationIds = new Set<string>();
  for (const c of countries) if (push("country", c.code, c.start, c.end, c.surface)) countryCodes.add(c.code);
  for (const o of organizations) if (push("organization", o.id, o.start, o.end, o.surface)) organizationIds.add(o.id);
  // each person's mention, and the person once (the first mention's record, completed by later ones)
  const personList: ExtractedPerson[] = [];
  const seenPersons = new Map<string, ExtractedPerson>();
  for (const p of persons) {
    if (!push("person", p.name, p.start, p.end, p.surface)) continue;
    const known = seenPersons.get(p.name);
    if (known) {
      if (!known.role && p.role) known.role = p.role;
      if (!known.country && p.country) known.country = p.country;
      continue;
    }
    const rec: ExtractedPerson = { name: p.name, role: p.role, country: p.country };
    const last = lastWord(p.name);
    if (p.family && last !== p.family) rec.family = p.family;
    seenPersons.set(p.name, rec);
    personList.push(rec);
  }
  return { mentions, countryCodes, organizationIds, personList };
}

/** The JSON that `panorama extract --json` prints. */
export function toExtractionOutput(docs: Iterable<AnalyzedDocument | DocumentExtraction>): ExtractionOutput {
  const documents: DocumentExtraction[] = [];
  for (const d of docs) documents.push("extraction" in d ? d.extraction : d);
  return { schema: EXTRACTION_SCHEMA, documents };
}
