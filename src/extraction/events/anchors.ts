/**
 * Anchors: the places in one sentence where an event is stated, before dates, parties and
 * links are resolved. One finder per event shape; each is a general syntactic frame.
 */
import type { AgreementStatus, Level, Modality } from "../../model/types.js";
import { isSpace } from "../chars.js";
import { allMatches, hasFoldedAt, sortCodes } from "../matches.js";
import {
  HABITUAL,
  levelOfPhrase,
  levelOfRanks,
  modalityOf,
  NUMBER_SRC,
  PLAN_AFTER,
  PLAN_AFTER_WORD,
  PLAN_BEFORE,
  rankOf,
} from "./lexicon.js";
import type { PersonRef, SentenceView, Span } from "./view.js";

export interface MeetingAnchor extends Span {
  kind: "meeting";
  parties: string[];
  level: Level | null;
  modality: Modality;
  participants: PersonRef[];
  /** plural head ("meetings"): a reference to several, not one occurrence */
  plural: boolean;
  /** true when parties came from a "Japan-X" compound */
  compound: boolean;
  phrase: string;
  /** a later meeting of the same pair ("and another in Honolulu in November"): its date is its own, never lent */
  laterStep?: boolean;
}

export interface VisitAnchor extends Span {
  kind: "visit";
  visitors: PersonRef[];
  /** the visitors' countries (also when the text names the visitor by office alone) */
  from: string[];
  host: string;
  place: string | null;
  /** end of the destination name */
  destEnd: number;
  /** where the verb of the trip stands: the destinations of one trip share it */
  trip: number;
}

export interface ConferenceAnchor extends Span {
  kind: "conference";
  title: string;
  organization: string | null;
  location: string | null;
  place: string | null;
}

export interface InstrumentAnchor extends Span {
  kind: "agreement" | "policy_release";
  title: string;
  status: AgreementStatus | null;
  /** the parties the sentence names */
  parties: string[];
  /** the parties to use when no meeting of the sentence or the one before tells them */
  fallback: string[];
  /** an instrument of an organization (TPP Agreement): its parties are not filled in */
  multilateral: boolean;
  /** a later step of the instrument named just before ("..., which was signed in October"): its date is its own */
  laterStep?: boolean;
  /** a multilateral trade pact named by its organization ("the CPTPP"): its party is the country the section is about */
  pact?: boolean;
}

export type Anchor = MeetingAnchor | VisitAnchor | ConferenceAnchor | InstrumentAnchor;

// ---------------------------------------------------------------------------
// helpers

const MEETING_WORDS =
  "(?:first|second|third|fourth|fifth|\\d+(?:st|nd|rd|th)|joint|annual|summit|leaders['’]?|foreign|defen[cs]e|ministers['’]?|ministerial|vice[- ]?ministerial|vice[- ]?ministers['’]?|vice[- ]?foreign|high[- ]level|director[- ]general(?:[- ]level)?|working[- ]level|economic|strategic|security|policy|consultative|video|telephone|tele-?conference|online|virtual|and|trade|political|senior|officials['’]?|level|bilateral|informal|trilateral|plus|foreign\\s+and\\s+defen[cs]e|meetings?|talks?|calls?|conversations?|consultations?|dialogues?|summits?|committee|conference|2\\s*\\+\\s*2|\\(2\\s*\\+\\s*2\\)|[“\"]2\\s*\\+\\s*2[”\"]|[“\"]?economic\\s+2\\s*\\+\\s*2[”\"]?)";
const MEETING_RUN = new RegExp(`^\\s*(?:\\([^()]{1,25}\\)\\s*)?((?:${MEETING_WORDS}\\s*)+)`, "i");
const MEETING_HEAD =
  /\b(meetings?|talks?|calls?|conversations?|consultations?|dialogues?|summits?|committee|2\s*\+\s*2|tele-?conference|video\s+conference)\b/i;
const PLURAL_HEAD = /\b(?:meetings|calls|conversations|dialogues|summits|conferences)\b/i;
const MEETING_HEADS = new RegExp(MEETING_HEAD.source, "gi");
/** "B, who was visiting Japan for (the)" right before a compound meeting. */
const VISITING_FOR =
  /\bwho\s+(?:is|are|was|were)\s+(?:currently\s+)?visiting\s+[^,;]{1,40}?\s+(?:for|to\s+attend|to\s+participate\s+in)\s+(?:the\s+)?$/i;
const HELD_TIMES = new RegExp(
  `^\\s+(?:was|were|has\\s+been|have\\s+been)\\s+held\\s+(?:${NUMBER_SRC}\\s+times|twice|thrice)`,
  "i",
);

/** The `n` characters before `pos`, after the last ";" or ". " among them. */
function before(text: string, pos: number, n = 90): string {
  const lo = Math.max(0, pos - n);
  // the last ";" in [lo, pos) and the last ". " inside it, looked for in the text (no window copy to search)
  const semi = pos > lo ? text.lastIndexOf(";", pos - 1) : -1;
  const stop = pos - 2 >= lo ? text.lastIndexOf(". ", pos - 2) : -1;
  const cut = Math.max(semi >= lo ? semi : -1, stop >= lo ? stop : -1);
  return text.slice(cut >= 0 ? cut + 1 : lo, pos);
}

/** A plan, wish, negation or habit around [start, end). */
export function isUnreal(text: string, start: number, end: number): boolean {
  return unrealBefore(text, start) || unrealAfter(text, end);
}

/** A plan, wish, negation or habit stated before `start` (isUnreal's first half). */
export function unrealBefore(text: string, start: number, pre = before(text, start, 70)): boolean {
  return UNREAL_BEFORE.test(pre);
}

/**
 * Before the event, any of: a plan or wish (PLAN_BEFORE); "leading up to (the)"; a habit ("at every Japan-U.S.
 * summit meeting", "regular summit meetings"); a negation ("no", "not", "never", "without"). Each alternative ends
 * at the end of the window, so one test of the four as alternatives says whether any of them matches, in one pass
 * over the window instead of four.
 */
const UNREAL_BEFORE = new RegExp(
  [
    PLAN_BEFORE.source,
    "\\bleading\\s+up\\s+to\\s*(?:the\\s*)?$",
    "\\b(?:every|each|any|all|regular|periodic|frequent|successive)\\s+(?:[\\w-]+\\s+){0,1}$",
    "\\b(?:no|not|never|without)\\s+(?:\\w+\\s+){0,2}$",
  ].join("|"),
  "i",
);

/** A plan, negation or habit stated after `end` (isUnreal's second half). */
export function unrealAfter(text: string, end: number): boolean {
  // (the 80 characters after the event hold neither a plan word nor a habit word after most events: one scan says so)
  const after = text.slice(end, end + 80);
  if (!AFTER_WORD.test(after)) return false;
  // "..., which had been expected in December, was held in January": the plan is the apposition's, the fact the verb's
  const window = text.slice(end, end + 60);
  if (planAfter(window) && !HELD_AFTER_ALL.test(text.slice(end, end + 100))) return true;
  // "has held summit meetings with Australia almost every year since 2007": a habit
  if (HABIT_WORD.test(after) && HABIT_AFTER.test(after)) return true;
  return false;
}

const HELD_AFTER_ALL =
  /^\s*,\s*(?:which|that)\s+[^,;.]{1,60},\s*(?:was|were)\s+(?:finally\s+|eventually\s+|instead\s+)?(?:held|realized|realised)\b/i;

const HABIT_AFTER =
  /^[^.;]{0,50}?\b(?:(?:almost\s+|nearly\s+)?every\s+(?:year|month|time)|each\s+year|annually|regularly|on\s+a\s+regular\s+basis|as\s+a\s+rule|usually)\b/i;
