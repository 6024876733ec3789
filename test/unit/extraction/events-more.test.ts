import { describe, expect, it } from "vitest";
import { brief, counts, events } from "./events-helper.js";

const of = (text: string, type: string, opts?: { coveredYear?: number; date?: string }) =>
  events(text, opts)
    .filter((e) => e.type === type)
    .map(brief);

describe("more meeting and visit frames", () => {
  it("reads 'a telephone talk between A and B was held'", () => {
    const [m] = of(
      "A telephone talk between Prime Minister Fumio Kishida and President Yoon Suk Yeol was held in March.",
      "meeting",
    );
    expect(m).toMatchObject({ level: "summit", modality: "telephone", countries: ["JPN", "KOR"], date: "2022-03" });
  });

  it("reads 'held a meeting ... with' with words between the meeting and its counterpart", () => {
    const [m] = of(
      "In May, Foreign Minister Yoshimasa Hayashi held a meeting on the margins of the conference with Foreign Minister Penny Wong of Australia.",
      "meeting",
    );
    expect(m).toMatchObject({ level: "foreign_ministers", countries: ["AUS", "JPN"], date: "2022-05" });
  });

  it("takes the visitor of 'his visit to' from the sentence's subject", () => {
    const [v] = of("President Joseph Biden held talks in Tokyo during his visit to Japan in May.", "visit");
    expect(v).toMatchObject({ countries: ["JPN", "USA"], location: "JPN", date: "2022-05" });
  });

  it("reads a round of negotiations that was held", () => {
    const [n] = of(
      "The fifth round of negotiations on the Japan-Turkey EPA was held in Ankara in April.",
      "negotiation",
    );
    expect(n).toMatchObject({ countries: ["JPN", "TUR"], date: "2022-04", location: "TUR", place: "Ankara" });
  });

  it("keeps a policy document's full name", () => {
    const [p] = of("Australia released its Foreign Policy White Paper in November.", "policy_release");
    expect(p).toMatchObject({ title: "Foreign Policy White Paper", countries: ["AUS"], date: "2022-11" });
  });

  it("does not date a visit with the date of a plan made during it", () => {
    const e = events(
      "In October, Prime Minister Fumio Kishida visited Paris and held a summit meeting with President Emmanuel Macron, and the two leaders agreed to hold the next Japan-France 2+2 in January 2023.",
    );
    expect(e.filter((x) => x.type !== "agreement").map((x) => [x.type, x.date])).toEqual([
      ["meeting", "2022-10"],
      ["visit", "2022-10"],
    ]);
  });
});

describe("more count frames", () => {
  it("reads 'the two leaders met N times'", () => {
    expect(
      counts("Japan and India are close partners. The two leaders met four times in 2022.").map((c) => [
        c.level,
        c.countries,
        c.total,
      ]),
    ).toEqual([["summit", ["IND", "JPN"], 4]]);
  });
});

describe("country pairs and conferences", () => {
  it("reads 'Japan and X held a summit meeting' with the two countries as parties", () => {
    const [m] = of("In June, Japan and Canada held a summit meeting in Osaka.", "meeting");
    expect(m).toMatchObject({
      level: "summit",
      countries: ["CAN", "JPN"],
      date: "2022-06",
      location: "JPN",
      place: "Osaka",
    });
  });

  it("reads a session of the UN General Assembly that was attended, and where a summit was held", () => {
    const [c] = of(
      "Prime Minister Fumio Kishida attended the 77th session of the UN General Assembly in New York in September.",
      "conference",
    );
    expect(c).toMatchObject({ organization: "UNGA", date: "2022-09", location: "USA", place: "New York" });
    const [e] = of("The East Asia Summit (EAS) held in Phnom Penh in November adopted a statement.", "conference");
    expect(e).toMatchObject({ organization: "EAS", location: "KHM", place: "Phnom Penh" });
  });
});

