/**
 * Red-team passages in the style of the ministry's meeting readouts (summit meetings,
 * telephone talks, video conferences, courtesy calls, strategic dialogues, foreign
 * ministers' meetings), written for these tests, with what a careful annotator extracts
 * under ../shared/contract/EXTRACTION.md. `it.fails` marks a known events/dates defect:
 * it flips (and must then become `it`) when the defect is fixed.
 */
import { describe, expect, it } from "vitest";
import { citing, extractText, matching, personNames } from "./redteam-helper.js";

// Passages (the tests' own writing, in the readouts' style)
const P03 = `Japan-India Relations
Japan-India Summit Meeting
September 1, 2014
On September 1, commencing at 6:00 p.m. for approximately 90 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with H.E. Mr. Narendra Modi, Prime Minister of the Republic of India, who is visiting Japan. Following the meeting, the two leaders signed the Tokyo Declaration for Japan-India Special Strategic and Global Partnership. The overview of the meeting is as follows.
1. Prime Minister Abe welcomed Prime Minister Modi's visit to Japan as his first bilateral visit outside South Asia. Prime Minister Modi stated that he intends to visit Japan again next year.
2. The two leaders agreed to hold the annual summit meeting in India in 2015.
`;

const P04 = `Japan-Australia Relations
Japan-Australia Summit Telephone Talk
March 24, 2020
On March 24, commencing at 7:15 p.m. for approximately 20 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a telephone talk with the Hon. Scott Morrison MP, Prime Minister of Australia. The two leaders exchanged views on the response to the novel coronavirus disease (COVID-19).
Prime Minister Morrison expressed his appreciation for Japan's cooperation in the repatriation of Australian nationals from the cruise ship.
The two leaders confirmed that they will continue to work closely together, including at the G20.
`;

const P05 = `Courtesy Call on Foreign Minister Motegi by Mr. Antony Blinken, Secretary of State of the United States
March 16, 2021
On March 16, commencing at 10:15 a.m. for approximately 15 minutes, Mr. Toshimitsu Motegi, Minister for Foreign Affairs, received a courtesy call from the Honorable Antony Blinken, Secretary of State of the United States of America, and the Honorable Lloyd Austin, Secretary of Defense, who were visiting Japan for the Japan-U.S. Security Consultative Committee ("2+2").
Minister Motegi welcomed Secretary Blinken's first overseas trip as Secretary of State to Japan.
`;

const P06 = `Japan-EU Video Conference Summit Meeting
May 26, 2020
On May 26, commencing at 9:00 p.m. for approximately 60 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held the Japan-EU Summit Meeting via video conference with H.E. Mr. Charles Michel, President of the European Council, and H.E. Ms. Ursula von der Leyen, President of the European Commission.
The leaders welcomed the entry into force of the Japan-EU Economic Partnership Agreement (EPA) in February 2019 and confirmed their cooperation toward the G7 Summit.
`;

const P09 = `Japan-Russia Foreign Ministers' Telephone Talk
January 24, 2019
On January 24, from 6:30 p.m. for about 25 minutes, Mr. Taro Kono, Minister for Foreign Affairs of Japan, held a telephone talk with H.E. Mr. Sergey Lavrov, Minister of Foreign Affairs of the Russian Federation.
Minister Kono stated that he looked forward to the Japan-Russia Summit Meeting on January 22 in Moscow, and the two ministers confirmed that they would hold the next round of negotiations in February.
`;

const P12 = `Japan-China Vice-Ministerial Strategic Dialogue
June 10, 2011
On June 10, Mr. Kenichiro Sasae, Vice-Minister for Foreign Affairs, held the 12th Japan-China Strategic Dialogue with Mr. Zhang Zhijun, Executive Vice Minister of Foreign Affairs of China, in Tokyo. Prior to the dialogue, Mr. Zhang paid a courtesy call on Mr. Takeaki Matsumoto, Minister for Foreign Affairs.
The two sides agreed to hold the next dialogue in China at an early date.
`;

