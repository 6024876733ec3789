import { describe, expect, it } from "vitest";
import {
  bestRow,
  officeholders,
  officesForTitle,
  parseCsvLine,
  parseOfficeholders,
  resolveFamily,
  rowsByName,
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

describe("the officeholder table: terms checked against the official lists", () => {
  const at = (family: string, title: string, year: number, country: string | null = null) =>
    resolveFamily(family, { title, year, country })?.name ?? null;

  it("knows Japan's defence ministers of 2007-2008 and the leaders and foreign ministers since 2000", () => {
    expect(at("Ishiba", "Defense Minister", 2008)).toBe("Shigeru Ishiba");
    expect(at("Ishiba", "Prime Minister", 2025)).toBe("Shigeru Ishiba");
    expect(at("Jospin", "Prime Minister", 2001)).toBe("Lionel Jospin");
    expect(at("Rau", "President", 2002)).toBe("Johannes Rau");
    expect(at("Graham", "Foreign Minister", 2003)).toBe("Bill Graham");
    expect(at("Kalam", "President", 2005)).toBe("A. P. J. Abdul Kalam");
    expect(at("Singh", "External Affairs Minister", 2001)).toBe("Jaswant Singh");
    expect(at("Singh", "Prime Minister", 2010)).toBe("Manmohan Singh");
    expect(at("Hwang", "Prime Minister", 2016)).toBe("Hwang Kyo-ahn");
    expect(at("Han", "Foreign Minister", 2001)).toBe("Han Seung-soo");
    expect(at("Choi", "Foreign Minister", 2002)).toBe("Choi Sung-hong");
  });

  it("leaves a family name two persons share in the year unresolved", () => {
    // Han Duck-soo until February 2008, Han Seung-soo from then
    expect(at("Han", "Prime Minister", 2008)).toBeNull();
    expect(at("Abdullah", "King", 2010)).toBeNull();
    expect(at("Abdullah", "King", 2010, "SAU")).toBe("Abdullah bin Abdulaziz Al Saud");
  });

  it("has no overlapping terms of one office in one country for the main partners since 1990", () => {
    const offices = ["head_of_government", "foreign_minister"];
    const partners = ["JPN", "USA", "CHN", "KOR", "RUS", "GBR", "FRA", "DEU", "CAN", "AUS", "IND"];
    for (const c of partners)
      for (const o of offices) {
        const rows = officeholders()
          .filter((r) => r.country === c && r.office === o && (r.end ?? "9999") >= "1990")
          .sort((a, b) => a.start.localeCompare(b.start));
        for (let i = 1; i < rows.length; i++)
          expect(rows[i]!.start >= rows[i - 1]!.end!, `${c} ${o} ${rows[i]!.name}`).toBe(true);
      }
  });
});

describe("bestRow", () => {
  it("takes the term containing the year, else the nearest one", () => {
    const biden = rowsByName("Joseph Biden");
    expect(bestRow(biden, 2010)!.office).toBe("vice_president");
    expect(bestRow(biden, 2022)!.office).toBe("head_of_state");
    // between the two terms: the nearer is the presidency starting in 2021
    expect(bestRow(biden, 2020)!.office).toBe("head_of_state");
    expect(bestRow(biden, null)!.office).toBe("head_of_state");
  });
});
