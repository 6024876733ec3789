import type { DocText } from "../../../src/analysis/types.js";
import type { CountRow, EventRow } from "../../../src/storage/api.js";

/** A document for the analysis functions: sentences end after ".", "!" or "?" that follows a lower-case letter or digit. */
export function doc(
  key: string,
  edition: number | null,
  section: string | null,
  text: string,
  kind = "bluebook",
): DocText {
  const sentences: DocText["sentences"] = [];
  const push = (a: number, b: number) => {
    const raw = text.slice(a, b);
    const start = a + (raw.length - raw.trimStart().length);
    const t = raw.trim();
    if (t) sentences.push({ index: sentences.length, start, end: start + t.length, text: t, kind: "paragraph" });
  };
  let from = 0;
  for (const m of text.matchAll(/(?<=[a-z0-9)"'][.!?])\s+/g)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return { key, edition, section, kind, sentences };
}

let nextId = 1;
const ev = (key: string, edition: number | null, text = "…") => ({
  documentId: 1,
  documentKey: key,
  sentenceId: null,
  start: 0,
  end: text.length,
  text,
  edition,
  section: "North America",
});

export function event(p: Partial<EventRow> & { doc?: string; edition?: number | null; text?: string }): EventRow {
  const { doc: key = "d", edition = 2023, text, ...rest } = p;
  return {
    id: nextId++,
    type: "meeting",
    level: "summit",
    modality: "in_person",
    countries: ["JPN", "USA"],
    date: null,
    year: null,
    location: null,
    place: null,
    participants: [],
    title: null,
    status: null,
    organization: null,
    evidence: ev(key, edition, text),
    ...rest,
  };
}

export function count(p: Partial<CountRow> & { doc?: string; edition?: number | null; text?: string }): CountRow {
  const { doc: key = "d", edition = 2023, text, ...rest } = p;
  return {
    id: nextId++,
    level: "summit",
    countries: ["JPN", "USA"],
    total: 1,
    telephone: null,
    video: null,
    approximate: false,
    periodStart: null,
    periodEnd: null,
    evidence: ev(key, edition, text),
    ...rest,
  };
}
