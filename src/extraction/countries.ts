import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import { foldChars } from "../segmenting/normalize.js";
import { isSpace } from "./chars.js";
import type { CountryHit } from "./context.js";

interface CountryRow {
  code: string;
  names: string[];
  adjectives: string[];
}

interface Gazetteer {
  countries: CountryRow[];
  /** proper names that contain a country's name but do not name it ("East China Sea") */
  notCountries: string[];
}

/** What a surface form (folded, single-spaced) stands for; `code: null` is a blocker. */
interface Entry {
  code: string | null;
  adjective: boolean;
}

const escChar = (c: string) => (/[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c);

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * A regex source that matches any of `words`, shaped as a character trie
 * ("A(?:fghanistan|lbania|...)") so that the engine spends a few steps per
 * position whatever the number of words, and prefers the longest word at a
 * place (greedy optional tails, backtracking when the boundary after fails).
 * A space in a word matches `space` (any run of white space by default).
 */
export function trieSource(words: Iterable<string>, space = "\\s+"): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const c of w.replace(/\s+/g, " ")) {
      let child = n.next.get(c);
      if (!child) {
        child = { end: false, next: new Map() };
        n.next.set(c, child);
      }
      n = child;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const alts = [...n.next].map(([c, child]) => (c === " " ? space : escChar(c)) + emit(child));
    if (alts.length === 0) return "";
    if (n.end) return `(?:${alts.join("|")})?`;
    return alts.length === 1 ? alts[0]! : `(?:${alts.join("|")})`;
  };
  return emit(root);
}

/** A letter or digit (Latin, with accents) in a regex without the "u" flag. */
export const WORD_CHAR = "[A-Za-z0-9\\u00C0-\\u024F\\u1E00-\\u1EFF]";
const WORD_CHAR_U = /[\p{L}\p{N}\p{M}]/u;

/** Per UTF-16 code unit, what WORD_CHAR_U says of it alone: 0 not yet asked, 1 yes, 2 no. */
const WORD_UNIT = new Uint8Array(0x10000);

/** True when the character before `i` is a letter or digit (so `i` is not at the start of a word). */
export function inWord(text: string, i: number): boolean {
  if (i <= 0) return false;
  // the test reads one UTF-16 unit: its answer is a function of that unit, kept in a table
  const c = text.charCodeAt(i - 1);
  let w = WORD_UNIT[c]!;
  if (w === 0) {
    w = WORD_CHAR_U.test(text[i - 1]!) ? 1 : 2;
    WORD_UNIT[c] = w;
  }
  return w === 1;
}

/** The key of a matched surface: folded, single-spaced. */
function key(surface: string): string {
  return foldChars(surface).replace(/\s+/g, " ");
}

function pluralOf(adj: string): string | null {
  if (/(?:ese|ss|sh|ch|s|i|x|z)$/i.test(adj)) return adj.endsWith("i") ? `${adj}s` : null;
  return `${adj}s`;
}

function build(): { re: RegExp; entries: Map<string, Entry> } {
  const gaz = JSON.parse(readFileSync(dataFile("countries.json"), "utf8")) as Gazetteer;
  const entries = new Map<string, Entry>();
  const add = (surface: string, e: Entry) => {
    const k = key(surface);
    if (!entries.has(k)) entries.set(k, e);
  };
  for (const blocker of gaz.notCountries) add(blocker, { code: null, adjective: false });
  for (const row of gaz.countries) {
    for (const n of row.names) {
      add(n, { code: row.code, adjective: false });
      // headings in capitals ("JAPAN-CHINA RELATIONS"); short forms are already in capitals
      if (/[a-z]/.test(n) && n.replace(/[^A-Za-z]/g, "").length >= 4)
        add(n.toUpperCase(), { code: row.code, adjective: false });
    }
    for (const a of row.adjectives) {
      add(a, { code: row.code, adjective: true });
      const pl = pluralOf(a);
      if (pl) add(pl, { code: row.code, adjective: true });
    }
  }
  // A trie: the longest name at a place wins ("Papua New Guinea" over "Guinea").
  // No "u" flag and no lookbehind: both cost the engine its quick first-character scan.
  // The left word boundary is checked on each match instead.
  const re = new RegExp(`(?:${trieSource(entries.keys())})(?!${WORD_CHAR})`, "g");
  return { re, entries };
}

const { re: COUNTRY_RE, entries: ENTRIES } = build();

/**
 * The same regex, sticky: tried only where a surface can start. The global regex scanned every
 * position of the text and had its matches inside a word thrown away; a hit needs a word start
 * whose character begins some surface (nearly always a capital), so the positions are picked by
 * a table look-up first and the regex runs at a few of them. Same matches: the global regex's
 * match is the sticky one at the first position where that one matches.
 */
