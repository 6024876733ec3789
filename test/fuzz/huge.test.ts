/**
 * Huge and pathological inputs: a 50 MB single line, long single sentences,
 * repetitive text that invites regex backtracking, HTML nested 10,000 levels
 * deep. Nothing throws, nothing hangs: the CPU time per MB is bounded
 * generously (10 s/MB), so only pathological (super-linear) behaviour fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extraction/index.js";
import type { SourceDocument } from "../../src/model/types.js";
import { readOne } from "../../src/reading/index.js";
import { segment } from "../../src/segmenting/index.js";
import { documentProblems, segmentationProblems } from "./invariants.js";

const MB = 1024 * 1024;
const MAX_CPU_SECONDS_PER_MB = 10;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-fuzz-huge-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CPU seconds (user + system) that `fn` takes in this process: less sensitive to a busy machine than wall time. */
function cpuSeconds<T>(fn: () => T): { value: T; seconds: number } {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, seconds: (c.user + c.system) / 1e6 };
}

const doc = (text: string): SourceDocument => ({
  id: "huge",
  path: "/fuzz/huge.txt",
  format: "txt",
  text,
  encoding: "utf-8",
  bytes: Buffer.byteLength(text),
  hash: "0".repeat(64),
});

const PROSE =
  "In April 2013, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama in Washington, D.C. " +
  "The two leaders confirmed that the Japan-U.S. Alliance had been fully restored. " +
  "Foreign Minister Fumio Kishida held eight foreign ministers' meetings, including two telephone talks, with Secretary of State John Kerry. ";

const repeatTo = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

describe("huge inputs", () => {
  it("reads and segments a 50 MB single line, every sentence inside the text", async () => {
    const path = join(dir, "single-line.txt");
    writeFileSync(path, repeatTo(PROSE, 50 * MB));
    const c0 = process.cpuUsage();
    const r = await readOne(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { value: seg, seconds } = cpuSeconds(() => segment(r.doc.text));
    const c = process.cpuUsage(c0);
    const total = (c.user + c.system) / 1e6;
    expect(seg.sentences.length).toBeGreaterThan(100_000);
    expect(segmentationProblems(r.doc.text, seg)).toEqual([]);
    expect(total / 50, `read + segment took ${total.toFixed(1)} s CPU (segment ${seconds.toFixed(1)} s)`).toBeLessThan(
      MAX_CPU_SECONDS_PER_MB,
    );
  }, 120_000);

  it("extracts a 1 MB single line of prose within the bound, with sound output", () => {
    const text = repeatTo(PROSE, MB);
    const { value: a, seconds } = cpuSeconds(() => extract(doc(text)));
    expect(a.sentences.length).toBeGreaterThan(1000);
    expect(documentProblems(a)).toEqual([]);
    expect(seconds, `${seconds.toFixed(1)} s CPU for 1 MB`).toBeLessThan(MAX_CPU_SECONDS_PER_MB);
  }, 120_000);

  // Repetitive text that makes backtracking regexes explode: each case is 128 KB.
  const cases: [string, string][] = [
    ["one sentence without punctuation", "alliance partner Japan United States cooperation "],
    ["capitalised words without end", "Abe Obama Kishida Kerry Hayashi Blinken "],
    ["titles without names", "Prime Minister Foreign Minister President "],
    ["honorifics and initials", "H.E. Mr. A. B. C. Dr. Prof. "],
    ["open parentheses", "((((( Japan-U.S. (photo: "],
    ["dates without events", "April 2013, May 2014, between January 2024 and the end of "],
    ["digits and numbers", "123456789 eight 2+2 3,000 over 40 "],
    ["whitespace only", " \t\u00a0\u3000\n"],
    ["dots", ". . ... .. . U.S. U.K. "],
    ["hyphens and dashes", "Japan-U.S.-ROK–China—Russia-"],
    ["one long word", "a"],
  ];
  for (const [name, unit] of cases) {
    it(`extracts 128 KB of "${name}" within the bound`, () => {
      const text = repeatTo(unit, 128 * 1024);
      const { value: a, seconds } = cpuSeconds(() => extract(doc(text)));
      expect(documentProblems(a)).toEqual([]);
      expect(seconds / (128 / 1024), `${seconds.toFixed(2)} s CPU for 128 KB`).toBeLessThan(MAX_CPU_SECONDS_PER_MB);
    }, 60_000);
  }

  it("reads HTML nested 10,000 levels deep without throwing: text out, or a failure naming the file", async () => {
    for (const tag of ["div", "span", "table"]) {
      const path = join(dir, `deep-${tag}.html`);
      const n = 10_000;
      writeFileSync(
        path,
        `<!doctype html><html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(n)}<p>${PROSE}</p>${`</${tag}>`.repeat(n)}</body></html>`,
      );
      const c0 = process.cpuUsage();
      const r = await readOne(path);
      const c = process.cpuUsage(c0);
      if (r.ok) {
        expect(r.doc.text).toContain("Prime Minister Shinzo Abe");
        expect(documentProblems(extract(r.doc))).toEqual([]);
      } else {
        expect(r.error.message).toContain(`deep-${tag}.html`);
      }
      expect((c.user + c.system) / 1e6, `${tag}: CPU seconds`).toBeLessThan(MAX_CPU_SECONDS_PER_MB);
    }
  }, 60_000);
});
