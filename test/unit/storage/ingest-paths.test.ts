import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnalyzedDocument, SourceDocument } from "../../../src/model/types.js";
import { type FileExtractor, type IngestProgress, ingestPaths } from "../../../src/pipeline/ingest.js";
import { readOne } from "../../../src/reading/index.js";
import { openStore, type Store } from "../../../src/storage/index.js";
import { makeDoc } from "./fixtures.js";

/** A stand-in extractor: one meeting per document, on its first sentence. */
function fakeExtract(doc: SourceDocument): AnalyzedDocument {
  const first = doc.text.split(/(?<=\.)\s/)[0]!;
  const a = makeDoc({
    key: doc.id,
    text: doc.text,
    events: [
      { type: "meeting", level: "summit", modality: "in_person", countries: ["JPN", "USA"], date: "2013", at: first },
    ],
  });
  return { ...a, source: { ...doc } };
}

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-ingest-"));
  mkdirSync(join(dir, "in"));
  for (const n of ["a", "b", "c", "d"])
    writeFileSync(join(dir, "in", `${n}.txt`), `Text ${n} says the leaders met in Tokyo. Nothing else happened.`);
  store = openStore(join(dir, "s.db"));
});
afterEach(() => store.close());

describe("ingestPaths", () => {
  it("reads, extracts with the injected function, stores, reports progress in order and sums up", async () => {
    writeFileSync(join(dir, "in", "empty.txt"), "");
    const seen: IngestProgress[] = [];
    const s = await ingestPaths(store, [join(dir, "in")], { extract: fakeExtract, onProgress: (p) => seen.push(p) });
    expect(s).toMatchObject({ files: 5, added: 4, replaced: 0, unchanged: 0, failed: 1, events: 4, counts: 0 });
    expect(s.failures).toEqual([
      { path: join(dir, "in", "empty.txt"), message: expect.stringMatching(/empty\.txt: file is empty/) },
    ]);
    expect(seen.map((p) => [p.done, p.total, p.result.key])).toEqual([
      [1, 5, "a"],
      [2, 5, "b"],
      [3, 5, "c"],
      [4, 5, "d"],
      [5, 5, null],
    ]);
    expect(store.events().map((e) => e.evidence.documentKey)).toEqual(["a", "b", "c", "d"]);
  });

  it("does not extract unchanged files again, and replaces changed ones", async () => {
    await ingestPaths(store, [join(dir, "in")], { extract: fakeExtract });
    const calls: string[] = [];
    const counting = (d: SourceDocument) => {
      calls.push(d.id);
      return fakeExtract(d);
    };
    writeFileSync(join(dir, "in", "b.txt"), "Text b now says the ministers talked by telephone. Then nothing.");
    const s = await ingestPaths(store, [join(dir, "in")], { extract: counting });
    expect(calls).toEqual(["b"]);
    expect(s).toMatchObject({ added: 0, replaced: 1, unchanged: 3, failed: 0 });
    expect(store.search("telephone").map((h) => h.document.key)).toEqual(["b"]);
    const forced = await ingestPaths(store, [join(dir, "in")], { extract: counting, force: true });
    expect(forced.replaced).toBe(4);
  });

  it("counts a file whose extraction throws as failed, naming it, and stores the others", async () => {
    const flaky = (d: SourceDocument) => {
      if (d.id === "c") throw new Error("no sentences");
      return fakeExtract(d);
    };
    const s = await ingestPaths(store, [join(dir, "in")], { extract: flaky });
    expect(s.failures).toEqual([
      { path: join(dir, "in", "c.txt"), message: `${join(dir, "in", "c.txt")}: extraction failed (no sentences)` },
    ]);
    expect(store.documents().map((d) => d.key)).toEqual(["a", "b", "d"]);
  });

  it("counts a record the store refuses as failed, keeping the previous record", async () => {
    await ingestPaths(store, [join(dir, "in")], { extract: fakeExtract });
    writeFileSync(join(dir, "in", "a.txt"), "Text a changed. Still short.");
    const broken = (d: SourceDocument) => {
      const a = fakeExtract(d);
      a.extraction.events[0]!.evidence = { start: 0, end: 3, text: "xyz" };
      return a;
    };
    const s = await ingestPaths(store, [join(dir, "in", "a.txt")], { extract: broken });
    expect(s.failed).toBe(1);
    expect(s.failures[0]!.message).toMatch(
      /a\.txt: could not be stored \(a: event 1 \(meeting\) evidence text does not match/,
    );
    expect(store.documentText(store.document("a")!.id)).toMatch(/met in Tokyo/);
  });

  it("keeps input order with an asynchronous extractor running several documents at once", async () => {
    let inFlight = 0;
    let most = 0;
    const slowFirst = async (d: SourceDocument) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, d.id === "a" ? 30 : 1));
      inFlight--;
      return fakeExtract(d);
    };
    const order: string[] = [];
    const s = await ingestPaths(store, [join(dir, "in")], {
      extract: slowFirst,
      concurrency: 3,
      onProgress: (p) => order.push(p.result.key!),
    });
    expect(s.added).toBe(4);
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(most).toBe(3);
  });

  it("stops after the current document when aborted, leaving complete records only", async () => {
    const controller = new AbortController();
    const s = await ingestPaths(store, [join(dir, "in")], {
      extract: fakeExtract,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    expect(s.interrupted).toBe(true);
    expect(s.added).toBe(2);
    expect(store.documents().map((d) => d.key)).toEqual(["a", "b"]);
    expect(store.events()).toHaveLength(2);
  });

  it("stores several documents per transaction; one the store refuses leaves its batch-mates stored", async () => {
    const badB = (d: SourceDocument) => {
      const a = fakeExtract(d);
      if (d.id === "b") a.extraction.events[0]!.evidence = { start: 0, end: 3, text: "xyz" };
      return a;
    };
    const commits: number[] = [];
    const counting: Store = Object.create(store);
    counting.commitBatch = () => {
      commits.push(1);
      store.commitBatch!();
    };
    const s = await ingestPaths(counting, [join(dir, "in")], { extract: badB, batchBytes: 1 << 20, batchMs: 60_000 });
    expect(s).toMatchObject({ added: 3, failed: 1 });
    expect(s.failures[0]!.message).toMatch(/b\.txt: could not be stored/);
    expect(store.documents().map((d) => d.key)).toEqual(["a", "c", "d"]);
    // a, then b's failure commits its batch-mate a; then c and d together
    expect(commits).toHaveLength(2);
  });

  it("reports the documents of a batch whose commit fails as failed, and stores none of them", async () => {
    const failing: Store = Object.create(store);
    failing.commitBatch = () => {
      store.rollbackBatch!();
      throw new Error("disk I/O error");
    };
    const s = await ingestPaths(failing, [join(dir, "in")], { extract: fakeExtract });
    expect(s).toMatchObject({ files: 4, added: 0, failed: 4, events: 0 });
    expect(s.results.map((r) => r.outcome)).toEqual(["failed", "failed", "failed", "failed"]);
    expect(s.failures[0]!.message).toMatch(/a\.txt: could not be stored \(disk I\/O error\)/);
    expect(store.documents()).toEqual([]);
  });

  it("keeps the documents stored before a progress callback throws", async () => {
    const run = ingestPaths(store, [join(dir, "in")], {
      extract: fakeExtract,
      onProgress: (p) => {
        if (p.done === 3) throw new Error("progress display failed");
      },
    });
    await expect(run).rejects.toThrow("progress display failed");
    expect(store.documents().map((d) => d.key)).toEqual(["a", "b", "c"]);
  });

  it("marks sample documents", async () => {
    await ingestPaths(store, [join(dir, "in", "a.txt")], { extract: fakeExtract, sample: true });
    expect(store.document("a")?.sample).toBe(true);
  });

  describe("with reading and extraction elsewhere (readExtract)", () => {
    /** A stand-in for the pool's readExtract: reads here, records what it was asked. */
    function fakeReadExtract(asked: [string, string | null][]): FileExtractor {
      return async (path, knownHash) => {
        asked.push([basename(path), knownHash]);
        const r = await readOne(path);
        if (!r.ok) return { kind: "failed", stage: "read", message: r.error.message };
        if (knownHash === r.doc.hash) return { kind: "unchanged" };
        if (r.doc.text.includes("explode")) return { kind: "failed", stage: "extract", message: `${path}: boom` };
        return { kind: "extracted", doc: fakeExtract(r.doc) };
      };
    }

    it("passes each file's stored hash, stores what comes back, and reports failures naming the file", async () => {
      writeFileSync(join(dir, "in", "empty.txt"), "");
      writeFileSync(join(dir, "in", "e.txt"), "This one will explode. Sorry.");
      const asked: [string, string | null][] = [];
      const s = await ingestPaths(store, [join(dir, "in")], { readExtract: fakeReadExtract(asked), sample: true });
      expect(s).toMatchObject({ files: 6, added: 4, unchanged: 0, failed: 2 });
      expect(asked.map(([f, h]) => [f, h])).toEqual([
        ["a.txt", null],
        ["b.txt", null],
        ["c.txt", null],
        ["d.txt", null],
        ["e.txt", null],
        ["empty.txt", null],
      ]);
      expect(s.failures.map((f) => f.message)).toEqual([
        expect.stringMatching(/e\.txt: boom/),
        expect.stringMatching(/empty\.txt: file is empty/),
      ]);
      expect(s.results.map((r) => r.key)).toEqual(["a", "b", "c", "d", "e", null]);
      expect(store.document("a")?.sample).toBe(true);

      // again: the stored hashes go along, so nothing is extracted; a changed file is replaced
      writeFileSync(join(dir, "in", "b.txt"), "Text b now says the ministers talked by telephone. Then nothing.");
      asked.length = 0;
      const again = await ingestPaths(store, [join(dir, "in", "a.txt"), join(dir, "in", "b.txt")], {
        readExtract: fakeReadExtract(asked),
      });
      expect(asked).toEqual([
        ["a.txt", store.hashOf("a")],
        ["b.txt", expect.any(String)],
      ]);
      expect(again).toMatchObject({ unchanged: 1, replaced: 1 });
      // --force: no hash, everything extracted again
      asked.length = 0;
      const forced = await ingestPaths(store, [join(dir, "in", "a.txt")], {
        readExtract: fakeReadExtract(asked),
        force: true,
      });
      expect(asked).toEqual([["a.txt", null]]);
      expect(forced.replaced).toBe(1);
    });

    it("counts a file whose readExtract rejects as failed, naming it", async () => {
      const s = await ingestPaths(store, [join(dir, "in", "a.txt")], {
        readExtract: () => Promise.reject(new Error("worker died")),
      });
      expect(s.failures).toEqual([
        { path: join(dir, "in", "a.txt"), message: `${join(dir, "in", "a.txt")}: extraction failed (worker died)` },
      ]);
    });
  });
});
