/**
 * Red-team sentences that state no event: cancellations, postponements, proposals, hopes,
 * invitations, decisions to hold, expectations, conditionals, negations, habits and plans,
 * each inside a Diplomatic Bluebook 2019 section (covering 2018). Written for these tests.
 * `it.fails` marks a known events/counts defect: it flips when the defect is fixed.
 */
import { describe, expect, it } from "vitest";
import { extractText } from "./redteam-helper.js";

const frame = (sentence: string) => `Diplomatic Bluebook 2019\nChapter 2\nSection 1 Asia and Oceania\n\n${sentence}\n`;

const NON_EVENTS = [
  "The Japan-China Summit Meeting scheduled for December was cancelled.",
  "The visit of Prime Minister Abe to India planned for December was postponed due to the situation in Assam.",
  "Prime Minister Abe proposed holding a Japan-China-ROK Summit Meeting in Tokyo at an early date.",
  "President Moon expressed his hope to visit Japan in the near future.",
  "Prime Minister Abe invited President Putin to visit Japan in 2019, and President Putin accepted the invitation.",
  "The two leaders decided to hold the Japan-Russia Summit Meeting in Osaka in June 2019.",
  "Foreign Minister Kono looked forward to meeting Foreign Minister Wang Yi in Beijing.",
  "If the situation allows, Prime Minister Abe would visit the ROK.",
  "Japan and the ROK have not held a bilateral summit visit since 2011.",
  "Prime Minister Abe did not attend the ceremony in Pyeongchang.",
  "Foreign Minister Kono had been expected to visit Iran in December, but the visit was called off.",
  'Japan and India agreed to launch the "2+2" Ministerial Dialogue.',
  "Japan will host the G20 Osaka Summit in June 2019.",
  "Negotiations on the Japan-China-ROK FTA are expected to accelerate.",
  "The leaders of Japan and Australia usually meet on the margins of international conferences.",
  "Japan and Mongolia intend to sign the agreement next year.",
];

describe("red team: sentences that state no event", () => {
  it.each(NON_EVENTS)("%s", (sentence) => {
    const d = extractText("nonevent", frame(sentence));
    expect(d.events).toEqual([]);
  });

  // EVENTS: a habit ("has held summit meetings with Australia almost every year since 2007") becomes a summit
  // meeting dated 2018, a meeting the text does not report
  it("makes no event of a habit stated in the present perfect", () => {
    const d = extractText(
      "habit",
      frame("Japan has held summit meetings with Australia almost every year since 2007."),
    );
    expect(d.events).toEqual([]);
  });

  // COUNTS: "have met more than 30 times" is a running total since they took office, not 2018's count:
  // the period should not be the covered year
  it("gives a running total no period of the covered year", () => {
    const d = extractText(
      "total",
      frame("Prime Minister Abe and President Trump have met more than 30 times, including telephone talks."),
    );
    expect(d.events).toEqual([]);
    expect(d.counts[0]?.period).not.toEqual({ start: "2018-01", end: "2018-12" });
  });
});
