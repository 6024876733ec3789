import { createHash } from "node:crypto";
import type {
  AnalyzedDocument,
  DocumentExtraction,
  ExtractedCount,
  ExtractedEvent,
  Mention,
  Sentence,
} from "../../../src/model/types.js";

/** Splits a hand-written text into sentences after a period that follows a lower-case letter or digit. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (a: number, b: number) => {
    const raw = text.slice(a, b);
    const start = a + (raw.length - raw.trimStart().length);
    const end = a + raw.trimEnd().length;
    if (end > start)
      out.push({ index: out.length, start, end, text: text.slice(start, end), kind: "paragraph", heading: null });
  };
  let from = 0;
  for (const m of text.matchAll(/(?<=[a-z0-9)]\.)\s+/g)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Evidence for the sentence that contains `needle`. */
export function evidenceOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture: "${needle}" not in text`);
  const s = sentencesOf(text).find((x) => x.start <= at && at < x.end)!;
  return { start: s.start, end: s.end, text: s.text };
}

export interface FixtureSpec {
  key: string;
  text: string;
  meta?: Partial<Omit<DocumentExtraction, "id" | "events" | "counts">>;
  events?: (Omit<ExtractedEvent, "evidence"> & { at: string })[];
  counts?: (Omit<ExtractedCount, "evidence"> & { at: string })[];
  mentions?: { kind: Mention["kind"]; key: string; surface: string }[];
}

export function makeDoc(spec: FixtureSpec): AnalyzedDocument {
  const { text } = spec;
  const sentences = sentencesOf(text);
  // a mention whose surface the text does not hold is left out (the extractor only mentions what is there)
  const mentions: Mention[] = (spec.mentions ?? []).flatMap((m) => {
    const start = text.indexOf(m.surface);
    if (start < 0) return [];
    const sentence = sentences.findIndex((s) => s.start <= start && start < s.end);
    return [{ kind: m.kind, key: m.key, start, end: start + m.surface.length, surface: m.surface, sentence }];
  });
  const extraction: DocumentExtraction = {
    id: spec.key,
    kind: "bluebook",
    edition: 2014,
    summary: false,
    coveredYear: 2013,
    section: "North America",
    date: null,
    persons: [],
    // as the extractor gives them: the countries the mentions name
    countries: [...new Set(mentions.filter((m) => m.kind === "country").map((m) => m.key))].sort(),
    organizations: [],
    ...spec.meta,
    events: (spec.events ?? []).map(({ at, ...e }) => ({ ...e, evidence: evidenceOf(text, at) })),
    counts: (spec.counts ?? []).map(({ at, ...c }) => ({ ...c, evidence: evidenceOf(text, at) })),
  };
  return {
    source: {
      id: spec.key,
      path: `/fixtures/${spec.key}.txt`,
      format: "txt",
      encoding: "utf-8",
      bytes: Buffer.byteLength(text),
      hash: createHash("sha256").update(text).digest("hex"),
    },
    text,
    sentences,
    mentions,
    extraction,
    wordCount: text.split(/\s+/).filter(Boolean).length,
  };
}

export const US_TEXT =
  "In April, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama in Washington. " +
  "Foreign Minister Fumio Kishida held a telephone talk with Secretary of State John Kerry in June. " +
  "Japan and the United States held eight summit meetings in 2013. " +
  "The two countries released the Japan-U.S. Joint Statement in April.";

export function usDoc(text = US_TEXT): AnalyzedDocument {
  return makeDoc({
    key: "na-2014",
    text,
    meta: {
      countries: ["JPN", "USA"],
      organizations: ["G8"],
      persons: [
        { name: "Shinzo Abe", role: "Prime Minister", country: "JPN" },
        { name: "Barack Obama", role: "President", country: "USA" },
        { name: "Fumio Kishida", role: "Minister for Foreign Affairs", country: "JPN" },
        { name: "John Kerry", role: "Secretary of State", country: "USA" },
      ],
    },
    events: [
      {
        type: "meeting",
        level: "summit",
        modality: "in_person",
        countries: ["JPN", "USA"],
        date: "2013-04",
        location: "USA",
        place: "Washington",
        participants: ["Shinzo Abe", "Barack Obama"],
        at: "summit meeting with President",
      },
      {
        type: "meeting",
        level: "foreign_ministers",
        modality: "telephone",
        countries: ["JPN", "USA"],
        date: "2013-06",
        participants: ["Fumio Kishida", "John Kerry"],
        at: "telephone talk",
      },
      {
        type: "agreement",
        countries: ["JPN", "USA"],
        date: "2013-04",
        title: "Japan-U.S. Joint Statement",
        status: "released",
        at: "Joint Statement",
      },
    ],
    counts: [
      {
        level: "summit",
        countries: ["JPN", "USA"],
        total: 8,
        period: { start: "2013-01", end: "2013-12" },
        at: "eight summit meetings",
      },
    ],
    mentions: [
      { kind: "person", key: "Shinzo Abe", surface: "Shinzo Abe" },
      { kind: "country", key: "USA", surface: "United States" },
    ],
  });
}

export const RU_TEXT =
  "Prime Minister Shinzo Abe visited Russia in April 2013 and met with President Vladimir Putin in Moscow. " +
  "The leaders adopted the Joint Statement on the Development of the Japan-Russia Partnership. " +
  "Sécurité and café culture were discussed at a working lunch.";

export function ruDoc(): AnalyzedDocument {
  return makeDoc({
    key: "ru-2014",
    text: RU_TEXT,
    meta: {
      section: "Russia, Central Asia, and the Caucasus",
      countries: ["JPN", "RUS"],
      persons: [
        { name: "Shinzo Abe", role: "Prime Minister", country: "JPN" },
        { name: "Vladimir Putin", role: "President", country: "RUS" },
      ],
    },
    events: [
      {
        type: "visit",
        countries: ["JPN", "RUS"],
        date: "2013-04",
        location: "RUS",
        place: "Moscow",
        participants: ["Shinzo Abe"],
        at: "visited Russia",
      },
      {
        type: "meeting",
        level: "summit",
        modality: "in_person",
        countries: ["JPN", "RUS"],
        date: "2013-04",
        location: "RUS",
        place: "Moscow",
        participants: ["Shinzo Abe", "Vladimir Putin"],
        at: "visited Russia",
      },
    ],
  });
}

export function readoutDoc(): AnalyzedDocument {
  return makeDoc({
    key: "readout-2015-06-21",
    text: "On June 21, Foreign Minister Fumio Kishida held a meeting with Foreign Minister Yun Byung-se of the Republic of Korea in Tokyo.",
    meta: {
      kind: "readout",
      edition: null,
      coveredYear: null,
      section: null,
      date: "2015-06-21",
      countries: ["JPN", "KOR"],
      persons: [
        { name: "Fumio Kishida", role: "Minister for Foreign Affairs", country: "JPN" },
        { name: "Yun Byung-se", role: "Minister of Foreign Affairs", country: "KOR", family: "Yun" },
      ],
    },
    events: [
      {
        type: "meeting",
        level: "foreign_ministers",
        modality: "in_person",
        countries: ["JPN", "KOR"],
        date: "2015-06-21",
        location: "JPN",
        place: "Tokyo",
        participants: ["Fumio Kishida", "Yun Byung-se"],
        at: "held a meeting",
      },
    ],
  });
}
