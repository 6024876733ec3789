/**
 * Red-team passages in the Diplomatic Bluebook's styles (full editions 2007-2024, Summary
 * editions, "Asia-Pacific" era headings), written for these tests, with what a careful
 * annotator extracts under ../shared/contract/EXTRACTION.md. Plans, habits and negations
 * must yield no event. `it.fails` marks a known events/counts/dates defect: it flips
 * (and must then become `it`) when the defect is fixed.
 */
import { describe, expect, it } from "vitest";
import { citing, extractText, matching, personNames } from "./redteam-helper.js";

// Passages (the tests' own writing, in the Bluebook's style)
const P01 = `Diplomatic Bluebook 2009
Chapter 2 Regional Diplomacy
Section 5 The Middle East and North Africa

1. Overview
In 2008, Japan continued its efforts to contribute to peace and stability in the Middle East. Prime Minister Fukuda visited Saudi Arabia and Kuwait in April 2008 and held meetings with King Abdullah and the Emir of Kuwait. In October, Foreign Minister Nakasone held a foreign ministers' meeting with Foreign Minister Manouchehr Mottaki of Iran in Tokyo, and urged Iran to comply with the UN Security Council resolutions concerning its nuclear programme.

2. Israel and Palestine
Japan has consistently supported a two-state solution. Foreign Minister Nakasone will visit Israel and the Palestinian territories early next year. No summit meeting was held between Japan and Israel in 2008. Japanese leaders visit the region frequently to convey this message.
`;

const P02 = `2. Asia and Oceania
(1) China
In 2013, relations between Japan and China faced severe difficulties. No Japan-China summit meeting took place during the year. Foreign Minister Kishida and Foreign Minister Wang Yi exchanged a few words on the occasion of the ASEAN-related Foreign Ministers' Meetings in Brunei in July, but no formal meeting was held.
(2) Republic of Korea
Foreign Minister Kishida held a Japan-ROK Foreign Ministers' Meeting with Foreign Minister Yun Byung-se in Brunei on July 1. The two ministers agreed to hold the next meeting in Tokyo.
(3) ASEAN
In 2013, Japan held 15 foreign ministers' meetings with ASEAN countries. Prime Minister Abe visited all ten ASEAN member states within the year.
`;

const P07 = `Diplomatic Bluebook 2010
Chapter 2 Regional Diplomacy
Section 1 Asia-Pacific

(2) The Republic of Korea
In 2009, Prime Minister Aso visited Seoul in January and held a summit meeting with President Lee Myung-bak. After the change of government, Prime Minister Hatoyama visited the Republic of Korea in October and the two leaders agreed to build a future-oriented relationship. Foreign Minister Okada held a foreign ministers' meeting with Foreign Minister Yu Myung-hwan in Seoul on September 28.
In January 2010, Foreign Minister Okada and Foreign Minister Yu held talks again. In December, the two governments will hold the Japan-ROK Vice-Ministerial Strategic Dialogue.

(3) China
The 2nd Japan-China-ROK Trilateral Summit was held in Beijing on October 10, attended by Prime Minister Hatoyama, Premier Wen Jiabao and President Lee Myung-bak.
`;

const P08 = `Diplomatic Bluebook 2021 Summary
Chapter 1 Japan's Foreign Policy in 2020

Amid the spread of COVID-19, Prime Minister Suga held over 40 video conferences/telephone calls with foreign leaders after taking office in September. In October, Prime Minister Suga visited Viet Nam and Indonesia, his first overseas trip as Prime Minister. Foreign Minister Motegi visited the UK in August and agreed in principle on the Japan-UK Comprehensive Economic Partnership Agreement, which was signed in Tokyo in October.
The National Security Strategy of Japan remains the basis of Japan's security policy.
`;

const P10 = `Diplomatic Bluebook 2017
Chapter 2 Japan's Foreign Policy that Takes a Panoramic Perspective of the World Map
Section 3 Europe

(1) The United Kingdom
Prime Minister Theresa May visited Japan in August 2017. In 2016, Prime Minister Abe visited London in May and held a summit meeting with Prime Minister David Cameron. Following the referendum, Prime Minister Abe held a telephone talk with Prime Minister May in July, and the two leaders met again at the G20 Hangzhou Summit in September.
(2) France
Prime Minister Abe visited Paris in May and held a summit meeting with President Hollande. The 3rd Japan-France Foreign and Defense Ministers' Meeting ("2+2") was held in Tokyo in January.
(3) Germany
Chancellor Merkel and Prime Minister Abe met on the occasion of the G7 Ise-Shima Summit in May.
`;