/**
 * A word each of HABIT_AFTER's forms holds: a window without one holds no habit. One scan for six words, cheaper
 * than HABIT_AFTER's, which tries its forms after each of the first 50 characters.
 */
const HABIT_WORD = /every|each|annual|regular|rule|usual/i;
/** PLAN_AFTER in a window after an event, tried only when the window holds one of its words (PLAN_AFTER_WORD). */
function planAfter(window: string): boolean {
  return PLAN_AFTER_WORD.test(window) && PLAN_AFTER.test(window);
}

/**
 * HABIT_WORD, or the opening of a PLAN_AFTER_WORD word: the 80 characters after an event without any hold no habit,
 * and their first 60 no plan word. (Without PLAN_AFTER_WORD's closing \b: the plan window is cut at 60 characters, so
 * a word cut there, "be" of "bear", is whole in it but not here.)
 */
const AFTER_WORD = new RegExp(`${HABIT_WORD.source}|${PLAN_AFTER_WORD.source.replace(/\\b$/, "")}`, "i");

function personsIn(v: SentenceView, start: number, end: number): PersonRef[] {
  return v.persons.filter((p) => p.start >= start && p.end <= end);
}

function personBefore(v: SentenceView, pos: number, maxGap = 140): PersonRef | null {
  let best: PersonRef | null = null;
  for (const p of v.persons) if (p.end <= pos && pos - p.end <= maxGap) best = p;
  return best;
}

const PREP_RE =
  /\b(?:for|of|with|to|by|from|on|at|in|during|under|including|between|toward|towards|about|than|welcomed|met|invited|received|thanked|visited)\s+(?:the\s+)?(?:late\s+)?$/i;

/** The person stands in a prepositional phrase or as an object ("for the late Prime Minister X", "with President Y"). */
export function inPrepPhrase(v: SentenceView, p: PersonRef): boolean {
  return PREP_RE.test(v.text.slice(Math.max(0, p.outer - 40), p.outer));
}

/** The person who acts before `pos`: the nearest one not inside a prepositional phrase ("for the late Prime Minister X"). */
export function subjectBefore(v: SentenceView, pos: number, maxGap = 200): PersonRef | null {
  for (let i = v.persons.length - 1; i >= 0; i--) {
    const p = v.persons[i]!;
    if (p.end > pos) continue;
    if (pos - p.end > maxGap) return null;
    if (inPrepPhrase(v, p)) continue;
    return p;
  }
  return null;
}

function uniqSorted(xs: Iterable<string | null | undefined>): string[] {
  // the distinct non-empty ones, sorted (one array, not four copies)
  const out: string[] = [];
  for (const x of xs) if (x && !out.includes(x)) out.push(x);
  return sortCodes(out);
}

// ---------------------------------------------------------------------------
// meetings

const LONG_TITLE =
  /^(?:(?:Mr|Ms|Dr|H\.E)\.\s+)?(?:[A-Z][\w’'-]*|of|for|the|and)(?:\s+(?:[A-Z][\w’'-]*|of|for|the|and))*\s+$/;

