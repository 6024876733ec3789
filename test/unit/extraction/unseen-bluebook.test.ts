/**
 * Bluebook paragraphs of several editions and regions the rules were not tuned on, written in the
 * Bluebook's style (not copied). Each test lists what a fact-checker expects: what took place, with
 * its parties and date; plans, invitations, habits, hypotheticals and history left out.
 */
import { describe, expect, it } from "vitest";
import type { ExtractedEvent } from "../../../src/model/types.js";
import { events } from "./events-helper.js";

function key(e: ExtractedEvent): string {
  const head = [e.type, e.level ?? "-", e.countries.join(",") || "-", e.date ?? "-"].join(" ");
  return e.title ? `${head} ${e.status ?? "-"} ${e.title}` : head;
}

describe("unseen Bluebook paragraphs", () => {
  it("Africa 2019: a meeting 'on the margins' of the conference before it takes its date and place", () => {
    const e = events(
      "(3) Kenya\nIn August, TICAD 7 was held in Yokohama. On the margins, Prime Minister Shinzo Abe held a summit meeting with President Uhuru Kenyatta of Kenya.",
      { coveredYear: 2019 },
    );
    expect(e.map(key)).toEqual(["conference - - 2019-08 - TICAD 7", "meeting summit JPN,KEN 2019-08"]);
    expect([e[1]?.location, e[1]?.place]).toEqual(["JPN", "Yokohama"]);
  });

  it("an exchange of notes signed in a partner's capital: the host is the other party", () => {
    expect(
      events(
        "In December, the Exchange of Notes concerning a yen loan for the Mombasa port development project was signed in Nairobi.",
        { coveredYear: 2019 },
      ).map(key),
    ).toEqual(["agreement - JPN,KEN 2019-12 signed Exchange of Notes concerning a yen loan"]);
  });

  it("'Japan and Kenya signed': both subjects are parties", () => {
    expect(
      events("In March, Japan and Kenya signed the Exchange of Notes concerning grant aid.", { coveredYear: 2019 }).map(
        (x) => x.countries.join(","),
      ),
    ).toEqual(["JPN,KEN"]);
  });

  it("a bilateral instrument whose other party the text does not give is left out", () => {
    expect(events("In May, the Exchange of Notes concerning a grant was signed.", { coveredYear: 2019 })).toEqual([]);
  });

  it("Europe 2018: two agreements signed together are two events, signing and entry into force two steps", () => {
    expect(
      events(
        "In July, the Japan-EU Summit was held in Tokyo, and the Japan-EU Economic Partnership Agreement and the Japan-EU Strategic Partnership Agreement were signed. The Japan-EU EPA entered into force in February 2019.",
        { coveredYear: 2018 },
      ).map(key),
    ).toEqual([
      "meeting summit EU,JPN 2018-07",
      "agreement - EU,JPN 2018-07 signed Japan-EU Economic Partnership Agreement",
      "agreement - EU,JPN 2018-07 signed Japan-EU Strategic Partnership Agreement",
      "agreement - EU,JPN 2019-02 entered_into_force Japan-EU EPA",
    ]);
  });

  it("vice-ministerial and director-general level consultations, 'between A and B' before 'were held'", () => {
    expect(
      events(
        "In February, the Japan-Philippines Vice-Ministerial Strategic Dialogue was held in Manila. In June, director-general-level consultations between Japan and Mongolia were held in Tokyo.",
        { coveredYear: 2014 },
      ).map(key),
    ).toEqual(["meeting vice_ministerial JPN,PHL 2014-02", "meeting working_level JPN,MNG 2014-06"]);
  });

  it("a named dialogue held by a vice-minister is at his rank; 'in early March' after a sentence of 2010", () => {
    const e = events(
      "In January 2010, Foreign Minister Katsuya Okada visited Australia and held a foreign ministers' meeting with Foreign Minister Stephen Smith. In early March, Vice-Minister for Foreign Affairs Kenichiro Sasae held the Japan-China Strategic Dialogue in Beijing.",
      { coveredYear: 2010 },
    );
    expect(e.map(key)).toEqual([
      "meeting foreign_ministers AUS,JPN 2010-01",
      "visit - AUS,JPN 2010-01",
      "meeting vice_ministerial CHN,JPN 2010-03",
    ]);
    expect(e[2]?.place).toBe("Beijing");
  });

  it("conferences joined by 'and' share the verb; a city in the name is the place", () => {
    const e = events(
      "In May, Prime Minister Kishida hosted the G7 Hiroshima Summit. In September, Prime Minister Kishida attended the United Nations General Assembly in New York and the G20 New Delhi Summit in India.",
      { coveredYear: 2023 },
    );
    expect(e.map((x) => [x.organization, x.date, x.location, x.place])).toEqual([
      ["G7", "2023-05", "JPN", "Hiroshima"],
      ["UNGA", "2023-09", "USA", "New York"],
      ["G20", "2023-09", "IND", "New Delhi"],
    ]);
  });

  it("'The following month, he visited ...': the subject and month of the sentence before", () => {
    const e = events(
      "From March 3 to 5, Foreign Minister Kishida visited Brazil. The following month, he visited Argentina and held a foreign ministers' meeting with Foreign Minister Héctor Timerman.",
      { coveredYear: 2014 },
    );
    expect(e.map(key)).toEqual([
      "visit - BRA,JPN 2014-03-03",
      "meeting foreign_ministers ARG,JPN 2014-04",
      "visit - ARG,JPN 2014-04",
    ]);
    expect(e[2]?.participants).toEqual(["Fumio Kishida"]);
  });

  it("'In the same month' keeps the month; with no month before, nothing is guessed", () => {
    const same = events(
      "In October, Prime Minister Abe visited Mongolia. In the same month, Foreign Minister Kishida visited Peru.",
      { coveredYear: 2015 },
    );
    expect(same.map(key)).toEqual(["visit - JPN,MNG 2015-10", "visit - JPN,PER 2015-10"]);
    const none = events("The following month, Foreign Minister Kishida visited Peru.", { coveredYear: 2015 });
    expect(none.map(key)).toEqual(["visit - JPN,PER 2015"]);
  });

  it("history, anniversaries, invitations and plans around one real visit", () => {
    expect(
      events(
        "Since the 1956 Joint Declaration, Japan and Russia have continued negotiations on a peace treaty. The year 2016 marked the 60th anniversary of the restoration of diplomatic relations between Japan and the Soviet Union. Japan invited President Vladimir Putin to visit Japan, and President Putin accepted the invitation. In December, President Putin visited Japan and held a summit meeting with Prime Minister Abe in Nagato.",
        { coveredYear: 2016 },
      ).map(key),
    ).toEqual(["meeting summit JPN,RUS 2016-12", "visit - JPN,RUS 2016-12"]);
  });
});