const P11 = `Section 4 Latin America and the Caribbean
In 2014, Prime Minister Abe visited Mexico, Trinidad and Tobago, Colombia, Chile and Brazil from July 25 to August 4, the first visit to Latin America by a Japanese Prime Minister in ten years. In Port of Spain, he attended the first Japan-CARICOM Summit Meeting. In Brasilia, Prime Minister Abe held a summit meeting with President Dilma Rousseff.
The Japan-Mexico Economic Partnership Agreement entered into force in 2005. The Japan-Colombia EPA negotiations continued, with the 6th round held in Tokyo in November.
`;

const P13 = `Diplomatic Bluebook 2024
Chapter 2 Japan's Foreign Policy by Region
Section 1 Asia and Oceania

(1) The Republic of Korea
In 2023, Japan-ROK relations improved significantly. President Yoon Suk Yeol visited Japan in March and held a summit meeting with Prime Minister Kishida in Tokyo. Prime Minister Kishida visited Seoul in May, the first bilateral visit to the ROK by a Japanese Prime Minister in about 12 years. In August, the Japan-U.S.-ROK Summit Meeting was held at Camp David. The leaders of Japan and the ROK held seven summit meetings in 2023. Foreign Minister Hayashi and Foreign Minister Park Jin held a telephone talk in January. Foreign Minister Kamikawa held a meeting with Foreign Minister Park in November.
(2) China
Prime Minister Kishida held a summit meeting with President Xi Jinping in San Francisco on November 16. The two leaders reaffirmed the "Mutually Beneficial Relationship Based on Common Strategic Interests".
`;

const P14 = `Diplomatic Bluebook 2008
Chapter 2 Regional Diplomacy
Section 6 Africa

Japan hosted the Fourth Tokyo International Conference on African Development (TICAD IV) in Yokohama in May 2008. In 2007, Foreign Minister Aso visited no African country, while Foreign Minister Machimura held talks with President John Kufuor of Ghana in Tokyo in December. President Thabo Mbeki of South Africa is expected to attend TICAD IV. Japan and Egypt signed an exchange of notes concerning a grant aid in November.
`;

const P16 = `Section 6 Russia, Central Asia and the Caucasus
Japan and Kazakhstan held the Japan-Kazakhstan Foreign Ministers' Meeting in Astana in October 2015, on the occasion of Prime Minister Abe's visit to Turkmenistan, Tajikistan, Uzbekistan, Kyrgyzstan, Kazakhstan and Mongolia. President Nursultan Nazarbayev and Prime Minister Abe issued a joint statement. Russian President Vladimir Putin did not visit Japan in 2015, and the planned visit was postponed. The "Central Asia plus Japan" Dialogue Foreign Ministers' Meeting was held in Ashgabat in October.
`;

const P18 = `Diplomatic Bluebook 2020
Chapter 2 Japan's Foreign Policy that Takes a Panoramic Perspective of the World Map
Section 1 Asia and Oceania
2. China

In December 2019, Prime Minister Abe visited Beijing and Chengdu to attend the 8th Japan-China-ROK Trilateral Summit, and held a summit meeting with President Xi Jinping in Beijing on December 23 and with Premier Li Keqiang in Chengdu on December 24. Japan and China also held the Japan-China High-Level Economic Dialogue in April. The Japan-China Maritime Affairs High-Level Consultation is usually held twice a year. President Xi Jinping is scheduled to make a State Visit to Japan in the spring of 2020. Foreign Minister Motegi held a telephone talk with State Councilor and Foreign Minister Wang Yi in September and a meeting in November when Wang Yi visited Japan.
`;

const P19 = `Diplomatic Bluebook 2007
Chapter 2 Regional Diplomacy
Section 1 Asia-Pacific

In October 2006, immediately after taking office, Prime Minister Abe visited China and the Republic of Korea, and held summit meetings with President Hu Jintao and President Roh Moo-hyun respectively. It was the first summit meeting between Japan and China in about five years. Foreign Minister Aso held a foreign ministers' meeting with Foreign Minister Li Zhaoxing in Manila in December. In 2006, there were no mutual visits by the leaders of Japan and China until October. Japan and the ROK have agreed that the leaders will visit each other frequently.
`;

