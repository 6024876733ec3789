import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/storage/index.js";
import { panorama } from "./cli-helpers.js";

// Each test spawns the CLI several times; on a busy machine that takes a while (no speed is asserted).
vi.setConfig({ testTimeout: 180_000 });

// Our own sentences in the Bluebook's style (never the ministry's texts).
const NA =
  "Diplomatic Bluebook 2014\n\nNorth America\n\n" +
  "In April, Prime Minister Shinzo Abe visited Washington and held a summit meeting with President Barack Obama.\n" +
  "The two leaders confirmed that the Japan-U.S. Alliance remains the cornerstone of regional stability.\n";
const EU =
  "Diplomatic Bluebook 2014\n\nEurope\n\n" +
  "In May, Foreign Minister Fumio Kishida visited Paris and held a foreign ministers' meeting with Minister Laurent Fabius.\n";
const HTML =
  "<!doctype html><html><head><title>Japan-Canada Summit Meeting</title></head><body><main>" +
  "<p>June 3, 2015</p><p>Prime Minister Shinzo Abe held a summit meeting with Prime Minister Stephen Harper in Ottawa.</p>" +
  "</main></body></html>";

let dir: string;
let inputs: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-cli-ingest-"));
  inputs = join(dir, "texts");
  mkdirSync(inputs);
  writeFileSync(join(inputs, "na-2014.txt"), NA);
  writeFileSync(join(inputs, "eu-2014.txt"), EU);
  writeFileSync(join(inputs, "canada-readout.html"), HTML);
  db = join(dir, "store.db");
});

/** The keys stored in a store file, read through the library (fewer CLI spawns). */
const keysIn = (dbFile: string): string[] => {
  const store = openStore(dbFile, { readonly: true });
  try {
    return store
      .documents()
      .map((d) => d.key)
      .sort();
  } finally {
    store.close();
  }
};

describe("panorama ingest", () => {
  it("stores good files, names each bad one on stderr, goes on, and exits 1", () => {
    writeFileSync(join(inputs, "empty.txt"), "");
    writeFileSync(join(inputs, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    writeFileSync(
      join(inputs, "garbled.txt"),
      Buffer.from([0x41, 0x42, 0x20, 0xc3, 0x28, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff, 0xfe, 0x0a]),
    );
    const r = panorama(["ingest", inputs, "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^6 files, 3 added, 0 replaced, 0 unchanged, 3 failed; \d+ events? and \d+ counts? stored\n$/,
    );
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes("empty.txt"))).toMatch(/^panorama: .*empty\.txt: .*empty/);
    expect(lines.find((l) => l.includes("binary.txt"))).toMatch(/^panorama: .*binary\.txt: .*(binary|not text)/);
    expect(lines.find((l) => l.includes("garbled.txt"))).toMatch(/^panorama: .*garbled\.txt: .*(UTF-8|encoding)/);
    expect(keysIn(db)).toEqual(["canada-readout", "eu-2014", "na-2014"]);
  });

  it("skips unchanged files and replaces a changed one", () => {
    expect(panorama(["ingest", inputs, "--db", db]).code).toBe(0);
    const again = panorama(["ingest", inputs, "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^3 files, 0 added, 0 replaced, 3 unchanged, 0 failed/);

    writeFileSync(
      join(inputs, "eu-2014.txt"),
      EU.replace("Paris", "Berlin").replace("Laurent Fabius", "Frank-Walter Steinmeier"),
    );
    const changed = panorama(["ingest", inputs, "--db", db, "--format", "json"]);
    expect(changed.code).toBe(0);
    const summary = JSON.parse(changed.stdout) as {
      added: number;
      replaced: number;
      unchanged: number;
      results: { key: string; outcome: string }[];
    };
    expect(summary).toMatchObject({ added: 0, replaced: 1, unchanged: 2 });
    expect(summary.results.find((x) => x.key === "eu-2014")?.outcome).toBe("replaced");

    expect(panorama(["search", "Steinmeier", "--db", db, "--format", "json"]).stdout).toContain("eu-2014");
    const old = panorama(["search", "Fabius", "--db", db]);
    expect(old.code).toBe(0);
    expect(old.stdout).toBe("");
    expect(old.stderr).toMatch(/no sentences match/);
    expect(keysIn(db)).toHaveLength(3);
  });

  it("finds the store through --db, then PANORAMA_DB, then ./panorama.db", () => {
    const envDb = join(dir, "env.db");
    expect(panorama(["ingest", join(inputs, "na-2014.txt")], { env: { PANORAMA_DB: envDb } }).code).toBe(0);
    expect(existsSync(envDb)).toBe(true);
    expect(panorama(["ingest", join(inputs, "eu-2014.txt"), "--db", db], { env: { PANORAMA_DB: envDb } }).code).toBe(0);
    expect(keysIn(db)).toEqual(["eu-2014"]);
    expect(keysIn(envDb)).toEqual(["na-2014"]);
    expect(panorama(["ingest", "texts/canada-readout.html"], { cwd: dir }).code).toBe(0);
    expect(keysIn(join(dir, "panorama.db"))).toEqual(["canada-readout"]);
  });

  it("reports a missing path and a second file with the same key, storing the rest", () => {
    mkdirSync(join(inputs, "more"));
    writeFileSync(join(inputs, "more", "na-2014.txt"), `${NA}\nA different copy.\n`);
    const r = panorama(["ingest", inputs, join(dir, "nowhere"), "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere: no such file or folder/);
    // folders are walked in sorted order: more/na-2014.txt comes first and is stored
    expect(r.stderr).toMatch(/texts\/na-2014\.txt: has the same document key "na-2014" as .*more\/na-2014\.txt/);
    expect(keysIn(db)).toEqual(["canada-readout", "eu-2014", "na-2014"]);
  });

  it("extracts on worker threads with --workers, with the same outcome per file", () => {
    writeFileSync(join(inputs, "empty.txt"), "");
    const r = panorama(["ingest", inputs, "--db", db, "--workers", "2", "--format", "json"]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as { added: number; failed: number; failures: { message: string }[] };
    expect(s).toMatchObject({ added: 3, failed: 1 });
    expect(s.failures[0]!.message).toMatch(/empty\.txt: file is empty/);
    expect(keysIn(db)).toEqual(["canada-readout", "eu-2014", "na-2014"]);
  });

  it("refuses bad parameters with exit code 2", () => {
    const r = panorama(["ingest", inputs, "--db", db, "--format", "csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
    expect(panorama(["ingest", "--db", db]).code).toBe(2);
    const w = panorama(["ingest", inputs, "--db", db, "--workers", "many"]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/--workers must be a whole number/);
    expect(existsSync(db)).toBe(false);
  });

  it("has help with a description", () => {
    const r = panorama(["ingest", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Read files or folders/);
    expect(r.stdout).toMatch(/--db <file>/);
  });
});

describe("queries without a store", () => {
  it("say where they looked and exit 1, creating nothing", () => {
    const r = panorama(["events", "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no store at .*store\.db/);
    expect(existsSync(db)).toBe(false);
  });
});
