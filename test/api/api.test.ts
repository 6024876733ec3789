// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are untyped JSON here
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/interfaces/http/server.js";
import type { Store } from "../../src/storage/api.js";
import { openStore } from "../../src/storage/index.js";
import { canadaReadout, fixtureDocs, MARKUP, memoryStore } from "./fixtures.js";

/** The SQLite store when it is there, else the in-memory one over the same documents. */
function makeStore(dir: string): { store: Store; real: boolean } {
  try {
    const store = openStore(join(dir, "api.db"));
    store.ingestMany(fixtureDocs);
    return { store, real: true };
  } catch {
    const store = memoryStore();
    store.ingestMany(fixtureDocs);
    return { store, real: false };
  }
}

let app: FastifyInstance;
let store: Store;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "panorama-api-"));
  ({ store } = makeStore(dir));
  app = await buildServer({ store, webRoot: null });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(url: string) {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, body: res.json() as any, headers: res.headers, raw: res.body };
}

function docId(key: string): number {
  const d = store.document(key);
  if (!d) throw new Error(`fixture ${key} missing`);
  return d.id;
}

describe("documents", () => {
  it("lists documents with a total, filtered by kind", async () => {
    const all = await get("/api/documents");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((d: any) => d.key).sort()).toEqual([
      "bb2014_north_america",
      "markup_case",
      "readout_2015_06_21_canada",
    ]);
    const readouts = await get("/api/documents?kind=readout");
    expect(readouts.body.total).toBe(1);
    expect(readouts.body.items[0].key).toBe("readout_2015_06_21_canada");
    const page = await get("/api/documents?limit=1&offset=1");
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(3);
  });

  it("returns one document by numeric id or key", async () => {
    const id = docId("bb2014_north_america");
    const byId = await get(`/api/documents/${id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.edition).toBe(2014);
    const byKey = await get("/api/documents/bb2014_north_america");
    expect(byKey.body.id).toBe(id);
  });

  it("returns the text with sentences, mentions, events and counts whose offsets slice the text", async () => {
    const { status, body } = await get(`/api/documents/${docId("bb2014_north_america")}/text`);
    expect(status).toBe(200);
    expect(body.sentences.length).toBeGreaterThan(2);
    expect(body.events).toHaveLength(4);
    expect(body.counts).toHaveLength(1);
    expect(body.counts[0].total).toBe(8);
    for (const e of [...body.events, ...body.counts]) {
      expect(body.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    for (const m of body.mentions) expect(body.text.slice(m.start, m.end)).toBe(m.surface);
    expect(body.mentions.some((m: any) => m.kind === "person" && m.key === "Barack Obama")).toBe(true);
  });

  it("keeps markup in a document's text as text", async () => {
    const { body } = await get("/api/documents/markup_case/text");
    expect(body.text).toContain(MARKUP);
  });

  it("answers an unknown document with 404 JSON", async () => {
    for (const url of ["/api/documents/999999", "/api/documents/no_such_key", "/api/documents/no_such_key/text"]) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/no document/);
    }
  });
});

describe("events", () => {
  it("filters by country, type, level, modality, person, dates and edition, with a total", async () => {
    const usa = await get("/api/events?country=USA");
    expect(usa.body.total).toBe(3);
    const phone = await get("/api/events?country=usa&type=meeting&modality=telephone");
    expect(phone.body.items).toHaveLength(1);
    expect(phone.body.items[0].participants).toContain("John Kerry");
    const summits = await get("/api/events?level=summit");
    expect(summits.body.items.map((e: any) => e.date).sort()).toEqual(["2013-02", "2016-03-03"]);
    const kishida = await get("/api/events?person=Kishida");
    expect(kishida.body.total).toBe(2);
    const window = await get("/api/events?from=2013-06&to=2015");
    expect(window.body.items.map((e: any) => e.date).sort()).toEqual([
      "2013-10",
      "2013-12",
      "2015-06-21",
      "2015-06-21",
    ]);
    const ed = await get("/api/events?edition=2014");
    expect(ed.body.total).toBe(4);
    // several countries: events where every one of them is a party
    const both = await get("/api/events?country=CAN&country=JPN");
    expect(both.body.total).toBe(2);
    expect((await get("/api/events?country=CAN,FRA")).body.total).toBe(0);
    const comma = await get("/api/events?type=agreement,visit");
    expect(comma.status).toBe(400); // enum items are not split: a comma list of types is not a type
  });

  it("pages with limit and offset while the total stays the whole match", async () => {
    const first = await get("/api/events?limit=2&offset=0");
    const second = await get("/api/events?limit=2&offset=2");
    expect(first.body.total).toBe(7);
    expect(second.body.total).toBe(7);
    expect(first.body.items).toHaveLength(2);
    const ids = new Set([...first.body.items, ...second.body.items].map((e: any) => e.id));
    expect(ids.size).toBe(4);
    const last = await get("/api/events?limit=5&offset=5");
    expect(last.body).toMatchObject({ total: 7, offset: 5 });
    expect(last.body.items).toHaveLength(2);
    const past = await get("/api/events?limit=5&offset=100");
    expect(past.body).toMatchObject({ total: 7, items: [] });
  });

  it("returns one event with its evidence, 404 for an unknown id", async () => {
    const list = await get("/api/events?type=agreement");
    const id = list.body.items[0].id;
    const one = await get(`/api/events/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.evidence.text).toContain("signed");
    expect(one.body.evidence.documentKey).toBe("readout_2015_06_21_canada");
    const missing = await get("/api/events/987654");
    expect(missing.status).toBe(404);
  });
});

