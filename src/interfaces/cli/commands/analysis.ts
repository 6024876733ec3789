/**
 * Analysis commands: trends, keyness, concordance, collocates, diff, profile,
 * reconcile, export. Each prints a readable table, or with --json the same
 * result as the library function returns it (and the HTTP API serves it).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import {
  allEvents,
  announcedMeetingsFromStore,
  collocatesFromStore,
  concordanceFromStore,
  diffFromStore,
  EXPORT_FORMATS,
  type ExportFormat,
  freqSource,
  keynessFromStore,
  newTermsFromStore,
  ParameterError,
  parseEditionSpec,
  profileFromStore,
  reconcileFromStore,
  resolvePartner,
  TermError,
  toCsv,
  toJsonl,
  toPlover,
  trendsFromStore,
} from "../../../analysis/index.js";
import type { Store } from "../../../storage/index.js";
import {
  action,
  type Column,
  dbOption,
  openExistingStore,
  positiveInt,
  progressBar,
  single,
  toTable,
  UsageError,
  usageExits,
  year,
} from "../common.js";

const CACHE = { cache: true };
const out = (s: string): void => {
  process.stdout.write(s);
};
const json = (v: unknown): void => out(`${JSON.stringify(v, null, 2)}\n`);

/** Opens the store, builds the analysis cache with a progress bar on a terminal, runs, closes. */
function withStore<A extends unknown[]>(
  fn: (store: Store, ...args: A) => void | Promise<void>,
  opts: { cache?: boolean } = {},
) {
  return action(async (...args: A) => {
    const o = args.at(-2) as { db?: string } | undefined;
    const store = openExistingStore(o?.db);
    try {
      if (opts.cache) {
        let bar: ReturnType<typeof progressBar> | null = null;
        let last = 0;
        freqSource(store, (done, total) => {
          bar ??= progressBar(total, "documents (analysis cache)");
          for (; last < done; last++) bar.tick("");
        });
        (bar as ReturnType<typeof progressBar> | null)?.stop();
      }
      await fn(store, ...args);
    } catch (e) {
      if (e instanceof TermError || e instanceof ParameterError) throw new UsageError(e.message);
      throw e;
    } finally {
      store.close();
    }
  });
}

function command(program: Command, name: string, description: string): Command {
  const cmd = program.command(name).description(description);
  dbOption(cmd);
  cmd.option("--json", "print JSON");
  cmd.showHelpAfterError(`(see "panorama ${name} --help")`);
  return usageExits(cmd);
}

const ratio = (name: string) => (v: string) => {
  const x = Number(v);
  if (!/^\d*\.?\d+$/.test(v.trim()) || x < 0 || x > 1)
    throw new InvalidArgumentError(`${name} must be between 0 and 1.`);
  return x;
};

