/**
 * Turning what a user types into a safe FTS5 MATCH expression.
 *
 * Default (safe) mode: every bare word becomes a quoted FTS5 string, so
 * punctuation, operators and stray quotes in user input cannot make a
 * malformed query. Supported on top: "exact phrases" in double quotes, and a
 * trailing `*` on a word for a prefix search (`negotiat*`). Terms are ANDed.
 */

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryError";
  }
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Does this term have anything FTS5's unicode61 tokenizer would index? */
const hasToken = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

/** Builds the MATCH expression for user input; throws QueryError when nothing searchable is left. */
export function toFtsQuery(input: string): string {
  const terms: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined) {
      if (hasToken(phrase)) terms.push(quote(phrase.trim()));
      continue;
    }
    if (word === undefined) continue;
    const prefix = /^[^*]*[\p{L}\p{N}][^*]*\*$/u.test(word);
    const core = prefix ? word.slice(0, -1) : word;
    if (!hasToken(core)) continue;
    terms.push(prefix ? `${quote(core)}*` : quote(core));
  }
  if (!terms.length) throw new QueryError(`the search query ${JSON.stringify(input)} has no words to search for`);
  return terms.join(" ");
}
