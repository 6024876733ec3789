/**
 * PDF -> plain text in the shape of the plain-text editions: one paragraph per
 * line, a blank line between paragraphs, headings on their own lines, running
 * headers/footers and page numbers dropped, line-break hyphens repaired, and
 * footnotes gathered at the end after a line "Notes" as "*1 ..." / "• (1) ..." lines
 * (which the segmenter marks as footnotes).
 *
 * Text positions come from pdfjs-dist (legacy build for Node: no worker thread,
 * no font loading, no eval, no network). The layout rules below are ours.
 */

export class PdfReadError extends Error {}

/** One run of text as pdfjs places it on the page (PDF units, y upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Line {
  page: number;
  column: number;
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
  /** the page's height, for the margin zones */
  height: number;
}

/** Reads the pages of a PDF with pdfjs. Throws PdfReadError with a plain message. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  return (await readPdf(bytes)).pages;
}

/** The pages of a PDF and the title its document information gives, if any. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; title: string | null }> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new PdfReadError("is not a PDF (no %PDF- header)");
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  if (!tail.includes("%%EOF")) throw new PdfReadError("PDF is truncated (no %%EOF marker at its end)");

  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer: give it a copy
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    const msg = (e as Error).message;
    if (name === "PasswordException") throw new PdfReadError("PDF is encrypted with a password: cannot read it");
    if (name === "InvalidPDFException") throw new PdfReadError(`PDF is corrupt (${msg})`);
    throw new PdfReadError(`PDF cannot be read (${msg})`);
  }
  const pages: PdfPage[] = [];
  let title: string | null = null;
  try {
    const meta = await doc.getMetadata().catch(() => null);
    const t = (meta?.info as { Title?: unknown } | undefined)?.Title;
    if (typeof t === "string" && t.trim()) title = t.replace(/\s+/g, " ").trim();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!("str" in it) || !it.str) continue;
        const t = it.transform as number[];
        // rotated text (margin notes, watermarks) is not part of the reading order
        if (Math.abs(t[1]!) > 0.01 * Math.abs(t[0]!) || Math.abs(t[2]!) > 0.01 * Math.abs(t[3]!)) continue;
        const size = Math.hypot(t[2]!, t[3]!) || it.height || 10;
        items.push({ str: it.str, x: t[4]! - x0, y: t[5]! - y0, w: it.width, size });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
    }
  } catch (e) {
    throw new PdfReadError(`PDF is damaged (${(e as Error).message})`);
  } finally {
    await doc.destroy();
  }
  return { pages, title };
}

/** The text of a PDF file, laid out as described at the top of this file. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  return (await pdfDocumentText(bytes)).text;
}

/** The text of a PDF file and its title (document information). */
export async function pdfDocumentText(bytes: Uint8Array): Promise<{ text: string; title: string | null }> {
  const { pages, title } = await readPdf(bytes);
  const text = layoutPages(pages);
  if (!text.trim())
    throw new PdfReadError("PDF has no text layer (a scanned image?): it would need OCR, which Panorama does not do");
  return { text, title };
}

// ---------------------------------------------------------------------------
// Layout

const round = (n: number, step: number) => Math.round(n / step) * step;

/** The most frequent value, weighted. */
function mode(values: Array<[number, number]>): number {
  const m = new Map<number, number>();
  for (const [v, w] of values) m.set(v, (m.get(v) ?? 0) + w);
  let best = 0;
  let bestW = -1;
  for (const [v, w] of m) if (w > bestW) [best, bestW] = [v, w];
  return best;
}

/** Where a two-column page splits, or null for a single column. */
function findGutter(page: PdfPage): number | null {
  const body = page.items.filter((i) => i.str.trim());
  if (body.length < 10) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = page.width * 0.3; x <= page.width * 0.7; x += 2) {
    let crossing = 0;
    for (const i of body) if (i.x < x && i.x + i.w > x) crossing++;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best) return null;
  const left = body.filter((i) => i.x + i.w <= best.x).length;
  const right = body.filter((i) => i.x >= best.x).length;
  if (best.crossing > body.length * 0.05 || left < body.length * 0.2 || right < body.length * 0.2) return null;
  return best.x;
}