const P15 = `Japan-Canada Summit Meeting
June 27, 2019
On June 27, commencing at 5:30 p.m. for about 45 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Rt. Hon. Justin Trudeau, Prime Minister of Canada, at the Osaka International Convention Center during the G20 Osaka Summit. 
The two leaders welcomed the entry into force of the CPTPP and agreed to continue cooperation on a free and open Indo-Pacific. Prime Minister Trudeau invited Prime Minister Abe to visit Canada, and Prime Minister Abe said he would consider it.
`;

const P17 = `Japan-ASEAN Summit Meeting
November 13, 2017
On November 13, Mr. Shinzo Abe, Prime Minister of Japan, attended the 20th ASEAN-Japan Summit Meeting in Manila, the Philippines. The meeting was chaired by H.E. Mr. Rodrigo Roa Duterte, President of the Republic of the Philippines.
Prime Minister Abe stated that Japan will provide further support for ASEAN integration. The leaders adopted the Joint Statement on the 45th anniversary, and agreed to hold the next summit in Singapore.
`;

const P20 = `Japan-United States Relations
Japan-U.S. Summit Telephone Talk
November 12, 2020
On November 12, commencing at 8:00 a.m. for approximately 15 minutes, Mr. Yoshihide Suga, Prime Minister of Japan, held a telephone talk with the Honorable Joseph R. Biden, Jr., President-elect of the United States of America.
Prime Minister Suga congratulated President-elect Biden on his election. The two sides confirmed that they would meet at an early date.
`;

const P22 = `Japan-Viet Nam Foreign Ministers' Meeting
August 3, 2023
On August 3, commencing at 5:00 p.m. for approximately 50 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, who is visiting Viet Nam, held a meeting with H.E. Mr. Bui Thanh Son, Minister of Foreign Affairs of the Socialist Republic of Viet Nam, in Hanoi. Minister Hayashi then paid a courtesy call on H.E. Mr. Pham Minh Chinh, Prime Minister of Viet Nam.
The two ministers welcomed that Japan-Viet Nam relations will be upgraded, and Minister Son expressed his hope to visit Japan at an early date.
`;

const P24 = `Japan-Republic of Korea Summit Meeting
May 7, 2023
On May 7, from 4:00 p.m. for about 1 hour and 40 minutes, Mr. KISHIDA Fumio, Prime Minister of Japan, who is visiting the Republic of Korea, held a Japan-ROK Summit Meeting with H.E. Mr. YOON Suk Yeol, President of the Republic of Korea, at the Presidential Office. This was followed by a dinner hosted by President Yoon.
1. At the outset, President Yoon welcomed Prime Minister Kishida's visit, and Prime Minister Kishida stated that shuttle diplomacy had been fully restored. The two leaders confirmed that the Japan-ROK leaders' shuttle diplomacy would continue.
`;

describe("red team readout: Japan-India Summit Meeting (a declaration signed, intentions)", () => {
  const d = extractText("p03", P03);
  it("reads the date line", () => {
    expect([d.kind, d.date, d.edition]).toEqual(["readout", "2014-09-01", null]);
  });
  it("extracts the summit in Japan and the declaration signed, nothing for 'intends to visit' or 'agreed to hold'", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "in_person",
        countries: ["IND", "JPN"],
        date: "2014-09-01",
        location: "JPN",
      }),
    ).toHaveLength(1);
    expect(matching(d, { type: "agreement", status: "signed", date: "2014-09-01" })[0]?.title).toContain(
      "Tokyo Declaration",
    );
    expect(citing(d, "intends to visit Japan again")).toEqual([]);
    expect(citing(d, "agreed to hold the annual summit meeting in India")).toEqual([]);
    expect(d.events.filter((e) => e.date?.startsWith("2015"))).toEqual([]);
  });
  it("names the two Prime Ministers with their countries", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Shinzo Abe", "JPN"],
      ["Narendra Modi", "IND"],
    ]);
  });
});

