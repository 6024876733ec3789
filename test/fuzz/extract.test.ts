/**
 * Property tests of segmenting and extraction: arbitrary strings and
 * Bluebook-like word salad never throw, every offset lies inside the text,
 * every evidence and mention is the slice it claims, and the output is valid
 * panorama.extraction/1. The sample texts pass the same checks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extraction/index.js";
import type { SourceDocument } from "../../src/model/types.js";
import { segment } from "../../src/segmenting/index.js";
import { documentProblems, segmentationProblems } from "./invariants.js";

const doc = (text: string, format: SourceDocument["format"] = "txt"): SourceDocument => ({
  id: "fuzz",
  path: "/fuzz/fuzz.txt",
  format,
  text,
  encoding: "utf-8",
  bytes: Buffer.byteLength(text),
  hash: "0".repeat(64),
});

/** Pieces of Bluebook prose, so that random texts reach the date, person, event and count paths. */
const PHRASES = [
  "Diplomatic Bluebook 2014",
  "Chapter 2",
  "2. North America",
  "(1) United States",
  "<Japan-U.S. Relations>",
  "In April 2013,",
  "On September 26,",
  "From July 30 to August 1,",
  "between January 2024 and the end of February 2025",
  "Prime Minister Shinzo Abe",
  "ABE Shinzo",
  "Foreign Minister Kishida",
  "Mr. Yoshimasa Hayashi, Minister for Foreign Affairs,",
  "President Barack Obama",
  "Kim Jong-un",
  "H.E. Mr. Yoo",
  "held a summit meeting with",
  "held a telephone talk with",
  "held a video conference with",
  "held a foreign ministers' meeting",
  "visited Washington, D.C.",
  "visited the U.S. in April and the UK in June",
  "the Japan-U.S. 2+2",
  "signed the Japan-Canada Agreement",
  "the Joint Statement was issued",
  "attended the G7 Summit",
  "the East China Sea",
  "the Republic of Korea (ROK)",
  "North Korea",
  "ASEAN",
  "the UN Security Council",
  "held eight summit meetings, including two telephone talks,",
  "over 40 video conferences/telephone calls",
  "the third round of negotiations",
  "will visit",
  "agreed to hold",
  "(September 20, Tokyo; photo: Cabinet Public Relations Office)",
  "• (1) Note",
  "Contents | Back | Next",
  "June 21, 2015",
  "2013年4月",
  "\u00a0",
  "\u200b",
  "\ufeff",
];
const SEPS = [" ", " ", ". ", ", ", "\n", "\n\n", "\r\n", "\t", "; ", "...", "(", ")", '"', "“", "”", "’s "];

const anyChars = fc.string({ unit: "binary", maxLength: 400 });
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const bluebookish = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PHRASES), fc.string({ maxLength: 12 })), fc.constantFrom(...SEPS)), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([a, b]) => a + b).join(""));

describe("segment on arbitrary text", () => {
  it("keeps every sentence inside the text, in order, equal to its slice", () => {
    fc.assert(
      fc.property(fc.oneof(anyChars, utf16, bluebookish), fc.boolean(), (text, lineBlocks) => {
        const seg = segment(text, { lineBlocks });
        expect(segmentationProblems(text, seg)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("extract on arbitrary text", () => {
  it("never throws, and its offsets, slices and contract hold (random code points, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.oneof(anyChars, utf16), (text) => {
        expect(documentProblems(extract(doc(text)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on Bluebook-like word salad, and its offsets, slices and contract hold", () => {
    fc.assert(
      fc.property(bluebookish, fc.constantFrom<SourceDocument["format"]>("txt", "html"), (text, format) => {
        expect(documentProblems(extract(doc(text, format)))).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it("the word salad reaches the extractors (events, counts, persons, countries are found)", () => {
    let events = 0;
    let counts = 0;
    let persons = 0;
    let countries = 0;
    for (const text of fc.sample(bluebookish, { numRuns: 300, seed: 42 })) {
      const x = extract(doc(text)).extraction;
      events += x.events.length;
      counts += x.counts.length;
      persons += x.persons.length;
      countries += x.countries.length;
    }
    expect({ events: events > 0, counts: counts > 0, persons: persons > 0, countries: countries > 0 }).toEqual({
      events: true,
      counts: true,
      persons: true,
      countries: true,
    });
  });

  it("the sample texts give valid, exactly cited output", () => {
    const dir = join(import.meta.dirname, "../../samples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const a = extract({ ...doc(readFileSync(join(dir, f), "utf8")), id: f.replace(/\.txt$/, "") });
      expect(documentProblems(a), f).toEqual([]);
    }
  });
});
