import { describe, expect, it } from "vitest";
import { packDocument, unpackDocument } from "../../src/pipeline/parallel.js";
import { usDoc } from "./storage/fixtures.js";

describe("packDocument / unpackDocument (what crosses between threads)", () => {
  it("leaves out the strings that are cuts of the text, and restores them equal", () => {
    const doc = usDoc();
    const expected = structuredClone(doc);
    const packed = packDocument(structuredClone(doc));
    expect(packed.sentences.every((s) => s.text === null)).toBe(true);
    expect(packed.mentions.every((m) => m.surface === null)).toBe(true);
    expect(packed.extraction.events.every((e) => e.evidence.text === null)).toBe(true);
    expect(unpackDocument(structuredClone(packed))).toEqual(expected);
  });

  it("keeps a string that is not the cut of its offsets", () => {
    const doc = usDoc();
    doc.mentions[0]!.surface = "Mr. Abe"; // e.g. a normalized surface
    doc.sentences[0]!.text = "";
    const expected = structuredClone(doc);
    const packed = packDocument(structuredClone(doc));
    expect(packed.mentions[0]!.surface).toBe("Mr. Abe");
    expect(packed.sentences[0]!.text).toBe("");
    expect(unpackDocument(packed)).toEqual(expected);
  });
});