describe("unseen trips and dates", () => {
  it("every country of a long trip, the first day only for the first country", () => {
    const e = events(
      "Prime Minister Abe visited Ghana, Côte d'Ivoire, Ethiopia, Kenya, Mozambique and South Africa from January 9 to January 15.",
      { coveredYear: 2017 },
    );
    expect(e.map((x) => `${x.location} ${x.date}`)).toEqual([
      "GHA 2017-01-09",
      "CIV 2017-01",
      "ETH 2017-01",
      "KEN 2017-01",
      "MOZ 2017-01",
      "ZAF 2017-01",
    ]);
  });

  it("a trip across two months gives the later countries the year alone", () => {
    const e = events("Foreign Minister Kishida visited Peru, Chile and Argentina from April 28 to May 4.", {
      coveredYear: 2016,
    });
    expect(e.map((x) => `${x.location} ${x.date}`)).toEqual(["PER 2016-04-28", "CHL 2016", "ARG 2016"]);
  });

  it("'Mongolia and the five Central Asian countries of A, B, ...': one visit per country, all in the month", () => {
    const e = events(
      "In October, Prime Minister Shinzo Abe visited Mongolia and the five Central Asian countries of Turkmenistan, Tajikistan, Uzbekistan, Kyrgyzstan and Kazakhstan.",
      { coveredYear: 2015 },
    );
    expect(e.map((x) => `${x.location} ${x.date}`)).toEqual([
      "MNG 2015-10",
      "TKM 2015-10",
      "TJK 2015-10",
      "UZB 2015-10",
      "KGZ 2015-10",
      "KAZ 2015-10",
    ]);
  });

  it("stops dated apart keep their own dates", () => {
    expect(
      events("Prime Minister Noda visited the U.S. in April and the UK in June.", { coveredYear: 2012 }).map(
        (x) => `${x.location} ${x.date}`,
      ),
    ).toEqual(["USA 2012-04", "GBR 2012-06"]);
  });

  it("the year of a plan does not date the next sentence's month; a telephone talk has no visit's place", () => {
    const e = events(
      "President Lula is scheduled to make a State Visit to Japan in 2025. Foreign Minister Kamikawa held a telephone talk with Foreign Minister Mauro Vieira of Brazil in March and a meeting in May when he visited Japan.",
      { coveredYear: 2024 },
    );
    const call = e.find((x) => x.modality === "telephone");
    expect([call?.date, call?.location ?? null]).toEqual(["2024-03", null]);
    expect(e.filter((x) => x.date?.startsWith("2025"))).toEqual([]);
  });

  it("'A and B held their first \"2+2\"'; a summit 'was attended by' the Prime Minister", () => {
    const e = events(
      'Japan and Indonesia held their first "2+2" in March. The NATO Summit in Vilnius in July was attended by Prime Minister Kishida.',
      { coveredYear: 2023 },
    );
    expect(e.map((x) => `${x.type} ${x.level ?? x.organization} ${x.countries.join(",")} ${x.date}`)).toEqual([
      "meeting two_plus_two IDN,JPN 2023-03",
      "conference NATO  2023-07",
    ]);
  });
});

