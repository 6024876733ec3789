import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { ALLOW_ALL, parseRobots, type Robots } from "./robots.js";
import {
  DEFAULT_BASE,
  type DocKind,
  type DocLink,
  editionRoot,
  extractLinks,
  frameSources,
  localName,
  pickDocuments,
  tocLocations,
} from "./toc.js";

/** Panorama's version, from its package.json (src/ and dist/src/ both find it). */
export function panoramaVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "panorama" && pkg.version) return pkg.version;
      } catch {
        // keep looking
      }
    }
    dir = dirname(dir);
  }
  return "0.0.0";
}

export const USER_AGENT = `Panorama/${panoramaVersion()} (document fetcher for fact-checking; one request at a time)`;

/** Files above this size are not saved. */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;

export interface FetchOptions {
  edition: number;
  /** the folder the documents are saved into */
  dir: string;
  base?: string;
  /** pause between two requests, ms (robots.txt Crawl-delay raises it) */
  delayMs?: number;
  /** attempts after a 5xx/429 answer or a network error */
  retries?: number;
  /** per-request timeout, ms */
  timeoutMs?: number;
  prefer?: DocKind[];
  userAgent?: string;
  /** how many levels of chapter index pages to follow below the contents (default 1) */
  maxIndexDepth?: number;
  /** called when the number of documents to fetch is known, and again when index pages add some */
  onStart?: (total: number) => void;
  onDocument?: (outcome: DocOutcome) => void;
}

export type DocOutcome =
  | { url: string; status: "saved"; file: string; bytes: number }
  | { url: string; status: "skipped"; file: string; why: "exists" }
  | { url: string; status: "disallowed"; why: string }
  | { url: string; status: "index"; links: number }
  | { url: string; status: "failed"; message: string; httpStatus?: number };

export interface FetchReport {
  toc: string | null;
  documents: DocOutcome[];
  saved: number;
  skipped: number;
  disallowed: number;
  failed: number;
  /** chapter index pages (mostly links) that were followed rather than saved */
  indexes: number;
  /** problems that stopped the run before any document (TOC, robots.txt) */
  errors: string[];
  requests: number;
}

export class HttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string,
  ) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ""} for ${url}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One polite client: a single request at a time, a pause between requests, our User-Agent. */
class PoliteClient {
  private last = 0;
  requests = 0;
  constructor(
    private delayMs: number,
    private readonly userAgent: string,
    private readonly timeoutMs: number,
    private readonly retries: number,
  ) {}

  setMinDelay(ms: number) {
    this.delayMs = Math.max(this.delayMs, ms);
  }

