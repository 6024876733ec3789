/**
 * Named instruments (agreements, joint statements, action plans, exchanges of notes) and one
 * government's own strategy or policy documents, with the verb that says what happened to them.
 */
import type { AgreementStatus } from "../../model/types.js";
import { isSpace } from "../chars.js";
import { allMatches, hasFoldedAt, sortCodes } from "../matches.js";
import type { InstrumentAnchor } from "./anchors.js";
import { isUnreal, unrealAfter, unrealBefore } from "./anchors.js";
import type { SentenceView, Span } from "./view.js";

const AGREEMENT_HEAD =
  /\b(?:Agreements?|(?:grant(?:\s+aid)?|loan|trade|partnership|investment|tax|security|cooperation|bilateral|framework|peace)\s+(?:agreements?|treaty)|Treaty|Joint\s+(?:Leaders['’]\s+)?Statement|joint\s+statement|Leaders['’]\s+Statement|Joint\s+(?:Vision\s+)?Statement|Vision\s+Statement|Joint\s+Declaration|joint\s+declaration|Declaration|Action\s+Plan|action\s+plan|Joint\s+Communiqu[eé]|Communiqu[eé]|communiqu[eé]|Exchanges?\s+of\s+Notes|exchanges?\s+of\s+notes|Memorandum\s+of\s+(?:Cooperation|Understanding)|memorandum\s+of\s+(?:cooperation|understanding)|Convention|Protocol|FTAs?|EPAs?|Roadmap|Joint\s+Plan|(?:Joint\s+)?Press\s+Statement|(?:joint\s+)?press\s+statement)\b/g;
const POLICY_HEAD =
  /\b(?:Strateg(?:y|ies)|Polic(?:y|ies)(?:\s+(?:White\s+Paper|Paper|Review|Statement|Framework|Charter))?|Charter|Guidelines|Outlook|Doctrine|White\s+Paper|policy|strategy)\b/g;

/** Lower-case words that may stand inside an instrument's name ("grant aid agreement", "peacebuilding policy"). */
const LOWER_MODS = new Set([
  "grant",
  "aid",
  "loan",
  "joint",
  "free",
  "trade",
  "economic",
  "partnership",
  "investment",
  "tax",
  "social",
  "security",
  "peacebuilding",
  "defense",
  "defence",
  "comprehensive",
  "strategic",
  "bilateral",
  "technical",
  "cooperation",
  "nuclear",
  "leaders'",
  "leaders’",
  "yen",
]);
const MONTH_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const HEAD_WORD =
  /^(?:Strateg(?:y|ies)|Polic(?:y|ies)|Agreements?|Statements?|Declarations?|Plans?|Treaty|Guidelines|Outlook)[,]?$/;
const SKIP_MODS = /^(?:first-ever|first|new|revised|updated|latest|second|third|historic|landmark|important)$/i;

interface Np extends Span {
  title: string;
  /** the phrase is lower-case only ("a joint statement") */
  generic: boolean;
}

/** The word before the white space that ends at `at`, not reaching before `lo` ("" when there is none). */
function wordBefore(text: string, at: number, lo: number): string {
  let end = at;
  while (end > lo && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > lo && !isSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

const capitalizedNotHead = (w: string): boolean => /^[A-Z]/.test(w) && !HEAD_WORD.test(w);

/** Capitalized words that open a sentence or clause, not a name. */
const NOT_NAME_OPENERS = new Set([
  "The",
  "A",
  "An",
  "In",
  "On",
  "At",
  "During",
  "Following",
  "Its",
  "This",
  "These",
  "That",
]);
/** Small words that may stand inside a capitalized name ("Acquisition and Cross-Servicing"). */
const NAME_JOINERS = new Set(["of", "and", "on", "for", "the", "to"]);

/** A capital, a digit or "(": the first character of a word of a name. */
function opensName(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 0x28;
}

/**
 * The word without its leading ( “ " and trailing ) ” " , (what `w.replace(/^[(“"]+|[)”",]+$/g, "")` gives, read
 * by character instead of a global replace per word).
 */
function unbracketed(w: string): string {
  let i = 0;
  for (let c = w.charCodeAt(0); c === 0x28 || c === 0x201c || c === 0x22; c = w.charCodeAt(i)) i++;
  let j = w.length;
  while (j > i) {
    const c = w.charCodeAt(j - 1);
    if (c !== 0x29 && c !== 0x201d && c !== 0x22 && c !== 0x2c) break;
    j--;
  }
  return i === 0 && j === w.length ? w : w.slice(i, j);
}

/** The noun phrase an instrument head stands in: its name as written. */
function nounPhrase(text: string, hs: number, he: number): Np {
  // inside quotes: “Japan-Canada Action Plan for ...”
  const open = text.lastIndexOf("“", hs);
  if (open >= 0 && text.indexOf("”", open) > he && text.lastIndexOf("”", hs) < open) {
    const close = text.indexOf("”", open);
    const title = text
      .slice(open + 1, close)
      .trim()
      .replace(/[.,;]+$/, "");
    return { start: open, end: close + 1, title, generic: false };
  }
  // left: capitalized words, compounds, "of/and/on/for" between them, known lower-case modifiers. The words are
  // read backwards from the head, one at a time, within the 160 characters before it (a word is a run of
  // non-white-space characters; the one at the window's edge may be cut): the scan stops after a few words, so
  // the window is not split into words as a whole.
  const lo = Math.max(0, hs - 160);
  let start = hs;
  let pos = hs; // end of the next word to read
  for (;;) {
    let a = pos;
    while (a > lo && !isSpace(text.charCodeAt(a - 1))) a--;
    if (a < pos) {
      const w = text.slice(a, pos);
      const bare = unbracketed(w);
      const last = w.charCodeAt(w.length - 1);
      if (SKIP_MODS.test(bare) || last === 0x2c || last === 0x3b || last === 0x3a || MONTH_WORD.test(bare)) break;
      if (opensName(w.charCodeAt(0)) && !NOT_NAME_OPENERS.has(w)) {
        start = a;
      } else if (NAME_JOINERS.has(w) && a > lo && capitalizedNotHead(wordBefore(text, a, lo))) {
        // only inside a capitalized name: "Acquisition and Cross-Servicing"
      } else if (LOWER_MODS.has(bare.toLowerCase()) || /^[A-Z]?[\w’'.]+[-–]\s*$/.test(w)) {
        start = a;
      } else break;
    }
    if (a === lo) break;
    while (a > lo && isSpace(text.charCodeAt(a - 1))) a--;
    pos = a;
  }
  const end = he + tailLength(text, hs, he);
  const title = withoutLooseEnd(text.slice(start, end).replace(/^[(“"]+/, "")).trim();
  return { start, end, title, generic: !hasCapital(text, start, he) };
}

/** White space , . or ; (what /[\s,.;]/ matches). */
function isSpaceOrStop(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x2e || c === 0x3b;
}

/** Small words a name does not end with. */
const LOOSE_WORDS = ["the", "a", "an", "of", "on", "for", "and", "concerning", "regarding"];

/**
 * `s` without its trailing white space and , . ; and then without a last word of LOOSE_WORDS after white space (and
 * that white space): what `.replace(/[\s,.;]+$/, "").replace(/\s+(?:the|a|...|regarding)$/i, "")` gives, read from
 * the end instead of trying both patterns at every position.
 */
function withoutLooseEnd(s: string): string {
  let j = s.length;
  while (j > 0 && isSpaceOrStop(s.charCodeAt(j - 1))) j--;
  // the last word: the run of non-white-space before j; the pattern needs white space right before it
  let k = j;
  while (k > 0 && !isSpace(s.charCodeAt(k - 1))) k--;
  if (k > 0 && LOOSE_WORDS.some((w) => w.length === j - k && hasFoldedAt(s, k, w))) {
    j = k;
    while (j > 0 && isSpace(s.charCodeAt(j - 1))) j--;
  }
  return j === s.length ? s : s.slice(0, j);
}

/**
 * How far an instrument's name goes on after its head [hs, he): a quoted name, capitalized words after
 * on/for/between/..., lower-case words after concerning/on/regarding, or the country after an FTA/EPA. The first
 * form that matches wins, so the forms are tried in that order and the others are not run.
 */
function tailLength(text: string, hs: number, he: number): number {
  const rest = text.slice(he);
  const quoted = QUOTED_AFTER.exec(rest);
  if (quoted) return quoted[0].length;
  const onCaps = CAPS_AFTER.exec(rest);
  if (onCaps) return onCaps[0].length;
  const concerning = CONCERNING_AFTER.exec(rest);
  if (concerning) return concerning[0].trimEnd().length;
  if (!FTA_EPA.test(text.slice(hs, he))) return 0;
  const withCountry = WITH_COUNTRY_AFTER.exec(rest);
  return withCountry ? withCountry[0].length : 0;
}

const QUOTED_AFTER = /^\s*(?:for\s+)?[“"][^”"]{2,200}[”"]/;
const CAPS_AFTER =
  /^\s+(?:on|for|between|concerning|regarding)\s+(?:the\s+)?[A-Z][\w’'-]*(?:(?:,\s+|\s+and\s+|\s+of\s+(?:the\s+)?|\s+on\s+|\s+for\s+|\s+in\s+the\s+|\s+)[A-Z][\w’'-]*)*/;
const CONCERNING_AFTER =
  /^\s+(?:concerning|on|regarding)\s+(?:(?!(?:in|on|at|with|for|to|by|from|and|which|that|was|were)\b)[a-z][\w-]*\s?){1,5}/;
const WITH_COUNTRY_AFTER = /^\s+with\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?/;
const FTA_EPA = /^(?:FTA|EPA)s?$/;

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** Whether text[from, to) holds a capital A-Z (what /[A-Z]/ says of the slice, without the slice). */
function hasCapital(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

const ACTIVE: Array<[RegExp, AgreementStatus]> = [
  [
    /\b(?:reached\s+(?:a\s+)?(?:substantial|basic|broad|an?)?\s*agreement\s+in\s+principle\s+on|reached\s+(?:a\s+)?(?:substantial|basic)\s+agreement\s+on|agreed\s+in\s+principle\s+on|agreement\s+in\s+principle\s+on)\s+$/i,
    "agreed_in_principle",
  ],
  [/\b(?:signed|signing\s+of|signature\s+of|(?:the\s+)?signing\s+ceremony\s+for)\s+$/i, "signed"],
  [/\b(?:concluded|conclusion\s+of)\s+$/i, "concluded"],
  [/\b(?:adopted|adoption\s+of)\s+$/i, "adopted"],
  [/\b(?:released|issued|publi(?:shed|cation\s+of)|release\s+of|issuance\s+of)\s+$/i, "released"],
  [/\b(?:announced|announcement\s+of|unveiled|launched|launch\s+of)\s+$/i, "announced"],
  [/\b(?:entry\s+into\s+force\s+of|brought\s+into\s+force)\s+$/i, "entered_into_force"],
];
const PASSIVE: Array<[RegExp, AgreementStatus]> = [
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)?\s*(?:jointly\s+)?signed\b/i, "signed"],
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)?\s*(?:jointly\s+)?concluded\b/i, "concluded"],
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)\s*(?:jointly\s+)?agreed\b/i, "agreed_in_principle"],
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)?\s*(?:jointly\s+|unanimously\s+)?adopted\b/i, "adopted"],
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)?\s*(?:jointly\s+)?(?:released|issued|published)\b/i, "released"],
  [/^(?:was|were|had\s+been|has\s+been|have\s+been)?\s*(?:jointly\s+)?announced\b/i, "announced"],
  [
    /^(?:came|entered|went|has\s+entered|had\s+entered)\s+into\s+(?:force|effect)\b|^took\s+effect\b/i,
    "entered_into_force",
  ],
];

