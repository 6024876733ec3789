/**
 * Events of one document, sentence by sentence (headings and navigation skipped, captions read):
 *
 *   1. anchors: the frames that state an event (events/anchors.ts: "Japan-X ... Meeting" compounds,
 *      "A held a <meeting> with B", "A and B held ...", visits, attended/held conferences;
 *      events/instruments.ts: signed/adopted/released instruments and one government's policies),
 *      each rejected when a plan, wish, negation or habit frames it;
 *   2. links: a meeting held during a visit, a visit made for a meeting, "the two leaders" during a
 *      visit, an occasion named in the sentence before;
 *   3. dates (dates.ts): an event's own date in its clause, else an unclaimed neighbour, the date
 *      that opens the sentence, or its linked events'; else the covered year (a readout's month);
 *   4. one event per occurrence: same type, level, parties, compatible dates and similar names.
 */
import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import type { Evidence, ExtractedEvent, Level } from "../model/types.js";
import { isSpace } from "./chars.js";
import type { DocContext } from "./context.js";
import type { DateMention } from "./dates.js";

const MONTH_SRC = "January|February|March|April|May|June|July|August|September|October|November|December";

import {
  type Anchor,
  type ConferenceAnchor,
  cityAt,
  findConferences,
  findMeetings,
  findVisits,
  type InstrumentAnchor,
  inPrepPhrase,
  isUnreal,
  type MeetingAnchor,
  subjectBefore,
  type VisitAnchor,
} from "./events/anchors.js";
import { findInstruments } from "./events/instruments.js";
import {
  levelOfPhrase,
  levelOfRanks,
  modalityOf,
  NUMBER_SRC,
  parseNumber,
  type Rank,
  rankOf,
} from "./events/lexicon.js";
import { buildViews, type PersonRef, type SentenceView } from "./events/view.js";
import { allMatches, sortCodes, sortSmall } from "./matches.js";

let citiesCache: Map<string, string> | null = null;

/** data/cities.json: city name -> alpha-3 of its country. */
export function cities(): Map<string, string> {
  if (citiesCache) return citiesCache;
  const map = new Map<string, string>();
  try {
    const raw = JSON.parse(readFileSync(dataFile("cities.json"), "utf8")) as Record<string, string>;
    for (const [k, v] of Object.entries(raw)) if (!k.startsWith("_")) map.set(k, v);
  } catch {
    // no gazetteer: places stay null
  }
  citiesCache = map;
  return map;
}

interface Placed {
  anchor: Anchor;
  /** where dates are looked for from */
  pos: number;
  group: number;
  date: string | null;
}

/** A date after these words dates a plan, not the event before them ("and agreed to hold the next 2+2 in January 2019"). */
const PLAN_BETWEEN =
  /\b(?:agreed\s+to|decided\s+to|will|would|plans?\s+to|planned|intends?\s+to|expected|scheduled|next|upcoming|toward|towards)\b/i;

const VISIT_AND_HELD =
  /^(?:\s+(?:in|on)\s+[^,;]{1,25}?)?(?:\s+(?:as|for|on)\s+[^,;]{1,40}?)?\s*,?\s*(?:and|where\s+(?:he|she|they))\s+(?:also\s+)?held\s+(?:a|an|the)\s+(?:first\s+)?((?:summit|leaders['’]?|foreign\s+ministers['’]?|foreign\s+ministerial)\s+(?:meeting|talks?))\b(?!\s+(?:with|between))/i;

/** "A visited X in January, and a summit meeting was held": the meeting of the visitor and the host. */
const VISIT_AND_PASSIVE =
  /^(?:\s+(?:in|on)\s+[^,;]{1,25}?)?\s*,?\s*and\s+(?:a|an|the)\s+(?:first\s+)?((?:summit|leaders['’]?|foreign\s+ministers['’]?)\s+(?:meeting|talks?))\s+(?:was|were)\s+(?:also\s+)?held\b/i;

/** Every negotiation-round pattern names "negotiation(s)": no need to try them without it. */
const NEGOTIATION_WORD = /negotiation/i;

/** Words that date an event by an occasion already named ("at this meeting", "on that occasion"). */
const OCCASION =
  /\b(?:at|during|on|in)\s+(?:this|the|that|his|her)\s+(?:meeting|visit|summit|talks?|occasion|call|conference)\b|\b(?:on|at)\s+the\s+(?:margins|sidelines)\b(?!\s+of\b)/i;

/** A readout's later meeting tied to its main one in time ("then", "prior to the dialogue", "following the meeting"). */
const SAME_DAY =
  /\b(?:then|subsequently|afterwards|on\s+the\s+same\s+day|(?:after|following|prior\s+to|before|ahead\s+of)\s+the\s+(?:meeting|talks?|dialogue|summit|consultations?|call))\b/i;

const ANAPHORA =
  /\b(?:at|during|on)\s+(?:this|the|that)\s+(?:meeting|visit|summit|talks?|occasion|call|conference)\b|\bthe\s+two\s+(?:leaders|prime\s+ministers|presidents|ministers|foreign\s+ministers|countries|sides)\b|\bboth\s+(?:leaders|ministers|sides)\b/i;

/**
 * "visited the UK in August and agreed in principle on the X": the subject's second act, right after the dated
 * first one, shares its date.
 */
const SAME_ACT_INSTRUMENT =
  /^\s*,?\s*and\s+(?:they\s+|the\s+two\s+(?:leaders|ministers|sides)\s+)?(?:then\s+|also\s+)?(?:jointly\s+)?(?:signed|concluded|adopted|issued|released|announced|agreed\s+in\s+principle\s+on|reached\s+(?:an?\s+)?(?:agreement\s+in\s+principle|substantial\s+agreement)\s+on)\s+(?:the\s+|a\s+|an\s+)?$/i;

/** "visited Japan in July and attended the G8 Summit": the gathering the subject went on to attend that month. */
const SAME_ACT_CONFERENCE =
  /^\s*,?\s*and\s+(?:then\s+|also\s+)?(?:attended|hosted|chaired|co-chaired|participated\s+in|took\s+part\s+in)\s+(?:the\s+|a\s+|an\s+)?$/i;

/** A meeting is linked to visit `vi` (a loop over the links, without a copy of their values). */
function isLinked(linkedVisit: Map<MeetingAnchor, VisitAnchor>, vi: VisitAnchor): boolean {
  for (const v of linkedVisit.values()) if (v === vi) return true;
  return false;
}

function anchorPos(a: Anchor): number {
  return a.kind === "visit" ? a.destEnd : a.start;
}

/**
 * A plan's word between an event and a date (PLAN_BETWEEN), and the date not right after "was held in":
 * "..., which had been expected in December, was held in January". (The slice made once for both tests.)
 */
function plannedBetween(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return (
    PLAN_BETWEEN.test(between) &&
    !/,\s*(?:was|were)\s+(?:finally\s+|eventually\s+|instead\s+)?held(?:\s+(?:in|on))?\s+$/i.test(between)
  );
}

/** Dates for each anchor of one sentence: its own (right, before the next unlinked anchor), a leading one, or a neighbour's. */
function assignDates(v: SentenceView, placed: Placed[], fallback: string | null, inherited: string | null): void {
  const usable = v.dates.filter((d) => d.value && d.kind !== "range");
  sortSmall(placed, posAfter);
  // (the steps in functions of their own: as one function, TurboFan took 70-140 ms to compile it)
  let claimed: Map<DateMention, Anchor["kind"]> | undefined;
  // (with no usable date, steps 1 to 4 and the coordinated step date nothing: straight to the occasion or fallback)
  if (usable.length) {
    const stopsAny: number[] = [];
    const stopsGroup: number[] = [];
    claimed = ownDates(v.text, placed, usable, stopsAny, stopsGroup);
    nearDates(v.text, placed, usable, stopsAny, stopsGroup, claimed);
    coordinatedDates(placed);
  }
  occasionDates(v.text, placed, usable, claimed, fallback, inherited);
}

/** No ", and" nor ";" between two places of the text: one clause. */
function sameClause(text: string, from: number, to: number): boolean {
  return !/,\s+and\s|;/.test(text.slice(from, to));
}

/**
 * 1. Each event's own date: after it, in its clause, before the next event of any kind. Fills where each anchor's
 * search stops (the next anchor, the next of another group) and returns the dates claimed so, by whom (undefined
 * when none is: in most sentences no event claims a date of its own).
 */
