/**
 * Concordance (keyword in context) and collocates.
 *
 * Collocation measures, with f(x) the node's frequency, f(y) the collocate's
 * frequency in the corpus, f(xy) how often y occurs within `window` tokens
 * left or right of the node (same sentence), N the corpus size in tokens:
 *
 * - log-Dice (Rychlý 2008): 14 + log2(2·f(xy) / (f(x) + f(y))). At most 14;
 *   independent of corpus size, so comparable across corpora. Default.
 * - MI (as in Sketch Engine): log2(f(xy)·N / (f(x)·f(y))). Favours rare
 *   collocates; use with a minimum f(xy).
 */
import { findTerm, isContent, type Token, termTokens, tokenize, words } from "./text.js";
import { type DocText, type SentenceText, SKIPPED_KINDS } from "./types.js";

/** A sentence with where it comes from. */
export interface LocatedSentence {
  documentKey: string;
  documentId?: number;
  edition: number | null;
  section: string | null;
  sentence: SentenceText;
}

export interface ConcordanceLine {
  documentKey: string;
  edition: number | null;
  section: string | null;
  sentenceIndex: number;
  /** offsets of the match in the document's text */
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
}

export interface ConcordanceOptions {
  /** characters of context each side; default 60 */
  width?: number;
  /** "left": by the words before the match, nearest first; "right": by the words after; default: corpus order */
  sort?: "left" | "right" | "position";
  /** at most this many lines (after sorting); default 1000 */
  limit?: number;
}

export interface ConcordanceResult {
  term: string;
  /** every occurrence in the corpus */
  total: number;
  /** set when sorting by context read only this many lines of the total (MAX_SORTED) */
  sortedOf?: number;
  lines: ConcordanceLine[];
}

/** Every sentence of the documents, located. */
export function* locatedSentences(docs: Iterable<DocText>): Generator<LocatedSentence> {
  for (const d of docs)
    for (const s of d.sentences) {
      if (s.kind && SKIPPED_KINDS.has(s.kind)) continue;
      yield { documentKey: d.key, documentId: d.id, edition: d.edition, section: d.section, sentence: s };
    }
}

const clip = (s: string) => s.replace(/\s+/g, " ");

/** KWIC lines for a term over sentences, sortable by left or right context. */
export function concordance(
  sentences: Iterable<LocatedSentence>,
  term: string,
  opts: ConcordanceOptions = {},
): ConcordanceResult {
  const want = termTokens(term);
  const width = Math.max(1, Math.min(opts.width ?? 60, 1000));
  const limit = Math.max(0, opts.limit ?? 1000);
  const sort = opts.sort === "left" || opts.sort === "right" ? opts.sort : null;
  // Lines kept: in corpus order only the first `limit` are needed; sorted, at most MAX_SORTED.
  const keep = sort ? Math.max(limit, MAX_SORTED) : limit;
  const lines: (ConcordanceLine & { key: string; order: number })[] = [];
  let total = 0;
  for (const ls of sentences) {
    const s = ls.sentence;
    if (lines.length >= keep) {
      // Only counting from here on: no offsets, no context.
      total += findTerm(words(s.text), want).length;
      continue;
    }
    const toks: Token[] = tokenize(s.text);
    const hits = findTerm(
      toks.map((t) => t.text),
      want,
    );
    for (const h of hits) {
      total++;
      if (lines.length >= keep) continue;
      const first = toks[h]!;
      const last = toks[h + want.length - 1]!;
      const leftFull = s.text.slice(0, first.start);
      const rightFull = s.text.slice(last.end);
      lines.push({
        documentKey: ls.documentKey,
        edition: ls.edition,
        section: ls.section,
        sentenceIndex: s.index,
        start: s.start + first.start,
        end: s.start + last.end,
        left: clip(leftFull).slice(-width),
        match: s.text.slice(first.start, last.end),
        right: clip(rightFull).slice(0, width),
        key:
          sort === "left"
            ? toks
                .slice(0, h)
                .map((t) => t.text)
                .reverse()
                .join(" ")
            : sort === "right"
              ? toks
                  .slice(h + want.length)
                  .map((t) => t.text)
                  .join(" ")
              : "",
        order: lines.length,
      });
    }
  }
  if (sort) lines.sort((a, b) => cmp(a.key, b.key) || a.order - b.order);
  return {
    term,
    total,
    ...(sort && total > lines.length ? { sortedOf: lines.length } : {}),
    lines: lines.slice(0, limit).map(({ key: _k, order: _o, ...line }) => line),
  };
}