const LATER_STEP =
  /^(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:signed|concluded)\s+(?:in|on)\s+[^,;]{1,30},\s*|\s*,?\s*(?:which|that)\s+(?:was|were|has\s+been|had\s+been)\s+(?:then\s+|later\s+|subsequently\s+)?|[^;.]{0,60}?\s+and\s+(?:it\s+|the\s+(?:agreement|treaty)\s+)?(?:was\s+|were\s+|has\s+|had\s+)?(?:then\s+|later\s+|subsequently\s+)?)(signed|concluded|adopted|entered\s+into\s+force|came\s+into\s+force|took\s+effect)\b/i;

/** A word each ACTIVE pattern holds: a window without any holds none of them (one scan instead of seven). */
const ACTIVE_WORD = /agree|sign|conclu|adopt|releas|issu|publi|announc|unveil|launch|force/i;
/**
 * The ACTIVE patterns as alternatives, each its own group (they hold no groups of their own): it matches exactly when
 * one of them does, in one pass instead of seven. At most one can match a window, since each ends it on words of its
 * own ("... on", "signed", "conclusion of", "entry into force of"), so the group that matched tells the status.
 */
const ACTIVE_ANY = new RegExp(ACTIVE.map(([re]) => `(${re.source})`).join("|"), "i");
/** A word each PASSIVE pattern holds. */
const PASSIVE_WORD = /sign|conclu|agree|adopt|releas|issu|publish|announc|into|took/i;

