import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/interfaces/http/server.js";
import { fixtureDocs, memoryStore } from "./fixtures.js";

describe("the built app beside the API", () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "panorama-static-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, "assets", "app.js"), "console.log(1)");
    const store = memoryStore();
    store.ingestMany(fixtureDocs);
    app = await buildServer({ store, webRoot: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html for the app's paths (history-API fallback) and the bundled assets", async () => {
    for (const url of ["/", "/partner/USA", "/document/3?event=7", "/timeline?type=meeting"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
    const js = await app.inject({ url: "/assets/app.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toMatch(/javascript/);
  });

  it("answers a missing asset and an unknown API path with 404 JSON, not the app", async () => {
    for (const url of ["/assets/missing.js", "/api/nothing"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().statusCode).toBe(404);
    }
  });

  it("sends the hardening headers with the app", async () => {
    const res = await app.inject({ url: "/partner/USA" });
    expect(String(res.headers["content-security-policy"])).toContain("script-src 'self'");
  });
});
