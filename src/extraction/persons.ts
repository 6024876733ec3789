import { foldChars } from "../segmenting/normalize.js";
import { SPACE_UNIT } from "./chars.js";
import type { CountryHit, PersonHit } from "./context.js";
import { countryNames, countrySurfaces, trieSource, WORD_CHAR } from "./countries.js";
import { allMatches } from "./matches.js";
import { MEMO_LIMIT, Memo } from "./memo.js";
import {
  bestRow,
  inTerm,
  isKnownFamily,
  lookupKey,
  nameKey,
  type Officeholder,
  officeholders,
  officesForTitle,
  resolveFamily,
  rowsByName,
} from "./officeholders.js";
import { organizationAliases } from "./organizations.js";

export interface PersonContext {
  /** the year the text speaks of (coveredYear, or the readout's year), for resolving "Foreign Minister Hayashi" */
  year: number | null;
  /** countries found in the same text, to attach a country to a title ("President of the ROK") */
  countries: CountryHit[];
}

// --- name words -----------------------------------------------------------

/** A capitalised name word: "Abe", "ABE", "Jae-in", "Akufo-Addo", "O'Neill", "Mélanie". */
const WORD = String.raw`(?:\p{Lu}')?\p{Lu}[\p{Ll}\p{Lu}\p{M}]*(?:'\p{Lu}[\p{L}\p{M}]*)?(?:-[\p{L}\p{M}]+)*`;
const INITIAL = String.raw`\p{Lu}\.(?:\s?\p{Lu}\.)*`;
const SUFFIX = String.raw`(?:Jr\.|Sr\.|II|III|IV|VI|XIV|XVI)`;
const PARTICLES = [
  "bin",
  "binti",
  "bint",
  "ibn",
  "al",
  "el",
  "von",
  "van",
  "der",
  "den",
  "de",
  "du",
  "da",
  "das",
  "do",
  "dos",
  "e",
  "la",
  "le",
  "di",
];
const PARTICLE = `(?:${PARTICLES.join("|")})`;
/** A name of up to six words after a title or honorific ("Donald J. Trump", "José Ulisses Correia e Silva"). */
const NAME_RE = new RegExp(
  String.raw`(?:${WORD})(?:\s+(?:${INITIAL}|${SUFFIX}|(?:${PARTICLE}\s+){0,2}(?:${WORD}))(?![\p{L}\p{M}])){0,5}(?![\p{L}\p{M}])`,
  "uy",
);
const PARTICLE_SET = new Set(PARTICLES);
/** An upper-case letter, in a regex without the "u" flag. */
const UPPER = "[A-Z\\u00C0-\\u00DE\\u0100-\\u024F]";

/**
 * Capitalised words that end a name: they follow titles in headlines and
 * prose ("Prime Minister Abe Visits", "President Trump Administration").
 */
const STOP_WORDS = new Set(
  [
    "Administration",
    "Government",
    "Cabinet",
    "Summit",
    "Meeting",
    "Meetings",
    "Talks",
    "Talk",
    "Dialogue",
    "Conference",
    "Telephone",
    "Call",
    "Video",
    "Visit",
    "Visits",
    "Office",
    "Council",
    "Statement",
    "Initiative",
    "Doctrine",
    "Plan",
    "Declaration",
    "Foundation",
    "Memorial",
    "Institute",
    "Award",
    "Prize",
    "Center",
    "Centre",
    "University",
    "Day",
    "Era",
    "Residence",
    "Ministry",
    "Minister",
    "Ministers",
    "Prime",
    "President",
    "Secretary",
    "Foreign",
    "State",
    "Vice",
    "Deputy",
    "Chief",
    "General",
    "Director",
    "Director-General",
    "Ambassador",
    "Extraordinary",
    "Plenipotentiary",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "From",
    "To",
    "With",
    "And",
    "But",
    "As",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "Both",
    "Following",
    "Also",
    "Attends",
    "Attend",
    "Holds",
    "Hold",
    "Meets",
    "Meet",
    "Receives",
    "Pays",
    "Makes",
    "Hosts",
    "Delivers",
    "Gives",
    "Joins",
    "Welcomes",
    "Signs",
    "Announces",
    "Leaves",
    "Departs",
    "Arrives",
    "Returns",
    "Travels",
    "Tours",
    "Calls",
    "Courtesy",
    "Condolence",
    "Congratulatory",
    "Message",
    "Speech",
    "Remarks",
    "Attendance",
    "Participation",
    "Island",
    "Islands",
    "Street",
    "Airport",
    "Bridge",
    "Port",
    "Station",
    "Award",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Emeritus",
    "Cooperation",
    "Partnership",
    "Agreement",
    "Alliance",
    "Strategy",
    "Policy",
    "Forum",
    "Session",
    "Committee",
    "Commission",
    "Prefecture",
    "Special",
    "Envoy",
    "Advisor",
    "Adviser",
    "Representative",
    "Spokesperson",
    "Press",
    "Official",
    "Officials",
    "Delegation",
    "Mission",
    "Team",
    "Level",
    "Leaders",
    "Leader",
    "Letter",
    "Chair",
    "Chairman",
    "Chairperson",
    "Speaker",
    "Participates",
    "Exchanges",
    "Issues",
    "Releases",
    "Expresses",
    "Sends",
    "Congratulates",
    "Speaks",
    "Addresses",
    "Co-chairs",
    "Chairs",
    "Opens",
    "Launches",
    "Presents",
    "Accepts",
    "Observes",
    "Inspects",
    "Commemorates",
    "Unveils",
    "Concludes",
    "Confers",
    "Agree",
    "Agrees",
    "Discuss",
    "Discusses",
    "Counsellor",
    "Counselor",
    "Minister-Counsellor",
    "Prefectural",
    "City",
    "Province",
    "County",
    "Region",
    "District",
    "Assembly",
    "Parliament",
    "House",
    "Senate",
    "Congress",
    "Party",
    "Republic",
    "Kingdom",
    "Federation",
    "Union",
    "Affairs",
    "Bureau",
    "Division",
  ].map((w) => w.toLowerCase()),
);
/** Family names that are also common words: a title is needed before them. */
const COMMON_FAMILIES = new Set([
  "english",
  "may",
  "major",
  "key",
  "cook",
  "brown",
  "hunt",
  "rice",
  "bishop",
  "gates",
  "austin",
  "christopher",
  "francis",
  "charles",
  "jonathan",
  "martin",
  "smith",
  "mills",
  "carter",
  "powell",
  "young",
  "to",
  "son",
  "lam",
  "khan",
  "leo",
  "costa",
  "michel",
  "philippe",
  "santos",
  "castro",
  "peters",
  "wong",
  "hassan",
  "ahmed",
  "salman",
  "abdullah",
  "mohammed",
  "fox",
  "bio",
  "cohen",
  "perry",
  "clark",
  "cannon",
  "champagne",
  "anand",
]);

// --- titles and honorifics ------------------------------------------------