function ownDates(
  text: string,
  placed: Placed[],
  usable: DateMention[],
  stopsAny: number[],
  stopsGroup: number[],
): Map<DateMention, Anchor["kind"]> | undefined {
  let claimed: Map<DateMention, Anchor["kind"]> | undefined;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    stopsAny[i] = placed[i + 1]?.pos ?? text.length;
    // (the first later anchor of another group, by a loop rather than a copy of the rest of the list)
    let stopGroup = text.length;
    for (let j = i + 1; j < placed.length; j++) {
      if (placed[j]!.group !== p.group) {
        stopGroup = placed[j]!.pos;
        break;
      }
    }
    stopsGroup[i] = stopGroup;
    const own = usable.find(
      (d) =>
        d.start >= p.pos &&
        d.start < stopsAny[i]! &&
        !plannedBetween(text, p.pos, d.start) &&
        sameClause(text, p.pos, d.start),
    );
    if (own) {
      p.date = own.value;
      claimed ??= new Map();
      claimed.set(own, p.anchor.kind);
    }
  }
  return claimed;
}

/** 2-4. An event without a date of its own: a linked one's after it, the nearest free one before it, the opening one. */
function nearDates(
  text: string,
  placed: Placed[],
  usable: DateMention[],
  stopsAny: number[],
  stopsGroup: number[],
  claimed: Map<DateMention, Anchor["kind"]> | undefined,
): void {
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    if (p.date) continue;
    // the dates that end before it: the last of them, and the first that opens the sentence (a loop, no filtered copy)
    let near: DateMention | undefined;
    let lead: DateMention | undefined;
    for (const d of usable) {
      if (d.end > p.pos) continue;
      near = d;
      if (!lead && d.leading) lead = d;
    }
    // 2a. an event linked to the ones after it takes their date ("the Summit Meeting during A's visit to X in May")
    if (stopsGroup[i]! > stopsAny[i]!) {
      const linked = usable.find(
        (d) =>
          d.start >= p.pos &&
          d.start < stopsGroup[i]! &&
          !plannedBetween(text, p.pos, d.start) &&
          sameClause(text, p.pos, d.start),
      );
      if (linked) {
        p.date = linked.value;
        continue;
      }
    }
    // 2. the nearest date before it that no other event claimed, with no event between
    // a date another event claimed is shared only across kinds ("during A's visit in May, the Statement was released")
    const owner = near ? claimed?.get(near) : undefined;
    const gap = near ? text.slice(near.end, p.pos) : "";
    const free =
      near &&
      (!owner ||
        (owner !== p.anchor.kind &&
          (!/\band\b|;/.test(gap) ||
            (p.anchor.kind === "conference" ? SAME_ACT_CONFERENCE : SAME_ACT_INSTRUMENT).test(gap))));
    if (near && free && !anchorBetween(placed, p, near.end)) {
      p.date = near.value;
      continue;
    }
    // 3. the date that opens the sentence ("In April, ...")
    if (lead) {
      p.date = lead.value;
      continue;
    }
    // 4. the date of the events linked to it (a visit made to attend a meeting "in October")
    const linked = usable.find(
      (d) => d.start >= p.pos && d.start < stopsGroup[i]! && !plannedBetween(text, p.pos, d.start),
    );
    if (linked) p.date = linked.value;
  }
}

/** Coordinated anchors of one kind share the date at their end: "at the X, at the Y and at the Z, on May 9". */
function coordinatedDates(placed: Placed[]): void {
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!;
    if (p.date) continue;
    let k = i + 1;
    while (k < placed.length) {
      const q = placed[k]!;
      if (q.date && q.anchor.kind === p.anchor.kind && !("laterStep" in q.anchor && q.anchor.laterStep)) break;
      k++;
    }
    const next = placed[k];
    if (!next) continue;
    // no anchor of another kind and group between them
    let crossed = false;
    for (let j = i + 1; j < placed.length && !crossed; j++) {
      const q = placed[j]!;
      crossed = q.anchor.kind !== p.anchor.kind && q.group !== p.group && q.pos < next.pos;
    }
    if (!crossed) p.date = next.date;
  }
}

/** The anchors still undated: the occasion named before them ("on that occasion"), else the fallback. */
function occasionDates(
  text: string,
  placed: Placed[],
  usable: DateMention[],
  claimed: Map<DateMention, Anchor["kind"]> | undefined,
  fallback: string | null,
  inherited: string | null,
): void {
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    if (p.date) continue;
    // "..., and a Japan-UK summit meeting was held on that occasion": the occasion named before it
    const segment = text.slice(placed[i - 1]?.pos ?? 0, placed[i + 1]?.pos ?? text.length);
    if (OCCASION.test(segment)) {
      // the last dated anchor before it (a loop, no filtered copy)
      let before: Placed | undefined;
      for (const q of placed) if (q.date && q.pos < p.pos) before = q;
      if (before) {
        p.date = before.date;
        continue;
      }
      // the occasion's date, when every date of the sentence is another event's own
      if (inherited && usable.every((d) => claimed?.has(d) === true)) {
        p.date = inherited;
        continue;
      }
    }
    p.date = fallback;
  }
}

/** For sortSmall: the anchors in text order. */
const posAfter = (a: Placed, b: Placed): boolean => a.pos > b.pos;

/** Another anchor than `p` stands after `from` and before `p`. */
function anchorBetween(placed: Placed[], p: Placed, from: number): boolean {
  for (const q of placed) if (q !== p && q.pos > from && q.pos < p.pos) return true;
  return false;
}

const DAY_SPAN = new RegExp(
  `\\b[Ff]rom\\s+(${MONTH_SRC})\\s+\\d{1,2}\\s+(?:to|until|through)\\s+(?:(${MONTH_SRC})\\s+)?\\d{1,2}\\b`,
);

/**
 * The destinations of one trip ("visited A, B and C from July 25 to August 4", "visited A, B and C in October")
 * share its date: the first country the trip's first day, the others the month when the trip stays in one, else the year.
 */
function shareTripDates(
  v: SentenceView,
  visits: VisitAnchor[],
  dateOf: Map<Anchor, string | null>,
  fallback: string | null,
): void {
  // a trip with one destination has nothing to share
  if (visits.length < 2) return;
  const trips = new Map<number, VisitAnchor[]>();
  for (const vi of visits) {
    const t = trips.get(vi.trip);
    if (t) t.push(vi);
    else trips.set(vi.trip, [vi]);
  }
  for (const stops of trips.values()) {
    if (stops.length < 2) continue;
    // "the U.S. in April and the UK in June": each stop dated on its own
    const owns = new Set(stops.map((x) => dateOf.get(x) ?? null).filter((d) => d && d !== fallback));
    if (owns.size !== 1) continue;
    const own = [...owns][0]!;
    let rest = own;
    if (own.length === 10) {
      const span = DAY_SPAN.exec(v.text);
      rest = span && (!span[2] || span[2] === span[1]) ? own.slice(0, 7) : span ? own.slice(0, 4) : own.slice(0, 7);
    }
    stops.forEach((x, i) => {
      dateOf.set(x, i === 0 ? own : rest);
    });
  }
}

/**
 * The date a meeting takes from the visit it was held on: a visit "from December 11 to 13" is dated by its first day,
 * but the meeting may be on any day of it, so it keeps the month (or the year when the trip spans two months).
 */
function visitDay(v: SentenceView, visitDate: string): string {
  if (visitDate.length !== 10) return visitDate;
  const span = DAY_SPAN.exec(v.text);
  if (!span) return visitDate;
  return !span[2] || span[2] === span[1] ? visitDate.slice(0, 7) : visitDate.slice(0, 4);
}

const RELATIVE_MONTH =
  /^\s*(?:(?:In|During)\s+)?(?:the\s+)?(?:(following|next|subsequent)|(same))\s+month\b|^\s*(Later\s+(?:that|the\s+same)\s+month)\b/i;

/** The letters RELATIVE_MONTH's words open with ("In", "During", "the", "following", "next", "subsequent", "same", "Later"). */
const RELATIVE_MONTH_FIRST = new Set(["i", "d", "t", "f", "n", "s", "l"]);

/** The text's first character after its opening whitespace, in lower case ("" for none). */
function firstLetter(text: string): string {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length ? text[i]!.toLowerCase() : "";
}

/**
 * "The following month, he visited Argentina", "In the same month, ...": a month counted from the
 * date of the sentence before, when that date names a month and this sentence names none.
 */