function activeStatus(text: string, npStart: number): AgreementStatus | null {
  const window = text.slice(Math.max(0, npStart - 70), npStart);
  if (!ACTIVE_WORD.test(window)) return null;
  return statusBefore(withoutTrailingArticles(window));
}

/** The status of the first ACTIVE pattern that matches the window before a name (its articles taken off), or null. */
function statusBefore(pre: string): AgreementStatus | null {
  const m = ACTIVE_ANY.exec(pre);
  if (m) for (let k = 0; k < ACTIVE.length; k++) if (m[k + 1] !== undefined) return ACTIVE[k]![1];
  return null;
}

/** The words activeStatus takes off the end of its window ("signed the new ", "adopted its first-ever "). */
const ARTICLES = ["the", "a", "an", "its", "their", "this", "new", "first", "first-ever", "revised", "joint"];

/** A unit /\w/ matches (without the u flag): the units a word boundary \b tells from the others. */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * `w` without the run of ARTICLES, each followed by white space, that ends it: what
 * `w.replace(/(?:\b(?:the|a|an|its|their|this|new|first|first-ever|revised|joint)\s+)*$/i, "")` gives. That pattern
 * is tried at every position of the window, since its empty match always succeeds at the end; here the run is peeled
 * off from the end instead: white space, then the article before it (at a word boundary), again and again. At most
 * one article can end at a given place with a boundary before it, so the peeling finds the leftmost match.
 */