/** Persons after "with"/"between" that follows a meeting phrase, up to the next clause break. */
function counterparts(v: SentenceView, from: number, limit: number): PersonRef[] {
  const rest = v.text.slice(from, limit);
  const m = /^\s*(?:\([^()]*\)\s*)?(?:(?:held|was held|in\s+\w+(?:\s+\d{1,2})?,?)\s+)?(with|between|by|from)\s+/i.exec(
    rest,
  );
  if (!m) return [];
  const start = from + m[0].length;
  const stopRel = rest.slice(m[0].length).search(/;|,\s+(?:and\s+)?(?:at|during|in|on|where|which|who|while)\s/);
  const stop = stopRel < 0 ? limit : start + stopRel;
  const found = personsIn(v, start, stop);
  if (m[1]!.toLowerCase() === "between") return found.slice(0, 2);
  // "with Mr. X, President of ..., and Mr. Y" : the first, plus those joined by "and"
  const out: PersonRef[] = [];
  for (const p of found) {
    if (!out.length) {
      // a long title before the name ("High Representative of the Union for Foreign Affairs and Security Policy X")
      if (p.start - start > 60 && !(p.start - start < 120 && LONG_TITLE.test(v.text.slice(start, p.start)))) break;
      out.push(p);
      continue;
    }
    const gap = v.text.slice(out[out.length - 1]!.end, p.start);
    if (/^(?:,[^,]{0,70},)?\s*(?:,\s*)?and\s+(?:(?:[A-Z][\w.’'-]*|of|for|the)\s+){0,6}$/.test(gap)) out.push(p);
    else break;
  }
  return out;
}

/** After a meeting's counterpart and its place or date: "and with <the next counterpart>" (no verb, no clause break). */
const AND_WITH = /^(?:\s+(?:in|on|at)\s+[^,;]{1,40}?)?,?\s+and\s+(?:also\s+)?with\s+/;

const AND_ANOTHER =
  /^(?:\s+(?:in|on|at)\s+[^,;]{1,40}?)?,?\s+and\s+(another(?:\s+(?:one|meeting|summit\s+meeting|talk))?)(?:\s+(?:was|were)\s+(?:also\s+)?held)?(?=\s+(?:in|on|at|during)\s)/;

const PAIR_PLURAL =
  /\b(?:held|had)\s+(?:two\s+|three\s+)?((?:(?:summit|leaders['’]?|foreign\s+ministers['’]?|bilateral)\s+)+meetings)(?=\s+in\s)/gi;
/** "in Osaka in June", "in Bangkok on November 4": a place (a capitalized name) and then a month or day. */
const PLACE_DATE_ITEM =
  /^(\s+in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+(?:in|on)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?)/;
const NEXT_PLACE_DATE_ITEM =
  /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+(?:in|on)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?)/;

/** The subject of "X held/had/met ..." just before `pos`. */
function subjectOf(v: SentenceView, pos: number): PersonRef | null {
  const pre = v.text.slice(Math.max(0, pos - 30), pos);
  if (
    !/\b(?:held|had|hold|conducted|attended|paid|made|met)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+)?$/i.test(
      pre,
    )
  )
    return null;
  return subjectBefore(v, pos, 170);
}

function rankLevel(people: PersonRef[]): Level | null {
  if (people.length < 2) return null;
  const a = people[0]!.rank;
  const b = people[people.length - 1]!.rank;
  if (!a || !b) return null;
  return levelOfRanks(a, b);
}

/** "... consultations at the vice-ministerial level": the level stated after the meeting. */
function levelAt(text: string, from: number): Level | null {
  const m =
    /^[^.;]{0,80}?\bat\s+the\s+((?:vice[- ]ministerial|director[- ]general|working|summit|ministerial|foreign\s+ministers['’]?)[- ]?)\s*level\b/i.exec(
      text.slice(from),
    );
  return m ? levelOfPhrase(`${m[1]} level talks`) : null;
}

// findMeetings' scans (module constants: a regex literal in the function is a new object per call)
const VERB =
  /\b(?:held|had|hold|conducted)\s+(?:a\s+|an\s+|the\s+)?((?:(?:first|annual|summit|leaders['’]?|foreign\s+ministers['’]?|foreign\s+ministerial|ministerial|vice[- ]ministerial|bilateral|video|telephone|tele-?conference|online|brief|short|informal|working|courtesy)\s+)*(?:meeting|talks?|telephone\s+(?:talk|call|conversation)|video\s+(?:tele)?conference(?:\s+meeting)?|tele-?conference|call|conversation|consultations?|dialogue|summit(?:\s+meeting)?|(?:working\s+)?(?:lunch|luncheon|dinner|breakfast)(?:\s+meeting)?))(?:\s+[^,.;]{0,50}?)?\s+(?:with|between)\b|\b[Mm]et\s+(?:with\s+)?(?=(?:[A-Z]|the\s+[A-Z]|his|her))|\b(?:paid|made)\s+a\s+courtesy\s+call\s+(?:on|to)\b|\breceived\s+a\s+courtesy\s+call\s+(?:from|by)\b|\bspoke\s+(?:by|on\s+the)\s+(?:tele)?phone\s+with\b/gi;
const PAIR =
  /\b(?:held|had)\s+(?:a\s+|an\s+|the\s+|their\s+)?(?:first\s+)?((?:(?:summit|leaders['’]?|foreign\s+ministers['’]?|foreign\s+ministerial|vice[- ]ministerial|bilateral|video|telephone|tele-?conference|online|working[- ]level|director[- ]general[- ]level)\s+)*(?:meeting|talks?|telephone\s+(?:talk|call)|video\s+(?:tele)?conference|call|consultations?|dialogue|[“"']?2\s*\+\s*2[”"']?(?:\s+(?:meeting|dialogue|consultations?))?))(?:\b|(?<=[”"']))(?!\s+with)/gi;
const MET_AT =
  /\bmet\s+(?:again\s+|also\s+|briefly\s+)?(?=(?:at|on|in|during|for)\s)(?!on\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|numerous)\s+occasions)/gi;
const BETWEEN =
  /\b(?:a|an|the)\s+(?:first\s+)?((?:(?:summit|leaders['’]?|foreign\s+ministers['’]?|bilateral|video|telephone|tele-?conference|online)\s+)*(?:meeting|talks?|telephone\s+(?:talk|call|conversation)|video\s+(?:tele)?conference|call|conversation))\s+between\b/gi;
const LEVELED =
  /\b((?:vice[- ]ministerial|director[- ]general|working|summit|foreign\s+ministers['’]?|ministerial)[- ](?:level\s+)?(?:talks|meeting|consultations?|dialogue))(?:\s+between\s+[^,;]{3,60}?)?\s+(?:was\s+|were\s+)?(?:also\s+)?held\b/gi;

const MET_AGAIN = /\b(?:and\s+)?met\s+(?:him|her|them)\s+again\b/gi;
const NONE: RegExpExecArray[] = [];

/** VERB, PAIR and PAIR_PLURAL tried at one place: each match of theirs opens with one of MEETING_KEY's words. */
const VERB_AT = new RegExp(VERB.source, "iy");
const PAIR_AT = new RegExp(PAIR.source, "iy");
const PAIR_PLURAL_AT = new RegExp(PAIR_PLURAL.source, "iy");

/**
 * The whole words findMeetings' scans after the compounds need: VERB opens with one of them (any but "between"),
 * PAIR and PAIR_PLURAL with "held" or "had"; LEVELED needs "held", MET_AT and MET_AGAIN "met", BETWEEN "between".
 * One scan finds them all: VERB, PAIR and PAIR_PLURAL are then tried only where such a word opens, the others only
 * when their word is in the sentence.
 */
const MEETING_KEY = /\b(?:(held|had)|(met)|(between)|hold|conducted|paid|made|received|spoke)\b/gi;

interface MeetingKeys {
  /** where each of the words opens, in text order */
  at: number[];
  /** where "held" or "had" opens */
  heldOrHad: number[];
  held: boolean;
  /** where the last "held" opens (-1: none) */
  lastHeld: number;
  met: boolean;
  between: boolean;
}

function meetingKeys(text: string): MeetingKeys {
  const keys: MeetingKeys = { at: [], heldOrHad: [], held: false, lastHeld: -1, met: false, between: false };
  MEETING_KEY.lastIndex = 0;
  for (let m = MEETING_KEY.exec(text); m !== null; m = MEETING_KEY.exec(text)) {
    keys.at.push(m.index);
    if (m[1] !== undefined) {
      keys.heldOrHad.push(m.index);
      if (m[1].length === 4) {
        keys.held = true;
        keys.lastHeld = m.index;
      }
    } else if (m[2] !== undefined) keys.met = true;
    else if (m[3] !== undefined) keys.between = true;
  }
  return keys;
}

/**
 * What allMatches(text, <the global form of `sticky`>) finds when no match can open anywhere but at `starts`
 * (ascending): the match at each start after the end of the one before. `sticky` has the y flag; its matches are
 * never empty.
 */
function matchesAt(text: string, sticky: RegExp, starts: number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of starts) {
    if (p < from) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      from = p + m[0].length;
    }
  }
  return out;
}

/**
 * The length of the "with", "between" or "from" (any case) that ends `s`, or 0: what /(?:with|between|from)$/i
 * finds, read in place (no regex, no match array).
 */
function linkAtEnd(s: string): number {
  const n = s.length;
  if (hasFoldedAt(s, n - 4, "with") || hasFoldedAt(s, n - 4, "from")) return 4;
  return hasFoldedAt(s, n - 7, "between") ? 7 : 0;
}

/**
 * The `starts` that no span of `spans` holds. PAIR and PAIR_PLURAL try their matches only there: a match that opens
 * inside a meeting found already overlaps it and is dropped, and skipping the start changes nothing else, since no
 * match of theirs (a verb, then fixed words: articles, levels, heads) can hold another "held" or "had" after its first
 * word, so the starts matchesAt tries after it are the same.
 */
function startsOutside(starts: number[], a: readonly Span[], b: readonly Span[] = NO_SPANS): number[] {
  // (a copy only once a start is dropped: most sentences have one "held" or "had" and no meeting over it)
  let kept: number[] | null = null;
  for (let i = 0; i < starts.length; i++) {
    const p = starts[i]!;
    if (holds(a, p) || holds(b, p)) kept ??= starts.slice(0, i);
    else kept?.push(p);
  }
  return kept ?? starts;
}

const NO_SPANS: readonly Span[] = [];

function holds(spans: readonly Span[], p: number): boolean {
  for (const s of spans) if (s.start <= p && p < s.end) return true;
  return false;
}

/** `previousSubject`: the person the sentence before is about, for "In Jordan, she paid a courtesy call on ...". */
export function findMeetings(v: SentenceView, previousSubject: PersonRef | null = null): MeetingAnchor[] {
  const out: MeetingAnchor[] = [];
  const { text } = v;
  const taken: Span[] = [];
  const keys = meetingKeys(text);
  // (each kind of statement is read by a function of its own: as one function of ~9 KB of bytecode, TurboFan
  // took 100-280 ms to compile findMeetings)
  compoundMeetings(v, taken, out);
  verbMeetings(v, keys, taken, out, previousSubject);
  pairMeetings(v, keys, taken, out);
  pairPluralMeetings(v, keys, out);
  metMeetings(v, keys, out);
  metAgainMeetings(v, keys, out);
  betweenMeetings(v, keys, taken, out);
  leveledMeetings(v, keys, taken, out);
  return out;
}

/**
 * 1. compounds: "the Japan-U.S. Summit Video Teleconference Meeting"
 */
function compoundMeetings(v: SentenceView, taken: Span[], out: MeetingAnchor[]): void {
  const { text } = v;
  for (const c of v.chains) {
    const m = MEETING_RUN.exec(text.slice(c.end));
    if (!m) continue;
    let run = m[1]!;
    // the run must end on a meeting head ("Japan-U.S. Security Arrangements" has none)
    const heads = allMatches(run, MEETING_HEADS);
    if (!heads.length) continue;
    const lastHead = heads[heads.length - 1]!;
    run = run.slice(0, (lastHead.index ?? 0) + lastHead[0].length);
    let end = c.end + m[0].length - m[1]!.length + run.length;
    const paren = /^\s*\((?:2\s*\+\s*2|[^()]{1,20}2\s*\+\s*2)\)/.exec(text.slice(end));
    if (paren) end += paren[0].length;
    const phrase = text.slice(c.start, end);
    const headWord = lastHead[0].toLowerCase();
    if (/^(?:committee|conference)$/.test(headWord) && !/consultative|2\s*\+\s*2/i.test(phrase)) continue;
    // "Meetings", or "the X Meeting was held twice": several occurrences, a count
    const plural =
      (PLURAL_HEAD.test(lastHead[0]) && !/\btalks\b/i.test(lastHead[0])) || HELD_TIMES.test(text.slice(end, end + 50));
    if (isUnreal(text, c.start, end)) continue;
    // "B, who was visiting Japan for the Japan-X Security Consultative Committee": the purpose of a visit the
    // sentence mentions in passing, not the meeting it reports
    if (VISITING_FOR.test(before(text, c.start, 90))) continue;
    const subject = subjectOf(v, c.start);
    const objs = counterparts(v, end, text.length);
    const participants = [...(subject ? [subject] : []), ...objs];
    let level = levelOfPhrase(phrase.slice(c.end - c.start));
    if (!level) level = rankLevel(participants);
    // "Vice-Minister A held the Japan-China Strategic Dialogue": a dialogue or consultations between counterparts,
    // at the rank of the one who held it
    if (!level && subject?.rank && participants.length === 1 && /^(?:dialogues?|consultations?)$/.test(headWord))
      level = levelOfRanks(subject.rank, subject.rank);
    out.push({
      kind: "meeting",
      start: c.start,
      end,
      parties: c.codes,
      level,
      modality: modalityOf(phrase),
      participants,
      plural,
      compound: true,
      phrase,
    });
    taken.push({ start: c.start, end });
  }
}

/**
 * 2. "X held a telephone talk / meeting / talks with Y", "X met (with) Y", "had a talk with"
 */
function verbMeetings(
  v: SentenceView,
  keys: MeetingKeys,
  taken: Span[],
  out: MeetingAnchor[],
  previousSubject: PersonRef | null,
): void {
  const { text } = v;
  for (const m of matchesAt(text, VERB_AT, keys.at)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    // "held summit meetings with X": several meetings, a count or a habit, not one occurrence
    if (/\b(?:meetings|summits|calls|conversations)\b/i.test(m[0])) continue;
    let subject = subjectBefore(v, start, 170);
    if (!subject && previousSubject) {
      // the pronoun that opens the sentence (after a leading phrase) stands for the subject of the one before
      const pro = /(?:^\s*|^[^,;]{0,40},\s*)(he|she)\s+(?:also\s+|then\s+|later\s+)?$/i.exec(text.slice(0, start));
      if (pro) {
        const at = pro[0].length - pro[0].slice(pro[0].search(/(?:he|she)\s+(?:also\s+|then\s+|later\s+)?$/i)).length;
        subject = { ...previousSubject, start: at, end: at + pro[1]!.length, outer: at };
      }
    }
    const objs = counterparts(v, end - linkAtEnd(m[0]), text.length);
    let obj = objs[0] ?? null;
    if (!obj) {
      // "met Prime Minister X" without "with": the next person right after
      const next = v.persons.find((p) => p.start >= end && p.start - end < 60);
      if (next) obj = next;
    }
    // "received a courtesy call from A and B": every counterpart joined by "and"
    const others = objs.length > 1 ? objs : obj ? [obj] : [];
    const participants = [...(subject ? [subject] : []), ...others];
    const phrase = m[1] ?? m[0];
    let level = levelOfPhrase(phrase) ?? levelAt(text, end);
    // the counterpart may be named only by office: "held talks with State Minister for Foreign Affairs"
    let otherRank = obj?.rank ?? null;
    let objCountry = obj?.country ?? null;
    if (obj && !objCountry) {
      // a counterpart whose country the finders could not tell: the one other country the sentence names
      const others = uniqSorted(
        v.countries.filter((c) => !c.adjective && !c.org && c.code !== subject?.country).map((c) => c.code),
      );
      if (others.length === 1) objCountry = others[0]!;
    }
    if (!obj) {
      const after = text.slice(end, end + 80);
      const title = /^\s*(?:the\s+)?((?:[A-Z][\w’'-]*|of|for)(?:\s+(?:[A-Z][\w’'-]*|of|for))*)/.exec(after);
      if (title) {
        const role = title[1]!;
        otherRank = rankOf(role);
        const c = v.countries.find((x) => x.start >= end && x.start < end + 80);
        objCountry = c?.code ?? null;
      }
      if (!otherRank) {
        // "met with Canada", "held a telephone talk with the U.S."
        const c = v.countries.find((x) => x.start >= end && x.start - end < 12);
        if (c) objCountry = c.code;
      }
    }
    if (!level && subject?.rank && otherRank) {
      level = levelOfRanks(subject.rank, otherRank);
      // counterparts of different ranks (a foreign and a defence secretary): the sides differ
      if (others.some((p) => p.rank && p.rank !== otherRank)) level = "other";
    }
    if (!level) continue;
    const parties: string[] = [];
    if (subject?.country) parties.push(subject.country);
    if (objCountry && !parties.includes(objCountry)) parties.push(objCountry);
    // the side not named is Japan's: "... held talks with State Minister for Foreign Affairs"
    if (parties.length === 1 && parties[0] !== "JPN") parties.push("JPN");
    if (parties.length < 2) continue;
    // a plan, negation or habit (asked last: the tests above are cheaper and most candidates fail one)
    if (isUnreal(text, start, end)) continue;
    out.push({
      kind: "meeting",
      start,
      end,
      parties: sortCodes(parties),
      level,
      modality: modalityOf(phrase),
      participants,
      plural: false,
      compound: false,
      phrase,
    });
    // "held a summit meeting with A in Beijing on December 23 and with B in Chengdu on December 24": a second
    // meeting of the same subject, with its own place and date
    const lastOther = others[others.length - 1];
    if (!lastOther) continue;
    // "... with B in New York in September and another in Honolulu in November": the same pair met again
    // (both scans after the counterpart need a word of their own, "another" or "with": most windows hold neither)
    const next = text.slice(lastOther.end, lastOther.end + 90);
    const another = next.includes("another") ? AND_ANOTHER.exec(next) : null;
    if (another) {
      const at = lastOther.end + another.index + another[0].length - another[1]!.length;
      out.push({ ...out[out.length - 1]!, start: at, end: at + another[1]!.length, laterStep: true });
      continue;
    }
    if (!subject?.rank || !subject.country) continue;
    const again = next.includes("with") ? AND_WITH.exec(next) : null;
    if (!again) continue;
    const withAt = lastOther.end + again.index + again[0].length;
    const second = v.persons.find((p) => p.outer === withAt);
    if (!second?.rank || !second.country || second.country === subject.country) continue;
    const level2 = levelOfPhrase(phrase) ?? levelOfRanks(subject.rank, second.rank);
    out.push({
      kind: "meeting",
      start: withAt - "with ".length,
      end: second.end,
      parties: uniqSorted([subject.country, second.country]),
      level: level2,
      modality: modalityOf(phrase),
      participants: [subject, second],
      plural: false,
      compound: false,
      phrase,
    });
  }
}

/**
 * 2a. "Japan and Canada held a summit meeting", "the two countries held ..."
 */
function pairMeetings(v: SentenceView, keys: MeetingKeys, taken: Span[], out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of matchesAt(text, PAIR_AT, startsOutside(keys.heldOrHad, taken, out))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end) || out.some((o) => o.start < end && start < o.end)) continue;
    const pre =
      /(?:^|[,;]\s*|\b(?:In|On)\s+[^,]{1,25},\s*)((?:the\s+)?[A-Z][\w.’' -]{1,40}?)\s+and\s+((?:the\s+)?[A-Z][\w.’' -]{1,40}?)\s+(?:also\s+)?$/.exec(
        text.slice(0, start),
      );
    if (!pre) continue;
    const subjStart = start - pre[0].length + pre[0].indexOf(pre[1]!);
    let parties = uniqSorted(
      v.countries.filter((c) => c.start >= subjStart && c.end <= start && !c.adjective).map((c) => c.code),
    );
    // "Prime Minister A and President B held a telephone talk": the two persons' countries
    const pair = v.persons.filter((p) => p.outer >= subjStart - 40 && p.end <= start);
    if (parties.length !== 2 && pair.length === 2) parties = uniqSorted(pair.map((p) => p.country));
    let level = levelOfPhrase(m[1]!) ?? levelAt(text, end);
    if (!level && pair.length === 2 && pair[0]!.rank && pair[1]!.rank)
      level = levelOfRanks(pair[0]!.rank, pair[1]!.rank);
    if (parties.length !== 2 || !level || isUnreal(text, start, end)) continue;
    out.push({
      kind: "meeting",
      start,
      end,
      parties,
      level,
      modality: modalityOf(m[1]!),
      participants: pair.length === 2 ? pair : [],
      plural: false,
      compound: false,
      phrase: m[1]!,
    });
  }
}

