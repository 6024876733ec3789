import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractCounts } from "../../../src/extraction/counts.js";
import { extractEvents } from "../../../src/extraction/events.js";
import { docContext } from "./events-helper.js";

const WORDS = [
  "Prime Minister Fumio Kishida",
  "President Joseph Biden",
  "visited",
  "Japan",
  "Canada",
  "the U.S.",
  "Tokyo",
  "held",
  "a summit meeting",
  "with",
  "the Japan-U.S. Summit Meeting",
  "in May",
  "On June 3,",
  "in 2021",
  "three",
  "foreign ministers' meetings",
  "(including one telephone call)",
  "signed the",
  "Japan-Canada Agreement",
  "announced its",
  "Indo-Pacific Strategy",
  "will visit",
  "attended the G7 Summit",
  ",",
  ".",
  "and",
  "the two leaders agreed",
  "“",
  "”",
  "(2+2)",
  "the March 11 earthquake",
  "since April",
  "between January 2024 and the end of February 2025",
  "were held three times",
  "at the TICAD Ministerial Meeting in March",
  "During the visit,",
  "From April 29 to 30,",
  "who visited",
  "the Ministry of Foreign Affairs of",
];

describe("events and counts on arbitrary Bluebook-like word salad", () => {
  it("never throw, and cite exact slices of the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }),
        fc.integer({ min: 2005, max: 2025 }),
        (words, year) => {
          const text = words.join(" ");
          const ctx = docContext(text, { coveredYear: year });
          for (const item of [...extractEvents(ctx), ...extractCounts(ctx)]) {
            expect(text.slice(item.evidence.start, item.evidence.end)).toBe(item.evidence.text);
            if ("date" in item && item.date) expect(item.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
            if ("countries" in item) expect([...item.countries]).toEqual([...item.countries].sort());
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
