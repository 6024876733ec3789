/**
 * Readouts the rules were not tuned on, written in the ministry's style (not copied): summit
 * meetings, telephone talks, video conferences, courtesy calls, working meals and a "2+2".
 * Each test states the events a fact-checker expects, plans and invitations excluded.
 */
import { describe, expect, it } from "vitest";
import type { ExtractedEvent } from "../../../src/model/types.js";
import { events } from "./events-helper.js";

/** type level modality [countries] date, the fields every event is matched on. */
function key(e: ExtractedEvent): string {
  return [e.type, e.level ?? "-", e.modality ?? "-", e.countries.join(","), e.date ?? "-"].join(" ");
}

const SUMMIT = `Japan-India Summit Meeting

September 1, 2014

On September 1, commencing at 6:00 p.m. for approximately 90 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with H.E. Mr. Narendra Modi, Prime Minister of the Republic of India, who is visiting Japan. The overview of the meeting is as follows.
1. At the outset, Prime Minister Abe welcomed Prime Minister Modi's visit to Japan.
2. The two leaders agreed to hold the next annual summit meeting in India. Prime Minister Abe accepted the invitation to visit India.`;

const PHONE = `Japan-Indonesia Foreign Ministers' Telephone Talk

April 2, 2021

On April 2, commencing at 5:00 p.m. for approximately 30 minutes, Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs of Japan, held a telephone talk with H.E. Ms. Retno L.P. Marsudi, Minister for Foreign Affairs of the Republic of Indonesia.
1. Minister Motegi stated that he looked forward to holding the Japan-Indonesia Foreign and Defense Ministerial Meeting ("2+2") at an early date.`;

const VIDEO = `Japan-Australia Summit Video Conference Meeting

May 13, 2020

On May 13, from 6:00 p.m. for about 45 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a video conference meeting with the Hon. Scott Morrison MP, Prime Minister of Australia.
1. The two leaders agreed to hold an in-person meeting once circumstances allow.`;

const COURTESY_HEAD = `Courtesy Call on Prime Minister Abe by the President of South Africa

October 24, 2019

On October 24, from 11:10 a.m. for approximately 15 minutes, Mr. Shinzo Abe, Prime Minister of Japan, received a courtesy call from H.E. Mr. Cyril Ramaphosa, President of the Republic of South Africa, who is visiting Japan to attend the Ceremony of the Enthronement.`;

const COURTESY_FM = `Courtesy Call on Prime Minister Kishida by the Foreign Minister of Peru

February 15, 2023

On February 15, commencing at 4:30 p.m. for approximately 20 minutes, Mr. Fumio Kishida, Prime Minister of Japan, received a courtesy call from H.E. Ms. Ana Cecilia Gervasi, Minister of Foreign Affairs of the Republic of Peru, who is visiting Japan.`;

const LUNCH = `Japan-Germany Foreign Ministers' Working Lunch

June 12, 2018

On June 12, commencing at 12:15 p.m. for approximately 70 minutes, Mr. Taro Kono, Minister for Foreign Affairs of Japan, held a working lunch with Mr. Heiko Maas, Federal Minister for Foreign Affairs of the Federal Republic of Germany, who is visiting Japan.
1. The two ministers agreed to hold the next Japan-Germany Foreign Ministers' Strategic Dialogue in Berlin.`;

const TWO_PLUS_TWO = `Japan-Australia Foreign and Defence Ministerial Consultations ("2+2")

December 9, 2022

On December 9, commencing at 10:30 a.m. for approximately 100 minutes, the Tenth Japan-Australia Foreign and Defence Ministerial Consultations ("2+2") was held in Tokyo.
1. The four ministers agreed to hold the next "2+2" in Australia.`;

const VTC = `Japan-U.S. Summit Video Teleconference Meeting

January 21, 2022

On January 21, commencing at 10:20 p.m. for approximately 80 minutes, Mr. KISHIDA Fumio, Prime Minister of Japan, held a Japan-U.S. Summit Video Teleconference Meeting with the Honorable Joseph R. Biden, Jr., President of the United States of America.
1. Prime Minister Kishida stated that he would like to invite President Biden to Japan for the Quad Leaders' Meeting this year.`;

