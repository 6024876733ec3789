import type { CountryHit } from "./context.js";

/** Every country named in `text` (nouns, short forms, demonyms), in text order. Stub: owned by the entities work. */
export function findCountries(_text: string): CountryHit[] {
  return [];
}
