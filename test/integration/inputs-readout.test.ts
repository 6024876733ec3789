/**
 * A meeting readout written for the tests in the ministry's page template
 * (test/fixtures/reading/readout-2016.html) and as its plain-text version
 * (readout-2016.txt): `extract` must find the same readout in both — kind, exact
 * date, relations line as section, the meeting, the principals with their offices
 * and the attendees.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extraction/index.js";
import type { DocumentExtraction } from "../../src/model/types.js";
import { readInputs } from "../../src/reading/index.js";

const FIX = join(import.meta.dirname, "../fixtures/reading");
const dir = mkdtempSync(join(tmpdir(), "panorama-readout-"));
const results = new Map<string, { x: DocumentExtraction; text: string; encoding: string }>();

beforeAll(async () => {
  copyFileSync(join(FIX, "readout-2016.html"), join(dir, "as-html.html"));
  copyFileSync(join(FIX, "readout-2016.txt"), join(dir, "as-text.txt"));
  // an older page: the same readout in Shift_JIS, declared in a meta tag
  const html = readFileSync(join(FIX, "readout-2016.html"), "utf8").replace(
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
  );
  writeFileSync(join(dir, "as-sjis.html"), iconv.encode(html, "shift_jis"));
  for await (const r of readInputs([dir])) {
    if (!r.ok) throw new Error(r.error.message);
    const a = extract(r.doc);
    results.set(r.doc.id, { x: a.extraction, text: r.doc.text, encoding: r.doc.encoding });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (id: string) => results.get(id) ?? expect.fail(`${id} was not read`);

/** The extraction without offsets or id: what must not depend on the page's format. */
function comparable(x: DocumentExtraction) {
  const { id: _id, ...rest } = x;
  return {
    ...rest,
    events: x.events.map((e) => ({ ...e, evidence: e.evidence.text })),
    counts: x.counts.map((c) => ({ ...c, evidence: c.evidence.text })),
  };
}

describe("a readout page and its text version", () => {
  it("starts with the relations line, the title and the date line", () => {
    for (const id of ["as-html", "as-text", "as-sjis"]) {
      expect(get(id).text.split(/\n+/).slice(0, 3), id).toEqual([
        "Japan-Australia Relations",
        "Japan-Australia Foreign Ministers’ Meeting",
        "March 14, 2016",
      ]);
    }
    expect(get("as-sjis").encoding).toBe("shift_jis");
  });

  it("gives the same kind, exact date and section", () => {
    for (const id of ["as-html", "as-text", "as-sjis"]) {
      expect(get(id).x, id).toMatchObject({
        kind: "readout",
        date: "2016-03-14",
        section: "Japan-Australia Relations",
        edition: null,
        coveredYear: null,
      });
    }
  });

  it("gives the same events, persons, countries and organizations", () => {
    const text = comparable(get("as-text").x);
    expect(comparable(get("as-html").x)).toEqual(text);
    expect(comparable(get("as-sjis").x)).toEqual(text);
  });

  it("finds the meeting on the date line's day, with its principals and their offices", () => {
    const x = get("as-html").x;
    expect(x.countries).toEqual(expect.arrayContaining(["AUS", "JPN"]));
    const meeting = x.events.find((e) => e.type === "meeting" && e.level === "foreign_ministers");
    expect(meeting).toMatchObject({ date: "2016-03-14", countries: ["AUS", "JPN"] });
    expect(meeting?.participants).toEqual(expect.arrayContaining(["Fumio Kishida"]));
    expect(meeting?.evidence.text).toMatch(/^On March 14, commencing at 6:00 p\.m\./);
    const person = (family: string) => x.persons.find((p) => p.name.split(/\s+/).includes(family));
    expect(person("Kishida")).toMatchObject({
      role: expect.stringMatching(/Minister for Foreign Affairs/),
      country: "JPN",
    });
    expect(person("Bishop")).toMatchObject({
      role: expect.stringMatching(/Minister for Foreign Affairs of Australia/),
    });
    // the attendees named in the closing parenthesis
    expect(person("Saiki")?.role).toMatch(/Vice-Minister for Foreign Affairs/);
    expect(person("Miller")).toMatchObject({ role: expect.stringMatching(/Ambassador/), country: "AUS" });
  });
});
