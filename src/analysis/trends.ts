import { termTokens } from "./text.js";
import { type FreqSource, sectionMatches } from "./types.js";

export interface TrendPoint {
  edition: number;
  count: number;
  /** occurrences per 10,000 words of that edition (of the section, when one is chosen) */
  per10k: number;
}

export interface TrendSeries {
  term: string;
  /** set with `bySection`: the section this series counts */
  section?: string | null;
  series: TrendPoint[];
}

export interface TrendsResult {
  terms: TrendSeries[];
}

export interface TrendOptions {
  /** only sections whose name contains this (case-insensitive) */
  section?: string;
  /** one series per term and section instead of one per term */
  bySection?: boolean;
}

const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** per-10,000-word frequency */
export const per10k = (count: number, words: number): number => (words > 0 ? round((count * 10000) / words) : 0);

/**
 * Per edition, how often each term occurs: raw count and frequency per
 * 10,000 words. Matching tolerates dash, quote and case variants and counts
 * possessives ("Japan" counts "Japan's"). Every edition of the (filtered)
 * corpus appears in each series, with 0 where the term is absent; with
 * `bySection`, a section's series lists the editions that have that section.
 */
export function trends(source: FreqSource, terms: string[], opts: TrendOptions = {}): TrendsResult {
  if (!terms.length) throw new Error("trends: give at least one term");
  const parsed = terms.map((t) => ({ term: t, tokens: termTokens(t) }));
  const slices = source.slices();
  const keep = slices.map((s) => sectionMatches(s.section, opts.section));
  const out: TrendSeries[] = [];
  for (const { term, tokens } of parsed) {
    const counts = source.termCounts(tokens);
    if (opts.bySection) {
      const sections = [...new Set(slices.filter((_, i) => keep[i]).map((s) => s.section))].sort((a, b) =>
        (a ?? "").localeCompare(b ?? ""),
      );
      for (const section of sections) {
        const idx = slices.map((s, i) => (keep[i] && s.section === section ? i : -1)).filter((i) => i >= 0);
        out.push({ term, section, series: series(idx, slices, counts) });
      }
    } else {
      const idx = slices.map((_, i) => (keep[i] ? i : -1)).filter((i) => i >= 0);
      out.push({ term, series: series(idx, slices, counts) });
    }
  }
  return { terms: out };
}

function series(idx: number[], slices: { edition: number; words: number }[], counts: number[]): TrendPoint[] {
  const byEdition = new Map<number, { count: number; words: number }>();
  for (const i of idx) {
    const s = slices[i]!;
    const e = byEdition.get(s.edition) ?? { count: 0, words: 0 };
    e.count += counts[i] ?? 0;
    e.words += s.words;
    byEdition.set(s.edition, e);
  }
  return [...byEdition.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([edition, { count, words }]) => ({ edition, count, per10k: per10k(count, words) }));
}
