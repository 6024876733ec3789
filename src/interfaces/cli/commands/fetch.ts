import { resolve } from "node:path";
import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_BASE, type DocKind, fetchEdition, tocLocations } from "../../../fetching/index.js";
import { action, oneOf, showProgress, usageExits, year } from "../common.js";

function nonNegativeInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim()))
      throw new InvalidArgumentError(`${name} must be a whole number of milliseconds (0 or more).`);
    return Number(v);
  };
}

function httpUrl(name: string) {
  return (v: string): string => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new InvalidArgumentError(`${name} must be an http(s) URL such as ${DEFAULT_BASE}`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw new InvalidArgumentError(`${name} must be an http(s) URL such as ${DEFAULT_BASE}`);
    return u.href.endsWith("/") ? u.href : `${u.href}/`;
  };
}

interface FetchCliOptions {
  edition: number;
  to?: string;
  base: string;
  delay: number;
  retries: number;
  prefer: DocKind[];
}

export function register(program: Command): void {
  const cmd = program
    .command("fetch")
    .description(
      "Save an edition of the Diplomatic Bluebook (English chapter pages or PDFs) into a folder for ingest, politely: robots.txt, one request at a time, resumable",
    )
    .requiredOption("--edition <year>", "the edition, e.g. 2025", year("--edition"))
    .option("--to <dir>", "the folder to save into (default: ./bluebook-<edition>)")
    .option("--base <url>", "the site's Bluebook folder", httpUrl("--base"), DEFAULT_BASE)
    .option(
      "--delay <ms>",
      "pause between requests (robots.txt Crawl-delay can raise it)",
      nonNegativeInt("--delay"),
      1000,
    )
    .option("--retries <n>", "new attempts after a 5xx answer or a network error", nonNegativeInt("--retries"), 1)
    .addOption(
      new Option("--prefer <kinds>", "when a chapter exists in several forms, the one to save first")
        .argParser(oneOf("--prefer", ["html", "pdf", "txt"] as const))
        .default(["html", "pdf", "txt"], "html,pdf,txt"),
    )
    .addHelpText(
      "after",
      `\nThe table of contents of edition Y is looked for at ${tocLocations(2025)[0]!.replace("2025", "<Y>")} (editions from 2014)\nor ${tocLocations(2010)[0]!.replace("2010", "<Y>")} (older editions), the other place second.\nFiles already in the folder are not fetched again. Exit code 1 when anything failed.`,
    )
    .action(
      action(async (opts: FetchCliOptions) => {
        const dir = resolve(opts.to ?? `bluebook-${opts.edition}`);
        // the total grows when chapter index pages add documents
        const bar = showProgress()
          ? new cliProgress.SingleBar(
              {
                stream: process.stderr,
                format: "{bar} {value}/{total} documents | {label}",
                hideCursor: true,
                clearOnComplete: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
        let started = false;
        const report = await fetchEdition({
          edition: opts.edition,
          dir,
          base: opts.base,
          delayMs: opts.delay,
          retries: opts.retries,
          prefer: opts.prefer,
          onStart: (total) => {
            if (!bar) return;
            if (started) bar.setTotal(total);
            else bar.start(total, 0, { label: "" });
            started = true;
          },
          onDocument: (o) => {
            bar?.increment(1, { label: o.url.split("/").pop() ?? o.url });
            if (o.status === "failed") process.stderr.write(`panorama: ${o.message}\n`);
          },
        });
        if (started) bar?.stop();
        for (const e of report.errors) process.stderr.write(`panorama: ${e}\n`);
        for (const o of report.documents)
          if (o.status === "disallowed")
            process.stderr.write(`panorama: ${o.url}: not fetched (disallowed by robots.txt)\n`);
        process.stdout.write(
          `edition ${opts.edition}: ${report.saved} saved, ${report.skipped} already there, ${report.disallowed} disallowed by robots.txt, ${report.failed} failed` +
            `${report.indexes ? `, ${report.indexes} index pages followed` : ""}` +
            `${report.toc ? ` (contents: ${report.toc})` : ""} -> ${dir}\n`,
        );
        if (report.failed || report.errors.length) process.exitCode = 1;
      }),
    );
  usageExits(cmd);
}
