import { describe, expect, it } from "vitest";
import { brief, events } from "./events-helper.js";

const only = (text: string, type: string, opts?: { coveredYear?: number; date?: string }) =>
  events(text, opts)
    .filter((e) => e.type === type)
    .map(brief);

describe("meetings named by a party compound", () => {
  it("reads level, parties and date from 'the Japan-X Summit Meeting in <month>'", () => {
    const m = only(
      "At the Japan-Australia Summit Meeting in October, the two leaders confirmed cooperation.",
      "meeting",
    );
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ level: "summit", modality: "in_person", countries: ["AUS", "JPN"], date: "2022-10" });
  });

  it("reads modality from the meeting's name", () => {
    const [v] = only(
      "The Japan-India Summit Video Teleconference Meeting in March reaffirmed the partnership.",
      "meeting",
    );
    expect(v).toMatchObject({ level: "summit", modality: "video", countries: ["IND", "JPN"], date: "2022-03" });
    const [t] = only("The Japan-France Summit Telephone Talk in January covered Ukraine.", "meeting");
    expect(t).toMatchObject({ modality: "telephone", countries: ["FRA", "JPN"] });
  });

  it("knows 2+2, foreign ministers', vice-ministerial and economic 2+2 levels", () => {
    expect(
      only("In May, the Japan-Germany Foreign and Defense Ministers' Meeting (2+2) was held.", "meeting")[0],
    ).toMatchObject({
      level: "two_plus_two",
      countries: ["DEU", "JPN"],
      date: "2022-05",
    });
    expect(only("The Japan-Mexico Foreign Ministers' Meeting in June discussed trade.", "meeting")[0]?.level).toBe(
      "foreign_ministers",
    );
    expect(
      only("In July, the Japan-Peru Vice-Ministerial Consultations were held in Lima.", "meeting")[0],
    ).toMatchObject({
      level: "vice_ministerial",
      location: "PER",
      place: "Lima",
    });
  });

  it("sorts the parties of a trilateral compound and lets organizations stand as parties", () => {
    expect(only("The Japan-U.S.-ROK Summit Meeting in August was a milestone.", "meeting")[0]?.countries).toEqual([
      "JPN",
      "KOR",
      "USA",
    ]);
    expect(only("In July, the Japan-EU Summit was held in Brussels.", "meeting")[0]).toMatchObject({
      countries: ["EU", "JPN"],
      location: "BEL",
      place: "Brussels",
    });
  });

  it("does not take an alliance, a plan or an aggregate for a meeting", () => {
    expect(only("The Japan-U.S. Alliance is the linchpin of Japan's security.", "meeting")).toEqual([]);
    expect(only("The two leaders agreed to hold the next Japan-Chile Summit Meeting in Tokyo.", "meeting")).toEqual([]);
    expect(only("They coordinated toward the upcoming Japan-Brazil Summit Meeting.", "meeting")).toEqual([]);
    expect(only("Japan and Chile held eight summit meetings in 2022.", "meeting")).toEqual([]);
  });
});

describe("meetings stated with their participants", () => {
  it("reads 'A held a telephone talk with B' with both persons' ranks and countries", () => {
    const [m] = only(
      "In February, Prime Minister Fumio Kishida held a telephone talk with President Emmanuel Macron of France.",
      "meeting",
    );
    expect(m).toMatchObject({ level: "summit", modality: "telephone", countries: ["FRA", "JPN"], date: "2022-02" });
    expect(m?.participants).toEqual(expect.arrayContaining(["Fumio Kishida", "Emmanuel Macron"]));
  });

  it("gives 'other' to sides of different rank", () => {
    const [m] = only(
      "In March, Foreign Minister Yoshimasa Hayashi held a meeting with Prime Minister Anthony Albanese of Australia.",
      "meeting",
    );
    expect(m).toMatchObject({ level: "other", countries: ["AUS", "JPN"] });
  });

  it("reads a readout's main meeting with the date line's year", () => {
    const text =
      "Japan-Italy Relations\nJapan-Italy Foreign Ministers' Meeting\nMarch 3, 2019\nOn March 3, Mr. Taro Kono, Minister for Foreign Affairs, held a Japan-Italy Foreign Ministers' Meeting with Mr. Enzo Moavero Milanesi, Minister of Foreign Affairs of Italy. The overview is as follows.";
    const [m] = only(text, "meeting", { date: "2019-03-03" });
    expect(m).toMatchObject({ level: "foreign_ministers", countries: ["ITA", "JPN"], date: "2019-03-03" });
  });
});

