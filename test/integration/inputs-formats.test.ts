/**
 * The same text read as UTF-8 text, as a printed-looking PDF (made here with pdf-lib)
 * and in legacy encodings (made here with iconv-lite) extracts the same events, counts,
 * persons, countries and metadata. Offsets differ (a PDF's text has its own layout), so
 * evidence is compared by its text.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extraction/index.js";
import type { DocumentExtraction } from "../../src/model/types.js";
import { readOne } from "../../src/reading/index.js";
import { makePdf, type Para } from "../unit/reading/helpers.js";

const ROOT = join(import.meta.dirname, "../..");
const SAMPLES = join(ROOT, "samples");
const CORPUS = join(ROOT, "../shared/corpus/texts");
const dir = mkdtempSync(join(tmpdir(), "panorama-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The extraction without offsets or the file's id. */
function comparable(x: DocumentExtraction) {
  const { id: _id, ...rest } = x;
  const noOffsets = <T extends { evidence: { text: string } }>(items: T[]) =>
    items.map((i) => ({ ...i, evidence: i.evidence.text }));
  return { ...rest, events: noOffsets(x.events), counts: noOffsets(x.counts) };
}

async function extractFile(name: string, data: Uint8Array | string) {
  const path = join(dir, name);
  writeFileSync(path, data);
  const r = await readOne(path);
  if (!r.ok) throw new Error(r.error.message);
  return { doc: r.doc, x: comparable(extract(r.doc).extraction) };
}

/** Characters the PDF's standard fonts (WinAnsi) cannot draw, replaced in both versions. */
const winAnsiSafe = (t: string) => t.replace(/[―−]/g, "-").replace(/[^\x00-\xff–—‘’“”•…€™]/g, "?");

/** A plain-text edition's paragraphs (one per line) as PDF paragraphs: short unpunctuated lines are headings. */
function paragraphsOf(text: string): Para[] {
  return winAnsiSafe(text)
    .trim()
    .split(/\s*\n\s*/)
    .map((s, i) => {
      const kind = i === 0 && /Bluebook/i.test(s) ? "title" : s.length < 90 && !/[.:]$/.test(s) ? "heading" : "body";
      return { text: s, kind } as Para;
    });
}

const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")) : [];

describe.skipIf(!samples.length)("a PDF of a text extracts what the text does", () => {
  it.each(samples)("%s", async (file) => {
    const paras = paragraphsOf(readFileSync(join(SAMPLES, file), "utf8"));
    const plain = paras.map((p) => p.text).join("\n\n");
    const txt = await extractFile(`${file}.plain.txt`, plain);
    const readout = /readout/.test(file);
    for (const width of [230, 330]) {
      const pdf = await makePdf(paras, {
        header: readout ? undefined : "Diplomatic Bluebook  Japan’s Foreign Policy by Region",
        width,
        linesPerPage: 28,
      });
      const fromPdf = await extractFile(`${file}.${width}.pdf`, pdf);
      expect(fromPdf.doc.text, `text of the PDF at width ${width}`).toBe(plain);
      expect(fromPdf.x, `extraction from the PDF at width ${width}`).toEqual(txt.x);
    }
    // the bar means something only if there is something to compare
    expect(txt.x.countries.length).toBeGreaterThan(0);
  });
});

/** Characters that Shift_JIS and EUC-JP cannot hold, replaced the same way in both versions. */
const jisSafe = (t: string) => t.replace(/–/g, "-").replace(/—/g, "-").replace(/é/g, "e");

describe.skipIf(!samples.length)("the same text in another encoding extracts the same", () => {
  it.each(samples)("%s", async (file) => {
    // a Japanese name in parentheses, as English pages sometimes print one, so the legacy bytes are not plain ASCII
    const text = jisSafe(readFileSync(join(SAMPLES, file), "utf8")).replace(/\bJapan\b/, "Japan (日本国)");
    const utf8 = await extractFile(`${file}.utf8.txt`, text);
    const variants: Array<[string, Uint8Array, string]> = [
      ["sjis", iconv.encode(text, "shift_jis"), "shift_jis"],
      ["eucjp", iconv.encode(text, "euc-jp"), "euc-jp"],
      ["utf16le", iconv.encode(text, "utf-16le", { addBOM: true }), "utf-16le"],
      ["utf16be", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]), "utf-16be"],
      ["bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8"],
    ];
    for (const [tag, bytes, encoding] of variants) {
      const other = await extractFile(`${file}.${tag}.txt`, bytes);
      expect(other.doc.encoding, tag).toBe(encoding);
      expect(other.doc.text, tag).toBe(text);
      expect(other.x, tag).toEqual(utf8.x);
    }
  });
});

const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith(".txt")) : [];

describe.skipIf(!corpus.length)("the ministry's texts (../shared) survive a PDF round trip", () => {
  it.each(corpus)("%s", async (file) => {
    const paras = paragraphsOf(readFileSync(join(CORPUS, file), "utf8"));
    const plain = paras.map((p) => p.text).join("\n\n");
    const txt = await extractFile(`${file}.plain.txt`, plain);
    const bluebook = /Bluebook/.test(paras[0]!.text);
    const pdf = await makePdf(paras, {
      header: bluebook ? "Diplomatic Bluebook" : undefined,
      width: 300,
      linesPerPage: 30,
    });
    const fromPdf = await extractFile(`${file}.pdf`, pdf);
    expect(fromPdf.doc.text).toBe(plain);
    expect(fromPdf.x).toEqual(txt.x);
  });
});
