/**
 * A sentence seen by the event and count extractors: its text, the countries, organizations
 * and persons found in it (offsets relative to the sentence), its dates, and the party chains
 * ("Japan-U.S.", "Japan-China-ROK") it holds. Built in one pass over the document's hits.
 */
import type { DocumentMetadata, Sentence } from "../../model/types.js";
import { isSpace } from "../chars.js";
import type { DocContext, PersonHit } from "../context.js";
import { carryYear, type DateMention, findDates, MONTH_NAMES } from "../dates.js";
import { hasFoldedAt, sortCodes, sortSmall } from "../matches.js";
import { type Rank, rankOf } from "./lexicon.js";

export interface Span {
  start: number;
  end: number;
}

export interface CountryRef extends Span {
  code: string;
  adjective: boolean;
  /** an organization (EU, ASEAN) standing as a party */
  org: boolean;
}

export interface PersonRef extends Span {
  /** start of the title and honorifics before the name ("Minister for Foreign Affairs Mr. ...") */
  outer: number;
  name: string;
  country: string | null;
  rank: Rank | null;
  role: string | null;
}

export interface Chain extends Span {
  codes: string[];
}

export interface SentenceView {
  sentence: Sentence;
  text: string;
  /** sentence start in the document */
  base: number;
  countries: CountryRef[];
  orgs: Array<Span & { id: string }>;
  persons: PersonRef[];
  dates: DateMention[];
  chains: Chain[];
  /** the country the nearest heading above names (a Bluebook section on "Ghana") */
  focus: string | null;
  /** MEETING_WORD matches: the word test the meeting finder and the counts share */
  meetingWord: boolean;
  /** ROUND_WORD matches */
  roundWord: boolean;
  /** VISIT_WORD matches */
  visitWord: boolean;
  /** INSTRUMENT_WORD matches */
  instrumentWord: boolean;
  /** COP_WORD matches (a conference without an organization's name: "COP28") */
  copWord: boolean;
  /** COUNT_WORD matches */
  countWord: boolean;
  /** COUNT_NUMBER matches */
  countNumber: boolean;
  /** MEETINGS_WORD matches */
  meetingsWord: boolean;
}

/**
 * The word tests that decide which finders a sentence goes through. gateWords() tells all of them in one scan of the
 * sentence; these patterns say what it tells (keyed-scans.test.ts holds it to them).
 */
/** Sentences without these words hold no meeting (a cheap test before the finders). */
export const MEETING_WORD =
  /meeting|talk|summit|call|conference|consultation|dialogue|2\s*\+\s*2|committee|\bmet\b|lunch|dinner|breakfast/i;
/** Sentences without it hold no negotiation round. */
export const ROUND_WORD = /round/i;
/** Sentences without these words hold no visit. */
export const VISIT_WORD = /visit|trip\b|travel|came\s+to/i;
/** Sentences without these words hold no agreement or policy. */
export const INSTRUMENT_WORD =
  /agreement|treaty|statement|strateg|declaration|doctrine|plan\b|polic|paper|protocol|communiqu|convention|charter|notes|memorandum|roadmap|guidelines|outlook|into\s+(?:force|effect)|\b(?:FTA|EPA)/i;
/** A conference of the parties by its number, named without an organization ("COP28"). */
export const COP_WORD = /\bCOP\s?\d/;
/** Sentences without these words count no meetings (each of its words holds MEETING_WORD's, ROUND_WORD's or "sessions", "times", "twice", "thrice"). */
export const COUNT_WORD =
  /meetings|talks|summits|calls|conferences|consultations|dialogues|rounds|sessions|times|twice|thrice|\bmet\b|\b(?:one|a)\s+(?:\w+\s+)?(?:meeting|summit|call|talk)\b/i;

/**
 * What every match of counts.ts' COUNT_RE holds: its number, after no letter, digit or hyphen, is 1-3 digits before
 * whitespace or a number word (these open every one of them: "four" opens "fourteen", "six" "sixty" ...).
 */
export const COUNT_NUMBER =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty)|\b\d{1,3}\s/i;
/** "meetings": what separate meetings with several counterparts are held as (events.ts: HELD_MEETINGS_WITH). */
export const MEETINGS_WORD = /meetings/i;

