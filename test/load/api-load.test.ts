/**
 * Load test: the hardened API server (rate limiting on, with a limit above
 * the load) on 127.0.0.1 under autocannon for a few seconds, with a mix of
 * valid requests: zero errors, zero timeouts, zero non-2xx answers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/interfaces/http/server.js";
import { ingestPaths } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/storage/index.js";

let dir: string;
let store: Store;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "panorama-load-"));
  store = openStore(join(dir, "load.db"));
  const summary = await ingestPaths(store, [join(import.meta.dirname, "../../samples")], { sample: true });
  expect(summary.failed).toBe(0);
  app = await buildServer({ store, webRoot: null, hardening: { rateLimit: 1_000_000 } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PATHS = [
  "/api/stats",
  "/api/events?limit=20",
  "/api/events?country=USA&limit=20",
  "/api/events?type=meeting&level=summit",
  "/api/events?from=2013-01&to=2013-12",
  "/api/counts?country=USA",
  "/api/persons?limit=20",
  "/api/documents",
  "/api/organizations",
  "/api/search?q=summit",
  "/api/search?q=telephone%20talk",
];

describe("the API under load (autocannon, loopback)", () => {
  it("every valid path answers 200 before the load", async () => {
    for (const p of PATHS) {
      const r = await fetch(base + p);
      expect(r.status, p).toBe(200);
    }
  });

  it("answers a few seconds of concurrent requests with no errors, timeouts or non-2xx", async () => {
    const result = await autocannon({
      url: base,
      connections: 10,
      duration: 3,
      timeout: 10,
      requests: PATHS.map((path) => ({ method: "GET" as const, path })),
    });
    console.log(
      `load: ${result.requests.total} requests in ${result.duration} s, ${result.requests.average} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    expect(result.requests.total).toBeGreaterThan(100);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
  }, 30_000);
});