describe("bad parameters", () => {
  const cases: [string, string][] = [
    ["/api/events?limit=0", "limit"],
    ["/api/events?limit=abc", "limit"],
    ["/api/events?limit=100000", "limit"],
    ["/api/events?offset=-1", "offset"],
    ["/api/events?type=party", "type"],
    ["/api/events?level=king", "level"],
    ["/api/events?modality=pigeon", "modality"],
    ["/api/events?from=2013-13", "from"],
    ["/api/events?to=yesterday", "to"],
    ["/api/events?from=2015&to=2013", "from"],
    ["/api/events?edition=14", "edition"],
    ["/api/events?country=U$A", "country"],
    ["/api/events?contry=USA", "contry"],
    ["/api/events/abc", "id"],
    ["/api/counts?level=emperor", "level"],
    ["/api/search", "q"],
    ["/api/search?q=", "q"],
    ["/api/search?q=summit&kind=novel", "kind"],
    ["/api/documents?edition=twenty", "edition"],
    ["/api/persons?limit=-5", "limit"],
    ["/api/stats?x=1", "x"],
  ];
  it.each(cases)("%s is a 400 naming %s", async (url, param) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    expect(res.body.parameter).toBe(param);
    expect(res.body.message).toContain(`"${param}"`);
    expect(res.raw).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  });
});

