/**
 * More red-team passages (attendee lists by side, a multi-country trip readout, a 2010
 * Summary, economic diplomacy with rounds and entries into force, a video conference of
 * the Mekong-Japan foreign ministers, telephone talks of 2011 and 2021), written for these
 * tests, with an annotator's answers under ../shared/contract/EXTRACTION.md. `it.fails`
 * marks a known events/counts/dates defect: it flips when the defect is fixed.
 */
import { describe, expect, it } from "vitest";
import { citing, extractText, matching, personNames } from "./redteam-helper.js";

// Passages (the tests' own writing)
const Q01 = `Japan-Republic of Korea Vice-Ministerial Strategic Dialogue
February 3, 2016
On February 3, Mr. Akitaka Saiki, Vice-Minister for Foreign Affairs of Japan, held the Japan-ROK Vice-Ministerial Strategic Dialogue with Mr. Lim Sung-nam, First Vice Minister of Foreign Affairs of the Republic of Korea, in Seoul. The attendees were as follows.
Japanese side: Mr. Akitaka Saiki, Vice-Minister for Foreign Affairs; Mr. Kimihiro Ishikane, Director-General, Asian and Oceanian Affairs Bureau.
ROK side: Mr. Lim Sung-nam, First Vice Minister of Foreign Affairs; Mr. Chung Byung-won, Director-General for Northeast Asian Affairs.
`;

const Q02 = `Foreign Minister Kamikawa Visits the Middle East
November 3, 2023
From November 3 to 5, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, visited Israel, Palestine and Jordan. In Israel, Minister Kamikawa held a meeting with H.E. Mr. Eli Cohen, Minister of Foreign Affairs of Israel. In Palestine, she met with H.E. Dr. Riyad Al-Maliki, Minister of Foreign Affairs and Expatriates of Palestine, in Ramallah. In Jordan, she paid a courtesy call on His Majesty King Abdullah II.
`;

const Q03 = `Diplomatic Bluebook 2010 Summary
Chapter 1 Overview
In 2009, Prime Minister Hatoyama and President Obama held a summit meeting in Tokyo in November, during President Obama's visit to Japan. Foreign Minister Okada and Secretary of State Clinton held six foreign ministers' meetings in 2009. The Japan-U.S. Security Treaty will mark its 50th anniversary in 2010. Japan and the U.S. did not reach an agreement on the relocation of Futenma Air Station by the end of the year.
`;

const Q04 = `Section 3 Economic Diplomacy
(1) Economic Partnership Agreements
In 2018, the CPTPP entered into force on December 30. The Japan-EU EPA was signed on July 17 in Tokyo and entered into force on February 1, 2019. Negotiations on the RCEP continued; 4 rounds of negotiations were held in 2018. Japan, China and the ROK held the 13th and 14th rounds of the Japan-China-ROK FTA negotiations in March and December.
(2) Working-level consultations
Japan and India held the Japan-India Working-Level Consultation on economic issues in New Delhi in June. Japan and Mexico will hold their next round of consultations in 2019.
`;

const Q05 = `Mekong-Japan Foreign Ministers' Meeting (Video Conference)
July 9, 2020
On July 9, Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs of Japan, co-chaired the 13th Mekong-Japan Foreign Ministers' Meeting via video conference with H.E. Mr. Prak Sokhonn, Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation of the Kingdom of Cambodia. Foreign Ministers of Cambodia, Lao PDR, Myanmar, Thailand and Viet Nam participated.
`;

const Q06 = `Diplomatic Bluebook 2012
Chapter 2 Regional Diplomacy
Section 2 North America

In 2011, Prime Minister Noda held a summit meeting with President Obama in New York in September and another in Honolulu in November on the occasion of the APEC Leaders' Meeting. Following the Great East Japan Earthquake in March, Secretary of State Clinton visited Japan in April. Prime Minister Kan held a telephone talk with President Obama on March 12. Foreign Minister Matsumoto and Foreign Minister Gemba each held a meeting with Secretary Clinton during the year. Canada's Prime Minister Harper held a telephone talk with Prime Minister Kan in March.
`;

const Q07 = `Japan-China Summit Meeting
November 10, 2014
On November 10, commencing at 11:50 a.m. for approximately 25 minutes, Mr. Shinzo Abe, Prime Minister of Japan, who is visiting Beijing, China to attend the APEC Economic Leaders' Meeting, held a Japan-China Summit Meeting with Mr. Xi Jinping, President of the People's Republic of China, at the Great Hall of the People. This was the first Japan-China summit meeting since December 2011.
`;

