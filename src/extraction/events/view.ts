/**
 * A sentence seen by the event and count extractors: its text, the countries, organizations
 * and persons found in it (offsets relative to the sentence), its dates, and the party chains
 * ("Japan-U.S.", "Japan-China-ROK") it holds. Built in one pass over the document's hits.
 */
import type { DocumentMetadata, Sentence } from "../../model/types.js";
import type { DocContext } from "../context.js";
import { carryYear, type DateMention, findDates } from "../dates.js";
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
}

/** Sentences without these words hold no meeting (a cheap test before the finders). */
export const MEETING_WORD =
  /meeting|talk|summit|call|conference|consultation|dialogue|2\s*\+\s*2|committee|\bmet\b|lunch|dinner|breakfast/i;
/** Sentences without it hold no negotiation round. */
export const ROUND_WORD = /round/i;

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
  for (const c of chains) c.codes.sort();
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
    for (let j = pi; j < ctx.persons.length && ctx.persons[j]!.start < s.end; j++) {
      const h = ctx.persons[j]!;
      const start = h.start - base;
      const end = h.end - base;
      const title = TITLE_BEFORE.exec(s.text.slice(Math.max(0, start - 60), start));
      const local = h.role && rankOf(h.role) ? null : localRole(s.text, end, title);
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
        const c = countries.find((x) => x.start >= end && x.start - end < 70 && after.test(s.text.slice(end, x.start)));
        const national =
          rank !== null && rank !== "official" && !INTERNATIONAL.test(`${role ?? ""} ${s.text.slice(end, end + 60)}`);
        country = c?.code ?? (focus && focus !== "JPN" && national ? focus : null);
      }
      const lead = title ? (/^(?:(?:of|for|and|the)\s+)+/.exec(title[0])?.[0].length ?? 0) : 0;
      const outer = title ? start - title[0].length + lead : start;
      persons.push({ name: h.name, country, rank, role, start, end, outer });
    }
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
    // (a stable sort of refs already in text order, as they mostly are, changes nothing: skipped)
    if (!inTextOrder(partyRefs)) partyRefs.sort((a, b) => a.start - b.start);
    const dates = findDates(s.text, {
      defaultYear,
      previousYear,
      readoutYear: readoutYear(metadata),
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
      meetingWord: MEETING_WORD.test(s.text),
      roundWord: ROUND_WORD.test(s.text),
      focus,
    });
    previousYear = carryYear(s.text, dates, maxYear, metadata.coveredYear !== null ? metadata.coveredYear - 2 : null);
  }
  return views;
}

function inTextOrder(refs: Span[]): boolean {
  for (let i = 1; i < refs.length; i++) if (refs[i]!.start < refs[i - 1]!.start) return false;
  return true;
}

/** The clause around `pos`: from the last ";" or sentence start to the next ";" or sentence end. */
export function clauseBounds(text: string, pos: number): Span {
  const before = text.lastIndexOf(";", pos);
  const after = text.indexOf(";", pos);
  return { start: before < 0 ? 0 : before + 1, end: after < 0 ? text.length : after };
}