const P21 = `Diplomatic Bluebook 2023 Summary
Chapter 3 Japan's Foreign Policy to Promote National and Global Interests
Section 1 Efforts for Peace and Stability of Japan and the International Community

In December 2022, the Government of Japan adopted the new National Security Strategy, the National Defense Strategy and the Defense Buildup Program. The Japan-U.S. "2+2" was held in Washington, D.C. in January 2023. Japan and the Philippines held their first "2+2" in April. Japan and Australia signed the Reciprocal Access Agreement in January 2022, and the Japan-UK Reciprocal Access Agreement was signed in London in January 2023. The NATO Summit in Madrid in June was attended by Prime Minister Kishida, the first Japanese Prime Minister to do so.
`;

const P23 = `Diplomatic Bluebook 2011
Chapter 2 Regional Diplomacy
Section 4 Europe

In 2010, Prime Minister Kan attended the ASEM8 in Brussels in October and held the 19th Japan-EU Summit in Tokyo in April with President of the European Council Herman Van Rompuy and President of the European Commission Jose Manuel Barroso. Foreign Minister Okada visited France and Germany in January, meeting Foreign Minister Kouchner in Paris on January 8 and Foreign Minister Westerwelle in Berlin on January 9. Foreign Minister Maehara held talks with High Representative Catherine Ashton.
`;

describe("red team: Diplomatic Bluebook 2009, Middle East (year-first visit, negation, plan, habit)", () => {
  const d = extractText("p01", P01);
  it("reads the edition, the covered year and the section", () => {
    expect([d.kind, d.edition, d.coveredYear, d.section]).toEqual([
      "bluebook",
      2009,
      2008,
      "The Middle East and North Africa",
    ]);
  });
  it("names the countries, the UN Security Council and the persons (Saudi Arabia's King Abdullah)", () => {
    expect(d.countries).toEqual(["IRN", "ISR", "JPN", "KWT", "PSE", "SAU"]);
    expect(d.organizations).toEqual(["UNSC"]);
    expect(personNames(d)).toEqual([
      "Yasuo Fukuda",
      "Abdullah bin Abdulaziz Al Saud",
      "Hirofumi Nakasone",
      "Manouchehr Mottaki",
    ]);
    expect(d.persons.find((p) => p.name.includes("Abdullah"))!.country).toBe("SAU");
  });
  it("extracts the two visits and the foreign ministers' meeting in Tokyo", () => {
    expect(matching(d, { type: "visit", countries: ["JPN", "SAU"], date: "2008-04", location: "SAU" })).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "KWT"], date: "2008-04", location: "KWT" })).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        countries: ["IRN", "JPN"],
        date: "2008-10",
        place: "Tokyo",
      }),
    ).toHaveLength(1);
  });
  it("yields nothing for a plan, a negation or a habit", () => {
    expect(citing(d, "will visit Israel")).toEqual([]);
    expect(citing(d, "No summit meeting was held")).toEqual([]);
    expect(citing(d, "visit the region frequently")).toEqual([]);
    expect(matching(d, { type: "meeting", countries: ["ISR", "JPN"] })).toEqual([]);
  });
  // (fixed; was a known defect) EVENTS: "visited Saudi Arabia and Kuwait ... and held meetings with King Abdullah and the Emir of Kuwait" is also two summit meetings
  it("reads 'held meetings with King X and the Emir of Y' after a visit as summit meetings", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["JPN", "SAU"], date: "2008-04" })).toHaveLength(
      1,
    );
  });
});