const Q08 = `Diplomatic Bluebook 2022
Chapter 2 Japan's Foreign Policy by Region
Section 5 Russia, Central Asia and Caucasus

In 2021, Prime Minister Suga held a telephone talk with President Putin in January, and Prime Minister Kishida held a telephone talk with President Putin on October 7, following his inauguration. Foreign Minister Motegi held a telephone talk with Foreign Minister Lavrov in February. No Japan-Russia summit meeting was held in person during 2021 due to COVID-19. The 2nd Japan-Russia "2+2" meeting is scheduled to be held in Tokyo.
`;

describe("red team readout: a vice-ministerial strategic dialogue with attendees listed by side", () => {
  const d = extractText("q01", Q01);
  it("extracts the dialogue in Seoul at vice-ministerial level", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "vice_ministerial",
        countries: ["JPN", "KOR"],
        date: "2016-02-03",
        place: "Seoul",
      }),
    ).toHaveLength(1);
    expect(d.events).toHaveLength(1);
  });
  it("gives each attendee the side's country and the roles after the names", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Akitaka Saiki", "JPN"],
      ["Lim Sung-nam", "KOR"],
      ["Kimihiro Ishikane", "JPN"],
      ["Chung Byung-won", "KOR"],
    ]);
    expect(d.persons[1]!.role).toBe("First Vice Minister of Foreign Affairs of the Republic of Korea");
  });
});

describe("red team readout: a foreign minister's three-country trip (Israel, Palestine, Jordan)", () => {
  const d = extractText("q02", Q02);
  it("extracts a visit per country and names only the countries written", () => {
    for (const c of ["ISR", "PSE", "JOR"])
      expect(matching(d, { type: "visit", countries: ["JPN", c].sort() }), c).toHaveLength(1);
    expect(d.countries).toEqual(["ISR", "JOR", "PSE"]);
  });
  it("names the ministers and King Abdullah II of Jordan", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Yoko Kamikawa", "JPN"],
      ["Eli Cohen", "ISR"],
      ["Riyad Al-Maliki", "PSE"],
      ["Abdullah II", "JOR"],
    ]);
  });
  // EVENTS: "Minister Kamikawa held a meeting with ... Eli Cohen, Minister of Foreign Affairs of Israel" gets level
  // 'other'; both are foreign ministers
  it("gives a meeting of two foreign ministers the foreign_ministers level", () => {
    expect(matching(d, { type: "meeting", level: "foreign_ministers", countries: ["ISR", "JPN"] })).toHaveLength(1);
  });
  it("gives only the first country of a trip the trip's first day", () => {
    const later = d.events.filter((e) => e.type === "visit" && e.location !== "ISR" && e.date === "2023-11-03");
    expect(later).toEqual([]);
  });
  // EVENTS: "In Palestine, she met with ... in Ramallah" and "she paid a courtesy call on His Majesty King Abdullah II" are missed
  it("extracts meetings whose subject is a pronoun", () => {
    expect(matching(d, { type: "meeting", countries: ["JPN", "PSE"] })).toHaveLength(1);
    expect(matching(d, { type: "meeting", level: "other", countries: ["JOR", "JPN"] })).toHaveLength(1);
  });
});

describe("red team: Diplomatic Bluebook 2010 Summary (Hatoyama-Obama, a count, 'will mark', 'did not reach')", () => {
  const d = extractText("q03", Q03);
  it("reads the Summary edition", () => {
    expect([d.edition, d.summary, d.coveredYear]).toEqual([2010, true, 2009]);
  });
  it("extracts the summit in Tokyo and Obama's visit, counts six ministers' meetings, nothing else", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["JPN", "USA"], date: "2009-11", location: "JPN" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "USA"], date: "2009-11", location: "JPN" })).toHaveLength(1);
    expect(d.counts.map((c) => [c.level, c.countries, c.total])).toEqual([["foreign_ministers", ["JPN", "USA"], 6]]);
    expect(citing(d, "will mark its 50th anniversary")).toEqual([]);
    expect(citing(d, "did not reach an agreement")).toEqual([]);
  });
  it("resolves Clinton in 2009 to the Secretary of State", () => {
    expect(personNames(d)).toEqual(["Yukio Hatoyama", "Barack Obama", "Katsuya Okada", "Hillary Clinton"]);
  });
});

