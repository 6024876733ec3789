import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import iconv from "iconv-lite";
import { PDFDocument, PDFHexString, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReadResult } from "../../../src/model/types.js";
import { readInputs, readOne, sniff } from "../../../src/reading/index.js";
import { expectedText, makePdf, SECTION } from "./helpers.js";

const FIX = join(import.meta.dirname, "../../fixtures/reading");
const TEXT = expectedText(SECTION.filter((p) => !p.notes));
let dir: string;

async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage([595, 842]).drawText("Restricted text", { x: 50, y: 700, size: 10, font });
  doc.context.trailerInfo.Encrypt = doc.context.register(
    doc.context.obj({
      Filter: "Standard",
      V: 1,
      R: 2,
      Length: 40,
      P: -44,
      O: PDFHexString.of("01".repeat(32)),
      U: PDFHexString.of("02".repeat(32)),
    }),
  );
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of("0a0b"), PDFHexString.of("0a0b")]);
  return doc.save({ useObjectStreams: false });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "panorama-read-"));
  const pdf = await makePdf(SECTION, {
    header: "Diplomatic Bluebook 2016",
    linesPerPage: 16,
    title: "Diplomatic Bluebook 2016 Chapter 2",
  });
  const files: Record<string, Uint8Array | string> = {
    "a-good.txt": TEXT,
    "b-sjis.txt": iconv.encode(TEXT, "shift_jis"),
    "c-utf16.txt": iconv.encode(TEXT, "utf-16le", { addBOM: true }),
    "d-good.pdf": pdf,
    "e-readout.html": readFileSync(join(FIX, "readout-2016.html")),
    "f-pdf-named.txt": pdf,
    "g-html-named.txt": readFileSync(join(FIX, "readout-2016.html")),
    "h-encrypted.pdf": await encryptedPdf(),
    "i-corrupt.pdf": Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41), Buffer.from("\n%%EOF\n")]),
    "j-truncated.pdf": pdf.subarray(0, Math.floor(pdf.length * 0.6)),
    "k-error-page.pdf": "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
    "l-empty.txt": "",
    "m-binary.txt": Buffer.from([0x41, 0x42, 0x00, 0x00, 0x00, 0x07, 0xff, 0x00, 0x10, 0x00, 0x00, 0x00]),
    "n-image.txt": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
    "o-nav-only.html": readFileSync(join(FIX, "nav-only.html")),
    "p-frameset.html": readFileSync(join(FIX, "frameset-2004.html")),
    "q-truncated-utf8.txt": Buffer.from("Japan’s diplomacy in 2015 — “a”").subarray(0, 30),
    "r-notes.docx": "not read",
    "t-truncated.html": readFileSync(join(FIX, "readout-2016.html"), "utf8").slice(0, 3000),
    "s-text-named.html":
      "Japan-Canada Relations\nJapan-Canada Summit Meeting\nMay 2, 2023\n\nOn May 2, the two leaders met.\n",
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readInputs on a folder of good and bad files", () => {
  let results: ReadResult[];
  beforeAll(async () => {
    results = [];
    for await (const r of readInputs([dir, join(dir, "missing.txt")])) results.push(r);
  });
  const byName = (name: string) =>
    results.find((r) => basename(r.ok ? r.doc.path : r.error.path) === name) ?? expect.fail(`no result for ${name}`);
  const failure = (name: string) => {
    const r = byName(name);
    if (r.ok) throw new Error(`${name} was read`);
    expect(r.error.message.startsWith(r.error.path)).toBe(true); // the message names the file
    return r.error.message;
  };

  it("reads every good file, whatever its encoding or format", () => {
    const good = results.filter((r) => r.ok).map((r) => (r.ok ? basename(r.doc.path) : ""));
    expect(good).toEqual([
      "a-good.txt",
      "b-sjis.txt",
      "c-utf16.txt",
      "d-good.pdf",
      "e-readout.html",
      "f-pdf-named.txt",
      "g-html-named.txt",
      "s-text-named.html",
    ]);
    const doc = (n: string) => {
      const r = byName(n);
      if (!r.ok) throw new Error(r.error.message);
      return r.doc;
    };
    expect(doc("a-good.txt")).toMatchObject({ text: TEXT, encoding: "utf-8", format: "txt" });
    expect(doc("b-sjis.txt")).toMatchObject({ text: TEXT, encoding: "shift_jis", format: "txt" });
    expect(doc("c-utf16.txt")).toMatchObject({ text: TEXT, encoding: "utf-16le", format: "txt" });
    expect(doc("d-good.pdf")).toMatchObject({
      text: expectedText(SECTION),
      format: "pdf",
      title: "Diplomatic Bluebook 2016 Chapter 2",
    });
    expect(doc("f-pdf-named.txt")).toMatchObject({ text: expectedText(SECTION), format: "pdf" });
    expect(doc("g-html-named.txt").format).toBe("html");
    expect(doc("s-text-named.html")).toMatchObject({
      format: "txt",
      text: expect.stringMatching(/^Japan-Canada Relations\n/),
    });
    expect(doc("g-html-named.txt").text.split("\n")[0]).toBe("Japan-Australia Relations");
    expect(doc("e-readout.html").title).toMatch(/Foreign Ministers/);
  });

  it("names each bad file and says why", () => {
    expect(failure("h-encrypted.pdf")).toMatch(/encrypted/);
    expect(failure("i-corrupt.pdf")).toMatch(/corrupt|damaged|cannot be read/);
    expect(failure("j-truncated.pdf")).toMatch(/truncated/);
    expect(failure("k-error-page.pdf")).toMatch(/named \.pdf but is not a PDF.*HTML/);
    expect(failure("l-empty.txt")).toMatch(/empty/);
    expect(failure("m-binary.txt")).toMatch(/binary/);
    expect(failure("n-image.txt")).toMatch(/PNG image/);
    expect(failure("o-nav-only.html")).toMatch(/no main text/);
    expect(failure("p-frameset.html")).toMatch(/frameset.*menu\.html, 1-2\.html/);
    expect(failure("q-truncated-utf8.txt")).toMatch(/truncated/);
    expect(failure("missing.txt")).toMatch(/no such file/);
    expect(failure("t-truncated.html")).toMatch(/HTML page looks truncated/);
  });

  it("skips files of other types in folders", () => {
    expect(results.some((r) => (r.ok ? r.doc.path : r.error.path).endsWith(".docx"))).toBe(false);
  });

  it("refuses an unsupported file named explicitly", async () => {
    const r = await readOne(join(dir, "r-notes.docx"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/r-notes\.docx: unsupported file type/);
  });
});

describe("sniff", () => {
  it("tells PDFs, HTML, binaries and text apart", () => {
    expect(sniff(Buffer.from("%PDF-1.4\n..."))).toBe("pdf");
    expect(sniff(Buffer.from("\ufeff<!DOCTYPE html><html>"))).toBe("html");
    expect(sniff(Buffer.from("<HTML><HEAD><TITLE>x</TITLE></HEAD>"))).toBe("html");
    expect(sniff(Buffer.from("PK\u0003\u0004rest"))).toEqual({ binary: expect.stringMatching(/ZIP/) });
    expect(sniff(Buffer.from("Diplomatic Bluebook 2016\n\nThe year <2015> saw..."))).toBe("text");
  });
});