const PORTFOLIO_WORDS = [
  "Foreign",
  "Affairs",
  "Defense",
  "Defence",
  "Economy",
  "Economic",
  "Trade",
  "Industry",
  "Finance",
  "Land",
  "Infrastructure",
  "Transport",
  "Tourism",
  "Health",
  "Labour",
  "Labor",
  "Welfare",
  "Agriculture",
  "Forestry",
  "Fisheries",
  "Environment",
  "Internal",
  "Communications",
  "Justice",
  "Education",
  "Culture",
  "Sports",
  "Science",
  "Technology",
  "Reconstruction",
  "Revitalization",
  "Security",
  "Digital",
  "Transformation",
  "Energy",
  "Commerce",
  "Home",
  "External",
  "Interior",
  "State",
  "National",
  "Policy",
  "Planning",
  "Development",
  "Investment",
  "Cooperation",
  "International",
  "Relations",
  "Europe",
  "European",
  "Integration",
  "Overseas",
  "Territorial",
  "Okinawa",
  "Northern",
  "Territories",
  "Fiscal",
  "Financial",
  "Services",
  "Public",
  "Works",
  "Information",
  "Regional",
  "Political",
  "Global",
  "Multilateral",
  "Women",
  "Gender",
  "Equality",
  "Youth",
  "Children",
  "Food",
  "Resources",
  "Natural",
  "Mines",
  "Mining",
  "Petroleum",
  "Power",
  "Housing",
  "Urban",
  "Rural",
  "Local",
  "Employment",
  "Social",
  "Immigration",
  "Maritime",
  "Marine",
  "Climate",
  "Change",
  "Disaster",
  "Management",
  "Treasury",
  "Japan",
  "Abroad",
  "Citizens",
  "Worship",
  "Asian",
  "Oceanian",
  "Reform",
  "Administrative",
];
// country names too: "Ambassador to Japan", "Minister of Foreign Affairs of the Republic of Korea"
const PF = `(?:${trieSource([...PORTFOLIO_WORDS, ...countryNames(), "ROK", "DPRK", "U.S.", "UK", "PRC", ...organizationAliases().filter((a) => /^[A-Z][A-Z0-9]+$/.test(a))])})`;
const PF_SEQ = String.raw`(?:the\s+)?${PF}(?:(?:,\s*|\s+and\s+|\s+)${PF})*`;
const PREFIXES = [
  "Deputy",
  "Vice",
  "Senior",
  "State",
  "Parliamentary",
  "Acting",
  "First",
  "Federal",
  "Special",
  "Permanent",
  "Assistant",
  "Under",
  "Senior Vice",
  "Parliamentary Vice",
  "First Deputy",
  "First Vice",
  "Executive Vice",
  "Deputy Chief",
];
const TITLE_CORES = [
  "Prime Minister",
  "Premier",
  "Chancellor",
  "President",
  "Foreign Minister",
  "Foreign Secretary",
  "Defense Minister",
  "Defence Minister",
  "Finance Minister",
  "Trade Minister",
  "Economy Minister",
  "Interior Minister",
  "Home Minister",
  "External Affairs Minister",
  "Secretary of State",
  "Secretary of Defense",
  "Secretary of Defence",
  "Secretary of War",
  "Secretary of the Treasury",
  "Secretary of Commerce",
  "Secretary of Energy",
  "Secretary of Homeland Security",
  "Secretary of Foreign Affairs",
  "Secretary-General",
  "Secretary General",
  "General Secretary",
  "Chief Cabinet Secretary",
  "Cabinet Secretary",
  "State Councilor",
  "State Councillor",
  "State Counsellor",
  "Chief Adviser",
  "Chairman",
  "Chairperson",
  "Supreme Leader",
  "Commander-in-Chief",
  "Chief Executive",
  "King",
  "Queen",
  "Emperor",
  "Empress",
  "Crown Prince",
  "Crown Princess",
  "Prince",
  "Princess",
  "Emir",
  "Amir",
  "Sultan",
  "Pope",
  "Grand Duke",
  "Sheikh",
  "Ambassador",
  "Governor",
  "Senator",
  "Speaker",
  "Mayor",
  "Director-General",
  "Director General",
  "High Representative",
  "Special Envoy",
  "Special Adviser",
  "Special Advisor",
  "Vice-Minister",
  "Minister",
  "Secretary",
  "President-elect",
  "National Security Advisor",
  "National Security Adviser",
  "Trade Representative",
  "Commissioner",
  "High Commissioner",
  "Consul-General",
  "Consul General",
  "Charg\u00e9 d'Affaires",
  "Chief Minister",
  "Prime Ministers",
  "Presidents",
  "Foreign Ministers",
  "Ministers",
  "Leaders",
  "Prime Minister-designate",
];
/**
 * Every title with its prefixes ("Deputy Prime Minister", "Senior Vice-Minister"), as one trie, and up to three
 * "of/for/to <portfolio or country>" after it. The preposition is a capture group (the scan's group 3, read by no
 * one) for V8's sake: it unrolls a `{0,3}` without captures into three copies of its body, here the whole
 * portfolio-and-country alternation, and compiling the scan regex then took 110-220 ms per thread instead of
 * 30-40.
 */
const TITLE = String.raw`(?:${trieSource(TITLE_CORES)})(?:\s+(of|for|to|in\s+charge\s+of)\s+${PF_SEQ}){0,3}`;
/**
 * The prefixes of a title found before it ("Deputy Prime Minister", "Senior
 * Vice-Minister"): looked up behind the title rather than put into the scan,
 * which keeps the scanning regex small enough for the engine to optimise.
 */
const PREFIX_BEFORE = new RegExp(`(?:(?:${PREFIXES.join("|")})[\\s-]+)+$`);
/**
 * The last words of PREFIXES: what must stand right before the white space or "-" before a title
 * for PREFIX_BEFORE to match; by their last letter (ASCII), so that a title tries the one or two
 * that end with the letter before it.
 */
const PREFIX_LAST: string[][] = Array.from({ length: 128 }, () => []);
for (const w of new Set(PREFIXES.map((p) => p.split(" ").at(-1)!))) PREFIX_LAST[w.charCodeAt(w.length - 1)]!.push(w);

/**
 * False when PREFIX_BEFORE cannot match the text before `start` (most titles): it ends with white
 * space or "-" after one of the PREFIX_LAST words. Saves the slice and the regex, which V8 tries at
 * each of the 60 places of the slice.
 */
function mayFollowPrefix(folded: string, start: number): boolean {
  let k = start;
  for (let c = folded.charCodeAt(k - 1); k > 0 && (SPACE_UNIT[c] === 1 || c === 45); c = folded.charCodeAt(--k - 1));
  if (k === start) return false;
  const words = PREFIX_LAST[folded.charCodeAt(k - 1)];
  if (words === undefined) return false;
  for (const w of words) if (k >= w.length && folded.startsWith(w, k - w.length)) return true;
  return false;
}
const HONORIFICS = [
  "Mr.",
  "Ms.",
  "Mrs.",
  "Mr",
  "Ms",
  "Mrs",
  "Dr.",
  "Prof.",
  "Professor",
  "H.E.",
  "H. E.",
  "His Excellency",
  "Her Excellency",
  "His Majesty",
  "Her Majesty",
  "His Royal Highness",
  "Her Royal Highness",
  "His Imperial Highness",
  "Her Imperial Highness",
  "His Highness",
  "Her Highness",
  "the Honorable",
  "The Honorable",
  "the Honourable",
  "The Honourable",
  "Hon.",
  "Sir",
  "Dame",
  "Madam",
  "Mme.",
  "the late",
  "The late",
  "former",
  "Former",
  "Lord",
  "Baroness",
];
const HON = `(?:${trieSource(HONORIFICS)})`;

/** Plural titles ("Prime Ministers", "Foreign Ministers", "Presidents"): the last word loses its s for the role. */
const isPluralTitle = (title: string): boolean =>
  // all three end with an s: most titles are dismissed by their last letter
  title.charCodeAt(title.length - 1) === 115 &&
  (title.endsWith("Ministers") || title.endsWith("Presidents") || title.endsWith("Leaders"));

/** `s.replace(/\s+/g, " ")`, without the regex for the usual text whose white space is single spaces already. */
function singleSpaced(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (SPACE_UNIT[c] === 1 && (c !== 32 || SPACE_UNIT[s.charCodeAt(k + 1)] === 1)) return s.replace(/\s+/g, " ");
  }
  return s;
}

/** Titles only Japan uses in English: they place an unresolved person in Japan. */
const JAPANESE_TITLES =
  /^(?:Minister for Foreign Affairs|State Minister for Foreign Affairs|Parliamentary Vice-Minister for Foreign Affairs|Senior Vice-Minister for Foreign Affairs|Vice-Minister for Foreign Affairs|Deputy Minister for Foreign Affairs|Chief Cabinet Secretary|Deputy Chief Cabinet Secretary)$/;

/** Letters after a name that are not part of it ("Scott Morrison MP", "Sir John Smith KCMG"). */
const POST_NOMINALS = new Set([
  "MP",
  "QC",
  "KC",
  "SC",
  "MEP",
  "MNA",
  "OBE",
  "CBE",
  "KBE",
  "MBE",
  "GCMG",
  "KCMG",
  "CMG",
  "AC",
  "AO",
  "PC",
]);

