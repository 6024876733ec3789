import type { Command } from "commander";
import { type FileExtractor, fileLabel, formatSummary, ingestPaths } from "../../../pipeline/ingest.js";
import { openStore } from "../../../storage/index.js";
import {
  action,
  dbOption,
  type Format,
  formatOption,
  nonNegativeInt,
  progressBar,
  resolveDbPath,
  usageExits,
} from "../common.js";

interface IngestOpts {
  db?: string;
  sample?: boolean;
  force?: boolean;
  format: Format;
  workers?: number;
}

export function register(program: Command): void {
  const cmd = program
    .command("ingest")
    .description(
      "Read files or folders, extract their events, counts, persons and organizations, and store them with their evidence. " +
        "A changed file replaces its previous record; an unchanged one is skipped. Bad files are reported and skipped (exit code 1).",
    )
    .argument("<paths...>", "files (.txt, .html, .htm) or folders of them");
  dbOption(cmd);
  cmd
    .option("--sample", "mark the documents as sample texts")
    .option("--force", "re-extract and re-store files even when their content is unchanged")
    .option(
      "--workers <n>",
      "extract on this many worker threads while this one stores (0: extract in this process too). " +
        "Default: one per core but one (the storing thread keeps its core) when the input holds 4 MB or more, else 0",
      nonNegativeInt("--workers"),
    );
  formatOption(cmd, ["table", "json"]);
  cmd.showHelpAfterError('(see "panorama ingest --help")');
  usageExits(cmd);
  cmd.action(
    action(async (paths: string[], opts: IngestOpts) => {
      const path = resolveDbPath(opts.db);
      const store = openStore(path);
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write("\npanorama: interrupted; finishing the current document (Ctrl-C again to stop now)\n");
        controller.abort();
      };
      process.on("SIGINT", onSigint);
      let pool: { readExtract: FileExtractor; window: number; close(): Promise<void> } | null = null;
      const { autoIngestWorkersFor, createExtractorPool } = await import("../../../pipeline/parallel.js");
      const workers = opts.workers ?? (await autoIngestWorkersFor(paths));
      if (workers > 0) pool = createExtractorPool({ workers });
      let bar: ReturnType<typeof progressBar> | null = null;
      const late: string[] = [];
      try {
        const summary = await ingestPaths(store, paths, {
          sample: opts.sample,
          force: opts.force,
          signal: controller.signal,
          ...(pool ? { readExtract: pool.readExtract, concurrency: pool.window } : {}),
          onProgress: ({ done, total, result }) => {
            if (done === 1) bar = progressBar(total);
            bar?.tick(fileLabel(result.path));
            if (result.outcome === "failed") {
              const line = `panorama: ${result.message}`;
              if (bar && total > 1 && process.stderr.isTTY) late.push(line);
              else process.stderr.write(`${line}\n`);
            }
          },
        });
        (bar as ReturnType<typeof progressBar> | null)?.stop();
        for (const line of late) process.stderr.write(`${line}\n`);
        if (opts.format === "json") {
          const { results, ...rest } = summary;
          process.stdout.write(`${JSON.stringify({ store: path, ...rest, results }, null, 2)}\n`);
        } else {
          process.stdout.write(`${formatSummary(summary)}\n`);
        }
        if (summary.failed || summary.interrupted) process.exitCode = 1;
      } finally {
        (bar as ReturnType<typeof progressBar> | null)?.stop();
        process.off("SIGINT", onSigint);
        await pool?.close();
        store.close();
      }
    }),
  );
}
