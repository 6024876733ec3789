/**
 * `panorama serve`: the HTTP API and the web app over a store.
 * `panorama start` (what `npm start` runs): ingests samples/ when the store is
 * empty, then serves.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { packageRoot } from "../../../model/paths.js";
import { fileLabel, ingestPaths } from "../../../pipeline/ingest.js";
import { openStore, type Store } from "../../../storage/index.js";
import { buildServer, defaultWebRoot, startServer } from "../../http/server.js";

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  rateLimit?: number;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError(`--port must be 0..65535, not "${v}"`);
  return n;
}

function parseRate(v: string): number {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`--rate-limit must be a whole number, not "${v}"`);
  return Number(v);
}

function defaultDb(): string {
  return process.env.PANORAMA_DB || "panorama.db";
}

const showProgress = () => !process.env.CI && process.stderr.isTTY === true;

/** Reads, extracts and stores the sample corpus (ingestPaths), with a progress bar on a terminal. */
export async function ingestSamples(store: Store, dir = join(packageRoot(), "samples")): Promise<number> {
  const bar = showProgress()
    ? new SingleBar({ format: "ingesting samples [{bar}] {value}/{total} {file}", hideCursor: true })
    : null;
  let started = false;
  const summary = await ingestPaths(store, [dir], {
    sample: true,
    onProgress: ({ done, total, result }) => {
      if (bar && !started) {
        bar.start(total, 0, { file: "" });
        started = true;
      }
      bar?.update(done, { file: fileLabel(result.path) });
    },
  });
  bar?.stop();
  for (const f of summary.failures) process.stderr.write(`panorama: ${f.message}\n`);
  return summary.added + summary.replaced + summary.unchanged;
}

async function serve(opts: ServeOptions, { ingestIfEmpty }: { ingestIfEmpty: boolean }): Promise<void> {
  const dbPath = resolve(opts.db);
  if (!ingestIfEmpty && !existsSync(dbPath)) {
    throw new Error(`${opts.db}: no such store (run "panorama ingest FILES --db ${opts.db}" or "panorama start")`);
  }
  const store = openStore(dbPath);
  if (ingestIfEmpty && store.stats().documents === 0) {
    process.stderr.write(`The store ${opts.db} is empty: ingesting the sample corpus (samples/).\n`);
    const n = await ingestSamples(store);
    const s = store.stats();
    process.stderr.write(
      `Stored ${n} sample documents: ${s.events} events, ${s.counts} counts, ${s.persons} persons.\n`,
    );
  }
  if (!defaultWebRoot()) {
    process.stderr.write('The web app is not built (dist/web): run "npm run build". Serving the API alone.\n');
  }
  const app = await buildServer({
    store,
    hardening: opts.rateLimit != null ? { rateLimit: opts.rateLimit } : {},
  });
  const address = await startServer(app, { host: opts.host, port: opts.port });
  process.stdout.write(`Panorama is serving ${opts.db} at ${address}/  (API: ${address}/api/openapi.json)\n`);
  const stop = async () => {
    await app.close();
    store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function withServeOptions(cmd: Command): Command {
  return cmd
    .option("--db <file>", "the store (default ./panorama.db or $PANORAMA_DB)", defaultDb())
    .option("--port <n>", "port (0 for any free one)", parsePort, 3000)
    .option("--host <address>", "address to listen on (loopback unless you mean otherwise)", "127.0.0.1")
    .option("--rate-limit <n>", "requests per minute per client (0: no limit)", parseRate);
}

export function register(program: Command): void {
  withServeOptions(program.command("serve"))
    .description("Serve the HTTP API (/api) and the web app over a store")
    .action((opts: ServeOptions) => serve(opts, { ingestIfEmpty: false }));
  withServeOptions(program.command("start"))
    .description("Ingest the sample corpus if the store is empty, then serve the web app (what `npm start` runs)")
    .action((opts: ServeOptions) => serve(opts, { ingestIfEmpty: true }));
}
