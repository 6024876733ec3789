/**
 * `panorama fetch` against a local copy of the site's structure (pages written for
 * the test, served by node:http on 127.0.0.1): never the internet.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchEdition, parseRobots, tocLocations } from "../../src/fetching/index.js";
import { readInputs } from "../../src/reading/index.js";
import { makePdf, SECTION } from "../unit/reading/helpers.js";

const exec = promisify(execFile);
/**
 * Runs `panorama fetch ARGS` in a child process with the fetch command alone registered,
 * as main.ts registers it (so that work in progress on other commands cannot break this test).
 */
const CLI = `import { Command } from "commander";
import { register } from "./src/interfaces/cli/commands/fetch.ts";
const program = new Command("panorama");
register(program);
await program.parseAsync(process.argv.slice(1), { from: "user" });`;
const panorama = (args: string[]) =>
  exec(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CLI, "fetch", ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: "1" },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
const ROOT = join(import.meta.dirname, "../..");
const BB = "/policy/other/bluebook";

interface Page {
  status?: number;
  type?: string;
  body: string | Uint8Array;
}

const chapter = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div id="header"><a href="/">Home</a></div><div class="breadcrumb"><a href="/">Home</a> &gt; Diplomatic Bluebook 2025</div>
<div id="contents"><p class="bluebook-title">Diplomatic Bluebook 2025</p><h1>${title}</h1>${body}</div>
<div id="footer">Ministry of Foreign Affairs of Japan</div></body></html>`;

let site: Map<string, Page>;
let requests: Array<{ path: string; ua: string; at: number }>;
let inFlight = 0;
let maxInFlight = 0;
let server: Server;
let base: string;
let out: string;

async function buildSite(): Promise<Map<string, Page>> {
  const pdf = await makePdf(SECTION, { header: "Diplomatic Bluebook 2025", linesPerPage: 20 });
  const toc = `<!DOCTYPE html><html><head><title>Diplomatic Bluebook 2025</title></head><body>
<div id="header"><a href="/">Home</a> <a href="/ja/">Japanese</a></div>
<div id="contents"><h1>Diplomatic Bluebook 2025</h1><ul>
<li><a href="chapter1/c010101.html">Chapter 1 Section 1 Overview</a> <a href="../pdf/c010101.pdf">(PDF)</a></li>
<li><a href="chapter2/c020101.html#sec1">Chapter 2 Section 1 Asia</a></li>
<li><a href="chapter2/c020101.html">Chapter 2 Section 1 Asia (again)</a></li>
<li><a href="chapter2/c020102.html">Chapter 2 Section 2 North America</a></li>
<li><a href="chapter2/c020103.html">Chapter 2 Section 3 Europe</a></li>
<li><a href="private/draft.html">Draft</a></li>
<li><a href="../pdf/c04.pdf">Chapter 4 (PDF)</a></li>
<li><a href="../pdf/c05.pdf">Chapter 5 (PDF)</a></li>
<li><a href="../../2024/html/index.html">Diplomatic Bluebook 2024</a></li>
<li><a href="https://example.com/elsewhere.html">Elsewhere</a></li>
<li><a href="mailto:someone@example.com">Mail</a></li>
<li><a href="#top">PAGE TOP</a></li>
</ul></div></body></html>`;
  return new Map<string, Page>([
    ["/robots.txt", { type: "text/plain", body: `User-agent: *\nDisallow: ${BB}/2025/html/private/\n` }],
    [`${BB}/2025/html/index.html`, { body: toc }],
    [
      `${BB}/2025/html/chapter1/c010101.html`,
      { body: chapter("Chapter 1 Section 1 Overview", "<p>Japan’s diplomacy in 2024 faced a severe environment.</p>") },
    ],
    [`${BB}/2025/pdf/c010101.pdf`, { type: "application/pdf", body: pdf }],
    [
      `${BB}/2025/html/chapter2/c020101.html`,
      { body: chapter("Chapter 2 Section 1 Asia", "<p>In May, Japan and the ROK held a summit meeting in Seoul.</p>") },
    ],
    [`${BB}/2025/html/chapter2/c020102.html`, { status: 404, body: "<h1>Not Found</h1>" }],
    [`${BB}/2025/html/chapter2/c020103.html`, { status: 500, body: "<h1>Internal Server Error</h1>" }],
    [`${BB}/2025/html/private/draft.html`, { body: chapter("Draft", "<p>Not for robots.</p>") }],
    [`${BB}/2025/pdf/c04.pdf`, { type: "application/pdf", body: pdf }],
    [`${BB}/2025/pdf/c05.pdf`, { type: "text/html", body: "<!DOCTYPE html><html><body>Moved</body></html>" }],
    // an edition whose contents link to chapter index pages, which link to the sections
    [
      `${BB}/2024/html/index.html`,
      { body: `<html><body><div id="contents"><a href="chapter3/index.html">Chapter 3</a></div></body></html>` },
    ],
    [
      `${BB}/2024/html/chapter3/index.html`,
      {
        body: chapter(
          "Chapter 3",
          `<ul><li><a href="c030101.html">Section 1</a></li><li><a href="c030102.html">Section 2</a></li><li><a href="../index.html">Contents</a></li></ul>`,
        ),
      },
    ],
    [
      `${BB}/2024/html/chapter3/c030101.html`,
      { body: chapter("Section 1", `<p>In March, Japan and India held a summit meeting in New Delhi.</p>`) },
    ],
    [
      `${BB}/2024/html/chapter3/c030102.html`,
      { body: chapter("Section 2", `<p>In June, Japan and Brazil held a foreign ministers’ meeting.</p>`) },
    ],
    // an old edition: contents at the top of its folder
    [
      `${BB}/2004/index.html`,
      {
        body: `<HTML><BODY><A HREF="1-1.html">Chapter 1</A> | <A HREF="index.html">Contents</A></BODY></HTML>`,
      },
    ],
    [`${BB}/2004/1-1.html`, { body: chapter("Chapter 1", "<p>In 2003, Japan strengthened its alliances.</p>") }],
  ]);
}

beforeAll(async () => {
  site = await buildSite();
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ path, ua: String(req.headers["user-agent"] ?? ""), at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const page = site.get(path);
    // answer a little later, so that overlapping requests would show
    setTimeout(() => {
      inFlight--;
      if (!page) {
        res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
        return;
      }
      res.writeHead(page.status ?? 200, { "content-type": page.type ?? "text/html; charset=utf-8" });
      res.end(typeof page.body === "string" ? page.body : Buffer.from(page.body));
    }, 5);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BB}/`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  requests = [];
  maxInFlight = 0;
  out = mkdtempSync(join(tmpdir(), "panorama-fetch-"));
  return () => rmSync(out, { recursive: true, force: true });
});