const MEETING_BIT = 1;
const ROUND_BIT = 2;
const VISIT_BIT = 4;
const INSTRUMENT_BIT = 8;
const COUNT_BIT = 16;
const COP_BIT = 32;
const NUMBER_BIT = 64;
const MEETINGS_BIT = 128;
/** Each bit of gateWords() and the pattern it stands for. */
export const GATE_PATTERNS: ReadonlyArray<readonly [number, RegExp]> = [
  [MEETING_BIT, MEETING_WORD],
  [ROUND_BIT, ROUND_WORD],
  [VISIT_BIT, VISIT_WORD],
  [INSTRUMENT_BIT, INSTRUMENT_WORD],
  [COUNT_BIT, COUNT_WORD],
  [COP_BIT, COP_WORD],
  [NUMBER_BIT, COUNT_NUMBER],
  [MEETINGS_BIT, MEETINGS_WORD],
];

/** A word gateWords() looks for, as the patterns above write it. */
interface GateWord {
  /** lower case (matched in either case), unless `exact` */
  word: string;
  /** what it tells where it stands */
  bits: number;
  /** what it tells when followed by an "s" ("meetings": COUNT_WORD's) */
  plural: number;
  /** a word boundary before it (`\bmet`) */
  before: boolean;
  /** a word boundary after it (`trip\b`) */
  after: boolean;
  /** whitespace, then one of these words (`came\s+to`, `into\s+(?:force|effect)`) */
  followedBy: string[] | null;
  /** `\s?\d` after it ("COP28", "COP 28") */
  digit: boolean;
  /** matched as written ("COP") */
  exact: boolean;
  /** COUNT_WORD's when "a" or "one" and at most one word stand before it, and a word boundary after ("a summit") */
  counted: boolean;
  /** one of MAY_HOLD_DATE's words (dates.ts): a month name (`exact`), "Sept" before a "." (`dot`), "mid" (`decade`) */
  date: boolean;
  /** "." after it, not part of the match ("Sept.") */
  dot: boolean;
  /** `[-\s]?[1-9]0` after it ("mid-90", "mid 80") */
  decade: boolean;
}

const GATE_WORDS: GateWord[] = [];
function gate(word: string, bits: number, more: Partial<GateWord> = {}): void {
  GATE_WORDS.push({
    word,
    bits,
    plural: 0,
    before: false,
    after: false,
    followedBy: null,
    digit: false,
    exact: false,
    counted: false,
    date: false,
    dot: false,
    decade: false,
    ...more,
  });
}
// MEETING_WORD (with COUNT_WORD's plurals), but "2 + 2" (see gateWords)
gate("meeting", MEETING_BIT, { plural: COUNT_BIT | MEETINGS_BIT, counted: true });
for (const w of ["talk", "summit", "call"]) gate(w, MEETING_BIT, { plural: COUNT_BIT, counted: true });
for (const w of ["conference", "consultation", "dialogue"]) gate(w, MEETING_BIT, { plural: COUNT_BIT });
for (const w of ["committee", "lunch", "dinner", "breakfast"]) gate(w, MEETING_BIT);
gate("met", MEETING_BIT | COUNT_BIT, { before: true, after: true });
// ROUND_WORD
gate("round", ROUND_BIT, { plural: COUNT_BIT });
// VISIT_WORD
for (const w of ["visit", "travel"]) gate(w, VISIT_BIT);
gate("trip", VISIT_BIT, { after: true });
gate("came", VISIT_BIT, { followedBy: ["to"] });
// INSTRUMENT_WORD
for (const w of [
  "agreement",
  "treaty",
  "statement",
  "strateg",
  "declaration",
  "doctrine",
  "polic",
  "paper",
  "protocol",
  "communiqu",
  "convention",
  "charter",
  "notes",
  "memorandum",
  "roadmap",
  "guidelines",
  "outlook",
])
  gate(w, INSTRUMENT_BIT);
