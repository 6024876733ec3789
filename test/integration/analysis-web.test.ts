/**
 * The analysis views in headless Chromium (Debian's package, playwright-core)
 * against the server with the sample corpus: each view renders its result
 * from the URL's query string, with no script error. Skipped without
 * /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestSamples } from "../../src/interfaces/cli/commands/serve.js";
import { buildServer, startServer } from "../../src/interfaces/http/server.js";
import { openStore, type Store } from "../../src/storage/index.js";

const CHROMIUM = "/usr/bin/chromium";

describe.skipIf(!existsSync(CHROMIUM))("analysis views in Chromium", () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "panorama-analysis-web-"));
    const { build } = await import("vite");
    const webRoot = join(dir, "web");
    await build({
      configFile: join(process.cwd(), "web", "vite.config.ts"),
      logLevel: "error",
      build: { outDir: webRoot, emptyOutDir: true },
    });
    store = openStore(join(dir, "web.db"));
    await ingestSamples(store);
    app = await buildServer({ store, webRoot, hardening: { rateLimit: 0 } });
    base = await startServer(app, { host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("trends draws the chart with a series per term from ?terms=", async () => {
    await page.goto(`${base}/trends?terms=Indo-Pacific,Asia-Pacific`);
    await page.locator(".chart canvas").waitFor();
    const rows = await page.locator(".chart table tbody th").allTextContents();
    expect(rows).toEqual(["Indo-Pacific", "Asia-Pacific"]);
    await expect(page.locator("input[name=terms]").inputValue()).resolves.toBe("Indo-Pacific, Asia-Pacific");
  });

  it("the form puts the state in the URL", async () => {
    await page.goto(`${base}/concordance`);
    await page.locator("input[name=term]").fill("ally");
    await page.locator("select[name=sort]").selectOption("left");
    await page.locator("form button[type=submit]").click();
    await page.locator(".an-kwic tbody tr").first().waitFor();
    expect(new URL(page.url()).searchParams.get("term")).toBe("ally");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("left");
    const matches = await page.locator(".an-kwic .an-match").allTextContents();
    expect(matches.length).toBeGreaterThanOrEqual(4);
    expect(new Set(matches.map((m) => m.toLowerCase()))).toEqual(new Set(["ally"]));
  });

  it("diff shows the rewording side by side", async () => {
    await page.goto(`${base}/diff?section=North%20America&from=2023&to=2025`);
    const reworded = page.locator("tr.an-op-reworded", { hasText: "linchpin" });
    await reworded.waitFor();
    await expect(reworded.locator(".an-changes").textContent()).resolves.toContain('"linchpin of" -> "cornerstone of"');
  });

  it("keyness, profile and reconcile render their results", async () => {
    await page.goto(`${base}/keyness?target=2025&reference=2023&minFreq=2`);
    await page.locator("main table tbody tr").first().waitFor();
    await page.goto(`${base}/profile?partner=USA`);
    await page.locator(".an-edition", { hasText: "only ally" }).first().waitFor();
    await page.goto(`${base}/reconcile?country=USA`);
    const contradiction = page.locator(".an-rec.an-contradiction");
    await contradiction.first().waitFor();
    await expect(contradiction.first().textContent()).resolves.toContain("stated 3");
  });

  it("no script errors on the way", () => {
    expect(errors).toEqual([]);
  });
});
