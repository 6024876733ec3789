import type { Command } from "commander";
import { extract, readInputs, toExtractionOutput } from "../../../index.js";
import type { AnalyzedDocument } from "../../../model/types.js";
import { summarizeDocument } from "../format.js";

export function register(program: Command): void {
  program
    .command("extract")
    .description("Extract events, counts, persons, countries and organizations from files or folders (no database)")
    .argument("<paths...>", "files (.txt, .html, .htm, .pdf) or folders of them")
    .option("--json", "print the extraction contract's JSON (panorama.extraction/1)")
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const docs: AnalyzedDocument[] = [];
      let failed = 0;
      for await (const r of readInputs(paths)) {
        if (!r.ok) {
          failed++;
          process.stderr.write(`panorama: ${r.error.message}\n`);
          continue;
        }
        try {
          const a = extract(r.doc);
          if (opts.json) docs.push(a);
          else process.stdout.write(`${summarizeDocument(a)}\n`);
        } catch (e) {
          failed++;
          process.stderr.write(`panorama: ${r.doc.path}: extraction failed (${(e as Error).message})\n`);
        }
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(toExtractionOutput(docs), null, 2)}\n`);
      if (failed) process.exitCode = 1;
    });
}
