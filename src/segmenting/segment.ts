import type { Block, BlockKind, Segmented, Sentence } from "../model/types.js";

/** Site navigation and page furniture that are not part of the text. */
const NAV_LINE =
  /^(?:(?:contents|back|next|previous|prev|home|top|page top|text file|print|menu|go to top)\s*(?:[|>\-–—/]\s*)*)+$/i;

/** "(September 20, Tokyo; photo: ...)" or "(..., photo: ...)" closing a line: a photo caption. */
const CAPTION = /\([^()]*\bphotos?\s*(?:[:：]|by\b|courtesy\b)[^()]*\)\s*$/i;

/** A footnote line: "• (1) ...", "*1 ...", "Note 1: ...", "(Note) ...". */
const FOOTNOTE = /^\s*(?:[•·▪※]\s*\(?\d+\)?\s|\*\s?\d+\s|\(?note\s*\d*\)?[:.]?\s)/i;

/** Numbered heading forms: "2. North America", "Section 3 North America", "1 Overview", "(1) Ghana", "Chapter 2", "<...>". */
const NUMBERED_HEADING =
  /^(?:(?:chapter|section|part)\s+\d+|\d+(?:\.\d+)*\.?\s*[A-Z(<“"]|\(\d+\)\s*[A-Z]|[IVX]+\.\s+[A-Z]|<[^>]+>$|【[^】]+】$)/;

/**
 * Abbreviations after which a period does not end a sentence, whatever follows.
 * ("Mr. Kishida", "H.E. Mr. Yoo", "No. 3", "St. Lucia")
 */
const NEVER_ENDS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "h.e",
  "st",
  "no",
  "nos",
  "jr",
  "sr",
  "prof",
  "gen",
  "lt",
  "col",
  "gov",
  "sen",
  "rep",
  "mt",
  "vs",
  "approx",
  "amb",
  "messrs",
  "hon",
  "rt",
  "e.g",
  "i.e",
  "cf",
  "fig",
  "vol",
  "art",
  "para",
  "pp",
  "p",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "inc",
  "ltd",
  "co",
  "corp",
]);

/**
 * Abbreviations that also close sentences ("... to the U.S. The visit ..."): they end one only when
 * the next word is a usual sentence opening.
 */
const MAYBE_ENDS = new Set(["u.s", "u.k", "u.n", "e.u", "d.c", "p.m", "a.m", "etc", "u.s.a", "r.o.k"]);

const SENTENCE_OPENERS = new Set([
  "The",
  "This",
  "These",
  "That",
  "Those",
  "It",
  "Its",
  "In",
  "On",
  "At",
  "As",
  "After",
  "Before",
  "During",
  "Since",
  "From",
  "With",
  "Both",
  "He",
  "She",
  "They",
  "We",
  "I",
  "However",
  "Furthermore",
  "Moreover",
  "Also",
  "A",
  "An",
  "There",
  "Following",
  "Based",
  "Regarding",
  "Through",
  "Meanwhile",
  "Against",
  "Amid",
  "When",
  "While",
  "Such",
  "For",
  "To",
  "Under",
  "Upon",
  "Besides",
  "Further",
  "Additionally",
  "Then",
  "Thus",
  "Therefore",
  "Accordingly",
  "Japan",
  "Each",
  "All",
  "Many",
  "Some",
  "Other",
  "Not",
  "But",
  "And",
  "Specifically",
  "Finally",
  "First",
  "Second",
  "Third",
  "Lastly",
  "Given",
  "Recently",
  "Currently",
]);

export interface SegmentOptions {
  /** the text came out of HTML or PDF: one paragraph per line, no wrapped lines */
  lineBlocks?: boolean;
}

function classifyLine(line: string): BlockKind {
  const t = line.trim();
  if (NAV_LINE.test(t)) return "navigation";
  if (FOOTNOTE.test(t)) return "footnote";
  // (a caption closes its line with ")": the line is trimmed, so only then can CAPTION match)
  if (t.length < 400 && t.charCodeAt(t.length - 1) === 41 && CAPTION.test(t)) return "caption";
  if (NUMBERED_HEADING.test(t) && t.length <= 120 && !/[.;:,]\s*$/.test(t.replace(/^\d+\.\s*/, ""))) return "heading";
  if (/^<[^>]+>$/.test(t) || /^\d+\.?$/.test(t)) return "heading";
  // short line without closing punctuation, starting with a capital: a title or heading
  if (t.length <= 90 && /^[A-Z0-9“"'‘(]/.test(t) && !/[.;:,!?”"]\s*$/.test(t) && t.split(/\s+/).length <= 14) {
    return "heading";
  }
  return "paragraph";
}

/** Splits text into blocks (one per line: headings, paragraphs, captions, footnotes, navigation) and sentences. */
export function segment(text: string, _opts: SegmentOptions = {}): Segmented {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let heading: string | null = null;
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    const end = start + trimmed.length;
    const kind = classifyLine(trimmed);
    blocks.push({ kind, start, end });
    if (kind === "navigation") continue;
    if (kind === "heading") {
      heading = trimmed.replace(/^[<【]|[>】]$/g, "");
      sentences.push({ index: sentences.length, start, end, text: trimmed, kind, heading });
      continue;
    }
    for (const [s, e] of splitSentences(text, start, end)) {
      sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e), kind, heading });
    }
  }
  return { blocks, sentences };
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\u00a0" || c === "\u3000";