describe("unseen 'met' without an object", () => {
  it("'A and B met on the occasion of X'; 'the two leaders met again at Y' after a call", () => {
    const e = events(
      "President Macron and Prime Minister Kishida met on the occasion of the G20 Bali Summit in November. Prime Minister Kishida held a telephone talk with President Biden in January, and the two leaders met again at the G7 Hiroshima Summit in May.",
      { coveredYear: 2022 },
    );
    expect(e.map((x) => `${x.level} ${x.modality} ${x.countries.join(",")} ${x.date} ${x.place ?? "-"}`)).toEqual([
      "summit in_person FRA,JPN 2022-11 Bali",
      "summit telephone JPN,USA 2022-01 -",
      "summit in_person JPN,USA 2022-05 Hiroshima",
    ]);
  });

  it("'met on three occasions' is a count, not a meeting", () => {
    expect(
      events("President Macron and Prime Minister Kishida met on three occasions.", { coveredYear: 2022 }),
    ).toEqual([]);
  });
});

describe("unseen negotiation rounds", () => {
  it("'the first round of the Japan-X investment agreement negotiations was held', dated by the opening month", () => {
    const e = events(
      "In November, the first round of the Japan-Oman investment agreement negotiations was held in Muscat.",
      { coveredYear: 2013 },
    );
    expect(e.map((x) => `${x.type} ${x.countries.join(",")} ${x.date} ${x.place} ${x.title}`)).toEqual([
      "negotiation JPN,OMN 2013-11 Muscat Japan-Oman investment agreement",
    ]);
  });

  it("'the Japan-X EPA negotiations continued, with the 3rd round held in Tokyo in May'; a planned round is none", () => {
    const e = events(
      "The Japan-Mongolia EPA negotiations continued, with the 3rd round held in Tokyo in May. Japan and Mongolia will hold the next round of negotiations in Ulaanbaatar.",
      { coveredYear: 2012 },
    );
    expect(e.map((x) => `${x.type} ${x.countries.join(",")} ${x.date} ${x.title}`)).toEqual([
      "negotiation JPN,MNG 2012-05 Japan-Mongolia EPA",
    ]);
  });
});

