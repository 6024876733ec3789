/**
 * Plain records the analysis functions work on, so that they can be tested
 * without a database. The store adapters (store.ts) build them from a Store.
 */

/** A sentence of a document, with its offsets into the document's text. */
export interface SentenceText {
  index: number;
  start: number;
  end: number;
  text: string;
  /** block kind: "heading", "paragraph", ...; "navigation" is skipped */
  kind?: string;
  heading?: string | null;
  /** country codes mentioned in the sentence (profile) */
  countries?: string[];
  /** the sentence's id in the store, when it comes from one */
  id?: number;
}

/** A document as the analysis layer sees it. */
export interface DocText {
  key: string;
  /** the Bluebook edition; null for readouts and other texts */
  edition: number | null;
  section: string | null;
  kind: string;
  /** a readout's date (YYYY-MM-DD) */
  date?: string | null;
  sentences: SentenceText[];
  /** the store's document id, when it comes from one */
  id?: number;
}

/** One edition × section of the corpus: the unit frequencies are counted in. */
export interface Slice {
  edition: number;
  section: string | null;
  /** tokens in the slice (the per-10,000 denominator) */
  words: number;
  docs: number;
}

/**
 * Term frequencies per slice. Two implementations: in memory over DocText
 * (MemoryFreqSource) and over the store's cache tables (StoreFreqSource).
 */
export interface FreqSource {
  slices(): Slice[];
  /** occurrences of a term (its tokens) per slice, aligned with slices() */
  termCounts(tokens: string[]): number[];
  /** summed n-gram frequencies (1-3-grams, see eachNgram) over the given slices */
  table(sliceIndexes: number[], minFreq?: number): Map<string, number>;
  /** n-gram frequencies over every slice */
  totals(minFreq?: number): Map<string, number>;
  /**
   * For each n-gram, the first edition it occurs in (over the given slices)
   * and its frequency there, for terms with at least `minFreq` occurrences in that edition.
   */
  firstSeen(sliceIndexes: number[], minFreq: number): { term: string; edition: number; freq: number }[];
}

/** Does a stored section name match what the user asked for ("north america" matches "North America")? */
export function sectionMatches(section: string | null, want: string | undefined): boolean {
  if (!want) return true;
  if (!section) return false;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\u2010-\u2015]/g, "-")
      .replace(/\s+/g, " ")
      .trim();
  return norm(section).includes(norm(want));
}

/** Not text: the block kinds the analysis skips. */
export const SKIPPED_KINDS: ReadonlySet<string> = new Set(["navigation"]);
