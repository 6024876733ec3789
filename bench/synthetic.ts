/**
 * Synthetic AnalyzedDocuments for the query benchmark: Bluebook-like records
 * with many events each, valid evidence (every event cites its own sentence),
 * persons, counts and mentions, with skewed country and person frequencies
 * like a real corpus (Japan in almost everything, a few frequent partners, a
 * long tail). Built one document at a time: nothing is held beyond a batch.
 */
import { createHash } from "node:crypto";
import type {
  AnalyzedDocument,
  DocumentExtraction,
  EventType,
  ExtractedCount,
  ExtractedEvent,
  ExtractedPerson,
  Level,
  Mention,
  Modality,
  Sentence,
} from "../src/model/types.js";
import { MONTHS, rng } from "./corpus.js";

export const COUNTRIES: [string, string][] = [
  ["USA", "the United States"],
  ["CHN", "China"],
  ["KOR", "the Republic of Korea"],
  ["RUS", "Russia"],
  ["AUS", "Australia"],
  ["IND", "India"],
  ["GBR", "the United Kingdom"],
  ["FRA", "France"],
  ["DEU", "Germany"],
  ["CAN", "Canada"],
  ["ITA", "Italy"],
  ["VNM", "Viet Nam"],
  ["IDN", "Indonesia"],
  ["PHL", "the Philippines"],
  ["THA", "Thailand"],
  ["MYS", "Malaysia"],
  ["SGP", "Singapore"],
  ["BRA", "Brazil"],
  ["MEX", "Mexico"],
  ["TUR", "Türkiye"],
  ["EGY", "Egypt"],
  ["SAU", "Saudi Arabia"],
  ["ARE", "the United Arab Emirates"],
  ["KEN", "Kenya"],
  ["NGA", "Nigeria"],
  ["ZAF", "South Africa"],
  ["POL", "Poland"],
  ["UKR", "Ukraine"],
  ["NZL", "New Zealand"],
  ["MNG", "Mongolia"],
  ["KAZ", "Kazakhstan"],
  ["UZB", "Uzbekistan"],
  ["PER", "Peru"],
  ["CHL", "Chile"],
  ["ARG", "Argentina"],
  ["ESP", "Spain"],
  ["NLD", "the Netherlands"],
  ["SWE", "Sweden"],
  ["FIN", "Finland"],
  ["NOR", "Norway"],
];
const GIVEN = [
  "Taro",
  "Hanako",
  "Kenji",
  "Yuki",
  "Haruto",
  "Aiko",
  "Daniel",
  "Maria",
  "Pierre",
  "Anna",
  "Luis",
  "Sara",
];
const FAMILY = [
  "Sato",
  "Suzuki",
  "Takahashi",
  "Tanaka",
  "Watanabe",
  "Ito",
  "Nakamura",
  "Kobayashi",
  "Yamamoto",
  "Kato",
  "Smith",
  "Martin",
  "Garcia",
  "Rossi",
  "Novak",
  "Jensen",
  "Silva",
  "Kowalski",
  "Ivanov",
  "Nguyen",
];
const TYPES: EventType[] = ["meeting", "meeting", "meeting", "meeting", "visit", "visit", "conference", "agreement"];
const LEVELS: Level[] = ["summit", "foreign_ministers", "ministerial", "vice_ministerial", "working_level", "other"];
const MODALITIES: Modality[] = ["in_person", "in_person", "in_person", "telephone", "video"];

/** 2,400 invented persons: given x family name pairs, each serving one country. */
export const PERSONS = GIVEN.flatMap((g, i) =>
  FAMILY.flatMap((f, j) =>
    Array.from({ length: 10 }, (_, k) => ({
      name: `${g} ${f}${k ? `-${String.fromCharCode(96 + k)}` : ""}`,
      family: `${f}${k ? `-${String.fromCharCode(96 + k)}` : ""}`,
      country: (i + j + k) % 3 === 0 ? "JPN" : COUNTRIES[(i * 7 + j * 3 + k) % COUNTRIES.length]![0],
    })),
  ),
);

/** A skewed pick: low indexes far more often (roughly Zipf). */
function skewed(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * rand() ** 2.5));
}