function withoutTrailingArticles(w: string): string {
  let cut = w.length;
  for (;;) {
    let q = cut;
    while (q > 0 && isSpace(w.charCodeAt(q - 1))) q--;
    if (q === cut) break; // each article is followed by white space
    const n = articleBefore(w, q);
    if (n === 0) break;
    cut = q - n;
  }
  return cut === w.length ? w : w.slice(0, cut);
}

/** The length of the article of ARTICLES that ends at `at` in `w` with a word boundary before it, or 0. */
function articleBefore(w: string, at: number): number {
  for (const a of ARTICLES) {
    const from = at - a.length;
    if (hasFoldedAt(w, from, a) && (from === 0 || !isWordUnit(w.charCodeAt(from - 1)))) return a.length;
  }
  return 0;
}

function passiveStatus(text: string, npEnd: number): AgreementStatus | null {
  let rest = text.slice(npEnd, npEnd + 80);
  // (the replacements below only cut the front off: a word PASSIVE needs is in the window if at all)
  if (!PASSIVE_WORD.test(rest)) return null;
  // "(EPA)", ", signed in", " in February 2016,"
  rest = rest.replace(/^\s*\([^()]{1,30}\)/, "").replace(/^\s*,?\s*(?:which|that)?\s*/, "");
  rest = rest.replace(/^(?:negotiations\s+)?(?:with\s+(?:the\s+)?[A-Z][\w.]*\s+)?/, "");
  // "the Exchange of Notes concerning a yen loan for the X project was signed": the purpose before the verb
  rest = rest.replace(
    /^(?:for|of|on|to)\s+[^,;.()]{1,70}?\s+(?=(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:jointly\s+)?(?:signed|concluded|adopted|released|issued|announced)\b)/i,
    "",
  );
  for (const [re, st] of PASSIVE) if (re.test(rest)) return st;
  return null;
}

