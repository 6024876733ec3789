import { describe, expect, it } from "vitest";
import { MemoryFreqSource } from "../../../src/analysis/freq.js";
import {
  keyness,
  logLikelihood,
  logRatio,
  newTerms,
  ParameterError,
  parseEditionSpec,
} from "../../../src/analysis/keyness.js";
import { doc } from "./helpers.js";

describe("statistics", () => {
  it("computes G2 as Rayson's calculator does", () => {
    // a=10 in 1000 words vs b=0 in 1000: E1 = 5, G2 = 2·10·ln(2) = 13.8629
    expect(logLikelihood(10, 0, 1000, 1000)).toBeCloseTo(20 * Math.log(2), 6);
    // equal relative frequencies: no keyness
    expect(logLikelihood(5, 10, 1000, 2000)).toBeCloseTo(0, 9);
    // a=50 in 10,000 vs b=20 in 20,000: E1 = 23.33, E2 = 46.67
    const e1 = (10000 * 70) / 30000;
    const e2 = (20000 * 70) / 30000;
    expect(logLikelihood(50, 20, 10000, 20000)).toBeCloseTo(2 * (50 * Math.log(50 / e1) + 20 * Math.log(20 / e2)), 9);
  });

  it("computes Hardie's log ratio with zeros replaced by 0.5", () => {
    expect(logRatio(20, 10, 1000, 1000)).toBeCloseTo(1, 9);
    expect(logRatio(10, 0, 1000, 1000)).toBeCloseTo(Math.log2(20), 9);
    expect(logRatio(10, 20, 1000, 2000)).toBeCloseTo(0, 9);
    expect(logRatio(5, 20, 1000, 2000)).toBeCloseTo(-1, 9);
  });

  it("parses edition selections and names the parameter when they are wrong", () => {
    expect(parseEditionSpec("2025")).toEqual({ from: 2025, to: 2025 });
    expect(parseEditionSpec("2014-2020", "reference")).toEqual({ from: 2014, to: 2020 });
    expect(parseEditionSpec("rest", "reference")).toBe("rest");
    expect(() => parseEditionSpec("2020-2014", "reference")).toThrow(/--reference/);
    try {
      parseEditionSpec("next year", "target");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParameterError);
      expect((e as ParameterError).parameter).toBe("target");
    }
  });
});

const pad = (n: number) => Array.from({ length: n }, (_, i) => `filler${i % 7}`).join(" ");
const corpus = [
  doc("e1", 2019, "North America", `The Asia-Pacific region is stable. The Asia-Pacific region grows. ${pad(60)}.`),
  doc("e2", 2021, "North America", `The Asia-Pacific region is stable. The alliance holds. ${pad(60)}.`),
  doc(
    "e3",
    2023,
    "North America",
    `A free and open Indo-Pacific. The free and open Indo-Pacific is our aim. Realize a free and open Indo-Pacific. The alliance holds. ${pad(50)}.`,
  ),
];

describe("keyness", () => {
  const src = new MemoryFreqSource(corpus);

  it("finds the words and phrases that set the target edition apart, with G2 and log ratio", () => {
    const r = keyness(src, { target: "2023", minFreq: 3, minG2: 3.84 });
    const terms = r.positive.map((k) => k.term);
    expect(terms).toContain("indo-pacific");
    expect(terms).toContain("open indo-pacific");
    const k = r.positive.find((x) => x.term === "indo-pacific")!;
    expect(k.target).toBe(3);
    expect(k.reference).toBe(0);
    expect(k.g2).toBeCloseTo(logLikelihood(3, 0, r.targetWords, r.referenceWords), 2);
    expect(k.logRatio).toBeGreaterThan(0);
    expect(r.referenceEditions).toEqual([2019, 2021]);
    // function words are not keywords on their own
    expect(terms).not.toContain("a");
  });

  it("lists what the target lacks as negative keywords", () => {
    const r = keyness(src, { target: "2023", reference: "2019-2021", minFreq: 3, minG2: 1 });
    expect(r.negative.map((k) => k.term)).toContain("asia-pacific");
    expect(r.negative.find((k) => k.term === "asia-pacific")!.logRatio).toBeLessThan(0);
  });

  it("the complement reference (rest) equals the explicit range of the other editions", () => {
    const a = keyness(src, { target: "2023", reference: "rest", minFreq: 1, minG2: 0, top: 1000 });
    const b = keyness(src, { target: "2023", reference: "2019-2021", minFreq: 1, minG2: 0, top: 1000 });
    expect(a.positive).toEqual(b.positive);
    expect(a.negative).toEqual(b.negative);
  });

  it("refuses a target with no edition, naming the parameter", () => {
    expect(() => keyness(src, { target: "1990" })).toThrow(/--target 1990/);
  });

  it("--new: terms absent from every earlier edition above the frequency floor", () => {
    const r = newTerms(src, { minFreq: 3 });
    expect(r.editions.map((e) => e.edition)).toEqual([2021, 2023]);
    const e2023 = r.editions.find((e) => e.edition === 2023)!.terms.map((t) => t.term);
    expect(e2023).toContain("indo-pacific");
    expect(e2023).toContain("free and open");
    // "alliance" first appears in 2021 (once): not new in 2023, and under the floor in 2021
    expect(e2023).not.toContain("alliance");
    expect(r.editions[0]!.terms.map((t) => t.term)).not.toContain("alliance");
  });

  it("merges possessive forms under one term, shown as its most frequent form", () => {
    const src2 = new MemoryFreqSource([
      doc("a", 2019, "S", `Canada grows. ${pad(40)}.`),
      doc("b", 2021, "S", `Canada's role. Canada's aim. Canada's part. Canada acts. ${pad(40)}.`),
    ]);
    const r = keyness(src2, { target: "2021", minFreq: 3, minG2: 0, top: 100 });
    const canada = r.positive.filter((k) => k.term.startsWith("canada"));
    expect(canada.map((k) => [k.term, k.target, k.reference])).toEqual([["canada's", 4, 1]]);
    const fresh = newTerms(src2, { minFreq: 3 }).editions[0]!.terms.map((t) => t.term);
    expect(fresh).not.toContain("canada's");
  });
});