/**
 * 2e. "Prime Minister A and Prime Minister B held summit meetings in Osaka in June and in Bangkok in November":
 * one meeting per place and month listed
 */
function pairPluralMeetings(v: SentenceView, keys: MeetingKeys, out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of matchesAt(text, PAIR_PLURAL_AT, startsOutside(keys.heldOrHad, out))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end) || isUnreal(text, start, end)) continue;
    const b = v.persons.findLast((p) => p.end <= start);
    if (!b || !/^\s*(?:also\s+)?$/.test(text.slice(b.end, start))) continue;
    const a = v.persons.findLast((p) => p.end <= b.outer);
    if (!a || !/^\s*(?:,[^,;]{0,70},)?\s*and\s+(?:the\s+)?$/.test(text.slice(a.end, b.outer))) continue;
    if (!a.country || !b.country || a.country === b.country || !a.rank || !b.rank) continue;
    const level = levelOfPhrase(m[1]!) ?? levelOfRanks(a.rank, b.rank);
    const items: Span[] = [];
    let at = end;
    for (let k = 0; k < 6; k++) {
      const it = (k === 0 ? PLACE_DATE_ITEM : NEXT_PLACE_DATE_ITEM).exec(text.slice(at));
      if (!it) break;
      items.push({ start: at + it[0].length - it[1]!.trimStart().length, end: at + it[0].length });
      at += it[0].length;
    }
    if (items.length < 2 || !/^\s*(?:[.;]|,\s|$)/.test(text.slice(at))) continue;
    // each anchor stands right before its "in <place>" (the place and date are read after it)
    for (const it of items)
      out.push({
        kind: "meeting",
        start: it.start,
        end: it.start,
        parties: uniqSorted([a.country, b.country]),
        level,
        modality: "in_person",
        participants: [a, b],
        plural: false,
        compound: false,
        phrase: m[1]!,
      });
  }
}