describe("red team: Bluebook without a title line, Asia and Oceania 2013 (negations, a count, 'agreed to hold')", () => {
  const d = extractText("p02", P02);
  it("infers the year from the content", () => {
    expect(d.coveredYear).toBe(2013);
  });
  it("extracts the Japan-ROK foreign ministers' meeting in Brunei and no Japan-China meeting", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        countries: ["JPN", "KOR"],
        date: "2013-07-01",
        location: "BRN",
      }),
    ).toHaveLength(1);
    expect(matching(d, { type: "meeting", countries: ["CHN", "JPN"] })).toEqual([]);
    expect(citing(d, "No Japan-China summit meeting took place")).toEqual([]);
    expect(citing(d, "agreed to hold the next meeting in Tokyo")).toEqual([]);
  });
  it("counts the 15 foreign ministers' meetings over 2013, and makes no event of 'visited all ten ASEAN member states'", () => {
    const c = d.counts.find((x) => x.total === 15);
    expect(c?.level).toBe("foreign_ministers");
    expect(c?.period).toEqual({ start: "2013-01", end: "2013-12" });
    expect(citing(d, "visited all ten ASEAN member states")).toEqual([]);
  });
  it("names the persons and the countries", () => {
    expect(personNames(d)).toEqual(["Fumio Kishida", "Wang Yi", "Yun Byung-se", "Shinzo Abe"]);
    expect(d.countries).toEqual(["BRN", "CHN", "JPN", "KOR"]);
    expect(d.organizations).toEqual(["ASEAN"]);
  });
});

describe("red team: Diplomatic Bluebook 2010, 'Asia-Pacific' (Aso and Hatoyama, a next-year sentence, a plan)", () => {
  const d = extractText("p07", P07);
  it("reads the section of the older editions", () => {
    expect([d.edition, d.coveredYear, d.section]).toEqual([2010, 2009, "Asia-Pacific"]);
  });
  it("extracts the summit in Seoul, the ministers' meeting and the trilateral summit in Beijing", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["JPN", "KOR"], date: "2009-01", place: "Seoul" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "KOR"], date: "2009-10" })).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", level: "foreign_ministers", countries: ["JPN", "KOR"], date: "2009-09-28" }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        countries: ["CHN", "JPN", "KOR"],
        date: "2009-10-10",
        place: "Beijing",
      }),
    ).toHaveLength(1);
  });
  it("makes no event of the planned vice-ministerial dialogue", () => {
    expect(citing(d, "will hold the Japan-ROK Vice-Ministerial Strategic Dialogue")).toEqual([]);
  });
  it("resolves the persons of 2009 (Aso, Hatoyama, Okada, Yu)", () => {
    expect(personNames(d)).toEqual([
      "Taro Aso",
      "Lee Myung-bak",
      "Yukio Hatoyama",
      "Katsuya Okada",
      "Yu Myung-hwan",
      "Wen Jiabao",
    ]);
  });
  it("extracts talks of two ministers as the subject ('A and B held talks'), dated by the sentence's own year", () => {
    expect(
      matching(d, { type: "meeting", level: "foreign_ministers", countries: ["JPN", "KOR"], date: "2010-01" }),
    ).toHaveLength(1);
  });
});

describe("red team: Diplomatic Bluebook 2021 Summary (agreed in principle, then signed; a count since taking office)", () => {
  const d = extractText("p08", P08);
  it("reads a Summary edition", () => {
    expect([d.edition, d.summary, d.coveredYear]).toEqual([2021, true, 2020]);
  });
  it("extracts the visits of October and August", () => {
    expect(matching(d, { type: "visit", countries: ["JPN", "VNM"], date: "2020-10" })).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["IDN", "JPN"], date: "2020-10" })).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["GBR", "JPN"], date: "2020-08" })).toHaveLength(1);
  });
  it("counts over 40 video conferences and telephone calls for Japan alone", () => {
    const c = d.counts.find((x) => x.total === 40);
    expect(c).toMatchObject({ level: "summit", countries: ["JPN"], approximate: true });
  });
  it("makes no policy release of 'remains the basis'", () => {
    expect(d.events.filter((e) => e.type === "policy_release")).toEqual([]);
  });
  // (fixed; was a known defect) EVENTS/DATES: one agreement event takes 'agreed_in_principle' with the signing month (2020-10);
  // the text says agreed in principle in August and signed in October: two events
  it("dates an agreement in principle and a later signing apart", () => {
    expect(matching(d, { type: "agreement", status: "agreed_in_principle", date: "2020-08" })).toHaveLength(1);
    expect(matching(d, { type: "agreement", status: "signed", date: "2020-10" })).toHaveLength(1);
  });
  // (fixed; was a known defect) COUNTS: "after taking office in September" should bound the period (2020-09 to 2020-12), not the whole year
  it("starts a count's period at 'after taking office in <month>'", () => {
    expect(d.counts.find((x) => x.total === 40)?.period).toEqual({ start: "2020-09", end: "2020-12" });
  });
});