gate("plan", INSTRUMENT_BIT, { after: true });
gate("into", INSTRUMENT_BIT, { followedBy: ["force", "effect"] });
for (const w of ["fta", "epa"]) gate(w, INSTRUMENT_BIT, { before: true });
// COUNT_WORD's other words (the rest: plurals and "a/one ... meeting" above)
for (const w of ["sessions", "times", "twice", "thrice"]) gate(w, COUNT_BIT);
// COP_WORD
gate("COP", COP_BIT, { before: true, exact: true, digit: true });
// MAY_HOLD_DATE's words (its years: see gateWords)
for (const m of MONTH_NAMES) gate(`${m[0]!.toUpperCase()}${m.slice(1)}`, 0, { exact: true, date: true });
gate("Sept", 0, { exact: true, date: true, dot: true });
gate("mid", 0, { exact: true, date: true, decade: true });
// COUNT_NUMBER's words (its digits: see gateWords)
for (const w of [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
])
  gate(w, NUMBER_BIT, { before: true });

/** 0-25 for an ASCII letter of either case, else -1. */
const LETTER = new Int8Array(128).fill(-1);
for (let c = 0; c < 26; c++) {
  LETTER[65 + c] = c;
  LETTER[97 + c] = c;
}
/**
 * The gate words by their first three letters (either case; every gate word has three or more): the scan looks
 * further only where three letters open one (at 2.5% of the bench corpus's characters).
 */
const BY_TRIGRAM: Array<GateWord[] | undefined> = new Array(26 * 26 * 26).fill(undefined);
for (const w of GATE_WORDS) {
  const lower = w.word.toLowerCase();
  const key = (LETTER[lower.charCodeAt(0)]! * 26 + LETTER[lower.charCodeAt(1)]!) * 26 + LETTER[lower.charCodeAt(2)]!;
  const list = BY_TRIGRAM[key];
  if (list) list.push(w);
  else BY_TRIGRAM[key] = [w];
}

/** What `\w` (and so `\b`) counts as a word character. */
function isWordUnit(c: number): boolean {
  return c < 128 && (LETTER[c]! >= 0 || (c >= 48 && c <= 57) || c === 95);
}

/** `word` at `at`, as written when `exact`, else in either case (hasFoldedAt): its end, or -1. */
function wordAt(text: string, at: number, word: string, exact: boolean): number {
  return (exact ? text.startsWith(word, at) : hasFoldedAt(text, at, word)) ? at + word.length : -1;
}

/** Whether gate word `w` stands at `at` (its first three letters already seen there): its end, or -1. */
function gateAt(text: string, at: number, w: GateWord): number {
  if (w.before && at > 0 && isWordUnit(text.charCodeAt(at - 1))) return -1;
  let end = wordAt(text, at, w.word, w.exact);
  if (end < 0) return -1;
  if (w.after && end < text.length && isWordUnit(text.charCodeAt(end))) return -1;
  if (w.digit) {
    // `\s?\d`: a digit, right after it or after one whitespace
    const k = end < text.length && isSpace(text.charCodeAt(end)) ? end + 1 : end;
    const d = text.charCodeAt(k);
    return d >= 48 && d <= 57 ? k + 1 : -1;
  }
  if (w.followedBy) {
    let k = end;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (k === end) return -1;
    let next = -1;
    for (const t of w.followedBy) {
      next = wordAt(text, k, t, false);
      if (next >= 0) break;
    }
    if (next < 0) return -1;
    end = next;
  }
  return end;
}

/** Whether date word `w` (MAY_HOLD_DATE's) stands at `at`: its end, or -1. */
function dateAt(text: string, at: number, w: GateWord): number {
  const end = wordAt(text, at, w.word, true);
  if (end < 0) return -1;
  if (w.dot) return text.charCodeAt(end) === 46 ? end : -1;
  if (w.decade) {
    // `[-\s]?[1-9]0`: a hyphen or whitespace may stand before the decade's digits
    const c = text.charCodeAt(end);
    const k = c === 45 || isSpace(c) ? end + 1 : end;
    const d = text.charCodeAt(k);
    return d >= 49 && d <= 57 && text.charCodeAt(k + 1) === 48 ? k + 2 : -1;
  }
  return end;
}

