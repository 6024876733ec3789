import { readFileSync } from "node:fs";
import { dataFile } from "../model/paths.js";
import { MEMO_LIMIT, Memo } from "./memo.js";

/** Offices the table normalises titles to. */
export type Office =
  | "head_of_state"
  | "head_of_government"
  | "foreign_minister"
  | "defense_minister"
  | "vice_president"
  | "chief_cabinet_secretary"
  | "secretary_general"
  | "monarch"
  | "crown_prince"
  | "party_leader"
  | "org_head"
  | "ambassador";

/** One term of one person in one office (a row of data/officeholders.csv). */
export interface Officeholder {
  /** canonical name in English order ("Shinzo Abe", "Kim Jong-un") */
  name: string;
  family: string;
  given: string;
  order: "western" | "eastern";
  /** alpha-3, or null for an international organization's officer */
  country: string | null;
  office: Office;
  /** the title as the office is called ("Prime Minister", "Secretary of State") */
  title: string;
  start: string;
  end: string | null;
  /** other forms of the name, and other words the person is called by ("Prabowo", "Joe Biden") */
  aliases: string[];
  source: string;
}

/** Lower-cased, accent-free key for comparing names ("Erdoğan" -> "erdogan"). */
const nameKeys = new Memo<string, string>();

export function nameKey(s: string): string {
  return nameKeys.get(s, computeNameKey);
}

function computeNameKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The key a family name is looked up by: nameKey with Japanese long vowels
 * folded, so that older spellings meet the table's ("Koumura" -> "komura",
 * "Ohno" -> "ono").
 */
const lookupKeys = new Memo<string, string>();
export function lookupKey(s: string): string {
  // a pure function of the word, asked for every family-name mention: memoized
  return lookupKeys.get(s, computeLookupKey);
}

function computeLookupKey(s: string): string {
  return nameKey(s)
    .replace(/ou/g, "o")
    .replace(/uu/g, "u")
    .replace(/oo/g, "o")
    .replace(/oh(?![aiueo])/g, "o");
}

/** Splits one CSV line (RFC 4180 quoting). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Parses the table's CSV text; throws with the line number on a malformed row. */
export function parseOfficeholders(csv: string, file = "officeholders.csv"): Officeholder[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = parseCsvLine(lines[0] ?? "");
  const col = (n: string) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`${file}: missing column "${n}"`);
    return i;
  };
  const c = {
    name: col("name"),
    family: col("family"),
    given: col("given"),
    order: col("order"),
    country: col("country"),
    office: col("office"),
    title: col("title"),
    start: col("start"),
    end: col("end"),
    aliases: col("aliases"),
    source: col("source"),
  };
  const rows: Officeholder[] = [];
  for (let i = 1; i < lines.length; i++) {
    const f = parseCsvLine(lines[i]!);
    const get = (k: keyof typeof c) => (f[c[k]] ?? "").trim();
    const start = get("start");
    const end = get("end");
    if (
      !get("name") ||
      !get("family") ||
      !/^\d{4}-\d{2}-\d{2}$/.test(start) ||
      (end && !/^\d{4}-\d{2}-\d{2}$/.test(end))
    ) {
      throw new Error(`${file}:${i + 1}: malformed row`);
    }
    rows.push({
      name: get("name"),
      family: get("family"),
      given: get("given"),
      order: get("order") === "eastern" ? "eastern" : "western",
      country: get("country") || null,
      office: get("office") as Office,
      title: get("title"),
      start,
      end: end || null,
      aliases: get("aliases")
        .split(";")
        .map((a) => a.trim())
        .filter(Boolean),
      source: get("source"),
    });
  }
  return rows;
}

let table: Officeholder[] | null = null;
let byKey: Map<string, Officeholder[]> | null = null;

/** The officeholder table, loaded once. */
export function officeholders(): Officeholder[] {
  if (!table) table = parseOfficeholders(readFileSync(dataFile("officeholders.csv"), "utf8"));
  return table;
}

