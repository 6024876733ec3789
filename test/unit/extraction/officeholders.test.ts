import { describe, expect, it } from "vitest";
import {
  officeholders,
  officesForTitle,
  parseCsvLine,
  parseOfficeholders,
  resolveFamily,
} from "../../../src/extraction/officeholders.js";

describe("the officeholder table", () => {
  const rows = officeholders();

  it("has well-formed rows with a source and terms that do not run backwards", () => {
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) {
      expect(r.source, r.name).not.toBe("");
      expect(r.family && r.name.includes(r.family.split(" ")[0]!), r.name).toBe(true);
      if (r.end) expect(r.end >= r.start, `${r.name} ${r.start} ${r.end}`).toBe(true);
      if (r.country) expect(r.country).toMatch(/^[A-Z]{3}$/);
    }
  });

  it("lists every Japanese prime minister since 1989 without gaps or overlaps", () => {
    const pms = rows.filter((r) => r.country === "JPN" && r.office === "head_of_government");
    for (let i = 1; i < pms.length; i++) expect(pms[i]!.start, pms[i]!.name).toBe(pms[i - 1]!.end);
    expect(pms.map((r) => r.family)).toContain("Ishiba");
  });

  it("lists Japan's foreign ministers in order", () => {
    const fms = rows.filter((r) => r.country === "JPN" && r.office === "foreign_minister");
    for (let i = 1; i < fms.length; i++) expect(fms[i]!.start >= fms[i - 1]!.end!, fms[i]!.name).toBe(true);
  });

  it("holds one term at a time for each office of the main partners", () => {
    for (const [country, office] of [
      ["USA", "head_of_state"],
      ["USA", "foreign_minister"],
      ["CHN", "head_of_government"],
      ["KOR", "head_of_state"],
      ["GBR", "head_of_government"],
      ["CAN", "head_of_government"],
      ["AUS", "head_of_government"],
      ["IND", "head_of_government"],
      ["DEU", "head_of_government"],
    ] as const) {
      const terms = rows.filter((r) => r.country === country && r.office === office);
      for (let i = 1; i < terms.length; i++) {
        expect(terms[i]!.start >= terms[i - 1]!.end!, `${country} ${office} ${terms[i]!.name}`).toBe(true);
      }
    }
  });
});

describe("titles and resolution", () => {
  it("maps titles to offices", () => {
    expect(officesForTitle("Minister for Foreign Affairs")).toEqual(["foreign_minister"]);
    expect(officesForTitle("Secretary of State")).toEqual(["foreign_minister"]);
    expect(officesForTitle("Prime Minister")).toEqual(["head_of_government"]);
    expect(officesForTitle("Vice President")).toEqual(["vice_president"]);
    expect(officesForTitle("Deputy Prime Minister")).toBeNull();
    expect(officesForTitle("Mr.")).toBeNull();
  });

  it("resolves a family name by office and year, and declines when two persons fit", () => {
    expect(resolveFamily("Abe", { title: "Prime Minister", year: 2015, country: null })?.name).toBe("Shinzo Abe");
    expect(resolveFamily("Kono", { title: "Foreign Minister", year: 2018, country: null })?.name).toBe("Taro Kono");
    expect(resolveFamily("Kono", { title: "Foreign Minister", year: null, country: null })).toBeNull();
    expect(resolveFamily("Li", { title: "Premier", year: 2015, country: null })?.name).toBe("Li Keqiang");
    expect(resolveFamily("Li", { title: "Premier", year: 2024, country: null })?.name).toBe("Li Qiang");
    expect(resolveFamily("Erdogan", { title: "President", year: 2020, country: null })?.name).toBe(
      "Recep Tayyip Erdo\u011fan",
    );
    expect(resolveFamily("Prabowo", { title: "President", year: 2025, country: null })?.name).toBe("Prabowo Subianto");
    expect(resolveFamily("Nobody", { title: "President", year: 2025, country: null })).toBeNull();
  });

  it("uses the country the text gives", () => {
    expect(resolveFamily("Johnson", { title: "Prime Minister", year: 2020, country: "GBR" })?.name).toBe(
      "Boris Johnson",
    );
  });
});

describe("CSV parsing", () => {
  it("reads quoted fields", () => {
    expect(parseCsvLine('a,"b, c","d ""e"""')).toEqual(["a", "b, c", 'd "e"']);
  });

  it("names the line of a malformed row", () => {
    const csv =
      "name,family,given,order,country,office,title,start,end,aliases,source\nX,Y,,western,JPN,monarch,King,1999,,,s\n";
    expect(() => parseOfficeholders(csv, "t.csv")).toThrow(/t\.csv:2/);
  });
});
