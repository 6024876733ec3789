import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract, readOne } from "../../src/index.js";
import type { SourceDocument } from "../../src/model/types.js";
import {
  autoIngestWorkers,
  autoIngestWorkersFor,
  createExtractorPool,
  extractFilesParallel,
  ingestWorkers,
  type ParallelResult,
  POOL_MIN_BYTES,
} from "../../src/pipeline/parallel.js";

const TEXT = (i: number) =>
  `2. North America\n\nOn April ${1 + (i % 28)}, 2013, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama in Washington, D.C. ` +
  `The two leaders confirmed that the Japan-U.S. Alliance remains the cornerstone of peace in the region. ` +
  `In ${2000 + i}, Foreign Minister Fumio Kishida held ${i + 2} telephone talks with Secretary of State John Kerry.\n`;

let dir: string;
const paths: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-parallel-"));
  for (let i = 0; i < 12; i++) {
    const p = join(dir, `doc-${String(i).padStart(2, "0")}.txt`);
    writeFileSync(p, TEXT(i));
    paths.push(p);
  }
  const bin = join(dir, "binary.txt");
  writeFileSync(bin, Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64, 0)]));
  paths.splice(5, 0, bin);
  const empty = join(dir, "empty.txt");
  writeFileSync(empty, "");
  paths.push(empty);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(it: AsyncIterable<ParallelResult>): Promise<ParallelResult[]> {
  const out: ParallelResult[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe("extractFilesParallel", () => {
  it("yields one result per path, in input order, equal to extracting in this thread", async () => {
    const results = await collect(extractFilesParallel(paths, { workers: 2 }));
    expect(results.map((r) => r.path)).toEqual(paths);
    for (const r of results) {
      const local = await readOne(r.path);
      if (!local.ok) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toContain(r.path);
        continue;
      }
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.doc).toEqual(extract(local.doc));
    }
  });

  it("reports unreadable files with a message naming them and goes on", async () => {
    const results = await collect(extractFilesParallel(paths, { workers: 2 }));
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.path.split("/").pop()).sort()).toEqual(["binary.txt", "empty.txt"]);
    expect(results.filter((r) => r.ok)).toHaveLength(12);
  });

  it("returns small summaries when asked, with the same sentence counts", async () => {
    const results = await collect(extractFilesParallel(paths.slice(0, 3), { workers: 3, output: "summary" }));
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.ok && r.summary).toBeTruthy();
      if (!r.ok || !r.summary) continue;
      const local = await readOne(r.path);
      if (!local.ok) throw new Error("unreadable");
      const doc = extract(local.doc);
      expect(r.summary.sentences).toBe(doc.sentences.length);
      expect(r.summary.bytes).toBe(local.doc.bytes);
      expect(r.doc).toBeUndefined();
    }
  });

  it("can be stopped early, and a window of one keeps order", async () => {
    const seen: string[] = [];
    for await (const r of extractFilesParallel(paths, { workers: 2, window: 1 })) {
      seen.push(r.path);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(paths.slice(0, 3));
  });

  it("yields nothing for no paths", async () => {
    expect(await collect(extractFilesParallel([]))).toEqual([]);
  });
});