/** MAY_HOLD_DATE's years at `at`: "19" or "20" and two digits, its end, or -1. */
function yearAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const d = text.charCodeAt(at + 1);
  return ((c === 49 && d === 57) || (c === 50 && d === 48)) &&
    isDigit(text.charCodeAt(at + 2)) &&
    isDigit(text.charCodeAt(at + 3))
    ? at + 4
    : -1;
}

/** A hyphen or dash in the text (three string searches: a third of the cost of the one-class regex). */
function hasDash(text: string): boolean {
  return text.includes("-") || text.includes("–") || text.includes("—");
}

/** Organizations that can be a party of a meeting or agreement ("Japan-EU Summit"). */
const PARTY_ORGS = new Set([
  "EU",
  "ASEAN",
  "AU",
  "GCC",
  "NATO",
  "CARICOM",
  "MERCOSUR",
  "CELAC",
  "PIF",
  "V4",
  "OSCE",
  "OAS",
]);

/** Offices of international bodies: their holders serve no country. */
const INTERNATIONAL =
  /Secretary[- ]General|Commission|Council\b|\bUnion\b|United\s+Nations|\bUN\b|\bBank\b|\bFund\b|Organi[sz]ation|Agency|Parliament|Committee|NATO|ASEAN/;

const EU_HIGH_REP =
  /^(?:(?:the\s+)?EU\s+)?High\s+Representative(?:\s+of\s+the\s+(?:(?:European\s+)?Union|EU))?(?:\s+for\s+Foreign\s+Affairs(?:\s+and\s+Security\s+Policy)?)?$/i;

const TITLE_BEFORE =
  /((?:(?:Vice|Deputy|State|Parliamentary|Senior|Prime|Foreign|Defen[cs]e|Minister|Ministers|Secretary|President|Premier|Chancellor|King|Queen|Emperor|Sultan|Emir|Amir|Director-General|Director|Ambassador|General|Chief|Cabinet|Crown|Prince|Affairs|External|National|Europe|of|for|and|the|State|Councilor|Counsellor|Special|Envoy|Representative|High)\s+)+)(?:(?:Mr|Ms|Mrs|Dr|H\.E)\.\s+|His\s+Excellency\s+|Her\s+Excellency\s+|the\s+Honou?rable\s+)*$/;
const TITLE_AFTER = /^,\s+((?:[A-Z][\w’'-]*|of|for|the|and)(?:\s+(?:[A-Z][\w’'-]*|of|for|the|and))*)/;

function localRole(text: string, end: number, before: RegExpExecArray | null): string | null {
  const b = before?.[1]?.trim();
  if (b && rankOf(b)) return b;
  const after = TITLE_AFTER.exec(text.slice(end, end + 90));
  const a = after?.[1]?.trim();
  if (a && rankOf(a)) return a;
  return null;
}

const TWO_PLUS_TWO = /2\s*\+\s*2/;

/**
 * The gate tests of one sentence as bits: MEETING_WORD, ROUND_WORD, VISIT_WORD, INSTRUMENT_WORD, COUNT_WORD,
 * COP_WORD, COUNT_NUMBER and MEETINGS_WORD, each true where its pattern matches; and where the first of MAY_HOLD_DATE's
 * words ends (see dateWordEnd). One scan of the sentence, looking further only where three letters open a gate word
 * (BY_TRIGRAM), instead of one regex scan per pattern (six or seven over each sentence). The one form the scan leaves
 * out, "2 + 2", runs as a regex where it can change the answer (a "+" and no other meeting word).
 */
