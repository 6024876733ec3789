import { describe, expect, it } from "vitest";
import { findOrganizations } from "../../../src/extraction/organizations.js";

const ids = (text: string) => findOrganizations(text).map((h) => h.id);

describe("findOrganizations", () => {
  it("finds aliases as whole words with absolute offsets", () => {
    const text = "Japan hosted the G7 Summit and attended the APEC Leaders' Meeting.";
    const hits = findOrganizations(text);
    expect(hits.map((h) => h.id)).toEqual(["G7", "APEC"]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.surface);
  });

  it("gives a nested alias only to the longer name found at the same place", () => {
    expect(ids("a UN Security Council resolution")).toEqual(["UNSC"]);
    expect(ids("prohibits UN member states from engaging")).toEqual(["UN"]);
    expect(ids("the ASEAN Regional Forum (ARF) and ASEAN")).toEqual(["ARF", "ARF", "ASEAN"]);
    expect(ids("Canada chaired the TPP 11 talks; the TPP was signed")).toEqual(["CPTPP", "TPP"]);
  });

  it("accepts dash and quote variants, possessives and numbered meetings", () => {
    expect(ids("the Asia\u2013Pacific Economic Cooperation (APEC)")).toEqual(["APEC", "APEC"]);
    expect(ids("the G7's statement at TICAD 8 and the G-20")).toEqual(["G7", "TICAD", "G20"]);
    expect(ids("the \u201cCentral Asia plus Japan\u201d Dialogue")).toEqual(["CAJ"]);
  });

  it("matches all-capital aliases only in capitals", () => {
    expect(ids("The WHO said who would attend; the AU and au pair; the EAS and the eas")).toEqual(["WHO", "AU", "EAS"]);
    expect(ids("a quad bike, the Quad partners")).toEqual(["Quad"]);
    expect(ids("a QUAD Leaders' Meeting; THE UNITED NATIONS")).toEqual(["Quad", "UN"]);
  });

  it("accepts a numbered meeting written solid and an abbreviation equal to the id", () => {
    expect(ids("at TICAD8 and at the UNSC, the EU27 and the G77")).toEqual(["TICAD", "UNSC", "EU"]);
  });

  it("does not take other councils for the UN Security Council nor letters inside words", () => {
    expect(ids("the National Security Council of Japan")).toEqual([]);
    expect(ids("UNESCO and UNICEF and the G77")).toEqual([]);
  });
});

describe("findOrganizations: any input", () => {
  it("returns ordered hits whose surface is the text at their offsets", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = `${s} the UN Security Council and APEC ${s}`;
        const hits = findOrganizations(text);
        let last = 0;
        for (const h of hits) {
          expect(h.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(h.start, h.end)).toBe(h.surface);
          last = h.end;
        }
        expect(hits.some((h) => h.id === "UNSC")).toBe(true);
      }),
    );
  });
});

describe("findOrganizations: red-team fixes", () => {
  it("does not take the African Union's Peace and Security Council for the UN Security Council", () => {
    expect(ids("the AU Peace and Security Council met in Addis Ababa")).toEqual(["AU"]);
    expect(ids("a non-permanent member of the Security Council")).toEqual(["UNSC"]);
  });
});
