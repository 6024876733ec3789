/**
 * Counts in phrasings the rules were not tuned on (written in the Bluebook's style, not copied).
 */
import { describe, expect, it } from "vitest";
import type { ExtractedCount } from "../../../src/model/types.js";
import { counts } from "./events-helper.js";

function key(c: ExtractedCount): string {
  const bd = [c.telephone !== undefined ? `tel=${c.telephone}` : "", c.video !== undefined ? `vid=${c.video}` : ""]
    .filter(Boolean)
    .join(" ");
  return `${c.level} ${c.countries.join(",")} ${c.total}${c.approximate ? "~" : ""}${bd ? ` ${bd}` : ""} ${c.period?.start}..${c.period?.end}`;
}

describe("unseen counts", () => {
  it("the partner after 'with' and a breakdown after it: '15 ... meetings with the ROK, including four telephone talks'", () => {
    expect(
      counts(
        "In 2022, Japan held 15 foreign ministers' meetings with the Republic of Korea, including four telephone talks.",
      ).map(key),
    ).toEqual(["foreign_ministers JPN,KOR 15 tel=4 2022-01..2022-12"]);
  });

  it("a parenthesised breakdown after the partner is not a second count", () => {
    expect(
      counts(
        "Prime Minister Kishida held eight summit meetings with President Yoon Suk Yeol (including two telephone talks).",
      ).map(key),
    ).toEqual(["summit JPN,KOR 8 tel=2 2022-01..2022-12"]);
  });

  it("'with the U.S. in 2022': the partner's abbreviation does not end the phrase", () => {
    expect(counts("Japan held six summit meetings with the U.S. in 2022.").map(key)).toEqual([
      "summit JPN,USA 6 2022-01..2022-12",
    ]);
  });

  it("'on three occasions' counts like 'three times'", () => {
    expect(counts("Japan and the UK held summit meetings on three occasions.", { coveredYear: 2017 }).map(key)).toEqual(
      ["summit GBR,JPN 3 2017-01..2017-12"],
    );
    expect(
      counts("Prime Minister Kishida and President Yoon held summit meetings on three occasions.").map(key),
    ).toEqual(["summit JPN,KOR 3 2022-01..2022-12"]);
    expect(counts("The Japan-India Foreign Ministers' Meetings were held on four occasions in 2022.").map(key)).toEqual(
      ["foreign_ministers IND,JPN 4 2022-01..2022-12"],
    );
  });

  it("'the leaders of A and B met three times'", () => {
    expect(
      counts("The leaders of Japan and Indonesia met three times in 2012.", { coveredYear: 2012 }).map(key),
    ).toEqual(["summit IDN,JPN 3 2012-01..2012-12"]);
  });

  it("partners not named: Japan alone, the stated period, approximate", () => {
    expect(
      counts(
        "Between January and March, Prime Minister Kishida held over 40 video conferences/telephone calls with world leaders.",
      ).map(key),
    ).toEqual(["summit JPN 40~ 2022-01..2022-03"]);
    expect(
      counts(
        "Foreign Minister Hayashi held a total of 11 telephone talks with his counterparts in Southeast Asia.",
      ).map(key),
    ).toEqual(["foreign_ministers JPN 11 tel=11 2022-01..2022-12"]);
  });

  it("twice in a year named in the sentence", () => {
    expect(
      counts("In 2012, Japan and China held foreign ministers' meetings twice.", { coveredYear: 2012 }).map(key),
    ).toEqual(["foreign_ministers CHN,JPN 2 2012-01..2012-12"]);
  });

  it("a running total in the present perfect with no date covers no year", () => {
    const [c] = counts(
      "Prime Minister Kishida and President Biden have met more than 20 times, including video conferences.",
    );
    expect(c?.total).toBe(20);
    expect(c?.period).toBeNull();
  });

  it("a count about a framework named in its sentence does not take the parties of the sentence before", () => {
    const c = counts(
      "The Japan-Canada EPA negotiations were suspended. Negotiations on the CPTPP continued; five rounds of negotiations were held in 2016.",
      { coveredYear: 2016 },
    );
    expect(c.map((x) => `${x.level} ${x.countries.join(",")} ${x.total}`)).toEqual(["negotiation_round JPN 5"]);
  });
});
