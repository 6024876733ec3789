import { describe, expect, it } from "vitest";
import { findCountries } from "../../../src/extraction/countries.js";

const codes = (text: string) => findCountries(text).map((h) => h.code);

describe("findCountries", () => {
  it("finds nouns, short forms and possessives with absolute offsets in text order", () => {
    const text = "Japan and the United States agreed that Russia's actions and the ROK's position matter.";
    const hits = findCountries(text);
    expect(hits.map((h) => h.code)).toEqual(["JPN", "USA", "RUS", "KOR"]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.surface);
    expect(hits[2]!.surface).toBe("Russia");
  });

  it("reads compounds joined by hyphens and dashes", () => {
    expect(codes("the Japan\u2013U.S. Alliance and a Japan-Canada Summit Meeting")).toEqual([
      "JPN",
      "USA",
      "JPN",
      "CAN",
    ]);
    expect(codes("the upcoming U.S.-North Korea Summit Meeting")).toEqual(["USA", "PRK"]);
    expect(codes("transfers to North Korea-flagged vessels")).toEqual(["PRK"]);
  });

  it("maps official and short forms to one code", () => {
    expect(codes("the Republic of Korea (ROK) and South Korea")).toEqual(["KOR", "KOR", "KOR"]);
    expect(codes("the Democratic People's Republic of Korea (DPRK)")).toEqual(["PRK", "PRK"]);
    expect(codes("the People\u2019s Republic of China (PRC)")).toEqual(["CHN", "CHN"]);
    expect(codes("the UK, the U.K., Britain and the United Kingdom")).toEqual(["GBR", "GBR", "GBR", "GBR"]);
    expect(codes("the United States of America (USA)")).toEqual(["USA", "USA"]);
    expect(codes("T\u00fcrkiye, formerly Turkey")).toEqual(["TUR", "TUR"]);
    expect(codes("Cabo Verde, also Cape Verde")).toEqual(["CPV", "CPV"]);
    expect(codes("C\u00f4te d\u2019Ivoire and Czechia and Eswatini")).toEqual(["CIV", "CZE", "SWZ"]);
    expect(codes("Myanmar (Burma)")).toEqual(["MMR", "MMR"]);
    expect(codes("the former Soviet Union")).toEqual(["SUN"]);
  });

  it("prefers the longest name at a place", () => {
    expect(codes("Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea")).toEqual([
      "PNG",
      "GNB",
      "GNQ",
      "GIN",
    ]);
    expect(codes("the Dominican Republic and Dominica")).toEqual(["DOM", "DMA"]);
    expect(codes("Niger and Nigeria; South Sudan and Sudan")).toEqual(["NER", "NGA", "SSD", "SDN"]);
    expect(codes("the Democratic Republic of the Congo and the Republic of the Congo")).toEqual(["COD", "COG"]);
  });

  it("reads demonyms and adjectives", () => {
    const hits = findCountries("Canadian and Iranian officials met Japanese, Chinese and Filipino experts.");
    expect(hits.map((h) => h.code)).toEqual(["CAN", "IRN", "JPN", "CHN", "PHL"]);
    expect(hits.every((h) => h.adjective)).toBe(true);
    expect(codes("the North Korean issues and the release of three Americans")).toEqual(["PRK", "USA"]);
    expect(codes("Philippine Coast Guard")).toEqual(["PHL"]);
  });

  it("does not count countries inside seas, peninsulas and regions", () => {
    expect(codes("the East China Sea and the South China Sea")).toEqual([]);
    expect(codes("the Sea of Japan, the Indian Ocean, the Korean Peninsula")).toEqual([]);
    expect(codes("the Gulf of Mexico and New Mexico")).toEqual([]);
    expect(codes("the Inter-Korean Summit Meeting")).toEqual([]);
    expect(codes("Latin American and North American partners in Central America")).toEqual([]);
    expect(codes("Central Asia, the Middle East, Africa and Latin America")).toEqual([]);
    expect(codes("the Organization of American States")).toEqual([]);
  });

  it("keeps common words out: case matters", () => {
    expect(codes("let us turn to china plates and a turkey dinner; japan lacquer")).toEqual([]);
    expect(codes("Tell us more.")).toEqual([]);
    expect(codes("the US and Chad")).toEqual(["USA", "TCD"]);
    expect(codes("a grant of US$5 million")).toEqual([]);
  });

  it("finds countries in headings written in capitals", () => {
    expect(codes("JAPAN-CHINA RELATIONS")).toEqual(["JPN", "CHN"]);
  });
});

describe("findCountries: any input", () => {
  it("returns ordered, non-overlapping hits whose surface is the text at their offsets", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom("Japan", "U.S.", "North Korea", "Guinea-Bissau", "East China Sea"),
        (s, name) => {
          const text = `${s} ${name}'s ${s}`;
          let last = 0;
          for (const h of findCountries(text)) {
            expect(h.start).toBeGreaterThanOrEqual(last);
            expect(text.slice(h.start, h.end)).toBe(h.surface);
            expect(h.code).toMatch(/^[A-Z]{3}$/);
            last = h.end;
          }
        },
      ),
    );
  });
});

describe("findCountries: red-team fixes", () => {
  it("does not read Spain in Port of Spain, nor Guinea in the Republic of Guinea-Bissau", () => {
    expect(codes("In Port of Spain, the Prime Minister met leaders of Trinidad and Tobago.")).toEqual(["TTO"]);
    expect(codes("the Republic of Guinea-Bissau and the Republic of Guinea")).toEqual(["GNB", "GIN"]);
  });
});

describe("findCountries: the Pacific's sub-regions", () => {
  it("reads Micronesia beside Melanesia or Polynesia as a sub-region, else as the country", () => {
    expect(codes("cooperation with the islands of Micronesia, Melanesia and Polynesia")).toEqual([]);
    expect(codes("Polynesia and Micronesia")).toEqual([]);
    expect(codes("Japan and Micronesia signed the agreement.")).toEqual(["JPN", "FSM"]);
  });
});
