import type { CountryHit, PersonHit } from "./context.js";

export interface PersonContext {
  /** the year the text speaks of (coveredYear, or the readout's year), for resolving "Foreign Minister Hayashi" */
  year: number | null;
  /** countries found in the same text, to attach a country to a title ("President of the ROK") */
  countries: CountryHit[];
}

/** Every named person in `text`, in text order. Stub: owned by the entities work. */
export function findPersons(_text: string, _ctx: PersonContext): PersonHit[] {
  return [];
}
