/**
 * Keyness over time: the words and 2–3-word phrases that set one edition (or
 * a range of editions) apart from others.
 *
 * - Log-likelihood G2 (Dunning 1993, as computed by Rayson & Garside 2000):
 *   with a, b the term's frequencies in target and reference and c, d their
 *   sizes in words, E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
 *   G2 = 2 (a ln(a/E1) + b ln(b/E2)). G2 >= 3.84 is p < 0.05, 6.63 p < 0.01,
 *   10.83 p < 0.001, 15.13 p < 0.0001 (one degree of freedom).
 * - Effect size: log ratio (Hardie 2014), log2((a/c) / (b/d)), with a zero
 *   frequency replaced by 0.5. +1 means twice as frequent in the target.
 * - Phrases are counted against the corpus size in words, like words.
 */
import { isContent, termTokens } from "./text.js";
import { per10k } from "./trends.js";
import { type FreqSource, sectionMatches } from "./types.js";

/** An edition selection: one year, an inclusive range, or every edition not in the target. */
export type EditionSpec = { from: number; to: number } | "rest";

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = "ParameterError";
  }
}

/** "2025", "2014-2020" (or "2014..2020"), "rest". */
export function parseEditionSpec(value: string, parameter = "target"): EditionSpec {
  const v = value.trim().toLowerCase();
  if (v === "rest" || v === "others") return "rest";
  const one = /^(\d{4})$/.exec(v);
  if (one) return { from: Number(one[1]), to: Number(one[1]) };
  const range = /^(\d{4})\s*(?:-|–|\.\.|to)\s*(\d{4})$/.exec(v);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) throw new ParameterError(parameter, `--${parameter} ${value}: the range starts after it ends`);
    return { from, to };
  }
  throw new ParameterError(
    parameter,
    `--${parameter} ${JSON.stringify(value)}: expected an edition year (2025), a range (2014-2020)${parameter === "reference" ? ' or "rest"' : ""}`,
  );
}

export const specLabel = (s: EditionSpec): string =>
  s === "rest" ? "rest" : s.from === s.to ? String(s.from) : `${s.from}-${s.to}`;

/** Log-likelihood G2 of a term with frequency a in c words against b in d words. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const g = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  return Math.max(g, 0);
}

/** Hardie's log ratio: log2 of the ratio of relative frequencies, zeros replaced by 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  if (c <= 0 || d <= 0) return 0;
  return Math.log2((a || 0.5) / c / ((b || 0.5) / d));
}

export interface KeyItem {
  term: string;
  /** words in the term: 1, 2 or 3 */
  words: number;
  target: number;
  reference: number;
  targetPer10k: number;
  referencePer10k: number;
  g2: number;
  logRatio: number;
}

export interface KeynessOptions {
  target: EditionSpec | string;
  reference?: EditionSpec | string;
  section?: string;
  /** minimum frequency in the corpus the term is key in (target for positive, reference for negative); default 3 */
  minFreq?: number;
  /** rows per list; default 30 */
  top?: number;
  /** minimum G2; default 3.84 (p < 0.05) */
  minG2?: number;
}