  /** GETs a URL; an HTTP error status throws HttpError after the retries. */
  async get(url: string): Promise<{ body: Buffer; type: string; url: string }> {
    let lastError: Error | null = null;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const wait = this.last + this.delayMs * (attempt + 1) - Date.now();
      if (this.requests > 0 && wait > 0) await sleep(wait);
      this.requests++;
      try {
        const res = await fetch(url, {
          headers: { "User-Agent": this.userAgent, Accept: "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5" },
          redirect: "follow",
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        const length = Number(res.headers.get("content-length") ?? 0);
        if (length > MAX_DOWNLOAD_BYTES) {
          await res.body?.cancel();
          throw new Error(`${url} is too large (${length} bytes; the limit is ${MAX_DOWNLOAD_BYTES})`);
        }
        const body = Buffer.from(await res.arrayBuffer());
        this.last = Date.now();
        if (!res.ok) {
          const err = new HttpError(url, res.status, res.statusText);
          if ((res.status >= 500 || res.status === 429) && attempt < this.retries) {
            lastError = err;
            // a Retry-After of up to a minute is honoured (seconds, or an HTTP date)
            const after = res.headers.get("retry-after");
            if (after) {
              const secs = /^\d+$/.test(after) ? Number(after) : (Date.parse(after) - Date.now()) / 1000;
              if (secs > 0 && secs <= 60) await sleep(secs * 1000);
            }
            continue;
          }
          throw err;
        }
        return { body, type: res.headers.get("content-type") ?? "", url: res.url || url };
      } catch (e) {
        this.last = Date.now();
        if (e instanceof HttpError) throw e;
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        const msg =
          (e as Error).name === "TimeoutError"
            ? `timed out after ${this.timeoutMs} ms`
            : (cause ?? (e as Error).message);
        lastError = new Error(`cannot fetch ${url} (${msg})`);
        if (/too large/.test((e as Error).message)) throw e;
        if (attempt >= this.retries) throw lastError;
      }
    }
    throw lastError ?? new Error(`cannot fetch ${url}`);
  }
}

async function loadRobots(client: PoliteClient, origin: string, agent: string): Promise<Robots | string> {
  const url = new URL("/robots.txt", origin).href;
  try {
    const { body } = await client.get(url);
    return parseRobots(body.toString("utf8"), agent);
  } catch (e) {
    // RFC 9309: 4xx means no rules; 5xx or unreachable means assume everything is disallowed
    if (e instanceof HttpError && e.status >= 400 && e.status < 500) return ALLOW_ALL;
    return `robots.txt cannot be read (${(e as Error).message}): not fetching anything from ${origin}`;
  }
}

const pathOf = (u: string) => {
  const url = new URL(u);
  return url.pathname + url.search;
};

/** Whether the bytes fit the kind of document the link promised (a PDF link answered by an HTML error page does not). */
function looksLike(kind: DocKind, body: Buffer, type: string): string | null {
  const head = body.subarray(0, 1024).toString("latin1");
  if (kind === "pdf" && !head.includes("%PDF-"))
    return `expected a PDF but got ${type || "something else"} (${/<html|<!doctype/i.test(head) ? "an HTML page" : "no %PDF- header"})`;
  if (kind !== "pdf" && head.includes("%PDF-")) return null;
  if (body.length === 0) return "the server sent an empty document";
  return null;
}

/**
 * Saves an edition's chapter pages (or PDFs) into `dir`: reads the table of contents,
 * follows its links inside the edition's folder, honours robots.txt, one request at
 * a time with a pause, skips files already saved (resumable), writes each file under
 * a temporary name and renames it when complete.
 */
export async function fetchEdition(opts: FetchOptions): Promise<FetchReport> {
  const base = opts.base ?? DEFAULT_BASE;
  const userAgent = opts.userAgent ?? USER_AGENT;
  const client = new PoliteClient(opts.delayMs ?? 1000, userAgent, opts.timeoutMs ?? 30_000, opts.retries ?? 1);
  const report: FetchReport = {
    toc: null,
    documents: [],
    saved: 0,
    skipped: 0,
    disallowed: 0,
    failed: 0,
    indexes: 0,
    errors: [],
    requests: 0,
  };
  const done = () => {
    report.requests = client.requests;
    return report;
  };
  const root = editionRoot(opts.edition, base);
  const robots = await loadRobots(client, root, "Panorama");
  if (typeof robots === "string") {
    report.errors.push(robots);
    return done();
  }
  if (robots.crawlDelay) client.setMinDelay(robots.crawlDelay * 1000);

  // The table of contents: the first location that answers.
  let links: DocLink[] = [];
  const tried: string[] = [];
  for (const toc of tocLocations(opts.edition, base)) {
    if (!robots.allowed(pathOf(toc))) {
      tried.push(`${toc} (disallowed by robots.txt)`);
      continue;
    }
    try {
      const page = await client.get(toc);
      const html = page.body.toString("utf8");
      report.toc = toc;
      links = extractLinks(html, page.url, root);
      // an old framed contents page: its frames hold the links
      for (const frame of frameSources(html, page.url)) {
        if (!frame.startsWith(root) || !robots.allowed(pathOf(frame))) continue;
        const f = await client.get(frame);
        links.push(...extractLinks(f.body.toString("utf8"), f.url, root).filter((l) => l.url !== frame));
      }
      break;
    } catch (e) {
      tried.push(e instanceof HttpError ? `${toc} (HTTP ${e.status})` : `${toc} (${(e as Error).message})`);
    }
  }
  if (!report.toc) {
    report.errors.push(`no table of contents for edition ${opts.edition}: tried ${tried.join(", ")}`);
    return done();
  }
  const docs = pickDocuments(
    links.filter((l) => l.url !== report.toc),
    opts.prefer,
  );
  if (!docs.length) report.errors.push(`the table of contents at ${report.toc} links to no chapter pages or PDFs`);

  await mkdir(opts.dir, { recursive: true });
  await removeStaleParts(opts.dir);
  // A queue: chapter index pages found on the way add their documents after the others.
  const queue = docs.map((d) => ({ doc: d, depth: 0 }));
  const seen = new Set([report.toc, ...links.map((l) => l.url)]);
  const maxDepth = opts.maxIndexDepth ?? 1;
  opts.onStart?.(queue.length);
  for (let i = 0; i < queue.length; i++) {
    const { doc: d, depth } = queue[i]!;
    const file = join(opts.dir, localName(d.url, root, opts.edition));
    const found: DocLink[] = [];
    const outcome = await fetchOne(client, robots, d, file, depth < maxDepth ? { root, found } : null);
    report.documents.push(outcome);
    if (outcome.status === "saved") report.saved++;
    else if (outcome.status === "skipped") report.skipped++;
    else if (outcome.status === "disallowed") report.disallowed++;
    else if (outcome.status === "index") report.indexes++;
    else report.failed++;
    if (found.length) {
      const fresh = pickDocuments(
        found.filter((l) => !seen.has(l.url)),
        opts.prefer,
      );
      for (const l of found) seen.add(l.url);
      for (const l of fresh) queue.push({ doc: l, depth: depth + 1 });
      if (fresh.length) opts.onStart?.(queue.length);
    }
    opts.onDocument?.(outcome);
  }
  return done();
}

/**
 * A chapter index rather than a chapter: an HTML page whose text is nearly all links to
 * two or more documents of the edition. Returns those links, or null for a real page.
 */
export function indexLinks(html: string, url: string, root: string): DocLink[] | null {
  const links = extractLinks(html, url, root);
  if (links.length < 2) return null;
  const $ = cheerio.load(html);
  $("script, style, noscript, head").remove();
  const all = $("body").text().replace(/\s+/g, "").length;
  const linked = $("body a").text().replace(/\s+/g, "").length;
  // prose beyond the links: a real chapter page has paragraphs of it
  return all - linked < 400 ? links : null;
}

/** Deletes the temporary files of runs that were interrupted (their process is gone). */
async function removeStaleParts(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const m = /\.part-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === "EPERM";
      }
    }
    if (!alive) await unlink(join(dir, name)).catch(() => {});
  }
}