describe("red team: Diplomatic Bluebook 2017, Europe (London, Paris, a telephone talk, meetings on a summit's occasion)", () => {
  const d = extractText("p10", P10);
  it("extracts the visits and summit meetings of May, the telephone talk and the 2+2", () => {
    expect(matching(d, { type: "visit", countries: ["GBR", "JPN"], date: "2016-05", place: "London" })).toHaveLength(1);
    expect(matching(d, { type: "meeting", level: "summit", countries: ["GBR", "JPN"], date: "2016-05" })).toHaveLength(
      1,
    );
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "telephone",
        countries: ["GBR", "JPN"],
        date: "2016-07",
      }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["FRA", "JPN"], date: "2016-05", place: "Paris" }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", level: "two_plus_two", countries: ["FRA", "JPN"], date: "2016-01" }),
    ).toHaveLength(1);
  });
  it("names the leaders of 2016 and the G7 and G20", () => {
    expect(personNames(d)).toEqual([
      "Theresa May",
      "Shinzo Abe",
      "David Cameron",
      "François Hollande",
      "Angela Merkel",
    ]);
    expect(d.organizations).toEqual(["G20", "G7"]);
  });
  // EVENTS: "the two leaders met again at the G20 Hangzhou Summit in September" and
  // "Chancellor Merkel and Prime Minister Abe met on the occasion of the G7 Ise-Shima Summit in May" are missed
  it("extracts 'met' on the occasion of a summit", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["GBR", "JPN"], date: "2016-09" })).toHaveLength(
      1,
    );
    expect(matching(d, { type: "meeting", level: "summit", countries: ["DEU", "JPN"], date: "2016-05" })).toHaveLength(
      1,
    );
  });
});

describe("red team: Latin America 2014 (a five-country trip over a date range, Port of Spain)", () => {
  const d = extractText("p11", P11);
  it("does not read Spain in Port of Spain", () => {
    expect(d.countries).toEqual(["BRA", "CHL", "COL", "JPN", "MEX", "TTO"]);
    expect(d.organizations).toEqual(["CARICOM"]);
  });
  it("extracts the Japan-CARICOM summit, the summit in Brasilia and the EPA's entry into force", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["CARICOM", "JPN"] })).toHaveLength(1);
    expect(matching(d, { type: "meeting", level: "summit", countries: ["BRA", "JPN"] })).toHaveLength(1);
    expect(matching(d, { type: "agreement", status: "entered_into_force", date: "2005" })).toHaveLength(1);
  });
  it("gives no country but the first the trip's first day", () => {
    const wrong = d.events.filter((e) => e.type === "visit" && e.date === "2014-07-25" && e.location !== "MEX");
    expect(wrong).toEqual([]);
  });
  it("extracts a visit to every country of the trip", () => {
    for (const c of ["MEX", "TTO", "COL", "CHL", "BRA"])
      expect(matching(d, { type: "visit", countries: ["JPN", c].sort() }), c).toHaveLength(1);
  });
  // EVENTS: "the Japan-Colombia EPA negotiations continued, with the 6th round held in Tokyo in November" is missed
  it("extracts a round of negotiations", () => {
    expect(matching(d, { type: "negotiation", countries: ["COL", "JPN"], date: "2014-11" })).toHaveLength(1);
  });
});

describe("red team: Diplomatic Bluebook 2024, Asia and Oceania (shuttle visits, a trilateral, a count, family names)", () => {
  const d = extractText("p13", P13);
  it("extracts the visits, the summits, the telephone talk and the trilateral", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["JPN", "KOR"], date: "2023-03" })).toHaveLength(
      1,
    );
    expect(matching(d, { type: "visit", countries: ["JPN", "KOR"], date: "2023-05", place: "Seoul" })).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["JPN", "KOR", "USA"], date: "2023-08" }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        modality: "telephone",
        countries: ["JPN", "KOR"],
        date: "2023-01",
      }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        countries: ["CHN", "JPN"],
        date: "2023-11-16",
        place: "San Francisco",
      }),
    ).toHaveLength(1);
  });
  it("counts seven summit meetings in 2023", () => {
    expect(d.counts.map((c) => [c.level, c.countries, c.total])).toEqual([["summit", ["JPN", "KOR"], 7]]);
  });
  it("resolves the two foreign ministers of 2023 and Foreign Minister Park", () => {
    expect(personNames(d)).toEqual([
      "Yoon Suk Yeol",
      "Fumio Kishida",
      "Yoshimasa Hayashi",
      "Park Jin",
      "Yoko Kamikawa",
      "Xi Jinping",
    ]);
  });
});

