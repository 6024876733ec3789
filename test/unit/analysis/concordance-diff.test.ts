import { describe, expect, it } from "vitest";
import { collocates, collocatesInDocs, concordance, locatedSentences } from "../../../src/analysis/concordance.js";
import { diffEditions, diffSentences, wordChanges } from "../../../src/analysis/diff.js";
import { words } from "../../../src/analysis/text.js";
import { doc } from "./helpers.js";

const docs = [
  doc("na-2016", 2016, "North America", "The United States is Japan's sole ally. Canada is a partner."),
  doc("na-2019", 2019, "North America", "The United States is Japan's only ally. The ally is close."),
];

describe("concordance", () => {
  it("gives KWIC lines with offsets into the document", () => {
    const r = concordance(locatedSentences(docs), "ally");
    expect(r.total).toBe(3);
    const first = r.lines[0]!;
    expect(first).toMatchObject({ documentKey: "na-2016", match: "ally", left: "The United States is Japan's sole " });
    const text = "The United States is Japan's sole ally. Canada is a partner.";
    expect(text.slice(first.start, first.end)).toBe("ally");
  });

  it("sorts by the words to the left, nearest first, or to the right", () => {
    const left = concordance(locatedSentences(docs), "ally", { sort: "left" }).lines.map((l) => l.left.trim());
    // nearest left words: "only", "sole", "the" -> alphabetical
    expect(left).toEqual(["The United States is Japan's only", "The United States is Japan's sole", "The"]);
    const right = concordance(locatedSentences(docs), "ally", { sort: "right" }).lines.map((l) => l.right);
    expect(right[0]).toBe("."); // no words sort first
    expect(right.at(-1)).toBe(" is close.");
  });

  it("counts every occurrence while returning only `limit` lines", () => {
    const r = concordance(locatedSentences(docs), "ally", { limit: 1 });
    expect(r.total).toBe(3);
    expect(r.lines).toHaveLength(1);
    const sorted = concordance(locatedSentences(docs), "ally", { limit: 1, sort: "left" });
    expect(sorted.lines[0]!.left).toBe("The United States is Japan's only ");
    expect(sorted.sortedOf).toBeUndefined();
  });

  it("clips the context to the width", () => {
    const r = concordance(locatedSentences(docs), "ally", { width: 5 });
    expect(r.lines[0]!.left).toBe("sole ");
  });
});

describe("collocates", () => {
  it("computes log-Dice and MI from f(x), f(y), f(xy)", () => {
    const sents = [words("open free ally"), words("free ally"), words("ally"), words("free")];
    const fy = { free: 3, open: 1 } as Record<string, number>;
    const r = collocates(sents, "ally", { freq: (w) => fy[w] ?? 0, size: 100 }, { minFreq: 1 });
    expect(r.fx).toBe(3);
    const free = r.collocates.find((c) => c.word === "free")!;
    expect(free.fxy).toBe(2);
    expect(free.logDice).toBeCloseTo(14 + Math.log2((2 * 2) / (3 + 3)), 2);
    expect(free.mi).toBeCloseTo(Math.log2((2 * 100) / (3 * 3)), 2);
  });

  it("respects the window and leaves out function words by default", () => {
    const d = [doc("x", 2020, "S", "Alpha beta gamma delta the ally epsilon. The ally rests.")];
    const r = collocatesInDocs(d, "ally", { window: 1, minFreq: 1 });
    expect(r.collocates.map((c) => c.word).sort()).toEqual(["epsilon", "rests"]);
  });
});

describe("diff", () => {
  it("labels unchanged, reworded (with the word change), added and removed sentences", () => {
    const r = diffEditions(docs, "north america", 2016, 2019);
    expect(r.rows.map((x) => x.op)).toEqual(["reworded", "removed", "added"]);
    expect(r.rows[0]!.changes!.map((c) => c.summary)).toEqual(['"sole ally" -> "only ally"']);
    expect(r.rows[1]!.old!.text).toBe("Canada is a partner.");
    expect(r.rows[2]!.new!.text).toBe("The ally is close.");
    expect(r.summary).toEqual({ unchanged: 0, reworded: 1, added: 1, removed: 1 });
  });

  it("anchors on identical sentences and keeps order", () => {
    const s = (texts: string[]) =>
      texts.map((text, index) => ({ documentKey: "k", index, start: 0, end: text.length, text }));
    const a = s(["Alpha is here.", "Japan and Canada held three summit meetings.", "Omega ends it."]);
    const b = s([
      "Alpha is here.",
      "A new sentence appears.",
      "Japan and Canada held four summit meetings.",
      "Omega ends it.",
    ]);
    const rows = diffSentences(a, b);
    expect(rows.map((r) => r.op)).toEqual(["unchanged", "added", "reworded", "unchanged"]);
    expect(rows[2]!.changes![0]!.summary).toBe('"three summit" -> "four summit"');
  });

  it("aligns sections too large for one table by anchoring on identical sentences", () => {
    const make = (texts: string[]) =>
      texts.map((text, index) => ({ documentKey: "k", index, start: 0, end: text.length, text }));
    const base = Array.from({ length: 2100 }, (_, i) => `Line ${i} of the long section is here.`);
    const next = [...base];
    next[1000] = "Line 1000 of the long section is there.";
    next.splice(1500, 0, "An inserted line about something else entirely.");
    const rows = diffSentences(make(base), make(next));
    const ops = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.op]: (acc[r.op] ?? 0) + 1 }), {});
    expect(ops).toEqual({ unchanged: 2099, reworded: 1, added: 1 });
    expect(rows.find((r) => r.op === "reworded")!.changes![0]!.summary).toBe('"is here" -> "is there"');
  });

  it("pairs sentences that differ only in a number as reworded", () => {
    const s = (text: string) => [{ documentKey: "k", index: 0, start: 0, end: text.length, text }];
    const rows = diffSentences(s("Diplomatic Bluebook 2023"), s("Diplomatic Bluebook 2025"));
    expect(rows.map((r) => r.op)).toEqual(["reworded"]);
    expect(rows[0]!.changes![0]!.summary).toBe('"Bluebook 2023" -> "Bluebook 2025"');
  });

  it("ignores dash, quote and case variants when deciding a sentence is unchanged", () => {
    const s = (text: string) => [{ documentKey: "k", index: 0, start: 0, end: text.length, text }];
    expect(diffSentences(s("The Asia–Pacific region."), s("The Asia-Pacific Region."))[0]!.op).toBe("unchanged");
  });

  it("does not pair sentences below the similarity threshold", () => {
    const s = (text: string) => [{ documentKey: "k", index: 0, start: 0, end: text.length, text }];
    const rows = diffSentences(s("Japan and France held a summit."), s("The weather in Osaka was mild today."));
    expect(rows.map((r) => r.op)).toEqual(["removed", "added"]);
  });

  it("reports insertions and deletions of words", () => {
    const c = wordChanges("Japan welcomes the strategy.", undefined, "Japan warmly welcomes the strategy.");
    expect(c).toEqual([
      expect.objectContaining({
        removed: "",
        added: "warmly",
        before: "Japan",
        after: "welcomes",
        summary: '+ "warmly"',
      }),
    ]);
  });
});