async function fetchOne(
  client: PoliteClient,
  robots: Robots,
  d: DocLink,
  file: string,
  follow: { root: string; found: DocLink[] } | null,
): Promise<DocOutcome> {
  const existing = await stat(file).catch(() => null);
  if (existing && existing.size > 0) return { url: d.url, status: "skipped", file, why: "exists" } as const;
  if (!robots.allowed(pathOf(d.url))) return { url: d.url, status: "disallowed", why: "robots.txt" } as const;
  try {
    const { body, type, url } = await client.get(d.url);
    const wrong = looksLike(d.kind, body, type);
    if (wrong) return { url: d.url, status: "failed", message: `${d.url}: ${wrong}` } as const;
    if (follow && d.kind === "html") {
      const links = indexLinks(body.toString("utf8"), url, follow.root);
      if (links) {
        follow.found.push(...links);
        return { url: d.url, status: "index", links: links.length } as const;
      }
    }
    const part = `${file}.part-${process.pid}`;
    await writeFile(part, body);
    try {
      await rename(part, file);
    } catch (e) {
      await unlink(part).catch(() => {});
      throw e;
    }
    return { url: d.url, status: "saved", file, bytes: body.length } as const;
  } catch (e) {
    if (e instanceof HttpError)
      return { url: d.url, status: "failed", message: e.message, httpStatus: e.status } as const;
    return { url: d.url, status: "failed", message: (e as Error).message } as const;
  }
}