/** Sentence spans (absolute offsets) within [from, to) of `text`. */
export function splitSentences(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let s = from;
  while (s < to && (isSpace(text[s]) || text[s] === "\n" || text[s] === "\r")) s++;
  // from one full stop, exclamation or question mark to the next (a regex jumps there faster than a loop walks)
  for (let i = nextStop(text, from, to); i < to; i = nextStop(text, i + 1, to)) {
    const c = text[i];
    // closing quotes or brackets that belong to the sentence
    let j = i + 1;
    while (j < to && closesSentence(text.charCodeAt(j))) j++;
    if (j >= to) break;
    if (!isSpace(text[j])) continue;
    let k = j;
    while (k < to && isSpace(text[k])) k++;
    if (k >= to) break;
    if (!opensSentence(text.charCodeAt(k))) continue;
    if (c === "." && !periodEnds(text, s, i, k, to)) continue;
    spans.push([s, j]);
    s = k;
    i = k - 1;
  }
  let e = to;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e > s) spans.push([s, e]);
  return spans;
}

/** The characters of `[”"’')\]]`: closing quotes and brackets that stay with the sentence before them. */
function closesSentence(c: number): boolean {
  return c === 0x201d || c === 34 || c === 0x2019 || c === 39 || c === 41 || c === 93;
}

/** The characters of `[A-Z0-9“"‘'(<\-•]`: what a sentence after a stop may open with. */
function opensSentence(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 0x201c ||
    c === 34 ||
    c === 0x2018 ||
    c === 39 ||
    c === 40 ||
    c === 60 ||
    c === 45 ||
    c === 0x2022
  );
}

const STOP_CHAR = /[.!?。]/g;

/** The first ".", "!", "?" or "。" in [i, to), else `to`. */
function nextStop(text: string, i: number, to: number): number {
  if (i >= to) return to;
  STOP_CHAR.lastIndex = i;
  const m = STOP_CHAR.exec(text);
  return m && m.index < to ? m.index : to;
}

function periodEnds(text: string, sentStart: number, dot: number, nextStart: number, to: number): boolean {
  // the token before the period ("U.S", "Mr", "H.E", "5:30 p.m")
  let b = dot;
  while (b > sentStart && !isSpace(text[b - 1]) && text[b - 1] !== "(" && text[b - 1] !== "“") b--;
  // "Japan-U.S." ends in "U.S": judge the last part of a hyphenated token
  const token = text
    .slice(b, dot)
    .toLowerCase()
    .replace(/^["'‘“(]+/, "")
    .replace(/^.*[-–—]/, "");
  if (NEVER_ENDS.has(token)) return false;
  // a list number opening the sentence ("1. This was ...") stays with it
  // (only a sentence opening with "(", a digit or white space can be one: the others are not sliced and trimmed)
  const first = text.charCodeAt(sentStart);
  if (
    (first === 40 || (first >= 48 && first <= 57) || /\s/.test(text[sentStart] ?? "")) &&
    /^\(?\d+[.)]?$/.test(
      text
        .slice(sentStart, dot + 1)
        .trim()
        .replace(/\.$/, ""),
    )
  )
    return false;
  // a single capital initial ("Donald J. Trump")
  if (/^[a-z]$/.test(token) && /[A-Z]/.test(text[dot - 1]!)) return false;
  if (MAYBE_ENDS.has(token)) {
    const nextWord = /^[A-Za-z]+/.exec(text.slice(nextStart, Math.min(to, nextStart + 30)))?.[0] ?? "";
    return SENTENCE_OPENERS.has(nextWord);
  }
  // "No. 3" style numbering and decimals are handled above; a number after "p." etc. too
  return true;
}
