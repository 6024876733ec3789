import { describe, expect, it } from "vitest";
import { normalize, segment, splitSentences, toOriginal } from "../../../src/segmenting/index.js";

const texts = (t: string) => segment(t).sentences.map((s) => s.text);

describe("sentence splitting", () => {
  it("does not end a sentence at Mr., H.E., No., p.m. or an initial", () => {
    const t =
      "On May 2, commencing at 4:10 p.m. for about an hour, Mr. Taro Sato met H.E. Mr. Lee Min-ho at Room No. 3 with President John Q. Public. They agreed.";
    expect(texts(t)).toEqual([
      "On May 2, commencing at 4:10 p.m. for about an hour, Mr. Taro Sato met H.E. Mr. Lee Min-ho at Room No. 3 with President John Q. Public.",
      "They agreed.",
    ]);
  });

  it("keeps Japan-U.S. compounds inside the sentence but ends at U.S. before a new sentence", () => {
    const t =
      "The Japan-U.S. Summit Meeting was held in Tokyo. The Prime Minister then travelled to the U.S. The visit was short. Relations with the U.S. President were discussed.";
    expect(texts(t)).toEqual([
      "The Japan-U.S. Summit Meeting was held in Tokyo.",
      "The Prime Minister then travelled to the U.S.",
      "The visit was short.",
      "Relations with the U.S. President were discussed.",
    ]);
  });

  it("keeps a list number with its sentence and closing quotes with theirs", () => {
    expect(
      texts(
        "1. This was the first visit. The two sides issued a statement titled “Working Together.” It was welcomed.",
      ),
    ).toEqual([
      "1. This was the first visit.",
      "The two sides issued a statement titled “Working Together.”",
      "It was welcomed.",
    ]);
  });

  it("gives offsets that slice back to the sentence", () => {
    const t = "Header line\n\n  First sentence here. Second one!\nThird line of text follows.";
    for (const s of segment(t).sentences) expect(t.slice(s.start, s.end)).toBe(s.text);
    const spans = splitSentences(t, 13, 47);
    expect(spans.map(([a, b]) => t.slice(a, b))).toEqual(["First sentence here.", "Second one!"]);
  });
});

describe("blocks", () => {
  it("marks headings, navigation, captions and footnotes", () => {
    const t = [
      "Contents | Back | Next",
      "Section 2 Europe",
      "<Relations with the Region>",
      "Japan and Portugal held a summit meeting in May. Trade grew.",
      "The Prime Minister greets the President (May 3, Lisbon; photo: Cabinet Public Relations Office)",
      "  • (1) Here, “partners” refers to the countries that signed the declaration.",
      "PAGE TOP -",
    ].join("\n");
    const seg = segment(t);
    expect(seg.blocks.map((b) => b.kind)).toEqual([
      "navigation",
      "heading",
      "heading",
      "paragraph",
      "caption",
      "footnote",
      "navigation",
    ]);
    const para = seg.sentences.filter((s) => s.kind === "paragraph");
    expect(para.map((s) => s.text)).toEqual(["Japan and Portugal held a summit meeting in May.", "Trade grew."]);
    expect(para[0]!.heading).toBe("Relations with the Region");
    expect(seg.sentences.some((s) => s.text.includes("Contents"))).toBe(false);
  });
});

describe("normalize", () => {
  it("folds dashes and quotes and joins line-break hyphens, mapping back to original offsets", () => {
    const t = "the Japan– Norway Mutual Cross- Recognition “Agreement”";
    const n = normalize(t);
    expect(n.text).toBe('the Japan-Norway Mutual Cross-Recognition "Agreement"');
    const i = n.text.indexOf("Cross-Recognition");
    const back = toOriginal(n, i, i + "Cross-Recognition".length);
    expect(t.slice(back.start, back.end)).toBe("Cross- Recognition");
  });
});
