/**
 * Fixture builders for the reading tests: a Bluebook-style text written for the tests
 * (never the ministry's own sentences), laid out as a PDF with pdf-lib the way a
 * printed edition is (running header, page numbers, wrapped and hyphenated lines,
 * footnotes at the foot of the page).
 */
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";

export interface Para {
  text: string;
  kind?: "title" | "heading" | "body";
  /** footnotes printed at the foot of the page where this paragraph ends: "*1 ..." */
  notes?: string[];
}

/** A Bluebook-style section, written for the tests. */
export const SECTION: Para[] = [
  { text: "Diplomatic Bluebook 2016", kind: "title" },
  { text: "Chapter 2", kind: "heading" },
  { text: "2. North America", kind: "heading" },
  { text: "(1) Overview", kind: "heading" },
  {
    text: "The Japan-U.S. Alliance remained the cornerstone of Japan’s foreign policy in 2015, and the two countries deepened their cooperation across a wide range of areas, including security, the economy and people-to-people exchanges.",
  },
  {
    text: "In April, Prime Minister Shinzo Abe paid an official visit to the United States and held a summit meeting with President Barack Obama in Washington, D.C. The two leaders released the Japan-U.S. Joint Vision Statement and confirmed that the revised Guidelines for Japan-U.S. Defense Cooperation would strengthen the deterrence of the Alliance.",
    notes: [
      "*1 The Guidelines were revised for the first time in eighteen years at the Security Consultative Committee.",
    ],
  },
  {
    text: "Over the course of the year, Prime Minister Abe held five summit meetings with President Obama, including two telephone talks, and Minister for Foreign Affairs Fumio Kishida held seven foreign ministers’ meetings with Secretary of State John Kerry.",
  },
  { text: "(2) Canada", kind: "heading" },
  {
    text: "In October, Minister for Foreign Affairs Kishida held a telephone talk with Minister of Foreign Affairs of Canada Stephane Dion, and the two ministers confirmed that Japan and Canada would continue their close cooperation on international challenges such as climate change and peacekeeping operations.",
  },
  {
    text: "Japan and Canada also held the fourth round of negotiations on the Economic Partnership Agreement in Ottawa in November, and the two sides made steady progress toward an early conclusion of the negotiations.",
  },
];

/** The text the PDF reader should give for `paras`: one paragraph per line, blank lines between, notes last. */
export function expectedText(paras: Para[]): string {
  const out = paras.map((p) => p.text);
  const notes = paras.flatMap((p) => p.notes ?? []);
  if (notes.length) out.push("Notes", ...notes);
  return out.join("\n\n");
}

/** Breaks a paragraph into lines of at most `width` points; long words are hyphenated, compounds break after their hyphen. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const words = text.split(" ");
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    // a compound: break after one of its hyphens
    const hy = word.lastIndexOf("-", word.length - 2);
    if (hy > 0 && fits(`${line} ${word.slice(0, hy + 1)}`)) {
      lines.push(`${line} ${word.slice(0, hy + 1)}`);
      line = word.slice(hy + 1);
      continue;
    }
    // a long plain word: hyphenate it
    if (/^[a-z]{9,}[,.]?$/.test(word)) {
      let cut = word.length - 4;
      while (cut >= 4 && !fits(`${line} ${word.slice(0, cut)}-`)) cut--;
      if (cut >= 4) {
        lines.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
        continue;
      }
    }
    if (line) lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface PdfOptions {
  header?: string;
  pageNumbers?: boolean;
  /** text width in points: narrow widths give more pages and more broken lines */
  width?: number;
  /** body lines per page before a page break */
  linesPerPage?: number;
  /** the document information's title */
  title?: string;
}

/** A printed-looking PDF of `paras`. */
export async function makePdf(paras: Para[], opts: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (opts.title) doc.setTitle(opts.title);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const W = 595;
  const H = 842;
  const left = 70;
  const width = opts.width ?? 300;
  const top = 760;
  const bottom = top - (opts.linesPerPage ?? 44) * 14;
  const body = 10.5;
  const leading = 14;
  let page = doc.addPage([W, H]);
  let y = top;
  let pageNo = 1;
  let pendingNotes: string[] = [];
  const furniture = () => {
    if (opts.header) page.drawText(opts.header, { x: left, y: 800, size: 8, font });
    if (opts.pageNumbers !== false) page.drawText(String(pageNo), { x: W / 2, y: 40, size: 9, font });
  };
  const drawNotes = () => {
    let ny = 120;
    for (const n of pendingNotes) {
      for (const l of wrap(n, font, 8, width)) {
        page.drawText(l, { x: left, y: ny, size: 8, font });
        ny -= 10;
      }
    }
    pendingNotes = [];
  };
  const newPage = () => {
    drawNotes();
    page = doc.addPage([W, H]);
    pageNo++;
    furniture();
    y = top;
  };
  furniture();
  for (const p of paras) {
    const kind = p.kind ?? "body";
    const size = kind === "title" ? 18 : kind === "heading" ? 13 : body;
    const f = kind === "body" ? font : bold;
    const lines = wrap(p.text, f, size, width);
    if (kind !== "body" && y - lines.length * size * 1.4 - 2 * leading < bottom) newPage();
    else if (y < top) y -= kind === "body" ? 8 : 14; // paragraph spacing
    for (const l of lines) {
      if (y < bottom) newPage();
      page.drawText(l, { x: left, y, size, font: f });
      y -= kind === "body" ? leading : size * 1.4;
    }
    if (p.notes) pendingNotes.push(...p.notes);
  }
  drawNotes();
  return doc.save();
}
