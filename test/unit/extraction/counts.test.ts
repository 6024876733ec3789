import { describe, expect, it } from "vitest";
import { counts } from "./events-helper.js";

const brief = (text: string, opts?: { coveredYear?: number }) =>
  counts(text, opts).map(({ evidence: _e, ...rest }) => rest);

describe("counts", () => {
  it("reads totals with their telephone and video breakdown, parties and the year", () => {
    const c = brief(
      "In 2021, Japan and Australia held six summit meetings (including two video teleconference meetings and one telephone call) and 11 foreign ministers' meetings (including four telephone calls).",
    );
    expect(c).toEqual([
      {
        level: "summit",
        countries: ["AUS", "JPN"],
        total: 6,
        video: 2,
        telephone: 1,
        period: { start: "2021-01", end: "2021-12" },
      },
      {
        level: "foreign_ministers",
        countries: ["AUS", "JPN"],
        total: 11,
        telephone: 4,
        period: { start: "2021-01", end: "2021-12" },
      },
    ]);
  });

  it("reads 'were held N times', 'since <month>' and rounds of negotiations", () => {
    expect(
      brief("The Japan-Kenya Foreign Ministers' Meetings were held twice in 2019.", { coveredYear: 2019 }),
    ).toEqual([
      { level: "foreign_ministers", countries: ["JPN", "KEN"], total: 2, period: { start: "2019-01", end: "2019-12" } },
    ]);
    expect(
      brief("Since June, four rounds of negotiations on the Japan-Turkey Economic Partnership Agreement were held.", {
        coveredYear: 2015,
      }),
    ).toEqual([
      { level: "negotiation_round", countries: ["JPN", "TUR"], total: 4, period: { start: "2015-06", end: "2015-12" } },
    ]);
  });

  it("takes the parties from 'between' and covers a stated span of months", () => {
    const [c] = brief(
      "There were three summit meetings between Prime Minister Fumio Kishida and President Yoon Suk Yeol between March 2023 and the end of January 2024.",
      { coveredYear: 2023 },
    );
    expect(c).toMatchObject({
      level: "summit",
      countries: ["JPN", "KOR"],
      total: 3,
      period: { start: "2023-03", end: "2024-01" },
    });
  });

  it("marks approximate totals and names Japan alone when no partner is named", () => {
    const [c] = brief(
      "Prime Minister Yoshihide Suga held over 40 video conferences/telephone calls with world leaders.",
      {
        coveredYear: 2020,
      },
    );
    expect(c).toMatchObject({ level: "summit", countries: ["JPN"], total: 40, approximate: true });
  });

  it("ignores numbers that count other things", () => {
    expect(brief("The Prime Minister was accompanied by 120 business people for two days.")).toEqual([]);
    expect(brief("It was the first visit by a Japanese Prime Minister in nine years.")).toEqual([]);
  });
});

describe("counts written as 'held ... N times'", () => {
  it("reads 'Japan and China held summit meetings three times'", () => {
    const [c] = brief("In 2022, Japan and China held summit meetings three times.");
    expect(c).toMatchObject({ level: "summit", countries: ["CHN", "JPN"], total: 3 });
  });
});

describe("counts of one modality", () => {
  it("gives a count of telephone talks its telephone breakdown, and none to a mixed one", () => {
    const [t] = brief("In 2022, Japan and Chile held two summit telephone talks.");
    expect(t).toMatchObject({ level: "summit", total: 2, telephone: 2 });
    const [m] = brief("Prime Minister Yoshihide Suga held over 40 video conferences/telephone calls.", {
      coveredYear: 2020,
    });
    expect(m?.telephone).toBeUndefined();
    expect(m?.video).toBeUndefined();
  });
});