export function gateWords(text: string): number {
  let bits = 0;
  let dateEnd = -1;
  const n = text.length;
  // the letter indices of the characters at j - 2, j - 1 and j (-1: no ASCII letter)
  let l1 = -1;
  let l2 = -1;
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(j);
    const l0 = l1;
    l1 = l2;
    l2 = letterOf(c);
    if (l2 < 0) {
      if (c >= 48 && c <= 57) {
        // COUNT_NUMBER's digits: a run of one to three after no word character, then whitespace
        if (!(bits & NUMBER_BIT) && !(j > 0 && isWordUnit(text.charCodeAt(j - 1)))) {
          let k = j + 1;
          while (k < n && k - j <= 3 && isDigit(text.charCodeAt(k))) k++;
          if (k - j <= 3 && k < n && isSpace(text.charCodeAt(k))) bits |= NUMBER_BIT;
        }
        // MAY_HOLD_DATE's years
        if (dateEnd < 0) dateEnd = yearAt(text, j);
      }
      continue;
    }
    if (l0 < 0 || l1 < 0) continue;
    const i = j - 2;
    const words = BY_TRIGRAM[(l0 * 26 + l1) * 26 + l2];
    if (words === undefined) continue;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      if (w.date) {
        // (the first date word only: the scan goes by where words start, as MAY_HOLD_DATE's does)
        if (dateEnd < 0) dateEnd = dateAt(text, i, w);
        continue;
      }
      // (a word whose bits are all known already tells nothing more)
      if ((bits & (w.bits | w.plural)) === (w.bits | w.plural)) continue;
      const end = gateAt(text, i, w);
      if (end < 0) continue;
      bits |= w.bits;
      if (w.plural && end < n && (text.charCodeAt(end) | 0x20) === 115) bits |= w.plural;
      else if (w.counted && !(bits & COUNT_BIT) && !(end < n && isWordUnit(text.charCodeAt(end))) && oneBefore(text, i))
        bits |= COUNT_BIT;
    }
  }
  if (!(bits & MEETING_BIT) && text.includes("+") && TWO_PLUS_TWO.test(text)) bits |= MEETING_BIT;
  return bits + (dateEnd + 1) * DATE_UNIT;
}

/**
 * gateWords() returns its bits (below 256) plus the first date word's end + 1 times this (read back by dateWordEnd;
 * a product, not a shift, so that a sentence of any length fits; `&` on the sum still reads the bits).
 */
const DATE_UNIT = 256;

/**
 * Where the first of MAY_HOLD_DATE's words (dates.ts: a month name, a year, "mid" and a decade) ends in the sentence
 * gateWords() read, as MAY_HOLD_DATE's lastIndex after its first match; -1 for none. findDates starts from it instead
 * of scanning the sentence for it again.
 */
export function dateWordEnd(words: number): number {
  return Math.floor(words / DATE_UNIT) - 1;
}

/**
 * COUNT_WORD's `\b(?:one|a)\s+(?:\w+\s+)?` ending at `at`: whitespace before it, and before that "a" or "one" as a
 * whole word, or a word with whitespace and a whole "a" or "one" before it. (Each `\s+` there runs from a word
 * character to the next word, and each word is whole: a run of word characters from the one before the other.)
 */
