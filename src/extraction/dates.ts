/**
 * Date expressions of one sentence, resolved to partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`)
 * as precise as the text allows, never more.
 *
 * A month or day without a year takes, in order: the nearest year named before it in the same
 * sentence ("in April 2024, and ... in December of that year"), the year of a month named right
 * after it ("in April and May 2024"), the year the previous sentence names, then the context's
 * default year (the edition's coveredYear, or a readout's date-line year).
 */

import { isSpace } from "./chars.js";
import { allMatches } from "./matches.js";

export const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.)";

export type DateKind = "day" | "month" | "year" | "range";

export interface DateMention {
  /** offsets into the scanned string */
  start: number;
  end: number;
  kind: DateKind;
  /** the resolved partial date; for a range, its start (as precise as written) */
  value: string | null;
  /** for ranges ("since April", "between January 2024 and the end of February 2025"): months covered */
  range?: { start: string; end: string };
  /** the year was written in the expression itself */
  explicitYear: boolean;
  /** the expression opens the sentence or its first clause ("In April, ...") */
  leading: boolean;
}

export interface DateContext {
  /** year for a month or day with no year of its own (coveredYear, or the readout's year) */
  defaultYear: number | null;
  /** the last year the previous sentence names, if any */
  previousYear?: number | null;
  /** a readout's date line: a day/month with no year takes this year and nothing else */
  readoutYear?: number | null;
  /**
   * where MAY_HOLD_DATE's first match ends in the text (-1: none), when the caller has found it already (the event
   * views' gate scan, events/view.ts: gateWords)
   */
  dateWordEnd?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The month names as the date regex writes them ("January", "Sept."): looked up before any case folding. */
const MONTH_BY_NAME = new Map<string, number>([
  ...MONTH_NAMES.map((m, i): [string, number] => [m[0]!.toUpperCase() + m.slice(1), i + 1]),
  ["Sept.", 9],
]);

export function monthIndex(name: string): number {
  const known = MONTH_BY_NAME.get(name);
  if (known !== undefined) return known;
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n === "sept") return 9;
  return MONTH_NAMES.indexOf(n as (typeof MONTH_NAMES)[number]) + 1;
}

const YEAR = "((?:19|20)\\d{2})(?!\\d|,\\d)";

/**
 * All the date shapes, in priority order inside one alternation (longest forms first).
 * Every shape opens at a word boundary (its own `\b`, or the year's `(?<![\w-])` before a digit), so the
 * boundary is also tested once in front of the alternation: the scan then tries the thirteen shapes only
 * at word boundaries instead of at every character (same matches; the scan ~35% cheaper).
 */
