import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import { foldChars } from "../segmenting/normalize.js";
import type { OrgHit } from "./context.js";

interface OrgRow {
  id: string;
  name: string;
  aliases: string[];
}

/**
 * Names that contain an alias but name another body ("National Security
 * Council" is not the UN Security Council). They take the place of the alias
 * and yield nothing.
 */
const NOT_ORGS = [
  "National Security Council",
  "State Security Council",
  "Supreme Security Council",
  "NSC Security Council",
  "OAS General Assembly",
  "WHO General Assembly",
  "Parliamentary Assembly",
  "World Health Assembly",
  // the African Union's organ, not the UN Security Council
  "Peace and Security Council",
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The regex source for one alias. An all-capitals alias ("WHO", "AU") matches
 * only as written; in a longer name, words after the first may start in either
 * case ("East Asia summit"), a hyphen may be a space or nothing ("Co-operation"),
 * a plural may take an apostrophe ("Leaders' Meeting"), and spaces may be any
 * white space.
 */
export function aliasPattern(alias: string): string {
  const words = alias.split(/\s+/);
  if (words.length === 1 && !/[a-z]/.test(alias)) return escapeRe(alias);
  return words
    .map((w, i) => {
      let p = w
        .split("-")
        .map((part) => escapeRe(part))
        .join("-?");
      if (i > 0 && /^[A-Z][a-z]/.test(w)) p = `[${w[0]}${w[0]!.toLowerCase()}]${p.slice(1)}`;
      if (/[a-z]s$/.test(w)) p += "'?";
      return p;
    })
    .join("\\s+");
}

interface Alternative {
  /** one alias's pattern alone, sticky, with the lookahead that follows the alternation */
  re: RegExp;
  id: string | null;
}

function build(): {
  scan: RegExp;
  at: RegExp;
  groups: (string | null)[];
  byFirst: Map<number, Alternative[]> | null;
} {
  const rows = JSON.parse(readFileSync(dataFile("organizations.json"), "utf8")) as OrgRow[];
  const alts: { alias: string; id: string | null }[] = [];
  for (const r of rows) {
    const aliases = new Set(r.aliases.map(foldChars));
    // an all-capitals id is the body's own abbreviation ("UNSC", "UNGA")
    if (/^[A-Z]{3,}$/.test(r.id)) aliases.add(r.id);
    // headings and some readouts write names in capitals ("QUAD", "UNITED NATIONS")
    for (const a of [...aliases])
      if (/[a-z]/.test(a) && a.replace(/[^A-Za-z]/g, "").length >= 4) aliases.add(a.toUpperCase());
    for (const a of aliases) alts.push({ alias: a, id: r.id });
  }
  for (const n of NOT_ORGS) alts.push({ alias: n, id: null });
  // Longest alias first: "UN Security Council" wins over "UN" at the same place.
  alts.sort((a, b) => b.alias.length - a.alias.length);
  const groups = alts.map((a) => a.id);
  // An alias that ends in a letter may take a number ("TICAD8", "EU27"); one that ends in a digit may not ("G77").
  const patterns = alts.map((a) => `${aliasPattern(a.alias)}${/\d$/.test(a.alias) ? "(?!\\p{N})" : ""}`);
  const source = patterns.map((p) => `(${p})`).join("|");
  // The scan has no lookbehind and no groups (both cost the engine most of its speed, and each match an
  // array of one slot per alias): the left word boundary is checked on each match, and the alias is told
  // by the same alternation, with a group per alias, tried once at the place found.
  const scan = new RegExp(`(?:${source.replace(/(?<!\\)\((?!\?)/g, "(?:")})(?![\\p{L}])`, "gu");
  const at = new RegExp(`(?:${source})(?![\\p{L}])`, "uy");
  if (
    new RegExp(`${scan.source}|`, "u").exec("")!.length !== 1 ||
    new RegExp(`${at.source}|`, "u").exec("")!.length !== groups.length + 1
  )
    throw new Error("organizations: the scan regex must have no groups, the alias regex one per alias");
  // The alternatives one by one, filed by the character each must start with (its alias's first, written as
  // itself), in the alternation's order: the first of them that matches at a place is the alternative `at`
  // takes there, without a match array of one slot per alias. Only when every pattern opens with its alias's
  // first character, unquantified (else `at` tells the alias).
  let byFirst: Map<number, Alternative[]> | null = new Map();
  for (let i = 0; i < alts.length; i++) {
    const first = escapeRe(alts[i]!.alias[0] ?? "");
    const c = alts[i]!.alias.charCodeAt(0);
    if (
      !first ||
      !patterns[i]!.startsWith(first) ||
      /^[?*+{]/.test(patterns[i]!.slice(first.length)) ||
      (c >= 0xd800 && c <= 0xdfff)
    ) {
      byFirst = null;
      break;
    }
    const list = byFirst.get(c) ?? [];
    list.push({ re: new RegExp(`(?:${patterns[i]})(?![\\p{L}])`, "uy"), id: alts[i]!.id });
    byFirst.set(c, list);
  }
  return { scan, at, groups, byFirst };
}

const { scan: ORG_SCAN, at: ORG_AT, groups: GROUP_IDS, byFirst: BY_FIRST } = build();

/** The alternative of the alias regex that matches at `pos` (a place where the scan matched), and its id. */
function aliasAt(folded: string, pos: number): { m: RegExpExecArray; id: string | null } {
  if (BY_FIRST) {
    for (const alt of BY_FIRST.get(folded.charCodeAt(pos)) ?? []) {
      alt.re.lastIndex = pos;
      const m = alt.re.exec(folded);
      if (m) return { m, id: alt.id };
    }
  }
  ORG_AT.lastIndex = pos;
  const m = ORG_AT.exec(folded)!;
  let id: string | null = null;
  for (let g = 1; g < m.length; g++) {
    if (m[g] !== undefined) {
      id = GROUP_IDS[g - 1] ?? null;
      break;
    }
  }
  return { m, id };
}
/** Per UTF-16 unit outside the surrogates, whether it is a letter or digit: 0 not yet asked, 1 yes, 2 no. */
const WORD_UNIT = new Uint8Array(0x10000);

/**
 * A letter or digit ends folded[0, i): what ENDS_IN_WORD says of the two units before `i` (a slice
 * and a regex per match before), by a table of units but for surrogates.
 */
function wordBefore(folded: string, i: number): boolean {
  if (i === 0) return false;
  const c = folded.charCodeAt(i - 1);
  if (c >= 0xd800 && c <= 0xdfff) return ENDS_IN_WORD.test(folded.slice(Math.max(0, i - 2), i));
  let w = WORD_UNIT[c]!;
  if (w === 0) {
    w = ENDS_IN_WORD.test(folded[i - 1]!) ? 1 : 2;
    WORD_UNIT[c] = w;
  }
  return w === 1;
}

/** A letter or digit ends `s` (one code point, as the "u" flag reads it). */
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/** Every organization of data/organizations.json named in `text`, in text order. */
export function findOrganizations(text: string): OrgHit[] {
  const folded = foldChars(text);
  const hits: OrgHit[] = [];
  ORG_SCAN.lastIndex = 0;
  for (let s = ORG_SCAN.exec(folded); s; s = ORG_SCAN.exec(folded)) {
    // not inside a word: what the lookbehind (?<![\p{L}\p{N}]) said
    if (wordBefore(folded, s.index)) {
      ORG_SCAN.lastIndex = s.index + 1;
      continue;
    }
    const { m, id } = aliasAt(folded, s.index);
    if (!id) continue;
    const start = m.index;
    const end = start + m[0].length;
    hits.push({ id, start, end, surface: text.slice(start, end) });
  }
  return hits;
}

/** Every alias of data/organizations.json, as written ("UN", "Asia-Pacific Economic Cooperation"). */
export function organizationAliases(): string[] {
  const rows = JSON.parse(readFileSync(dataFile("organizations.json"), "utf8")) as OrgRow[];
  return rows.flatMap((r) => [r.id, ...r.aliases]);
}