const COUNTRY_AT = new RegExp(COUNTRY_RE.source, "y");
/** 1 for the UTF-16 units that begin some surface of the gazetteer (blockers included). */
const FIRST_UNIT = new Uint8Array(0x10000);
for (const k of ENTRIES.keys()) if (k.length) FIRST_UNIT[k.charCodeAt(0)] = 1;

/**
 * Most capitalised words begin no surface ("The", "Prime", "Minister"): the regex is run only where
 * the text's first two or three characters are those of some surface, as found in bit sets by hash
 * (a shared bit only runs the regex, which is always right). A surface's prefix is its first three
 * characters, or fewer when it is shorter or has white space sooner ("El Salvador": "El"), its
 * first character alone making the regex always run.
 */
const pairHash = (a: number, b: number): number => ((a * 31 + b) * 31) & 0xfffff;
const tripleHash = (a: number, b: number, c: number): number => ((a * 31 + b) * 31 + c) & 0xfffff;
const ALWAYS_UNIT = new Uint8Array(0x10000);
const PREFIX2 = new Uint8Array(0x100000);
const PREFIX3 = new Uint8Array(0x100000);
for (const k of ENTRIES.keys()) {
  let len = 0;
  while (len < 3 && len < k.length && !/\s/.test(k[len]!)) len++;
  if (len === 3) PREFIX3[tripleHash(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2))] = 1;
  else if (len === 2) PREFIX2[pairHash(k.charCodeAt(0), k.charCodeAt(1))] = 1;
  else if (len === 1) ALWAYS_UNIT[k.charCodeAt(0)] = 1;
}

/** False when no surface can start at `i` (its first character begins one: see FIRST_UNIT). */
function maySurfaceAt(folded: string, i: number): boolean {
  const a = folded.charCodeAt(i);
  if (ALWAYS_UNIT[a] === 1) return true;
  if (i + 1 >= folded.length) return false;
  const b = folded.charCodeAt(i + 1);
  if (PREFIX2[pairHash(a, b)] === 1) return true;
  return i + 2 < folded.length && PREFIX3[tripleHash(a, b, folded.charCodeAt(i + 2))] === 1;
}

/** Every country named in `text` (nouns, short forms, demonyms), in text order. */
export function findCountries(text: string): CountryHit[] {
  const folded = foldChars(text);
  const hits: CountryHit[] = [];
  const n = folded.length;
  for (let i = 0; i < n; ) {
    if (FIRST_UNIT[folded.charCodeAt(i)] !== 1 || inWord(folded, i) || !maySurfaceAt(folded, i)) {
      i++;
      continue;
    }
    COUNTRY_AT.lastIndex = i;
    const m = COUNTRY_AT.exec(folded);
    if (!m) {
      i++;
      continue;
    }
    // the next search starts after this match, whatever becomes of it
    i = m.index + m[0].length;
    const surface = m[0];
    // the match is on folded text: only white space may differ from the key
    const entry = ENTRIES.get(singleSpaced(surface) ? surface : surface.replace(/\s+/g, " "));
    if (!entry?.code) continue;
    const start = m.index;
    const end = start + surface.length;
    // "US" only as the country: not inside a run of capitals ("FOCUS ON US") nor as "US$"
    if (surface === "US" && (isCapsRun(folded, start, end) || folded[end] === "$")) continue;
    // "Micronesia, Melanesia and Polynesia": the Pacific's sub-regions, not the Federated States
    if (surface === "Micronesia" && SUBREGIONS.test(folded.slice(Math.max(0, start - 40), end + 40))) continue;
    hits.push({ code: entry.code, start, end, surface: text.slice(start, end), adjective: entry.adjective });
  }
  return hits;
}

/** True when the white space of `s` is single spaces only (replacing /\s+/g by " " would give it back). */
function singleSpaced(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 32) {
      if (k + 1 < s.length && isSpace(s.charCodeAt(k + 1))) return false;
    } else if (isSpace(c)) return false;
  }
  return true;
}

const SUBREGIONS = /\b(?:Melanesia|Polynesia)\b/;

/** True when the word at [start, end) sits among other all-capital words (a heading), where "US" may be the pronoun. */
function isCapsRun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  return /[A-Z]{2,}\s+$/.test(before) && !/^[-.]/.test(after) && /^\s+[A-Z]{2,}/.test(after);
}

/** Every surface form that names a country (names, short forms, demonyms), as written in the gazetteer. */
export function countrySurfaces(): string[] {
  const out: string[] = [];
  for (const [k, e] of ENTRIES) if (e.code) out.push(k);
  return out;
}

/** The names (not demonyms) of countries, as written in the gazetteer ("Japan", "Republic of Korea", "ROK"). */
export function countryNames(): string[] {
  const out: string[] = [];
  for (const [k, e] of ENTRIES) if (e.code && !e.adjective && /[a-z]/.test(k)) out.push(k);
  return out;
}