/**
 * 2c. "Chancellor A and Prime Minister B met on the occasion of ...", "the two leaders met again at ..."
 */
function metMeetings(v: SentenceView, keys: MeetingKeys, out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of keys.met ? allMatches(text, MET_AT) : NONE) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end) || isUnreal(text, start, end)) continue;
    const two = /\bthe\s+two\s+(leaders|prime\s+ministers|presidents|foreign\s+ministers)\s+(?:have\s+|had\s+)?$/i.exec(
      text.slice(Math.max(0, start - 40), start),
    );
    if (two) {
      // the pair of the meeting named before it in the sentence
      const prior = out.findLast((o) => o.end <= start && o.parties.length === 2 && o.level);
      if (!prior) continue;
      out.push({ ...prior, start, end, modality: "in_person", plural: false, compound: false, phrase: m[0] });
      continue;
    }
    const b = v.persons.findLast((p) => p.end <= start);
    if (!b || !/^\s*(?:have\s+|had\s+)?$/.test(text.slice(b.end, start))) continue;
    const a = v.persons.findLast((p) => p.end <= b.outer);
    if (!a || !/^\s*(?:,[^,;]{0,70},)?\s*and\s+(?:the\s+)?$/.test(text.slice(a.end, b.outer))) continue;
    if (!a.country || !b.country || a.country === b.country || !a.rank || !b.rank) continue;
    out.push({
      kind: "meeting",
      start,
      end,
      parties: uniqSorted([a.country, b.country]),
      level: levelOfRanks(a.rank, b.rank),
      modality: "in_person",
      participants: [a, b],
      plural: false,
      compound: false,
      phrase: m[0],
    });
  }
}

/**
 * 2d. "... held a telephone talk with B in April and met him again in Tokyo in November": the same pair, in person
 */
function metAgainMeetings(v: SentenceView, keys: MeetingKeys, out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of keys.met ? allMatches(text, MET_AGAIN) : NONE) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end) || isUnreal(text, start, end)) continue;
    const prior = out.findLast((o) => o.end <= start && o.parties.length === 2 && o.level);
    if (!prior || /;/.test(text.slice(prior.end, start))) continue;
    out.push({ ...prior, start, end, modality: "in_person", plural: false, compound: false, phrase: m[0] });
  }
}

/**
 * 2b. "A telephone talk between Prime Minister A and President B was held in January"
 */
function betweenMeetings(v: SentenceView, keys: MeetingKeys, taken: Span[], out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of keys.between ? allMatches(text, BETWEEN) : NONE) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && start < t.end) || out.some((o) => o.start < end && start < o.end)) continue;
    if (isUnreal(text, start, end)) continue;
    const pair = counterparts(v, end - "between".length, text.length);
    if (pair.length !== 2 || !pair[0]!.rank || !pair[1]!.rank) continue;
    const parties = uniqSorted(pair.map((p) => p.country));
    if (parties.length < 2) continue;
    const held = /^[^;]{0,80}?\b(?:was|were)\s+(?:also\s+)?held\b/i.test(text.slice(pair[1]!.end));
    if (!held && !/^\s*(?:\S+\s+){0,2}$/.test(text.slice(0, start))) continue;
    out.push({
      kind: "meeting",
      start,
      end,
      parties,
      level: levelOfPhrase(m[1]!) ?? levelOfRanks(pair[0]!.rank, pair[1]!.rank),
      modality: modalityOf(m[1]!),
      participants: pair,
      plural: false,
      compound: false,
      phrase: m[1]!,
    });
  }
}

/**
 * 3. "vice-ministerial level talks held in August", "director-general level consultations were held"
 * (every match ends on a "held" after white space, which the key scan finds: the text after the last one, but for
 * the character that tells the word's end, cannot hold a match and is not searched)
 */
