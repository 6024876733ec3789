/**
 * Builds the DocContext the event and count extractors see, from a text written in the
 * Bluebook's style, with the real segmenter and the real country, organization and person finders.
 */
import type { DocContext } from "../../../src/extraction/context.js";
import { findCountries } from "../../../src/extraction/countries.js";
import { extractCounts } from "../../../src/extraction/counts.js";
import { extractEvents } from "../../../src/extraction/events.js";
import { findOrganizations } from "../../../src/extraction/organizations.js";
import { findPersons } from "../../../src/extraction/persons.js";
import type { DocumentMetadata, ExtractedCount, ExtractedEvent } from "../../../src/model/types.js";
import { segment } from "../../../src/segmenting/index.js";

/** A Bluebook section covering `coveredYear`, or a readout dated `date` (YYYY-MM-DD). */
export function docContext(text: string, opts: { coveredYear?: number; date?: string } = {}): DocContext {
  const { sentences } = segment(text);
  const metadata: DocumentMetadata = opts.date
    ? { kind: "readout", edition: null, summary: false, coveredYear: null, section: null, date: opts.date }
    : {
        kind: "bluebook",
        edition: (opts.coveredYear ?? 2022) + 1,
        summary: false,
        coveredYear: opts.coveredYear ?? 2022,
        section: null,
        date: null,
      };
  const year = metadata.coveredYear ?? (metadata.date ? Number(metadata.date.slice(0, 4)) : null);
  const countries = findCountries(text);
  return {
    text,
    sentences,
    metadata,
    countries,
    organizations: findOrganizations(text),
    persons: findPersons(text, { year, countries }),
  };
}

export function events(text: string, opts: { coveredYear?: number; date?: string } = {}): ExtractedEvent[] {
  return extractEvents(docContext(text, opts));
}

export function counts(text: string, opts: { coveredYear?: number; date?: string } = {}): ExtractedCount[] {
  return extractCounts(docContext(text, opts));
}

/** The fields a test compares: no evidence. */
export function brief(e: ExtractedEvent): Partial<ExtractedEvent> {
  const { evidence: _e, ...rest } = e;
  return rest;
}
