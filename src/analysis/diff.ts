/**
 * Edition diff: align the sentences of the same section in two editions and
 * label each unchanged, reworded, added or removed.
 *
 * Alignment is a weighted longest-common-subsequence (dynamic programming,
 * order preserved, no cost for gaps): a pair of sentences may align when
 * their word sequences are identical (weight 2) or when the Jaccard
 * similarity of their word sets reaches the threshold (weight = the
 * similarity, default threshold 0.6; numbers count as one word "#", so a
 * sentence whose only change is a year or a count is a rewording). The alignment with the largest total
 * weight wins, so identical sentences anchor it and rewordings pair up
 * between them. Matching ignores case, dash and quote variants.
 *
 * Within a reworded pair, a word-level LCS gives the changes: runs of removed
 * and added words between common words ("sole ally" -> "only ally").
 */

import { tokenize } from "./text.js";
import { type DocText, type SentenceText, SKIPPED_KINDS, sectionMatches } from "./types.js";

export type DiffOp = "unchanged" | "reworded" | "added" | "removed";

export interface DiffSentence {
  documentKey: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface WordChange {
  /** the words taken out, as written in the old sentence ("" when none) */
  removed: string;
  /** the words put in, as written in the new sentence ("" when none) */
  added: string;
  /** the common word before the change, if any */
  before: string | null;
  /** the common word after the change, if any */
  after: string | null;
  /** readable form: "sole ally" -> "only ally" */
  summary: string;
}

export interface DiffRow {
  op: DiffOp;
  old?: DiffSentence;
  new?: DiffSentence;
  /** Jaccard similarity of the two word sets (aligned rows) */
  similarity?: number;
  changes?: WordChange[];
}

export interface DiffResult {
  section: string | null;
  from: { edition: number | null; documents: string[]; sentences: number };
  to: { edition: number | null; documents: string[]; sentences: number };
  summary: Record<DiffOp, number>;
  rows: DiffRow[];
}

export interface DiffOptions {
  /** minimum Jaccard similarity for two different sentences to count as a rewording; default 0.6 */
  threshold?: number;
  /** keep headings in the comparison; default true */
  headings?: boolean;
}

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
};

/** Above this many sentence pairs, a range is split at sentences unique and identical on both sides first. */
const MAX_PAIRS = 4_000_000;

/** Aligns two sentence lists; returns the rows in reading order. */
export function diffSentences(oldS: DiffSentence[], newS: DiffSentence[], opts: DiffOptions = {}): DiffRow[] {
  const threshold = opts.threshold ?? 0.6;
  const oTok = oldS.map((s) => tokenize(s.text));
  const nTok = newS.map((s) => tokenize(s.text));
  const oKey = oTok.map((t) => t.map((x) => x.text).join(" "));
  const nKey = nTok.map((t) => t.map((x) => x.text).join(" "));
  // Similarity compares word sets with every number as "#": "Bluebook 2023" and "Bluebook 2025" are one line reworded.
  const wordSet = (t: { text: string }[]) => new Set(t.map((x) => x.text.replace(/\d+/g, "#")));
  const oSet = oTok.map(wordSet);
  const nSet = nTok.map(wordSet);
  const weight = (i: number, j: number): number => {
    if (oKey[i] === nKey[j]) return 2;
    const sim = jaccard(oSet[i]!, nSet[j]!);
    return sim >= threshold ? sim : -1;
  };

  /** Weighted LCS of old[i0..i1) and new[j0..j1): the aligned pairs in order. */
  const dp = (i0: number, i1: number, j0: number, j1: number): [number, number][] => {
    const n = i1 - i0;
    const m = j1 - j0;
    const W = m + 1;
    // score[i][j]: best weight aligning old[i..] with new[j..]; computed backwards so the walk goes forward.
    const score = new Float64Array((n + 1) * W);
    const take = new Uint8Array((n + 1) * W); // 0 skip old, 1 skip new, 2 pair
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        let best = score[(i + 1) * W + j]!;
        let how = 0;
        const skipNew = score[i * W + j + 1]!;
        if (skipNew > best) {
          best = skipNew;
          how = 1;
        }
        const w = weight(i0 + i, j0 + j);
        if (w > 0) {
          const pair = score[(i + 1) * W + j + 1]! + w;
          if (pair > best) {
            best = pair;
            how = 2;
          }
        }
        score[i * W + j] = best;
        take[i * W + j] = how;
      }
    }
    const pairs: [number, number][] = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      const how = take[i * W + j];
      if (how === 2) pairs.push([i0 + i++, j0 + j++]);
      else if (how === 1) j++;
      else i++;
    }
    return pairs;
  };

  /** Too large for one table: anchor on sentences unique and identical in both ranges (longest increasing run), recurse between. */
  const align = (i0: number, i1: number, j0: number, j1: number): [number, number][] => {
    if (i0 >= i1 || j0 >= j1) return [];
    if ((i1 - i0) * (j1 - j0) <= MAX_PAIRS) return dp(i0, i1, j0, j1);
    const countIn = (keys: string[], a: number, b: number) => {
      const c = new Map<string, number>();
      for (let k = a; k < b; k++) c.set(keys[k]!, (c.get(keys[k]!) ?? 0) + 1);
      return c;
    };
    const oc = countIn(oKey, i0, i1);
    const nc = countIn(nKey, j0, j1);
    const newAt = new Map<string, number>();
    for (let j = j0; j < j1; j++) if (nc.get(nKey[j]!) === 1) newAt.set(nKey[j]!, j);
    const cand: [number, number][] = [];
    for (let i = i0; i < i1; i++) {
      const j = oc.get(oKey[i]!) === 1 ? newAt.get(oKey[i]!) : undefined;
      if (j !== undefined) cand.push([i, j]);
    }
    const anchors = longestIncreasing(cand);
    if (!anchors.length) return []; // nothing in common that can be placed: all removed and added
    const out: [number, number][] = [];
    let pi = i0;
    let pj = j0;
    for (const [i, j] of anchors) {
      out.push(...align(pi, i, pj, j), [i, j]);
      pi = i + 1;
      pj = j + 1;
    }
    out.push(...align(pi, i1, pj, j1));
    return out;
  };

  const pairs = align(0, oldS.length, 0, newS.length);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [oldS.length, newS.length] as [number, number]]) {
    while (i < pi) rows.push({ op: "removed", old: oldS[i++]! });
    while (j < pj) rows.push({ op: "added", new: newS[j++]! });
    if (pi === oldS.length && pj === newS.length) break;
    if (oKey[pi] === nKey[pj]) rows.push({ op: "unchanged", old: oldS[pi]!, new: newS[pj]!, similarity: 1 });
    else
      rows.push({
        op: "reworded",
        old: oldS[pi]!,
        new: newS[pj]!,
        similarity: Math.round(jaccard(oSet[pi]!, nSet[pj]!) * 1000) / 1000,
        changes: wordChanges(oldS[pi]!.text, oTok[pi]!, newS[pj]!.text, nTok[pj]!),
      });
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}

