import { copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { csvField, toCsv } from "../../src/interfaces/cli/common.js";
import { openStore, SCHEMA_VERSION } from "../../src/storage/index.js";
import { makeDoc, RU_TEXT, readoutDoc, ruDoc, US_TEXT, usDoc } from "../unit/storage/fixtures.js";
import { panorama, parseCsv } from "./cli-helpers.js";

// Each test spawns the CLI several times; on a busy machine that takes a while (no speed is asserted).
vi.setConfig({ testTimeout: 180_000 });

// A store filled from hand-built records, so these tests do not depend on the extractor.
let db: string;
const texts: Record<string, string> = { "na-2014": US_TEXT, "ru-2014": RU_TEXT };

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), "panorama-cli-query-")), "q.db");
  const store = openStore(db);
  const quoted = makeDoc({
    key: "quotes-2016",
    text: 'Japan and Canada adopted the "Japan-Canada Action Plan, for Peace and Security".',
    meta: { edition: 2016, coveredYear: 2015, countries: ["CAN", "JPN"] },
    events: [
      {
        type: "agreement",
        countries: ["CAN", "JPN"],
        date: "2015",
        title: '"Japan-Canada Action Plan, for Peace and Security"',
        status: "adopted",
        at: "Action Plan",
      },
    ],
  });
  texts["quotes-2016"] = quoted.text;
  store.ingestMany([usDoc(), ruDoc(), readoutDoc(), quoted]);
  store.close();
});