describe("fetchEdition", () => {
  it("saves the chapter pages and PDFs the contents link to, and reports every failure", async () => {
    const report = await fetchEdition({ edition: 2025, dir: out, base, delayMs: 0, retries: 1 });
    expect(report.toc).toBe(`${base}2025/html/index.html`);
    expect(readdirSync(out).sort()).toEqual([
      "2025_chapter1_c010101.html",
      "2025_chapter2_c020101.html",
      "2025_pdf_c04.pdf",
    ]);
    expect(report).toMatchObject({ saved: 3, skipped: 0, disallowed: 1, failed: 3, errors: [] });
    const failed = report.documents.filter((d) => d.status === "failed");
    expect(failed.map((f) => (f.status === "failed" ? f.message : ""))).toEqual([
      expect.stringMatching(/^HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/.*\/c020102\.html$/),
      expect.stringMatching(/^HTTP 500 Internal Server Error for http.*\/c020103\.html$/),
      expect.stringMatching(/c05\.pdf: expected a PDF but got text\/html \(an HTML page\)/),
    ]);
    // robots.txt read first, the disallowed page never asked for, the 500 tried twice
    expect(requests[0]!.path).toBe("/robots.txt");
    expect(requests.some((r) => r.path.includes("/private/"))).toBe(false);
    expect(requests.filter((r) => r.path.endsWith("c020103.html"))).toHaveLength(2);
    // the PDF twin of an HTML chapter is not fetched; links outside the edition are not followed
    expect(requests.some((r) => r.path.endsWith("c010101.pdf"))).toBe(false);
    expect(requests.some((r) => r.path.includes("/2024/"))).toBe(false);
    // one request at a time, each naming Panorama and its version
    expect(maxInFlight).toBe(1);
    for (const r of requests) expect(r.ua).toMatch(/^Panorama\/\d+\.\d+\.\d+ /);
    // no temporary files left behind
    expect(readdirSync(out).some((f) => f.includes(".part"))).toBe(false);
  });

  it("is resumable: a second run fetches only what is missing", async () => {
    await fetchEdition({ edition: 2025, dir: out, base, delayMs: 0, retries: 0 });
    requests = [];
    const again = await fetchEdition({ edition: 2025, dir: out, base, delayMs: 0, retries: 0 });
    expect(again).toMatchObject({ saved: 0, skipped: 3, failed: 3 });
    const asked = requests.map((r) => r.path);
    expect(asked.some((p) => p.endsWith("c010101.html") || p.endsWith("c020101.html") || p.endsWith("c04.pdf"))).toBe(
      false,
    );
  });

  it("removes the temporary file an interrupted run left behind", async () => {
    const stale = join(out, "2025_chapter1_c010101.html.part-999999999");
    writeFileSync(stale, "half a page");
    await fetchEdition({ edition: 2025, dir: out, base, delayMs: 0, retries: 0 });
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(out)).toContain("2025_chapter1_c010101.html");
  });

  it("waits between requests", async () => {
    await fetchEdition({ edition: 2025, dir: out, base, delayMs: 40, retries: 0 });
    for (let i = 1; i < requests.length; i++) expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(35);
  });

  it("follows chapter index pages to their sections instead of saving them", async () => {
    const totals: number[] = [];
    const report = await fetchEdition({ edition: 2024, dir: out, base, delayMs: 0, onStart: (t) => totals.push(t) });
    expect(readdirSync(out).sort()).toEqual(["2024_chapter3_c030101.html", "2024_chapter3_c030102.html"]);
    expect(report).toMatchObject({ saved: 2, indexes: 1, failed: 0 });
    expect(totals).toEqual([1, 3]);
  });

  it("finds an older edition's contents at the top of its folder", async () => {
    expect(tocLocations(2004, base)[0]).toBe(`${base}2004/index.html`);
    const report = await fetchEdition({ edition: 2004, dir: out, base, delayMs: 0 });
    expect(report.toc).toBe(`${base}2004/index.html`);
    expect(readdirSync(out)).toEqual(["2004_1-1.html"]);
  });

  it("says clearly when an edition has no contents page", async () => {
    const report = await fetchEdition({ edition: 1999, dir: out, base, delayMs: 0, retries: 0 });
    expect(report.errors).toEqual([expect.stringMatching(/no table of contents for edition 1999: tried .*HTTP 404/)]);
  });

  it("saves files that ingest can read", async () => {
    await fetchEdition({ edition: 2025, dir: out, base, delayMs: 0, retries: 0 });
    const docs = [];
    for await (const r of readInputs([out])) docs.push(r);
    expect(docs.every((d) => d.ok)).toBe(true);
    expect(docs.map((d) => (d.ok ? d.doc.format : null))).toEqual(["html", "html", "pdf"]);
  });
});

