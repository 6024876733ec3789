/**
 * extractEvents tests a sentence for visit words and instrument words in one scan (visitInstrumentWords); the finders
 * behind each test run only where it holds, so the one scan must answer as the two tests would, words overlapping or not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_WORD, VISIT_WORD, visitInstrumentWords } from "../../../src/extraction/events.js";

const bits = (text: string) => (VISIT_WORD.test(text) ? 1 : 0) + (INSTRUMENT_WORD.test(text) ? 2 : 0);

const WORDS = [
  "visited",
  "trip",
  "travel",
  "came",
  "to",
  "agreement",
  "treaty",
  "statement",
  "strategy",
  "declaration",
  "plan",
  "policy",
  "paper",
  "communique",
  "charter",
  "notes",
  "into",
  "force",
  "FTA",
  "EPA",
  "the",
  "x",
];

describe("visitInstrumentWords", () => {
  it("answers as VISIT_WORD and INSTRUMENT_WORD on sentences of their words, glued, cut or spaced", () => {
    const piece = fc.tuple(fc.constantFrom(...WORDS), fc.nat(8), fc.boolean()).map(([w, cut, upper]) => {
      const s = w.slice(cut % w.length);
      return upper ? s.toUpperCase() : s;
    });
    const text = fc
      .array(fc.tuple(piece, fc.constantFrom("", " ", "  ", "-", "\n")), { minLength: 1, maxLength: 8 })
      .map((ps) => ps.map(([w, sep]) => w + sep).join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(visitInstrumentWords(t)).toBe(bits(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds a word that overlaps the one before it", () => {
    // "visit" then "treaty" sharing the "t": the scan goes on from the next character, not the first match's end
    expect(visitInstrumentWords("visitreaty")).toBe(3);
    expect(visitInstrumentWords("The Minister visited Peru.")).toBe(1);
    expect(visitInstrumentWords("The treaty entered into force.")).toBe(2);
    expect(visitInstrumentWords("The two ministers met.")).toBe(0);
  });
});
