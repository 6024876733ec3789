import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allMatches, sortCodes } from "../../../src/extraction/matches.js";

describe("sortCodes", () => {
  it("sorts as Array.prototype.sort sorts strings, in place", () => {
    const code = fc.oneof(fc.constantFrom("JPN", "USA", "KOR", "CHN", "EU", "jpn", "Ä", "", "a\u{1F600}"), fc.string());
    fc.assert(
      fc.property(fc.array(code, { maxLength: 12 }), (xs) => {
        const copy = xs.slice();
        expect(sortCodes(copy)).toBe(copy);
        expect(copy).toEqual(xs.slice().sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("allMatches", () => {
  it("finds what matchAll finds, and leaves the regex's lastIndex as it was", () => {
    const res = [/a+/g, /\b\w/g, /x*/g, /(?:)/gu, /\p{L}?/gu];
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...res), (text, re) => {
        re.lastIndex = 0;
        const got = allMatches(text, re).map((m) => [m.index, m[0]]);
        expect(got).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});