/** An honorific between a title and the name ("Vice-Minister Ms. Horii", "Deputy Foreign Minister Mr. Ryabkov"). */
let honAfter: RegExp | null = null;

// --- full names from the officeholder table -------------------------------

/** Sorted lower-case words without initials and suffixes: "Donald J. Trump" and "TRUMP Donald" meet. */
const personKeys = new Memo<string, string>();
function personKey(name: string): string {
  // a pure function of the name, asked for the same few names again and again
  return personKeys.get(name, computePersonKey);
}

function computePersonKey(name: string): string {
  return nameKey(name)
    .split(/\s+/)
    .filter((w) => w && !/^\p{L}\.$/u.test(w) && !/^(?:jr|sr)\.?$|^(?:ii|iii|iv|vi|xiv|xvi)$/.test(w))
    .sort()
    .join(" ");
}

function fullNameForms(r: Officeholder): string[] {
  const forms = new Set<string>();
  const base = r.name.replace(/\s+(?:Jr\.|Sr\.|II|III|IV|VI|XIV|XVI)$/, "");
  if (base.split(/\s+/).length >= 2) forms.add(base);
  for (const a of r.aliases) if (/\s/.test(a)) forms.add(a.replace(/\s+(?:Jr\.|Sr\.|II|III)$/, ""));
  if (r.country === "JPN" && r.given) {
    forms.add(`${r.family.toUpperCase()} ${r.given}`);
    forms.add(`${r.family} ${r.given}`);
    forms.add(`${r.given} ${r.family.toUpperCase()}`);
  }
  return [...forms];
}

interface Tables {
  /** the scan regex, sticky: run only where `unitClass` allows a match (see `anchorAt`) */
  anchor: RegExp;
  /**
   * Per UTF-16 unit: STARTS when a match of `anchor` can start with it, | BLOCKS when no match
   * starts right after it (a letter or digit, as `inWord` says, or ".")
   */
  unitClass: Uint8Array;
  /** personKey of every form of every name in the table -> canonical name */
  byPersonKey: Map<string, string>;
  /** keys that several persons' names share ("George W. Bush", "George H. W. Bush"): every canonical name */
  shared: Map<string, string[]>;
  /** the first words of those forms as written, to dismiss most capitalised words at once */
  firstWords: Set<string>;
  /**
   * For `idleWordEnd`, a bit set by hash of `firstWords` and of the leading runs of ASCII letters
   * of the honorifics, titles and "administration" words ("Mr" of "Mr.", "Vice" of
   * "Vice-Minister", "Prime" of "Prime Minister"): a match of the scan's first, second or fourth
   * branch starts with one of these runs, a whole one (white space or a non-letter follows).
   */
  wantBits: Uint32Array;
}

/** Between a title and a name: spaces, or one line break (not a blank line: a heading ends there). */
const TITLE_GAP = String.raw`(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)`;

/** A capitalised word, in a regex without the "u" flag. */
const CAP_WORD = String.raw`${"[A-Z\\u00C0-\\u00DE\\u0100-\\u024F]"}[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]*(?:'[A-Z][A-Za-z\u00C0-\u024F]*)?(?:-[A-Za-z\u00C0-\u024F]+)*`;

function build(): Tables {
  const byPersonKey = new Map<string, string>();
  const shared = new Map<string, string[]>();
  const firstWords = new Set<string>();
  for (const r of officeholders()) {
    for (const f of [...fullNameForms(r), r.name]) {
      const k = personKey(f);
      const had = byPersonKey.get(k);
      if (had === undefined) byPersonKey.set(k, r.name);
      else if (had !== r.name) {
        const list = shared.get(k) ?? [had];
        if (!list.includes(r.name)) list.push(r.name);
        shared.set(k, list);
      }
      firstWords.add(f.split(/\s+/)[0]!);
    }
  }
  // No "u" flag, no lookbehind and no large alternation: the engine can then scan
  // quickly for first characters. The left word boundary is checked on each match,
  // and a run of capitalised words is looked up in the table's names.
  const anchor = new RegExp(
    [
      String.raw`(?:(${HON}(?:\s+${HON})*)\s+)?(${TITLE})${TITLE_GAP}(?=${UPPER})`,
      String.raw`(${HON}(?:\s+${HON})*)${TITLE_GAP}(?=${UPPER})`,
      String.raw`(${CAP_WORD}(?:\s+(?:[A-Z]\.\s+)?(?:${PARTICLE}\s+){0,2}${CAP_WORD}){1,4})(?!${WORD_CHAR})`,
      `([Aa]dministration|Cabinet|[Gg]overnment)(?!${WORD_CHAR})`,
    ].join("|"),
    "g",
  );
  if (anchor.source.length > 19_000)
    throw new Error(
      `persons: the scan regex grew to ${anchor.source.length} chars; V8 stops optimising regexes over 20 KB`,
    );
  // the characters a match of `anchor` can start with: an honorific's or a title's first, a capital
  // (CAP_WORD's UPPER), or "a"/"g" of "administration"/"government"
  const unitClass = new Uint8Array(0x10000);
  for (const w of [...HONORIFICS, ...TITLE_CORES, "administration", "government"]) unitClass[w.charCodeAt(0)] = STARTS;
  for (const [from, to] of [
    [0x41, 0x5a],
    [0xc0, 0xde],
    [0x100, 0x24f],
  ] as const)
    for (let c = from; c <= to; c++) unitClass[c] = STARTS;
  // what `inWord` asks of the unit before a place (a letter, digit or mark), and the "." the finder skips after
  for (let c = 0; c < 0x10000; c++) if (WORD_UNIT_U.test(String.fromCharCode(c))) unitClass[c]! |= BLOCKS;
  unitClass[46]! |= BLOCKS;
  const leads = new Set<string>();
  for (const w of [
    ...HONORIFICS,
    ...TITLE_CORES,
    "administration",
    "Administration",
    "Cabinet",
    "government",
    "Government",
  ])
    leads.add(/^[A-Za-z]*/.exec(w)![0]);
  const wantBits = wordBits([...leads, ...firstWords]);
  return { anchor: new RegExp(anchor.source, "y"), unitClass, byPersonKey, shared, firstWords, wantBits };
}

/** The longest run of words from the start of `run` that is a name of the table, as [length in chars, name]. */
function knownPrefix(run: string, t: Tables): [number, string] | null {
  const sp = run.search(/\s/);
  if (!t.firstWords.has(sp < 0 ? run : run.slice(0, sp))) return null;
  const words: [string, number][] = [];
  for (const m of allMatches(run, /\S+/g)) words.push([m[0], m.index + m[0].length]);
  for (let k = words.length; k >= 2; k--) {
    const name = t.byPersonKey.get(
      personKey(
        words
          .slice(0, k)
          .map((w) => w[0])
          .join(" "),
      ),
    );
    if (name) return [words[k - 1]![1], name];
  }
  return null;
}

let tables: Tables | null = null;
let countryWords: Set<string> | null = null;

function isStop(word: string): boolean {
  const w = word.toLowerCase();
  if (STOP_WORDS.has(w)) return true;
  countryWords ??= new Set([...countrySurfaces()].map((s) => s.toLowerCase()));
  if (countryWords.has(w)) return true;
  // "Japan-U" from "Japan-U.S.", "Japan-ROK": a compound with a country is not a name
  if (w.includes("-") && w.split("-").some((p) => countryWords!.has(p))) return true;
  return false;
}

