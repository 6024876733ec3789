import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyHardening,
  badQueryParameter,
  decodeRepeatedly,
  unsafePathReason,
} from "../../src/interfaces/http/hardening.js";
import { buildServer } from "../../src/interfaces/http/server.js";
import { openStore, type Store } from "../../src/storage/index.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the path byte for byte (no URL normalisation on the way), over loopback. */
function send(
  port: number,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

async function serve(build: (app: FastifyInstance) => Promise<void>): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ logger: false });
  await build(app);
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, port: (app.server.address() as AddressInfo).port };
}

let dir: string;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "panorama-hardening-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Panorama</title>");
  ({ app, port } = await serve(async (a) => {
    await applyHardening(a, { rateLimit: 1000, bodyLimit: 1024 });
    a.get("/api/events", async (req) => ({ query: req.query }));
    a.post("/api/echo", async (req) => ({ size: JSON.stringify(req.body).length }));
    await a.register(fastifyStatic, { root: dir });
  }));
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("path checks", () => {
  it("decodes nested escapes and refuses traversal in every encoding", () => {
    expect(decodeRepeatedly("%252e%252e")).toBe("..");
    for (const p of [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%252e%252e/etc/passwd",
      "/..%2fetc/passwd",
      "/..%5c..%5cetc%5cpasswd",
      "/static/%2E%2E/secret",
      "/a/./b",
      "/x%00.html",
      "/%E0%A4%A",
    ]) {
      expect(unsafePathReason(p), p).not.toBeNull();
    }
    for (const p of ["/", "/api/events", "/index.html", "/api/persons/Shinzo%20Abe", "/file..name.txt"]) {
      expect(unsafePathReason(p), p).toBeNull();
    }
  });

  it("finds the malformed query parameter by name", () => {
    expect(badQueryParameter("country=JPN&person=%E0%A4%A")).toEqual(["person", "has a malformed percent-escape"]);
    expect(badQueryParameter("q=a%00b")?.[0]).toBe("q");
    expect(badQueryParameter("country=JPN&type=meeting&q=Abe+visit")).toBeNull();
  });
});

describe("a hardened server", () => {
  it("answers valid requests with security headers and a CSP without inline script", async () => {
    const r = await send(port, "/api/events?country=JPN");
    expect(r.status).toBe(200);
    const csp = String(r.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBeDefined();
    expect(r.headers["strict-transport-security"]).toBeUndefined();
    expect(r.headers["x-ratelimit-limit"]).toBe("1000");
  });

  it("refuses path traversal, raw and encoded, with a 400 and never serves the file", async () => {
    for (const p of [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%252e%252e/%252e%252e/etc/passwd",
      "/..%2f..%2fetc%2fpasswd",
      "/..%5c..%5cetc%5cpasswd",
    ]) {
      const r = await send(port, p);
      expect(r.status, p).toBe(400);
      expect(r.body).not.toContain("root:");
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: 400, error: "Bad Request" });
    }
    expect((await send(port, "/index.html")).status).toBe(200);
  });

  it("refuses malformed query parameters naming the parameter", async () => {
    const r = await send(port, "/api/events?country=JPN&person=%E0%A4%A");
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ statusCode: 400, parameter: "person" });
    expect(JSON.parse(r.body).message).toContain('"person"');
  });

  it("refuses over-long URLs and bodies over the limit", async () => {
    expect((await send(port, `/api/events?q=${"a".repeat(5000)}`)).status).toBe(414);
    const big = JSON.stringify({ text: "x".repeat(4000) });
    const r = await send(port, "/api/echo", {
      method: "POST",
      body: big,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) },
    });
    expect(r.status).toBe(413);
    const chunked = await send(port, "/api/echo", {
      method: "POST",
      body: big,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    expect(chunked.status).toBe(413);
    const small = JSON.stringify({ text: "Japan-U.S. Summit" });
    const ok = await send(port, "/api/echo", {
      method: "POST",
      body: small,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(small)) },
    });
    expect(ok.status).toBe(200);
  });

  it("rate-limits a client that goes over its budget with a 429", async () => {
    const { app: limited, port: p } = await serve(async (a) => {
      await applyHardening(a, { rateLimit: 5 });
      a.get("/api/stats", async () => ({ ok: true }));
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await send(p, "/api/stats")).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("the real server (buildServer) is hardened", () => {
  let real: FastifyInstance;
  let realPort: number;
  let store: Store;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), "panorama-hardening-web-"));
    writeFileSync(join(web, "index.html"), '<!doctype html><title>Panorama</title><script src="/app.js"></script>');
    store = openStore(join(web, "empty.db"));
    real = await buildServer({ store, webRoot: web });
    await real.listen({ host: "127.0.0.1", port: 0 });
    realPort = (real.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await real.close();
    store.close();
    rmSync(web, { recursive: true, force: true });
  });

  it("serves the app and the API with a CSP that allows no inline script, and a rate limit", async () => {
    for (const p of ["/", "/api/stats"]) {
      const r = await send(realPort, p);
      expect(r.status, p).toBe(200);
      const csp = String(r.headers["content-security-policy"]);
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
      expect(r.headers["x-ratelimit-limit"], p).toBeDefined();
    }
  });

  it("refuses traversal towards files outside the web root, raw and encoded", async () => {
    for (const p of [
      "/../empty.db",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/..%2fempty.db",
      "/%252e%252e/etc/passwd",
      "/api/../../etc/passwd",
    ]) {
      const r = await send(realPort, p);
      expect(r.status, p).toBe(400);
      expect(r.body).not.toContain("root:");
    }
  });

  it("answers malformed parameters with a 400 naming the parameter", async () => {
    for (const [p, name] of [
      ["/api/events?limit=abc", "limit"],
      ["/api/events?from=2013-13", "from"],
      ["/api/events?country=%E0%A4%A", "country"],
      ["/api/search?q=x&bogus=1", "bogus"],
    ] as const) {
      const r = await send(realPort, p);
      expect(r.status, p).toBe(400);
      expect(JSON.parse(r.body).parameter, p).toBe(name);
    }
  });
});
