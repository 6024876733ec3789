import { posix } from "node:path";
import * as cheerio from "cheerio";

/** The ministry's English Diplomatic Bluebook pages. */
export const DEFAULT_BASE = "https://www.mofa.go.jp/policy/other/bluebook/";

/** The first edition whose English table of contents sits in an html/ folder. */
export const FIRST_HTML_FOLDER_EDITION = 2014;

/**
 * Where an edition's English table of contents may be, most likely first.
 * Recent editions: `<base><Y>/html/index.html`; older ones keep it at the top of the
 * edition's folder, `<base><Y>/index.html`. Both are tried (the other one second),
 * since the site has moved pages between the two layouts over the years.
 */
export function tocLocations(edition: number, base = DEFAULT_BASE): string[] {
  const root = new URL(`${edition}/`, withSlash(base));
  const html = new URL("html/index.html", root).href;
  const top = new URL("index.html", root).href;
  return edition >= FIRST_HTML_FOLDER_EDITION ? [html, top] : [top, html];
}

/** The folder every page of the edition lives under: links outside it are not followed. */
export function editionRoot(edition: number, base = DEFAULT_BASE): string {
  return new URL(`${edition}/`, withSlash(base)).href;
}

function withSlash(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}

export type DocKind = "html" | "pdf" | "txt";

export interface DocLink {
  url: string;
  kind: DocKind;
  /** the link's text, for the log */
  label: string;
}

/** The kind of document a URL points at, by its extension; null for anything else. */
export function kindOf(url: string): DocKind | null {
  const ext = posix.extname(new URL(url).pathname).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".pdf") return "pdf";
  if (ext === ".txt") return "txt";
  return null;
}

/**
 * The documents a table of contents links to inside the edition's folder, in page
 * order, without fragments or duplicates. Frame sources count as links (older framed
 * tables of contents).
 */
export function extractLinks(html: string, pageUrl: string, root: string): DocLink[] {
  const $ = cheerio.load(html);
  const out: DocLink[] = [];
  const seen = new Set<string>([stripHash(pageUrl)]);
  $("a[href], frame[src], iframe[src], area[href]").each((_, el) => {
    const ref = $(el).attr("href") ?? $(el).attr("src") ?? "";
    if (!ref || /^(?:mailto|javascript|tel):/i.test(ref)) return;
    let abs: string;
    try {
      abs = stripHash(new URL(ref, pageUrl).href);
    } catch {
      return;
    }
    if (!abs.startsWith(root) || seen.has(abs)) return;
    const kind = kindOf(abs);
    if (!kind) return;
    seen.add(abs);
    out.push({ url: abs, kind, label: $(el).text().replace(/\s+/g, " ").trim() });
  });
  return out;
}

function stripHash(u: string): string {
  const url = new URL(u);
  url.hash = "";
  return url.href;
}

/** Whether a TOC page is a frameset whose frames hold the real contents. */
export function frameSources(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  if (!$("frameset").length) return [];
  return $("frame[src]")
    .map((_, el) => new URL($(el).attr("src") ?? "", pageUrl).href)
    .get();
}

const GENERIC_STEMS = new Set(["index", "top", "main", "contents", "toc", "default", "honbun", "all"]);

/**
 * One document per chapter: when the same page exists as HTML, PDF and text
 * (same name, different extension), keep the first kind in `prefer`.
 */
export function pickDocuments(links: DocLink[], prefer: DocKind[] = ["html", "pdf", "txt"]): DocLink[] {
  const byStem = new Map<string, DocLink[]>();
  const order: string[] = [];
  for (const l of links) {
    if (!prefer.includes(l.kind)) continue;
    const p = new URL(l.url).pathname;
    const base = posix.basename(p, posix.extname(p)).toLowerCase();
    // "c020202.html" and "../pdf/c020202.pdf" are one chapter; "chapter1/index.html" and "chapter2/index.pdf" are not
    const stem = GENERIC_STEMS.has(base) ? p.slice(0, p.length - posix.extname(p).length) : base;
    if (!byStem.has(stem)) {
      byStem.set(stem, []);
      order.push(stem);
    }
    byStem.get(stem)!.push(l);
  }
  return order.map((stem) => {
    const ls = byStem.get(stem)!;
    return [...ls].sort((a, b) => prefer.indexOf(a.kind) - prefer.indexOf(b.kind))[0]!;
  });
}

/**
 * The file name a document is saved under: the edition, then its path inside the edition's
 * folder with "/" -> "_" ("2025_chapter2_c020101.html"). The name without its extension is
 * the document's id in the store, so editions fetched into one folder do not collide.
 */
export function localName(url: string, root: string, edition: number): string {
  const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(root).pathname.length));
  return `${edition}_${rel
    .replace(/^html\//, "")
    .split("/")
    .filter(Boolean)
    .join("_")
    .replace(/[^\w.-]/g, "_")}`;
}
