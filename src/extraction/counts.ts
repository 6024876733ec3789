import type { CountLevel, ExtractedCount } from "../model/types.js";
import type { DocContext } from "./context.js";
import { periodOf } from "./dates.js";
import { levelOfPhrase, NUMBER_SRC, parseNumber, type Rank } from "./events/lexicon.js";
import { buildViews, type SentenceView, type Span } from "./events/view.js";
import { allMatches, sortCodes } from "./matches.js";

const APPROX =
  "(?:over|more\\s+than|about|approximately|around|nearly|almost|some|at\\s+least|a\\s+total\\s+of|in\\s+total)";

/** "<number> <kind of meeting>": "eight summit meetings", "13 foreign ministers' meetings", "three rounds of negotiations". */
export const COUNT_RE = new RegExp(
  `(?<![\\w-])(?:(?<approx>${APPROX})\\s+)?(?<num>${NUMBER_SRC})\\s+(?<noun>(?:(?:[A-Z][\\w.’'-]*[-–]){1,4}[A-Z][\\w.’'()-]*\\s+)?(?:(?:summit|leaders['’]?|foreign|ministers['’]?|ministerial|vice[- ]?ministerial|vice[- ]?ministers['’]?|director[- ]general(?:[- ]level)?|working[- ]level|bilateral|in-person|face-to-face|video|tele-?conference|telephone|online|defen[cs]e|2\\s*\\+\\s*2|high-level|strategic|economic|policy)\\s+)*(?:meetings|talks|summits|telephone\\s+(?:talks|calls)|calls|video\\s+(?:tele)?conferences(?:\\s*/\\s*telephone\\s+calls)?|tele-?conferences|conferences\\s*/\\s*telephone\\s+calls|consultations|dialogues|(?:rounds|sessions)\\s+of\\s+(?:the\\s+)?(?:negotiations|talks|consultations|dialogue))|(?:summit|foreign\\s+ministers['’]?|ministerial)\\s+meeting|meeting|summit|telephone\\s+(?:talk|call)|round\\s+of\\s+negotiations)\\b`,
  "gi",
);

/** "<meeting phrase> were held three times" */
const TIMES_RE = new RegExp(
  `(?<noun>(?:[A-Z][\\w.’'-]*[-–]){1,4}[A-Z][\\w.’'()-]*\\s+(?:[\\w’'+-]+\\s+){0,5}?(?:Meetings?|Talks|Summits?|meetings?|talks|summits?|Consultations|consultations|Dialogues?|dialogues?))\\s+(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+held\\s+(?:on\\s+)?(?:(?<approx>${APPROX})\\s+)?(?<num>${NUMBER_SRC}|once|twice|thrice)(?:\\s+(?:times|occasions))?\\b`,
  "g",
);

const HELD_TIMES_RE = new RegExp(
  `\\bheld\\s+(?<noun>(?:(?:[A-Z][\\w.’'-]*[-–]){1,4}[A-Z][\\w.’'()-]*\\s+)?(?:(?:summit|leaders['’]?|foreign|ministers['’]?|ministerial|vice[- ]?ministerial|telephone|video)\\s+)+(?:meetings|talks|summits|calls))\\s+(?:on\\s+)?(?:(?<approx>${APPROX})\\s+)?(?<num>${NUMBER_SRC}\\s+(?:times|occasions)|twice|thrice)\\b`,
  "gi",
);

const MET_RE = new RegExp(
  `(?:\\b(?<who>leaders|prime\\s+ministers|presidents|heads\\s+of\\s+(?:state|government)|foreign\\s+ministers)(?:\\s+of\\s+(?:the\\s+)?[A-Z][^,;.]{0,50}?)?\\s+)?(?:have\\s+|had\\s+)?\\bmet\\s+(?:on\\s+)?(?:(?<approx>${APPROX})\\s+)?(?<num>${NUMBER_SRC}|once|twice|thrice)(?:\\s+(?:times|occasions))?\\b(?!\\s+(?:a|per)\\s+(?:year|month))`,
  "gi",
);

/**
 * Cheap tests before TIMES_RE and MET_RE, each a part that every match of its pattern holds: "held <number>" (TIMES_RE
 * opens with a noun phrase tried at every capital letter) and "met " (MET_RE's optional subject is tried at every
 * word). Most counting sentences have neither: the two patterns cost ~3x less where they cannot match.
 */
const TIMES_PART = new RegExp(`held\\s+(?:on\\s+)?(?:${APPROX}\\s+)?(?:${NUMBER_SRC}|once|twice|thrice)`);
const MET_PART = /\bmet\s/i;

