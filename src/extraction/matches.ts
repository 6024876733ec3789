/**
 * `text.matchAll(re)` without its cost: matchAll clones the regex on every call (a species
 * constructor and a fresh lastIndex), which on short sentences costs more than the match itself.
 * Same results: the scan starts at `re.lastIndex` as matchAll's does, an empty match advances one
 * character (one code point with the "u"/"v" flag), and `re.lastIndex` is left as it was. All
 * matches are collected before the caller sees the first, so the caller may reuse `re` freely.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError("allMatches: the regex needs the g flag");
  const saved = re.lastIndex;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual exec loop
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0] === "") re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes("v"));
  }
  re.lastIndex = saved;
  return out;
}

function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/**
 * `xs` sorted in place, stably, by `after(a, b)` (a goes after b), and returned. An insertion sort: the extractors
 * sort lists of two to four (a sentence's anchors or parties, an anchor's country codes), often in order already,
 * for which Array.prototype.sort's set-up (a work copy of the array) costs ~10x the sorting.
 */
export function sortSmall<T>(xs: T[], after: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    for (; j >= 0 && after(xs[j]!, x); j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = x;
  }
  return xs;
}

const codeAfter = (a: string, b: string): boolean => a > b;

/** `xs` sorted in place as `xs.sort()` sorts strings (by UTF-16 code units), and returned. */
export function sortCodes(xs: string[]): string[] {
  return sortSmall(xs, codeAfter);
}

/**
 * Whether `text` holds `word` (lower-case ASCII letters and punctuation) at `at`, in any case of its letters: what a
 * regex with the i flag (and no u flag) matches to those letters, which are only their two ASCII cases.
 */
export function hasFoldedAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(at + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}