/** Items on one baseline (superscripts included) joined into lines, top to bottom. */
function groupLines(items: PdfItem[], page: number, column: number, height: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    // items come top-down: one baseline at a time (a superscript joins the line below it)
    const g = groups.at(-1);
    const last = g?.at(-1);
    if (g && last && Math.abs(last.y - it.y) <= 0.5 * Math.max(last.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const size = mode(g.map((i) => [round(i.size, 0.5), i.str.length]));
    let text = "";
    let end = g[0]!.x;
    let prevItem: PdfItem | null = null;
    for (const it of g) {
      // text drawn twice, a hair apart (fake bold, shadows): keep one copy
      if (prevItem && prevItem.str === it.str && Math.abs(prevItem.x - it.x) < 0.1 * size) continue;
      prevItem = it;
      const gap = it.x - end;
      if (text && gap > 0.15 * size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += " ";
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    // soft hyphens: a discretionary break at the end of the line marks a split word, elsewhere nothing
    text = text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\u00ad(?!$)/g, "")
      .replace(/\u2010$/, "-");
    if (!text) continue;
    const main = g.filter((i) => round(i.size, 0.5) === size);
    const y = (main[0] ?? g[0]!).y;
    lines.push({ page, column, text, x: g[0]!.x, xEnd: end, y, size, height });
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** A page's lines in reading order: full-width lines split the page into bands; in each band, left column then right. */
function pageLines(page: PdfPage, n: number): Line[] {
  const gutter = findGutter(page);
  if (gutter === null) return groupLines(page.items, n, 0, page.height);
  const full = groupLines(
    page.items.filter((i) => i.x < gutter && i.x + i.w > gutter),
    n,
    0,
    page.height,
  );
  const left = groupLines(
    page.items.filter((i) => i.x + i.w <= gutter),
    n,
    1,
    page.height,
  );
  const right = groupLines(
    page.items.filter((i) => i.x >= gutter),
    n,
    2,
    page.height,
  );
  const out: Line[] = [];
  const cuts = [Number.POSITIVE_INFINITY, ...full.map((l) => l.y), Number.NEGATIVE_INFINITY];
  for (let b = 0; b < cuts.length - 1; b++) {
    const [top, bottom] = [cuts[b]!, cuts[b + 1]!];
    if (b > 0) out.push(full[b - 1]!);
    const inBand = (l: Line) => l.y < top && l.y > bottom;
    out.push(...left.filter(inBand), ...right.filter(inBand));
  }
  return out;
}

const BARE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:\/|of)\s*\d{1,4})?$/i;
const furnitureKey = (t: string) => t.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");

/** Drops running headers/footers (the same line at the same height on many pages) and page numbers. */
export function dropFurniture(lines: Line[], pageCount: number): Line[] {
  const inMargin = (l: Line) => l.y > l.height * 0.88 || l.y < l.height * 0.12;
  const seen = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const key = `${furnitureKey(l.text)}@${Math.round(l.y / 6)}`;
    const s = seen.get(key) ?? new Set<number>();
    seen.set(key, s);
    s.add(l.page);
  }
  const need = Math.max(2, Math.ceil(pageCount * 0.5));
  return lines.filter((l) => {
    if (!inMargin(l)) return true;
    if (BARE_NUMBER.test(l.text)) return false;
    const key = furnitureKey(l.text);
    const b = Math.round(l.y / 6);
    let pages = 0;
    for (const d of [-1, 0, 1]) pages = Math.max(pages, seen.get(`${key}@${b + d}`)?.size ?? 0);
    return pageCount < 2 || pages < need;
  });
}

/** "*1 ...", "(1) ...", "※1 ...", "1 ..." at the start of a footnote line. */
const FOOTNOTE_MARK = /^(?:\*\s?\d+|※\s?\d*|\(\d+\)|\d{1,2}(?=\s)|[¹²³⁴⁵⁶⁷⁸⁹]+)\s*/;

/** Footnote lines in the segmenter's forms: "*1 text", "• (1) text", "※1 text". */
function footnoteLine(text: string): string {
  const m = FOOTNOTE_MARK.exec(text);
  if (!m) return text;
  const mark = m[0].trim();
  const rest = text.slice(m[0].length);
  if (/^\*/.test(mark) || /^※/.test(mark)) return `${mark.replace(/\s+/g, "")} ${rest}`;
  if (/^\(\d+\)$/.test(mark)) return `• ${mark} ${rest}`;
  const digits = mark.replace(/[¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String("¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) + 1));
  return `*${digits} ${rest}`;
}

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/g;

/** A line ending in an abbreviation, not a sentence: "the Japan-U.S.", "Mr.", "Washington, D.C." */
const ABBREVIATION_END =
  /(?:\b[A-Z]\.(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|H\.E|St|No|Nos|Jr|Sr|Gen|Lt|Col|Gov|Prof|Amb|Hon|vs|e\.g|i\.e)\.)$/;

/** First parts of the hyphenated compounds the ministry's English uses. */
const COMPOUND_HEADS = new Set(
  "high low long short mid well self non cross vice large small full wide two three four five people state working cabinet".split(
    " ",
  ),
);
/** Prefixes the ministry's English keeps hyphenated before some words ("re-elected", "co-chair", "non-proliferation"). */
const PREFIXES = new Set(["re", "co", "non", "pre", "post", "anti", "multi", "semi", "ex", "self", "vice"]);
/** Second parts of those compounds. */
const COMPOUND_TAILS = new Set(
  "level term scale based related oriented making ranking building minded owned sponsored specific".split(" "),
);

/** Joins two lines of one paragraph, repairing a line-break hyphen when the word was only split. */
export function joinLines(prev: string, next: string, vocab: Set<string>): string {
  if (prev.endsWith("\u00ad")) return prev.slice(0, -1) + next; // a soft hyphen: always a split word
  if (!prev.endsWith("-") || prev.endsWith("--") || /\s-$/.test(prev)) return `${prev} ${next}`;
  const m = /([A-Za-z]+)-$/.exec(prev);
  // "(ICBM)-" + "class", "COVID-19-" + "related": a hyphen after a bracket or digit is real
  if (!m) return prev + next;
  const head = m[1]!;
  const tail = /^[A-Za-z]+/.exec(next)?.[0];
  // "Japan-" + "U.S.", "COVID-" + "19", "Asia-" + "Pacific": a real hyphen, the line broke after it
  if (!tail || /^[A-Z]/.test(next) || /[A-Z]/.test(head.slice(1))) return prev + next;
  const h = head.toLowerCase();
  const t = tail.toLowerCase();
  // the document writes the word elsewhere, whole or hyphenated
  if (vocab.has(h + t)) return prev.slice(0, -1) + next;
  if (vocab.has(`${h}-${t}`)) return prev + next;
  // usual compounds and prefixes: "high-level", "long-term", "re-elected", "co-chair", "rules-based"
  if ((COMPOUND_HEADS.has(h) || PREFIXES.has(h)) && (vocab.has(t) || COMPOUND_TAILS.has(t))) return prev + next;
  if (COMPOUND_TAILS.has(t) && h.length >= 4 && vocab.has(h)) return prev + next;
  // a prefix before the same vowel keeps its hyphen: "re-elected", "co-operation", "anti-imperialist"
  if (PREFIXES.has(h) && /^[aeiou]/.test(t) && h.at(-1) === t[0]) return prev + next;
  // otherwise a word the typesetter split: "coopera-" + "tion"
  return prev.slice(0, -1) + next;
}

/**
 * Whether `prev` ended before the column's edge although the first word of `next` would
 * have fitted there: the line was broken on purpose, at the end of a paragraph.
 */
function brokeEarly(prev: Line, next: Line, right: number): boolean {
  const charWidth = (prev.xEnd - prev.x) / Math.max(1, prev.text.length);
  const firstWord = /^\S+/.exec(next.text)?.[0] ?? "";
  // character widths vary ("On" is wider than "il"): leave two average characters of slack
  return prev.xEnd + charWidth * (firstWord.length + 3) < right;
}

/** Lines (already in reading order, furniture removed) -> paragraphs. */
export function buildParagraphs(lines: Line[]): { paragraphs: string[]; notes: string[] } {
  if (!lines.length) return { paragraphs: [], notes: [] };
  const bodySize = mode(lines.map((l) => [l.size, l.text.length]));
  // The document's own words, leaving out the pieces of words split by a line-break hyphen.
  const vocab = new Set<string>();
  let splitBefore = false;
  for (const l of lines) {
    const words = l.text.match(WORD) ?? [];
    const splitAfter = /[A-Za-z]-$/.test(l.text);
    words.forEach((w, i) => {
      if ((i === 0 && splitBefore) || (i === words.length - 1 && splitAfter)) return;
      vocab.add(w.toLowerCase());
      for (const part of w.split("-")) vocab.add(part.toLowerCase());
    });
    splitBefore = splitAfter;
  }

  // per page+column: the left edge, right edge and usual line spacing of body text
  const geo = new Map<string, { left: number; right: number; gap: number }>();
  const keyOf = (l: Line) => `${l.page}/${l.column}`;
  const byCol = new Map<string, Line[]>();
  for (const l of lines) {
    const k = keyOf(l);
    if (!byCol.has(k)) byCol.set(k, []);
    byCol.get(k)!.push(l);
  }
  const gaps: Array<[number, number]> = [];
  for (const [k, ls] of byCol) {
    const body = ls.filter((l) => Math.abs(l.size - bodySize) < 0.6);
    const use = body.length ? body : ls;
    const left = mode(use.map((l) => [round(l.x, 2), 1]));
    const right = Math.max(...use.map((l) => l.xEnd));
    const colGaps: Array<[number, number]> = [];
    for (let i = 1; i < use.length; i++) colGaps.push([round(use[i - 1]!.y - use[i]!.y, 0.5), 1]);
    const gap = colGaps.length ? mode(colGaps) : bodySize * 1.25;
    gaps.push(...colGaps);
    geo.set(k, { left, right, gap });
  }
  const docGap = gaps.length ? mode(gaps) : bodySize * 1.25;

  const paragraphs: string[] = [];
  const notes: string[] = [];
  // Footnotes interrupt a paragraph at the foot of a page; the paragraph goes on after them.
  let cur: string | null = null;
  let note: string | null = null;
  let prev: Line | null = null;
  let prevNote: Line | null = null;
  const flushNote = () => {
    if (note !== null) notes.push(note);
    note = null;
    prevNote = null;
  };
  for (const l of lines) {
    const g = geo.get(keyOf(l))!;
    const small = l.size < bodySize - 0.75;
    if (small && l.y < l.height * 0.45 && FOOTNOTE_MARK.test(l.text)) {
      flushNote();
      note = footnoteLine(l.text);
      prevNote = l;
      continue;
    }
    if (note !== null && prevNote && small && l.page === prevNote.page && prevNote.y > l.y) {
      note = joinLines(note, l.text, vocab);
      prevNote = l;
      continue;
    }
    flushNote();
    let startNew = prev === null;
    if (prev) {
      const samePlace = prev.page === l.page && prev.column === l.column;
      const ended = /[.!?:;。”"’)]$/.test(prev.text);
      if (Math.abs(l.size - prev.size) > 0.6) startNew = true;
      else if (samePlace) {
        const gap = prev.y - l.y;
        // headings in a larger type have a wider line spacing
        const spacing = (g.gap > 0 ? g.gap : docGap) * Math.max(1, l.size / bodySize);
        if (gap > spacing * 1.45 || gap < 0) startNew = true;
        else if (l.x > g.left + 0.8 * l.size && Math.abs(l.x - prev.x) > 0.8 * l.size)
          startNew = true; // indented
        else if (ended && !ABBREVIATION_END.test(prev.text) && brokeEarly(prev, l, g.right)) startNew = true;
        else if (/^(?:[•・●■◆○▪*※]|\(\d+\)|\d+\.\s)/.test(l.text)) startNew = true;
        else if (ended && prev.size > bodySize + 0.6) startNew = true;
      } else {
        // Over a page or column break a paragraph goes on mid-sentence ("... the Japan-U.S." + "Alliance"
        // counts as mid-sentence), or when the next line starts in lower case.
        const midSentence = !ended || ABBREVIATION_END.test(prev.text);
        startNew =
          /^[•・●■◆○▪*※]|^\(\d+\)\s|^\d+\.\s/.test(l.text) ||
          l.x > g.left + 0.8 * l.size ||
          (!midSentence && !/^[a-z]/.test(l.text) && brokeEarly(prev, l, geo.get(keyOf(prev))!.right));
      }
    }
    if (startNew || cur === null) {
      if (cur !== null) paragraphs.push(cur);
      cur = l.text;
    } else {
      cur = joinLines(cur, l.text, vocab);
    }
    prev = l;
  }
  flushNote();
  if (cur !== null) paragraphs.push(cur);
  return { paragraphs, notes };
}

/** Pages -> the document's text. */
/** The name of a Bluebook edition, as printed on its pages. */
const EDITION_NAME = /\bDiplomatic\s+Blue\s?book\s+\d{4}(?:\s+Summary)?/i;

export function layoutPages(pages: PdfPage[]): string {
  const lines = pages.flatMap((p, n) => pageLines(p, n));
  const kept = dropFurniture(lines, pages.length);
  const { paragraphs, notes } = buildParagraphs(kept);
  const out = [...paragraphs];
  // A running header is often the only place that names the edition ("Diplomatic Bluebook 2023"):
  // when the text itself does not, that name opens the text, as in the plain-text editions.
  const keptSet = new Set(kept);
  const edition = lines
    .filter((l) => !keptSet.has(l))
    .map((l) => EDITION_NAME.exec(l.text)?.[0])
    .find(Boolean);
  if (edition && !EDITION_NAME.test(out.slice(0, 5).join("\n"))) out.unshift(edition.replace(/\s+/g, " "));
  if (notes.length) out.push("Notes", ...notes);
  return out.join("\n\n").replace(/\u00ad/g, "");
}