describe("an occasion named in the sentence before", () => {
  it("gives 'During the visit, a summit meeting was held' the visit's parties, place and date", () => {
    const e = events(
      "In March, President Joko Widodo visited Japan as a State Guest. During the visit, a summit meeting was held, and the two leaders issued a joint statement on maritime cooperation.",
    ).map(brief);
    expect(e.find((x) => x.type === "meeting")).toMatchObject({
      level: "summit",
      countries: ["IDN", "JPN"],
      date: "2022-03",
      location: "JPN",
    });
    expect(e.find((x) => x.type === "agreement")).toMatchObject({ countries: ["IDN", "JPN"], status: "released" });
  });
});

describe("instruments and counts stated after the meeting", () => {
  it("dates 'The two ministers signed ...' by the meeting of the sentence before", () => {
    const e = events(
      "In August, Foreign Minister Yoshimasa Hayashi visited Peru and held talks with Foreign Minister César Landa. The two ministers signed the Japan-Peru Investment Agreement.",
    ).filter((x) => x.type === "agreement");
    expect(e.map((x) => [x.countries, x.date, x.status])).toEqual([[["JPN", "PER"], "2022-08", "signed"]]);
  });

  it("reads a breakdown written without parentheses", () => {
    const [c] = counts("Over the year, Japan and Mexico held six summit meetings, including two telephone talks.");
    expect(c).toMatchObject({ level: "summit", countries: ["JPN", "MEX"], total: 6, telephone: 2 });
  });
});

describe("modality and 2+2 written in other ways", () => {
  it("reads a parenthesised modality and a quoted 2+2", () => {
    expect(
      of("The Japan-Canada Summit Meeting (video conference) in March covered trade.", "meeting")[0],
    ).toMatchObject({
      modality: "video",
      countries: ["CAN", "JPN"],
    });
    expect(of("In April, the Japan-Philippines “2+2” was held in Tokyo.", "meeting")[0]).toMatchObject({
      level: "two_plus_two",
      countries: ["JPN", "PHL"],
      date: "2022-04",
    });
  });

  it("makes one visit per country of a list, each with the list's date", () => {
    const v = of("Foreign Minister Yoshimasa Hayashi visited Spain, Portugal and Italy in January.", "visit");
    expect(v.map((x) => [x.location, x.date])).toEqual([
      ["ESP", "2022-01"],
      ["PRT", "2022-01"],
      ["ITA", "2022-01"],
    ]);
  });
});

describe("visitors named by office alone", () => {
  it("takes the country of 'the President of Indonesia' and Japan for 'the Emperor and Empress'", () => {
    expect(of("In June, the President of Indonesia visited Japan.", "visit")[0]).toMatchObject({
      countries: ["IDN", "JPN"],
      location: "JPN",
      date: "2022-06",
    });
    expect(of("In April, the Emperor and Empress visited Viet Nam.", "visit")[0]).toMatchObject({
      countries: ["JPN", "VNM"],
      location: "VNM",
    });
    expect(of("In May, the Indian Prime Minister visited Japan.", "visit")[0]?.countries).toEqual(["IND", "JPN"]);
  });
});

describe("a meeting held during a visit without a named counterpart", () => {
  it("reads 'A visited X in May and held a summit meeting' as a visit and a summit at the host", () => {
    const e = events("Prime Minister Narendra Modi visited Japan in May and held a summit meeting.").map(brief);
    expect(e.find((x) => x.type === "meeting")).toMatchObject({
      level: "summit",
      countries: ["IND", "JPN"],
      date: "2022-05",
      location: "JPN",
    });
    expect(e.filter((x) => x.type === "visit")).toHaveLength(1);
  });
});

describe("dates across a list of events", () => {
  it("does not lend one visit's month to the next visit of the list", () => {
    const v = of(
      "Relations deepened through the visit to the U.S. by Foreign Minister Yoshimasa Hayashi in July and the visit to Japan by Vice President Kamala Harris to attend a ceremony.",
      "visit",
    );
    expect(v.map((x) => [x.location, x.date])).toEqual([
      ["USA", "2022-07"],
      ["JPN", "2022"],
    ]);
  });
});