describe("red team: economic diplomacy 2018 (entries into force, rounds, working-level consultations, a plan)", () => {
  const d = extractText("q04", Q04);
  it("extracts the EPA signed in Tokyo and the working-level consultation in New Delhi, nothing for Mexico's plan", () => {
    expect(
      matching(d, { type: "agreement", countries: ["EU", "JPN"], status: "signed", date: "2018-07-17" }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "working_level",
        countries: ["IND", "JPN"],
        date: "2018-06",
        place: "New Delhi",
      }),
    ).toHaveLength(1);
    expect(citing(d, "will hold their next round")).toEqual([]);
    expect(d.organizations).toEqual(["CPTPP", "EU", "RCEP"]);
  });
  // COUNTS: "Negotiations on the RCEP continued; 4 rounds of negotiations were held in 2018." takes ["EU","JPN"]
  // from the sentence before; the parties are RCEP's (or Japan alone), never the EU
  it("does not borrow a count's parties from the sentence before", () => {
    const c = d.counts.find((x) => x.total === 4);
    expect(c?.countries).not.toContain("EU");
  });
  // (fixed; was a known defect) EVENTS: "the CPTPP entered into force on December 30" and "entered into force on February 1, 2019" (the EPA's
  // second event in one sentence) are missed
  it("extracts entries into force", () => {
    expect(matching(d, { type: "agreement", status: "entered_into_force", date: "2018-12-30" })).toHaveLength(1);
    expect(matching(d, { type: "agreement", status: "entered_into_force", date: "2019-02-01" })).toHaveLength(1);
  });
});

describe("red team readout: Mekong-Japan Foreign Ministers' Meeting by video conference", () => {
  const d = extractText("q05", Q05);
  it("extracts the meeting and names no person 'PDR'", () => {
    expect(matching(d, { type: "conference", date: "2020-07-09" })[0]?.organization).toBe("Mekong-Japan");
    expect(personNames(d)).toEqual(["Toshimitsu Motegi", "Prak Sokhonn"]);
    expect(d.countries).toEqual(["JPN", "KHM", "LAO", "MMR", "THA", "VNM"]);
  });
});

describe("red team: Diplomatic Bluebook 2012, North America (no country named for the U.S.)", () => {
  const d = extractText("q06", Q06);
  it("extracts the New York summit, Clinton's visit and the telephone talks of March", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["JPN", "USA"], date: "2011-09", place: "New York" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "USA"], date: "2011-04", location: "JPN" })).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", modality: "telephone", countries: ["JPN", "USA"], date: "2011-03-12" }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", modality: "telephone", countries: ["CAN", "JPN"], date: "2011-03" }),
    ).toHaveLength(1);
  });
  it("lists only the countries the text names, and the persons of 2011", () => {
    expect(d.countries).toEqual(["CAN", "JPN"]);
    expect(personNames(d)).toEqual([
      "Yoshihiko Noda",
      "Barack Obama",
      "Hillary Clinton",
      "Naoto Kan",
      "Takeaki Matsumoto",
      "Koichiro Gemba",
      "Stephen Harper",
    ]);
  });
  // (fixed; was a known defect) EVENTS: "... in New York in September and another in Honolulu in November" — the second summit ('another') is missed
  it("extracts 'and another in <city> in <month>'", () => {
    expect(matching(d, { type: "meeting", level: "summit", countries: ["JPN", "USA"], date: "2011-11" })).toHaveLength(
      1,
    );
  });
});

describe("red team readout: Japan-China Summit Meeting on the occasion of APEC", () => {
  const d = extractText("q07", Q07);
  it("extracts the summit in Beijing, the visit and APEC, and no event for 'since December 2011'", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        countries: ["CHN", "JPN"],
        date: "2014-11-10",
        place: "Beijing",
      }),
    ).toHaveLength(1);
    expect(matching(d, { type: "conference" })[0]?.organization).toBe("APEC");
    expect(d.events.filter((e) => e.date?.startsWith("2011"))).toEqual([]);
  });
});

describe("red team: Diplomatic Bluebook 2022, Russia (telephone talks, 'no summit ... in person', 'is scheduled')", () => {
  const d = extractText("q08", Q08);
  it("extracts the three telephone talks and nothing else", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "telephone",
        countries: ["JPN", "RUS"],
        date: "2021-01",
      }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "telephone",
        countries: ["JPN", "RUS"],
        date: "2021-10-07",
      }),
    ).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        modality: "telephone",
        countries: ["JPN", "RUS"],
        date: "2021-02",
      }),
    ).toHaveLength(1);
    expect(d.events).toHaveLength(3);
  });
  it("resolves both Prime Ministers of 2021", () => {
    expect(personNames(d)).toEqual([
      "Yoshihide Suga",
      "Vladimir Putin",
      "Fumio Kishida",
      "Toshimitsu Motegi",
      "Sergey Lavrov",
    ]);
  });
});
