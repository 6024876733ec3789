import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { panorama } from "./cli-helpers.js";

const root = resolve(__dirname, "../..");
const tsxEsm = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/index.mjs"),
).href;

// Our own Bluebook-style paragraph, varied per file so every file is new content.
const paragraph = (i: number) =>
  `Diplomatic Bluebook 2014\n\nNorth America\n\n` +
  `In April, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama in Washington (note ${i}).\n` +
  "The two leaders confirmed that the alliance remains the cornerstone of peace and stability in the region.\n".repeat(
    40,
  );

const count = (db: string): number => {
  if (!existsSync(db)) return 0;
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (c.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0; // the schema is not there yet
  }
};

describe("an ingest killed mid-run (SIGKILL)", () => {
  it("leaves only complete documents, and a rerun adds the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "panorama-kill-"));
    const inputs = join(dir, "in");
    mkdirSync(inputs);
    // ~4.3 KB each: 2.6 MB, more than two of ingest's 1 MiB batches, so the kill lands between commits
    const N = 600;
    for (let i = 0; i < N; i++) writeFileSync(join(inputs, `doc-${String(i).padStart(3, "0")}.txt`), paragraph(i));
    const db = join(dir, "k.db");

    // `node --import tsx`: one process (the tsx CLI would run the program in a child that SIGKILL misses)
    const child = spawn(
      process.execPath,
      ["--import", tsxEsm, join(root, "src/interfaces/cli/main.ts"), "ingest", inputs, "--db", db],
      {
        cwd: root,
        env: { ...process.env, CI: "1" },
        stdio: "ignore",
      },
    );
    const exited = new Promise<void>((r) => child.on("exit", () => r()));
    let killedAt = -1;
    while (child.exitCode === null) {
      const n = count(db);
      if (n >= 3) {
        child.kill("SIGKILL");
        killedAt = n;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await exited;

    const raw = new Database(db);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
    const docs = raw.prepare("SELECT id, key FROM documents").all() as { id: number; key: string }[];
    expect(killedAt).toBeGreaterThanOrEqual(3);
    expect(docs.length).toBeGreaterThanOrEqual(killedAt);
    expect(docs.length).toBeLessThan(N);
    for (const d of docs) {
      const text = raw.prepare("SELECT length(text) AS n FROM document_texts WHERE document_id = ?").get(d.id) as
        | { n: number }
        | undefined;
      const sentences = raw.prepare("SELECT COUNT(*) AS n FROM sentences WHERE document_id = ?").get(d.id) as {
        n: number;
      };
      expect(text?.n, d.key).toBeGreaterThan(0);
      expect(sentences.n, d.key).toBeGreaterThan(40);
    }
    raw.close();

    const rerun = panorama(["ingest", inputs, "--db", db, "--format", "json"]);
    expect(rerun.code).toBe(0);
    const s = JSON.parse(rerun.stdout) as { added: number; unchanged: number; replaced: number };
    expect(s.unchanged).toBe(docs.length);
    expect(s.added).toBe(N - docs.length);
    expect(s.replaced).toBe(0);
  }, 300_000);
});