/** The longest run of pairs increasing in both coordinates (pairs come sorted by the first). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const y = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Word-level changes between two sentences: runs of removed/added words between common words. */
export function wordChanges(
  oldText: string,
  oldTok = tokenize(oldText),
  newText: string,
  newTok = tokenize(newText),
): WordChange[] {
  const a = oldTok.map((t) => t.text);
  const b = newTok.map((t) => t.text);
  const n = a.length;
  const m = b.length;
  const W = m + 1;
  const lcs = new Uint32Array((n + 1) * W);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * W + j] =
        a[i] === b[j] ? lcs[(i + 1) * W + j + 1]! + 1 : Math.max(lcs[(i + 1) * W + j]!, lcs[i * W + j + 1]!);
  const changes: WordChange[] = [];
  const surface = (text: string, toks: typeof oldTok, from: number, to: number) =>
    from < to ? text.slice(toks[from]!.start, toks[to - 1]!.end) : "";
  let i = 0;
  let j = 0;
  let lastCommon: string | null = null;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lastCommon = oldText.slice(oldTok[i]!.start, oldTok[i]!.end);
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while ((i < n || j < m) && !(i < n && j < m && a[i] === b[j])) {
      if (j < m && (i === n || lcs[i * W + j + 1]! >= lcs[(i + 1) * W + j]!)) j++;
      else i++;
    }
    const removed = surface(oldText, oldTok, i0, i);
    const added = surface(newText, newTok, j0, j);
    const after = i < n ? oldText.slice(oldTok[i]!.start, oldTok[i]!.end) : null;
    changes.push({ removed, added, before: lastCommon, after, summary: summarize(removed, added, lastCommon, after) });
  }
  return changes;
}

function summarize(removed: string, added: string, before: string | null, after: string | null): string {
  const ctx = (s: string) => (after ? `${s} ${after}`.trim() : before ? `${before} ${s}`.trim() : s);
  if (removed && added) return `"${ctx(removed)}" -> "${ctx(added)}"`;
  if (added) return `+ "${added}"`;
  return `- "${removed}"`;
}

const asDiffSentences = (docs: DocText[], headings: boolean): DiffSentence[] =>
  docs.flatMap((d) =>
    d.sentences
      .filter((s: SentenceText) => !(s.kind && SKIPPED_KINDS.has(s.kind)) && (headings || s.kind !== "heading"))
      .map((s) => ({ documentKey: d.key, index: s.index, start: s.start, end: s.end, text: s.text })),
  );

/**
 * The diff of one section between two editions, over documents in memory.
 * Several documents of the same edition and section (a full edition and its
 * summary, a section split in files) are read in key order, one after the other.
 */
export function diffEditions(
  docs: DocText[],
  section: string,
  fromEdition: number,
  toEdition: number,
  opts: DiffOptions = {},
): DiffResult {
  const pick = (e: number) =>
    docs.filter((d) => d.edition === e && sectionMatches(d.section, section)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const a = pick(fromEdition);
  const b = pick(toEdition);
  const headings = opts.headings ?? true;
  const oldS = asDiffSentences(a, headings);
  const newS = asDiffSentences(b, headings);
  const rows = diffSentences(oldS, newS, opts);
  const summary: Record<DiffOp, number> = { unchanged: 0, reworded: 0, added: 0, removed: 0 };
  for (const r of rows) summary[r.op]++;
  return {
    section: a[0]?.section ?? b[0]?.section ?? section,
    from: { edition: fromEdition, documents: a.map((d) => d.key), sentences: oldS.length },
    to: { edition: toEdition, documents: b.map((d) => d.key), sentences: newS.length },
    summary,
    rows,
  };
}
