/**
 * The analysis endpoints under /api/analysis: the library's JSON, 400s that
 * name the parameter, 404s, and the export as a download.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/interfaces/http/server.js";
import { openStore, type Store } from "../../src/storage/index.js";
import { makeDoc } from "../unit/storage/fixtures.js";
import { parseCsv } from "./cli-helpers.js";

const T2019 =
  "The United States is Japan's sole ally. Japan and the United States held two summit meetings in 2018. " +
  "In April, Prime Minister Abe held a summit meeting with President Trump in Florida.";
const T2021 =
  "The United States is Japan's only ally. Japan and the United States held two summit meetings in 2020. " +
  "A free and open Indo-Pacific is the aim.";

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "panorama-analysis-api-"));
  store = openStore(join(dir, "a.db"));
  const us = { kind: "country" as const, key: "USA", surface: "United States" };
  store.ingest(
    makeDoc({
      key: "na-2019",
      text: T2019,
      meta: { edition: 2019, coveredYear: 2018, section: "North America" },
      mentions: [us],
      events: [
        {
          type: "meeting",
          level: "summit",
          modality: "in_person",
          countries: ["JPN", "USA"],
          date: "2018-04",
          location: "USA",
          place: "Florida",
          participants: [],
          at: "In April",
        },
      ],
      counts: [
        {
          level: "summit",
          countries: ["JPN", "USA"],
          total: 2,
          period: { start: "2018-01", end: "2018-12" },
          at: "two summit meetings in 2018",
        },
      ],
    }),
  );
  store.ingest(
    makeDoc({
      key: "na-2021",
      text: T2021,
      meta: { edition: 2021, coveredYear: 2020, section: "North America" },
      mentions: [us],
    }),
  );
  app = await buildServer({ store, webRoot: null });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: "GET", url });

describe("/api/analysis", () => {
  it("trends answers the documented JSON for several terms", async () => {
    const r = await get("/api/analysis/trends?term=only%20ally&term=sole%20ally");
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.terms.map((t: { term: string }) => t.term)).toEqual(["only ally", "sole ally"]);
    expect(j.terms[0].series.map((p: { count: number }) => p.count)).toEqual([0, 1]);
    expect(j.terms[1].series.map((p: { count: number }) => p.count)).toEqual([1, 0]);
  });

  it("names the parameter in a 400", async () => {
    for (const [url, parameter] of [
      ["/api/analysis/trends", "term"],
      ["/api/analysis/trends?term=%E2%80%94", "term"],
      ["/api/analysis/keyness?target=soon", "target"],
      ["/api/analysis/keyness?target=1990", "target"],
      ["/api/analysis/diff?section=North%20America&from=2019", "to"],
      ["/api/analysis/collocates?term=ally&window=0", "window"],
      ["/api/analysis/export?format=xml", "format"],
    ] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().parameter, url).toBe(parameter);
    }
  });

  it("diff shows the rewording; a missing edition is a 404", async () => {
    const r = await get("/api/analysis/diff?section=north%20america&from=2019&to=2021");
    expect(r.statusCode).toBe(200);
    const rows = r.json().rows as { op: string; changes?: { summary: string }[] }[];
    expect(rows.find((x) => x.op === "reworded")!.changes![0]!.summary).toBe('"sole ally" -> "only ally"');
    expect((await get("/api/analysis/diff?section=Europe&from=2019&to=2021")).statusCode).toBe(404);
  });

  it("profile accepts a name and returns phrases per edition", async () => {
    const r = await get("/api/analysis/profile/United%20States");
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.partner).toBe("USA");
    expect(j.editions.map((e: { phrases: { phrase: string }[] }) => e.phrases.map((p) => p.phrase))).toEqual([
      ["sole ally"],
      ["only ally"],
    ]);
  });

  it("reconcile lists the stated count next to the listed meeting", async () => {
    const r = await get("/api/analysis/reconcile?country=usa");
    const row = r.json().rows[0];
    expect(row).toMatchObject({ partner: "USA", year: 2018, status: "partial", stated: { total: 2 } });
    expect(row.listed.total).toBe(1);
  });

  it("exports CSV as a download that parses back", async () => {
    const r = await get("/api/analysis/export?format=csv");
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/csv/);
    expect(r.headers["content-disposition"]).toMatch(/attachment; filename="panorama-events\.csv"/);
    const rows = parseCsv(r.body);
    expect(rows).toHaveLength(2);
    expect(rows[1]![rows[0]!.indexOf("evidence_text")]).toContain("In April, Prime Minister Abe");
  });

  it("exports PLOVER lines", async () => {
    const r = await get("/api/analysis/export?format=plover");
    const recs = r.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(recs[0]).toMatchObject({
      event_type: "CONSULT",
      mode: "visit",
      actor: "JPN",
      recipient: "USA",
      cameo: "042",
    });
  });
});