const titleCase = (w: string) =>
  w.toLowerCase().replace(/(^|[-'\s])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
/** A word in capitals ("ABE"): a capital and no small letter, two characters or more. */
function isCaps(w: string): boolean {
  if (w.length < 2) return false;
  // ASCII words (most) without the two regexes: \p{Lu} and \p{Ll} are A-Z and a-z there
  let capital = false;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128) return /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
  }
  return capital;
}

/** Family names that stand first in English (Chinese, Korean, Vietnamese, Cambodian...). */
const EASTERN_FAMILIES = new Set(
  (
    "kim lee yi park pak choi choe chung jung jeong yoon yun moon mun kang cho jo han shin seo kwon hwang ahn an song " +
    "ryu yu hong jeon ko koh noh roh ban oh lim im nam baek heo yoo lee " +
    "li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang zheng xie tang feng " +
    "dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia zhong " +
    "tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui mao qiu qin gu hou shao meng long wan duan " +
    "qian yin xi wen hua " +
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong luong " +
    "hun tsai lai"
  ).split(/\s+/),
);

interface Parsed {
  readonly name: string;
  readonly family: string;
  readonly row: Officeholder | null;
}

/** Initials kept: "George W. Bush" -> "bush george w". */
const initialsKey = (name: string) =>
  nameKey(name)
    .replace(/\./g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(?:jr|sr|ii|iii|iv)$/.test(w))
    .sort()
    .join(" ");

/**
 * One of several persons whose names differ only by initials: the one whose
 * name has the written initials, else the one in office in the year, else
 * none (null: the written name stays as it is).
 */
function choose(candidates: string[], written: string, year: number | null): string | null {
  const k = initialsKey(written);
  const exact = candidates.filter((c) => initialsKey(c) === k);
  if (exact.length === 1) return exact[0]!;
  if (year !== null) {
    const serving = candidates.filter((c) => rowsByName(c).some((r) => inTerm(r, year)));
    if (serving.length === 1) return serving[0]!;
  }
  return null;
}

/** canonical's answers, by year, then by the name as written; and how many it holds in all. */
const parsedByYear = new Map<number | null, Map<string, Parsed>>();
let parsedCount = 0;
/**
 * Canonical name and family of a full name as written (two words or more, between white space). A
 * pure function of the words and the year (the table is fixed), asked again for every mention of
 * the same person: memoized by year and written name, without a key string made for each (the
 * answers are read, never changed). `written` is the words with the white space written between
 * them; `tokens`, when the caller has them, are its words.
 */
function canonical(
  written: string,
  tokens: readonly string[] | null,
  year: number | null,
  byPersonKey: Map<string, string>,
): Parsed {
  let byName = parsedByYear.get(year);
  let parsed = byName?.get(written);
  if (parsed === undefined) {
    parsed = computeCanonical(tokens ?? written.split(/\s+/), year, byPersonKey);
    if (parsedCount >= MEMO_LIMIT) {
      parsedByYear.clear();
      parsedCount = 0;
      byName = undefined;
    }
    if (byName === undefined) {
      byName = new Map();
      parsedByYear.set(year, byName);
    }
    byName.set(written, parsed);
    parsedCount++;
  }
  return parsed;
}

function computeCanonical(tokens: readonly string[], year: number | null, byPersonKey: Map<string, string>): Parsed {
  const written = tokens.join(" ");
  const key = personKey(written);
  const candidates = tables?.shared.get(key);
  const known = candidates ? choose(candidates, written, year) : byPersonKey.get(key);
  if (known) {
    const row = bestRow(rowsByName(known), year);
    return { name: known, family: row?.family ?? tokens.at(-1)!, row };
  }
  const words = tokens.filter((t) => !/^\p{Lu}\.$/u.test(t));
  // "Rodrigo Roa Duterte": a middle name the table does not write
  if (words.length >= 3) {
    const outer = byPersonKey.get(personKey(`${words[0]} ${words.at(-1)}`));
    const row = outer ? bestRow(rowsByName(outer), year) : null;
    if (outer && row && nameKey(row.family) === nameKey(words.at(-1)!)) return { name: outer, family: row.family, row };
  }
  const first = words[0]!;
  const rest = words.slice(1);
  // "ABE Shinzo": the Bluebook writes Japanese family names in capitals, family first
  if (isCaps(first) && rest.length > 0 && rest.every((w) => !isCaps(w))) {
    const family = titleCase(first);
    return { name: `${rest.join(" ")} ${family}`, family, row: null };
  }
  const last = words.at(-1)!;
  if (isCaps(last) && words.slice(0, -1).every((w) => !isCaps(w))) {
    const family = titleCase(last);
    return { name: [...words.slice(0, -1), family].join(" "), family, row: null };
  }
  // "Yun Byung-se", "Li Keqiang": family name first
  if (
    words.length <= 3 &&
    EASTERN_FAMILIES.has(first.toLowerCase()) &&
    rest.every((w) => /^\p{Lu}[\p{Ll}-]+$/u.test(w))
  ) {
    if (rest.length === 1 || rest.some((w) => w.includes("-")) || rest.length === 2) {
      return { name: words.join(" "), family: first, row: null };
    }
  }
  // the family name is the last word, with the particles before it ("von der Leyen")
  let i = words.length - 1;
  while (/^(?:Jr\.|Sr\.|II|III|IV)$/.test(words[i]!) && i > 0) i--;
  let j = i;
  while (j > 1 && PARTICLE_SET.has(words[j - 1]!)) j--;
  return { name: words.join(" "), family: words.slice(j, i + 1).join(" "), row: null };
}

/** Cuts the words of a name at the first word that cannot belong to it. */
/**
 * Words of a body's name that may stand between a title's complement and the
 * name in attendee lists ("Chairman of the National Development and Reform
 * Commission He Lifeng", "Secretary General of the National Security
 * Secretariat Shotaro Yachi"): skipped when a full name follows.
 */
const BODY_WORDS = new Set([
  "commission",
  "committee",
  "secretariat",
  "bureau",
  "office",
  "agency",
  "council",
  "bank",
  "department",
  "ministry",
  "division",
  "institute",
  "party",
  "board",
  "authority",
  "corporation",
  "organization",
  "organisation",
  "headquarters",
  "staff",
  "forces",
  "center",
  "centre",
  "cabinet",
  "assembly",
  "parliament",
  "congress",
  "senate",
  "house",
  "administration",
  "government",
  "prefecture",
  "city",
  "province",
]);

/** The words of a name, and the same joined with single spaces (canonical's key: one string for every mention). */
interface NameWords {
  readonly words: readonly string[];
  readonly joined: string;
}

const tokensByRaw = new Map<string, NameWords>();
/** nameTokens is a pure function of the run, asked again for every mention: memoized (the words are read, never changed). */
function nameTokens(raw: string): NameWords {
  let name = tokensByRaw.get(raw);
  if (name === undefined) {
    const words = computeNameTokens(raw);
    name = { words, joined: words.join(" ") };
    if (tokensByRaw.size > 50_000) tokensByRaw.clear();
    tokensByRaw.set(raw, name);
  }
  return name;
}

function computeNameTokens(raw: string): string[] {
  let words = raw.split(/\s+/).filter(Boolean);
  let lead = 0;
  while (lead < words.length && BODY_WORDS.has(words[lead]!.toLowerCase())) lead++;
  if (lead > 0) {
    const rest = words.slice(lead);
    const named = rest.findIndex((w) => isStop(w.replace(/\.$/, "")));
    if ((named < 0 ? rest.length : named) < 2) return [];
    words = rest;
  }
  const out: string[] = [];
  for (const w of words) {
    if (isStop(w.replace(/\.$/, "")) || POST_NOMINALS.has(w.replace(/\.$/, ""))) break;
    out.push(w);
  }
  while (out.length > 0 && PARTICLE_SET.has(out.at(-1)!)) out.pop();
  return out;
}

/**
 * The one person of that family name, among those the title and year leave,
 * whose country is named in the same sentence; null when none or several are.
 */
function bySentenceCountry(
  family: string,
  hints: { title: string | null; year: number | null; country: string | null },
  folded: string,
  countries: CountryHit[],
  start: number,
  end: number,
): Officeholder | null {
  if (!isKnownFamily(family)) return null;
  const from = Math.max(start - 300, folded.lastIndexOf("\n", start) + 1, sentenceStop(folded, start));
  let to = folded.indexOf("\n", end);
  if (to < 0 || to > end + 300) to = Math.min(folded.length, end + 300);
  to = fullStopBefore(folded, end, to);
  const found = new Map<string, Officeholder>();
  // the countries that start in [from, to), in text order: found by binary search (the hits are in
  // text order), not by a pass over every country of the document
  for (let k = firstStartingAt(countries, from); k < countries.length && countries[k]!.start < to; k++) {
    const c = countries[k]!;
    const r = resolveFamily(family, { ...hints, country: c.code });
    if (r && r.country === c.code) found.set(r.name, r);
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

const TEMPORAL_YEAR =
  /\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Oo]n|[Dd]uring|[Uu]ntil|[Bb]y)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},\s+)?)?((?:19|20)\d{2})(?![\d-])/g;