function countriesIn(v: SentenceView, start: number, end: number): string[] {
  // distinct codes, sorted (a loop: no filtered, mapped, spread and set copies per phrase)
  const out: string[] = [];
  for (const c of v.countries) if (c.start >= start && c.end <= end && !out.includes(c.code)) out.push(c.code);
  return sortCodes(out);
}

/** Countries after "with" in the rest of the clause: "issued a joint statement in July with the U.S. and Finland". */
function withCountries(v: SentenceView, from: number): string[] {
  const rest = v.text.slice(from);
  const m = /^[^;.,]{0,70}?\bwith\s+/.exec(rest);
  if (!m) return [];
  const s = from + m[0].length;
  const stopRel = v.text.slice(s).search(/\s(?:on|in|to|for|at|which|that)\s|;|\.$|,\s(?!and)/);
  const e = stopRel < 0 ? v.text.length : s + stopRel;
  return countriesIn(v, s, e);
}

function subjectCountry(v: SentenceView, before: number): string | null {
  const from = Math.max(0, before - 300);
  const clauseStart = Math.max(v.text.slice(from, before).lastIndexOf(";") + from, from);
  let best: string | null = null;
  for (const c of v.countries) {
    if (c.start < clauseStart || c.end > before) continue;
    // not a country inside "with X", "in X", "of X" (objects), and not in a compound
    const lead = v.text.slice(Math.max(0, c.start - 12), c.start);
    if (
      /\b(?:with|in|to|from|against|of|toward|towards|and|between)\s+(?:the\s+)?$/i.test(lead) &&
      // "the Government of X", "the Ministry of Foreign Affairs of X": X acts
      !/\b(?:Government|government|Cabinet|administration|Ministry(?:\s+(?:of|for)\s+[A-Z][\w\s,]*?)?|Embassy|Prime\s+Minister|President)\s+of\s+(?:the\s+)?$/.test(
        v.text.slice(Math.max(0, c.start - 60), c.start),
      )
    )
      continue;
    if (/[-–]\s?$/.test(lead) || /^\s?[-–]/.test(v.text.slice(c.end, c.end + 2))) continue;
    // a country inside a name: "its China Strategy"
    if (/^\s+[A-Z][a-z]/.test(v.text.slice(c.end, c.end + 3))) continue;
    best = c.code;
  }
  return best;
}

/** "Japan and Kenya signed ...": the country joined to the subject by "and", right before the verb. */
function pairedSubject(v: SentenceView, before: number): string | null {
  const pre = v.text.slice(Math.max(0, before - 80), before);
  const m =
    /\band\s+(?:the\s+)?([A-Z][^,;]{1,40}?)\s+(?:jointly\s+)?(?:signed|concluded|adopted|issued|released|announced)\s+(?:the\s+|a\s+|an\s+)?[^,;]{0,20}$/.exec(
      pre,
    );
  if (!m) return null;
  const from = before - pre.length + (m.index ?? 0);
  const c = v.countries.find((x) => x.start > from && x.start < from + 10 && !x.adjective);
  if (!c) return null;
  // the subject before "and" must be a country too
  const lead = v.text.slice(0, from).trimEnd();
  return v.countries.some((x) => x.end === lead.length && !x.adjective) ? c.code : null;
}

