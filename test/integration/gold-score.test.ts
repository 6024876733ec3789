import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extract, readInputs, toExtractionOutput } from "../../src/index.js";
import type { AnalyzedDocument } from "../../src/model/types.js";

const shared = resolve(__dirname, "../../../shared");
const hasShared = existsSync(join(shared, "corpus", "gold")) && existsSync(join(shared, "eval", "score.mjs"));

describe.skipIf(!hasShared)("extraction on ../shared/corpus meets the bars", () => {
  it("scores events >= 0.90, counts >= 0.95, persons/countries/organizations >= 0.95, metadata >= 0.95", async () => {
    const docs: AnalyzedDocument[] = [];
    for await (const r of readInputs([join(shared, "corpus", "texts")])) {
      expect(r.ok).toBe(true);
      if (r.ok) docs.push(extract(r.doc));
    }
    const dir = mkdtempSync(join(tmpdir(), "panorama-score-"));
    const pred = join(dir, "out.json");
    writeFileSync(pred, JSON.stringify(toExtractionOutput(docs)));
    const out = execFileSync(
      process.execPath,
      [join(shared, "eval", "score.mjs"), "--gold", join(shared, "corpus", "gold"), "--pred", pred, "--json"],
      { encoding: "utf8" },
    );
    const lastBrace = out.lastIndexOf("\n}");
    const report = JSON.parse(out.slice(0, lastBrace + 2)) as { summary: Record<string, number>; problems: string[] };
    const s = report.summary;
    const msg = `${JSON.stringify(s)}\n${report.problems.join("\n")}`;
    expect(s.events, msg).toBeGreaterThanOrEqual(0.9);
    expect(s.counts, msg).toBeGreaterThanOrEqual(0.95);
    expect(s.persons, msg).toBeGreaterThanOrEqual(0.95);
    expect(s.countries, msg).toBeGreaterThanOrEqual(0.95);
    expect(s.organizations, msg).toBeGreaterThanOrEqual(0.95);
    expect(s.metadata, msg).toBeGreaterThanOrEqual(0.95);
  });
});