const TEMPORAL_YEAR_AT = new RegExp(TEMPORAL_YEAR.source, "y");
/** Where a TEMPORAL_YEAR match can start: one of its prepositions, at a word boundary, before a space. */
const TEMPORAL_START = /\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Oo]n|[Dd]uring|[Uu]ntil|[Bb]y)\s/g;

/** The year a sentence dates itself by ("In 1995, ...", "... on May 3, 2000"), when it gives one year only. */
function sentenceYear(folded: string, start: number, end: number): number | null {
  const from = Math.max(start - 300, folded.lastIndexOf("\n", start) + 1, sentenceStop(folded, start));
  let to = folded.indexOf("\n", end);
  if (to < 0 || to > end + 300) to = Math.min(folded.length, end + 300);
  to = fullStopBefore(folded, end, to);
  // mentions of one sentence ("Prime Minister Abe and President Trump") share its window: the last answer is kept
  if (folded === yearText && from === yearFrom && to === yearTo) return yearFound;
  yearText = folded;
  yearFrom = from;
  yearTo = to;
  yearFound = yearIn(folded, from, to);
  return yearFound;
}

/** The last window sentenceYear was asked about, and its answer (cleared when findPersons ends). */
let yearText: string | null = null;
let yearFrom = -1;
let yearTo = -1;
let yearFound: number | null = null;

/** The one year the TEMPORAL_YEAR matches starting in [from, to) give, else null. */
function yearIn(folded: string, from: number, to: number): number | null {
  let found: number | null = null;
  // The matches TEMPORAL_YEAR (global) would find from `from` that start before `to`, without its
  // search running on to the end of the document when there is none: the places that can open one
  // are found in the window, and each is tried (sticky) on the whole text.
  const window = folded.slice(from, Math.min(folded.length, to + 8));
  TEMPORAL_START.lastIndex = 0;
  let next = from;
  for (let c = TEMPORAL_START.exec(window); c; c = TEMPORAL_START.exec(window)) {
    const p = from + c.index;
    if (p >= to) break;
    if (p < next) continue;
    TEMPORAL_YEAR_AT.lastIndex = p;
    const m = TEMPORAL_YEAR_AT.exec(folded);
    if (!m) continue;
    const y = Number(m[1]);
    if (found !== null && found !== y) return null;
    found = y;
    next = m.index + m[0].length;
  }
  return found;
}

/** SENTENCE_STOP, a full stop followed by white space and a capital: where a sentence may end (sticky). */
const SENTENCE_AT = /[.!?]\s+(?=\p{Lu})/uy;
/** FULL_STOP, a full stop followed by white space or the end. */
const FULL_STOP = /[.!?](?:\s|$)/g;
/** "Mr." and initials do not end a sentence. */
const NOT_A_STOP = /(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Hon|Jr|Sr|St|H\.E|U\.S|U\.K)|\b\p{Lu})$/u;

interface Stops {
  /** SENTENCE_STOP matches that end a sentence: where each starts and ends */
  starts: number[];
  ends: number[];
  /** FULL_STOP matches that end a sentence: where each stands */
  full: number[];
}

let stopsText: string | null = null;
let stops: Stops | null = null;

/**
 * The document's sentence stops, found once for the text (the finder asked for them around every
 * mention, scanning up to 300 characters each way). Matches of these patterns never overlap (a stop
 * opens each, white space follows), so the ones a scan from a later place finds are the same.
 * Kept while findPersons runs on the text.
 */
function stopsOf(folded: string): Stops {
  if (stops && folded === stopsText) return stops;
  const found: Stops = { starts: [], ends: [], full: [] };
  // One scan, of FULL_STOP: a SENTENCE_STOP match opens at a FULL_STOP match too (white space
  // follows its stop), so it is tried there, sticky, and both ask NOT_A_STOP of the same four
  // characters (from the fifth on). Two global scans of the text, one with the "u" flag, before.
  FULL_STOP.lastIndex = 0;
  while (FULL_STOP.test(folded)) {
    // the match is the stop and one white space, or the stop alone at the end of the text
    const after = FULL_STOP.lastIndex;
    const c = folded.charCodeAt(after - 1);
    const p = c === 46 || c === 33 || c === 63 ? after - 1 : after - 2;
    SENTENCE_AT.lastIndex = p;
    const sentence = SENTENCE_AT.test(folded);
    const notAStop = p >= 4 ? NOT_A_STOP.test(folded.slice(p - 4, p)) : null;
    if (sentence && !(notAStop ?? NOT_A_STOP.test(folded.slice(0, p)))) {
      found.starts.push(p);
      found.ends.push(SENTENCE_AT.lastIndex);
    }
    if (!(notAStop ?? NOT_A_STOP.test(folded.slice(p - 4, p)))) found.full.push(p);
  }
  stopsText = folded;
  stops = found;
  return found;
}

/** The first index in the sorted `xs` whose value is at least `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first full stop that ends a sentence in [from, to), else `to`. */
function fullStopBefore(folded: string, from: number, to: number): number {
  const { full } = stopsOf(folded);
  const k = lowerBound(full, from);
  return k < full.length && full[k]! < to ? full[k]! : to;
}

/** Where the sentence holding `pos` starts: after the last full stop that ends a sentence (within 300 characters), or 0. */
function sentenceStop(folded: string, pos: number): number {
  const { starts, ends } = stopsOf(folded);
  const k = lowerBound(starts, pos) - 1;
  return k >= 0 && starts[k]! >= Math.max(0, pos - 300) ? ends[k]! : 0;
}

/** True when a country's name overlaps [from, to). */
function coversCountry(hits: CountryHit[], from: number, to: number): boolean {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const h = hits[lo];
  return h !== undefined && h.start < to;
}

/** The index of the first of `hits` (in text order) that starts at `from` or later; hits.length when none does. */
function firstStartingAt(hits: CountryHit[], from: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The country hits that start in [from, to). */
function countryIn(hits: CountryHit[], from: number, to: number): string | null {
  const h = hits[firstStartingAt(hits, from)];
  return h && h.start < to ? h.code : null;
}

const APPOSITIVE_RE =
  /,\s*(?:the\s+)?((?:First|Second|Deputy|Director|Ambassador|Minister|President|Premier|Prime|Secretary|Chairman|Chairperson|Governor|Head|Chief|Special|Senior|Member|Vice|Permanent|Consul|State|Parliamentary|Executive|Assistant|Counsellor|Counselor|Adviser|Advisor|Commissioner|Chair|Representative|Leader|Mayor|Speaker|General|Foreign|Defense|Defence|Chancellor|King|Queen|Crown|Emir|Amir|Sultan|High|Cabinet|Press|Spokesperson|Consul-General)\b[^,;()\n]*?)(?=\s*(?:,|;|\(|\)|\.(?:\s|$)|$|\n|\s+(?:who|held|met|and\s+(?:Mr|Ms|Mrs|Dr|H\.E)\b)))/y;
const OF_COUNTRY_RE = /\s+of\s+(?:the\s+)?/y;
/** "of <country>" inside a title ("Minister of State for Foreign Affairs of the United Kingdom"), tried sticky. */
const OF_AT = /\bof\s+(?:the\s+)?(?=\S)/y;

/** Words that make a name the name of an institution, a prize or a place ("Kofi Annan International Peacekeeping Training Centre"). */
const INSTITUTION_AFTER =
  /^\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Institute|Centre|Center|Foundation|Memorial|Prize|Award|University|Hall|Airport|Stadium|School|Library|Museum|Fellowship|Scholarship|Fund|Park|Bridge|Road|Street|Avenue|Square|Hospital|College|Academy|Lecture|Programme|Program|Doctrine|Vision|Statue|Port|Station|Building|Tower|Dam|Highway)(?![\w-])/;

