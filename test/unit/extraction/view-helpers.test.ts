import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortCodes } from "../../../src/extraction/events/view.js";

describe("sortCodes", () => {
  it("orders a list as Array.prototype.sort() does, in place", () => {
    const code = fc.oneof(
      fc.constantFrom("JPN", "USA", "KOR", "EU", "ASEAN", "V4", "JPN"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 6 }), (codes) => {
        const copy = [...codes];
        expect(sortCodes(copy)).toBe(copy);
        expect(copy).toEqual([...codes].sort());
      }),
      { numRuns: 2000 },
    );
    expect(sortCodes(["USA", "JPN", "EU"])).toEqual(["EU", "JPN", "USA"]);
  });
});