describe("red team readout: Japan-Australia Summit Telephone Talk ('the Hon. X MP')", () => {
  const d = extractText("p04", P04);
  it("extracts one telephone summit and names Scott Morrison without 'MP'", () => {
    expect(d.events).toHaveLength(1);
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "telephone",
        countries: ["AUS", "JPN"],
        date: "2020-03-24",
      }),
    ).toHaveLength(1);
    expect(personNames(d)).toEqual(["Shinzo Abe", "Scott Morrison"]);
    expect(d.events[0]!.participants).toEqual(["Shinzo Abe", "Scott Morrison"]);
    expect(d.countries).toEqual(["AUS", "JPN"]);
  });
});

describe("red team readout: a courtesy call by two U.S. secretaries on the occasion of a 2+2", () => {
  const d = extractText("p05", P05);
  it("names the three persons, with roles that stop at the line break", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Toshimitsu Motegi", "JPN"],
      ["Antony Blinken", "USA"],
      ["Lloyd Austin", "USA"],
    ]);
    expect(d.persons[1]!.role).toBe("Secretary of State of the United States");
  });
  it("extracts one meeting on March 16", () => {
    expect(matching(d, { type: "meeting", countries: ["JPN", "USA"], date: "2021-03-16" })).toHaveLength(1);
  });
  it("does not give a courtesy call the level of the 2+2 it was on the occasion of", () => {
    const [e] = matching(d, { type: "meeting", countries: ["JPN", "USA"], date: "2021-03-16" });
    expect(e!.level).not.toBe("two_plus_two");
    expect(e!.participants).toEqual(expect.arrayContaining(["Antony Blinken", "Lloyd Austin"]));
  });
});

describe("red team readout: Japan-EU Summit by video conference", () => {
  const d = extractText("p06", P06);
  it("extracts one video summit with the EU as a party", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        modality: "video",
        countries: ["EU", "JPN"],
        date: "2020-05-26",
      }),
    ).toHaveLength(1);
  });
  it("names the EU's two presidents and no country for them", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Shinzo Abe", "JPN"],
      ["Charles Michel", null],
      ["Ursula von der Leyen", null],
    ]);
    expect(d.countries).toEqual(["JPN"]);
    expect(d.organizations).toEqual(["EU", "G7"]);
  });
});

describe("red team readout: Japan-Russia Foreign Ministers' Telephone Talk (a planned round)", () => {
  const d = extractText("p09", P09);
  it("extracts the telephone talk and no negotiation for 'would hold the next round'", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        modality: "telephone",
        countries: ["JPN", "RUS"],
        date: "2019-01-24",
      }),
    ).toHaveLength(1);
    expect(d.events.filter((e) => e.type === "negotiation")).toEqual([]);
    expect(personNames(d)).toEqual(["Taro Kono", "Sergey Lavrov"]);
  });
});

describe("red team readout: Japan-China Strategic Dialogue at vice-minister level, and a courtesy call", () => {
  const d = extractText("p12", P12);
  it("places the Vice-Minister for Foreign Affairs in Japan", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Kenichiro Sasae", "JPN"],
      ["Zhang Zhijun", "CHN"],
      ["Takeaki Matsumoto", "JPN"],
    ]);
  });
  it("makes no event of 'agreed to hold the next dialogue'", () => {
    expect(citing(d, "agreed to hold the next dialogue")).toEqual([]);
  });
  it("extracts the vice-ministerial strategic dialogue and the courtesy call", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "vice_ministerial",
        countries: ["CHN", "JPN"],
        date: "2011-06-10",
        place: "Tokyo",
      }),
    ).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", level: "other", countries: ["CHN", "JPN"], date: "2011-06-10" }),
    ).toHaveLength(1);
  });
});