function namesAnInstitution(folded: string, end: number): boolean {
  return INSTITUTION_AFTER.test(folded.slice(end, end + 90));
}

/** True where the scan regex is tried: a character that can start a match, at a word start, not after a ".". */
function anchorAt(t: Tables, folded: string, i: number): boolean {
  return (
    (t.unitClass[folded.charCodeAt(i)]! & STARTS) !== 0 &&
    (i <= 0 || (t.unitClass[folded.charCodeAt(i - 1)]! & BLOCKS) === 0)
  );
}

/** `unitClass` bits: a match of the scan regex can start with the unit; none starts right after it. */
const STARTS = 1;
const BLOCKS = 2;
/** What `inWord` (countries.ts) asks of one UTF-16 unit: a letter, digit or mark. */
const WORD_UNIT_U = /[\p{L}\p{N}\p{M}]/u;

/** A hash of a word's UTF-16 units, folded in one by one (as a scan reads them): see `wordBit`. */
const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;
/** A word's place in a bit set of 2^20 bits, from its hash. */
const wordBit = (h: number): number => (h ^ (h >>> 20)) & 0xfffff;

/** The bit set of `words`, by `wordBit`. */
function wordBits(words: Iterable<string>): Uint32Array {
  const bits = new Uint32Array(1 << 15);
  for (const w of words) {
    let h = 0;
    for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
    const b = wordBit(h);
    bits[b >>> 5]! |= 1 << (b & 31);
  }
  return bits;
}

/**
 * Most capitalised words open no match the finder keeps ("The", "Japan", "Summit"), yet cost a
 * run of the scan regex each. Where the word at `i` (up to the next white space) opens neither an
 * honorific, a title nor "administration" (its leading letters are none of theirs), is no first
 * word of a table name and is not in capitals (the only runs of words the finder keeps), the
 * regex could only give a run of words that findPersons dismisses, going on after the word; and
 * when no place inside the word may start a match either, going on one character later comes to
 * the same. Then the word's end is returned, to go on from; else 0 (the regex must be run at `i`).
 * The words are looked up by hash in a bit set (`wantBits`), without a string made for each:
 * a word that only shares a bit with one of them runs the regex, which is always right.
 */
function idleWordEnd(t: Tables, folded: string, i: number): number {
  const n = folded.length;
  const bits = t.wantBits;
  let h = 0;
  let j = i;
  let c = folded.charCodeAt(j);
  // the leading ASCII letters: inside them no place starts a word (and a small one is no capital)
  let caps = true;
  while (j < n && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
    if (c > 90) caps = false;
    h = hashStep(h, c);
    c = folded.charCodeAt(++j);
  }
  let b = wordBit(h);
  if ((bits[b >>> 5]! & (1 << (b & 31))) !== 0) return 0;
  for (; j < n; j++) {
    c = folded.charCodeAt(j);
    if (SPACE_UNIT[c] === 1) break;
    caps = false;
    if (j > i && anchorAt(t, folded, j)) return 0;
    h = hashStep(h, c);
  }
  if (caps && j - i >= 2) return 0;
  b = wordBit(h);
  return (bits[b >>> 5]! & (1 << (b & 31))) !== 0 ? 0 : j;
}

/** Every named person in `text`, in text order. */
/**
 * The next match of the scan regex from its lastIndex that starts a word (not inside one, not
 * right after a "."), as a global scan that skipped its other matches would find it: the sticky
 * regex is tried only at the positions whose character can start a match.
 */
function nextAnchor(t: Tables, folded: string): RegExpExecArray | null {
  const { anchor, unitClass } = t;
  const n = folded.length;
  let i = anchor.lastIndex;
  // anchorAt, with the class of the unit before carried along (one table look-up per unit, the
  // hottest loop of the finder): `blocked` when it is a letter, a digit or a "."
  let blocked = i > 0 && (unitClass[folded.charCodeAt(i - 1)]! & BLOCKS) !== 0;
  for (; i < n; i++) {
    const k = unitClass[folded.charCodeAt(i)]!;
    if (blocked || (k & STARTS) === 0) {
      blocked = (k & BLOCKS) !== 0;
      continue;
    }
    const skip = idleWordEnd(t, folded, i);
    if (skip > 0) {
      i = skip - 1;
      blocked = (unitClass[folded.charCodeAt(skip - 1)]! & BLOCKS) !== 0;
      continue;
    }
    anchor.lastIndex = i;
    const m = anchor.exec(folded);
    if (m) return m;
    blocked = (k & BLOCKS) !== 0;
  }
  return null;
}

export function findPersons(text: string, ctx: PersonContext): PersonHit[] {
  tables ??= build();
  const t = tables;
  const { anchor } = t;
  const folded = foldChars(text);
  const hits: PersonHit[] = [];
  let lastEnd = 0;
  anchor.lastIndex = 0;
  // (each kind of match is read by a function of its own: one loop of ~200 lines took TurboFan long to compile)
  for (let m = nextAnchor(t, folded); m; m = nextAnchor(t, folded)) {
    // numbered groups (named ones cost an object per match): 1 honorific, 2 title (3 a preposition inside it: see
    // TITLE), 4 honorific alone, 5 run of words, 6 "administration"
    if (m[5]) lastEnd = wordRunPerson(m[5], m.index, text, folded, t, ctx, hits, lastEnd);
    else if (m[6]) lastEnd = administrationPerson(m.index, text, folded, ctx, hits, lastEnd);
    else lastEnd = titledPersons(m, text, folded, t, ctx, hits, lastEnd);
  }
  sideOfLists(folded, hits, ctx.countries);
  stopsText = null;
  stops = null;
  yearText = null;
  return withinDocument(hits);
}

/**
 * A run of capitalised words at `start` that begins with a name of the table: its person, and the end of the last
 * person found (the scan goes on from the next word when the run is no name).
 */
function wordRunPerson(
  full: string,
  start: number,
  text: string,
  folded: string,
  t: Tables,
  ctx: PersonContext,
  hits: PersonHit[],
  lastEnd: number,
): number {
  const { anchor } = t;
  const known = knownPrefix(full, t) ?? japaneseCapsName(full);
  if (!known) {
    // not a name of the table: go on from the next word
    const sp = full.search(/\s/);
    anchor.lastIndex = start + (sp > 0 ? sp : full.length);
    return lastEnd;
  }
  const end = start + known[0];
  if (namesAnInstitution(folded, end)) {
    anchor.lastIndex = end;
    return lastEnd;
  }
  const p = canonical(folded.slice(start, end), null, ctx.year, t.byPersonKey);
  const appos = appositive(folded, end, ctx.countries);
  hits.push({
    name: p.name,
    family: p.family,
    role: appos.role ?? p.row?.title ?? null,
    country: p.row?.country ?? appos.country,
    start,
    end,
    surface: text.slice(start, end),
    familyOnly: false,
  });
  anchor.lastIndex = end;
  return end;
}

/** "the Biden administration", "the Kan Cabinet": the word before, when the table knows it as a family name. */
function administrationPerson(
  start: number,
  text: string,
  folded: string,
  ctx: PersonContext,
  hits: PersonHit[],
  lastEnd: number,
): number {
  const before = /(\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)?)\s+$/u.exec(
    folded.slice(Math.max(lastEnd, start - 40), start),
  );
  if (!before) return lastEnd;
  const word = before[1]!;
  if (COMMON_FAMILIES.has(word.toLowerCase()) || isStop(word) || !isKnownFamily(word)) return lastEnd;
  const row = resolveFamily(word, { title: null, year: ctx.year, country: null });
  const wStart = start - before[0].length;
  const end = wStart + word.length;
  hits.push({
    name: row?.name ?? word,
    family: row?.family ?? word,
    role: row?.title ?? null,
    country: row?.country ?? null,
    start: wStart,
    end,
    surface: text.slice(wStart, end),
    familyOnly: true,
  });
  return end;
}