const q = (...args: string[]) => panorama([...args, "--db", db]);
const json = <T>(...args: string[]): T => {
  const r = q(...args, "--format", "json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

interface EventJson {
  id: number;
  type: string;
  countries: string[];
  date: string;
  participants: string[];
  evidence: { documentKey: string; start: number; end: number; text: string };
}

describe("panorama events", () => {
  it("prints a table with the evidence sentence", () => {
    const r = q("events", "--country", "rus");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\s*ID\s+DATE\s+TYPE\s+LEVEL\s+MODALITY\s+PARTIES/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /2013-04\s+visit\s+.*JPN-RUS\s+Moscow, RUS.*ru-2014 \(2014\)\s+Prime Minister Shinzo Abe visited Russia/,
    );
  });

  it("prints JSON records with evidence {documentKey, start, end, text} that point into the text", () => {
    const rows = json<EventJson[]>("events", "--country", "JPN,USA", "--type", "meeting");
    expect(rows.map((e) => e.date)).toEqual(["2013-04", "2013-06"]);
    for (const e of rows) {
      expect(Object.keys(e.evidence)).toEqual(["documentKey", "start", "end", "text"]);
      expect(texts[e.evidence.documentKey]!.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
  });

  it("filters by level, modality, person, dates, edition and limit", () => {
    expect(json<EventJson[]>("events", "--level", "foreign_ministers").map((e) => e.evidence.documentKey)).toEqual([
      "na-2014",
      "readout-2015-06-21",
    ]);
    expect(json<EventJson[]>("events", "--modality", "telephone")).toHaveLength(1);
    expect(json<EventJson[]>("events", "--person", "putin").map((e) => e.type)).toEqual(["meeting"]);
    expect(json<EventJson[]>("events", "--from", "2013-05", "--to", "2015")).toHaveLength(3);
    expect(json<EventJson[]>("events", "--edition", "2016").map((e) => e.type)).toEqual(["agreement"]);
    expect(json<EventJson[]>("events", "--limit", "2")).toHaveLength(2);
  });

  it("writes RFC 4180 CSV with a header row that a spreadsheet reads back exactly", () => {
    const r = q("events", "--type", "agreement", "--format", "csv");
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(["id", "date", "type"]);
    const byTitle = rows.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    expect(byTitle.map((x) => x.title).sort()).toEqual([
      '"Japan-Canada Action Plan, for Peace and Security"',
      "Japan-U.S. Joint Statement",
    ]);
    const plan = byTitle.find((x) => x.document === "quotes-2016")!;
    expect(plan.countries).toBe("CAN; JPN");
    expect(plan.evidence_text).toBe(texts["quotes-2016"]);
    expect(r.stdout).toContain('"""Japan-Canada Action Plan, for Peace and Security"""');
  });

  it.each([
    [["--type", "summit"], /--type.*unknown --type "summit"/],
    [["--level", "high"], /--level/],
    [["--modality", "fax"], /--modality/],
    [["--from", "2013-13"], /--from must be a date/],
    [["--to", "yesterday"], /--to must be a date/],
    [["--from", "2015", "--to", "2013"], /--from 2015 is after --to 2013/],
    [["--limit", "ten"], /--limit must be a positive whole number/],
    [["--limit", "0"], /--limit/],
    [["--edition", "14"], /--edition must be a year/],
    [["--format", "xml"], /unknown --format "xml"/],
    [["--country", "U S"], /--country/],
    [["--colour"], /unknown option '--colour'/],
  ])("refuses %j with a message naming the parameter and exit code 2", (args, message) => {
    const r = q("events", ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe("");
  });
});

describe("panorama counts", () => {
  it("lists stated counts by partner and period", () => {
    const r = q("counts");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PARTNER\s+LEVEL\s+TOTAL/);
    expect(r.stdout).toMatch(
      /USA\s+summit\s+8\s+2013-01\.\.2013-12\s+na-2014 \(2014\)\s+Japan and the United States held eight/,
    );
    const [c] = json<{ partner: string; total: number; period: unknown; evidence: { text: string } }[]>(
      "counts",
      "--country",
      "USA",
      "--level",
      "summit",
    );
    expect(c).toMatchObject({ partner: "USA", total: 8, period: { start: "2013-01", end: "2013-12" } });
    expect(json<unknown[]>("counts", "--country", "RUS")).toEqual([]);
    expect(q("counts", "--level", "bogus").code).toBe(2);
  });
});

describe("panorama search", () => {
  it("prints keyword-in-context lines with edition and section", () => {
    const r = q("search", "Vladimir Putin");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2014\s+Russia, Central Asia.*ru-2014#0\s+.*President \[Vladimir Putin\] in Moscow\./);
  });

  it("filters by edition, section and kind, and limits", () => {
    expect(json<{ documentKey: string }[]>("search", "Kishida", "--kind", "readout").map((h) => h.documentKey)).toEqual(
      ["readout-2015-06-21"],
    );
    expect(json<unknown[]>("search", "Abe", "--section", "north america")).toHaveLength(1);
    expect(json<unknown[]>("search", "Japan", "--edition", "2016")).toHaveLength(1);
    expect(json<unknown[]>("search", "Abe", "--limit", "1")).toHaveLength(1);
    expect(json<unknown[]>("search", "Abe", "--order", "rank")).toHaveLength(2);
    const bad = q("search", "Abe", "--order", "date");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown --order "date"/);
    const [hit] = json<{ evidence: { documentKey: string; start: number; end: number; text: string } }[]>(
      "search",
      "cafe",
    );
    expect(texts[hit!.evidence.documentKey]!.slice(hit!.evidence.start, hit!.evidence.end)).toBe(hit!.evidence.text);
  });

  it("treats FTS syntax in user input as words, and reports a malformed raw query clearly", () => {
    const safe = q("search", 'Abe AND ( "unclosed');
    expect(safe.code).toBe(0);
    const raw = q("search", "--raw", "Abe AND (");
    expect(raw.code).toBe(2);
    expect(raw.stderr).toMatch(/^panorama: malformed search query: /);
    expect(raw.stderr).not.toMatch(/at .*\.ts|SqliteError/);
    const empty = q("search", "()*");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/has no words to search for/);
  });
});

describe("panorama show, persons, documents, stats", () => {
  it("shows a document by key or id with metadata and each extraction's evidence sentence", () => {
    const r = q("show", "ru-2014");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+\d+\nkey\s+ru-2014\nkind\s+bluebook\nedition\s+2014/);
    expect(r.stdout).toMatch(/section\s+Russia, Central Asia, and the Caucasus/);
    expect(r.stdout).toMatch(
      /Events \(2\)\n\s+#\d+ 2013-04 visit JPN-RUS with Shinzo Abe @ Moscow, RUS\n\s+\[0-\d+\] Prime Minister Shinzo Abe visited Russia/,
    );
    const id = /^id\s+(\d+)/.exec(r.stdout)![1]!;
    const byId = json<{ document: { key: string }; events: EventJson[]; persons: { name: string }[] }>("show", id);
    expect(byId.document.key).toBe("ru-2014");
    expect(byId.events).toHaveLength(2);
    expect(byId.persons.map((p) => p.name)).toEqual(["Shinzo Abe", "Vladimir Putin"]);
    const missing = q("show", "no-such-doc");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no document with id or key "no-such-doc"/);
    expect(q("show", "ru-2014", "--format", "csv").code).toBe(2);
  });

  it("lists persons with country, roles and numbers of documents and events", () => {
    const r = q("persons", "--country", "JPN");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NAME\s+COUNTRY\s+ROLES\s+DOCUMENTS\s+EVENTS/);
    expect(r.stdout).toMatch(/Shinzo Abe\s+JPN\s+Prime Minister\s+2\s+3/);
    const csv = parseCsv(q("persons", "--name", "yun", "--format", "csv").stdout);
    expect(csv).toEqual([
      ["id", "name", "family", "country", "roles", "documents", "events"],
      [expect.any(String), "Yun Byung-se", "Yun", "KOR", "Minister of Foreign Affairs", "1", "1"],
    ]);
  });

  it("lists documents and statistics", () => {
    const docs = json<{ key: string; events: number }[]>("documents", "--edition", "2014");
    expect(docs.map((d) => [d.key, d.events])).toEqual([
      ["na-2014", 3],
      ["ru-2014", 2],
    ]);
    expect(q("documents", "--kind", "memo").code).toBe(2);
    const stats = json<{ documents: number; events: number; schemaVersion: number }>("stats");
    expect(stats).toMatchObject({ documents: 4, events: 7 });
    const table = q("stats");
    expect(table.stdout).toMatch(/documents\s+4/);
    const csv = parseCsv(q("stats", "--format", "csv").stdout);
    expect(csv[0]).toEqual(["metric", "value"]);
    expect(csv).toContainEqual(["events_meeting", "4"]);
  });

  it("writes a UTF-8 BOM only with --bom", () => {
    const plain = q("persons", "--name", "yun", "--format", "csv");
    expect(plain.stdout.startsWith("id,")).toBe(true);
    const bom = q("persons", "--name", "yun", "--format", "csv", "--bom");
    expect(bom.code, bom.stderr).toBe(0);
    expect(bom.stdout.startsWith("\uFEFFid,")).toBe(true);
  });

  it("opens the store read-only: a query leaves the file as it was", () => {
    const before = statSync(db).mtimeMs;
    expect(q("events", "--country", "usa").code).toBe(0);
    expect(statSync(db).mtimeMs).toBe(before);
  });

  it("names a missing store, and refuses one written by a newer Panorama", () => {
    const dir = mkdtempSync(join(tmpdir(), "panorama-cli-newer-"));
    const missing = panorama(["events", "--db", join(dir, "none.db")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no store at .*none\.db/);
    const newer = join(dir, "newer.db");
    copyFileSync(db, newer);
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const r = panorama(["events", "--db", newer]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newer Panorama/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each(["events", "counts", "search", "show", "persons", "documents", "stats"])(
    "%s has --help with a description",
    (cmd) => {
      const r = panorama([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: panorama ${cmd}`));
      expect(r.stdout.split("\n")[2]!.length).toBeGreaterThan(20);
      expect(r.stdout).toMatch(/--format <format>/);
    },
  );
});

describe("CSV cells", () => {
  it("keep a spreadsheet from running text as a formula, and leave numbers alone", () => {
    for (const s of ["=SUM(A1:A9)", "+81 3 3580 3311", "-cmd|' /C calc'!A0", "@SUM(1)"]) {
      expect(csvField(s).replace(/^"|"$/g, "")).toBe(`'${s}`);
    }
    expect(csvField(-3)).toBe("-3");
    expect(csvField("-3")).toBe("-3");
    expect(csvField("Japan-U.S. summit")).toBe("Japan-U.S. summit");
    const cols = [{ header: "title", value: (r: { t: string }) => r.t }];
    expect(parseCsv(toCsv(cols, [{ t: "=1+1" }]))).toEqual([["title"], ["'=1+1"]]);
  });
});