describe("visits", () => {
  it("reads '<person> visited <country>' with the visitor's and host's countries", () => {
    const [v] = only("In April, Prime Minister Fumio Kishida visited Italy.", "visit");
    expect(v).toMatchObject({
      countries: ["ITA", "JPN"],
      date: "2022-04",
      location: "ITA",
      participants: ["Fumio Kishida"],
    });
  });

  it("names the city and its country", () => {
    const [v] = only("In June, President Joseph Biden visited Tokyo.", "visit");
    expect(v).toMatchObject({ countries: ["JPN", "USA"], location: "JPN", place: "Tokyo" });
  });

  it("reads possessive, 'by' and 'visits of A and B' forms", () => {
    expect(only("President Joseph Biden's visit to Japan in May strengthened the alliance.", "visit")[0]).toMatchObject(
      {
        countries: ["JPN", "USA"],
        date: "2022-05",
      },
    );
    expect(
      only("This included the visit to Germany by Prime Minister Fumio Kishida in April.", "visit")[0],
    ).toMatchObject({
      countries: ["DEU", "JPN"],
      date: "2022-04",
    });
    const two = only(
      "The year began with the visits of Prime Minister Fumio Kishida and Foreign Minister Yoshimasa Hayashi to India in March.",
      "visit",
    );
    expect(two).toHaveLength(1);
    expect(two[0]?.participants).toEqual(["Fumio Kishida", "Yoshimasa Hayashi"]);
  });

  it("makes one visit per host country", () => {
    const v = only("Prime Minister Fumio Kishida visited Italy in January and the UK in May.", "visit");
    expect(v.map((x) => [x.location, x.date])).toEqual([
      ["ITA", "2022-01"],
      ["GBR", "2022-05"],
    ]);
  });

  it("makes a visit and a meeting when the two leaders act together during it", () => {
    const e = events(
      "During Prime Minister Fumio Kishida's visit to India in March, the two leaders agreed to deepen ties.",
    );
    expect(e.map((x) => x.type).sort()).toEqual(["meeting", "visit"]);
    expect(e.find((x) => x.type === "meeting")).toMatchObject({ level: "summit", location: "IND", date: "2022-03" });
  });

  it("does not read plans or habits as visits", () => {
    expect(only("Prime Minister Fumio Kishida will visit Peru in May.", "visit")).toEqual([]);
    expect(only("The leaders of Japan and Chile visited each other frequently.", "visit")).toEqual([]);
    expect(only("The two ministers agreed that Foreign Minister Yoshimasa Hayashi would visit Peru.", "visit")).toEqual(
      [],
    );
  });
});

describe("agreements, policy releases and conferences", () => {
  it("reads signed, agreed in principle and released instruments with their names", () => {
    expect(only("In May, the two countries signed the Japan-Peru Tax Convention.", "agreement")[0]).toMatchObject({
      countries: ["JPN", "PER"],
      status: "signed",
      date: "2022-05",
    });
    const [a] = only(
      "The two Prime Ministers reached substantial agreement on the Japan-Chile Economic Partnership Agreement in June.",
      "agreement",
    );
    expect(a).toMatchObject({ status: "agreed_in_principle", countries: ["CHL", "JPN"] });
    expect(a?.title).toBe("Japan-Chile Economic Partnership Agreement");
  });

  it("reads a passive instrument and its parties from 'with'", () => {
    const [a] = only("Peru issued a joint statement in July with Chile and Brazil on regional stability.", "agreement");
    expect(a).toMatchObject({ countries: ["BRA", "CHL", "PER"], status: "released", date: "2022-07" });
    const [f] = only("The Japan-Mongolia EPA came into force in June.", "agreement");
    expect(f).toMatchObject({ status: "entered_into_force", countries: ["JPN", "MNG"] });
  });

  it("reads one government's strategies, coordinated by 'and its'", () => {
    const p = only(
      "Germany announced its China Strategy in July and its National Security Strategy in June.",
      "policy_release",
    );
    expect(p.map((x) => [x.title, x.countries, x.date])).toEqual([
      ["China Strategy", ["DEU"], "2022-07"],
      ["National Security Strategy", ["DEU"], "2022-06"],
    ]);
  });

  it("reads conferences that were attended or held, not those only named as an occasion", () => {
    const [c] = only("In June, Prime Minister Fumio Kishida attended the G7 Elmau Summit.", "conference");
    expect(c).toMatchObject({ organization: "G7", date: "2022-06", countries: [] });
    expect(
      only(
        "Foreign Minister Yoshimasa Hayashi had a talk with Foreign Minister Penny Wong on the occasion of the ASEAN Regional Forum in August.",
        "conference",
      ),
    ).toEqual([]);
  });
});

describe("one event per occurrence", () => {
  it("merges repeated mentions and keeps the more precise date", () => {
    const e = events(
      "The Japan-Chile Summit Meeting was held in Santiago. On May 4, the Japan-Chile Summit Meeting confirmed cooperation.",
    ).filter((x) => x.type === "meeting");
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ date: "2022-05-04", location: "CHL", place: "Santiago" });
  });

  it("cites the sentence that states the event", () => {
    const text = "Japan and Peru are partners. In April, Prime Minister Fumio Kishida visited Peru.";
    const [v] = events(text).filter((x) => x.type === "visit");
    expect(v?.evidence.text).toBe("In April, Prime Minister Fumio Kishida visited Peru.");
    expect(text.slice(v!.evidence.start, v!.evidence.end)).toBe(v?.evidence.text);
  });
});

describe("readouts", () => {
  it("gives the main meeting the date line's date when its sentence names none", () => {
    const text =
      "Japan-Chile Relations\nJapan-Chile Summit Meeting\nJune 5, 2019\nPrime Minister Shinzo Abe held a summit meeting with President Sebastián Piñera of Chile, who is visiting Japan. The overview is as follows.";
    const [m] = only(text, "meeting", { date: "2019-06-05" });
    expect(m).toMatchObject({ level: "summit", countries: ["CHL", "JPN"], date: "2019-06-05", location: "JPN" });
  });
});
