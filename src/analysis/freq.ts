import { eachNgram, findTerm, isCachedTerm, termForms, words } from "./text.js";
import { type DocText, type FreqSource, SKIPPED_KINDS, type Slice } from "./types.js";

interface MemSlice extends Slice {
  ngrams: Map<string, number>;
  /** token arrays of the slice's sentences, for terms the n-gram table does not keep */
  sentences: string[][];
}

/** Slice key: edition and section. */
const sliceKey = (edition: number, section: string | null) => `${edition}\u0000${section ?? ""}`;

/**
 * Frequencies over documents held in memory: the reference implementation
 * of FreqSource, and what the tests use. Only documents with an edition
 * (Bluebook texts) count: trends and keyness are per edition.
 */
export class MemoryFreqSource implements FreqSource {
  private readonly list: MemSlice[] = [];

  constructor(docs: Iterable<DocText>) {
    const byKey = new Map<string, MemSlice>();
    for (const d of docs) {
      if (d.edition === null || d.edition === undefined) continue;
      const k = sliceKey(d.edition, d.section);
      let s = byKey.get(k);
      if (!s) {
        s = { edition: d.edition, section: d.section, words: 0, docs: 0, ngrams: new Map(), sentences: [] };
        byKey.set(k, s);
      }
      s.docs++;
      const slice = s;
      const emit = (key: string) => slice.ngrams.set(key, (slice.ngrams.get(key) ?? 0) + 1);
      for (const sent of d.sentences) {
        if (sent.kind && SKIPPED_KINDS.has(sent.kind)) continue;
        const toks = words(sent.text);
        slice.words += toks.length;
        slice.sentences.push(toks);
        eachNgram(toks, emit);
      }
    }
    this.list = [...byKey.values()].sort(
      (a, b) => a.edition - b.edition || (a.section ?? "").localeCompare(b.section ?? ""),
    );
  }

  slices(): Slice[] {
    return this.list.map(({ edition, section, words, docs }) => ({ edition, section, words, docs }));
  }

  termCounts(tokens: string[]): number[] {
    if (isCachedTerm(tokens)) {
      const forms = termForms(tokens);
      return this.list.map((s) => forms.reduce((sum, f) => sum + (s.ngrams.get(f) ?? 0), 0));
    }
    return this.list.map((s) => s.sentences.reduce((sum, toks) => sum + findTerm(toks, tokens).length, 0));
  }

  table(sliceIndexes: number[], minFreq = 1): Map<string, number> {
    const out = new Map<string, number>();
    for (const i of sliceIndexes) {
      const s = this.list[i];
      if (!s) continue;
      for (const [k, n] of s.ngrams) out.set(k, (out.get(k) ?? 0) + n);
    }
    if (minFreq > 1) for (const [k, n] of out) if (n < minFreq) out.delete(k);
    return out;
  }

  totals(minFreq = 1): Map<string, number> {
    return this.table(
      this.list.map((_, i) => i),
      minFreq,
    );
  }

  firstSeen(sliceIndexes: number[], minFreq: number): { term: string; edition: number; freq: number }[] {
    const byEdition = new Map<number, number[]>();
    for (const i of sliceIndexes) {
      const s = this.list[i];
      if (!s) continue;
      byEdition.set(s.edition, [...(byEdition.get(s.edition) ?? []), i]);
    }
    const seen = new Set<string>();
    const out: { term: string; edition: number; freq: number }[] = [];
    for (const edition of [...byEdition.keys()].sort((a, b) => a - b)) {
      const t = this.table(byEdition.get(edition)!);
      for (const [term, freq] of t) {
        if (seen.has(term)) continue;
        seen.add(term);
        if (freq >= minFreq) out.push({ term, edition, freq });
      }
    }
    return out;
  }
}
