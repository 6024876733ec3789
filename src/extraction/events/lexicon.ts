/**
 * Domain vocabulary of the event and count extractors: office ranks, meeting levels,
 * number words and the words that mark a plan rather than a fact.
 */
import type { Level, Modality } from "../../model/types.js";
import { Memo } from "../memo.js";

/** The rank an office gives its holder, for deciding a meeting's level. */
export type Rank = "head" | "foreign" | "defense" | "minister" | "vice" | "official" | "other";

const VICE =
  /\b(?:vice[- ]?ministers?|deputy\s+(?:foreign\s+)?ministers?|state\s+ministers?|parliamentary\s+vice|deputy\s+secretary|under[- ]secretary|senior\s+vice|vice[- ]foreign\s+minister)\b/i;
const NOT_HEAD =
  /\b(?:vice[- ]president|deputy\s+prime\s+minister|former|late|vice[- ]premier|crown\s+prince|president\s+of\s+the\s+(?:house|senate|assembly|bank|court|council|committee|commission|general\s+assembly|university|institute|foundation|federation|association|chamber)|speaker)\b/i;
const HEAD =
  /\b(?:prime\s+minister|president|premier|chancellor|king|queen|emperor|sultan|emir|amir|taoiseach|head\s+of\s+(?:state|government)|general\s+secretary|chairman\s+of\s+the\s+state\s+affairs|supreme\s+leader|state\s+counsellor|chief\s+executive)\b/i;
const FOREIGN =
  /\b(?:foreign\s+minister|minister\s+(?:of|for)\s+(?:(?:europe\s+and\s+)?foreign\s+(?:affairs|relations)|external\s+affairs|international\s+relations)|foreign\s+secretary|secretary\s+of\s+state(?!\s+for)|external\s+affairs\s+minister|minister\s+for\s+foreign\s+affairs|secretary\s+(?:of|for)\s+foreign\s+affairs|state\s+councilor\s+and\s+foreign\s+minister|high\s+representative(?:\s+of\s+the\s+(?:(?:european\s+)?union|eu))?(?:\s+for\s+foreign\s+affairs(?:\s+and\s+security\s+policy)?)?(?![\w\s]*\bfor\s+(?!foreign))|eu\s+high\s+representative)\b/i;
const DEFENSE =
  /\b(?:defen[cs]e\s+(?:minister|secretary)|minister\s+(?:of|for)\s+(?:national\s+)?defen[cs]e|secretary\s+of\s+defen[cs]e)\b/i;
const MINISTER = /\b(?:minister|secretary\s+of|secretary\b|commissioner|high\s+representative)\b/i;
const OFFICIAL =
  /\b(?:director[- ]general|director|ambassador|envoy|special\s+representative|coordinator|counsellor|officials?)\b/i;

const rankByRole = new Memo<string, Rank | null>();
/**
 * The rank of an office title as written ("Minister for Foreign Affairs", "President", "State Minister").
 * Memoized: a pure function of the role, asked again for every mention.
 */
export function rankOf(role: string | null | undefined): Rank | null {
  return role ? rankByRole.get(role, computeRank) : null;
}

function computeRank(role: string): Rank | null {
  if (VICE.test(role)) return "vice";
  if (FOREIGN.test(role)) return "foreign";
  if (DEFENSE.test(role)) return "defense";
  if (HEAD.test(role) && !NOT_HEAD.test(role)) return "head";
  if (NOT_HEAD.test(role)) return "other";
  if (MINISTER.test(role)) return "minister";
  if (OFFICIAL.test(role)) return "official";
  return null;
}

/** The level of a meeting between holders of these two ranks. */
export function levelOfRanks(a: Rank, b: Rank): Level {
  if (a === b) {
    if (a === "head") return "summit";
    if (a === "foreign") return "foreign_ministers";
    if (a === "defense" || a === "minister") return "ministerial";
    if (a === "vice") return "vice_ministerial";
    if (a === "official") return "working_level";
    return "other";
  }
  if ((a === "defense" && b === "minister") || (a === "minister" && b === "defense")) return "ministerial";
  return "other";
}

/**
 * The level a meeting's name states ("Summit Meeting", "Foreign Ministers' Meeting", "(2+2)",
 * "vice-ministerial level talks"), or null when its name does not say.
 */
export function levelOfPhrase(phrase: string): Level | null {
  // memoized: a pure function of the phrase, and the same few phrases ("summit meeting") are asked again and again
  return levelByPhrase.get(phrase, computeLevel);
}

const levelByPhrase = new Memo<string, Level | null>();