/** ", including two telephone talks" without parentheses */
const BREAKDOWN_INLINE = new RegExp(
  `^\\s*,?\\s*(?:including|of\\s+which)\\s+((?:${NUMBER_SRC})\\s+[^.;()]*?(?:calls?|talks?|conferences?|meetings?)(?:\\s*(?:,|and)\\s*(?:${NUMBER_SRC})\\s+[^.;()]*?(?:calls?|talks?|conferences?|meetings?))*)`,
  "i",
);

const BREAKDOWN = /^\s*\(\s*(?:including|of\s+which|among\s+them|with)\s+([^()]*)\)/i;

/** One item of a breakdown: "two telephone talks" (made once: allMatches leaves its lastIndex as it was). */
const BREAKDOWN_ITEM = new RegExp(`(${NUMBER_SRC})\\s+([^,()]*?)(?=,|\\s+and\\s+|$)`, "gi");

function breakdown(text: string): { telephone?: number; video?: number } {
  const out: { telephone?: number; video?: number } = {};
  for (const m of allMatches(text, BREAKDOWN_ITEM)) {
    const n = parseNumber(m[1]!);
    if (n === null) continue;
    const what = m[2]!.toLowerCase();
    if (/video|tele-?conference|online|virtual/.test(what)) out.video = (out.video ?? 0) + n;
    else if (/telephone|phone|calls?\b/.test(what)) out.telephone = (out.telephone ?? 0) + n;
  }
  return out;
}

function rankLevel(rank: Rank | null): CountLevel | null {
  if (rank === "head") return "summit";
  if (rank === "foreign") return "foreign_ministers";
  return null;
}

function partiesBetween(v: SentenceView, from: number): string[] | null {
  const m = /^\s*(?:\([^()]*\)\s*)?(?:held\s+)?between\s+/i.exec(v.text.slice(from));
  if (!m) return null;
  const s = from + m[0].length;
  const stopRel = v.text.slice(s).search(/[;.]|,\s|\s(?:in|on|at|since|during)\s/);
  const e = stopRel < 0 ? v.text.length : s + stopRel;
  const people = v.persons.filter((p) => p.start >= s && p.end <= e && p.country);
  if (people.length >= 2) return uniq(people.map((p) => p.country!));
  const cs = v.countries.filter((c) => c.start >= s && c.end <= e);
  if (cs.length >= 1) return uniq(cs.map((c) => c.code));
  return null;
}

