/**
 * Runs the whole extraction (segmenting, metadata, entities, events, counts) on a
 * passage written for the red-team tests, as `panorama extract` would on a .txt file.
 */
import { createHash } from "node:crypto";
import { extract } from "../../../src/extraction/index.js";
import type { DocumentExtraction, ExtractedEvent } from "../../../src/model/types.js";

export function extractText(id: string, text: string): DocumentExtraction {
  return extract({
    id,
    path: `${id}.txt`,
    format: "txt",
    text,
    encoding: "utf-8",
    bytes: Buffer.byteLength(text),
    hash: createHash("sha256").update(text).digest("hex"),
  }).extraction;
}

export interface EventSpec {
  type: ExtractedEvent["type"];
  level?: ExtractedEvent["level"];
  modality?: ExtractedEvent["modality"];
  countries?: string[];
  date?: string | null;
  location?: string | null;
  place?: string | null;
  status?: ExtractedEvent["status"];
}

/** The events that fit every field the spec gives (countries compared as sorted sets). */
export function matching(doc: DocumentExtraction, spec: EventSpec): ExtractedEvent[] {
  return doc.events.filter(
    (e) =>
      e.type === spec.type &&
      (spec.level === undefined || e.level === spec.level) &&
      (spec.modality === undefined || e.modality === spec.modality) &&
      (spec.countries === undefined || [...e.countries].sort().join() === [...spec.countries].sort().join()) &&
      (spec.date === undefined || e.date === spec.date) &&
      (spec.location === undefined || (e.location ?? null) === spec.location) &&
      (spec.place === undefined || (e.place ?? null) === spec.place) &&
      (spec.status === undefined || e.status === spec.status),
  );
}

/** The events and counts whose evidence lies in the sentence that contains `snippet`. */
export function citing(doc: DocumentExtraction, snippet: string): string[] {
  const out: string[] = [];
  for (const e of doc.events)
    if (e.evidence.text.includes(snippet)) out.push(`${e.type} ${e.countries.join("-")} ${e.date}`);
  for (const c of doc.counts) if (c.evidence.text.includes(snippet)) out.push(`count ${c.level} ${c.total}`);
  return out;
}

/** Family names of the document's persons (the scorer matches persons by family name). */
export function personNames(doc: DocumentExtraction): string[] {
  return doc.persons.map((p) => p.name);
}
