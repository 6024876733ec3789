import type { DocumentMetadata, Sentence } from "../model/types.js";

/** A country named in the text, as a noun ("Canada", "the U.S.", "ROK") or an adjective ("Canadian"). */
export interface CountryHit {
  /** ISO 3166-1 alpha-3 (SUN for the Soviet Union) */
  code: string;
  start: number;
  end: number;
  surface: string;
  adjective: boolean;
}

/** An organization of data/organizations.json named by one of its aliases. */
export interface OrgHit {
  id: string;
  start: number;
  end: number;
  surface: string;
}

/** A named person, resolved to a canonical name where possible. */
export interface PersonHit {
  /** canonical name in English order ("Shinzo Abe", "Kim Jong-un"), or the family name alone when unresolved */
  name: string;
  family: string;
  /** office as written or resolved ("Prime Minister", "Minister for Foreign Affairs") */
  role: string | null;
  /** the country the person serves, alpha-3 */
  country: string | null;
  start: number;
  end: number;
  surface: string;
  /** true when the text gave only a title and family name ("Foreign Minister Hayashi") */
  familyOnly: boolean;
}

/** Everything the event and count extractors see of one document. Offsets are into `text`. */
export interface DocContext {
  text: string;
  sentences: Sentence[];
  metadata: DocumentMetadata;
  countries: CountryHit[];
  organizations: OrgHit[];
  persons: PersonHit[];
}
