import type { DocumentKind, DocumentMetadata, Sentence } from "../model/types.js";
import { MONTH_NAMES } from "./dates.js";

const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December)";

/** "Diplomatic Bluebook 2014 Summary", "DIPLOMATIC BLUEBOOK 2023" */
const EDITION = /\bDiplomatic\s+Blue\s?book\s+(\d{4})(\s*\(?\s*Summary)?/i;
/** A readout's date line: "June 21, 2015" alone on a line (or "21 June 2015"). */
const DATE_LINE = new RegExp(
  `^\\s*(?:Date\\s*:\\s*)?(?:${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4}))\\s*(?:\\([A-Za-z.]+\\))?\\s*$`,
);
/** "Japan-Republic of Korea Relations", "Japan-United States of America Relations" */
const RELATIONS_LINE = /^\s*Japan\s*[-–—]\s*.+\s+Relations\s*$/;
/** Numbered section headings: "2. North America", "Section 3 North America", "5 West Africa", "2.Canada". */
const SECTION = /^(?:Section\s+\d+\s*[.:]?\s*|\d{1,2}\s*\.\s*|\d{1,2}\s+)([A-Z][^.;:]{2,80})$/;
/** Headings that are structure, not a section name. */
const NOT_SECTION = /^(?:overview|chapter\b|introduction|summary|contents|diplomatic bluebook)/i;

export function monthNumber(name: string): number {
  return (MONTH_NAMES as readonly string[]).indexOf(name.toLowerCase()) + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * kind, edition, summary, coveredYear, section and date of one document, from its
 * headings and text. An edition that no header prints is inferred from the years
 * the text speaks of: an edition reviews the year before it.
 */
export function extractMetadata(text: string, sentences: Sentence[], title?: string | null): DocumentMetadata {
  const headings = sentences.filter((s) => s.kind === "heading").slice(0, 12);
  const head = text.slice(0, 3000);

  // Readout: a relations line and/or a date line near the top, before the body.
  const top = headings.filter((h) => h.start < 600);
  const dateLine = top.map((h) => DATE_LINE.exec(h.text)).find((m) => m);
  const relations = top.find((h) => RELATIONS_LINE.test(h.text));
  // a saved web page may print the edition only in its <title>
  const editionMatch = EDITION.exec(head) ?? (title ? EDITION.exec(title) : null);

  let kind: DocumentKind = "other";
  let date: string | null = null;
  if (dateLine && !editionMatch) {
    kind = "readout";
    const month = monthNumber(dateLine[1] ?? dateLine[5]!);
    const day = Number(dateLine[2] ?? dateLine[4]);
    const year = Number(dateLine[3] ?? dateLine[6]);
    date = `${year}-${pad(month)}-${pad(day)}`;
  }

  let edition: number | null = null;
  let summary = false;
  if (editionMatch) {
    kind = "bluebook";
    edition = Number(editionMatch[1]);
    summary = Boolean(editionMatch[2]);
  }

  let section: string | null = null;
  if (kind === "readout") {
    section = relations ? relations.text.trim() : null;
  } else {
    section = findSection(headings);
  }

  if (kind === "other" && looksLikeBluebook(text, headings)) {
    kind = "bluebook";
    edition = inferEdition(text);
  }
  const coveredYear = kind === "bluebook" && edition !== null ? edition - 1 : null;
  if (kind !== "bluebook") {
    edition = null;
    summary = false;
  }
  return { kind, edition, summary, coveredYear, section, date };
}

function findSection(headings: Sentence[]): string | null {
  return findNumberedSection(headings) ?? lastHeadingBeforeBody(headings);
}

/** Without a numbered heading: the last plain heading of the opening block ("North America"). */
function lastHeadingBeforeBody(headings: Sentence[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (i > 0 && h.index !== headings[i - 1]!.index + 1) break; // the body started
    const t = h.text.trim();
    if (EDITION.test(t) || NOT_SECTION.test(t) || /^<.*>$/.test(t) || /foreign policy/i.test(t)) continue;
    found = t;
  }
  return found;
}

function findNumberedSection(headings: Sentence[]): string | null {
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const t = h.text.trim();
    // "2." on its own line, the name on the next
    if (/^\d{1,2}\.?$/.test(t)) {
      const next = headings[i + 1];
      if (next && !NOT_SECTION.test(next.text)) return next.text.trim();
      continue;
    }
    const m = SECTION.exec(t);
    if (m && !NOT_SECTION.test(m[1]!.trim())) return m[1]!.trim();
  }
  return null;
}

/** Bluebook prose without a printed header: chapter/section numbering, or the yearbook's stock phrases. */
function looksLikeBluebook(text: string, headings: Sentence[]): boolean {
  if (headings.some((h) => /^(?:Chapter|Section)\s+\d/.test(h.text))) return true;
  if (headings.some((h) => SECTION.test(h.text.trim()) || /^\d{1,2}\.?$/.test(h.text.trim()))) {
    return /\bJapan\b/.test(text);
  }
  return /\bJapan(?:'s|’s)? (?:diplomacy|foreign policy)\b/i.test(text) && /\bJapan[-–—]/.test(text);
}

/**
 * The edition of a Bluebook text that does not print one: the year it mostly speaks of
 * ("In 2010, ...", "in November 2010") is the covered year; the edition is the next.
 * Years in the future tense ("the first half of 2011") count less than those in the past.
 */
export function inferEdition(text: string): number | null {
  const votes = new Map<number, number>();
  const re = /\b(19[5-9]\d|20[0-4]\d)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const year = Number(m[1]);
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    let w = 1;
    if (new RegExp(`${MONTH_RE}\\s*$`).test(before))
      w = 3; // "November 2010"
    else if (/\b(?:in|since|during)\s+$/i.test(before)) w = 2;
    if (/\b(?:first|second|latter|former) half of\s+$/i.test(before)) w = 0.5;
    votes.set(year, (votes.get(year) ?? 0) + w);
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [y, v] of votes) {
    if (v > bestVotes || (v === bestVotes && best !== null && y > best)) {
      best = y;
      bestVotes = v;
    }
  }
  return best === null ? null : best + 1;
}
