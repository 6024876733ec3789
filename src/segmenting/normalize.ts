/**
 * Matching text: dashes, quotes and spaces folded to one form, line-break
 * hyphens ("Cross- Servicing") joined, with a map back to the original offsets
 * so that evidence always points into the text as read.
 */

const CHAR_MAP: Record<string, string> = {
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus
  "\uff0d": "-", // fullwidth hyphen-minus
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2033": '"',
  "\u00a0": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u3000": " ",
};

const FOLD = new RegExp(`[${Object.keys(CHAR_MAP).join("")}]`, "g");

let lastIn: string | null = null;
let lastOut = "";

/**
 * Same-length folding of dashes, quotes and spaces: offsets do not move.
 * The finders of countries, organizations and persons each fold the same document text: the last
 * result is kept, so that a document is folded once.
 */
export function foldChars(text: string): string {
  if (text === lastIn) return lastOut;
  const out = text.replace(FOLD, foldOne);
  // (a document's text, not a short name; and not a huge one, which would stay in memory until the next)
  if (text.length > 256 && text.length <= 4_000_000) {
    lastIn = text;
    lastOut = out;
  }
  return out;
}

const foldOne = (c: string): string => CHAR_MAP[c] ?? c;

export interface Normalized {
  /** folded text with line-break hyphens joined */
  text: string;
  /** map[i] is the offset in the original text of normalized character i; map[text.length] is the original length */
  map: Int32Array;
}

/**
 * Folds dashes and quotes, and joins a hyphen followed by a space or line break
 * inside a word ("Cross- Servicing" -> "Cross-Servicing", "Japan– Russia" -> "Japan-Russia").
 */
export function normalize(text: string): Normalized {
  const folded = foldChars(text);
  const out: string[] = [];
  const map = new Int32Array(folded.length + 1);
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i]!;
    out.push(c);
    map[n++] = i;
    if (c === "-" && i > 0 && /[A-Za-z.]/.test(folded[i - 1]!)) {
      // skip the white space of a line-break hyphen when a letter follows
      let j = i + 1;
      while (j < folded.length && (folded[j] === " " || folded[j] === "\n" || folded[j] === "\r")) j++;
      if (j > i + 1 && j < folded.length && /[A-Za-z]/.test(folded[j]!) && j - i <= 4) i = j - 1;
    }
  }
  map[n] = folded.length;
  return { text: out.join(""), map: map.slice(0, n + 1) };
}

/** Maps a span of normalized text back to the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const s = norm.map[Math.max(0, Math.min(start, norm.map.length - 1))]!;
  const e = end <= 0 ? s : norm.map[Math.min(end - 1, norm.map.length - 1)]! + 1;
  return { start: s, end: Math.max(s, e) };
}

/** Folds a short string (a title, a name) for display and comparison: dashes, quotes, joined hyphens, single spaces. */
export function cleanText(s: string): string {
  return normalize(s).text.replace(/\s+/g, " ").trim();
}