/**
 * An honorific and/or a title, then a name ("Foreign Minister Hayashi"), or several after a plural title
 * ("Foreign Ministers Kishida and Wang Yi"): their persons, and the end of the last person found.
 */
function titledPersons(
  m: RegExpExecArray,
  text: string,
  folded: string,
  t: Tables,
  ctx: PersonContext,
  hits: PersonHit[],
  lastEnd: number,
): number {
  const start = m.index;
  const hon1 = m[1];
  const titleWritten = m[2];
  // a plural title names several ("Foreign Ministers Kishida and Wang Yi")
  let title = titleWritten === undefined ? null : singleSpaced(titleWritten);
  const plural = title !== null && isPluralTitle(title);
  // the plural's s is the title's last letter
  if (plural) title = title!.slice(0, -1);
  if (title && !hon1 && mayFollowPrefix(folded, start)) {
    const pre = PREFIX_BEFORE.exec(folded.slice(Math.max(0, start - 60), start));
    if (pre) title = `${pre[0].replace(/\s+/g, " ")}${title}`;
  }
  let end = -1;
  let afterTitle = start + m[0].length;
  let honInside: string | null = null;
  if (titleWritten) {
    honAfter ??= new RegExp(`(?:${HON})(?:\\s+(?:${HON}))*${TITLE_GAP}(?=${UPPER})`, "y");
    honAfter.lastIndex = afterTitle;
    const h = honAfter.exec(folded);
    if (h) {
      honInside = h[0].trim();
      afterTitle += h[0].length;
    }
  }
  for (let nameStart = afterTitle; ; ) {
    NAME_RE.lastIndex = nameStart;
    const nm = NAME_RE.exec(folded);
    if (!nm) break;
    const name = nameTokens(nm[0]);
    const tokens = name.words;
    if (tokens.length === 0) break;
    // "Foreign Ministers of Cambodia, Lao PDR": a word of a country's name is no person's name
    const at = folded.indexOf(tokens[0]!, nameStart);
    if (coversCountry(ctx.countries, at, at + tokens[0]!.length)) break;
    // the name may have been cut: find where its last word ends
    const first = at;
    end = first;
    for (const w of tokens) end = folded.indexOf(w, end) + w.length;
    const honWritten = hon1 ?? m[4] ?? honInside;
    const hon = honWritten === null || honWritten === undefined ? null : singleSpaced(honWritten);
    const appos = appositive(folded, end, ctx.countries);
    const country = titleCountry(m, folded, ctx, title, appos, start, end);
    let parsed: Parsed;
    let familyOnly = false;
    if (tokens.length === 1) {
      const word = tokens[0]!.replace(/\.$/, "");
      if (/^\p{Lu}$/u.test(word)) break;
      parsed = familyPerson(word, folded, ctx, title, appos.role, hon, country, first, end);
      familyOnly = true;
    } else {
      parsed = canonical(name.joined, tokens, ctx.year, t.byPersonKey);
    }
    let role = title ?? appos.role ?? parsed.row?.title ?? null;
    // "President of the European Council Herman Van Rompuy": the body's words the name scan skipped end the title
    if (title && first > nameStart) {
      const between = folded.slice(nameStart, first).trim();
      if (
        /^[A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*){0,2}$/.test(between) &&
        between.split(/\s+/).every((w) => BODY_WORDS.has(w.toLowerCase()))
      )
        role = `${title} ${between}`;
    }
    hits.push({
      name: parsed.name,
      family: parsed.family,
      role: role ? stripPrefix(role) : null,
      country: parsed.row?.country ?? country,
      start: first,
      end,
      surface: "",
      familyOnly,
    });
    const h = hits.at(-1)!;
    h.surface = text.slice(h.start, h.end);
    const more = plural ? /^(?:,\s*(?:and\s+)?|\s+and\s+)(?=\p{Lu})/u.exec(folded.slice(end, end + 12)) : null;
    if (!more) break;
    nameStart = end + more[0].length;
  }
  if (end < 0) return lastEnd;
  t.anchor.lastIndex = end;
  return end;
}

/**
 * The country a titled name is tied to: "Prime Minister X of India", "Canadian Prime Minister X", ", President of
 * the ROK", "Minister ... of the United Kingdom Lord Ahmad", or Japan for a Japanese office.
 */
function titleCountry(
  m: RegExpExecArray,
  folded: string,
  ctx: PersonContext,
  title: string | null,
  appos: { role: string | null; country: string | null },
  start: number,
  end: number,
): string | null {
  let country: string | null = null;
  OF_COUNTRY_RE.lastIndex = end;
  if (OF_COUNTRY_RE.test(folded))
    country = countryIn(ctx.countries, OF_COUNTRY_RE.lastIndex, OF_COUNTRY_RE.lastIndex + 1);
  country ??= appos.country;
  if (!country && title) country = countryBefore(folded, ctx.countries, start);
  // "Minister of State for Foreign Affairs of the United Kingdom Lord Ahmad": the country after 'of' in the title
  if (!country && m[2]) {
    // the places of the matched title (whose last character is white space) an "of" starts at,
    // in the order a global scan from its start would find them; tried sticky on the text (a
    // global search ran on past the title, to the next "of" of the document, for every name)
    const matched = m[0];
    for (let k = matched.indexOf("of"); k >= 0 && !country; k = matched.indexOf("of", k + 1)) {
      OF_AT.lastIndex = start + k;
      if (!OF_AT.test(folded)) continue;
      country = countryIn(ctx.countries, OF_AT.lastIndex, OF_AT.lastIndex + 1);
      k = OF_AT.lastIndex - start - 1;
    }
  }
  if (!country && title && JAPANESE_TITLES.test(title)) country = "JPN";
  if (!country && !title && appos.role && JAPANESE_TITLES.test(appos.role)) country = "JPN";
  return country;
}

/** A family name alone after a title ("Foreign Minister Kono"): the officeholder it stands for, when one fits. */
function familyPerson(
  word: string,
  folded: string,
  ctx: PersonContext,
  title: string | null,
  apposRole: string | null,
  hon: string | null,
  country: string | null,
  first: number,
  end: number,
): Parsed {
  const family = isCaps(word) ? titleCase(word) : word;
  // "In 1995, Foreign Minister Kono ...": the one year the sentence dates itself by, else the document's
  const when = sentenceYear(folded, first, end) ?? ctx.year;
  const hints = { title: title ?? apposRole ?? hon, year: when, country };
  // "Mr. Abe, Counsellor": a role after the name that is none of the table's offices is someone else;
  // "Mr. Kim" with no office at all: a common family name is no one in particular
  const unknownOffice = !title && apposRole !== null && officesForTitle(apposRole) === null;
  const bareEastern = !title && !apposRole && EASTERN_FAMILIES.has(family.toLowerCase());
  let row = unknownOffice || bareEastern ? null : resolveFamily(family, hints);
  // several persons fit: the one whose country the sentence names ("King Abdullah" beside "Saudi Arabia")
  if (!row && !country && title) row = bySentenceCountry(family, hints, folded, ctx.countries, first, end);
  // out of term, a common family name ("Foreign Minister Wang" in 2005) is more likely someone else
  if (row && when !== null && !inTerm(row, when) && EASTERN_FAMILIES.has(family.toLowerCase())) row = null;
  // a variant spelling ("Koumura" for Komura) keeps the text's spelling of the family name
  const variant =
    row &&
    row.order === "western" &&
    row.given &&
    nameKey(row.family) !== nameKey(family) &&
    lookupKey(row.family) === lookupKey(family);
  return {
    name: row ? (variant ? `${row.given} ${family}` : row.name) : family,
    family: row && !variant ? row.family : family,
    row,
  };
}

/**
 * Readouts list attendees by side: "From the ROK side, H.E. Mr. A, ..., Mr. B,
 * ... attended", "Japanese side: ...". Persons of such a list with no country
 * yet take the side's country, up to the end of the sentence, the bracket or
 * the next side.
 */