function withRelativeMonth(v: SentenceView, previous: string | null): SentenceView {
  if (
    !previous ||
    previous.length < 7 ||
    !RELATIVE_MONTH_FIRST.has(firstLetter(v.text)) ||
    v.dates.some((d) => d.value && d.kind !== "range")
  )
    return v;
  const m = RELATIVE_MONTH.exec(v.text);
  if (!m) return v;
  let year = Number(previous.slice(0, 4));
  let month = Number(previous.slice(5, 7));
  if (m[1]) {
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  const value = `${year}-${String(month).padStart(2, "0")}`;
  const start = m[0].length - m[0].trimStart().length;
  const date: DateMention = { start, end: m[0].length, kind: "month", value, explicitYear: false, leading: true };
  return { ...v, dates: [...v.dates, date] };
}

/** A visit's parties: the visitor's side and the host, each once, sorted (without a Set and two spread copies). */
function visitParties(from: string[], host: string): string[] {
  const out: string[] = [];
  for (const c of from) if (!out.includes(c)) out.push(c);
  if (!out.includes(host)) out.push(host);
  return sortCodes(out);
}

/** The people's names, each once, in order (a loop: lists of one to three people, per event). */
function names(people: PersonRef[]): string[] {
  const out: string[] = [];
  for (const p of people) if (!out.includes(p.name)) out.push(p.name);
  return out;
}

/** A city or country after "in" in [from, to): the place of a meeting or conference. */
function placeIn(
  v: SentenceView,
  from: number,
  to: number,
  reach = 110,
): { location: string; place: string | null } | null {
  const seg = v.text.slice(from, Math.min(to, from + reach));
  const re = /\bin\s+(?:the\s+)?/g;
  for (const m of allMatches(seg, re)) {
    const at = from + (m.index ?? 0) + m[0].length;
    // a city whose name starts with its country's ("Mexico City", "Kuwait City") is the city
    const city = cityAt(v.text, at, cities());
    const c = v.countries.find((x) => x.start === at && !x.adjective && !x.org);
    if (c && !(city && city.name.length > c.end - c.start)) return { location: c.code, place: null };
    if (city) return { location: city.code, place: city.name };
  }
  return null;
}

/** The step of an instrument's life a status names: made public, signed, agreed in principle, in force. */
const STEP: Record<string, number> = {
  released: 0,
  adopted: 0,
  announced: 0,
  signed: 1,
  concluded: 1,
  agreed_in_principle: 2,
  entered_into_force: 3,
};

/** "In Jordan, she paid a courtesy call on ...": the country or city that opens the sentence, before the meeting. */
function leadingPlace(v: SentenceView, before: number): { location: string; place: string | null } | null {
  const m = /^\s*In\s+(?:the\s+)?/.exec(v.text);
  if (!m) return null;
  const at = m[0].length;
  const c = v.countries.find((x) => x.start === at && !x.adjective && !x.org && x.end < before);
  if (c && /^\s*,/.test(v.text.slice(c.end))) return { location: c.code, place: null };
  const city = cityAt(v.text, at, cities());
  if (city && at + city.name.length < before && /^\s*,/.test(v.text.slice(at + city.name.length)))
    return { location: city.code, place: city.name };
  return null;
}

const OCCASION_NAME =
  /^[^;]{0,160}?\b(?:during|at|on\s+the\s+occasion\s+of|on\s+the\s+(?:margins|sidelines)\s+of|in\s+conjunction\s+with)\s+(?:the\s+)?((?:[A-Z0-9][\w.’'-]*\s+){1,6})(?:Summit|Meeting|Conference|Session|Forum)\b/;

/** "... during the G20 Osaka Summit": the city in the name of the gathering a meeting was held at. */
function occasionCity(v: SentenceView, from: number, to: number): { location: string; place: string | null } | null {
  const m = OCCASION_NAME.exec(v.text.slice(from, Math.min(to, from + 260)));
  if (!m) return null;
  const nameAt = from + (m.index ?? 0) + m[0].length - m[0].slice(m[0].lastIndexOf(m[1]!)).length;
  for (const w of allMatches(m[1]!, /(?:^|(?<=\s))[A-Z]/g)) {
    const city = cityAt(v.text, nameAt + (w.index ?? 0), cities());
    if (city) return { location: city.code, place: city.name };
  }
  return null;
}

/**
 * Same real occurrence: same type, level, parties, compatible dates, similar titles.
 * Only asked of two events of one bucket, whose type, level and parties are the same (see extractEvents' buckets and
 * partyBucket; no event's type, level or countries change once made; no level is ""): they are not compared again,
 * and the caller has tested the dates (datesAgree).
 */
function sameEvent(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const da = a.date ?? "";
  const db = b.date ?? "";
  // an instrument signed and later in force: two steps, two events
  if (a.type === "agreement" && a.status && b.status && STEP[a.status] !== STEP[b.status]) return false;
  if (a.type === "agreement" || a.type === "policy_release" || a.type === "conference") {
    if (a.type === "conference" && a.organization && a.organization === b.organization && da === db) return true;
    const wa = titleWords(a.title);
    const wb = titleWords(b.title);
    if (!wa.size || !wb.size) return false;
    let shared = 0;
    for (const w of wa) if (wb.has(w)) shared++;
    // each name has a word the other lacks ("Economic" / "Strategic" Partnership Agreement): two instruments,
    // unless they share most of their words
    if (shared < wa.size && shared < wb.size) return shared / Math.max(wa.size, wb.size) >= 0.75;
    return shared / Math.min(wa.size, wb.size) >= 0.5;
  }
  if (a.type === "visit") {
    const pa = a.participants ?? [];
    const pb = b.participants ?? [];
    if (pa.length && pb.length && !pa.some((x) => pb.includes(x))) return false;
    if ((a.location ?? null) !== (b.location ?? null)) return false;
  }
  return true;
}

/**
 * Compatible dates: one is the other or a part of it ("2019" and "2019-05"; no date agrees with any). Only the
 * longer can start with the other (when as long, either test is the other): one startsWith, not two.
 */
function datesAgree(da: string, db: string): boolean {
  return da.length >= db.length ? da.startsWith(db) : db.startsWith(da);
}

const STOP = new Set(["the", "of", "a", "an", "and", "for", "on", "in", "to", "its", "with", "by"]);
const wordsByTitle = new Map<string, Set<string>>();
/** titleWords is a pure function of the title, asked again for every pair compared: memoized (callers only read the set). */
function titleWords(t: string | null | undefined): Set<string> {
  const key = String(t ?? "");
  let words = wordsByTitle.get(key);
  if (words === undefined) {
    words = computeTitleWords(key);
    if (wordsByTitle.size > 50_000) wordsByTitle.clear();
    wordsByTitle.set(key, words);
  }
  return words;
}

function computeTitleWords(t: string): Set<string> {
  // the parties' compound ("Japan-Peru") says nothing about which instrument it is
  return new Set(
    (
      t
        .replace(/(?:^|\s)(?:Japan[-–][\w.’'-]+|[\w.’'-]+[-–]Japan(?:[-–][\w.’'-]+)*)(?=\s)/g, " ")
        .replace(/\bEPA\b/g, "Economic Partnership Agreement")
        .replace(/\bFTA\b/g, "Free Trade Agreement")
        .replace(/\bSPA\b/g, "Strategic Partnership Agreement")
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? []
    ).filter((w) => !STOP.has(w)),
  );
}

function merge(into: ExtractedEvent, from: ExtractedEvent): void {
  if ((from.date?.length ?? 0) > (into.date?.length ?? 0)) into.date = from.date;
  if (!into.location && from.location) into.location = from.location;
  if (!into.place && from.place) into.place = from.place;
  if (from.participants?.length) {
    // both lists' names, each once, in order (a loop: a few names, no Set and spread copies per merge)
    const names: string[] = [];
    for (const list of [into.participants ?? [], from.participants])
      for (const n of list) if (!names.includes(n)) names.push(n);
    into.participants = names;
  }
  if (into.modality === "in_person" && from.modality && from.modality !== "in_person") into.modality = from.modality;
}

const PRONOUN_OPENING = /^(?:[^,;]{0,40},\s*)?(?:he|she)\b/i;
/**
 * PRONOUN_OPENING.test(text), without the regex where it cannot match: the pronoun opens the text, or follows its
 * first comma, which then stands within its first 41 characters. (Most sentences have neither: the regex tried
 * up to 41 lengths of the opening before failing.)
 */
function opensWithPronoun(text: string): boolean {
  const comma = text.indexOf(",");
  if (comma >= 0 && comma <= 40) return PRONOUN_OPENING.test(text);
  const c = text.charCodeAt(0) | 0x20; // "h" or "s", either case
  return (c === 0x68 || c === 0x73) && PRONOUN_OPENING.test(text);
}

/**
 * The person the sentence is about: the first one named, when not in a prepositional phrase
 * (a sentence that opens with "he" or "she" keeps the person it stands for).
 */
function subjectAfter(v: SentenceView, previous: PersonRef | null): PersonRef | null {
  const first = v.persons[0];
  // no one named and no one before: no one, whatever the sentence opens with
  if (!first && !previous) return null;
  if (opensWithPronoun(v.text)) return previous;
  // (a first person without a country is no subject: tested before the word and phrase tests)
  if (!first?.country) return null;
  const opens = !/\b(?:met|held|with|visited|received|by|of|and)\b/i.test(v.text.slice(0, first.outer));
  return opens && !inPrepPhrase(v, first) ? first : null;
}

/** Events of one type and level filed by their parties, code after code (a trie of the sorted codes). */
interface PartyNode {
  events: ExtractedEvent[];
  /**
   * each event's date (`?? ""`), kept beside it (a merge updates it): the dedupe scan compares these strings first,
   * instead of reading `date` from events of a dozen shapes (a megamorphic load per candidate)
   */
  dates: string[];
  next: Map<string, PartyNode> | null;
}

/**
 * The dedupe bucket of the events with exactly these parties: the same partition as a key of the codes joined
 * by "," (no code is empty or holds a ","), without building and hashing that key for every event.
 */
function partyBucket(root: PartyNode, codes: string[]): PartyNode {
  let node = root;
  for (const c of codes) {
    let next = node.next?.get(c);
    if (!next) {
      next = { events: [], dates: [], next: null };
      node.next ??= new Map();
      node.next.set(c, next);
    }
    node = next;
  }
  return node;
}

/**
 * What a document's sentences hand on to each other while their events are read, and where the events are filed.
 * (The sentence loop was one function of ~20 KB of bytecode: TurboFan took 0.5-1 s to compile it, and the first
 * megabytes of a run went by unoptimized meanwhile. Split into functions of a few KB, each is compiled soon.)
 */
interface Flow {
  readonly coveredYear: number | null;
  /** a readout's date (its date line) */
  readonly readout: string | null;
  /** the date of an event the text does not date: the readout's month, else the year the edition covers */
  readonly fallback: string | null;
  readonly cityMap: Map<string, string>;
  readonly out: ExtractedEvent[];
  /** candidates by type, level and parties: look-ups of the words themselves instead of a key built per event */
  readonly buckets: Map<string, Map<string, PartyNode>>;
  previousDate: string | null;
  previousMeeting: ExtractedEvent | null;
  mainMeeting: ExtractedEvent | null;
  previousVisit: ExtractedEvent | null;
  visitAge: number;
  previousOccasion: ExtractedEvent | null;
  previousSubject: PersonRef | null;
  firstReadoutMeeting: boolean;
}

/** Events (meetings, visits, conferences, agreements, policy releases, negotiations). */
export function extractEvents(ctx: DocContext): ExtractedEvent[] {
  const views = buildViews(ctx);
  const meta = ctx.metadata;
  const readout = meta.kind === "readout" && meta.date ? meta.date : null;
  const f: Flow = {
    coveredYear: meta.coveredYear,
    readout,
    fallback: readout ? readout.slice(0, 7) : meta.coveredYear !== null ? String(meta.coveredYear) : null,
    cityMap: cities(),
    out: [],
    buckets: new Map(),
    previousDate: null,
    previousMeeting: null,
    mainMeeting: null,
    previousVisit: null,
    visitAge: 0,
    previousOccasion: null,
    previousSubject: null,
    firstReadoutMeeting: true,
  };
  for (const v of views) readSentence(v, f);
  for (const e of f.out) {
    if (e.type !== "meeting" && e.type !== "visit") delete e.participants;
    if (e.type === "meeting" || e.type === "visit") {
      if (!e.participants?.length) delete e.participants;
    }
  }
  return f.out;
}

/** The state a sentence without events hands on to the next one. */
function handOn(v: SentenceView, f: Flow): void {
  if (v.dates.length) f.previousDate = null;
  if (++f.visitAge > 1) f.previousVisit = null;
  f.previousSubject = subjectAfter(v, f.previousSubject);
  f.previousOccasion = null;
  f.previousMeeting = null;
}

/** One sentence: its anchors, their links and dates, the events they make (filed in `f.out`), and what it hands on. */
function readSentence(v: SentenceView, f: Flow): void {
  const s = v.sentence;
  // cheap word tests first: most sentences state no event
  // (the view's word tests: MEETING_WORD, VISIT_WORD, INSTRUMENT_WORD ... in events/view.ts, told in one scan)
  const { meetingWord, roundWord, visitWord, instrumentWord } = v;
  const conferenceWord = v.orgs.length > 0 || v.copWord;
  if (!meetingWord && !visitWord && !conferenceWord && !instrumentWord && !roundWord && s.kind !== "caption") {
    // no finder runs (each is gated by one of these tests, and every other anchor needs a meeting or visit):
    // only the state a sentence without events hands on
    handOn(v, f);
    return;
  }
  // (made when first needed: most sentences that get this far state no meeting on the visit before)
  let visitOccasions: Map<MeetingAnchor, ExtractedEvent> | undefined;
  const found = meetingWord ? findMeetings(v, f.previousSubject) : [];
  // a meeting "during the visit" whose parties the sentence does not name: the visit of the sentence before
  const previousVisit = f.previousVisit;
  for (const m of found) {
    if (m.parties.length >= 2) continue;
    if (previousVisit) {
      m.parties = previousVisit.countries;
      visitOccasions ??= new Map();
      visitOccasions.set(m, previousVisit);
    }
  }
  for (let i = found.length - 1; i >= 0; i--) if (found[i]!.parties.length < 2) found.splice(i, 1);
  const visits = visitWord ? findVisits(v, f.cityMap, f.previousSubject) : [];
  const conferences = conferenceWord ? findConferences(v, f.cityMap) : [];
  const instruments = instrumentWord ? findInstruments(v) : [];
  if (
    !found.length &&
    !visits.length &&
    !conferences.length &&
    !instruments.length &&
    s.kind !== "caption" &&
    !(roundWord && NEGOTIATION_WORD.test(v.text)) &&
    !(v.meetingsWord && separateMeetings(v, []).length)
  ) {
    // no anchor found (a third of the sentences with a trigger word): no link, trip meeting, visit meeting or
    // date to work out; the only events left, one meeting each with several counterparts and negotiation
    // rounds, were looked for just above.
    handOn(v, f);
    return;
  }
  const evidence = { start: s.start, end: s.end, text: s.text };
  const meetings = found.filter((m) => !m.plural && m.level);
  meetings.push(...enumeratedOccasions(v, found));
  if (s.kind === "caption") meetings.push(...captionMeetings(v));

  const links = linkAnchors(v, meetings, visits, conferences, instruments);
  const dateOf = dateAnchors(v, f, links, visits, conferences, instruments);
  const events: ExtractedEvent[] = [];
  meetingEvents(v, f, links, visitOccasions, conferences, dateOf, evidence, events);
  for (const vi of visits) {
    events.push({
      type: "visit",
      countries: visitParties(vi.from, vi.host),
      date: dateOf.get(vi) ?? null,
      location: vi.host,
      place: vi.place,
      participants: names(vi.visitors),
      evidence,
    });
  }
  for (const c of conferences) events.push(conferenceEvent(c, dateOf.get(c) ?? null, evidence));
  if (roundWord && NEGOTIATION_WORD.test(v.text)) negotiationEvents(v, evidence, events);
  instrumentEvents(v, f, instruments, dateOf, evidence, events);
  fileEvents(f, events);
  handOnEvents(v, f, events);
}

/** How a sentence's anchors hang together. */
interface Links {
  /** the sentence's meetings, with those its visits, trips and counterpart lists add */
  meetings: MeetingAnchor[];
  /** a meeting held during a visit, or a visit made for it */
  linkedVisit: Map<MeetingAnchor, VisitAnchor>;
  /** anchors of one group share a date (a meeting and the visit it was held on) */
  groupOf: Map<Anchor, number>;
  /** "held summit meetings with A and B": the meetings of one occasion */
  separate: MeetingAnchor[][];
}

/** Links a sentence's meetings and visits, and adds the meetings its visits, trips and lists of counterparts hold. */
function linkAnchors(
  v: SentenceView,
  meetings: MeetingAnchor[],
  visits: VisitAnchor[],
  conferences: ConferenceAnchor[],
  instruments: InstrumentAnchor[],
): Links {
  // links: a meeting held during a visit, a visit made for a meeting, a visitor who takes part
  let group = 0;
  const groupOf = new Map<Anchor, number>();
  // (the four lists in turn, without a spread copy of them)
  for (const list of [meetings, visits, conferences, instruments]) for (const a of list) groupOf.set(a, group++);
  const linkedVisit = new Map<MeetingAnchor, VisitAnchor>();
  if (visits.length) linkVisits(v, meetings, visits, linkedVisit, groupOf);
  // the sentence's subject takes part in the compound meetings it reports ("Prime Minister A explained that at the Japan-X Summit Meeting ...")
  // (only the compound meetings use it: without a meeting, no search)
  let firstAnchor = v.text.length;
  for (const m of meetings) if (m.start < firstAnchor) firstAnchor = m.start;
  for (const x of visits) if (x.start < firstAnchor) firstAnchor = x.start;
  const subject = meetings.length ? v.persons.find((p) => p.end <= firstAnchor && !inPrepPhrase(v, p)) : undefined;
  if (subject?.country) {
    for (const m of meetings) {
      if (
        m.compound &&
        subject.end <= m.start &&
        m.parties.includes(subject.country) &&
        !m.participants.includes(subject)
      )
        m.participants.unshift(subject);
    }
  }
  // "A held summit meetings with President B of X and President C of Y": one meeting each
  // (its "... meetings with" holds MEETINGS_WORD: without it, no search)
  const separate = v.meetingsWord ? separateMeetings(v, meetings) : [];
  for (const series of separate) meetings.push(...series);
  // "A visited X and Y and held meetings with King B and the Emir of Y (respectively)": one meeting per host
  const trip = tripMeetings(v, visits, meetings);
  for (const m of trip.replaced) {
    // "... and met A, B and C respectively": the trip's meetings stand for the one read with A alone
    meetings.splice(meetings.indexOf(m), 1);
    linkedVisit.delete(m);
  }
  for (const m of trip.made) {
    meetings.push(m.anchor);
    linkedVisit.set(m.anchor, m.visit);
    groupOf.set(m.anchor, groupOf.get(m.visit)!);
  }
  if (visits.length) visitMeetings(v, meetings, visits, linkedVisit, groupOf);
  return { meetings, linkedVisit, groupOf, separate };
}

/** A meeting held during a visit, or a visit made for a meeting: linked (one date, the host's place). */
function linkVisits(
  v: SentenceView,
  meetings: MeetingAnchor[],
  visits: VisitAnchor[],
  linkedVisit: Map<MeetingAnchor, VisitAnchor>,
  groupOf: Map<Anchor, number>,
): void {
  for (const m of meetings) {
    for (const vi of visits) {
      const after = v.text.slice(m.end, vi.start);
      const afterVisit = v.text.slice(vi.destEnd, m.start);
      const during =
        /^\s*(?:,\s*)?(?:held\s+)?(?:during|on\s+the\s+occasion\s+of|at\s+the\s+time\s+of|in\s+conjunction\s+with)\s+(?:the\s+|his\s+|her\s+)?(?:[A-Z][\w.’'-]*\s+|of\s+|for\s+){0,5}$/.test(
          after,
        );
      const forMeeting =
        vi.destEnd <= m.start &&
        /^(?:\s+in\s+[^,;]{1,25}?)?\s*,?\s*(?:for|to\s+attend|to\s+hold|to\s+participate\s+in|where\s+(?:he|she|they)\s+held|and\s+held|holding|at\s+which)\s+(?:the\s+|a\s+)?(?:historic\s+|first\s+)?(?:meeting\s+of\s+the\s+)?$/i.test(
          afterVisit,
        );
      const andHeld =
        vi.destEnd <= m.start &&
        !m.compound &&
        /^(?:\s+(?:in|on)\s+[^,;]{1,25}?)?\s*,?\s*(?:and|where\s+(?:he|she|they))\s*$/i.test(afterVisit);
      const shared =
        vi.visitors.some((p) => m.participants.some((q) => q.name === p.name)) &&
        ((m.end <= vi.start && vi.start - m.end < 160) || (vi.destEnd <= m.start && m.start - vi.destEnd < 160));
      const occasion = vi.destEnd <= m.start && OCCASION.test(v.text.slice(m.end, m.end + 40));
      // a call or video conference is held from home: no visit is its occasion; "another" meeting is a later one
      if (m.modality !== "in_person" || m.laterStep) continue;
      if (during || forMeeting || andHeld || shared || occasion) {
        linkedVisit.set(m, vi);
        groupOf.set(m, groupOf.get(vi)!);
      }
    }
  }
}

/** The meetings a sentence's visits hold without a meeting anchor of their own: added, linked to their visit. */
function visitMeetings(
  v: SentenceView,
  meetings: MeetingAnchor[],
  visits: VisitAnchor[],
  linkedVisit: Map<MeetingAnchor, VisitAnchor>,
  groupOf: Map<Anchor, number>,
): void {
  // "A visited X in May and held a summit meeting": a meeting of the visitor and the host
  for (const vi of visits) {
    const held =
      VISIT_AND_HELD.exec(v.text.slice(vi.destEnd, vi.destEnd + 120)) ??
      VISIT_AND_PASSIVE.exec(v.text.slice(vi.destEnd, vi.destEnd + 120));
    if (!held) continue;
    const at = vi.destEnd + held.index + held[0].length - held[1]!.length;
    if (meetings.some((m) => m.start <= at && at < m.end + 5) || isLinked(linkedVisit, vi)) continue;
    const level = levelOfPhrase(held[1]!);
    if (!level) continue;
    const m: MeetingAnchor = {
      kind: "meeting",
      start: at,
      end: at + held[1]!.length,
      parties: visitParties(vi.from, vi.host),
      level,
      modality: modalityOf(held[1]!),
      participants: [],
      plural: false,
      compound: false,
      phrase: held[1]!,
    };
    if (m.parties.length < 2) continue;
    meetings.push(m);
    linkedVisit.set(m, vi);
    groupOf.set(m, groupOf.get(vi)!);
  }
  // "During A's visit to X ..., the two leaders agreed": a summit at the host
  // (a meeting only when the sentence states a visit: without one, no search)
  const twoLeaders =
    /\bthe\s+two\s+(leaders|prime\s+ministers|presidents|foreign\s+ministers|ministers)\s+(?:\w+\s+)?(?:agreed|confirmed|concurred|shared|reaffirmed|exchanged|discussed|determined|welcomed|affirmed|decided|held|reached|signed|issued|announced)\b/i.exec(
      v.text,
    );
  if (twoLeaders) {
    const vi = visits.find((x) => x.destEnd <= (twoLeaders.index ?? 0));
    if (vi && !meetings.some((m) => linkedVisit.get(m) === vi)) {
      const who = twoLeaders[1]!.toLowerCase();
      const level: Level = /foreign/.test(who)
        ? "foreign_ministers"
        : /^ministers$/.test(who)
          ? "ministerial"
          : "summit";
      const visitorCountries = vi.from;
      const m: MeetingAnchor = {
        kind: "meeting",
        start: twoLeaders.index ?? 0,
        end: (twoLeaders.index ?? 0) + twoLeaders[0].length,
        parties: visitParties(visitorCountries, vi.host),
        level,
        modality: "in_person",
        participants: [],
        plural: false,
        compound: false,
        phrase: twoLeaders[0],
      };
      meetings.push(m);
      linkedVisit.set(m, vi);
      groupOf.set(m, groupOf.get(vi)!);
    }
  }
}

/** The date of each of a sentence's anchors (linked ones share theirs). */
function dateAnchors(
  v: SentenceView,
  f: Flow,
  links: Links,
  visits: VisitAnchor[],
  conferences: ConferenceAnchor[],
  instruments: InstrumentAnchor[],
): Map<Anchor, string | null> {
  const { meetings, linkedVisit, groupOf, separate } = links;
  const fallback = f.fallback;
  const placed: Placed[] = [];
  for (const list of [meetings, visits, conferences, instruments])
    for (const a of list) placed.push({ anchor: a, pos: anchorPos(a), group: groupOf.get(a)!, date: null });
  // nothing placed, nothing to date
  if (placed.length) assignDates(withRelativeMonth(v, f.previousDate), placed, fallback, f.previousDate);
  const dateOf = new Map<Anchor, string | null>();
  for (const p of placed) dateOf.set(p.anchor, p.date);
  // a linked meeting and visit share one date: the visit's when the meeting has none of its own
  for (const [m, vi] of linkedVisit) {
    const dm = dateOf.get(m) ?? null;
    const dv = dateOf.get(vi) ?? null;
    if (dv && (!dm || dm === fallback)) dateOf.set(m, visitDay(v, dv));
    if (dm && (!dv || dv === fallback)) dateOf.set(vi, dm);
  }

  shareTripDates(v, visits, dateOf, fallback);
  // a stop's date shared from its trip reaches the meeting held there
  for (const [m, vi] of linkedVisit) {
    const dm = dateOf.get(m) ?? null;
    const dv = dateOf.get(vi) ?? null;
    if (dv && dv !== fallback && (!dm || dm === fallback)) dateOf.set(m, visitDay(v, dv));
  }
  // "held summit meetings with A and B" on one occasion: B's meeting shares A's date
  for (const series of separate) {
    const first = dateOf.get(series[0]!) ?? null;
    for (const m of series.slice(1)) {
      const own = dateOf.get(m) ?? null;
      if (first && (!own || own === fallback)) dateOf.set(m, first);
    }
  }
  return dateOf;
}

/** A sentence's meetings as events: date, participants, modality, place. */
function meetingEvents(
  v: SentenceView,
  f: Flow,
  links: Links,
  visitOccasions: Map<MeetingAnchor, ExtractedEvent> | undefined,
  conferences: ConferenceAnchor[],
  dateOf: Map<Anchor, string | null>,
  evidence: Evidence,
  events: ExtractedEvent[],
): void {
  const { meetings, linkedVisit } = links;
  const { readout, fallback, previousVisit, previousOccasion } = f;
  // (made when first needed, as visitOccasions: most sentences link no meeting to an occasion)
  let occasionOf = visitOccasions;
  for (const m of meetings) {
    const vi = linkedVisit.get(m);
    let date = dateOf.get(m) ?? null;
    // a readout's main meeting takes the date line's date
    if (readout && f.firstReadoutMeeting && (!date || (date.length < 10 && readout.startsWith(date)))) date = readout;
    // "Minister A then paid a courtesy call on ...", "Prior to the dialogue, ...": the day of the readout's meeting
    else if (readout && f.mainMeeting?.date === readout && (!date || date === fallback) && SAME_DAY.test(v.text))
      date = readout;
    // a trilateral or larger meeting: the leaders of its parties named in the sentence
    const rankFor = m.level === "summit" ? "head" : m.level === "foreign_ministers" ? "foreign" : null;
    const wide =
      m.compound && m.parties.length >= 3 && rankFor
        ? v.persons.filter((p) => p.country && p.rank === rankFor && m.parties.includes(p.country))
        : [];
    const participants: PersonRef[] = [];
    for (const list of [m.participants, vi ? vi.visitors : [], wide])
      for (const p of list) if (!p.country || m.parties.includes(p.country)) participants.push(p);
    const paren = /^\s*\(([^()]{1,40})\)/.exec(v.text.slice(m.end));
    const how0 = paren && /video|tele|online|virtual|phone/i.test(paren[1]!) ? paren : null;
    const how =
      /^\s*(?:\([^()]*\)\s*)?(?:was\s+|were\s+)?(?:held\s+)?(?:by|via|through|over|in\s+the\s+form\s+of)\s+(?:a\s+|an\s+)?((?:video|tele|online|virtual|phone|telephone)\w*)/i.exec(
        v.text.slice(m.end, m.end + 60),
      );
    const ev: ExtractedEvent = {
      type: "meeting",
      level: m.level!,
      modality: m.modality === "in_person" && (how0 || how) ? modalityOf((how0 ?? how)![1]!) : m.modality,
      countries: m.parties,
      date,
      location: vi?.host ?? null,
      place: vi?.place ?? null,
      participants: names(participants),
      evidence,
    };
    // "In July, A visited Japan. Prime Minister B and A held a meeting ...": the visitor meets the host on that visit
    if (
      !vi &&
      !occasionOf?.get(m) &&
      !v.dates.length &&
      m.modality === "in_person" &&
      previousVisit?.date &&
      previousVisit.countries.join() === m.parties.join() &&
      (previousVisit.participants ?? []).some((n) => participants.some((p) => p.name === n))
    ) {
      occasionOf ??= new Map();
      occasionOf.set(m, previousVisit);
    }
    const occ = occasionOf?.get(m);
    if (occ) {
      ev.location = occ.location ?? null;
      ev.place = occ.place ?? null;
      if (!ev.date || ev.date === fallback) ev.date = occ.date;
      ev.participants = [...new Set([...(ev.participants ?? []), ...(occ.participants ?? [])])];
      // "In Brasilia, A held a summit meeting with B" on a visit to Brazil: the city, when in the host country
      if (!ev.place && ev.location) {
        const where = placeIn(v, m.end, v.text.length) ?? leadingPlace(v, m.start);
        if (where?.place && where.location === ev.location) ev.place = where.place;
      }
    }
    // "A, who is visiting X, held a meeting with B in <city of X>": the city of the meeting
    if (vi) {
      const last = Math.max(m.end, ...m.participants.map((p) => p.end));
      const next = meetings.find((x) => x.start > m.end)?.start ?? v.text.length;
      const where = placeIn(v, last, next, 160);
      if (where?.place && where.location === vi.host) ev.place = where.place;
    }
    // "On the margins, A held a meeting with B": where the occasion named just before took place
    if (!vi && !occ && previousOccasion?.location && !v.dates.length && OCCASION.test(v.text)) {
      ev.location = previousOccasion.location;
      ev.place = previousOccasion.place ?? null;
    }
    // a call or video conference is held from home: no place of its own
    // "attended the APEC Leaders' Meeting in Lima, Peru, and held a summit meeting with B": where the gathering was
    if (!vi && !occ && !ev.location && ev.modality === "in_person") {
      const gathering = conferences.findLast(
        (c) => c.end <= m.start && /^[^;.]{0,40}?,?\s+and\s+(?:also\s+)?$/.test(v.text.slice(c.end, m.start)),
      );
      if (gathering?.location) {
        ev.location = gathering.location;
        ev.place = gathering.place;
      }
    }
    if (!vi && !occ && !ev.location && ev.modality === "in_person") {
      // where the next meeting in the text starts (the least start after this one: no sorted copy needed)
      let stop = v.text.length;
      for (const x of meetings) if (x.start > m.end && x.start < stop) stop = x.start;
      const where =
        placeIn(v, m.end, stop) ??
        (ev.modality === "in_person" ? (occasionCity(v, m.end, stop) ?? leadingPlace(v, m.start)) : null);
      if (where) {
        ev.location = where.location;
        ev.place = where.place;
      }
    }
    if (readout) f.firstReadoutMeeting = false;
    events.push(ev);
  }
}

/** A sentence's negotiation rounds that it dates, as events. */
function negotiationEvents(v: SentenceView, evidence: Evidence, events: ExtractedEvent[]): void {
  for (const n of negotiationRounds(v)) {
    const date =
      v.dates.find((d) => d.start >= n.end && d.value && d.kind !== "range")?.value ??
      v.dates.find((d) => d.leading && d.end <= n.start && d.value && d.kind !== "range")?.value ??
      null;
    if (!date) continue;
    const where = placeIn(v, n.end, v.text.length);
    events.push({
      type: "negotiation",
      countries: n.parties,
      date,
      location: where?.location ?? null,
      place: where?.place ?? null,
      title: n.title,
      evidence,
    });
  }
}

/** A sentence's agreements and policy releases as events: their parties (from the meeting they came out of) and date. */
function instrumentEvents(
  v: SentenceView,
  f: Flow,
  instruments: InstrumentAnchor[],
  dateOf: Map<Anchor, string | null>,
  evidence: Evidence,
  events: ExtractedEvent[],
): void {
  const { fallback, previousMeeting, mainMeeting } = f;
  for (const ins of instruments) {
    let parties = ins.parties;
    if (ins.pact) {
      // its entry into force for the country the text is about; no meeting's parties
    } else if (ins.kind === "agreement" && parties.length < 2 && !ins.multilateral) {
      // the parties of the meeting it came out of: in the sentence, or "the two leaders" of the one before
      const m =
        events.find((e) => e.type === "meeting" && parties.every((c) => e.countries.includes(c))) ??
        (ANAPHORA.test(v.text) ? (previousMeeting ?? mainMeeting) : null);
      parties = m ? m.countries : ins.fallback;
    }
    if (ins.kind === "agreement" && !ins.multilateral && !ins.pact && parties.length < 2) {
      // "... for the X project was signed in Nairobi": the host of the signing is the other party
      const where = placeIn(v, ins.end, v.text.length);
      if (where && where.location !== "JPN" && parties.every((c) => c === "JPN"))
        parties = [...new Set([...parties, where.location, "JPN"])].sort();
      // a bilateral instrument with one party named is a guess: leave it out
      if (parties.length < 2) continue;
    }
    if (ins.kind === "agreement" && parties.length === 0) continue;
    let date = dateOf.get(ins) ?? null;
    if (
      ins.kind === "agreement" &&
      date === fallback &&
      (ANAPHORA.test(v.text) ||
        /\b(?:held|had)\s+[^,;]{0,40}?\b(?:meeting|talks?|summit)\s+and\s+(?:jointly\s+)?(?:issued|signed|adopted|released|announced)\b/i.test(
          v.text,
        ))
    ) {
      // "The two ministers signed ...": the meeting of this sentence, or of the one before with the same parties
      const m =
        events.find((e) => e.type === "meeting") ??
        (previousMeeting && previousMeeting.countries.join() === parties.join() ? previousMeeting : null);
      if (m?.date) date = m.date;
    }
    // status only on agreements (two literals rather than the spread of a one-property object per instrument)
    events.push(
      ins.kind === "agreement"
        ? { type: ins.kind, countries: parties, date, title: ins.title, status: ins.status, evidence }
        : { type: ins.kind, countries: parties, date, title: ins.title, evidence },
    );
  }
}

/** Files a sentence's events into `f.out`, merging each into an earlier one that reports the same event. */
function fileEvents(f: Flow, events: ExtractedEvent[]): void {
  const { coveredYear, buckets, out } = f;
  for (const e of events) {
    if (coveredYear !== null && e.date && e.date.length === 4 && Number(e.date) > coveredYear) continue;
    // candidates share type, level and parties: one bucket each, so dedupe stays linear in practice
    let byLevel = buckets.get(e.type);
    if (!byLevel) {
      byLevel = new Map();
      buckets.set(e.type, byLevel);
    }
    let byParties = byLevel.get(e.level ?? "");
    if (!byParties) {
      byParties = { events: [], dates: [], next: null };
      byLevel.set(e.level ?? "", byParties);
    }
    const bucket = partyBucket(byParties, e.countries);
    // (the dates first, here: most candidates of a bucket are another year's or month's)
    const date = e.date ?? "";
    let k = 0;
    while (k < bucket.events.length && !(datesAgree(bucket.dates[k]!, date) && sameEvent(bucket.events[k]!, e))) k++;
    const known = bucket.events[k];
    if (known) {
      merge(known, e);
      bucket.dates[k] = known.date ?? "";
    } else {
      out.push(e);
      bucket.events.push(e);
      bucket.dates.push(date);
    }
  }
}

/** The state a sentence with events hands on: its last dated event, meeting, visit and occasion. */
function handOnEvents(v: SentenceView, f: Flow, events: ExtractedEvent[]): void {
  const fallback = f.fallback;
  // the sentence's last dated event, last meeting, last visit and last occasion, in one pass from its end
  let lastDated: ExtractedEvent | undefined;
  let lastMeeting: ExtractedEvent | undefined;
  let lastVisit: ExtractedEvent | undefined;
  let lastOccasion: ExtractedEvent | undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (!lastDated && e.date && e.date !== fallback) lastDated = e;
    if (!lastMeeting && e.type === "meeting") lastMeeting = e;
    if (!lastVisit && e.type === "visit") lastVisit = e;
    if (!lastOccasion && (e.type === "conference" || (e.type === "meeting" && e.location))) lastOccasion = e;
  }
  f.previousDate = lastDated?.date ?? (v.dates.length ? null : f.previousDate);
  // a visit stays the occasion of what follows for one sentence more ("A visited X and Y. <a sentence on X>.
  // In <city of Y>, A held a summit meeting with B.")
  if (lastVisit) {
    f.previousVisit = lastVisit;
    f.visitAge = 0;
  } else if (++f.visitAge > 1) f.previousVisit = null;
  f.previousSubject = subjectAfter(v, f.previousSubject);
  f.previousOccasion = lastOccasion ?? null;
  if (f.readout && !f.mainMeeting) f.mainMeeting = lastMeeting ?? null;
  f.previousMeeting = lastMeeting ?? null;
}

const TRIP_AND_MEETINGS =
  /^(?:\s+(?:in|on|from)\s+[^,;]{1,25}?)?(?:\s*,\s*(?:the|his|her|their|a|an)\s[^,;]{1,80}?(?=,))?\s*(?:,?\s*and\s+(?:also\s+)?held\s+((?:(?:summit|leaders['’]?|foreign\s+ministers['’]?|bilateral)\s+)*(?:meetings|talks))\s+with|,?\s*and\s+(?:also\s+)?met(?:\s+with)?|,\s*meeting(?:\s+with)?)\s+/i;
/** Between two counterparts: an optional place or date of the first, then "," or "and". */
const NEXT_SIDE = /^(?:\s+(?:in|on|at|of)\s+[^,;]{1,40}?)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)/;
/** "the Emir of Kuwait", "the President of Ghana": a head of state or government named by office and country. */
const OFFICE_OF =
  /^(?:the\s+)?(King|Queen|Emir|Amir|Sultan|President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Minister|Minister\s+(?:of|for)\s+Foreign\s+Affairs)\s+of\s+(?:the\s+)?$/;

interface Side {
  country: string | null;
  rank: Rank | null;
  person: PersonRef | null;
  start: number;
  end: number;
  /** the country of the place named right after it ("Foreign Minister A in Abu Dhabi on January 9") */
  placed: string | null;
}

/** The counterparts listed from `from`: "A, B and C", each a named person or "the <office> of <country>". */
function sidesFrom(v: SentenceView, from: number): { sides: Side[]; at: number } {
  const sides: Side[] = [];
  let at = from;
  for (let k = 0; k < 8; k++) {
    const lead = k > 0 ? NEXT_SIDE.exec(v.text.slice(at))?.[0] : "";
    if (lead === undefined) break;
    const p0 = at + lead.length;
    const person = v.persons.find((p) => p.outer === p0 || (p.start === p0 && p.outer <= p0));
    if (person) {
      sides.push({ country: person.country, rank: person.rank, person, start: p0, end: person.end, placed: null });
      at = person.end;
      continue;
    }
    const c = v.countries.find((x) => x.start > p0 && x.start - p0 < 40 && !x.adjective && !x.org);
    const office = c ? OFFICE_OF.exec(v.text.slice(p0, c.start)) : null;
    if (!c || !office) break;
    sides.push({ country: c.code, rank: rankOf(office[1]!), person: null, start: p0, end: c.end, placed: null });
    at = c.end;
  }
  sides.forEach((side, i) => {
    const stop = sides[i + 1]?.start ?? side.end + 45;
    const where = /^\s+in\s+/.test(v.text.slice(side.end)) ? placeIn(v, side.end, stop) : null;
    side.placed = where?.location ?? null;
  });
  return { sides, at };
}

/** "the leaders of each country", "the foreign ministers of all five countries", "their leaders". */
const EACH_HOST =
  /^(?:the\s+(leaders|heads\s+of\s+state|foreign\s+ministers)\s+of\s+(?:(?:each|every)\s+|all\s+(?:the\s+)?(?:\w+\s+)?|the\s+(?:\w+\s+)?|these\s+(?:\w+\s+)?)countr(?:y|ies)|(?:their|its)\s+(leaders|foreign\s+ministers))\b/i;

const SIDES_END = /^(?:\s+(?:in|on|at|of)\s+[^,;]{1,40}?)?\s*(?:[.;,]|$)/;

/**
 * "visited Saudi Arabia and Kuwait in April and held meetings with King A and the Emir of Kuwait", "visited China and
 * the ROK and held summit meetings with President A and President B respectively": the visitor met each counterpart in
 * the counterpart's country, one of the trip's stops. Counterparts by name or by office ("the Emir of Kuwait").
 */
function tripMeetings(
  v: SentenceView,
  visits: VisitAnchor[],
  meetings: MeetingAnchor[],
): { made: Array<{ anchor: MeetingAnchor; visit: VisitAnchor }>; replaced: MeetingAnchor[] } {
  const out: Array<{ anchor: MeetingAnchor; visit: VisitAnchor }> = [];
  const replaced: MeetingAnchor[] = [];
  const trips = new Map<number, VisitAnchor[]>();
  for (const vi of visits) trips.set(vi.trip, [...(trips.get(vi.trip) ?? []), vi]);
  for (const stops of trips.values()) {
    const last = stops.reduce((a, b) => (b.destEnd > a.destEnd ? b : a));
    const held = TRIP_AND_MEETINGS.exec(v.text.slice(last.destEnd, last.destEnd + 120));
    if (!held) continue;
    const from = last.destEnd + held.index + held[0].length;
    const read = meetings.filter((m) => m.start >= last.destEnd && m.start < from + 5);
    if (isUnreal(v.text, from - held[0].length, from)) continue;
    const { sides, at } = sidesFrom(v, from);
    // a meeting already read there stands, unless the counterparts are several
    if (read.length && sides.length < 2) continue;
    const each = EACH_HOST.exec(v.text.slice(from));
    if (!sides.length && each && SIDES_END.test(v.text.slice(from + each[0].length))) {
      // "... and held summit meetings with the leaders of each country": one meeting at every stop
      const visitor = last.visitors[0] ?? null;
      const who = each[1] ?? each[2] ?? "";
      const rank: Rank | null = /leaders|heads/i.test(who) ? "head" : /foreign/i.test(who) ? "foreign" : null;
      const level = levelOfPhrase(held[1] ?? "") ?? (visitor?.rank && rank ? levelOfRanks(visitor.rank, rank) : null);
      if (!level || level === "other") continue;
      for (const stop of stops) {
        const parties = visitParties(stop.from, stop.host);
        if (parties.length < 2) continue;
        const anchor: MeetingAnchor = {
          kind: "meeting",
          start: from,
          end: from + each[0].length,
          parties,
          level,
          modality: "in_person",
          participants: [],
          plural: false,
          compound: false,
          phrase: held[1] ?? "",
        };
        out.push({ anchor, visit: stop });
      }
      continue;
    }
    if (!sides.length) continue;
    const respectively = /^\s*,?\s*respectively\b/i.test(v.text.slice(at));
    if (!respectively && !SIDES_END.test(v.text.slice(at))) continue;
    const phrase = held[1] ?? "";
    const visitor = last.visitors[0] ?? null;
    const before = out.length;
    sides.forEach((side, i) => {
      // the counterpart's country, else the stop where the text places the meeting
      const byCountry =
        stops.find((x) => x.host === side.country) ?? stops.find((x) => side.placed && x.host === side.placed);
      const stop = byCountry ?? (respectively && !side.country && sides.length === stops.length ? stops[i] : undefined);
      if (!stop) return;
      const level =
        levelOfPhrase(phrase) ?? (visitor?.rank && side.rank ? levelOfRanks(visitor.rank, side.rank) : null);
      const parties = visitParties(stop.from, stop.host);
      if (!level || parties.length < 2) return;
      out.push({
        anchor: {
          kind: "meeting",
          start: side.start,
          end: side.end,
          parties,
          level,
          modality: "in_person",
          participants: side.person ? [side.person] : [],
          plural: false,
          compound: false,
          phrase,
        },
        visit: stop,
      });
    });
    if (out.length > before) replaced.push(...read.filter((m) => !replaced.includes(m)));
  }
  return { made: out, replaced };
}

export const HELD_MEETINGS_WITH =
  /\b(?:held|had)\s+(?:separate\s+|individual\s+)?((?:(?:summit|leaders['’]?|foreign\s+ministers['’]?|bilateral)\s+)*meetings)\s+with\s+/gi;

/**
 * "A held summit meetings with President B of X and President C of Y" (no trip in the sentence): one meeting with each
 * counterpart, when there are two or more and each has a country of their own.
 */
function separateMeetings(v: SentenceView, meetings: MeetingAnchor[]): MeetingAnchor[][] {
  const all: MeetingAnchor[][] = [];
  for (const m of allMatches(v.text, HELD_MEETINGS_WITH)) {
    const start = m.index ?? 0;
    const from = start + m[0].length;
    if (meetings.some((x) => x.start < from && start < x.end)) continue;
    if (isUnreal(v.text, start, from)) continue;
    const subject = subjectBefore(v, start, 170);
    if (!subject?.country || !subject.rank) continue;
    const { sides, at } = sidesFrom(v, from);
    if (sides.length < 2 || !SIDES_END.test(v.text.slice(at))) continue;
    const countries = sides.map((x) => x.country);
    if (countries.some((c) => !c || c === subject.country) || new Set(countries).size !== countries.length) continue;
    const out: MeetingAnchor[] = [];
    all.push(out);
    for (const side of sides) {
      const level = levelOfPhrase(m[1]!) ?? (side.rank ? levelOfRanks(subject.rank, side.rank) : null);
      if (!level) continue;
      out.push({
        kind: "meeting",
        start: side.start,
        end: side.end,
        parties: sortCodes([subject.country, side.country!]),
        level,
        modality: "in_person",
        participants: side.person ? [subject, side.person] : [subject],
        plural: false,
        compound: false,
        phrase: m[1]!,
      });
    }
  }
  return all.filter((x) => x.length);
}

function conferenceEvent(
  c: ConferenceAnchor,
  date: string | null,
  evidence: ExtractedEvent["evidence"],
): ExtractedEvent {
  return {
    type: "conference",
    countries: [],
    date,
    location: c.location,
    place: c.place,
    title: c.title,
    organization: c.organization,
    evidence,
  };
}

/** "Prime Minister A, right, and President B at the Joint Press Conference (November 13, Yokohama, Japan; photo: ...)" */
function captionMeetings(v: SentenceView): MeetingAnchor[] {
  const people = v.persons.filter((p) => p.country && p.rank);
  if (people.length < 2) return [];
  const a = people[0]!;
  const b = people.find((p) => p.country !== a.country);
  if (!b || !a.rank || !b.rank) return [];
  if (!/\(/.test(v.text) || !v.dates.some((d) => d.kind === "day" || d.kind === "month")) return [];
  return [
    {
      kind: "meeting",
      start: a.start,
      end: b.end,
      parties: sortCodes([a.country!, b.country!]),
      level: levelOfRanks(a.rank, b.rank),
      modality: "in_person",
      participants: [a, b],
      plural: false,
      compound: false,
      phrase: v.text.slice(a.start, b.end),
    },
  ];
}

const OCCASION_LIST = new RegExp(
  `^\\s+(?:were|have\\s+been|had\\s+been)\\s+held\\s+(${NUMBER_SRC}|twice|thrice)(?:\\s+times)?(?:\\s+in\\s+\\d{4})?`,
  "i",
);
const OCCASION_ITEM =
  /(?:^\s*|,\s*(?:and\s+)?|\s+and\s+)(?:at|during|on\s+the\s+occasion\s+of)\s+(.+?)(?=,\s*(?:and\s+)?(?:at|during|on\s+the)\s|\s+and\s+(?:at|during|on\s+the)\s|[.;]?$)/g;

/**
 * "The Japan-X Foreign Ministers' Meetings were held three times in 2022 at A in March, during B in
 * August, and at C in November": one meeting per dated occasion, when the list names them all.
 */
function enumeratedOccasions(v: SentenceView, found: MeetingAnchor[]): MeetingAnchor[] {
  const out: MeetingAnchor[] = [];
  for (const m of found) {
    if (!m.plural || !m.level || !m.compound) continue;
    const head = OCCASION_LIST.exec(v.text.slice(m.end));
    if (!head) continue;
    const n = parseNumber(head[1]!.replace(/^twice$/i, "two").replace(/^thrice$/i, "three"));
    const from = m.end + head[0].length;
    const items: MeetingAnchor[] = [];
    for (const it of allMatches(v.text.slice(from), OCCASION_ITEM)) {
      const start = from + (it.index ?? 0);
      const end = start + it[0].length;
      const dated = v.dates.some((d) => d.start >= start && d.end <= end && (d.kind === "day" || d.kind === "month"));
      if (!dated) return out;
      items.push({
        ...m,
        start: start + Math.max(0, it[0].search(/\b(?:at|during|on)\b/)),
        end,
        plural: false,
        participants: [],
      });
    }
    if (n !== null && items.length === n) out.push(...items);
  }
  return out;
}

const ROUND =
  /\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|\d+(?:st|nd|rd|th))\s+round\s+of\s+(?:the\s+)?negotiations?\s+(?:on|for|toward|towards)\s+(?:the\s+|a\s+)?([^,;]+?)\s+(?:was|were)\s+held\b/gi;

/** "The first round of the Japan-X investment agreement negotiations was held": the instrument before "negotiations". */
const ROUND_OF_THE =
  /\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|\d+(?:st|nd|rd|th))\s+round\s+of\s+the\s+([^,;]+?)\s+negotiations\s+(?:was|were)\s+held\b/gi;
/** "The Japan-X EPA negotiations continued, with the 6th round held in Tokyo in November." */
const WITH_ROUND =
  /\b(?:the\s+)?([^,;]+?)\s+negotiations\s+(?:continued|progressed|advanced|were\s+under\s?way)\s*,?\s+with\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|\d+(?:st|nd|rd|th))\s+round\s+(?:being\s+)?held\b/gi;

/** "The 14th round of negotiations on the Japan-China-ROK FTA was held in Tokyo in December." */
function negotiationRounds(v: SentenceView): Array<{ start: number; end: number; parties: string[]; title: string }> {
  const out: Array<{ start: number; end: number; parties: string[]; title: string }> = [];
  for (const re of [ROUND, ROUND_OF_THE, WITH_ROUND]) {
    for (const m of allMatches(v.text, re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (isUnreal(v.text, start, end)) continue;
      const titleStart = start + m[0].indexOf(m[1]!);
      // the instrument's name: from its parties' compound ("the Japan-Colombia EPA")
      const chain = v.chains.find((c) => c.start >= titleStart && c.end <= titleStart + m[1]!.length);
      if (!chain) continue;
      const title = v.text.slice(chain.start, titleStart + m[1]!.length).trim();
      out.push({ start, end, parties: chain.codes, title: re === ROUND ? m[1]!.trim() : title });
    }
  }
  return out;
}