describe("createExtractorPool", () => {
  it("extracts read documents on worker threads, equal to extracting in this thread", async () => {
    const pool = createExtractorPool({ workers: 2 });
    try {
      expect(pool.size).toBe(2);
      const docs: SourceDocument[] = [];
      for (const p of paths) {
        const r = await readOne(p);
        if (r.ok) docs.push(r.doc);
      }
      const out = await Promise.all(docs.map((d) => pool.extract(d)));
      expect(out.map((a) => a.source.path)).toEqual(docs.map((d) => d.path));
      out.forEach((a, i) => {
        expect(a).toEqual(extract(docs[i]!));
      });
    } finally {
      await pool.close();
    }
  });

  it("hands each worker several jobs at once, and says how many documents to keep in flight", async () => {
    for (const depth of [1, 4]) {
      const pool = createExtractorPool({ workers: 2, depth });
      try {
        expect(pool.window).toBe(2 * (depth + 1));
        const good = paths.filter((p) => !/binary|empty/.test(p));
        // more jobs than the workers hold: the rest wait in the pool's queue, and all come back, each its own
        const out = await Promise.all(good.map((p) => pool.readExtract(p, null)));
        expect(out.map((r) => (r.kind === "extracted" ? r.doc.source.path : r.kind))).toEqual(good);
      } finally {
        await pool.close();
      }
    }
  });

  it("rejects a document whose extraction fails, naming the file, and keeps working", async () => {
    const pool = createExtractorPool({ workers: 1 });
    try {
      const bad = { id: "bad", path: "/nowhere/bad.txt", format: "txt", text: 42 } as unknown as SourceDocument;
      await expect(pool.extract(bad)).rejects.toThrow(/bad\.txt/);
      const r = await readOne(paths[0]!);
      if (!r.ok) throw new Error("unreadable");
      expect((await pool.extract(r.doc)).sentences.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    await expect(pool.extract({} as SourceDocument)).rejects.toThrow(/closed/);
  });
});

describe("createExtractorPool().readExtract", () => {
  it("reads and extracts files on the workers, equal to reading and extracting here; a bad file fails naming it", async () => {
    const pool = createExtractorPool({ workers: 2 });
    try {
      const out = await Promise.all(paths.map((p) => pool.readExtract(p, null)));
      for (const [i, p] of paths.entries()) {
        const local = await readOne(p);
        const got = out[i]!;
        if (local.ok) {
          expect(got.kind, p).toBe("extracted");
          if (got.kind === "extracted") expect(got.doc).toEqual(extract(local.doc));
        } else {
          expect(got).toEqual({ kind: "failed", stage: "read", message: local.error.message });
          expect(local.error.message).toContain(p);
        }
      }
    } finally {
      await pool.close();
    }
    await expect(pool.readExtract(paths[0]!, null)).rejects.toThrow(/closed/);
  });

  it("does not extract a file whose hash is the one stored", async () => {
    const pool = createExtractorPool({ workers: 1 });
    try {
      const r = await readOne(paths[0]!);
      if (!r.ok) throw new Error(r.error.message);
      expect(await pool.readExtract(paths[0]!, r.doc.hash)).toEqual({ kind: "unchanged" });
      expect((await pool.readExtract(paths[0]!, "another hash")).kind).toBe("extracted");
    } finally {
      await pool.close();
    }
  });
});

describe("a document too big for a worker's heap limit", () => {
  // ~4 MB of our own sentences: extracting it needs far more than a 24 MB old generation (a worker
  // with that limit dies with ERR_WORKER_OUT_OF_MEMORY on it), while the small ones fit.
  const para = (i: number) =>
    `On April ${1 + (i % 28)}, 2013, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama in Washington, D.C. ` +
    "The two leaders confirmed that the alliance remains the cornerstone of peace in the region.\n";
  let big: string;
  beforeAll(() => {
    big = join(dir, "big.txt");
    const parts = ["2. North America\n\n"];
    for (let i = 0; i < 20_000; i++) parts.push(para(i));
    writeFileSync(big, parts.join(""));
  });

  it("is extracted again on a worker without a limit, in its place in the order", async () => {
    const input = [paths[0]!, big, paths[1]!];
    const results = await collect(extractFilesParallel(input, { workers: 1, heapMb: 24 }));
    expect(results.map((r) => r.path)).toEqual(input);
    for (const r of results) {
      expect(r.ok, r.ok ? r.path : r.message).toBe(true);
      const local = await readOne(r.path);
      if (r.ok && local.ok) expect(r.doc).toEqual(extract(local.doc));
    }
  }, 120_000);

  it("is extracted by the pool too, and the pool goes on", async () => {
    const pool = createExtractorPool({ workers: 1, heapMb: 24 });
    try {
      const docs: SourceDocument[] = [];
      for (const p of [big, paths[0]!]) {
        const r = await readOne(p);
        if (!r.ok) throw new Error(r.error.message);
        docs.push(r.doc);
      }
      const [a, b] = await Promise.all(docs.map((d) => pool.extract(d)));
      expect(a).toEqual(extract(docs[0]!));
      expect(b).toEqual(extract(docs[1]!));
      // and when the workers read the files themselves
      const [c, d] = await Promise.all([big, paths[0]!].map((p) => pool.readExtract(p, null)));
      expect(c).toEqual({ kind: "extracted", doc: a });
      expect(d).toEqual({ kind: "extracted", doc: b });
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe("how many workers an ingest uses", () => {
  it("leaves the storing thread a core of its own: one worker per core but one, at least 1, at most 8", () => {
    expect(ingestWorkers(1)).toBe(1);
    expect(ingestWorkers(2)).toBe(1);
    expect(ingestWorkers(4)).toBe(3);
    expect(ingestWorkers(64)).toBe(8);
  });

  it("extracts in the calling thread on one core or for a small input", () => {
    expect(autoIngestWorkers(POOL_MIN_BYTES * 10, 1)).toBe(0);
    expect(autoIngestWorkers(POOL_MIN_BYTES - 1, 8)).toBe(0);
    expect(autoIngestWorkers(POOL_MIN_BYTES, 2)).toBe(1);
    expect(autoIngestWorkers(POOL_MIN_BYTES, 8)).toBe(7);
  });

  it("sizes the input from the listed files of the paths given", async () => {
    // the test folder holds a few KB: no pool
    expect(await autoIngestWorkersFor([dir], 4)).toBe(0);
    const big = mkdtempSync(join(tmpdir(), "panorama-auto-"));
    try {
      writeFileSync(join(big, "a.txt"), Buffer.alloc(POOL_MIN_BYTES / 2, 0x61));
      writeFileSync(join(big, "b.txt"), Buffer.alloc(POOL_MIN_BYTES / 2, 0x62));
      writeFileSync(join(big, "ignored.bin"), Buffer.alloc(POOL_MIN_BYTES, 0));
      expect(await autoIngestWorkersFor([big], 4)).toBe(3);
      expect(await autoIngestWorkersFor([join(big, "a.txt")], 4)).toBe(0);
      expect(await autoIngestWorkersFor([join(big, "missing")], 4)).toBe(0);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});