function leveledMeetings(v: SentenceView, keys: MeetingKeys, taken: Span[], out: MeetingAnchor[]): void {
  const { text } = v;
  for (const m of keys.held ? allMatches(text.slice(0, keys.lastHeld + 5), LEVELED) : NONE) {
    const start = m.index ?? 0;
    const end = start + m[1]!.length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    if (out.some((o) => o.start < end && start < o.end)) continue;
    if (isUnreal(text, start, end)) continue;
    const level = levelOfPhrase(m[1]!);
    if (!level) continue;
    const inSentence = uniqSorted(v.persons.map((p) => p.country));
    const named = uniqSorted(v.countries.filter((c) => !c.adjective).map((c) => c.code));
    const parties = inSentence.length >= 2 ? inSentence : named.length === 2 ? named : [];
    // "During the visit, a summit meeting was held": the parties of the visit named before
    if (parties.length < 2 && !/\b(?:during|on|at|in)\s+(?:the|this|that)\s+(?:visit|occasion|trip)\b/i.test(text))
      continue;
    out.push({
      kind: "meeting",
      start,
      end,
      parties,
      level,
      modality: modalityOf(m[1]!),
      participants: [],
      plural: false,
      compound: false,
      phrase: m[1]!,
    });
  }
}

// ---------------------------------------------------------------------------
// visits

const VISIT_TRIGGER =
  /\b(?:visited|(?:paid|pay|paying|made|make|making|is\s+making|was\s+making|made)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,5}?visits?(?:\s+with\s+[\w\s]{1,25}?)?\s+to|visits?\s+to|visits?\s+of\b|trip\s+to|travel(?:l)?ed\s+to|came\s+to|(?:is|was|are|were)\s+(?:currently\s+)?visiting|(?<=\bfirst\b[^,;.]{0,60}\bto\s)visit(?=\s))/gi;
/**
 * Where a VISIT_TRIGGER match can open: each of its forms opens with one of these words (at a word start; "is
 * making", "was visiting", "travelled to", the "visit" after "first ... to"). VISIT_TRIGGER is tried (sticky) at
 * these places only instead of at every place of the sentence, where its look-behind alternative read back up to 60
 * characters each time.
 */
const VISIT_KEY = /\b(?:visit|paid|pay|made|make|making|is|was|are|were|trip|travel|came)/gi;
const VISIT_AT = new RegExp(VISIT_TRIGGER.source, "iy");

function visitTriggers(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  VISIT_KEY.lastIndex = 0;
  for (let m = VISIT_KEY.exec(text); m !== null; m = VISIT_KEY.exec(text)) starts.push(m.index);
  return matchesAt(text, VISIT_AT, starts);
}

/**
 * Visits stated in one sentence. `previousSubject`: the person the sentence before is about, for a
 * sentence that opens with "he" or "she" ("The following month, he visited Argentina").
 */
export function findVisits(
  v: SentenceView,
  cities: Map<string, string>,
  previousSubject: PersonRef | null = null,
): VisitAnchor[] {
  const out: VisitAnchor[] = [];
  const { text } = v;
  for (const m of visitTriggers(text)) {
    const start = m.index ?? 0;
    const trig = m[0];
    let end = start + trig.length;
    const pre = before(text, start, 70);
    if (/\b(?:will|would)\s+(?:\w+\s+){0,2}$/i.test(pre)) continue;
    const windowText = text.slice(Math.max(0, start - 25), Math.min(text.length, end + 40));
    // "visited each other frequently", "frequent visits": HABITUAL and one of its stronger words (all pure tests, the
    // one that rejects most windows first: the stronger words without HABITUAL's word boundaries)
    if (HABIT_STRONG.test(windowText) && !/\bvisits?\s+of\b/i.test(trig) && HABITUAL.test(windowText)) continue;
    let visitors: PersonRef[] = [];
    let destFrom = end;
    if (/visits?\s+of$/i.test(trig)) {
      // "the visits of A and B to X"
      const to = text.slice(end).search(/\bto\s+/);
      if (to < 0 || to > 200) continue;
      visitors = personsIn(v, end, end + to);
      destFrom = end + to + 3;
    } else if (/^visits?\s+to$/i.test(trig)) {
      // "A's visit to X" or "the visit to X by A"
      const pos = before(text, start, 6);
      const poss = v.persons.find(
        (p) =>
          p.end <= start &&
          /^['’]s?\s*(?:(?:first|official|working|state|recent|latest)\s+)*$/i.test(text.slice(p.end, start)),
      );
      const pronoun = /\b(?:his|her)\s+(?:(?:first|official|working|state|recent|latest)\s+)*$/i.test(
        text.slice(Math.max(0, start - 40), start),
      );
      // "B, who is on an official visit to Japan"
      const onVisit =
        /\bwho\s+(?:is|was|are|were)\s+(?:currently\s+)?on\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}$/i.test(
          text.slice(Math.max(0, start - 50), start),
        );
      if (poss) visitors = [poss];
      else if (onVisit) {
        const p = personBefore(v, start, 130);
        if (p) visitors = [p];
      } else if (pronoun) {
        const subj = v.persons.find((p) => p.end <= start && !inPrepPhrase(v, p));
        if (subj) visitors = [subj];
        else if (
          /^\s*(?:During|On|In\s+the\s+course\s+of)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(0, start))
        ) {
          // "During his visit to Japan in October, President A held ...": the subject of the main clause
          const comma = text.indexOf(",", end);
          const main = comma >= 0 ? v.persons.find((p) => p.outer > comma && p.outer - comma < 6) : undefined;
          if (main) visitors = [main];
        }
      } else {
        const by = /^[^;]{0,60}?\bby\s+/i.exec(text.slice(end));
        if (by) {
          const p = v.persons.find((q) => q.start >= end + by[0].length && q.start - (end + by[0].length) < 30);
          if (p) visitors = [p];
        }
      }
      void pos;
    } else {
      // "A visited X", "A, who visited X", "A ... to pay an Official Visit to X", "he visited X"
      const who = /\bwho\s+(?:had\s+|has\s+|is\s+|was\s+)?(?:also\s+)?$/i.test(
        text.slice(Math.max(0, start - 20), start),
      );
      const subj = who ? personBefore(v, start, 130) : subjectBefore(v, start, 160);
      if (subj && who) visitors = [subj];
      else if (subj) {
        // the subject must not be separated by another clause's verb-object ("X met Y and visited Z" is fine)
        visitors = [subj];
        // "A and B visited": a second person joined by "and"
        const idx = v.persons.indexOf(subj);
        const prev = v.persons[idx - 1];
        if (prev && /^(?:,[^,]{0,60},)?\s+and\s+(?:\w+\s+){0,4}$/.test(text.slice(prev.end, subj.start)))
          visitors = [prev, subj];
      } else if (/\b(?:he|she)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, start - 12), start))) {
        const p = v.persons.find((q) => q.end <= start && !inPrepPhrase(v, q));
        if (p) visitors = [p];
        else if (
          previousSubject &&
          /^[^,;]{0,40},\s*(?:he|she)\s+(?:\w+\s+)?$|^\s*(?:He|She)\s+(?:\w+\s+)?$/.test(text.slice(0, start))
        ) {
          // the pronoun opens the sentence (after a leading phrase): the subject of the sentence before
          const at = text.slice(0, start).search(/\b(?:he|she)\s+(?:\w+\s+)?$/i);
          visitors = [{ ...previousSubject, start: at, end: at + 2, outer: at }];
        }
      }
    }
    // "the Prime Minister of India visited", "the Emperor and Empress visited": an office without a name
    let officeCountry: string | null = null;
    if (!visitors.length && !/^visits?\s+(?:to|of)$/i.test(trig)) {
      const office = OFFICE_VISITOR.exec(text.slice(Math.max(0, start - 80), start));
      if (office) {
        const from = start - office[0].length;
        const named = v.countries.find((c) => c.start >= from && c.end <= start && !c.org);
        officeCountry =
          named?.code ??
          (/^(?:the\s+)?(?:Prime\s+Minister|Foreign\s+Minister|Minister\s+for\s+Foreign\s+Affairs|Emperor|Their\s+Majesties)/i.test(
            office[1]!,
          )
            ? "JPN"
            : null);
      }
    }
    if (!visitors.length && !officeCountry) continue;
    // destination(s): country or city right after
    const dests = destinations(v, destFrom, cities);
    if (!dests.length) continue;
    // a plan, negation or habit (asked once the cheaper tests above have passed: they are all pure)
    if (unrealBefore(text, start, pre) || unrealAfter(text, end)) continue;
    for (const d of dests) {
      const travellers = visitors.filter((p) => p.country !== d.code);
      const visitorCountries =
        officeCountry && officeCountry !== d.code ? [officeCountry] : uniqSorted(travellers.map((p) => p.country));
      if (!visitorCountries.length) continue;
      end = Math.max(end, d.end);
      // "the visit to Japan by President X is scheduled for ...": a plan once the whole phrase is read
      let last = end;
      for (const p of visitors) if (p.end > last) last = p.end;
      const planWindow = text.slice(last, last + 60);
      if (planAfter(planWindow)) continue;
      let first = start;
      for (const p of visitors) if (p.start < first) first = p.start;
      out.push({
        kind: "visit",
        start: first,
        end: d.end,
        visitors: travellers,
        from: visitorCountries,
        host: d.code,
        place: d.place,
        destEnd: d.end,
        trip: start,
      });
    }
    // "visited Israel in August and again in December": the same trip made a second time, with its own date
    // (after the last stop: the whole trip again; after an earlier one: that stop, "Jordan in January and again in
    // August, and Israel in September"). AGAIN needs "again" (case-sensitive): most sentences have none.
    if (!text.includes("again")) continue;
    const firsts = out.filter((o) => o.trip === start);
    dests.forEach((dest, k) => {
      const again = AGAIN.exec(text.slice(dest.end, dest.end + 80));
      if (!again || isUnreal(text, dest.end, dest.end + again[0].length)) return;
      const at = dest.end + again[0].length;
      const repeated = k === dests.length - 1 ? firsts : firsts.filter((o) => o.destEnd === dest.end);
      for (const o of repeated) out.push({ ...o, start: at - "again".length, end: at, destEnd: at, trip: at });
    });
  }
  return out;
}