/** Trade pacts the text may name by their organization alone ("the CPTPP", "RCEP"). */
const PACTS = new Set(["TPP", "CPTPP", "RCEP"]);
const PACT_IN_FORCE =
  /^(?:\s+Agreement)?(?:\s*\([^()]{1,30}\))?\s+(?:has\s+|had\s+)?(?:entered|came|went)\s+into\s+(?:force|effect)\b/;

/** The members a pact's entry into force concerns: the countries the sentence names, else the section's, else Japan. */
function pactMembers(v: SentenceView): string[] {
  const named = [...new Set(v.countries.filter((c) => !c.adjective && !c.org).map((c) => c.code))].sort();
  return named.length ? named : [v.focus ?? "JPN"];
}

export function findInstruments(v: SentenceView): InstrumentAnchor[] {
  const out: InstrumentAnchor[] = [];
  const { text } = v;
  const seen: Span[] = [];

  // agreements: the noun phrases first, so that "the X and the Y were adopted" can share one verb
  const nps: Array<{ np: Np; head: string; status: AgreementStatus | null; active: boolean }> = [];
  for (const m of allMatches(text, AGREEMENT_HEAD)) {
    const hs = m.index ?? 0;
    const he = hs + m[0].length;
    if (seen.some((s) => s.start <= hs && hs < s.end)) continue;
    const np = nounPhrase(text, hs, he);
    seen.push(np);
    const active = activeStatus(text, np.start);
    nps.push({ np, head: m[0], status: active ?? passiveStatus(text, np.end), active: active !== null });
  }
  for (let k = 1; k < nps.length; k++) {
    const a = nps[k - 1]!;
    const b = nps[k]!;
    if (!/^\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+|a\s+|an\s+)?$/i.test(text.slice(a.np.end, b.np.start))) continue;
    if (a.active && !b.status) {
      b.status = a.status;
      b.active = true;
    } else if (!a.status && b.status && !b.active) a.status = b.status;
  }
  for (const { np, head, status: found, active: isActive } of nps) {
    if (
      /\b(?:negotiations?|talks)\s+(?:on|for|toward)\s+(?:the\s+)?$/i.test(
        text.slice(Math.max(0, np.start - 30), np.start),
      )
    )
      continue;
    const active = isActive ? found : null;
    let status = found;
    // "... would implement the Action Plan, jointly announced in 2022": the participle states a past act of its own
    const datedParticiple =
      !active &&
      status !== null &&
      /^\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:jointly\s+)?(?:signed|concluded|adopted|released|issued|announced|published)\s+(?:on|in)\s+/i.test(
        text.slice(np.end, np.end + 40),
      );
    // an exchange of notes is itself the act: "through the exchange of notes concerning food aid in July"
    if (
      !status &&
      /^exchanges?\s+of\s+notes/i.test(head) &&
      v.dates.some((d) => d.start >= np.end && d.start - np.end < 25)
    )
      status = "signed";
    if (!status) continue;
    if (np.title.length < 3) continue;
    if (
      status !== "signed" &&
      /\b(?:concluding|to\s+conclude|to\s+sign|signing)\s+(?:the\s+|a\s+)?$/i.test(
        text.slice(Math.max(0, np.start - 25), np.start),
      )
    )
      continue;
    // a plan or habit around the phrase, or before the 30 characters ahead of it (both windows end at the phrase's
    // end, so the words after it are read once)
    if (
      !datedParticiple &&
      (unrealBefore(text, np.start) || unrealAfter(text, np.end) || unrealBefore(text, Math.max(0, np.start - 30)))
    )
      continue;
    let parties = countriesIn(v, np.start, np.end);
    const withC = withCountries(v, np.end);
    const subject = subjectCountry(v, np.start);
    // the distinct codes of the name, the "with" phrase and the subject, sorted (an array: no set and copies)
    const all = parties.slice();
    const add = (code: string | null): void => {
      if (code && !all.includes(code)) all.push(code);
    };
    for (const c of withC) add(c);
    if (subject && !(parties.length >= 2)) {
      add(subject);
      add(pairedSubject(v, np.start));
    }
    parties = sortCodes(all);
    const multilateral = v.orgs.some((o) => o.start >= np.start && o.end <= np.end);
    // "the RCEP Agreement entered into force": a trade pact's entry into force, for the country the text is about
    const pact =
      multilateral &&
      status === "entered_into_force" &&
      parties.length === 0 &&
      v.orgs.some((o) => PACTS.has(o.id) && o.start >= np.start && o.end <= np.end);
    if (pact) {
      const members = pactMembers(v);
      out.push({
        kind: "agreement",
        start: np.start,
        end: np.end,
        title: np.title,
        status,
        parties: members,
        fallback: members,
        multilateral: false,
        pact: true,
      });
      continue;
    }
    // when the sentence names fewer than two parties: the country the section is about, and Japan
    let fallback = parties;
    if (parties.length === 1 && !multilateral) {
      const other = v.focus && v.focus !== parties[0] ? v.focus : parties[0] !== "JPN" ? "JPN" : null;
      if (other) fallback = sortCodes([...parties, other]);
    } else if (parties.length === 0 && !multilateral && /\bgrant|loan|exchange/i.test(np.title)) {
      fallback = [...new Set([v.focus ?? "JPN", "JPN"])].sort();
    }
    out.push({
      kind: "agreement",
      start: np.start,
      end: np.end,
      title: np.title,
      status,
      parties,
      fallback,
      multilateral,
    });
    // "..., which was signed in Tokyo in October", "was signed on July 17 and entered into force on February 1":
    // a later step of the same instrument, dated by the words after it
    const later = LATER_STEP.exec(text.slice(np.end, np.end + 120));
    if (later) {
      const step = later[1]!.toLowerCase();
      const second: AgreementStatus = /force|effect/.test(step)
        ? "entered_into_force"
        : /sign/.test(step)
          ? "signed"
          : /conclu/.test(step)
            ? "concluded"
            : /adopt/.test(step)
              ? "adopted"
              : "released";
      if (second !== status && !(status === "concluded" && second === "signed")) {
        const at = np.end + (later.index ?? 0) + later[0].length - later[1]!.length;
        out.push({
          kind: "agreement",
          start: at,
          end: at + later[1]!.length,
          title: np.title,
          status: second,
          parties,
          fallback,
          multilateral,
          laterStep: true,
        });
      }
    }
  }

  // "the CPTPP entered into force on December 30": a trade pact named by its organization's name alone
  for (const o of v.orgs) {
    if (!PACTS.has(o.id)) continue;
    if (seen.some((s) => s.start <= o.start && o.start < s.end)) continue;
    const after = PACT_IN_FORCE.exec(text.slice(o.end, o.end + 60));
    if (!after || isUnreal(text, o.start, o.end + after[0].length)) continue;
    const members = pactMembers(v);
    out.push({
      kind: "agreement",
      start: o.start,
      end: o.end,
      title: text.slice(o.start, o.end),
      status: "entered_into_force",
      parties: members,
      fallback: members,
      multilateral: false,
      pact: true,
    });
  }

  // policy releases: one government's own document
  const policies: Array<InstrumentAnchor & { triggered: boolean }> = [];
  let anyTriggered = false;
  for (const m of allMatches(text, POLICY_HEAD)) {
    const hs = m.index ?? 0;
    const he = hs + m[0].length;
    if (seen.some((s) => s.start <= hs && hs < s.end)) continue;
    const np = nounPhrase(text, hs, he);
    seen.push(np);
    // a name of one word (what np.title.split(/\s+/).length < 2 says: the title holds no white space)
    if (!hasSpace(np.title)) continue;
    if (v.chains.some((c) => c.start >= np.start && c.end <= np.end)) continue; // joint: not one government's
    const pre = text.slice(Math.max(0, np.start - 60), np.start);
    const post = text.slice(np.end, np.end + 40);
    const activeVerb =
      /\b(?:announced|released|issued|adopted|published|unveiled|formulated|revised|launched|updated|approved|compiled|set\s+out)\s+(?:its|a|an|the|their)?\s*(?:(?:new|first|first-ever|revised|updated|latest|own)\s+)*$/i.test(
        pre,
      );
    const nominal =
      /\b(?:the\s+)?(?:announcement|release|publication|adoption|revision|formulation|launch)\s+of\s+(?:the\s+|its\s+|a\s+)?$/i.test(
        pre,
      );
    const revisedAdj = /\bits\s+(?:revised|new|updated|first-ever)\s+$/i.test(pre);
    const passive =
      /^\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*)?(?:which\s+|that\s+)?(?:was|were)?\s*(?:announced|released|issued|adopted|published|unveiled|formulated|revised|launched)\b/i.test(
        post,
      );
    const triggered = activeVerb || nominal || revisedAdj || passive;
    // Only a triggered release, or one after it (which coordination may trigger, and whose presence decides which
    // pairs stand side by side), can be told: before the first triggered one, whether a phrase is a plan changes
    // nothing, so it is not asked.
    if ((triggered || anyTriggered) && isUnreal(text, np.start, np.end)) continue;
    if (triggered) anyTriggered = true;
    policies.push({
      kind: "policy_release",
      start: np.start,
      end: np.end,
      title: np.title,
      status: null,
      parties: [],
      fallback: [],
      multilateral: false,
      triggered,
    });
  }
  // coordination: "announced its X in February and its Y in October"
  for (let k = 1; k < policies.length; k++) {
    const a = policies[k - 1]!;
    const b = policies[k]!;
    if (!a.triggered || b.triggered) continue;
    const gap = text.slice(a.end, b.start);
    if (
      /^(?:\s+(?:in|on)\s+[\w\s,]{1,25}?)?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:its\s+|the\s+|a\s+)?(?:(?:new|first|first-ever|revised)\s+)?$/i.test(
        gap,
      )
    )
      b.triggered = true;
  }
  for (const p of policies) {
    if (!p.triggered) continue;
    const issuer = issuerOf(v, p.start, p.end);
    if (!issuer) continue;
    out.push({
      kind: "policy_release",
      start: p.start,
      end: p.end,
      title: p.title,
      status: null,
      parties: [issuer],
      fallback: [issuer],
      multilateral: false,
    });
  }
  return out;
}