describe("unseen readouts", () => {
  it("a summit with a visiting leader: the meeting and the visit, no planned summit, no invitation", () => {
    expect(events(SUMMIT, { date: "2014-09-01" }).map(key)).toEqual([
      "meeting summit in_person IND,JPN 2014-09-01",
      "visit - - IND,JPN 2014-09-01",
    ]);
  });

  it("a foreign ministers' telephone talk, not the 2+2 it looks forward to", () => {
    expect(events(PHONE, { date: "2021-04-02" }).map(key)).toEqual([
      "meeting foreign_ministers telephone IDN,JPN 2021-04-02",
    ]);
  });

  it("a video conference, not the in-person meeting agreed for later", () => {
    expect(events(VIDEO, { date: "2020-05-13" }).map(key)).toEqual(["meeting summit video AUS,JPN 2020-05-13"]);
  });

  it("'received a courtesy call from' a president: a summit-level meeting with both as participants", () => {
    const [m] = events(COURTESY_HEAD, { date: "2019-10-24" }).filter((e) => e.type === "meeting");
    expect(m && key(m)).toBe("meeting summit in_person JPN,ZAF 2019-10-24");
    expect(m?.participants).toEqual(["Shinzo Abe", "Cyril Ramaphosa"]);
  });

  it("a foreign minister's courtesy call on a prime minister: level other", () => {
    const [m] = events(COURTESY_FM, { date: "2023-02-15" }).filter((e) => e.type === "meeting");
    expect(m && key(m)).toBe("meeting other in_person JPN,PER 2023-02-15");
  });

  it("a working lunch of two foreign ministers is their meeting; the next strategic dialogue is a plan", () => {
    expect(events(LUNCH, { date: "2018-06-12" }).map(key)).toEqual([
      "meeting foreign_ministers in_person DEU,JPN 2018-06-12",
      "visit - - DEU,JPN 2018-06-12",
    ]);
  });

  it("a '2+2' held in Tokyo, not the next one in Australia", () => {
    const e = events(TWO_PLUS_TWO, { date: "2022-12-09" });
    expect(e.map(key)).toEqual(["meeting two_plus_two in_person AUS,JPN 2022-12-09"]);
    expect(e[0]?.place).toBe("Tokyo");
  });

  it("a summit video teleconference; an invitation is no visit", () => {
    expect(events(VTC, { date: "2022-01-21" }).map(key)).toEqual(["meeting summit video JPN,USA 2022-01-21"]);
  });

  it("a courtesy call from two ministers of different rank: level other, all three take part; the 2+2 they came for is no event of this readout", () => {
    const e = events(
      `Courtesy Call on Foreign Minister Kamikawa

July 28, 2024

On July 28, commencing at 9:00 a.m. for approximately 20 minutes, Ms. Yoko Kamikawa, Minister for Foreign Affairs, received a courtesy call from the Honorable Antony Blinken, Secretary of State of the United States of America, and the Honorable Lloyd Austin, Secretary of Defense, who were visiting Japan for the Japan-U.S. Security Consultative Committee ("2+2").`,
      { date: "2024-07-28" },
    );
    const meetings = e.filter((x) => x.type === "meeting");
    expect(meetings.map(key)).toEqual(["meeting other in_person JPN,USA 2024-07-28"]);
    expect(meetings[0]?.participants).toEqual(["Yoko Kamikawa", "Antony Blinken", "Lloyd Austin"]);
  });

  it("'held the 9th Japan-X Strategic Dialogue with' a vice-minister; a later 'Mr. X paid a courtesy call' keeps his office and the day", () => {
    const e = events(
      `Japan-China Strategic Dialogue

March 4, 2008

On March 4, Mr. Mitoji Yabunaka, Vice-Minister for Foreign Affairs, held the 9th Japan-China Strategic Dialogue with Mr. Dai Bingguo, Executive Vice Minister of Foreign Affairs of China, in Tokyo. Prior to the dialogue, Mr. Dai paid a courtesy call on Mr. Masahiko Koumura, Minister for Foreign Affairs.`,
      { date: "2008-03-04" },
    );
    expect(e.map(key)).toEqual([
      "meeting vice_ministerial in_person CHN,JPN 2008-03-04",
      "meeting other in_person CHN,JPN 2008-03-04",
    ]);
    expect(e[0]?.place).toBe("Tokyo");
  });

  it("a meeting 'during the G20 Osaka Summit' takes the city in the gathering's name", () => {
    const [m] = events(
      `Japan-Mexico Summit Meeting

June 28, 2019

On June 28, commencing at 3:00 p.m. for about 30 minutes, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with Mr. Andrés Manuel López Obrador, President of the United Mexican States, at the International Exhibition Center during the G20 Osaka Summit.`,
      { date: "2019-06-28" },
    );
    expect([m?.location, m?.place]).toEqual(["JPN", "Osaka"]);
  });

  it("the city at the end of the sentence of a visitor's meeting; 'then paid a courtesy call' is on the same day", () => {
    const e = events(
      `Japan-Cambodia Foreign Ministers' Meeting

January 9, 2024

On January 9, commencing at 10:00 a.m. for approximately 60 minutes, Ms. Yoko Kamikawa, Minister for Foreign Affairs of Japan, who is visiting Cambodia, held a meeting with H.E. Mr. Sok Chenda Sophea, Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation of the Kingdom of Cambodia, in Phnom Penh. Minister Kamikawa then paid a courtesy call on H.E. Mr. Hun Manet, Prime Minister of Cambodia.`,
      { date: "2024-01-09" },
    );
    const meetings = e.filter((x) => x.type === "meeting");
    expect(meetings.map((x) => [x.date, x.place ?? null])).toEqual([
      ["2024-01-09", "Phnom Penh"],
      ["2024-01-09", null],
    ]);
  });

  it("a tour readout: 'she' stands for the minister of the sentence before, 'In Jordan,' places the call, 'Minister X' keeps her office", () => {
    const e = events(
      `Foreign Minister Kamikawa Visits Southeast Asia

July 10, 2024

From July 10 to 12, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, visited Malaysia and Singapore. In Malaysia, Minister Kamikawa held a meeting with H.E. Mr. Mohamad Hasan, Minister of Foreign Affairs of Malaysia. In Singapore, she met with H.E. Dr. Vivian Balakrishnan, Minister for Foreign Affairs of Singapore. She then paid a courtesy call on H.E. Mr. Lawrence Wong, Prime Minister of Singapore.`,
      { date: "2024-07-10" },
    );
    const meetings = e.filter((x) => x.type === "meeting");
    expect(meetings.map((x) => `${x.level} ${x.countries.join(",")} ${x.location}`)).toEqual([
      "foreign_ministers JPN,MYS MYS",
      "foreign_ministers JPN,SGP SGP",
      "other JPN,SGP null",
    ]);
  });
});