describe("unseen later steps of one instrument", () => {
  it("'was signed on A and entered into force on B': two events, each with its own date", () => {
    const e = events(
      "The Japan-Australia EPA was signed on July 8 in Canberra and entered into force on January 15, 2015.",
      { coveredYear: 2014 },
    );
    expect(e.map((x) => `${x.countries.join(",")} ${x.status} ${x.date}`)).toEqual([
      "AUS,JPN signed 2014-07-08",
      "AUS,JPN entered_into_force 2015-01-15",
    ]);
  });

  it("'agreed in principle on X, which was signed in October': the signing's month is not the agreement's", () => {
    const e = events(
      "The two ministers agreed in principle on the Japan-Mongolia Economic Partnership Agreement, which was signed in Tokyo in February.",
      { coveredYear: 2015 },
    );
    expect(e.map((x) => `${x.status} ${x.date}`)).toEqual(["agreed_in_principle 2015", "signed 2015-02"]);
  });
});

describe("a meeting in the sentence after a visit", () => {
  it("the visitor and the host meet on that visit: its month and place; the statement they issue shares it", () => {
    const e = events(
      "In July, General Secretary Nguyen Phu Trong visited Japan. Prime Minister Abe and General Secretary Trong held a meeting and issued the Joint Vision Statement on Japan-Viet Nam Relations. Prime Minister Abe plans to visit Viet Nam next year.",
      { coveredYear: 2015 },
    );
    expect(e.map((x) => `${x.type} ${x.countries.join(",")} ${x.date} ${x.location ?? "-"}`)).toEqual([
      "visit JPN,VNM 2015-07 JPN",
      "meeting JPN,VNM 2015-07 JPN",
      "agreement JPN,VNM 2015-07 -",
    ]);
  });

  it("a meeting of other people, or one dated in its own sentence, keeps its own date", () => {
    const e = events(
      "In July, General Secretary Nguyen Phu Trong visited Japan. In September, Prime Minister Abe and President Truong Tan Sang held a meeting in New York.",
      { coveredYear: 2015 },
    );
    expect(e.filter((x) => x.type === "meeting").map((x) => `${x.date} ${x.location}`)).toEqual(["2015-09 USA"]);
  });
});

describe("unseen non-events", () => {
  const NONE = [
    "Japan and Chile agreed to hold a summit meeting at an early date.",
    "The Prime Minister of Japan is scheduled to visit Brazil in the first half of next year.",
    "Japan hopes to conclude the Japan-Turkey EPA at an early date.",
    "Leaders of Japan and Thailand have visited each other frequently.",
    "Had the pandemic not intervened, the Japan-Mongolia summit meeting would have been held in Ulaanbaatar.",
    "The Japan-Mongolia Summit Meeting, originally planned for April, was postponed.",
    "The Japan-Peru Foreign Ministers' Meeting was to have been held in Lima in March.",
    "Japan has not held a summit meeting with the DPRK since 2004.",
    "The two ministers agreed to hold the next meeting in Tokyo.",
    "Prime Minister Abe accepted the invitation to visit India.",
    "Prime Minister Abe plans to visit Viet Nam next year.",
    "The Republic of Korea is expected to release its own Indo-Pacific strategy soon.",
    "The Central Asia plus Japan Dialogue has been held since 2004.",
    "Japan has held foreign ministers' meetings with Germany nearly every year since 2010.",
    "The Japan-India Summit Meeting is held annually, alternately in Tokyo and New Delhi.",
    "Prime Minister Kishida held summit meetings with the leaders of the Pacific Island countries.",
  ];
  for (const s of NONE) {
    it(s, () => {
      expect(events(s, { coveredYear: 2021 }).map(key)).toEqual([]);
    });
  }
});
