/**
 * Helpers shared by the CLI commands: where the store is (--db, PANORAMA_DB,
 * ./panorama.db), validated option parsers (a bad value names the parameter
 * and exits with code 2), output as table | json | csv, and a progress bar
 * that only shows on an interactive terminal.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { dateBounds, openStore, QueryError, SCHEMA_VERSION, type Store } from "../../storage/index.js";

export const DEFAULT_DB = "panorama.db";

/** Exit code for a bad parameter or query (usage error). */
export const EXIT_USAGE = 2;

/** A problem with what the user asked for: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The store file: --db FILE, else $PANORAMA_DB, else ./panorama.db. */
export function resolveDbPath(db?: string): string {
  return resolve(db || process.env.PANORAMA_DB || DEFAULT_DB);
}

export function dbOption(cmd: Command): Command {
  return cmd.option("--db <file>", `the store file (default: $PANORAMA_DB or ./${DEFAULT_DB})`);
}

/**
 * Opens an existing store for queries; a missing file is an error, not a new empty store.
 * With `readonly`, nothing is written (no migration, no lock held): a file from an older
 * Panorama is migrated once, with a note on stderr, and then read; one from a newer
 * Panorama is refused with a message saying so.
 */
export function openExistingStore(db?: string, opts: { readonly?: boolean } = {}): Store {
  const path = resolveDbPath(db);
  if (!existsSync(path))
    throw new Error(`no store at ${path}: run "panorama ingest PATH..." first, or pass --db FILE / set PANORAMA_DB`);
  if (!opts.readonly) return openStore(path);
  const version = storeVersion(path);
  if (version > SCHEMA_VERSION)
    throw new Error(
      `${path} was written by a newer Panorama (schema version ${version}; this one reads ${SCHEMA_VERSION}): upgrade Panorama to query it`,
    );
  if (version < SCHEMA_VERSION) {
    process.stderr.write(`panorama: upgrading ${path} from schema version ${version} to ${SCHEMA_VERSION}\n`);
    openStore(path).close();
  }
  return openStore(path, { readonly: true });
}

/** The schema version of a store file (PRAGMA user_version), read without writing; 0 for an empty file. */
function storeVersion(path: string): number {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`cannot open the store ${path}: ${(e as Error).message}`);
  }
  try {
    return db.pragma("user_version", { simple: true }) as number;
  } catch (e) {
    throw new Error(`${path} is not a Panorama store (${(e as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Makes commander's own parse errors (unknown option, missing argument,
 * invalid value) exit with code 2; --help and --version still exit 0.
 */
export function usageExits(cmd: Command): Command {
  return cmd.exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE);
  });
}

/** Runs a command's action: a UsageError or QueryError exits 2, anything else 1, both with one clear line. */
export function action<A extends unknown[]>(fn: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      const usage = e instanceof UsageError || e instanceof QueryError;
      process.stderr.write(`panorama: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = usage ? EXIT_USAGE : 1;
    }
  };
}

// ---------------------------------------------------------------------------
// Option parsers (for commander's argParser): they throw InvalidArgumentError,
// which commander reports as "option '--x <v>' argument 'v' is invalid. <why>"

export function positiveInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim()) || Number(v) < 1)
      throw new InvalidArgumentError(`${name} must be a positive whole number.`);
    return Number(v);
  };
}