/** "... meetings with the Republic of Korea, including ...": the countries after "with", and where that phrase ends. */
function partiesWith(v: SentenceView, from: number): { codes: string[]; end: number } | null {
  const m = /^\s*with\s+/i.exec(v.text.slice(from));
  if (!m) return null;
  const s = from + m[0].length;
  const stopRel = v.text.slice(s).search(/[;(]|\.\s*$|,\s|\s(?:in|on|at|since|during|including|between|from)\s/);
  let e = stopRel < 0 ? v.text.length : s + stopRel;
  while (e > s && v.text[e - 1] === " ") e--;
  const cs = v.countries.filter((c) => c.start >= s && c.end <= e && !c.adjective);
  const people = v.persons.filter((p) => p.start >= s && p.end <= e && p.country);
  const codes = uniq([...cs.map((c) => c.code), ...people.map((p) => p.country!)]);
  return { codes, end: e };
}

function uniq(xs: string[]): string[] {
  return sortCodes([...new Set(xs)]);
}

function countriesIn(v: SentenceView, span: Span): string[] {
  return uniq(v.countries.filter((c) => c.start >= span.start && c.end <= span.end && !c.adjective).map((c) => c.code));
}

function withJapan(codes: string[]): string[] {
  if (codes.length === 1 && codes[0] !== "JPN") return uniq([...codes, "JPN"]);
  return codes;
}

/** Stated counts of meetings and negotiation rounds. */
export function extractCounts(ctx: DocContext): ExtractedCount[] {
  const views = buildViews(ctx);
  const out: ExtractedCount[] = [];
  const coveredYear = ctx.metadata.coveredYear ?? (ctx.metadata.date ? Number(ctx.metadata.date.slice(0, 4)) : null);
  let prev: SentenceView | null = null;
  for (const v of views) {
    // sentences without COUNT_WORD's words count nothing (the view's word test, events/view.ts)
    if (v.countWord) countsOf(v, prev, coveredYear, out);
    prev = v;
  }
  return out;
}

/** A count found in a sentence, with where it stands and whether its parties are its own. */
type FoundCount = ExtractedCount & { at: number; local: boolean };

/** What one sentence's counts are gathered in (a function per step: one function of it was slow to compile). */
interface SentenceCounts {
  evidence: ExtractedCount["evidence"];
  found: FoundCount[];
  /** the spans already read as a count or its breakdown */
  skip: Span[];
}

/** The counts one sentence states, added to `out`. */
function countsOf(v: SentenceView, prev: SentenceView | null, coveredYear: number | null, out: ExtractedCount[]): void {
  const { text } = v;
  const sc: SentenceCounts = {
    evidence: { start: v.sentence.start, end: v.sentence.end, text: v.sentence.text },
    found: [],
    skip: [],
  };
  const { skip } = sc;
  for (const m of TIMES_PART.test(text) ? allMatches(text, TIMES_RE) : []) {
    const at = m.index ?? 0;
    const noun = m.groups!.noun!;
    const num = m.groups!.num!;
    const n = /^once$/i.test(num) ? "one" : /^twice$/i.test(num) ? "two" : num;
    addCount(v, sc, at, at + noun.length, noun, n, m.groups!.approx);
    skip.push({ start: at, end: at + m[0].length });
  }
  // "Japan and China held summit meetings three times"
  for (const m of allMatches(text, HELD_TIMES_RE)) {
    const at = m.index ?? 0;
    if (skip.some((x) => at >= x.start && at < x.end)) continue;
    const num = m.groups!.num!.replace(/\s+(?:times|occasions)$/i, "");
    const n = /^once$/i.test(num) ? "one" : /^twice$/i.test(num) ? "two" : /^thrice$/i.test(num) ? "three" : num;
    const nounAt = at + m[0].indexOf(m.groups!.noun!);
    addCount(v, sc, nounAt, nounAt + m.groups!.noun!.length, m.groups!.noun!, n, m.groups!.approx);
    skip.push({ start: at, end: at + m[0].length });
  }
  // "the two leaders met three times", "Prime Minister A and President B have met 20 times"
  for (const m of MET_PART.test(text) ? allMatches(text, MET_RE) : []) {
    const at = m.index ?? 0;
    const num = m.groups!.num!;
    const n = /^once$/i.test(num) ? "one" : /^twice$/i.test(num) ? "two" : /^thrice$/i.test(num) ? "three" : num;
    const who = (m.groups!.who ?? "").toLowerCase();
    let noun = /foreign/.test(who)
      ? "foreign ministers' meetings"
      : /leader|prime|president|head/.test(who)
        ? "summit meetings"
        : "";
    if (!noun) {
      const pair = v.persons.filter((p) => p.end <= at && at - p.end < 120).slice(-2);
      if (pair.length === 2 && pair[0]!.rank && pair[0]!.rank === pair[1]!.rank) {
        noun =
          pair[0]!.rank === "head"
            ? "summit meetings"
            : pair[0]!.rank === "foreign"
              ? "foreign ministers' meetings"
              : "";
      }
    }
    if (!noun) continue;
    addCount(v, sc, at, at + m[0].length, noun, n, m.groups!.approx);
    skip.push({ start: at, end: at + m[0].length });
  }
  // (every match holds COUNT_NUMBER's number: without one, a third of these sentences here, no scan)
  for (const m of v.countNumber ? allMatches(text, COUNT_RE) : []) {
    const at = m.index ?? 0;
    if (skip.some((s) => at >= s.start && at < s.end)) continue;
    const numStart = at + m[0].indexOf(m.groups!.num!, m.groups!.approx ? m.groups!.approx.length : 0);
    const noun = m.groups!.noun!;
    // a number that belongs to a date or a sum ("in 2022 summit meetings", "2,650 million")
    if (/[\d,.]$/.test(text.slice(Math.max(0, at - 1), at))) continue;
    if (/\b(?:the|first|of\s+the|since)\s*$/i.test(text.slice(Math.max(0, at - 8), at)) && !/rounds?/i.test(noun))
      continue;
    addCount(v, sc, numStart, at + m[0].length, noun, m.groups!.num!, m.groups!.approx);
  }
  if (sc.found.length) fileCounts(v, prev, sc.found, coveredYear, out);
}

/** One count read at [at, end): its level, parties, breakdown and modality, added to the sentence's. */
function addCount(
  v: SentenceView,
  sc: SentenceCounts,
  at: number,
  end: number,
  noun: string,
  num: string,
  approx: string | undefined,
): void {
  const { text } = v;
  const { evidence, found, skip } = sc;
  const total = parseNumber(num);
  if (total === null || total < 1) return;
  if (/^(?:a|an)$/i.test(num)) return;
  let level: CountLevel | null = /rounds?\s+of|sessions\s+of/i.test(noun) ? "negotiation_round" : levelOfPhrase(noun);
  if (!level) {
    // "Prime Minister Suga held over 40 video conferences/telephone calls": the subject's rank
    const subj = v.persons.findLast((p) => p.end <= at);
    level = rankLevel(subj?.rank ?? null);
  }
  if (!level) return;
  if (total === 1 && !/meeting$|summit$|talk$|call$|negotiations$/i.test(noun.trim())) return;
  // the parties: a compound in the phrase, "between A and B", the negotiated instrument's compound
  let countries: string[] = [];
  let local = false;
  const inPhrase = v.chains.find((c) => c.start >= at - 2 && c.end <= end);
  if (inPhrase) {
    countries = inPhrase.codes;
    local = true;
  }
  const after = end;
  if (!countries.length) {
    const b = partiesBetween(v, after);
    if (b) {
      countries = b;
      local = true;
    }
  }
  const withPhrase = partiesWith(v, after);
  if (!countries.length && withPhrase?.codes.length) {
    countries = withPhrase.codes;
    local = true;
  }
  if (!countries.length && level === "negotiation_round") {
    const chain = v.chains.find((c) => c.start >= end && c.start - end < 40);
    if (chain) {
      countries = chain.codes;
      local = true;
    }
  }
  const item: FoundCount = {
    level,
    countries,
    total,
    period: null,
    evidence,
    at,
    local,
  };
  if (approx && !/total/i.test(approx)) item.approximate = true;
  // the breakdown right after the noun, or after its "with ..." phrase
  const bdAt = withPhrase && !BREAKDOWN.test(text.slice(end)) ? withPhrase.end : end;
  const bd = BREAKDOWN.exec(text.slice(bdAt)) ?? BREAKDOWN_INLINE.exec(text.slice(bdAt));
  if (bd) {
    Object.assign(item, breakdown(bd[1]!));
    skip.push({ start: bdAt, end: bdAt + bd[0].length });
  } else {
    // "four telephone talks", "ten video conferences": the whole count has that modality
    const video = /video|tele-?conference|online/i.test(noun);
    const phone = /telephone|phone\s+(?:talk|call)/i.test(noun);
    if (video && !phone) item.video = total;
    else if (phone && !video) item.telephone = total;
  }
  found.push(item);
}

/** The counts of a sentence with the parties it states once for all of them, and their period, added to `out`. */
function fileCounts(
  v: SentenceView,
  prev: SentenceView | null,
  found: FoundCount[],
  coveredYear: number | null,
  out: ExtractedCount[],
): void {
  const { text } = v;
  // parties stated once for the sentence: "Japan and Canada held three summit meetings and four ..."
  const first = Math.min(...found.map((f) => f.at));
  let sentenceParties = countriesIn(v, { start: 0, end: first });
  if (!sentenceParties.length) {
    const sib = found.find((f) => f.local);
    if (sib) sentenceParties = sib.countries;
  }
  if (!sentenceParties.length) sentenceParties = uniq(v.persons.map((p) => p.country).filter((c): c is string => !!c));
  if (!sentenceParties.length) sentenceParties = countriesIn(v, { start: 0, end: text.length });
  // "Negotiations on the RCEP continued; 4 rounds ...": a framework named here, not the parties of the sentence before
  if (!sentenceParties.length && prev && !v.orgs.length) {
    const pc = countriesIn(prev, { start: 0, end: prev.text.length });
    if (pc.length <= 3) sentenceParties = pc;
  }
  if (sentenceParties.length > 3) sentenceParties = sentenceParties.filter((c) => c === "JPN");
  // "A and B have met more than 30 times": a running total with no date is no year's count
  const running = !v.dates.length && /\b(?:have|has)\s+(?:now\s+)?(?:met|held)\b/i.test(text);
  const period = running ? null : periodOf(v.dates, coveredYear);
  // "China held more than 20 summit meetings with African countries": another country's count, Japan not a party
  const japanNamed = v.countries.some((c) => c.code === "JPN") || v.persons.some((p) => p.country === "JPN");
  const othersOwn = !japanNamed && sentenceParties.length > 0 && !sentenceParties.includes("JPN");
  for (const f of found) {
    if (othersOwn && !f.local) continue;
    const { at: _at, local: _local, ...rest } = f;
    if (!rest.countries.length) rest.countries = sentenceParties.length ? sentenceParties : ["JPN"];
    rest.countries = withJapan(rest.countries);
    rest.period = period;
    out.push(rest);
  }
}