const HABIT_STRONG = /each other|one another|frequent|mutual|regular|repeatedly|series of|numerous/i;

/** After a trip's date: "and again" before a second date ("in August and again in December"). */
const AGAIN =
  /^\s+(?:in|on)\s+(?:early\s+|mid-|late\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s*,?\s+and\s+again(?=\s+(?:in|on)\s+(?:early\s+|mid-|late\s+)?[A-Z][a-z]+\b)/;

/** An office standing for its holder right before "visited": "the President of Indonesia", "the Indian Prime Minister". */
const OFFICE_VISITOR =
  /(?:^|[,;]\s*|\b(?:In|On)\s+[^,]{1,25},\s*)((?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:Vice\s+)?President|Prime\s+Minister|Foreign\s+Minister|Minister\s+for\s+Foreign\s+Affairs|King|Queen|Emperor(?:\s+and\s+Empress)?|Their\s+Majesties\s+the\s+Emperor\s+and\s+Empress|Crown\s+Prince(?:\s+and\s+Crown\s+Princess)?|Chancellor|Premier)(?:\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?)\s+(?:also\s+)?$/;

interface Dest {
  code: string;
  place: string | null;
  start: number;
  end: number;
}

const CITY_RE_CACHE = new WeakMap<Map<string, string>, RegExp>();
function cityRe(cities: Map<string, string>): RegExp {
  let re = CITY_RE_CACHE.get(cities);
  if (!re) {
    const names = [...cities.keys()]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    re = new RegExp(`^(?:${names.join("|")})(?![\\w-])`);
    CITY_RE_CACHE.set(cities, re);
  }
  return re;
}

/** The UTF-16 units city names open with (a name's first unit), per gazetteer. */
const CITY_FIRST_CACHE = new WeakMap<Map<string, string>, Set<number>>();
/** The gazetteer city whose name opens `rest`: the name regex runs only where some name could open. */
function cityOpening(rest: string, cities: Map<string, string>): RegExpExecArray | null {
  let first = CITY_FIRST_CACHE.get(cities);
  if (!first) {
    first = new Set();
    for (const n of cities.keys()) first.add(n.charCodeAt(0));
    CITY_FIRST_CACHE.set(cities, first);
  }
  if (!first.has(rest.charCodeAt(0)) && !first.has(Number.NaN)) return null; // (an empty name opens anything)
  return cityRe(cities).exec(rest);
}

/** The gazetteer city whose name starts at `pos`, if any. */
export function cityAt(text: string, pos: number, cities: Map<string, string>): { name: string; code: string } | null {
  const c = text.charCodeAt(pos);
  if (!(c >= 65 && c <= 90)) return null;
  const m = cityRe(cities).exec(text.slice(pos, pos + 40));
  return m ? { name: m[0], code: cities.get(m[0])! } : null;
}

/** Where a name after `at` opens: past white space and a "the" (any case) and the white space after it. */
function pastThe(text: string, at: number): number {
  // what /^\s*(?:the\s+)?/i skips, read by character instead of a regex and a slice per destination
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (hasFoldedAt(text, i, "the") && isSpace(text.charCodeAt(i + 3))) {
    i += 3;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Country or city names right at `pos` ("the U.S.", "Tokyo", "Canada"), and those joined by "and" with dates between. */
function destinations(v: SentenceView, pos: number, cities: Map<string, string>): Dest[] {
  const out: Dest[] = [];
  let at = pos;
  for (let k = 0; k < 8; k++) {
    const p = pastThe(v.text, at);
    const country = v.countries.find(
      (c) => c.start === p && !c.adjective && !c.org && !v.chains.some((ch) => ch.start <= c.start && c.end <= ch.end),
    );
    let d: Dest | null = null;
    if (country) d = { code: country.code, place: null, start: country.start, end: country.end };
    else {
      const cm = cityOpening(v.text.slice(p), cities);
      if (cm) {
        const code = cities.get(cm[0])!;
        d = { code, place: cm[0], start: p, end: p + cm[0].length };
        // "Yokohama, Japan": skip the country after the city
        const after = /^,\s*(?:the\s+)?/.exec(v.text.slice(d.end));
        if (after) {
          const c2 = v.countries.find((c) => c.start === d!.end + after[0].length && c.code === code);
          if (c2) d.end = c2.end;
        }
      }
    }
    if (!d) break;
    // "to Tokyo, Japan" / "to Canada (Ottawa)"
    out.push(d);
    // "A, B and C", "A and then B", "Mongolia and the five Central Asian countries of A, B, C"
    const next =
      /^(?:\s+(?:in|on)\s+[A-Z]\w+(?:\s+\d{1,2})?(?:,?\s+\d{4})?(?:\s+and\s+again\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+)?(?:to\s+)?(?:the\s+(?:[\w-]+\s+){1,3}countries(?:\s+of|,|:)\s+)?/.exec(
        v.text.slice(d.end),
      );
    if (!next) break;
    at = d.end + next[0].length;
  }
  return out;
}

// ---------------------------------------------------------------------------
// conferences

const GATHERING =
  /^\s*(?:\(\w+\)\s*)?(?:(?:\d+(?:st|nd|rd|th)?|[IVX]+)\s+)?(?:(?:[A-Z][\w-]+\s+){1,2}(?=Summit))?((?:(?:Leaders['’]?|Foreign|Ministers['’]?|Ministerial|Economic|Trade|Finance|Summit|Plus\s+Three|plus|Post\s+Ministerial|Regional|High-Level|Special|Extraordinary|Informal|Senior\s+Officials['’]?|Defen[cs]e|Health|Energy|Environment|Digital|Heads\s+of\s+(?:State|Government))\s+)*)(Summit(?:\s+Meeting)?|Meeting|Conference|Session|Forum|Dialogue)\b/;

/** Organizations whose name alone is never a gathering (treaties, the UN itself). */
const NOT_GATHERINGS = new Set(["TPP", "CPTPP", "RCEP", "NPT", "UN", "UNSC"]);
/** Gatherings named by their organization alone, with a number written onto the name ("the G20 in Osaka"). */
const NAMED_GATHERINGS = new Set(["G7", "G8", "G20", "APEC", "ASEM", "TICAD"]);
const COP = /\bCOP\s?\d{1,2}\b/g;
/** The number of a TICAD meeting after its name ("TICAD 8", "(TICAD IV)"); asked of TICAD only. */
const TICAD_NUMBER =
  /^\s*(?:\d{1,2}|[IVX]{1,5})\b(?:\s*\((?:TICAD\s*)?(?:\d{1,2}|[IVX]{1,5})\))?|^\s*\(TICAD\s*(?:\d{1,2}|[IVX]{1,5})\)/;

/** A verb of attending or hosting right before a gathering ("attended the", "hosted the 8th", "held a"). */
const ATTENDED_BEFORE =
  /\b(?:(?:attended|attending|attend|hosted|hosting|host|chaired|participated\s+in|participate\s+in|took\s+part\s+in|joined|convened|co-chaired)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}|held\s+(?:the|a|an)\s+(?:\w+\s+){0,2})$/i;
/** "... was held", "(...), which took place", "in Osaka in June was attended by" after a gathering. */
const HELD_AFTER =
  /^\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:\s*in\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?(?=\s+(?:in|on)\s+[A-Z]\w+\s+(?:was|were)\s+attended\b))?(?:\s*(?:in|on)\s+[A-Z]\w+(?:\s+\d{1,2})?(?:,?\s+\d{4})?\s+(?=(?:was|were)\s+attended\b))?(?:(?:which|that)\s+)?(?:was|were)?\s*(?:held|hosted|convened|took\s+place|attended\s+by)\b/i;
/** "... in New York and the": the gap to the gathering before, whose verb this one shares. */
const JOINED_GATHERING =
  /^(?:\s*\([^()]{1,20}\))?(?:\s+(?:held\s+)?in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+|a\s+)?$/;

/**
 * Whether the text says the gathering [c.start, c.end) was attended, hosted or held, or shares the verb of the one
 * before it (`prev`). The three tests are pure: the first that holds answers, the others are not run.
 */
function saidHeld(text: string, c: Span, prev: ConferenceAnchor | undefined): boolean {
  const pre = text.slice(Math.max(0, c.start - 60), c.start);
  if (ATTENDED_BEFORE.test(pre)) return true;
  if (HELD_AFTER.test(text.slice(c.end, c.end + 70))) return true;
  // "attended the UN General Assembly in New York and the G20 Summit in India": one verb for both
  return prev !== undefined && JOINED_GATHERING.test(text.slice(prev.end, c.start));
}

export function findConferences(v: SentenceView, cities: Map<string, string>): ConferenceAnchor[] {
  const out: ConferenceAnchor[] = [];
  const { text } = v;
  const cands: Array<{ start: number; end: number; org: string | null }> = [];
  for (const o of v.orgs) {
    if (NOT_GATHERINGS.has(o.id)) continue;
    if (v.chains.some((c) => c.start <= o.start && o.end <= c.end)) continue;
    if (/[-–]\s?$/.test(text.slice(Math.max(0, o.start - 2), o.start))) continue;
    const after = text.slice(o.end);
    // "TICAD 8", "TICAD IV", "the Tokyo International Conference on African Development (TICAD IV)"
    const num = o.id === "TICAD" ? TICAD_NUMBER.exec(after) : null;
    if (o.id === "TICAD" && (num || /conference/i.test(text.slice(o.start, o.end)))) {
      cands.push({ start: o.start, end: o.end + (num ? num[0].length : 0), org: o.id });
      continue;
    }
    const g = GATHERING.exec(after);
    if (g) cands.push({ start: o.start, end: o.end + g[0].length, org: o.id });
    else if (o.id === "UNGA" || o.id === "EAS" || o.id === "PALM")
      cands.push({ start: o.start, end: o.end, org: o.id });
    else if (NAMED_GATHERINGS.has(o.id)) {
      // "the G20 in Osaka", "the ASEM8 in Brussels" (the meeting's number written onto the name)
      const numbered = /^(\d{1,2})?\s+(?:in|held)\b/.exec(after);
      if (numbered) cands.push({ start: o.start, end: o.end + (numbered[1]?.length ?? 0), org: o.id });
    }
  }
  // (the scan needs "COP", written in capitals: most sentences have none)
  for (const m of text.includes("COP") ? allMatches(text, COP) : NONE)
    cands.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, org: null });
  for (const c of cands) {
    if (out.some((o) => o.start <= c.start && c.start < o.end)) continue;
    // the text must say it was held, hosted or attended
    if (!saidHeld(text, c, out[out.length - 1])) continue;
    if (isUnreal(text, c.start, c.end)) continue;
    const title = text.slice(c.start, c.end).trim();
    let location: string | null = null;
    let place: string | null = null;
    const inPlace = /^(?:\s*\([^()]{1,20}\))?(?:,?\s+(?:was\s+)?held)?\s+in\s+(?:the\s+)?/.exec(text.slice(c.end));
    if (inPlace) {
      const p = c.end + inPlace[0].length;
      const country = v.countries.find((x) => x.start === p && !x.adjective);
      if (country) location = country.code;
      else {
        const city = cityAt(text, p, cities);
        if (city) {
          location = city.code;
          place = city.name;
        }
      }
    }
    if (!place) {
      // "the G7 Hiroshima Summit", "the G20 New Delhi Summit": the city in its name
      for (const w of allMatches(title, /(?<=\s)[A-Z]/g)) {
        const city = cityAt(text, c.start + (w.index ?? 0), cities);
        if (city && (!location || location === city.code)) {
          location = city.code;
          place = city.name;
          break;
        }
      }
    }
    out.push({ kind: "conference", start: c.start, end: c.end, title, organization: c.org, location, place });
  }
  return out;
}

/**
 * For tests only: the scans that are tried only where a key word opens, with the key-word scans that gate them
 * (a form added to a scan must open with a word its key scan finds, or its matches are lost silently).
 */
export const KEYED_SCANS = {
  meeting: { key: MEETING_KEY, scans: [VERB, PAIR, PAIR_PLURAL] },
  visit: { key: VISIT_KEY, scans: [VISIT_TRIGGER] },
} as const;

/** For tests only: the habit pattern after an event and the one-scan word pre-test that stands before it. */
export const HABIT_PRETEST = { word: HABIT_WORD, pattern: HABIT_AFTER } as const;

/** For tests only: the scans startsOutside lets skip a start inside a meeting found (no match of theirs holds a second held/had). */
export const HELD_OPENED_SCANS = { key: MEETING_KEY, scans: [PAIR, PAIR_PLURAL] } as const;

/** For tests only: the leveled-talks scan, searched only up to the last "held" the meeting key scan finds. */
export const HELD_ENDED_SCAN = { key: MEETING_KEY, scan: LEVELED } as const;

/** For tests only: unrealAfter's first scan, and the plan and habit word tests it stands for. */
export const AFTER_PRETEST = { word: AFTER_WORD, plan: PLAN_AFTER_WORD, habit: HABIT_WORD } as const;

/** For tests only: the plan pattern after an event and the one-scan word pre-test that stands before it. */
export const PLAN_AFTER_PRETEST = { word: PLAN_AFTER_WORD, pattern: PLAN_AFTER } as const;