describe("participants of a trilateral meeting", () => {
  it("names the leaders of its parties found in the sentence", () => {
    const [m] = of(
      "Prime Minister Fumio Kishida explained that at the Japan-U.S.-ROK Summit Meeting with President Joseph Biden and President Yoon Suk Yeol in August, the three leaders agreed to hold the summit annually.",
      "meeting",
    );
    expect(m?.countries).toEqual(["JPN", "KOR", "USA"]);
    expect([...(m?.participants ?? [])].sort()).toEqual(["Fumio Kishida", "Joseph Biden", "Yoon Suk Yeol"]);
  });
});

describe("'the first ... to visit'", () => {
  it("reads a first visit as a visit that took place", () => {
    const [v] = of(
      "In September, Prime Minister Fumio Kishida became the first Japanese Prime Minister to visit Cuba.",
      "visit",
    );
    expect(v).toMatchObject({ countries: ["CUB", "JPN"], date: "2022-09", participants: ["Fumio Kishida"] });
  });
});

describe("two persons as the subject of a meeting", () => {
  it("reads 'A and B held a telephone talk'", () => {
    const [m] = of(
      "In March, Prime Minister Fumio Kishida and President Joseph Biden held a telephone talk.",
      "meeting",
    );
    expect(m).toMatchObject({ level: "summit", modality: "telephone", countries: ["JPN", "USA"], date: "2022-03" });
    expect([...(m?.participants ?? [])].sort()).toEqual(["Fumio Kishida", "Joseph Biden"]);
  });
});

describe("TICAD under its full name and a roman numeral", () => {
  it("reads a hosted TICAD with its place", () => {
    const [c] = of(
      "In August 2019, Japan hosted the Seventh Tokyo International Conference on African Development (TICAD VII) in Yokohama.",
      "conference",
      { coveredYear: 2019 },
    );
    expect(c).toMatchObject({ organization: "TICAD", date: "2019-08", location: "JPN", place: "Yokohama" });
  });
});

describe("coordinated instruments", () => {
  it("shares one verb between 'the X and the Y'", () => {
    const a = of(
      "In March, Japan and Peru signed the Japan-Peru Tax Convention and the Japan-Peru Investment Agreement.",
      "agreement",
    );
    expect(a.map((x) => [x.title, x.status])).toEqual([
      ["Japan-Peru Tax Convention", "signed"],
      ["Japan-Peru Investment Agreement", "signed"],
    ]);
    const b = of("The Japan-Chile Joint Statement and the Japan-Chile Action Plan were adopted in May.", "agreement");
    expect(b.map((x) => [x.title, x.status, x.date])).toEqual([
      ["Japan-Chile Joint Statement", "adopted", "2022-05"],
      ["Japan-Chile Action Plan", "adopted", "2022-05"],
    ]);
  });
});

describe("ministries as signatories", () => {
  it("reads the countries of 'the Ministry of Foreign Affairs of X'", () => {
    const [a] = of(
      "In June, the Ministry of Foreign Affairs of Japan and the Ministry of Foreign Affairs of Peru signed a Memorandum of Cooperation on diplomatic training.",
      "agreement",
    );
    expect(a).toMatchObject({ countries: ["JPN", "PER"], status: "signed", date: "2022-06" });
  });
});

describe("levels stated after the meeting", () => {
  it("reads 'held consultations at the vice-ministerial level' and leaves levelless talks out", () => {
    expect(
      of("Japan and Indonesia held consultations at the vice-ministerial level in May.", "meeting")[0],
    ).toMatchObject({
      level: "vice_ministerial",
      countries: ["IDN", "JPN"],
      date: "2022-05",
    });
    expect(of("Japan and Indonesia held working-level consultations in June.", "meeting")[0]?.level).toBe(
      "working_level",
    );
    expect(of("Japan and Indonesia held talks in May.", "meeting")).toEqual([]);
  });
});
