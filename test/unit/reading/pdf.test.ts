import { PDFDocument, PDFHexString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { joinLines, layoutPages, PdfReadError, pdfToText } from "../../../src/reading/pdf.js";
import { expectedText, makePdf, SECTION } from "./helpers.js";

const HEADER = "Diplomatic Bluebook 2016  Chapter 2  Japan’s Foreign Policy";

describe("pdfToText", () => {
  it("gives the paragraphs of a printed section, with running headers, page numbers and line breaks gone", async () => {
    const bytes = await makePdf(SECTION, { header: HEADER, width: 260, linesPerPage: 14 });
    const text = await pdfToText(bytes);
    expect(text).toBe(expectedText(SECTION));
    expect(text).not.toContain("Japan’s Foreign Policy"); // the running header
    expect(text).not.toMatch(/^\d+$/m); // page numbers
  });

  it("reads the same text whatever the line width (different breaks, hyphens, page breaks)", async () => {
    for (const width of [180, 240, 330, 420]) {
      const bytes = await makePdf(SECTION, { header: HEADER, width, linesPerPage: 12 });
      expect(await pdfToText(bytes), `width ${width}`).toBe(expectedText(SECTION));
    }
  });

  it("moves footnotes to the end after a Notes line, in the segmenter's footnote form", async () => {
    const paras = [
      { text: "Diplomatic Bluebook 2020", kind: "title" as const },
      {
        text: "Japan and the Republic of Korea held a vice-ministerial strategic dialogue in Seoul in February.",
        notes: ["(1) The dialogue was the eleventh of its kind."],
      },
      { text: "The two sides confirmed that they would continue to communicate closely at all levels." },
    ];
    const text = await pdfToText(await makePdf(paras, { header: "Chapter 2", linesPerPage: 20 }));
    const lines = text.split("\n\n");
    expect(lines.at(-2)).toBe("Notes");
    expect(lines.at(-1)).toBe("• (1) The dialogue was the eleventh of its kind.");
    expect(text).toContain(`${paras[1]!.text}\n\n${paras[2]!.text}\n\nNotes`);
  });

  it("keeps reading order in two-column pages: left column, then right", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage([595, 842]);
    const left = ["In January, the Foreign Minister", "visited Australia and held a", "meeting with her counterpart."];
    const right = ["In March, the two countries", "signed an agreement on the", "transfer of defense equipment."];
    for (let i = 0; i < 12; i++) {
      const l = left[i % 3]!;
      const r = right[i % 3]!;
      page.drawText(l, { x: 50, y: 700 - i * 14, size: 10, font });
      page.drawText(r, { x: 320, y: 700 - i * 14, size: 10, font });
    }
    const text = await pdfToText(await doc.save());
    const firstRight = text.indexOf("In March");
    const lastLeft = text.lastIndexOf("In January");
    expect(firstRight).toBeGreaterThan(lastLeft);
  });

  it("refuses a PDF whose pages hold no text", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    await expect(pdfToText(await doc.save())).rejects.toThrow(/no text layer/);
  });

  it("refuses a truncated PDF", async () => {
    const bytes = await makePdf(SECTION, { header: HEADER });
    await expect(pdfToText(bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toThrow(/truncated/);
  });

  it("refuses a corrupt PDF", async () => {
    const junk = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x41), Buffer.from("\n%%EOF\n")]);
    await expect(pdfToText(junk)).rejects.toBeInstanceOf(PdfReadError);
  });

  it("refuses a PDF encrypted with a user password", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    doc.addPage([595, 842]).drawText("Secret text", { x: 50, y: 700, size: 10, font });
    // a standard security handler whose user password is not empty
    const encrypt = doc.context.obj({
      Filter: "Standard",
      V: 1,
      R: 2,
      Length: 40,
      P: -44,
      O: PDFHexString.of("01".repeat(32)),
      U: PDFHexString.of("02".repeat(32)),
    });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of("0a0b"), PDFHexString.of("0a0b")]);
    await expect(pdfToText(await doc.save({ useObjectStreams: false }))).rejects.toThrow(/encrypted with a password/);
  });
});