/** The end of a side's list: a full stop that does not close "Mr." or an initial, a bracket, a line, the next side. */
const SIDE_END = /(?<!\b(?:Mr|Ms|Mrs|Dr|Prof|Hon|Jr|Sr|St|[A-Z]))\.(?:\s|$)|\)|\n|\b\w+\s+side\b/;

function sideOfLists(folded: string, hits: PersonHit[], countries: CountryHit[]): void {
  const sides: { code: string; from: number; to: number }[] = [];
  for (const c of countries) {
    // most country names are followed by no "side": no slice and regex for them
    let k = c.end;
    while (k < folded.length && SPACE_UNIT[folded.charCodeAt(k)] === 1) k++;
    if (k === c.end || !folded.startsWith("side", k)) continue;
    const after = /^\s+side\b/.exec(folded.slice(c.end, c.end + 12));
    if (!after) continue;
    const from = c.end + after[0].length;
    const rest = folded.slice(from, from + 1500);
    const stop = SIDE_END.exec(rest);
    sides.push({ code: c.code, from, to: from + (stop ? stop.index : rest.length) });
  }
  if (sides.length === 0) return;
  for (const h of hits) {
    if (h.country) continue;
    const side = sides.find((s) => h.start >= s.from && h.start < s.to);
    if (side) h.country = side.code;
  }
}

/**
 * A family name alone that the table did not resolve takes the full name the
 * same document gives a person of that family ("Foreign Minister Mamadou
 * Tangara ... Minister Tangara"), when exactly one such person is named in full.
 */
function withinDocument(hits: PersonHit[]): PersonHit[] {
  const full = new Map<string, Set<string>>();
  const byName = new Map<string, PersonHit>();
  for (const h of hits) {
    if (h.familyOnly || h.name === h.family) continue;
    const k = nameKey(h.family);
    const set = full.get(k) ?? new Set<string>();
    full.set(k, set);
    set.add(h.name);
    byName.set(h.name, h);
  }
  for (const h of hits) {
    // only a family name the table left unresolved: "Prime Minister Abe" stays Shinzo Abe beside a State Minister Toshiko Abe
    if (!h.familyOnly || h.name !== h.family) continue;
    const names = full.get(nameKey(h.family));
    if (!names || names.size !== 1) continue;
    const name = [...names][0]!;
    if (h.name !== name) {
      const src = byName.get(name)!;
      h.name = name;
      h.family = src.family;
      h.country = src.country ?? h.country;
    }
  }
  return hits;
}

/** Acronyms of Japan's diplomacy that happen to spell like Japanese syllables. */
const ACRONYMS = new Set(["ODA", "EPA", "MOFA", "IMO", "UNU", "NEDA", "OIE", "ANA", "NHK"]);
let orgAliases: Set<string> | null = null;
const orgAliasSet = () => (orgAliases ??= new Set(organizationAliases()));

const JA_SYLLABLES = /^(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|w|y)?[aiueo]|n)+$/;

/**
 * "KAMIKAWA Yoko": a family name in capitals followed by a given name, both
 * spelt as Japanese syllables, is the Bluebook's way of writing a Japanese
 * name; as [length in chars, name in English order].
 */
function japaneseCapsName(run: string): [number, string] | null {
  const m = /^([A-Z]{2,})\s+([A-Z][a-z]{2,})(?![\w-])/.exec(run);
  if (!m) return null;
  const family = m[1]!.toLowerCase();
  const given = m[2]!.toLowerCase();
  if (family.length < 3 || !JA_SYLLABLES.test(family) || !JA_SYLLABLES.test(given)) return null;
  if (isStop(m[1]!) || isStop(m[2]!) || orgAliasSet().has(m[1]!) || ACRONYMS.has(m[1]!)) return null;
  return [m[0].length, `${m[2]} ${titleCase(m[1]!)}`];
}

function stripPrefix(role: string): string {
  // only a role that opens with a t or an l ("the", "late") has anything to strip (the i flag: T, L too)
  const c = role.charCodeAt(0) | 0x20;
  if (c !== 0x74 && c !== 0x6c) return role.trim();
  return role.replace(/^(?:the\s+)?(?:late\s+)?/i, "").trim();
}

/** The country named right before a title: "Canadian Prime Minister", "Japan's Foreign Minister". */
function countryBefore(folded: string, hits: CountryHit[], start: number): string | null {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const h = hits[lo - 1];
  if (!h || start - h.end > 4) return null;
  return /^(?:'s)?\s+$/.test(folded.slice(h.end, start)) ? h.code : null;
}

const PORTFOLIO_SET = new Set(PORTFOLIO_WORDS.map((w) => w.toLowerCase()));

/** A capitalised word of a name ("Lee", "O'Brien", "Jean-Yves"). */
const NAME_WORD_CAP = /^\p{Lu}[\p{Ll}\p{M}'-]+$/u;

/** True when a role text ends in two capitalised words that are neither a portfolio, a body nor a country: a name. */
function endsWithName(role: string): boolean {
  // the last word's tests first, on that word alone: most roles end in a portfolio or a body ("... Foreign
  // Affairs", "... Commission"), and need no array of their words
  let i = role.length - 1;
  while (i >= 0 && SPACE_UNIT[role.charCodeAt(i)] !== 1) i--;
  const last = role.slice(i + 1);
  if (!NAME_WORD_CAP.test(last)) return false;
  const w = last.toLowerCase();
  if (PORTFOLIO_SET.has(w) || BODY_WORDS.has(w) || isStop(last)) return false;
  const words = role.split(/\s+/);
  if (words.length < 3) return false;
  const before = words.at(-2)!;
  if (!NAME_WORD_CAP.test(before)) return false;
  // "Minister of Foreign Affairs of Sri Lanka": a country of two or three words is not a name
  const tail2 = `${before} ${last}`.toLowerCase();
  const tail3 = words.length >= 3 ? `${words.at(-3)} ${tail2}`.toLowerCase() : "";
  return !countryWords!.has(tail2) && !countryWords!.has(tail3);
}

/** ", Minister of Foreign Affairs of the ROK" after a name: the role and the first country in it. */
function appositive(
  folded: string,
  end: number,
  countries: CountryHit[],
): { role: string | null; country: string | null } {
  // Most names are followed by neither a comma (the appositive's) nor white space and post-nominal
  // letters (the suffix's, whose first letters are these): nothing to read, no window to cut.
  const c0 = folded.charCodeAt(end);
  if (c0 !== 44) {
    if (SPACE_UNIT[c0] !== 1) return { role: null, country: null };
    let k = end + 1;
    while (k < folded.length && SPACE_UNIT[folded.charCodeAt(k)] === 1) k++;
    if (k >= folded.length || !"MQKSOCGAP".includes(folded[k]!)) return { role: null, country: null };
  }
  // a bounded window: a text without punctuation must not make each look-up run to its end
  let window = folded.slice(end, end + 240);
  // "Joseph R. Biden, Jr., President-elect of ...": the suffix after its comma belongs to the name
  // "Julie Bishop MP, Minister for ...": so do post-nominal letters
  const suffix =
    /^(?:,\s*(?:Jr|Sr)\.(?=,)|\s+(?:MP|QC|KC|SC|MEP|MNA|OBE|CBE|KBE|MBE|GCMG|KCMG|CMG|AC|AO|PC)(?![\w-]))+/.exec(
      window,
    );
  if (suffix) {
    window = window.slice(suffix[0].length);
    end += suffix[0].length;
  }
  APPOSITIVE_RE.lastIndex = 0;
  const a = APPOSITIVE_RE.exec(window);
  if (!a) return { role: null, country: null };
  const role = a[1]!.trim();
  // in an attendee list the text after the comma is the next person ("..., Minister of Finance Liu Kun")
  if (endsWithName(role)) return { role: null, country: null };
  const roleStart = end + a.index + a[0].indexOf(a[1]!);
  return { role, country: countryIn(countries, roleStart, roleStart + a[1]!.length) };
}