/** Rows by the lower-cased family name and by each single-word alias ("prabowo"). */
function index(): Map<string, Officeholder[]> {
  if (byKey) return byKey;
  byKey = new Map();
  const add = (k: string, r: Officeholder) => {
    const list = byKey!.get(k);
    if (!list) byKey!.set(k, [r]);
    else if (!list.includes(r)) list.push(r);
  };
  for (const r of officeholders()) {
    add(lookupKey(r.family), r);
    for (const a of r.aliases) if (!/\s/.test(a)) add(lookupKey(a), r);
  }
  return byKey;
}

/** True when `word` is a family name (or single-word alias) in the table. */
export function isKnownFamily(word: string): boolean {
  return index().has(lookupKey(word));
}

/** The offices a title may stand for ("Foreign Minister" -> foreign_minister), or null for any office. */
const officesByTitle = new Map<string, Office[] | null>();
export function officesForTitle(title: string | null): Office[] | null {
  if (!title) return null;
  // a pure function of the title, asked again for every mention: memoized, a fresh array each time
  let offices = officesByTitle.get(title);
  if (offices === undefined) {
    offices = computeOfficesForTitle(title);
    if (officesByTitle.size > 50_000) officesByTitle.clear();
    officesByTitle.set(title, offices);
  }
  return offices ? offices.slice() : null;
}

function computeOfficesForTitle(title: string): Office[] | null {
  const t = title
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^the (?:late )?/, "");
  if (/vice[ -]president/.test(t)) return ["vice_president"];
  // a deputy's or a junior minister's title says nothing of the office the table holds
  if (/^(?:deputy|vice|state|senior|parliamentary|acting|special|permanent|assistant|under)\b/.test(t)) return null;
  if (/chief cabinet secretary/.test(t)) return ["chief_cabinet_secretary"];
  if (/secretary[ -]general|general secretary/.test(t))
    return t.startsWith("general") ? ["party_leader", "head_of_state"] : ["secretary_general"];
  if (/foreign|external affairs|secretary of state|high representative/.test(t)) return ["foreign_minister"];
  if (/defen[cs]e|secretary of war/.test(t)) return ["defense_minister"];
  if (/prime minister|premier|chancellor|state counsellor|chief adviser/.test(t)) return ["head_of_government"];
  if (/^president|^chairman|^leader|commander-in-chief/.test(t)) return ["head_of_state", "org_head"];
  if (/^(?:king|queen|emperor|empress|emir|amir|sultan|pope|his majesty|her majesty)/.test(t)) return ["monarch"];
  if (/crown prince/.test(t)) return ["crown_prince"];
  if (/ambassador/.test(t)) return ["ambassador"];
  if (/director[ -]general/.test(t)) return ["org_head"];
  if (/^minister$/.test(t)) return ["foreign_minister", "defense_minister", "head_of_government"];
  return null;
}

/** True when the row's term includes some of the year. */
export const inTerm = (r: Officeholder, year: number) =>
  yearOf(r.start) <= year && (r.end === null || yearOf(r.end) >= year);

/** Number(date.slice(0, 4)), without the slice for the usual four digits. */
function yearOf(date: string): number {
  const a = date.charCodeAt(0) - 48;
  const b = date.charCodeAt(1) - 48;
  const c = date.charCodeAt(2) - 48;
  const d = date.charCodeAt(3) - 48;
  if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9)
    return a * 1000 + b * 100 + c * 10 + d;
  return Number(date.slice(0, 4));
}

/** The one person all rows name, or null when they name several. */
function onePerson(rows: Officeholder[]): Officeholder | null {
  if (rows.length === 0) return null;
  const name = rows[0]!.name;
  return rows.every((r) => r.name === name) ? rows[0]! : null;
}

