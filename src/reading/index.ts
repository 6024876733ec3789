import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { ReadResult, SourceDocument, SourceFormat } from "../model/types.js";
import { listInputFiles } from "./files.js";
import { htmlToText } from "./html.js";

export { INPUT_EXTENSIONS, listInputFiles } from "./files.js";
export { htmlToText } from "./html.js";

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

/** Reads one file into a SourceDocument, or says clearly why it cannot. Never throws. */
export async function readOne(path: string): Promise<ReadResult> {
  const format = formatOf(path);
  if (!format)
    return fail(path, `unsupported file type "${extname(path) || "(none)"}" (expected .txt, .html, .htm or .pdf)`);
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > MAX_INPUT_BYTES)
      return fail(path, `file is too large (${st.size} bytes; the limit is ${MAX_INPUT_BYTES})`);
    bytes = await readFile(path);
  } catch (e) {
    return fail(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes.length === 0) return fail(path, "file is empty");
  if (format === "pdf") return fail(path, "PDF input is not supported yet");
  if (bytes.includes(0)) return fail(path, "looks like a binary file (it contains NUL bytes), not text");
  const decoded = decodeUtf8(bytes);
  if (decoded === null) return fail(path, "is not valid UTF-8 text");
  let text = decoded;
  let title: string | null = null;
  if (format === "html") {
    const h = htmlToText(decoded);
    text = h.text;
    title = h.title;
    if (!text.trim()) return fail(path, "HTML page has no main text");
  }
  if (!text.trim()) return fail(path, "file has no text");
  const doc: SourceDocument = {
    id: basename(path, extname(path)),
    path,
    format,
    text,
    encoding: "utf-8",
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