describe("red team: Diplomatic Bluebook 2008, Africa (TICAD IV, 'visited no', 'is expected to')", () => {
  const d = extractText("p14", P14);
  it("extracts TICAD IV and the talks in Tokyo, and nothing for 'visited no African country' or 'is expected to attend'", () => {
    expect(matching(d, { type: "conference", date: "2008-05" })[0]?.organization).toBe("TICAD");
    expect(matching(d, { type: "meeting", level: "other", countries: ["GHA", "JPN"], date: "2007-12" })).toHaveLength(
      1,
    );
    expect(d.events.filter((e) => e.type === "visit")).toEqual([]);
    expect(citing(d, "is expected to attend")).toEqual([]);
  });
  it("names the countries and persons", () => {
    expect(d.countries).toEqual(["EGY", "GHA", "JPN", "ZAF"]);
    expect(personNames(d)).toEqual(["Taro Aso", "Nobutaka Machimura", "John Kufuor", "Thabo Mbeki"]);
  });
  it("keeps both parties of 'Japan and X signed'", () => {
    expect(matching(d, { type: "agreement", countries: ["EGY", "JPN"], date: "2007-11" })).toHaveLength(1);
  });
});

describe("red team: Russia, Central Asia and the Caucasus 2015 (a six-country trip, 'did not visit')", () => {
  const d = extractText("p16", P16);
  it("extracts the foreign ministers' meeting in Astana and no visit by Putin", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        countries: ["JPN", "KAZ"],
        date: "2015-10",
        place: "Astana",
      }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "RUS"] })).toEqual([]);
  });
  it("names the six countries, Russia and the dialogue", () => {
    expect(d.countries).toEqual(["JPN", "KAZ", "KGZ", "MNG", "RUS", "TJK", "TKM", "UZB"]);
    expect(personNames(d)).toEqual(["Shinzo Abe", "Nursultan Nazarbayev", "Vladimir Putin"]);
  });
  it("extracts a visit to each of the six countries, all in October 2015", () => {
    for (const c of ["TKM", "TJK", "UZB", "KGZ", "KAZ", "MNG"])
      expect(matching(d, { type: "visit", countries: ["JPN", c].sort(), date: "2015-10" }), c).toHaveLength(1);
  });
});

describe("red team: Diplomatic Bluebook 2020, China (a plan for next year before an undated month)", () => {
  const d = extractText("p18", P18);
  it("extracts the trilateral summit and no event for 'usually held' or 'is scheduled to'", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["CHN", "JPN", "KOR"], date: "2019-12" }),
    ).toHaveLength(1);
    expect(citing(d, "is usually held twice a year")).toEqual([]);
    expect(citing(d, "is scheduled to make a State Visit")).toEqual([]);
  });
  it("does not borrow the year of a plan in the sentence before", () => {
    expect(matching(d, { type: "meeting", modality: "telephone", countries: ["CHN", "JPN"] })[0]?.date).toBe("2019-09");
    expect(d.events.filter((e) => e.date?.startsWith("2020"))).toEqual([]);
  });
  // (fixed; was a known defect) EVENTS: the meeting with Xi "in Beijing on December 23" is placed in Chengdu, and the one with Li Keqiang
  // "in Chengdu on December 24" is missed (Li is put among the trilateral's participants)
  it("places each of two summits in one sentence in its own city", () => {
    expect(
      matching(d, { type: "meeting", countries: ["CHN", "JPN"], date: "2019-12-23", place: "Beijing" }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", countries: ["CHN", "JPN"], date: "2019-12-24", place: "Chengdu" }),
    ).toHaveLength(1);
  });
});

