import { describe, expect, it } from "vitest";
import { MemoryFreqSource } from "../../../src/analysis/freq.js";
import { countTerm, normalizeForMatch, TermError, termTokens, tokenize, words } from "../../../src/analysis/text.js";
import { trends } from "../../../src/analysis/trends.js";
import { doc } from "./helpers.js";

describe("matching", () => {
  it("treats dash, quote and case variants as the same token", () => {
    const want = termTokens("Asia-Pacific");
    expect(countTerm("The Asia–Pacific region, the ASIA-PACIFIC and the asia—pacific.", want)).toBe(3);
    expect(countTerm("Japan’s ally and Japan's ally", termTokens("Japan's ally"))).toBe(2);
  });

  it("counts possessives for a bare word but not other words that begin with it", () => {
    expect(countTerm("Japan's diplomacy and Japan and Japanese firms.", termTokens("Japan"))).toBe(2);
  });

  it("keeps normalisation length-preserving so offsets stay valid", () => {
    const text = "The Japan–U.S. Alliance is “the linchpin”.";
    expect(normalizeForMatch(text)).toHaveLength(text.length);
    const t = tokenize(text).find((x) => x.text === "linchpin")!;
    expect(text.slice(t.start, t.end)).toBe("linchpin");
  });

  it("keeps dotted abbreviations and hyphenated words whole", () => {
    expect(words("The U.S. and the Indo-Pacific")).toEqual(["the", "u.s.", "and", "the", "indo-pacific"]);
  });

  it("rejects a term with no words", () => {
    expect(() => termTokens(" -- ")).toThrow(TermError);
  });
});

// Edition 2020: 100 words, "Indo-Pacific" twice. Edition 2021: 100 words, four times.
const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
const docs = [
  doc("a", 2020, "North America", `The Indo-Pacific matters. The Indo–Pacific is open. ${filler(93)}.`),
  doc(
    "b",
    2021,
    "North America",
    `The Indo-Pacific matters. The Indo-Pacific is open. The INDO-PACIFIC is free. The indo-pacific grows. ${filler(86)}.`,
  ),
  doc("c", 2021, "Europe", `Europe and the Asia-Pacific. ${filler(16)}.`),
  doc("r", null, "Japan-Canada Relations", "The Indo-Pacific readout.", "readout"),
];

describe("trends", () => {
  it("gives the exact JSON shape with counts and per-10k frequencies per edition", () => {
    const r = trends(new MemoryFreqSource(docs), ["Indo-Pacific"], { section: "North America" });
    expect(r).toEqual({
      terms: [
        {
          term: "Indo-Pacific",
          series: [
            { edition: 2020, count: 2, per10k: 200 },
            { edition: 2021, count: 4, per10k: 400 },
          ],
        },
      ],
    });
  });

  it("shows a term that doubles between two editions, and zeros where it is absent", () => {
    const r = trends(new MemoryFreqSource(docs), ["Indo-Pacific", "Asia-Pacific"]);
    const indo = r.terms[0]!.series;
    expect(indo.map((p) => p.count)).toEqual([2, 4]);
    const asia = r.terms[1]!.series;
    expect(asia).toEqual([
      { edition: 2020, count: 0, per10k: 0 },
      { edition: 2021, count: 1, per10k: expect.closeTo(10000 / 120, 2) },
    ]);
  });

  it("splits series by section with --by-section", () => {
    const r = trends(new MemoryFreqSource(docs), ["Asia-Pacific"], { bySection: true });
    expect(r.terms.map((t) => [t.section, t.series.map((p) => p.edition)])).toEqual([
      ["Europe", [2021]],
      ["North America", [2020, 2021]],
    ]);
    expect(r.terms[0]!.series[0]!.count).toBe(1);
  });

  it("counts phrases edged by function words (not in the n-gram table) by scanning", () => {
    const d = [doc("x", 2019, "S", "It is the linchpin. The linchpin holds. A linchpin.")];
    expect(trends(new MemoryFreqSource(d), ["the linchpin"]).terms[0]!.series[0]!.count).toBe(2);
  });
});