/** Sorting by context reads at most this many lines (the first in corpus order). */
export const MAX_SORTED = 20_000;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type CollocationMeasure = "logdice" | "mi";

export interface Collocate {
  word: string;
  /** co-occurrences within the window */
  fxy: number;
  /** the collocate's corpus frequency */
  fy: number;
  logDice: number;
  mi: number;
}

export interface CollocatesResult {
  term: string;
  window: number;
  measure: CollocationMeasure;
  /** the node's frequency */
  fx: number;
  /** corpus size in tokens */
  corpusSize: number;
  collocates: Collocate[];
}

export interface CollocatesOptions {
  window?: number;
  measure?: CollocationMeasure;
  /** minimum co-occurrences; default 2 */
  minFreq?: number;
  top?: number;
  /** keep function words and numbers as collocates; default false */
  allWords?: boolean;
}

/**
 * Collocates of a term: sentences are token arrays (only those containing the
 * node matter), `freq` gives a token's corpus frequency, `size` the corpus size.
 */
export function collocates(
  sentences: Iterable<string[]>,
  term: string,
  corpus: { freq: (word: string) => number; size: number },
  opts: CollocatesOptions = {},
): CollocatesResult {
  const want = termTokens(term);
  const window = Math.max(1, Math.min(opts.window ?? 5, 50));
  const measure = opts.measure ?? "logdice";
  const minFreq = Math.max(1, opts.minFreq ?? 2);
  let fx = 0;
  const fxy = new Map<string, number>();
  for (const toks of sentences) {
    const hits = findTerm(toks, want);
    fx += hits.length;
    for (const h of hits) {
      const lo = Math.max(0, h - window);
      const hi = Math.min(toks.length, h + want.length + window);
      for (let i = lo; i < hi; i++) {
        if (i >= h && i < h + want.length) continue;
        const w = stripPossessive(toks[i]!);
        if (!opts.allWords && !isContent(w)) continue;
        fxy.set(w, (fxy.get(w) ?? 0) + 1);
      }
    }
  }
  const out: Collocate[] = [];
  for (const [word, n] of fxy) {
    if (n < minFreq) continue;
    const fy = Math.max(corpus.freq(word), n);
    out.push({
      word,
      fxy: n,
      fy,
      logDice: round(14 + Math.log2((2 * n) / (fx + fy))),
      mi: round(Math.log2((n * corpus.size) / (fx * fy))),
    });
  }
  const key = measure === "mi" ? "mi" : "logDice";
  out.sort((a, b) => b[key] - a[key] || b.fxy - a.fxy || cmp(a.word, b.word));
  return { term, window, measure, fx, corpusSize: corpus.size, collocates: out.slice(0, Math.max(1, opts.top ?? 30)) };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** "japan's" -> "japan": collocates are counted by word, not by form. */
export const stripPossessive = (w: string): string => (w.endsWith("'s") && w.length > 2 ? w.slice(0, -2) : w);

/** Collocates over documents held in memory. */
export function collocatesInDocs(docs: DocText[], term: string, opts: CollocatesOptions = {}): CollocatesResult {
  const all: string[][] = [];
  const freq = new Map<string, number>();
  let size = 0;
  for (const ls of locatedSentences(docs)) {
    const toks = words(ls.sentence.text);
    size += toks.length;
    for (const t of toks) {
      const w = stripPossessive(t);
      freq.set(w, (freq.get(w) ?? 0) + 1);
    }
    all.push(toks);
  }
  return collocates(all, term, { freq: (w) => freq.get(w) ?? 0, size }, opts);
}
