/** What every extraction must satisfy, whatever the input: offsets inside the text, slices equal, the contract's schema. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { toExtractionOutput } from "../../src/extraction/index.js";
import type { AnalyzedDocument, Segmented } from "../../src/model/types.js";

const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../src/model/extraction.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: true });
export const validateContract = ajv.compile(schema);

/** Problems with a segmentation of `text` (empty when it is sound). */
export function segmentationProblems(text: string, seg: Segmented): string[] {
  const out: string[] = [];
  let prevEnd = 0;
  seg.sentences.forEach((s, i) => {
    if (s.index !== i) out.push(`sentence ${i} has index ${s.index}`);
    if (
      !(
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        0 <= s.start &&
        s.start <= s.end &&
        s.end <= text.length
      )
    )
      out.push(`sentence ${i} offsets ${s.start}..${s.end} outside 0..${text.length}`);
    if (text.slice(s.start, s.end) !== s.text) out.push(`sentence ${i} text is not text.slice(${s.start}, ${s.end})`);
    if (s.start < prevEnd) out.push(`sentence ${i} starts at ${s.start}, before the previous end ${prevEnd}`);
    prevEnd = s.end;
  });
  seg.blocks.forEach((b, i) => {
    if (!(0 <= b.start && b.start <= b.end && b.end <= text.length))
      out.push(`block ${i} offsets ${b.start}..${b.end}`);
  });
  return out;
}

/** Problems with one analyzed document (empty when it is sound). */
export function documentProblems(a: AnalyzedDocument): string[] {
  const text = a.text;
  const out = segmentationProblems(text, { blocks: [], sentences: a.sentences });
  const span = (what: string, e: { start: number; end: number; text: string }) => {
    if (
      !(
        Number.isInteger(e.start) &&
        Number.isInteger(e.end) &&
        0 <= e.start &&
        e.start <= e.end &&
        e.end <= text.length
      )
    )
      out.push(`${what} evidence ${e.start}..${e.end} outside 0..${text.length}`);
    else if (text.slice(e.start, e.end) !== e.text)
      out.push(`${what} evidence.text is not text.slice(${e.start}, ${e.end})`);
  };
  a.extraction.events.forEach((e, i) => {
    span(`event ${i} (${e.type})`, e.evidence);
  });
  a.extraction.counts.forEach((c, i) => {
    span(`count ${i}`, c.evidence);
  });
  a.mentions.forEach((m, i) => {
    span(`mention ${i} (${m.kind} ${m.key})`, { start: m.start, end: m.end, text: m.surface });
    const s = a.sentences[m.sentence];
    if (!s) out.push(`mention ${i} names sentence ${m.sentence}, which does not exist`);
    else if (m.start < s.start || m.start >= Math.max(s.end, s.start + 1))
      out.push(`mention ${i} at ${m.start} is not inside sentence ${m.sentence} (${s.start}..${s.end})`);
  });
  // the contract: exactly what `panorama extract --json` prints, after a JSON round trip
  const json = JSON.parse(JSON.stringify(toExtractionOutput([a])));
  if (!validateContract(json)) out.push(`contract: ${ajv.errorsText(validateContract.errors)}`);
  return out;
}