function oneBefore(text: string, at: number): boolean {
  let end = at;
  for (let words = 0; words < 2; words++) {
    let k = end;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    if (k === end) return false;
    let w = k;
    while (w > 0 && isWordUnit(text.charCodeAt(w - 1))) w--;
    if (w === k) return false;
    if (k - w === 1 ? (text.charCodeAt(w) | 0x20) === 97 : k - w === 3 && wordAt(text, w, "one", false) === k)
      return true;
    end = w;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function letterOf(c: number): number {
  return c < 128 ? LETTER[c]! : -1;
}

/** "Japan", "-", "U.S." ... joined by dashes (a parenthetical alias "(ROK)" belongs to the name before it). */
function findChains(text: string, parties: CountryRef[]): Chain[] {
  const units: Array<{ start: number; end: number; code: string }> = [];
  for (const p of parties) {
    if (p.adjective && p.code !== "KOR") continue;
    const last = units[units.length - 1];
    if (last && /^\s*\(\s*$/.test(text.slice(last.end, p.start))) {
      // alias in parentheses: "Republic of Korea (ROK)"
      const close = text.indexOf(")", p.end);
      if (close >= 0 && close - p.end < 3) last.end = close + 1;
      continue;
    }
    units.push({ start: p.start, end: p.end, code: p.code });
  }
  const chains: Chain[] = [];
  let cur: Chain | null = null;
  let prev: (typeof units)[number] | null = null;
  for (const u of units) {
    if (cur && prev && /^\s?[-–—]\s?$/.test(text.slice(prev.end, u.start))) {
      cur.end = u.end;
      if (!cur.codes.includes(u.code)) cur.codes.push(u.code);
    } else {
      if (cur && cur.codes.length >= 2) chains.push(cur);
      cur = { start: u.start, end: u.end, codes: [u.code] };
    }
    prev = u;
  }
  if (cur && cur.codes.length >= 2) chains.push(cur);
  // a chain whose last name is followed by a hyphenated word is still a chain ("Japan-U.S.-led"): fine.
  for (const c of chains) sortCodes(c.codes);
  return chains;
}

/** The numbering of a heading ("(2) ...", "3. ...", "Section 4 ..."), or null when it has none. */
function headingStyle(text: string): string | null {
  const m = /^\s*(?:(\(\d+\))|(\d+[.)]?)|(section\s+\d+))/i.exec(text);
  if (!m) return null;
  return m[1] ? "paren" : m[2] ? "number" : "section";
}

function readoutYear(meta: DocumentMetadata): number | null {
  return meta.kind === "readout" && meta.date ? Number(meta.date.slice(0, 4)) : null;
}

const viewCache = new WeakMap<DocContext, SentenceView[]>();

/** The sentences that can state events (not headings, not navigation), each with its hits; built once per context. */
export function buildViews(ctx: DocContext): SentenceView[] {
  let views = viewCache.get(ctx);
  if (!views) {
    views = makeViews(ctx);
    viewCache.set(ctx, views);
  }
  return views;
}

/**
 * A person named in a sentence, as the finders see it: the office (the one named before for a later mention by
 * name alone), its rank, the country (the one the title names, else the section's), and where the title starts.
 * (A function of its own: makeViews' loop was slow to compile with it inline.)
 */
function personRef(
  h: PersonHit,
  text: string,
  base: number,
  countries: CountryRef[],
  offices: Map<string, { role: string | null; rank: Rank }>,
  focus: string | null,
): PersonRef {
  const start = h.start - base;
  const end = h.end - base;
  const title = TITLE_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
  const local = h.role && rankOf(h.role) ? null : localRole(text, end, title);
  // a later mention by name alone ("Mr. Zhang paid a courtesy call") keeps the office named before
  // ("Minister Kamikawa" after "Minister for Foreign Affairs Kamikawa": the office named before is the precise one)
  const own = rankOf(h.role) ?? rankOf(local);
  const known = !own || own === "minister" ? offices.get(h.name) : undefined;
  const role = known ? known.role : (h.role ?? local ?? null);
  const rank = known ? known.rank : own;
  if (rank && !offices.has(h.name) && rank !== "minister") offices.set(h.name, { role, rank });
  // a foreign official whose country the finder could not tell: the one the title names
  // ("Minister of Foreign Affairs of the ROK"), else the country the section is about
  let country = h.country;
  // the EU's High Representative (for Foreign Affairs and Security Policy) speaks for the EU, a party of meetings
  if (!country && role && EU_HIGH_REP.test(role)) country = "EU";
  if (!country) {
    const after = /^,?\s+(?:[A-Z][\w’'-]*\s+|of\s+|for\s+|and\s+){1,6}of\s+(?:the\s+)?$/;
    const c = countries.find((x) => x.start >= end && x.start - end < 70 && after.test(text.slice(end, x.start)));
    const national =
      rank !== null && rank !== "official" && !INTERNATIONAL.test(`${role ?? ""} ${text.slice(end, end + 60)}`);
    country = c?.code ?? (focus && focus !== "JPN" && national ? focus : null);
  }
  const lead = title ? (/^(?:(?:of|for|and|the)\s+)+/.exec(title[0])?.[0].length ?? 0) : 0;
  const outer = title ? start - title[0].length + lead : start;
  return { name: h.name, country, rank, role, start, end, outer };
}

function makeViews(ctx: DocContext): SentenceView[] {
  const { metadata } = ctx;
  const defaultYear = metadata.coveredYear ?? readoutYear(metadata);
  const maxYear = metadata.coveredYear !== null ? metadata.coveredYear + 1 : null;
  const views: SentenceView[] = [];
  let ci = 0;
  let oi = 0;
  let pi = 0;
  let previousYear: number | null = null;
  let focus: string | null = null;
  let focusStyle: string | null = null;
  const offices = new Map<string, { role: string | null; rank: Rank }>();
  for (const s of ctx.sentences) {
    const base = s.start;
    const countries: CountryRef[] = [];
    const orgs: Array<Span & { id: string }> = [];
    const persons: PersonRef[] = [];
    while (ci < ctx.countries.length && ctx.countries[ci]!.start < s.start) ci++;
    for (let j = ci; j < ctx.countries.length && ctx.countries[j]!.start < s.end; j++) {
      const h = ctx.countries[j]!;
      countries.push({ code: h.code, start: h.start - base, end: h.end - base, adjective: h.adjective, org: false });
    }
    while (oi < ctx.organizations.length && ctx.organizations[oi]!.start < s.start) oi++;
    for (let j = oi; j < ctx.organizations.length && ctx.organizations[j]!.start < s.end; j++) {
      const h = ctx.organizations[j]!;
      orgs.push({ id: h.id, start: h.start - base, end: h.end - base });
    }
    while (pi < ctx.persons.length && ctx.persons[pi]!.start < s.start) pi++;
    for (let j = pi; j < ctx.persons.length && ctx.persons[j]!.start < s.end; j++)
      persons.push(personRef(ctx.persons[j]!, s.text, base, countries, offices, focus));
    if (s.kind === "heading") {
      previousYear = null;
      const named = countries.filter((c) => !c.adjective);
      const style = headingStyle(s.text);
      if (named.length === 1 && !/relations/i.test(s.text)) {
        focus = named[0]!.code;
        focusStyle = style;
      } else if (style) {
        if (named.length === 1) {
          focus = named[0]!.code;
          focusStyle = style;
        } else if (named.length === 0 && style === focusStyle) {
          // "(1) Iran" then "(2) Gulf States": a sibling heading on another topic ends the country's part
          focus = null;
          focusStyle = null;
        }
      }
      continue;
    }
    if (s.kind === "navigation") continue;
    // the sentence's own list, no longer read as the countries alone: no copy
    const partyRefs: CountryRef[] = countries;
    for (const o of orgs) {
      if (PARTY_ORGS.has(o.id)) partyRefs.push({ code: o.id, start: o.start, end: o.end, adjective: false, org: true });
    }
    sortSmall(partyRefs, startAfter);
    const words = gateWords(s.text);
    const dates = findDates(s.text, {
      defaultYear,
      previousYear,
      readoutYear: readoutYear(metadata),
      dateWordEnd: dateWordEnd(words),
    });
    views.push({
      sentence: s,
      text: s.text,
      base,
      countries: partyRefs,
      orgs,
      persons,
      dates,
      // a chain joins two parties by a dash: none without two parties and a dash
      chains: partyRefs.length >= 2 && hasDash(s.text) ? findChains(s.text, partyRefs) : [],
      meetingWord: (words & MEETING_BIT) !== 0,
      roundWord: (words & ROUND_BIT) !== 0,
      visitWord: (words & VISIT_BIT) !== 0,
      instrumentWord: (words & INSTRUMENT_BIT) !== 0,
      copWord: (words & COP_BIT) !== 0,
      countWord: (words & COUNT_BIT) !== 0,
      countNumber: (words & NUMBER_BIT) !== 0,
      meetingsWord: (words & MEETINGS_BIT) !== 0,
      focus,
    });
    previousYear = carryYear(s.text, dates, maxYear, metadata.coveredYear !== null ? metadata.coveredYear - 2 : null);
  }
  return views;
}

/** For sortSmall: refs in text order (the countries are in order, the organizations after them, a few at most). */
const startAfter = (a: Span, b: Span): boolean => a.start > b.start;

/** The clause around `pos`: from the last ";" or sentence start to the next ";" or sentence end. */
export function clauseBounds(text: string, pos: number): Span {
  const before = text.lastIndexOf(";", pos);
  const after = text.indexOf(";", pos);
  return { start: before < 0 ? 0 : before + 1, end: after < 0 ? text.length : after };
}