function issuerOf(v: SentenceView, start: number, end: number): string | null {
  // "the U.S. National Security Strategy", "Canada's Indo-Pacific Strategy": the issuer opens the name
  // (not "its China Strategy": a country right before the head word is the topic)
  const inName = v.countries.find(
    (c) =>
      c.start >= start - 1 &&
      c.start <= start + 4 &&
      c.end < end &&
      !c.org &&
      !/\bits\s+$/i.test(v.text.slice(Math.max(0, start - 5), start)) &&
      !/^['’]?s?\s*(?:Strateg|Polic|Guideline|Outlook|Doctrine|White|Charter)/.test(v.text.slice(c.end).trimStart()),
  );
  if (inName) return inName.code;
  const poss = v.countries.find(
    (c) =>
      c.end <= start &&
      start - c.end < 30 &&
      /^['’]s?\s*$/.test(v.text.slice(c.end, start).replace(/\s*(?:new|first|revised)\s*/g, " ")),
  );
  if (poss) return poss.code;
  const before = subjectCountry(v, start);
  if (before) return before;
  const after = v.countries.find((c) => c.start >= end && !/^\s?[-–]/.test(v.text.slice(c.end, c.end + 2)));
  if (after) return after.code;
  const person = v.persons.find((p) => p.country);
  if (person) return person.country;
  return null;
}

/** For tests only: the status patterns and the one-word pre-tests that stand before them. */
export const STATUS_PRETESTS = {
  active: { word: ACTIVE_WORD, any: ACTIVE_ANY, patterns: ACTIVE, statusBefore },
  passive: { word: PASSIVE_WORD, patterns: PASSIVE.map(([re]) => re) },
} as const;
