/**
 * Property tests of the readers: random bytes written to files of every
 * accepted extension never make readOne throw; a file it cannot read comes
 * back as a failure whose message names the file; a file it reads gives a
 * sound document that extraction handles.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extraction/index.js";
import { readOne } from "../../src/reading/index.js";
import { documentProblems } from "./invariants.js";

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "panorama-fuzz-read-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(bytes: Uint8Array, ext: string): Promise<void> {
  const path = join(dir, `case-${n++}${ext}`);
  writeFileSync(path, bytes);
  const r = await readOne(path);
  if (!r.ok) {
    expect(r.error.path).toBe(path);
    expect(r.error.message).toContain(basename(path));
    return;
  }
  expect(typeof r.doc.text).toBe("string");
  expect(r.doc.bytes).toBe(bytes.length);
  expect(r.doc.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(r.doc.id).toBe(basename(path, extname(path)));
  expect(documentProblems(extract(r.doc))).toEqual([]);
}

const TEXT_EXT = fc.constantFrom(".txt", ".text", ".html", ".htm", ".xhtml");
const prose = "On April 2, 2013, Prime Minister Shinzo Abe held a summit meeting with President Barack Obama. ";

describe("readOne on random bytes", () => {
  it("never throws: unreadable files fail naming the file, readable ones extract soundly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), TEXT_EXT, (bytes, ext) => check(bytes, ext)),
      { numRuns: 150 },
    );
  });

  it("handles text with random bytes spliced in (bad UTF-8, NULs, BOMs, legacy encodings)", async () => {
    const spliced = fc
      .array(
        fc.oneof(
          fc.constant(Buffer.from(prose)),
          fc.uint8Array({ maxLength: 8 }),
          fc.constantFrom(
            Buffer.from([0xef, 0xbb, 0xbf]),
            Buffer.from([0xff, 0xfe]),
            Buffer.from([0x82, 0xa0, 0x82, 0xa2]),
            Buffer.from("<p>"),
            Buffer.from("</div>"),
            Buffer.from("<script>alert(1)</script>"),
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => new Uint8Array(Buffer.concat(parts)));
    await fc.assert(
      fc.asyncProperty(spliced, TEXT_EXT, (bytes, ext) => check(bytes, ext)),
      { numRuns: 120 },
    );
  });

  it("refuses random bytes named .pdf or starting like a PDF with a message, without hanging", async () => {
    const pdfish = fc
      .tuple(
        fc.constantFrom("", "%PDF-1.4\n", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"),
        fc.uint8Array({ maxLength: 1024 }),
      )
      .map(([head, tail]) => new Uint8Array(Buffer.concat([Buffer.from(head, "latin1"), tail])));
    await fc.assert(
      fc.asyncProperty(pdfish, (bytes) => check(bytes, ".pdf")),
      { numRuns: 40 },
    );
  });

  it("reports empty files and missing files by name", async () => {
    await check(new Uint8Array(0), ".txt");
    const r = await readOne(join(dir, "does-not-exist.txt"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("does-not-exist.txt");
  });
});
