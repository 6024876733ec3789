import type { AnalyzedDocument, ExtractedEvent } from "../../model/types.js";

function describeEvent(e: ExtractedEvent): string {
  const what = [e.type, e.level, e.modality && e.modality !== "in_person" ? e.modality : null]
    .filter(Boolean)
    .join("/");
  const where = [e.place, e.location].filter(Boolean).join(", ");
  const who = e.participants?.length ? ` with ${e.participants.join(", ")}` : "";
  const title = e.title ? ` "${e.title}"` : "";
  return `${(e.date ?? "----").padEnd(10)} ${what.padEnd(28)} ${e.countries.join("-") || "-"}${title}${who}${where ? ` @ ${where}` : ""}`;
}

/** A readable summary of one analyzed document for the terminal. */
export function summarizeDocument(a: AnalyzedDocument): string {
  const x = a.extraction;
  const head = [
    x.kind,
    x.edition ? `edition ${x.edition}${x.summary ? " (Summary)" : ""}` : null,
    x.coveredYear ? `covers ${x.coveredYear}` : null,
    x.date,
    x.section ? `"${x.section}"` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const lines = [`== ${x.id}: ${head}`];
  lines.push(`   ${a.sentences.length} sentences, ${a.wordCount} words`);
  lines.push(`   countries: ${x.countries.join(", ") || "-"}`);
  lines.push(`   organizations: ${x.organizations.join(", ") || "-"}`);
  lines.push(`   persons: ${x.persons.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join("; ") || "-"}`);
  lines.push(`   events (${x.events.length}):`);
  for (const e of x.events) lines.push(`     ${describeEvent(e)}`);
  lines.push(`   counts (${x.counts.length}):`);
  for (const c of x.counts) {
    const parts = [c.telephone ? `${c.telephone} by telephone` : null, c.video ? `${c.video} by video` : null]
      .filter(Boolean)
      .join(", ");
    const period = c.period ? ` ${c.period.start}..${c.period.end}` : "";
    lines.push(
      `     ${c.approximate ? "~" : ""}${c.total} ${c.level} ${c.countries.join("-")}${parts ? ` (${parts})` : ""}${period}`,
    );
  }
  return lines.join("\n");
}
