/**
 * End-to-end: the built web app in real headless Chromium (Debian's package,
 * driven by playwright-core) against the server on 127.0.0.1 with a temporary
 * store of the sample corpus plus a few written test documents. Saves
 * screenshots at laptop and phone widths to test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSamples } from "../../src/interfaces/cli/commands/serve.js";
import { buildServer, startServer } from "../../src/interfaces/http/server.js";
import { openStore, type Store } from "../../src/storage/index.js";
import { canadaReadout, MARKUP, markupDoc, northAmerica } from "../api/fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  throw new Error(`end-to-end tests need ${CHROMIUM} in CI (apt-get install chromium)`);
}
if (!haveChromium) {
  console.warn(`\n[e2e] SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium fonts-noto-cjk).\n`);
}

const SHOTS = join(process.cwd(), "test-results", "screenshots");
const LAPTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!haveChromium)("web app in Chromium", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  async function shot(name: string) {
    await page.setViewportSize(LAPTOP);
    await page.screenshot({ path: join(SHOTS, `${name}-laptop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    // let resize observers (the chart) lay out at the new width before the picture
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    await page.setViewportSize(LAPTOP);
  }

  async function open(path: string) {
    await page.goto(base + path);
    await page.locator("main h1").first().waitFor();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "panorama-e2e-"));
    mkdirSync(SHOTS, { recursive: true });
    // the app as `npm run build` builds it, into a private folder
    const { build } = await import("vite");
    const webRoot = join(dir, "web");
    await build({
      configFile: join(process.cwd(), "web", "vite.config.ts"),
      logLevel: "error",
      build: { outDir: webRoot, emptyOutDir: true },
    });
    store = openStore(join(dir, "e2e.db"));
    await ingestSamples(store);
    store.ingestMany([northAmerica, canadaReadout, markupDoc]);
    app = await buildServer({ store, webRoot, hardening: { rateLimit: 0 } });
    base = await startServer(app, { host: "127.0.0.1", port: 0 });
    context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: LAPTOP,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("overview: figures, the meetings chart and the world map with a year", async () => {
    await open("/");
    await expect(page.locator("main h1").textContent()).resolves.toContain("corpus at a glance");
    const docs = await page.locator(".card", { hasText: "Documents" }).locator("dd").textContent();
    expect(Number(docs?.replace(/,/g, ""))).toBeGreaterThanOrEqual(14); // 11 samples + 3 written test documents
    await page.locator(".chart canvas").waitFor();
    expect(await page.locator(".map svg path").count()).toBeGreaterThan(150);
    // a year from the selector goes into the URL and shades the map
    const select = page.locator("select").first();
    const years = await select.locator("option").allTextContents();
    expect(years).toContain("2013");
    await select.selectOption("2013");
    await page.waitForURL(/year=2013/);
    await expect(page.locator(".map a[href^='/partner/USA']").count()).resolves.toBe(1);
    await shot("overview");
  });

  it("timeline: a filter goes into the URL and narrows the events", async () => {
    await open("/timeline");
    await page.locator("li.event").first().waitFor();
    const before = await page.locator("li.event").count();
    await page.getByLabel("Modality").selectOption("telephone");
    await page.waitForURL(/modality=telephone/);
    await page.locator("p[role=status]", { hasText: /match these filters/ }).waitFor();
    const tags = await page.locator("li.event .tag").allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.length).toBeLessThan(before);
    for (const t of tags) expect(t).toContain("Telephone");
    await shot("timeline-filtered");
    // the state survives a reload
    await page.reload();
    await expect(page.getByLabel("Modality").inputValue()).resolves.toBe("telephone");
  });

  it("follows an event to its evidence in the reader, scrolled to and marked", async () => {
    await open("/timeline?country=USA&type=meeting&level=summit");
    const first = page.locator("li.event").first();
    const quoted = (await first.locator("blockquote").evaluate((b) => b.firstChild?.textContent ?? "")).trim();
    await first.locator("a.cite").click();
    await page.waitForURL(/\/document\/\d+\?event=\d+/);
    const target = page.locator("mark.evidence.target");
    await target.waitFor();
    expect((await target.textContent())?.replace(/\s*\d+ events?.*$/, "")).toContain(quoted.slice(0, 40));
    await expect(target.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < LAPTOP.height).toBe(true);
    await expect(page.locator(".panel .record.current").count()).resolves.toBeGreaterThan(0);
    // clicking a person mention shows its record
    await page.locator("button.mention.k-person").first().click();
    await page.waitForURL(/item=/);
    await page.locator(".panel", { hasText: "Mention" }).waitFor();
    await shot("reader-event");
  });

  it("renders markup in a document as text, never as HTML", async () => {
    await open("/document/markup_case");
    const text = await page.locator(".doc-text").textContent();
    expect(text).toContain(MARKUP);
    await expect(page.locator(".doc-text script, .doc-text b, .doc-text img").count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await shot("reader-markup");
  });

  it("partner page: stated counts per year beside the events, visits, persons, agreements", async () => {
    await open("/partner/USA?year=2013");
    await expect(page.locator("main h1").textContent()).resolves.toContain("United States");
    const row = page.locator("table.years tr.current");
    await expect(row.locator("th").textContent()).resolves.toBe("2013");
    await expect(row.textContent()).resolves.toContain("8"); // "eight summit meetings" stated for 2013
    await page.locator("#year-events-h").waitFor();
    await expect(page.locator("li.event").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#persons-h + ul").textContent()).resolves.toContain("Barack Obama");
    await shot("partner-usa");
    await open("/partner/CAN");
    await expect(page.locator("#agreements-h + ul").textContent()).resolves.toContain("Security of Information");
  });

  it("person page: offices, events, documents", async () => {
    await open("/person/Fumio%20Kishida");
    await expect(page.locator("main h1").textContent()).resolves.toBe("Fumio Kishida");
    await expect(page.locator("#offices-h + ul").textContent()).resolves.toContain("Foreign Minister");
    await expect(page.locator("li.event").count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator("#docs-h + ul li").count()).resolves.toBeGreaterThanOrEqual(2);
    await shot("person");
  });

  it("search: keyword in context, filtered by kind, state in the URL", async () => {
    await open("/search");
    await page.getByLabel(/Words or a/).fill("minister");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=minister/);
    await page.locator("ol.kwic li").first().waitFor();
    const marks = await page.locator("ol.kwic mark").allTextContents();
    expect(marks.length).toBeGreaterThan(1);
    for (const m of marks) expect(m.toLowerCase()).toContain("minister");
    await page.getByLabel("Kind").selectOption("readout");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/kind=readout/);
    await page.locator("ol.kwic li").first().waitFor();
    await shot("search");
    // a result opens its sentence in the reader, marked
    const line = await page.locator("ol.kwic .kwic-line").first().textContent();
    await page.locator("ol.kwic li a").first().click();
    await page.waitForURL(/\/document\/\d+\?sentence=\d+/);
    const marked = page.locator("mark.evidence.target");
    await marked.waitFor();
    expect(await marked.textContent()).toContain(line?.trim().slice(0, 30));
  });

  it("lists documents and persons, answers an unknown page, and is usable by keyboard", async () => {
    await open("/documents");
    await page.locator("tbody tr").first().waitFor();
    await expect(page.locator("tbody tr").count()).resolves.toBeGreaterThanOrEqual(14);
    await open("/persons");
    await page.locator("main li a").first().waitFor();
    await open("/no/such/page");
    await expect(page.locator("main h1").textContent()).resolves.toBe("Not found");
    // keyboard, in a fresh tab: skip link first, then the brand and the navigation, all real links
    const tab = await context.newPage();
    try {
      await tab.goto(`${base}/`);
      await tab.locator("main h1").waitFor();
      const focused = () => tab.evaluate(() => document.activeElement?.textContent);
      await tab.locator("a.skip").focus(); // the first element in the page's tab order
      await expect(
        tab
          .locator("a.skip")
          .boundingBox()
          .then((b) => b && b.x >= 0),
      ).resolves.toBe(true); // shown when focused
      await tab.keyboard.press("Tab");
      await expect(focused()).resolves.toBe("Panorama");
      await tab.keyboard.press("Tab");
      await expect(focused()).resolves.toBe("Overview");
      await tab.keyboard.press("Tab");
      await tab.keyboard.press("Enter");
      await tab.waitForURL(/\/timeline$/);
      await tab.locator("main h1", { hasText: "Timeline" }).waitFor();
    } finally {
      await tab.close();
    }
  });

  it("mounts the analysis views in the navigation, each rendering its page", async () => {
    await open("/");
    const links = await page.locator("header nav a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const analysis = links.filter((h) => !["/", "/timeline", "/search", "/documents", "/persons"].includes(h));
    for (const path of analysis) {
      await page.locator(`header nav a[href="${path}"]`).click();
      await page.waitForURL((u) => u.pathname === path);
      await expect(page.locator("main h1").first().textContent()).resolves.not.toBe("Not found");
      await page.waitForLoadState("networkidle");
      await shot(`analysis${path.replace(/\//g, "-")}`);
    }
  });

  it("raised no script errors (CSP included)", () => {
    expect(pageErrors).toEqual([]);
  });
});