describe("red team readout: Japan-Canada summit on the occasion of the G20 Osaka Summit (an invitation)", () => {
  const d = extractText("p15", P15);
  it("extracts one summit in Japan and no visit for an invitation", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["CAN", "JPN"], date: "2019-06-27" }),
    ).toHaveLength(1);
    expect(d.events.filter((e) => e.type === "visit")).toEqual([]);
    expect(d.organizations).toEqual(["CPTPP", "G20"]);
    expect(personNames(d)).toEqual(["Shinzo Abe", "Justin Trudeau"]);
  });
  it("locates a meeting held during a summit in a named Japanese city", () => {
    expect(matching(d, { type: "meeting", countries: ["CAN", "JPN"], location: "JPN" })).toHaveLength(1);
  });
});

describe("red team readout: ASEAN-Japan Summit Meeting (chaired by a host, the next summit)", () => {
  const d = extractText("p17", P17);
  it("extracts the summit with ASEAN in Manila and nothing in Singapore", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "summit",
        countries: ["ASEAN", "JPN"],
        date: "2017-11-13",
        location: "PHL",
        place: "Manila",
      }),
    ).toHaveLength(1);
    expect(d.events.filter((e) => e.location === "SGP")).toEqual([]);
  });
  it("names the chair by his canonical name", () => {
    expect(d.persons.map((p) => [p.name, p.country])).toEqual([
      ["Shinzo Abe", "JPN"],
      ["Rodrigo Duterte", "PHL"],
    ]);
  });
});

describe("red team readout: a telephone talk with a President-elect", () => {
  const d = extractText("p20", P20);
  it("extracts one telephone talk and nothing for 'would meet at an early date'", () => {
    expect(d.events).toHaveLength(1);
    expect(
      matching(d, { type: "meeting", modality: "telephone", countries: ["JPN", "USA"], date: "2020-11-12" }),
    ).toHaveLength(1);
  });
  it("names Joseph Biden as President-elect, not Vice President", () => {
    const biden = d.persons.find((p) => p.name === "Joseph Biden");
    expect(biden?.role).toBe("President-elect of the United States of America");
    expect(biden?.country).toBe("USA");
  });
});

describe("red team readout: Japan-Viet Nam Foreign Ministers' Meeting (a courtesy call after it, a hope to visit)", () => {
  const d = extractText("p22", P22);
  it("extracts the ministers' meeting in Viet Nam and the courtesy call on the Prime Minister", () => {
    expect(
      matching(d, {
        type: "meeting",
        level: "foreign_ministers",
        countries: ["JPN", "VNM"],
        date: "2023-08-03",
        location: "VNM",
      }),
    ).toHaveLength(1);
    expect(matching(d, { type: "meeting", level: "other", countries: ["JPN", "VNM"] })).toHaveLength(1);
    expect(d.events.filter((e) => e.type === "visit" && e.location === "JPN")).toEqual([]);
  });
  it("reads HAYASHI Yoshimasa in English order and the Vietnamese names family first", () => {
    expect(personNames(d)).toEqual(["Yoshimasa Hayashi", "Bui Thanh Son", "Pham Minh Chinh"]);
  });
  it("dates a courtesy call paid 'then' on the readout's day", () => {
    expect(
      matching(d, { type: "meeting", level: "other", countries: ["JPN", "VNM"], date: "2023-08-03" }),
    ).toHaveLength(1);
  });
  it("takes the city at the end of the opening sentence as the place", () => {
    expect(matching(d, { type: "meeting", level: "foreign_ministers", place: "Hanoi" })).toHaveLength(1);
  });
});

describe("red team readout: Japan-ROK Summit Meeting in the capitals convention", () => {
  const d = extractText("p24", P24);
  it("extracts the summit and the visit, nothing more", () => {
    expect(
      matching(d, { type: "meeting", level: "summit", countries: ["JPN", "KOR"], date: "2023-05-07", location: "KOR" }),
    ).toHaveLength(1);
    expect(matching(d, { type: "visit", countries: ["JPN", "KOR"], date: "2023-05-07" })).toHaveLength(1);
    expect(d.events).toHaveLength(2);
    expect(personNames(d)).toEqual(["Fumio Kishida", "Yoon Suk Yeol"]);
  });
});