const DATE_RE = new RegExp(
  `\\b(?:${[
    // 1 range: between/from Month [YYYY] and/to [the end of] Month YYYY
    `(?<range>\\b(?:[Bb]etween|[Ff]rom)\\s+(?:the\\s+(?:beginning|start|end)\\s+of\\s+)?(?<rm1>${MONTH})(?:\\s+(?<ry1>(?:19|20)\\d{2}))?\\s+(?:and|to|until|through|till)\\s+(?:the\\s+(?:beginning|start|end)\\s+of\\s+)?(?<rm2>${MONTH})(?:\\s+(?<ry2>(?:19|20)\\d{2}))?)`,
    // 2 since Month [YYYY] / since YYYY
    // ("after taking office in September": from the month of taking office on)
    `(?<since>\\b(?:[Ss]ince|(?:[Aa]fter|[Ss]ince)\\s+(?:taking|assuming)\\s+office\\s+in)\\s+(?:(?<sm>${MONTH})(?:\\s+(?:of\\s+)?(?<sy>(?:19|20)\\d{2}))?|(?<sy2>(?:19|20)\\d{2})(?!\\d|,\\d)))`,
    // 2b from Month D to [Month] D[, YYYY]: the first day
    `(?<span>\\b[Ff]rom\\s+(?<sm1>${MONTH})\\s+(?<sd1>\\d{1,2})\\s+(?:to|until|through)\\s+(?:${MONTH}\\s+)?\\d{1,2}(?:,?\\s+(?<sy1>(?:19|20)\\d{2}))?(?!\\d))`,
    // 3 Month D[-D], YYYY  /  D Month YYYY
    `(?<mdy>\\b(?<m3>${MONTH})\\s+(?<d3>\\d{1,2})(?:\\s*[-–]\\s*\\d{1,2})?(?:st|nd|rd|th)?,?\\s+(?<y3>(?:19|20)\\d{2})(?!\\d|,\\d))`,
    `(?<dmy>\\b(?<d4>\\d{1,2})\\s+(?<m4>${MONTH})\\s+(?<y4>(?:19|20)\\d{2})(?!\\d|,\\d))`,
    // 4 Month [of] YYYY / Month of that year
    `(?<my>\\b(?<m5>${MONTH})\\s+(?:of\\s+)?(?<y5>(?:19|20)\\d{2})(?!\\d|,\\d))`,
    `(?<mthat>\\b(?<m6>${MONTH})\\s+of\\s+(?:that|the\\s+same)\\s+year)`,
    // 5 Month D (no year)  /  D Month
    `(?<md>\\b(?<m7>${MONTH})\\s+(?<d7>\\d{1,2})(?:\\s*[-–]\\s*\\d{1,2})?(?:st|nd|rd|th)?(?![\\d:]))`,
    // 6 the first half of YYYY, early/mid/late YYYY, the end of YYYY
    `(?<part>\\b(?:the\\s+(?:first|second|latter|former)\\s+half\\s+of|(?:early|mid|late)[-\\s]|the\\s+(?:end|beginning|start)\\s+of)\\s*(?<py>(?:19|20)\\d{2})(?!\\d|,\\d))`,
    // 7 mid-90's
    `(?<decade>\\bmid[-\\s]?(?<dd>[1-9]0)['’]?s\\b)`,
    // 8 bare month after a preposition or period word
    `(?<bm>\\b(?<bmpre>in|In|early|Early|late|Late|mid-|Mid-|by|until|till|through|of|from|to|and|end of|beginning of)\\s*(?<m8>${MONTH})\\b(?!\\s+\\d|\\s+of\\s+(?:that|the\\s+same)\\s+year))`,
    `(?<bm2>\\b(?<m9>January|February|March|April|June|July|August|September|October|November|December)\\b(?!\\s+\\d|\\s+of\\s+(?:that|the\\s+same)\\s+year))`,
    // 9 a year
    `(?<yr>(?<![\\w-])${YEAR}(?![-–]\\w))`,
  ].join("|")})`,
  "g",
);

/**
 * Group numbers by name in a regex source: a named group is numbered like any capturing group
 * (its opening parenthesis, counted from the left, outside character classes).
 */
function groupNumbers(source: string): Record<string, number> {
  const out: Record<string, number> = {};
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") {
      const name = /^\?<([A-Za-z]\w*)>/.exec(source.slice(i + 1, i + 40));
      if (name) out[name[1]!] = ++n;
      else if (source[i + 1] !== "?") n++;
    }
  }
  // the count must be the engine's: a regex made to match the empty string has one slot per group
  if (new RegExp(`${source}|`).exec("")!.length !== n + 1) throw new Error("dates: group numbering mismatch");
  return out;
}

/**
 * DATE_RE with plain numbered groups: a named group costs a `groups` object per match (one
 * property per name, ~30 here), read a few times and dropped. Same regex otherwise: the groups
 * keep their numbers, read through G.
 */
const DATE_RE_NUMBERED = new RegExp(DATE_RE.source.replace(/\(\?<(?=[A-Za-z])\w+>/g, "("), "g");
const DATE_GROUPS = [
  "range",
  "rm1",
  "ry1",
  "rm2",
  "ry2",
  "since",
  "sm",
  "sy",
  "sy2",
  "span",
  "sm1",
  "sd1",
  "sy1",
  "mdy",
  "m3",
  "d3",
  "y3",
  "dmy",
  "d4",
  "m4",
  "y4",
  "my",
  "m5",
  "y5",
  "mthat",
  "m6",
  "md",
  "m7",
  "d7",
  "part",
  "py",
  "decade",
  "dd",
  "bm",
  "bmpre",
  "m8",
  "bm2",
  "m9",
  "yr",
] as const;
const G = groupNumbers(DATE_RE.source) as Readonly<Record<(typeof DATE_GROUPS)[number], number>>;
for (const k of DATE_GROUPS) if (!(k in G)) throw new Error(`dates: no group ${k} in DATE_RE`);

/** Years (four digits) named in a string, as written. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of allMatches(
    text,
    /(?<![\w-])((?:19|20)\d{2})(?!\d|,\d)(?!\s*(?:million|billion|people|yen|dollars))/g,
  )) {
    out.push(Number(m[1]));
  }
  return out;
}

function leadingAt(text: string, start: number): boolean {
  const before = text.slice(0, start);
  return /^\s*(?:\(\d+\)\s*|[-•]\s*)?(?:(?:also|furthermore|moreover|in addition|then|meanwhile|subsequently|later|further|and|also,)\s*,?\s*)?(?:on|in|since|from|between|during|at|by|early|late|mid-)?\s*$/i.test(
    before,
  );
}

/**
 * Finds and resolves the date expressions of `text` (one sentence).
 * Bare "May" needs a preposition before it ("in May") or a day after it ("May 9"): "may" is also a verb.
 */
const NAMING_AFTER =
  /^,?\s*(?:terrorist\s+)?(?:attacks?|earthquake|incident|disaster|tsunami|bombings?|coup|massacre)\b/i;
const NAMING_BEFORE = /\b(?:earthquake|attacks?|disaster|incident|tsunami|bombings?|coup)\s+(?:of|on)\s+$/i;

/**
 * What every DATE_RE match holds: a month name as MONTH writes it (every shape but the year ones and the decade), a
 * year (the year shapes), or "mid" and a decade. A sentence with none of them has no date (on the bench corpus 47% of
 * the sentences, where a digit or a month's first three letters told 41%; the words grouped by their first letters:
 * a cheaper scan). Global, for test() and the match's end in lastIndex without a match array; "Sept" before a "."
 * (which the match leaves out: every match ends with a letter or digit, see scanStart).
 *
 * Written as one class of first letters, then each word's rest behind a lookbehind for its first letter: the same
 * matches as `(?:19|20)\d\d|J(?:anuary|u(?:ne|ly))|February|Ma(?:rch|y)|A(?:pril|ugust)|Sept(?:ember|(?=\.))|October|
 * November|December|mid[-\s]?[1-9]0` (same start, same end: at one position only one word can match), but the
 * engine rejects most characters by the class alone: ~18% fewer instructions over the bench corpus's sentences.
 */
export const MAY_HOLD_DATE =
  /[12JFMASONDm](?:(?<=1)9\d\d|(?<=2)0\d\d|(?<=J)(?:anuary|u(?:ne|ly))|(?<=F)ebruary|(?<=M)a(?:rch|y)|(?<=A)(?:pril|ugust)|(?<=S)ept(?:ember|(?=\.))|(?<=O)ctober|(?<=N)ovember|(?<=D)ecember|(?<=m)id[-\s]?[1-9]0)/g;

/** A letter, digit or hyphen: the characters of the words a date opens with ("between", "mid-", "12"). */
function isPrefixChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * Where DATE_RE's scan can start, given the end of the first month name, year or "mid" decade (every match holds one,
 * see MAY_HOLD_DATE): what a date writes before it is at most four words of letters, digits and hyphens with
 * whitespace between ("after assuming office in", "between the beginning of", "the first half of", "12"), so no
 * date starts before the word that ends at `at` and the six words before it (a margin: "mid 90" counts as two words),
 * nor before any other character.
 * The scan then skips the sentence's opening, which holds no date in most sentences (the regex tries its thirteen
 * shapes at every word there). Lookbehinds and \b still see the text before the start.
 */
function scanStart(text: string, at: number): number {
  let i = at;
  for (let words = 0; ; words++) {
    while (i > 0 && isPrefixChar(text.charCodeAt(i - 1))) i--;
    if (words === 6) return i;
    let j = i;
    while (j > 0 && isSpace(text.charCodeAt(j - 1))) j--;
    if (j === i) return i;
    i = j;
  }
}

/**
 * allMatches(text, DATE_RE_NUMBERED), where `firstEnd` ends the first month name, year or decade (MAY_HOLD_DATE):
 * each scan starts a few words before the next of them, not where the match before ended. A match holds one of them
 * and starts at most a few words before it (see scanStart), so the scan skips only text where no match starts: the
 * sentence's opening, the text between two dates, the rest of the sentence after its last one (MAY_HOLD_DATE's scan,
 * a third of DATE_RE's cost per character, finds there is none). Same matches, in order.
 */
function dateMatches(text: string, firstEnd: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = scanStart(text, firstEnd);
  while (from >= 0) {
    DATE_RE_NUMBERED.lastIndex = from;
    const m = DATE_RE_NUMBERED.exec(text);
    if (m === null) break;
    out.push(m);
    // where allMatches would go on from (an empty match, which no date shape makes, one character on)
    const end = m[0] === "" ? m.index + 1 : m.index + m[0].length;
    MAY_HOLD_DATE.lastIndex = end;
    from = MAY_HOLD_DATE.test(text) ? Math.max(end, scanStart(text, MAY_HOLD_DATE.lastIndex)) : -1;
  }
  DATE_RE_NUMBERED.lastIndex = 0;
  MAY_HOLD_DATE.lastIndex = 0;
  return out;
}

export function findDates(text: string, ctx: DateContext): DateMention[] {
  const raw: DateMention[] = [];
  let firstEnd = ctx.dateWordEnd ?? -1;
  if (ctx.dateWordEnd === undefined) {
    MAY_HOLD_DATE.lastIndex = 0;
    if (MAY_HOLD_DATE.test(text)) firstEnd = MAY_HOLD_DATE.lastIndex;
    MAY_HOLD_DATE.lastIndex = 0;
  }
  if (firstEnd < 0) return raw;
  const pendingYear: number[] = []; // indices of raw mentions that need a year
  let lastYear: number | null = null;
  const matches = dateMatches(text, firstEnd);
  for (const m of matches) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const leading = leadingAt(text, start);
    const pending = pendingYear.length;
    let mention: DateMention | null = null;
    if (m[G.range]) {
      const m1 = monthIndex(m[G.rm1]!);
      const m2 = monthIndex(m[G.rm2]!);
      const y2 = m[G.ry2] ? Number(m[G.ry2]) : null;
      const y1 = m[G.ry1] ? Number(m[G.ry1]) : y2 !== null && m1 <= m2 ? y2 : y2 !== null ? y2 - 1 : null;
      mention = {
        start,
        end,
        kind: "range",
        value: y1 !== null ? `${y1}-${pad(m1)}` : null,
        explicitYear: y2 !== null,
        leading,
      };
      if (y1 !== null && y2 !== null) mention.range = { start: `${y1}-${pad(m1)}`, end: `${y2}-${pad(m2)}` };
      else {
        mention.range = { start: `?-${pad(m1)}`, end: `?-${pad(m2)}` };
        pendingYear.push(raw.length);
      }
      if (y2 !== null) lastYear = y2;
    } else if (m[G.since]) {
      if (m[G.sm]) {
        const mo = monthIndex(m[G.sm]!);
        const y = m[G.sy] ? Number(m[G.sy]) : null;
        mention = {
          start,
          end,
          kind: "range",
          value: y !== null ? `${y}-${pad(mo)}` : null,
          explicitYear: y !== null,
          leading,
        };
        mention.range = { start: `${y ?? "?"}-${pad(mo)}`, end: "?-12" };
        if (y === null) pendingYear.push(raw.length);
        else lastYear = y;
      } else {
        const y = Number(m[G.sy2]);
        mention = { start, end, kind: "range", value: String(y), explicitYear: true, leading };
        mention.range = { start: `${y}-01`, end: "?-12" };
        lastYear = y;
      }
    } else if (m[G.span]) {
      const mo = monthIndex(m[G.sm1]!);
      const d = Number(m[G.sd1]);
      if (m[G.sy1]) {
        mention = { start, end, kind: "day", value: `${m[G.sy1]}-${pad(mo)}-${pad(d)}`, explicitYear: true, leading };
        lastYear = Number(m[G.sy1]);
      } else {
        mention = { start, end, kind: "day", value: `?-${pad(mo)}-${pad(d)}`, explicitYear: false, leading };
        pendingYear.push(raw.length);
      }
    } else if (m[G.mdy] || m[G.dmy]) {
      const mo = monthIndex(m[G.m3] ?? m[G.m4]!);
      const d = Number(m[G.d3] ?? m[G.d4]);
      const y = Number(m[G.y3] ?? m[G.y4]);
      mention = {
        start,
        end,
        kind: d >= 1 && d <= 31 ? "day" : "month",
        value: d >= 1 && d <= 31 ? `${y}-${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}`,
        explicitYear: true,
        leading,
      };
      lastYear = y;
    } else if (m[G.my]) {
      const y = Number(m[G.y5]);
      mention = { start, end, kind: "month", value: `${y}-${pad(monthIndex(m[G.m5]!))}`, explicitYear: true, leading };
      lastYear = y;
    } else if (m[G.mthat]) {
      const mo = monthIndex(m[G.m6]!);
      const y = lastYear ?? ctx.previousYear ?? ctx.readoutYear ?? ctx.defaultYear;
      mention = {
        start,
        end,
        kind: "month",
        value: y !== null ? `${y}-${pad(mo)}` : null,
        explicitYear: false,
        leading,
      };
    } else if (m[G.md]) {
      const mo = monthIndex(m[G.m7]!);
      const d = Number(m[G.d7]);
      if (d < 1 || d > 31) continue;
      mention = { start, end, kind: "day", value: `?-${pad(mo)}-${pad(d)}`, explicitYear: false, leading };
      pendingYear.push(raw.length);
    } else if (m[G.part]) {
      const y = Number(m[G.py]);
      mention = { start, end, kind: "year", value: String(y), explicitYear: true, leading };
      lastYear = y;
    } else if (m[G.decade]) {
      const dd = Number(m[G.dd]);
      const y = (dd >= 30 ? 1900 : 2000) + dd + 5;
      mention = { start, end, kind: "year", value: String(y), explicitYear: true, leading };
    } else if (m[G.bm]) {
      const mo = monthIndex(m[G.m8]!);
      // "may" after "to"/"and" is usually the verb
      if (mo === 5 && /^(?:to|and|of)$/i.test(m[G.bmpre] ?? "")) continue;
      mention = {
        start,
        end,
        kind: "month",
        value: `?-${pad(mo)}`,
        explicitYear: false,
        leading,
      };
      pendingYear.push(raw.length);
    } else if (m[G.bm2]) {
      mention = { start, end, kind: "month", value: `?-${pad(monthIndex(m[G.m9]!))}`, explicitYear: false, leading };
      pendingYear.push(raw.length);
    } else if (m[G.yr]) {
      const y = Number(m[1] ?? m[G.yr]);
      // "2022 was a year", "in 2022", "2014 will mark": a year mention
      mention = { start, end, kind: "year", value: String(y), explicitYear: true, leading };
      lastYear = y;
      end = start + m[G.yr]!.length;
      mention.end = end;
    }
    // a date that names something else: "the March 11 earthquake", "the attacks of September 11"
    if (
      mention &&
      (NAMING_AFTER.test(text.slice(mention.end, mention.end + 30)) ||
        NAMING_BEFORE.test(text.slice(Math.max(0, mention.start - 30), mention.start)))
    ) {
      mention = null;
      pendingYear.length = pending;
    }
    if (mention) raw.push(mention);
  }

  // resolve the mentions that lack a year
  for (const i of pendingYear) {
    const d = raw[i]!;
    let year: number | null = null;
    // nearest explicit year before it in the sentence
    for (let j = i - 1; j >= 0 && year === null; j--) {
      const p = raw[j]!;
      if (p.explicitYear && p.value) year = Number(p.value.slice(0, 4));
    }
    // "in April and May 2024": the year of the month right after it
    if (year === null) {
      const next = raw[i + 1];
      if (
        next?.explicitYear &&
        next.value &&
        next.kind !== "year" &&
        /^\s*(?:,|and|to|or|-|–)\s*(?:in\s+)?$/.test(text.slice(d.end, next.start))
      ) {
        year = Number(next.value.slice(0, 4));
      }
    }
    if (year === null && ctx.readoutYear) year = ctx.readoutYear;
    if (year === null && ctx.previousYear != null && !pastPublication(ctx, ctx.previousYear, d))
      year = ctx.previousYear;
    if (year === null) year = ctx.defaultYear;
    if (year === null) {
      d.value = null;
      if (d.range) d.range = undefined;
      continue;
    }
    if (d.value?.startsWith("?")) d.value = `${year}${d.value.slice(1)}`;
    else if (d.value === null && d.range) d.value = `${year}${d.range.start.slice(1)}`;
    if (d.range) {
      d.range = {
        start: d.range.start.startsWith("?") ? `${year}${d.range.start.slice(1)}` : d.range.start,
        end: d.range.end.startsWith("?") ? `${year}${d.range.end.slice(1)}` : d.range.end,
      };
    }
  }
  // "since 2019" ends with the default year
  for (const d of raw) {
    if (d.range?.end.startsWith("?")) {
      const y = ctx.readoutYear ?? ctx.defaultYear;
      d.range = y !== null ? { start: d.range.start, end: `${y}${d.range.end.slice(1)}` } : undefined;
    }
  }
  return raw;
}

/**
 * The year context a sentence hands to the next one: the last year it dates something with
 * ("in 2013", "September 2013", "May 9, 2018"), unless that year lies after `maxYear`
 * (a plan for "2025" does not date the next sentence's "In April").
 */
const PLAN_NEAR =
  /\b(?:will|would|is\s+(?:scheduled|expected|set|planned)\s+to|are\s+(?:scheduled|expected|set|planned)\s+to|plans?\s+to|intends?\s+to|agreed\s+to|decided\s+to|aims?\s+to|next)\b[^.;]*$/i;

export function carryYear(
  text: string,
  mentions: DateMention[],
  maxYear: number | null,
  minYear: number | null = null,
): number | null {
  let year: number | null = null;
  for (const d of mentions) {
    if (!d.explicitYear || !d.value) continue;
    if (
      d.kind === "year" &&
      !/\b(?:in|In|of|during|During|since|Since)\s+$/.test(text.slice(Math.max(0, d.start - 8), d.start))
    )
      continue;
    // a plan's year ("is scheduled to make a State Visit in the spring of 2020") dates nothing that took place
    if (PLAN_NEAR.test(text.slice(Math.max(0, d.start - 80), d.start))) continue;
    const y = Number(d.value.slice(0, 4));
    if (maxYear !== null && y > maxYear) continue;
    // a historical year ("relations established in 1952") does not date the next sentence's "In March"
    if (minYear !== null && y < minYear) continue;
    year = y;
  }
  return year;
}

/**
 * A Bluebook edition reviews its covered year and is published in the spring after it: a bare month from April on
 * does not take the following year from the sentence before ("... in January 2023. X and Y held their first 2+2 in
 * April" is April of the covered year).
 */
function pastPublication(ctx: DateContext, year: number, d: DateMention): boolean {
  if (ctx.readoutYear || ctx.defaultYear === null || year <= ctx.defaultYear) return false;
  const month = /^\?-(\d{2})/.exec(d.value ?? d.range?.start ?? "")?.[1];
  return month !== undefined && Number(month) >= 4;
}

/** The months a count covers, from a sentence's date mentions (first range, else first bare year). */
export function periodOf(mentions: DateMention[], coveredYear: number | null): { start: string; end: string } | null {
  for (const d of mentions) if (d.range) return d.range;
  for (const d of mentions) {
    if (d.kind === "year" && d.value) return { start: `${d.value}-01`, end: `${d.value}-12` };
  }
  return coveredYear !== null ? { start: `${coveredYear}-01`, end: `${coveredYear}-12` } : null;
}