describe("joinLines", () => {
  const vocab = new Set(["cooperation", "long", "term", "japan"]);
  it("repairs a word split over two lines", () => {
    expect(joinLines("strengthen coopera-", "tion with", vocab)).toBe("strengthen cooperation with");
    expect(joinLines("a new frame-", "work", new Set())).toBe("a new framework");
  });
  it("keeps real hyphens", () => {
    expect(joinLines("the Japan-", "U.S. Alliance", vocab)).toBe("the Japan-U.S. Alliance");
    expect(joinLines("a long-", "term view", vocab)).toBe("a long-term view");
    expect(joinLines("the COVID-", "19 pandemic", vocab)).toBe("the COVID-19 pandemic");
  });
  it("always joins at a soft hyphen", () => {
    expect(joinLines("a high\u00ad", "light of the year", vocab)).toBe("a highlight of the year");
  });
  it("keeps a hyphen after a bracket or digit, and compounds with usual prefixes", () => {
    expect(joinLines("ballistic missile (ICBM)-", "class", vocab)).toBe("ballistic missile (ICBM)-class");
    expect(joinLines("was re-", "elected in May", new Set())).toBe("was re-elected in May");
    expect(joinLines("a joint state-", "ment", new Set(["state"]))).toBe("a joint statement");
    expect(joinLines("a high-", "level dialogue", new Set())).toBe("a high-level dialogue");
  });
  it("joins ordinary lines with a space", () => {
    expect(joinLines("held a", "meeting", vocab)).toBe("held a meeting");
  });
});

describe("layoutPages", () => {
  it("opens the text with the edition that only the running header names", () => {
    const page = (n: number) => ({
      width: 595,
      height: 842,
      items: [
        { str: "Diplomatic Bluebook 2023  Chapter 2", x: 50, y: 800, w: 200, size: 8 },
        { str: `Japan and Canada held a summit meeting, as page ${n} says.`, x: 50, y: 700, w: 300, size: 10 },
      ],
    });
    const text = layoutPages([page(1), page(2)]);
    expect(text.split("\n\n")[0]).toBe("Diplomatic Bluebook 2023");
    expect(text.match(/Bluebook/g)).toHaveLength(1);
  });

  it("keeps one copy of text drawn twice for a bold effect", () => {
    const page = {
      width: 595,
      height: 842,
      items: [
        { str: "Section 3 North America", x: 50, y: 700, w: 150, size: 14 },
        { str: "Section 3 North America", x: 50.4, y: 700, w: 150, size: 14 },
        { str: "Japan and Canada held a summit meeting in May.", x: 50, y: 670, w: 300, size: 10 },
      ],
    };
    expect(layoutPages([page])).toBe("Section 3 North America\n\nJapan and Canada held a summit meeting in May.");
  });

  it("drops bare page numbers and a header repeated on every page", () => {
    const page = (n: number) => ({
      width: 595,
      height: 842,
      items: [
        { str: "Chapter 2 Japan’s Foreign Policy by Region", x: 50, y: 800, w: 200, size: 8 },
        {
          str: "A full line of body text that runs across the whole width of the column",
          x: 50,
          y: 714,
          w: 450,
          size: 10,
        },
        { str: `and a short one that ends page ${n}.`, x: 50, y: 700, w: 200, size: 10 },
        { str: String(n + 12), x: 290, y: 30, w: 10, size: 8 },
      ],
    });
    const para = (n: number) =>
      `A full line of body text that runs across the whole width of the column and a short one that ends page ${n}.`;
    expect(layoutPages([page(1), page(2), page(3)])).toBe([para(1), para(2), para(3)].join("\n\n"));
  });
});