export function nonNegativeInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be a whole number (0 or more).`);
    return Number(v);
  };
}

export function year(name: string) {
  return (v: string): number => {
    if (!/^\d{4}$/.test(v.trim())) throw new InvalidArgumentError(`${name} must be a year such as 2014.`);
    return Number(v);
  };
}

/** One value, or a comma-separated list of values, from `allowed`. */
export function oneOf<T extends string>(name: string, allowed: readonly T[]) {
  return (v: string): T[] => {
    const values = v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = values.filter((x) => !allowed.includes(x as T));
    if (!values.length || bad.length)
      throw new InvalidArgumentError(
        `unknown ${name} ${JSON.stringify(bad.join(",") || v)}; expected one of: ${allowed.join(", ")}.`,
      );
    return values as T[];
  };
}

export function single<T extends string>(name: string, allowed: readonly T[]) {
  const many = oneOf(name, allowed);
  return (v: string): T => {
    const values = many(v);
    if (values.length !== 1) throw new InvalidArgumentError(`${name} takes one value.`);
    return values[0]!;
  };
}

/** ISO alpha-3 codes or organization ids (EU, ASEAN), comma-separated; upper-cased. */
export function countryCodes(name: string) {
  return (v: string): string[] => {
    const values = v
      .split(",")
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    if (!values.length || values.some((x) => !/^[A-Z][A-Z0-9]{1,9}$/.test(x)))
      throw new InvalidArgumentError(`${name} takes ISO 3166 alpha-3 codes or organization ids, e.g. USA or JPN,KOR.`);
    return values;
  };
}

export function partialDate(name: string) {
  return (v: string): string => {
    const t = v.trim();
    if (!dateBounds(t)) throw new InvalidArgumentError(`${name} must be a date YYYY, YYYY-MM or YYYY-MM-DD.`);
    return t;
  };
}

export function checkRange(from?: string, to?: string): void {
  if (from && to && dateBounds(from)![0] > dateBounds(to)![1])
    throw new UsageError(`--from ${from} is after --to ${to}`);
}

// ---------------------------------------------------------------------------
// Output

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(cmd: Command, allowed: readonly Format[] = FORMATS): Command {
  return cmd.option(`--format <format>`, `output: ${allowed.join(" | ")}`, single("--format", allowed), "table");
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined | readonly string[];
  /** at most this many characters in a table (longer text ends with "…") */
  max?: number;
  align?: "left" | "right";
}

const cellText = (v: unknown): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.join("; ") : String(v);

/**
 * One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; numbers (and numeric text such as "-3") are left alone.
 */
export function csvField(v: unknown): string {
  let s = cellText(v);
  if (typeof v !== "number" && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: a header row, CRLF line ends; `bom` starts with a UTF-8 byte order mark (for spreadsheet programs). */
export function toCsv<T>(columns: Column<T>[], rows: T[], opts: { bom?: boolean } = {}): string {
  const lines = [columns.map((c) => csvField(c.header)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.value(r))).join(","));
  return `${opts.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s);

/**
 * Aligned columns for a terminal. On a terminal the last column is clipped to
 * the window's width; piped output keeps it whole.
 */
export function toTable<T>(
  columns: Column<T>[],
  rows: T[],
  width = process.stdout.isTTY ? process.stdout.columns : 0,
): string {
  const cells = rows.map((r) =>
    columns.map((c) => clip(cellText(c.value(r)).replace(/\s+/g, " "), c.max ?? Number.POSITIVE_INFINITY)),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const lastStart = widths.slice(0, -1).reduce((a, w) => a + w + 2, 0);
  const render = (row: string[]) =>
    row
      .map((cell, i) => {
        const last = i === row.length - 1;
        if (last && columns[i]!.align !== "right")
          return width && width > lastStart + 10 ? clip(cell, width - lastStart - 1) : cell;
        return columns[i]!.align === "right" ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join("  ")
      .trimEnd();
  return `${[render(columns.map((c) => c.header)), ...cells.map(render)].join("\n")}\n`;
}

/** Prints rows in the chosen format; `json` prints `toJson(row)` for each as one array; `bom` applies to csv. */
export function printRows<T>(
  format: Format,
  columns: Column<T>[],
  rows: T[],
  toJson: (row: T) => unknown,
  opts: { bom?: boolean } = {},
): void {
  if (format === "json") process.stdout.write(`${JSON.stringify(rows.map(toJson), null, 2)}\n`);
  else if (format === "csv") process.stdout.write(toCsv(columns, rows, opts));
  else if (rows.length) process.stdout.write(toTable(columns, rows));
}

/** The evidence object every JSON record carries. */
export const evidenceJson = (e: { documentKey: string; start: number; end: number; text: string }) => ({
  documentKey: e.documentKey,
  start: e.start,
  end: e.end,
  text: e.text,
});

// ---------------------------------------------------------------------------
// Progress

/** Whether to draw progress: only on an interactive terminal, never under CI. */
export function showProgress(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.CI;
}

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function progressBar(total: number, what = "files"): Progress {
  if (!showProgress() || total < 2) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{bar} {value}/{total} ${what} | {label}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  return {
    tick(label) {
      bar.increment(1, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    stop() {
      bar.stop();
    },
  };
}
