import { describe, expect, it } from "vitest";
import { carryYear, findDates, periodOf } from "../../../src/extraction/dates.js";

const values = (s: string, ctx = { defaultYear: 2013 }) => findDates(s, ctx).map((d) => d.value);

describe("findDates", () => {
  it("gives a bare month the default year and keeps its precision", () => {
    expect(values("The Minister visited Peru in February and Chile in October.")).toEqual(["2013-02", "2013-10"]);
  });

  it("reads month-year, full dates and days without a year", () => {
    expect(values("He visited Canada in September 2014.")).toEqual(["2014-09"]);
    expect(values("The talks were held on March 3, 2016 in Lima.")).toEqual(["2016-03-03"]);
    expect(values("On June 21, the two ministers met.")).toEqual(["2013-06-21"]);
    expect(values("The visit took place on 4 July 2019.")).toEqual(["2019-07-04"]);
  });

  it("takes the year named earlier in the sentence, and 'of that year'", () => {
    const s = "Canada adopted its defense policy in April 2024, and its Arctic policy in December of that year.";
    expect(values(s)).toEqual(["2024-04", "2024-12"]);
    expect(values("In 2011, the minister went to Chile in May.")).toEqual(["2011", "2011-05"]);
  });

  it("takes the year of the month right after it ('in April and May 2020')", () => {
    expect(values("Visits were made in April and May 2020.")).toEqual(["2020-04", "2020-05"]);
  });

  it("uses the previous sentence's year before the default, and a readout's year first", () => {
    expect(values("In March, the minister met him.", { defaultYear: 2013, previousYear: 2012 } as never)).toEqual([
      "2012-03",
    ]);
    expect(values("On May 9, he met the Premier.", { defaultYear: null, readoutYear: 2018 } as never)).toEqual([
      "2018-05-09",
    ]);
  });

  it("reads ranges: since April, between January 2024 and the end of February 2025", () => {
    const since = findDates("Furthermore, since April, two rounds were held.", { defaultYear: 2013 });
    expect(since[0]!.range).toEqual({ start: "2013-04", end: "2013-12" });
    expect(since[0]!.leading).toBe(true);
    const between = findDates("between January 2024 and the end of February 2025, they met.", { defaultYear: 2024 });
    expect(between[0]!.range).toEqual({ start: "2024-01", end: "2025-02" });
  });

  it("reads 'the first half of 2011' and 'mid-90's' as years, a day span as its first day", () => {
    expect(values("on the occasion of a visit in the first half of 2011")).toEqual(["2011"]);
    expect(values("In the mid-90's, Chile announced a policy.")).toEqual(["1995"]);
    expect(values("From April 29 to 30, the Prime Minister visited Peru.", { defaultYear: 2022 })).toEqual([
      "2022-04-29",
    ]);
  });

  it("reads a date whose opening words stand well inside the sentence, whatever the spaces between them", () => {
    // the scan starts a few words before the first month or year: the longest openings, after other words
    const s =
      "The minister, who had met him twice, said that after  assuming\u00a0office in\tJanuary the talks and, between the beginning of\u2003March and the end of May 2020, the visits went on.";
    const ds = findDates(s, { defaultYear: 2020 });
    expect(ds.map((d) => [d.kind, d.value, s.slice(d.start, d.start + 5)])).toEqual([
      ["range", "2020-01", "after"],
      ["range", "2020-03", "betwe"],
    ]);
    expect(values("Talks, held in the first half of 2011 and in mid-90's, went on.")).toEqual(["2011", "1995"]);
  });

  it("does not read 'may' the verb, sums or ordinals as dates", () => {
    expect(values("The two sides may cooperate further.")).toEqual([]);
    expect(values("Support worth 2,650 million dollars was pledged.")).toEqual([]);
  });
});

describe("periodOf and carryYear", () => {
  it("turns a year into twelve months and defaults to the covered year", () => {
    expect(periodOf(findDates("in 2021 they met", { defaultYear: 2022 }), 2022)).toEqual({
      start: "2021-01",
      end: "2021-12",
    });
    expect(periodOf([], 2022)).toEqual({ start: "2022-01", end: "2022-12" });
  });

  it("carries the last dated year, not a future one", () => {
    const s = "The minister visited Chile in May 2021.";
    expect(carryYear(s, findDates(s, { defaultYear: 2021 }), 2021)).toBe(2021);
    const f = "The two sides agreed to hold the event in 2030.";
    expect(carryYear(f, findDates(f, { defaultYear: 2021 }), 2022)).toBe(null);
  });
});

describe("carryYear bounds", () => {
  it("does not carry a historical year", () => {
    const s = "Japan and Chile established diplomatic relations in 1897.";
    expect(carryYear(s, findDates(s, { defaultYear: 2022 }), 2023, 2020)).toBe(null);
  });
});

describe("dates that name something else", () => {
  it("skips 'the March 11 earthquake' and 'the attacks of September 11'", () => {
    expect(values("After the March 11 earthquake, the minister visited Peru in May.")).toEqual(["2013-05"]);
    expect(values("Since the attacks of September 11, cooperation has grown.")).toEqual([]);
  });
});
