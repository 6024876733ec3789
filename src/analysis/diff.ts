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

/** Above this many sentence pairs, only identical sentences are aligned (keeps time and memory bounded). */
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
  const n = oldS.length;
  const m = newS.length;
  const fuzzy = n * m <= MAX_PAIRS;
  const weight = (i: number, j: number): number => {
    if (oKey[i] === nKey[j]) return 2;
    if (!fuzzy) return -1;
    const sim = jaccard(oSet[i]!, nSet[j]!);
    return sim >= threshold ? sim : -1;
  };
  // score[i][j]: best weight aligning old[i..] with new[j..]; computed backwards so the walk goes forward.
  const W = m + 1;
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
      const w = weight(i, j);
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
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const removed: DiffRow[] = [];
  const added: DiffRow[] = [];
  const flush = () => {
    rows.push(...removed.splice(0), ...added.splice(0));
  };
  while (i < n || j < m) {
    if (i === n) {
      added.push({ op: "added", new: newS[j++]! });
      continue;
    }
    if (j === m) {
      removed.push({ op: "removed", old: oldS[i++]! });
      continue;
    }
    const how = take[i * W + j];
    if (how === 2) {
      flush();
      const sim = jaccard(oSet[i]!, nSet[j]!);
      if (oKey[i] === nKey[j]) rows.push({ op: "unchanged", old: oldS[i]!, new: newS[j]!, similarity: 1 });
      else
        rows.push({
          op: "reworded",
          old: oldS[i]!,
          new: newS[j]!,
          similarity: Math.round(sim * 1000) / 1000,
          changes: wordChanges(oldS[i]!.text, oTok[i]!, newS[j]!.text, nTok[j]!),
        });
      i++;
      j++;
    } else if (how === 1) added.push({ op: "added", new: newS[j++]! });
    else removed.push({ op: "removed", old: oldS[i++]! });
  }
  flush();
  return rows;
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
