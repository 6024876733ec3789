import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import { foldChars } from "../segmenting/normalize.js";
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

/** Escapes a name for a regex and lets its spaces match any run of white space (line breaks included). */
export function namePattern(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
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
  // Longest alternative first, so that "Papua New Guinea" wins over "Guinea" at the same place.
  const alts = [...entries.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(namePattern);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { re, entries };
}

const { re: COUNTRY_RE, entries: ENTRIES } = build();

/** Every country named in `text` (nouns, short forms, demonyms), in text order. */
export function findCountries(text: string): CountryHit[] {
  const folded = foldChars(text);
  const hits: CountryHit[] = [];
  COUNTRY_RE.lastIndex = 0;
  for (let m = COUNTRY_RE.exec(folded); m; m = COUNTRY_RE.exec(folded)) {
    const surface = m[0];
    const entry = ENTRIES.get(key(surface));
    if (!entry?.code) continue;
    const start = m.index;
    const end = start + surface.length;
    // "US" only as the country: not inside a run of capitals ("FOCUS ON US") nor as "US$"
    if (surface === "US" && isCapsRun(folded, start, end)) continue;
    hits.push({ code: entry.code, start, end, surface: text.slice(start, end), adjective: entry.adjective });
  }
  return hits;
}

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