export interface KeynessResult {
  target: string;
  reference: string;
  section: string | null;
  targetWords: number;
  referenceWords: number;
  targetEditions: number[];
  referenceEditions: number[];
  /** more frequent in the target, by G2 */
  positive: KeyItem[];
  /** less frequent in the target, by G2 */
  negative: KeyItem[];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Keep words and phrases; drop function words and bare numbers as single words. */
const keepTerm = (term: string): boolean => term.includes(" ") || isContent(term);

function toSpec(s: EditionSpec | string, parameter: string): EditionSpec {
  return typeof s === "string" ? parseEditionSpec(s, parameter) : s;
}

/** The words and phrases that distinguish the target editions from the reference. */
export function keyness(source: FreqSource, opts: KeynessOptions): KeynessResult {
  const target = toSpec(opts.target, "target");
  if (target === "rest") throw new ParameterError("target", '--target cannot be "rest"');
  const reference = toSpec(opts.reference ?? "rest", "reference");
  const minFreq = Math.max(1, opts.minFreq ?? 3);
  const top = Math.max(1, opts.top ?? 30);
  const minG2 = opts.minG2 ?? 3.84;
  const slices = source.slices();
  const inTarget = (e: number) => e >= target.from && e <= target.to;
  const inReference = (e: number) =>
    reference === "rest" ? !inTarget(e) : e >= reference.from && e <= reference.to && !inTarget(e);
  const tIdx: number[] = [];
  const rIdx: number[] = [];
  slices.forEach((s, i) => {
    if (!sectionMatches(s.section, opts.section)) return;
    if (inTarget(s.edition)) tIdx.push(i);
    else if (inReference(s.edition)) rIdx.push(i);
  });
  if (!tIdx.length)
    throw new ParameterError("target", `--target ${specLabel(target)}: no edition of the corpus falls in it`);
  if (!rIdx.length)
    throw new ParameterError("reference", `--reference ${specLabel(reference)}: no other edition to compare with`);
  const c = tIdx.reduce((n, i) => n + slices[i]!.words, 0);
  const d = rIdx.reduce((n, i) => n + slices[i]!.words, 0);

  const tRaw = source.table(tIdx);
  // Possessive forms are merged below ("japan's" counts for "japan"), so prefilter at half the floor.
  const preFloor = Math.max(1, Math.floor(minFreq / 2));
  let rTable: Map<string, number>;
  if (!opts.section && rIdx.length > slices.length / 2) {
    // A reference of most of the corpus: totals minus the few slices outside it
    // (no group-by over every reference edition).
    const inRef = new Set(rIdx);
    const outside = slices.map((_, i) => i).filter((i) => !inRef.has(i));
    const sameAsTarget = outside.length === tIdx.length && outside.every((i, j) => i === tIdx[j]);
    const minus = sameAsTarget ? tRaw : source.table(outside);
    rTable = new Map();
    for (const [k, n] of source.totals(preFloor)) {
      const r = n - (minus.get(k) ?? 0);
      if (r > 0) rTable.set(k, r);
    }
  } else {
    rTable = source.table(rIdx, preFloor);
  }
  const names = new Map<string, { form: string; n: number }>();
  const tTable = mergeForms(tRaw, names);
  rTable = mergeForms(rTable, names);
  const shown = (base: string) => names.get(base)?.form ?? base;

  const positive: KeyItem[] = [];
  const negative: KeyItem[] = [];
  const item = (term: string, a: number, b: number): KeyItem => ({
    term: shown(term),
    words: term.split(" ").length,
    target: a,
    reference: b,
    targetPer10k: per10k(a, c),
    referencePer10k: per10k(b, d),
    g2: round(logLikelihood(a, b, c, d)),
    logRatio: round(logRatio(a, b, c, d)),
  });
  for (const [term, a] of tTable) {
    if (a < minFreq || !keepTerm(term)) continue;
    const b = rTable.get(term) ?? 0;
    if (a / c <= b / d) continue;
    const it = item(term, a, b);
    if (it.g2 >= minG2) positive.push(it);
  }
  for (const [term, b] of rTable) {
    if (b < minFreq || !keepTerm(term)) continue;
    const a = tTable.get(term) ?? 0;
    if (a / c >= b / d) continue;
    const it = item(term, a, b);
    if (it.g2 >= minG2) negative.push(it);
  }
  const order = (x: KeyItem, y: KeyItem) =>
    y.g2 - x.g2 || Math.abs(y.logRatio) - Math.abs(x.logRatio) || (x.term < y.term ? -1 : 1);
  positive.sort(order);
  negative.sort(order);
  const eds = (idx: number[]) => [...new Set(idx.map((i) => slices[i]!.edition))].sort((a, b) => a - b);
  return {
    target: specLabel(target),
    reference: specLabel(reference),
    section: opts.section ?? null,
    targetWords: c,
    referenceWords: d,
    targetEditions: eds(tIdx),
    referenceEditions: eds(rIdx),
    positive: positive.slice(0, top),
    negative: negative.slice(0, top),
  };
}

export interface NewTermsResult {
  section: string | null;
  minFreq: number;
  editions: { edition: number; words: number; terms: { term: string; freq: number; per10k: number }[] }[];
}

/**
 * For each edition after the first, what was new that year: words and phrases
 * absent from every earlier edition and occurring at least `minFreq` times in it.
 */
export function newTerms(
  source: FreqSource,
  opts: { section?: string; minFreq?: number; top?: number } = {},
): NewTermsResult {
  const minFreq = Math.max(1, opts.minFreq ?? 3);
  const top = Math.max(1, opts.top ?? 20);
  const slices = source.slices();
  const idx = slices.map((s, i) => (sectionMatches(s.section, opts.section) ? i : -1)).filter((i) => i >= 0);
  const words = new Map<number, number>();
  for (const i of idx) words.set(slices[i]!.edition, (words.get(slices[i]!.edition) ?? 0) + slices[i]!.words);
  const editions = [...words.keys()].sort((a, b) => a - b);
  const first = editions[0];
  const byEdition = new Map<number, { term: string; freq: number; per10k: number }[]>();
  const seen = source.firstSeen(idx, 1);
  // A possessive form is not new when its base form appeared earlier ("japan's" after "japan").
  const earliest = new Map<string, number>();
  for (const f of seen) {
    const b = baseForm(f.term);
    earliest.set(b, Math.min(earliest.get(b) ?? f.edition, f.edition));
  }
  for (const f of seen) {
    if (f.freq < minFreq || f.edition === first || !keepTerm(f.term)) continue;
    if ((earliest.get(baseForm(f.term)) ?? f.edition) < f.edition) continue;
    const list = byEdition.get(f.edition) ?? [];
    list.push({ term: f.term, freq: f.freq, per10k: per10k(f.freq, words.get(f.edition) ?? 0) });
    byEdition.set(f.edition, list);
  }
  return {
    section: opts.section ?? null,
    minFreq,
    editions: editions.slice(1).map((edition) => ({
      edition,
      words: words.get(edition) ?? 0,
      terms: (byEdition.get(edition) ?? [])
        .sort(
          (a, b) =>
            b.freq - a.freq || b.term.split(" ").length - a.term.split(" ").length || (a.term < b.term ? -1 : 1),
        )
        .slice(0, top),
    })),
  };
}

/** "japan's only ally" -> "japan only ally": the key possessive forms merge under. */
const baseForm = (term: string): string => (term.includes("'s") ? term.replace(/(?<=\S)'s(?= |$)/g, "") : term);

/**
 * Merges possessive forms under their base; `names` keeps, per base, the most
 * frequent form as written, to show.
 */
function mergeForms(t: Map<string, number>, names: Map<string, { form: string; n: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of t) {
    const b = baseForm(k);
    out.set(b, (out.get(b) ?? 0) + n);
    const seen = names.get(b);
    if (!seen || n > seen.n || (n === seen.n && k < seen.form)) names.set(b, { form: k, n });
  }
  return out;
}

/** Validates a term list early, with the parameter's name. */
export function checkTerms(terms: string[]): void {
  for (const t of terms) termTokens(t);
}