export function syntheticDocument(n: number, eventsPerDoc: number, seed = 7): AnalyzedDocument {
  const rand = rng(seed * 1_000_003 + n);
  const edition = 2004 + (n % 22);
  const year = edition - 1;
  const partner = COUNTRIES[skewed(rand, COUNTRIES.length)]!;
  const parts: string[] = [];
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  let pos = 0;
  const heading = `Japan-${partner[1].replace(/^the /, "")} Relations`;
  const add = (text: string, kind: Sentence["kind"] = "paragraph"): Sentence => {
    if (parts.length) {
      parts.push(kind === "heading" || sentences.at(-1)?.kind === "heading" ? "\n\n" : " ");
      pos += parts.at(-1)!.length;
    }
    const s: Sentence = {
      index: sentences.length,
      start: pos,
      end: pos + text.length,
      text,
      kind,
      heading: kind === "heading" ? null : heading,
    };
    parts.push(text);
    pos += text.length;
    sentences.push(s);
    return s;
  };
  add(heading, "heading");

  const events: ExtractedEvent[] = [];
  const persons = new Map<string, ExtractedPerson>();
  for (let i = 0; i < eventsPerDoc; i++) {
    const other = rand() < 0.7 ? partner : COUNTRIES[skewed(rand, COUNTRIES.length)]!;
    const type = TYPES[Math.floor(rand() * TYPES.length)]!;
    const month = Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const precise = rand() < 0.4;
    const date = precise
      ? `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`
      : `${year}-${String(month + 1).padStart(2, "0")}`;
    const a = PERSONS[skewed(rand, PERSONS.length)]!;
    const b = PERSONS[skewed(rand, PERSONS.length)]!;
    const when = precise ? `On ${MONTHS[month]} ${day}` : `In ${MONTHS[month]}`;
    const lead = `${when}, Minister ${a.name} `;
    const text =
      type === "visit"
        ? `${lead}visited ${other[1]} and met Minister ${b.name}.`
        : type === "conference"
          ? `${lead}attended the regional conference held in ${other[1]}.`
          : type === "agreement"
            ? `${lead}and Minister ${b.name} signed the Japan-${other[0]} Agreement on Cooperation No. ${i}.`
            : `${lead}held a meeting with Minister ${b.name} of ${other[1]} on item ${i}.`;
    const s = add(text);
    const personAt = (name: string) => s.start + text.indexOf(name);
    for (const p of [a, b]) {
      if (type === "conference" && p === b) continue;
      const at = personAt(p.name);
      mentions.push({
        kind: "person",
        key: p.name,
        start: at,
        end: at + p.name.length,
        surface: p.name,
        sentence: s.index,
      });
      if (!persons.has(p.name)) persons.set(p.name, { name: p.name, role: "Minister", country: p.country });
    }
    const cAt = text.indexOf(other[1]);
    if (cAt >= 0) {
      mentions.push({
        kind: "country",
        key: other[0],
        start: s.start + cAt,
        end: s.start + cAt + other[1].length,
        surface: other[1],
        sentence: s.index,
      });
    }
    const ev: ExtractedEvent = {
      type,
      countries: type === "conference" ? [] : ["JPN", other[0]].sort(),
      date,
      evidence: { start: s.start, end: s.end, text },
    };
    if (type === "meeting") {
      ev.level = LEVELS[Math.floor(rand() * LEVELS.length)]!;
      ev.modality = MODALITIES[Math.floor(rand() * MODALITIES.length)]!;
    }
    if (type !== "conference") ev.participants = type === "visit" ? [a.name, b.name] : [a.name, b.name];
    else ev.participants = [a.name];
    if (type === "agreement") {
      ev.title = `Japan-${other[0]} Agreement on Cooperation No. ${i}`;
      ev.status = "signed";
    }
    if (type === "conference") ev.title = "regional conference";
    events.push(ev);
  }

  const counts: ExtractedCount[] = [];
  for (let i = 0; i < 2; i++) {
    const total = 2 + Math.floor(rand() * 20);
    const text = `In ${year}, Japan and ${partner[1]} held ${total} meetings at the ${i ? "foreign ministers'" : "summit"} level.`;
    const s = add(text);
    counts.push({
      level: i ? "foreign_ministers" : "summit",
      countries: ["JPN", partner[0]].sort(),
      total,
      period: { start: `${year}-01`, end: `${year}-12` },
      evidence: { start: s.start, end: s.end, text },
    });
  }

  const textAll = parts.join("");
  const key = `synthetic-${String(n).padStart(7, "0")}`;
  const extraction: DocumentExtraction = {
    id: key,
    kind: "bluebook",
    edition,
    summary: false,
    coveredYear: year,
    section: heading,
    date: null,
    events,
    counts,
    persons: [...persons.values()],
    countries: [...new Set(["JPN", ...mentions.filter((m) => m.kind === "country").map((m) => m.key)])].sort(),
    organizations: [],
  };
  return {
    source: {
      id: key,
      path: `/synthetic/${key}.txt`,
      format: "txt",
      encoding: "utf-8",
      bytes: Buffer.byteLength(textAll),
      hash: createHash("sha256").update(textAll).digest("hex"),
    },
    text: textAll,
    sentences,
    mentions,
    extraction,
    wordCount: textAll.split(/\s+/).length,
  };
}
