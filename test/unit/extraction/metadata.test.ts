import { describe, expect, it } from "vitest";
import { extractMetadata, inferEdition } from "../../../src/extraction/metadata.js";
import { segment } from "../../../src/segmenting/index.js";

const meta = (t: string) => extractMetadata(t, segment(t).sentences);

describe("metadata", () => {
  it("reads a Bluebook header with Summary, and the numbered section", () => {
    const t = "Diplomatic Bluebook 2012 Summary\n\nChapter 2\n\n3. Europe\n\nJapan and France held talks in March.";
    expect(meta(t)).toEqual({
      kind: "bluebook",
      edition: 2012,
      summary: true,
      coveredYear: 2011,
      section: "Europe",
      date: null,
    });
  });

  it("takes the section over the overview and country subheadings", () => {
    const t =
      "Diplomatic Bluebook 2020\nChapter 2\nJapan's Foreign Policy by Region\nSection 6 Middle East and North Africa\n1 Overview\n(1) Egypt\nJapan and Egypt met.";
    const m = meta(t);
    expect(m.section).toBe("Middle East and North Africa");
    expect(m.summary).toBe(false);
    expect(m.coveredYear).toBe(2019);
  });

  it("reads a readout: relations line as section, date line as date, no edition", () => {
    const t =
      "Japan-Viet Nam Relations\nJapan-Viet Nam Summit Telephone Talk\nApril 4, 2021\nOn April 4, Prime Minister Suga held a telephone talk.";
    expect(meta(t)).toEqual({
      kind: "readout",
      edition: null,
      summary: false,
      coveredYear: null,
      section: "Japan-Viet Nam Relations",
      date: "2021-04-04",
    });
  });

  it("infers the edition of an unheaded Bluebook section from the year it reviews", () => {
    const t =
      "2.\n\nEurope\n\nIn 2008, Japan and Germany deepened cooperation. In May 2008, the Prime Minister visited Berlin. A review is planned in the first half of 2009.";
    const m = meta(t);
    expect(m.kind).toBe("bluebook");
    expect(m.edition).toBe(2009);
    expect(m.coveredYear).toBe(2008);
    expect(m.section).toBe("Europe");
    expect(inferEdition("In April 2016 and in May 2016, talks were held; more in 2017.")).toBe(2017);
  });

  it("calls other text other", () => {
    expect(meta("A recipe for miso soup.\nBoil water. Add miso.").kind).toBe("other");
  });
});

describe("metadata from a page title", () => {
  it("takes the edition from the page title when the body does not print it", () => {
    const t = "Section 4 Europe\n1 Overview\nIn 2016, Japan and Spain held a summit meeting.";
    const m = extractMetadata(
      t,
      segment(t).sentences,
      "Diplomatic Bluebook 2017 | Ministry of Foreign Affairs of Japan",
    );
    expect(m).toMatchObject({ kind: "bluebook", edition: 2017, coveredYear: 2016, section: "Europe" });
  });
});

describe("countWords", () => {
  it("counts runs of letters and digits, keeping joined words whole", async () => {
    const { countWords } = await import("../../../src/extraction/index.js");
    expect(countWords("The Japan-U.S. Alliance's role, in 2022 — Mélanie Joly’s visit.")).toBe(10);
    expect(countWords("")).toBe(0);
    expect(countWords("  -- ' ")).toBe(0);
    expect(countWords("日本 and Japan")).toBe(3);
  });
});