export interface ResolveHints {
  /** the title written before the name ("Foreign Minister"), or null */
  title: string | null;
  /** the year the text speaks of */
  year: number | null;
  /** the country the title is tied to, when the text says it ("of the ROK") */
  country: string | null;
}

/**
 * The person a family name with a title stands for: the rows of that family
 * name whose office matches the title, whose term contains the year and whose
 * country matches, narrowed step by step; a step that leaves several persons
 * makes it ambiguous (null), a step that leaves none is skipped.
 */
export function resolveFamily(family: string, hints: ResolveHints): Officeholder | null {
  // a pure function of the family name and the hints (the table is fixed), asked again for every
  // mention of the same person: memoized, by each in turn (no key string made for each mention)
  let byTitle = resolved.get(family);
  let byYear = byTitle?.get(hints.title);
  let byCountry = byYear?.get(hints.year);
  let row = byCountry?.get(hints.country);
  if (row === undefined) {
    row = computeResolveFamily(family, hints);
    if (resolvedCount >= MEMO_LIMIT) {
      resolved.clear();
      resolvedCount = 0;
      byTitle = byYear = byCountry = undefined;
    }
    if (byTitle === undefined) {
      byTitle = new Map();
      resolved.set(family, byTitle);
    }
    if (byYear === undefined) {
      byYear = new Map();
      byTitle.set(hints.title, byYear);
    }
    if (byCountry === undefined) {
      byCountry = new Map();
      byYear.set(hints.year, byCountry);
    }
    byCountry.set(hints.country, row);
    resolvedCount++;
  }
  return row;
}

/** resolveFamily's answers: by family name, title, year and country; and how many it holds in all. */
const resolved = new Map<string, Map<string | null, Map<number | null, Map<string | null, Officeholder | null>>>>();
let resolvedCount = 0;

function computeResolveFamily(family: string, hints: ResolveHints): Officeholder | null {
  let rows = index().get(lookupKey(family)) ?? [];
  if (rows.length === 0) return null;
  if (hints.country) {
    const c = rows.filter((r) => r.country === hints.country);
    if (c.length > 0) rows = c;
  }
  const offices = officesForTitle(hints.title);
  const byOffice = offices ? rows.filter((r) => offices.includes(r.office)) : rows;
  const year = hints.year;
  const steps: Officeholder[][] = [];
  if (year !== null) steps.push(byOffice.filter((r) => inTerm(r, year)));
  steps.push(byOffice);
  for (const s of steps) {
    if (s.length === 0) continue;
    return onePerson(s);
  }
  return null;
}

let byName: Map<string, Officeholder[]> | null = null;

/** The rows of one person by canonical name, or an empty list. */
export function rowsByName(name: string): Officeholder[] {
  if (!byName) {
    byName = new Map();
    for (const r of officeholders()) {
      const k = nameKey(r.name);
      const list = byName.get(k);
      if (list) list.push(r);
      else byName.set(k, [r]);
    }
  }
  return byName.get(nameKey(name)) ?? [];
}

/** The row of that person that fits the year best (the term containing it, else the nearest term, else the latest). */
export function bestRow(rows: Officeholder[], year: number | null): Officeholder | null {
  if (rows.length === 0) return null;
  if (year !== null) {
    const hit = rows.find((r) => inTerm(r, year));
    if (hit) return hit;
    // out of every term: the term nearest the year (Biden in 2020 is the coming President, not the former Vice President)
    const distance = (r: Officeholder) => {
      const from = Number(r.start.slice(0, 4));
      const to = r.end === null ? Number.POSITIVE_INFINITY : Number(r.end.slice(0, 4));
      return year < from ? from - year : year - to;
    };
    let best = rows[0]!;
    for (const r of rows)
      if (distance(r) < distance(best) || (distance(r) === distance(best) && r.start > best.start)) best = r;
    return best;
  }
  return rows.reduce((a, b) => (b.start > a.start ? b : a));
}
