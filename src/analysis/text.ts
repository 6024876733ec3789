/**
 * Tokens and term matching for the analysis layer.
 *
 * Matching tolerates dash, quote and case variants: "Asia–Pacific",
 * "Asia-Pacific" and "ASIA-PACIFIC" are the same token, "Japan’s" and
 * "Japan's" too. The normalisation is length-preserving (one UTF-16 unit in,
 * one out), so offsets found in the normalised text are offsets in the
 * original: concordance lines and evidence point at the text as written.
 *
 * A token is a run of letters/digits, joined by inner hyphens or apostrophes
 * ("indo-pacific", "japan's", "2+2" is "2", "2"), or a dotted abbreviation
 * ("u.s.", "d.c."). A term matches a text token equal to it or its
 * possessive ("Japan" counts "Japan's").
 */

const NON_ASCII = /[^\x00-\x7f]/;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\uFF07`\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\uFF02]/g;
const SPACES = /[\u00A0\u2007\u202F\u2009\u200A]/g;

/** Dashes to "-", quotes to ' and ", odd spaces to " ", lower case; same length as the input. */
export function normalizeForMatch(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const s = text.replace(DASHES, "-").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(SPACES, " ");
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  // A few characters change length when lower-cased (e.g. "İ"): keep those as they are.
  let out = "";
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** One token of a normalised text, with its offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const PART = String.raw`(?:\p{L}\.){2,}|[\p{L}\p{N}]+`;
const TOKEN_RE = new RegExp(`(?:${PART})(?:['-](?:${PART}))*`, "gu");
/** The same rule for lower-case ASCII text, three times faster than the Unicode classes. */
const ASCII_TOKEN_RE = /(?:(?:[a-z]\.){2,}|[a-z0-9]+)(?:['-](?:(?:[a-z]\.){2,}|[a-z0-9]+))*/g;
const tokenRe = (norm: string): RegExp => (NON_ASCII.test(norm) ? TOKEN_RE : ASCII_TOKEN_RE);

/** Tokens of a text (normalised first), with offsets into it. */
export function tokenize(text: string): Token[] {
  const norm = normalizeForMatch(text);
  const out: Token[] = [];
  const re = tokenRe(norm);
  re.lastIndex = 0;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Token strings only (faster: no offsets kept). */
export function words(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(ASCII_TOKEN_RE) ?? [];
  return normalizeForMatch(text).match(TOKEN_RE) ?? [];
}

/** The tokens of a search term; throws when it has none. */
export function termTokens(term: string): string[] {
  const t = words(term);
  if (!t.length) throw new TermError(`the term ${JSON.stringify(term)} has no words to look for`);
  return t;
}

export class TermError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TermError";
  }
}

/** Does text token `tok` match term token `want` (equal, or its possessive)? */
export function tokenMatches(tok: string, want: string): boolean {
  return tok === want || (tok.length === want.length + 2 && tok.endsWith("'s") && tok.startsWith(want));
}

/** The text token forms a term token matches: itself and its possessive. */
export function tokenForms(want: string): string[] {
  return want.endsWith("'s") ? [want] : [want, `${want}'s`];
}

/** Every cache key (tokens joined by one space) a term's tokens match: 2^n possessive variants. */
export function termForms(tokens: string[]): string[] {
  let acc = [""];
  for (const t of tokens) {
    const next: string[] = [];
    for (const a of acc) for (const f of tokenForms(t)) next.push(a ? `${a} ${f}` : f);
    acc = next;
  }
  return acc;
}

/** Start indexes (in `toks`) where the term's tokens occur in sequence. */
export function findTerm(toks: readonly string[], want: readonly string[]): number[] {
  const hits: number[] = [];
  const n = want.length;
  outer: for (let i = 0; i + n <= toks.length; i++) {
    for (let j = 0; j < n; j++) if (!tokenMatches(toks[i + j]!, want[j]!)) continue outer;
    hits.push(i);
  }
  return hits;
}

/** How often the term occurs in a text. */
export function countTerm(text: string, want: readonly string[]): number {
  return findTerm(words(text), want).length;
}

/** Words for per-10,000 frequencies: tokens, as `countWords` in extraction counts them. */
export function wordCount(text: string): number {
  return words(text).length;
}

/** Function words: n-grams that begin or end with one are not phrases for keyness. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once or other our ours
out over own same she should so some such than that the their theirs them then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
s t upon among within toward towards since per via`.split(/\s+/),
);

/** Is this token a content word (not a function word, not a bare number)? */
export function isContent(tok: string): boolean {
  if (tok.length < 2 || STOPWORDS.has(tok)) return false;
  const c = tok.charCodeAt(0);
  return !(c >= 48 && c <= 57 && /^\d+$/.test(tok));
}

/**
 * The 1- to 3-grams of a sentence's tokens that keyness and the cache keep:
 * every unigram; bigrams and trigrams that begin and end with content words.
 * Calls `emit(key)` for each occurrence.
 */
export function eachNgram(toks: readonly string[], emit: (key: string, n: number) => void, maxN = 3): void {
  const len = toks.length;
  const content = new Array<boolean>(len);
  for (let i = 0; i < len; i++) content[i] = isContent(toks[i]!);
  for (let i = 0; i < len; i++) {
    const a = toks[i]!;
    emit(a, 1);
    if (maxN < 2 || !content[i]) continue;
    if (i + 1 < len) {
      const ab = `${a} ${toks[i + 1]!}`;
      if (content[i + 1]) emit(ab, 2);
      if (maxN >= 3 && i + 2 < len && content[i + 2]) emit(`${ab} ${toks[i + 2]!}`, 3);
    }
  }
}

/** Is a term of these tokens kept in the n-gram cache (so a cached zero is a true zero)? */
export function isCachedTerm(tokens: readonly string[]): boolean {
  if (tokens.length === 1) return true;
  if (tokens.length > 3) return false;
  return isContent(tokens[0]!) && isContent(tokens.at(-1)!);
}