describe("red team: Diplomatic Bluebook 2007, Asia-Pacific ('respectively', 'no mutual visits', 'agreed that ... will')", () => {
  const d = extractText("p19", P19);
  it("extracts both visits and the ministers' meeting in Manila, nothing for the negation and the plan", () => {
    expect(matching(d, { type: "visit", countries: ["CHN", "JPN"], date: "2006-10" })).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "KOR"], date: "2006-10" })).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        countries: ["CHN", "JPN"],
        date: "2006-12",
        place: "Manila",
      }),
    ).toHaveLength(1);
    expect(citing(d, "there were no mutual visits")).toEqual([]);
    expect(citing(d, "will visit each other frequently")).toEqual([]);
  });
  it("resolves the 2006 persons", () => {
    expect(personNames(d)).toEqual(["Shinzo Abe", "Hu Jintao", "Roh Moo-hyun", "Taro Aso", "Li Zhaoxing"]);
  });
  // (fixed; was a known defect) EVENTS: "visited China and the ROK, and held summit meetings with President Hu and President Roh respectively":
  // the Japan-China summit is located in the ROK (the last country named) and the Japan-ROK summit is missed
  it("pairs 'respectively' summits with their countries", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["CHN", "JPN"], location: "CHN" })).toHaveLength(
      1,
    );
    expect(matching(d, { type: "meeting", level: "summit", countries: ["JPN", "KOR"], date: "2006-10" })).toHaveLength(
      1,
    );
  });
});

describe("red team: Diplomatic Bluebook 2023 Summary, security (strategies, 2+2s, reciprocal access agreements, NATO)", () => {
  const d = extractText("p21", P21);
  it("extracts the National Security Strategy, the Japan-U.S. 2+2 and the Japan-UK agreement", () => {
    expect(matching(d, { type: "policy_release", countries: ["JPN"], date: "2022-12" }).length).toBeGreaterThan(0);
    expect(
      matching(d, { type: "meeting", level: "two_plus_two", countries: ["JPN", "USA"], date: "2023-01" }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "agreement", countries: ["GBR", "JPN"], date: "2023-01", status: "signed" }),
    ).toHaveLength(1);
  });
  it("keeps Australia as a party of the agreement it signed", () => {
    expect(
      matching(d, { type: "agreement", countries: ["AUS", "JPN"], date: "2022-01", status: "signed" }),
    ).toHaveLength(1);
  });
  // (fixed; was a known defect) "Japan and the Philippines held their first '2+2' in April" and "The NATO Summit ... was
  // attended by" were dated 2023 from the "January 2023" of the sentence before (an edition is out by the spring)
  it("extracts 'X and Y held their first 2+2' and a summit 'attended by' the Prime Minister", () => {
    expect(
      matching(d, { type: "meeting", level: "two_plus_two", countries: ["JPN", "PHL"], date: "2022-04" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "conference", date: "2022-06" })[0]?.organization).toBe("NATO");
  });
});

describe("red team: Diplomatic Bluebook 2011, Europe (EU leaders, ministers met on a trip, the High Representative)", () => {
  const d = extractText("p23", P23);
  it("extracts the Japan-EU summit in Tokyo and the visits to France and Germany", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["EU", "JPN"], date: "2010-04", place: "Tokyo" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["FRA", "JPN"], date: "2010-01" })).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["DEU", "JPN"], date: "2010-01" })).toHaveLength(1);
  });
  it("names the EU's leaders with their bodies and the ministers of 2010", () => {
    expect(d.persons.map((p) => [p.name, p.role])).toEqual([
      ["Naoto Kan", "Prime Minister"],
      ["Herman Van Rompuy", "President of the European Council"],
      ["José Manuel Barroso", "President of the European Commission"],
      ["Katsuya Okada", "Foreign Minister"],
      ["Bernard Kouchner", "Foreign Minister"],
      ["Guido Westerwelle", "Foreign Minister"],
      ["Seiji Maehara", "Foreign Minister"],
      ["Catherine Ashton", "High Representative"],
    ]);
    expect(d.organizations).toEqual(["ASEM", "EU"]);
  });
  // (fixed; was a known defect) EVENTS: "meeting Foreign Minister Kouchner in Paris on January 8 and Foreign Minister Westerwelle in Berlin on January 9",
  // "Foreign Minister Maehara held talks with High Representative Catherine Ashton" and "attended the ASEM8" are missed
  it("extracts meetings in a participle clause, talks with the EU's High Representative and ASEM8", () => {
    expect(
      matching(d, { type: "meeting", countries: ["FRA", "JPN"], date: "2010-01-08", place: "Paris" }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", countries: ["DEU", "JPN"], date: "2010-01-09", place: "Berlin" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "meeting", level: "foreign_ministers", countries: ["EU", "JPN"] })).toHaveLength(1);
    expect(matching(d, { type: "conference", date: "2010-10" })[0]?.organization).toBe("ASEM");
  });
});