describe("counts, persons, organizations, partners", () => {
  it("lists stated counts with their evidence", async () => {
    const { body } = await get("/api/counts?country=USA");
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ level: "summit", total: 8, telephone: 2 });
    expect(body.items[0].evidence.text).toContain("eight summit meetings");
    const none = await get("/api/counts?country=CAN");
    expect(none.body.total).toBe(0);
  });

  it("lists persons and shows one with offices, events and documents", async () => {
    const everyone = await get("/api/persons?limit=1000");
    expect(everyone.body.total).toBe(everyone.body.items.length);
    const first = await get("/api/persons?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBe(everyone.body.total);
    const list = await get("/api/persons?name=kishida");
    expect(list.body.items.map((p: any) => p.name)).toEqual(["Fumio Kishida"]);
    const id = list.body.items[0].id;
    const one = await get(`/api/persons/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.offices).toContain("Foreign Minister");
    expect(one.body.events).toHaveLength(2);
    expect(one.body.documents.map((d: any) => d.key).sort()).toEqual([
      "bb2014_north_america",
      "readout_2015_06_21_canada",
    ]);
    const byName = await get(`/api/persons/${encodeURIComponent("Barack Obama")}`);
    expect(byName.body.person.country).toBe("USA");
    expect((await get("/api/persons/Nobody%20Here")).status).toBe(404);
  });

  it("lists organizations", async () => {
    const { body } = await get("/api/organizations");
    expect(body.items.map((o: any) => o.id)).toContain("APEC");
  });

  it("describes a partner: years with stated counts, visits both ways, persons met, agreements", async () => {
    const usa = await get("/api/partners/USA");
    expect(usa.status).toBe(200);
    const y2013 = usa.body.years.find((y: any) => y.year === 2013);
    expect(y2013.meetings).toBe(2);
    expect(y2013.stated[0].total).toBe(8);
    expect(usa.body.visits.fromJapan).toHaveLength(1);
    expect(usa.body.visits.toJapan).toHaveLength(0);
    expect(usa.body.persons.map((p: any) => p.name)).toEqual(expect.arrayContaining(["Barack Obama", "John Kerry"]));
    expect(usa.body.persons.map((p: any) => p.name)).not.toContain("Shinzo Abe");
    const can = await get("/api/partners/can");
    expect(can.body.agreements[0].title).toMatch(/Security of Information/);
    expect((await get("/api/partners/XYZ")).status).toBe(404);
  });
});

describe("search and stats", () => {
  it("finds sentences with keyword-in-context snippets, filtered by kind and edition", async () => {
    const { status, body } = await get("/api/search?q=telephone");
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    for (const hit of body.items) {
      expect(hit.match.toLowerCase()).toContain("telephone");
      expect(hit.left + hit.match + hit.right).toBe(hit.sentence.text);
    }
    const readouts = await get("/api/search?q=Tokyo&kind=readout");
    expect(readouts.body.items.every((h: any) => h.document.kind === "readout")).toBe(true);
    expect(readouts.body.items.length).toBe(1);
    const ed = await get("/api/search?q=Tokyo&edition=2014");
    expect(ed.body.items).toHaveLength(0);
    const section = await get(`/api/search?q=summit&section=${encodeURIComponent("North America")}`);
    expect(section.body.items.every((h: any) => h.document.section === "North America")).toBe(true);
  });

  it("gives corpus statistics with meetings per partner per year and events per country per year", async () => {
    const { body } = await get("/api/stats");
    expect(body).toMatchObject({ documents: 3, events: 7, counts: 1 });
    expect(body.meetingsByPartnerYear).toEqual(
      expect.arrayContaining([
        { country: "USA", year: 2013, count: 2 },
        { country: "CAN", year: 2015, count: 1 },
        { country: "FRA", year: 2016, count: 1 },
      ]),
    );
    expect(body.eventsByCountryYear).toEqual(expect.arrayContaining([{ country: "USA", year: 2013, count: 3 }]));
    expect(body.eventsByCountryYear.some((t: any) => t.country === "JPN")).toBe(false);
    expect(body.years).toEqual([2013, 2015, 2016]);
  });
});

describe("cached figures", () => {
  it("follow the store when a document is added", async () => {
    const before = (await get("/api/stats")).body;
    const extra = structuredClone(canadaReadout);
    extra.source = { ...extra.source, id: "readout_copy", path: "/fixtures/readout_copy.txt", hash: "copy" };
    extra.extraction = { ...extra.extraction, id: "readout_copy" };
    store.ingest(extra);
    try {
      const after = (await get("/api/stats")).body;
      expect(after.documents).toBe(before.documents + 1);
      expect(after.events).toBe(before.events + 2);
      const can = (await get("/api/partners/CAN")).body;
      expect(can.years.find((y: any) => y.year === 2015).meetings).toBe(2);
      expect((await get("/api/events?country=CAN&limit=1")).body.total).toBe(4);
    } finally {
      store.removeDocument("readout_copy");
    }
    expect((await get("/api/stats")).body.documents).toBe(before.documents);
  });
});

describe("openapi and errors", () => {
  it("serves a valid OpenAPI document listing every route and its parameters", async () => {
    const res = await get("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.raw);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/documents",
      "/api/documents/{id}",
      "/api/documents/{id}/text",
      "/api/events",
      "/api/events/{id}",
      "/api/counts",
      "/api/persons",
      "/api/persons/{id}",
      "/api/organizations",
      "/api/partners/{code}",
      "/api/search",
      "/api/stats",
      "/api/openapi.json",
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    const params = doc.paths["/api/events"].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        "country",
        "type",
        "level",
        "modality",
        "person",
        "from",
        "to",
        "edition",
        "limit",
        "offset",
      ]),
    );
    // every $ref resolves
    const refs = res.raw.match(/"#\/components\/schemas\/(\w+)"/g) ?? [];
    for (const r of refs) expect(doc.components.schemas[r.slice(22, -1)], r).toBeDefined();
  });

  it("answers unknown API routes with 404 JSON and other methods without a stack", async () => {
    const res = await get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.message).toContain("/api/nothing-here");
    const post = await app.inject({ method: "POST", url: "/api/events", payload: { a: 1 } });
    expect(post.statusCode).toBe(404);
  });

  it("hides internal errors behind a 500 without a stack trace", async () => {
    const broken = new Proxy(store, {
      get(target, prop) {
        if (prop === "events") {
          return () => {
            throw new Error("disk on fire at /secret/path.ts:12");
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const b = await buildServer({ store: broken, webRoot: null });
    const res = await b.inject({ method: "GET", url: "/api/events" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("secret");
    expect(res.json().message).toMatch(/could not answer/);
    await b.close();
  });
});
