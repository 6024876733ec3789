import { describe, expect, it } from "vitest";
import { counts, events } from "./events-helper.js";

/** Sentences that state no event: plans, wishes, negations, habits, aggregates, background. */
const NONE = [
  "Prime Minister Fumio Kishida expressed his intention to visit Peru at an early date.",
  "The visit to Japan by President Joseph Biden is scheduled for next spring.",
  "The two leaders confirmed that they would sign the Japan-Peru Tax Convention.",
  "Japan and China agreed to hold a Japan-China Summit Meeting at an early date.",
  "Japan did not hold a summit meeting with China that year.",
  "Japan will continue to hold summit meetings with the United States.",
  "The Japan-U.S. Alliance and the Japan-U.S. Security Arrangements are the cornerstone of peace.",
  "Ministers and leaders of both countries visited each other frequently.",
  "Japan is working to strengthen relations through frequent visits of high-level officials.",
  "Japan's foreign and security policy is based on the rule of law.",
  "Negotiations toward the conclusion of the Japan-Turkey EPA continued.",
  "The Prime Minister looked forward to welcoming President Joseph Biden to Japan.",
];

describe("no event where the text states none", () => {
  for (const s of NONE) {
    it(s, () => {
      expect(events(s).map((e) => `${e.type} ${e.countries.join(",")}`)).toEqual([]);
    });
  }

  it("counts nothing in sentences about people, days or money", () => {
    expect(counts("Japan accepted 300 students and provided 20 billion yen over three years.")).toEqual([]);
  });
});

describe("a dated participle states a past act inside a plan", () => {
  it("keeps 'the Action Plan jointly announced in 2021' after 'would implement'", () => {
    const e = events(
      "The two countries confirmed that they would steadily implement the “Japan-Peru Action Plan for economic cooperation” jointly announced in 2021.",
    ).filter((x) => x.type === "agreement");
    expect(e.map((x) => [x.countries, x.date, x.status])).toEqual([[["JPN", "PER"], "2021", "announced"]]);
  });
});

describe("habits stated with 'every' or 'regular'", () => {
  it("reads no meeting in 'at every Japan-U.S. summit meeting'", () => {
    expect(events("The two leaders have confirmed the alliance at every Japan-U.S. Summit Meeting.")).toEqual([]);
  });
});

describe("the issuer of a policy", () => {
  it("is the country that opens its name, not the one that welcomed it", () => {
    const [p] = events("In December, Japan welcomed the release of the U.S. National Security Strategy.").filter(
      (e) => e.type === "policy_release",
    );
    expect(p?.countries).toEqual(["USA"]);
  });
});

describe("future meetings described after their name", () => {
  it("reads no meeting in 'the Japan-X Summit Meeting, which will be held in May'", () => {
    expect(events("Preparations began for the Japan-Chile Summit Meeting, which will be held in Santiago.")).toEqual(
      [],
    );
    expect(events("The Japan-Chile Summit Meeting (2+2) is scheduled for May.")).toEqual([]);
  });
});