const nonNegative = (name: string) => (v: string) => {
  const x = Number(v);
  if (!/^\d*\.?\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be a number of 0 or more.`);
  return x;
};

const editionSpec = (name: "target" | "reference") => (v: string) => {
  try {
    parseEditionSpec(v, name);
    return v;
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};

export function register(program: Command): void {
  // trends ------------------------------------------------------------------
  command(program, "trends", "how often terms occur per edition (count and per 10,000 words)")
    .argument("<terms...>", 'terms or phrases ("Indo-Pacific", "only ally"); dash, quote and case variants match')
    .option("--section <name>", "only sections whose name contains this")
    .option("--by-section", "one series per section")
    .addHelpText(
      "after",
      '\nJSON: {"terms":[{"term":"Indo-Pacific","series":[{"edition":2014,"count":0,"per10k":0}, ...]}]}',
    )
    .action(
      withStore((store, terms: string[], o: { json?: boolean; section?: string; bySection?: boolean }) => {
        const r = trendsFromStore(store, terms, { section: o.section, bySection: o.bySection });
        if (o.json) return json(r);
        const rows = r.terms.flatMap((t) => t.series.map((p) => ({ term: t.term, section: t.section, ...p })));
        if (!rows.length) return void process.stderr.write("panorama: no editions in the store\n");
        const cols: Column<(typeof rows)[number]>[] = [
          { header: "term", value: (x) => x.term },
          ...(o.bySection ? [{ header: "section", value: (x: (typeof rows)[number]) => x.section ?? "" }] : []),
          { header: "edition", value: (x) => x.edition },
          { header: "count", value: (x) => x.count, align: "right" },
          { header: "per 10k words", value: (x) => x.per10k.toFixed(2), align: "right" },
        ];
        out(toTable(cols, rows));
      }, CACHE),
    );

  // keyness -------------------------------------------------------------------
  command(program, "keyness", "words and 2-3-word phrases that set editions apart (log-likelihood G2, log ratio)")
    .option("--target <edition>", "an edition (2025) or a range (2014-2020)", editionSpec("target"))
    .option("--reference <editions>", 'an edition, a range, or "rest" (default)', editionSpec("reference"), "rest")
    .option("--new", "for each edition, the terms absent from every earlier edition")
    .option("--section <name>", "only sections whose name contains this")
    .option("--min-freq <n>", "minimum frequency (default 3)", positiveInt("--min-freq"))
    .option("--top <n>", "rows per list (default 30; 20 with --new)", positiveInt("--top"))
    .option("--min-g2 <x>", "minimum log-likelihood (default 3.84, p < 0.05)", nonNegative("--min-g2"))
    .addHelpText(
      "after",
      "\nG2 = 2(a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) (Dunning; Rayson & Garside);\n" +
        "log ratio = log2((a/c)/(b/d)) with zeros as 0.5 (Hardie). 3.84: p<0.05, 6.63: p<0.01, 15.13: p<0.0001.",
    )
    .action(
      withStore(
        (
          store,
          o: {
            json?: boolean;
            target?: string;
            reference: string;
            new?: boolean;
            section?: string;
            minFreq?: number;
            top?: number;
            minG2?: number;
          },
        ) => {
          if (o.new) {
            const r = newTermsFromStore(store, { section: o.section, minFreq: o.minFreq, top: o.top });
            if (o.json) return json(r);
            for (const e of r.editions)
              out(`${e.edition}: ${e.terms.map((t) => `${t.term} (${t.freq})`).join(", ") || "-"}\n`);
            return;
          }
          if (!o.target) throw new UsageError("keyness: give --target EDITION (or --new)");
          const r = keynessFromStore(store, {
            target: o.target,
            reference: o.reference,
            section: o.section,
            minFreq: o.minFreq,
            top: o.top,
            minG2: o.minG2,
          });
          if (o.json) return json(r);
          out(
            `target ${r.target} (${r.targetWords} words) vs reference ${r.reference} (${r.referenceWords} words, editions ${r.referenceEditions.join(", ")})\n\n`,
          );
          type K = (typeof r.positive)[number];
          const cols: Column<K>[] = [
            { header: "term", value: (x) => x.term },
            { header: "target", value: (x) => x.target, align: "right" },
            { header: "reference", value: (x) => x.reference, align: "right" },
            { header: "per10k t", value: (x) => x.targetPer10k.toFixed(2), align: "right" },
            { header: "per10k r", value: (x) => x.referencePer10k.toFixed(2), align: "right" },
            { header: "G2", value: (x) => x.g2.toFixed(2), align: "right" },
            { header: "log ratio", value: (x) => x.logRatio.toFixed(2), align: "right" },
          ];
          out(`more frequent in ${r.target}:\n`);
          out(r.positive.length ? toTable(cols, r.positive) : "  (none)\n");
          out(`\nless frequent in ${r.target}:\n`);
          out(r.negative.length ? toTable(cols, r.negative) : "  (none)\n");
        },
        CACHE,
      ),
    );

  // concordance ---------------------------------------------------------------
  command(program, "concordance", "keyword in context, sortable by the left or right context")
    .argument("<term>", "a word or phrase")
    .option("--sort <side>", "left | right | position", single("--sort", ["left", "right", "position"] as const))
    .option("--width <n>", "characters of context each side (default 60)", positiveInt("--width"))
    .option("--limit <n>", "at most this many lines (default 1000)", positiveInt("--limit"))
    .option("--section <name>", "only sections whose name contains this")
    .option("--edition <year>", "only this edition", year("--edition"))
    .action(
      withStore(
        (
          store,
          term: string,
          o: {
            json?: boolean;
            sort?: "left" | "right" | "position";
            width?: number;
            limit?: number;
            section?: string;
            edition?: number;
          },
        ) => {
          const width = o.width ?? 60;
          const r = concordanceFromStore(store, term, { ...o, width });
          if (o.json) return json(r);
          if (!r.lines.length) return void process.stderr.write(`panorama: "${term}" does not occur\n`);
          for (const l of r.lines)
            out(
              `${String(l.edition ?? "-").padEnd(5)} ${l.left.padStart(width)} [${l.match}] ${l.right.padEnd(width)}  ${l.documentKey}:${l.start}\n`,
            );
          if (r.total > r.lines.length)
            process.stderr.write(
              `(${r.lines.length} of ${r.total} lines${r.sortedOf ? `; sorted among the first ${r.sortedOf}` : ""})\n`,
            );
        },
      ),
    );

  // collocates ----------------------------------------------------------------
  command(program, "collocates", "words that keep company with a term")
    .argument("<term>", "a word or phrase")
    .option("--window <n>", "tokens left and right (default 5)", positiveInt("--window"))
    .option("--measure <m>", "logdice | mi (default logdice)", single("--measure", ["logdice", "mi"] as const))
    .option("--min-freq <n>", "minimum co-occurrences (default 2)", positiveInt("--min-freq"))
    .option("--top <n>", "rows (default 30)", positiveInt("--top"))
    .addHelpText(
      "after",
      "\nlog-Dice = 14 + log2(2·f(xy) / (f(x) + f(y))) (Rychlý 2008; at most 14, comparable across corpora);\n" +
        "MI = log2(f(xy)·N / (f(x)·f(y))). f(xy): co-occurrences within the window in one sentence.",
    )
    .action(
      withStore(
        (
          store,
          term: string,
          o: { json?: boolean; window?: number; measure?: "logdice" | "mi"; minFreq?: number; top?: number },
        ) => {
          const r = collocatesFromStore(store, term, o);
          if (o.json) return json(r);
          out(`"${term}": f(x) = ${r.fx}, window ${r.window}, corpus ${r.corpusSize} tokens\n`);
          type C = (typeof r.collocates)[number];
          const cols: Column<C>[] = [
            { header: "collocate", value: (x) => x.word },
            { header: "f(xy)", value: (x) => x.fxy, align: "right" },
            { header: "f(y)", value: (x) => x.fy, align: "right" },
            { header: "logDice", value: (x) => x.logDice.toFixed(2), align: "right" },
            { header: "MI", value: (x) => x.mi.toFixed(2), align: "right" },
          ];
          out(r.collocates.length ? toTable(cols, r.collocates) : "(no collocates at this frequency)\n");
        },
        CACHE,
      ),
    );

  // diff ----------------------------------------------------------------------
  command(program, "diff", "align a section's sentences in two editions: unchanged, reworded, added, removed")
    .argument("<from>", "the earlier edition", year("<from>"))
    .argument("<to>", "the later edition", year("<to>"))
    .requiredOption("--section <name>", 'the section ("North America")')
    .option(
      "--threshold <x>",
      "minimum word-set similarity (Jaccard) for a rewording (default 0.6)",
      ratio("--threshold"),
    )
    .option("--all", "also print unchanged sentences")
    .action(
      withStore(
        (
          store,
          from: number,
          to: number,
          o: { json?: boolean; section: string; threshold?: number; all?: boolean },
        ) => {
          const r = diffFromStore(store, o.section, from, to, { threshold: o.threshold });
          if (!r.from.documents.length) throw new UsageError(`diff: no "${o.section}" section in edition ${from}`);
          if (!r.to.documents.length) throw new UsageError(`diff: no "${o.section}" section in edition ${to}`);
          if (o.json) return json(r);
          const s = r.summary;
          out(
            `${r.section}: ${from} (${r.from.documents.join(", ")}) -> ${to} (${r.to.documents.join(", ")})\n` +
              `${s.unchanged} unchanged, ${s.reworded} reworded, ${s.added} added, ${s.removed} removed\n\n`,
          );
          for (const row of r.rows) {
            if (row.op === "unchanged") {
              if (o.all) out(`  = ${row.new!.text}\n`);
            } else if (row.op === "added") out(`  + ${row.new!.text}\n`);
            else if (row.op === "removed") out(`  - ${row.old!.text}\n`);
            else {
              out(`  ~ ${row.changes!.map((c) => c.summary).join("; ")}\n`);
              out(`      ${from}: ${row.old!.text}\n      ${to}: ${row.new!.text}\n`);
            }
          }
        },
      ),
    );

  // profile -------------------------------------------------------------------
  command(program, "profile", "how the texts describe a partner, edition by edition, with its counts and events")
    .argument("<partner>", 'alpha-3 code or name ("USA", "Canada")')
    .action(
      withStore((store, partner: string, o: { json?: boolean }) => {
        const code = resolvePartner(store, partner);
        if (!code) throw new UsageError(`profile: unknown partner "${partner}" (give an alpha-3 code such as USA)`);
        const r = profileFromStore(store, code);
        if (o.json) return json(r);
        if (!r.editions.length) return void process.stderr.write(`panorama: nothing about ${code} in the store\n`);
        for (const e of r.editions) {
          out(`== ${e.edition ?? "readouts and other texts"}\n`);
          if (e.phrases.length) out(`   phrases: ${e.phrases.map((p) => `${p.phrase} (${p.count})`).join("; ")}\n`);
          for (const c of e.counts)
            out(
              `   stated: ${c.approximate ? "~" : ""}${c.total} ${c.level}${c.telephone ? ` (${c.telephone} by telephone)` : ""}${c.video ? ` (${c.video} by video)` : ""} ${c.period.start ?? ""}..${c.period.end ?? ""}\n`,
            );
          const types = Object.entries(e.events.byType)
            .map(([t, n]) => `${n} ${t}`)
            .join(", ");
          if (types) out(`   events: ${types}\n`);
          for (const a of e.agreements)
            out(`   agreement: ${a.title ?? "?"} (${a.status ?? "?"}, ${a.date ?? "undated"})\n`);
        }
      }),
    );

  // reconcile -----------------------------------------------------------------
  command(program, "reconcile", "stated meeting counts next to the meetings the corpus lists one by one")
    .option("--country <code>", "only this partner (alpha-3 or organization id)")
    .option(
      "--scope <scope>",
      "corpus (default) | document: where listed events may come from",
      single("--scope", ["corpus", "document"] as const),
    )
    .action(
      withStore((store, o: { json?: boolean; country?: string; scope?: "corpus" | "document" }) => {
        if (o.country && !/^[A-Za-z][A-Za-z0-9]{1,9}$/.test(o.country))
          throw new UsageError(`--country ${JSON.stringify(o.country)}: give an alpha-3 code such as USA`);
        const r = reconcileFromStore(store, { country: o.country, scope: o.scope });
        if (o.json) return json(r);
        if (!r.rows.length) return void process.stderr.write("panorama: no stated counts match\n");
        type R = (typeof r.rows)[number];
        const cols: Column<R>[] = [
          { header: "partner", value: (x) => x.partner },
          { header: "year", value: (x) => x.year ?? (x.period ? `${x.period.start}..${x.period.end}` : "?") },
          { header: "level", value: (x) => x.level },
          { header: "stated", value: (x) => `${x.stated.approximate ? "~" : ""}${x.stated.total}`, align: "right" },
          { header: "listed", value: (x) => x.listed.total, align: "right" },
          { header: "status", value: (x) => x.status },
          { header: "source", value: (x) => x.count.documentKey },
          { header: "notes", value: (x) => x.notes.join("; ") },
        ];
        out(toTable(cols, r.rows));
        const s = r.summary;
        out(
          `\n${s.agrees} agree, ${s.contradiction} contradictions, ${s.partial} partial, ${s.approximate} approximate, ${s.not_comparable} not comparable\n`,
        );
      }),
    );

  // export --------------------------------------------------------------------
  const exp = program
    .command("export")
    .description("the event record as JSON Lines, CSV (one row per event) or PLOVER (see src/analysis/PLOVER.md)")
    .requiredOption("--format <format>", "jsonl | csv | plover", single("--format", EXPORT_FORMATS))
    .option("--out <file>", "write to this file instead of stdout")
    .option("--bom", "CSV: start with a UTF-8 byte order mark (for spreadsheet programs)")
    .option("--country <code>", "only events with this party");
  dbOption(exp);
  usageExits(exp).action(
    withStore(async (store, o: { format: ExportFormat; out?: string; bom?: boolean; country?: string }) => {
      const filter = o.country ? { country: o.country.toUpperCase() } : {};
      const stream = o.out ? createWriteStream(o.out, { encoding: "utf8" }) : process.stdout;
      let failed: Error | null = null;
      stream.on("error", (e) => {
        failed = e;
      });
      const write = async (s: string) => {
        if (failed) throw new Error(`${o.out ?? "stdout"}: ${(failed as Error).message}`);
        if (!stream.write(s)) await once(stream, "drain");
      };
      let lines: Iterable<string>;
      if (o.format === "jsonl") lines = toJsonl(allEvents(store, filter));
      else if (o.format === "csv") lines = toCsv(allEvents(store, filter), { bom: o.bom });
      else {
        const announced = announcedMeetingsFromStore(store).filter(
          (a) => !filter.country || a.countries.includes(filter.country),
        );
        lines = toPlover(allEvents(store, filter), { announced }).map((rec) => `${JSON.stringify(rec)}\n`);
      }
      let n = 0;
      for (const line of lines) {
        await write(line);
        n++;
      }
      if (o.out) {
        (stream as ReturnType<typeof createWriteStream>).end();
        await once(stream, "finish").catch(() => {});
        if (failed) throw new Error(`${o.out}: ${(failed as Error).message}`);
        process.stderr.write(`panorama: wrote ${o.format === "csv" ? n - 1 : n} records to ${o.out}\n`);
      }
    }),
  );
}