function computeLevel(phrase: string): Level | null {
  const p = phrase.toLowerCase();
  if (/economic\s*["“]?\s*2\s*\+\s*2|economic policy consultative/.test(p)) return "ministerial";
  if (/2\s*\+\s*2|security consultative committee|foreign and defen[cs]e/.test(p)) return "two_plus_two";
  if (/\bsummit|\bleaders['’]?\s*(?:meeting|talk|video|telephone|summit)|\bheads? of (?:state|government)/.test(p))
    return "summit";
  if (/vice[- ]?minist|deputy[- ]minist|vice[- ]foreign/.test(p)) return "vice_ministerial";
  if (/foreign\s+minist/.test(p)) return "foreign_ministers";
  if (/director[- ]general|working[- ]level|senior\s+officials|officials['’]?\s+(?:meeting|talk|consultation)/.test(p))
    return "working_level";
  if (/minist/.test(p)) return "ministerial";
  return null;
}

/** telephone / video when the words say so, else in_person. */
export function modalityOf(phrase: string): Modality {
  // memoized like levelOfPhrase
  return modalityByPhrase.get(phrase, computeModality);
}

const modalityByPhrase = new Memo<string, Modality>();

function computeModality(phrase: string): Modality {
  const p = phrase.toLowerCase();
  if (/video|tele-?conference|online|virtual|web\s+conference/.test(p)) return "video";
  if (/telephone|phone\s+(?:talk|call)|(?<!courtesy\s)\bcalls?\b/.test(p)) return "telephone";
  return "in_person";
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  once: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** "eight" -> 8, "13" -> 13, "twenty-one" -> 21, "thrice" -> 3; null when not a number. */
export function parseNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^\d{1,4}$/.test(w)) return Number(w);
  if (w === "thrice") return 3;
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w]!;
  const m =
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](one|two|three|four|five|six|seven|eight|nine)$/.exec(
      w,
    );
  if (m) return NUMBER_WORDS[m[1]!]! + NUMBER_WORDS[m[2]!]!;
  return null;
}

/** The regex source of a number as written (digits or words). */
export const NUMBER_SRC =
  "(?:\\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

/** Words before an event mention that make it a plan, a wish or a future event, not a fact. */
export const PLAN_BEFORE =
  /\b(?:will|would|shall|plans?\s+to|planned|planning|intends?\s+to|intended|intention|agreed\s+to|decided\s+to|hopes?\s+to|hoped|wish(?:es|ed)?\s+to|looks?\s+forward|looked\s+forward|expected\s+to|expects?|scheduled|set\s+to|upcoming|forthcoming|next|future|toward(?:s)?(?:\s+the)?|prepar\w+\s+for|in\s+the\s+run-up\s+to|ahead\s+of|invit\w+|possible|potential|early\s+realization\s+of|proposed|aim\w*\s+(?:to|at|for)|seek\w*\s+to|to\s+be\s+held|called\s+for|urged)\b[^.;]{0,40}$/i;

/** Words after an event mention that make it future or negated. */
export const PLAN_AFTER =
  /^(?:\s*\([^()]{0,30}\))?(?:\s*,[^,;.()]{1,40},)?(?:\s*,\s*(?:which|that)\b)?[^.;,]{0,25}\b(?:will\s+be|would\s+(?:have\s+)?been|would\s+be|is\s+expected|is\s+to\s+be|(?:was|were)\s+to\s+(?:be|have)|to\s+be\s+held|is\s+scheduled|(?:was|were|had\s+been)\s+(?:originally\s+)?(?:scheduled|planned)|was\s+not|were\s+not|has\s+not|had\s+not|was\s+postponed|were\s+postponed|was\s+cancel+ed|were\s+cancel+ed|was\s+called\s+off|(?:was|were|had\s+been)\s+(?:widely\s+)?expected|did\s+not\s+(?:take\s+place|happen|materiali[sz]e)|never\s+(?:took\s+place|happened|materiali[sz]ed))\b/i;

/**
 * A word each of PLAN_AFTER's forms holds, whole (be, been, have, expected, scheduled, planned, not, postponed,
 * cancel(l)ed, called, never): a window without one is no plan. One scan of the window, cheaper than PLAN_AFTER,
 * which tries its forms after each of the first 25 characters (and after an apposition) and matches few windows.
 */
export const PLAN_AFTER_WORD = /\b(?:be|been|have|expected|scheduled|planned|not|postponed|cancel+ed|called|never)\b/i;

/** Habitual or vague: "visited each other frequently", "frequent visits", "mutual visits". */
export const HABITUAL =
  /\b(?:each other|one another|frequent(?:ly)?|mutual|regular(?:ly)?|repeatedly|various|series of|a number of|numerous|many)\b/i;
