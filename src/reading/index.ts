import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import type { ReadResult, SourceDocument, SourceFormat } from "../model/types.js";
import { declaredCharset, decodeBytes } from "./decode.js";
import { listInputFiles } from "./files.js";
import { htmlToText } from "./html.js";
import { PdfReadError, pdfDocumentText } from "./pdf.js";

export { type DecodeResult, decodeBytes, plausibility } from "./decode.js";
export { INPUT_EXTENSIONS, listInputFiles } from "./files.js";
export { htmlToText } from "./html.js";
export { PdfReadError, pdfDocumentText, pdfToText } from "./pdf.js";

/** Files above this size are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const fail = (path: string, why: string): ReadResult => ({ ok: false, error: { path, message: `${path}: ${why}` } });

export function formatOf(path: string): SourceFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === ".txt" || ext === ".text") return "txt";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".pdf") return "pdf";
  return null;
}

/** Decodes bytes as UTF-8 (a BOM is dropped); null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** What the first bytes say a file is, whatever its name. */
export type Sniffed = "pdf" | "html" | "text" | { binary: string };

const MAGIC: Array<[RegExp, string]> = [
  [/^PK\x03\x04/, "a ZIP archive (a Word or Excel file?)"],
  [/^\x89PNG/, "a PNG image"],
  [/^GIF8[79]a/, "a GIF image"],
  [/^\xff\xd8\xff/, "a JPEG image"],
  [/^%!PS/, "a PostScript file"],
  [/^\xd0\xcf\x11\xe0/, "an old Office document"],
  [/^\x1f\x8b/, "a gzip archive"],
  [/^\{\\rtf/, "an RTF document"],
  [/^SQLite format 3/, "an SQLite database"],
];

/** Sniffs the content: PDF signature, other binary signatures, HTML markup, else text. */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  // a PDF header may follow up to 1 KB of junk, but it starts a line
  if (/(?:^|[\r\n])\s*%PDF-\d\.\d/.test(head)) return "pdf";
  for (const [re, what] of MAGIC) if (re.test(head)) return { binary: what };
  // skip a BOM and the zero bytes of UTF-16 to look at the markup
  const ascii = head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "").replace(/\x00/g, "");
  if (
    /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*<!doctype\s+html|<!--[\s\S]*?-->\s*<html)/i.test(
      ascii,
    )
  )
    return "html";
  if (/<(?:body|frameset|table|div|p)[\s>]/i.test(ascii) && /<\/(?:p|div|td|a|title)>/i.test(ascii)) return "html";
  return "text";
}

/** A document's key: its file name without the extension (what `SourceDocument.id` is). */
export const documentKey = (path: string): string => basename(path, extname(path));

/** Reads one file into a SourceDocument, or says clearly why it cannot. Never throws. */
export async function readOne(path: string): Promise<ReadResult> {
  const named = formatOf(path);
  if (!named)
    return fail(path, `unsupported file type "${extname(path) || "(none)"}" (expected .txt, .html, .htm or .pdf)`);
  let bytes: Buffer;
  try {
    // Synchronous: one small file is read in microseconds, while each awaited fs/promises call is a
    // round trip through the thread pool (stat, then open, fstat, read, close), and the caller's
    // extraction of the text blocks the thread far longer anyway.
    const st = statSync(path);
    if (st.isDirectory()) return fail(path, "is a folder, not a file");
    if (st.size > MAX_INPUT_BYTES)
      return fail(path, `file is too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    bytes = readFileSync(path);
  } catch (e) {
    return fail(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes.length === 0) return fail(path, "file is empty");
  try {
    return await readBytes(path, bytes, named);
  } catch (e) {
    return fail(path, `cannot be read (${(e as Error).message})`);
  }
}

/** The body of readOne once the bytes are in memory: sniff, decode, convert. */
export async function readBytes(path: string, bytes: Uint8Array, named: SourceFormat): Promise<ReadResult> {
  const sniffed = sniff(bytes);
  if (typeof sniffed === "object")
    return fail(path, `is ${sniffed.binary}, not ${named === "pdf" ? "a PDF" : "text"}: cannot read it`);
  let format: SourceFormat = named;
  if (sniffed === "pdf") format = "pdf";
  else if (named === "pdf")
    return fail(
      path,
      `is named .pdf but is not a PDF (it holds ${sniffed === "html" ? "an HTML page: a download error page?" : "plain text"})`,
    );
  else if (sniffed === "html") format = "html";
  else if (
    named === "html" &&
    !/<[A-Za-z!/]/.test(Buffer.from(bytes.subarray(0, 4096)).toString("latin1").replace(/\x00/g, ""))
  )
    format = "txt"; // a text file named .html: no markup to parse, keep its lines

  let text: string;
  let encoding: string;
  let title: string | null = null;
  if (format === "pdf") {
    try {
      ({ text, title } = await pdfDocumentText(bytes));
    } catch (e) {
      if (e instanceof PdfReadError) return fail(path, e.message);
      throw e;
    }
    encoding = "pdf";
  } else {
    const decoded = decodeBytes(bytes, format === "html" ? declaredCharset(bytes) : null);
    if (!decoded.ok) return fail(path, decoded.reason);
    encoding = decoded.encoding;
    text = decoded.text;
    if (format === "html") {
      // a whole page ends with </html> or at least </body>; one cut short (a broken download) ends mid-text
      if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(text) && !/<\/(?:html|body)>/i.test(text.slice(-4096)))
        return fail(path, "HTML page looks truncated (no </body> or </html> near its end)");
      const h = htmlToText(text);
      text = h.text;
      title = h.title;
      if (h.frames?.length && !text.trim())
        return fail(path, `is a frameset page: its text is in its frames (${h.frames.join(", ")}); read those instead`);
      if (!text.trim()) return fail(path, "HTML page has no main text (only navigation, scripts or images)");
    }
  }
  if (!text.trim()) return fail(path, "file has no text");
  const doc: SourceDocument = {
    id: documentKey(path),
    path,
    format,
    text,
    encoding,
    bytes: bytes.length,
    hash: createHash("sha256").update(bytes).digest("hex"),
    title,
  };
  return { ok: true, doc };
}

/**
 * Reads files and folders (recursively, in a stable order), yielding one result per file.
 * Missing paths and unreadable files come out as failures; reading goes on.
 */
export async function* readInputs(paths: string[]): AsyncGenerator<ReadResult> {
  const { files, problems } = await listInputFiles(paths);
  for (const p of problems) yield { ok: false, error: p };
  for (const f of files) yield await readOne(f);
}