describe("panorama fetch (CLI)", () => {
  it("exits 1 naming the failed URLs, and prints a summary", async () => {
    const err = await panorama(["--edition", "2025", "--to", out, "--base", base, "--delay", "0"]);
    expect(err.code).toBe(1);
    expect(err.stdout).toMatch(/edition 2025: 3 saved, 0 already there, 1 disallowed by robots\.txt, 3 failed/);
    expect(err.stderr).toMatch(/HTTP 404 Not Found for http:\/\/127\.0\.0\.1.*c020102\.html/);
    expect(err.stderr).toMatch(/HTTP 500/);
    expect(err.stderr).toMatch(/private\/draft\.html: not fetched \(disallowed by robots\.txt\)/);
    expect(existsSync(join(out, "2025_chapter2_c020101.html"))).toBe(true);
  });

  it("refuses a bad --delay or --base with exit code 2", async () => {
    for (const args of [
      ["--delay", "soon"],
      ["--base", "ftp://example.com/"],
    ]) {
      const err = await panorama(["--edition", "2025", "--to", out, ...args]);
      expect(err.code).toBe(2);
      expect(err.stderr).toContain(args[0]);
    }
  });
});

describe("parseRobots", () => {
  it("applies the longest matching rule, Allow winning ties, our own group first", () => {
    const r = parseRobots(
      [
        "User-agent: *",
        "Disallow: /",
        "",
        "User-agent: panorama",
        "User-agent: otherbot",
        "Disallow: /policy/",
        "Allow: /policy/other/bluebook/",
        "Disallow: /*.cgi$",
        "Crawl-delay: 2",
      ].join("\n"),
      "Panorama",
    );
    expect(r.allowed("/policy/other/bluebook/2025/html/index.html")).toBe(true);
    expect(r.allowed("/policy/other/index.html")).toBe(false);
    expect(r.allowed("/region/index.html")).toBe(true);
    expect(r.allowed("/region/x.cgi")).toBe(false);
    expect(r.allowed("/region/x.cgi?a=1")).toBe(true);
    expect(r.allowed("/policy/other/bluebook/x.cgi")).toBe(true); // the longer Allow wins
    expect(r.crawlDelay).toBe(2);
    expect(parseRobots("User-agent: *\nDisallow: /\n", "Panorama").allowed("/a.html")).toBe(false);
    expect(parseRobots("User-agent: *\nDisallow:\n", "Panorama").allowed("/a.html")).toBe(true);
  });
});
