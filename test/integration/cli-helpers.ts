import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(__dirname, "../..");
// `node --import tsx/esm`: one process per run (the tsx CLI would start a second node)
const tsxEsm = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/index.mjs"),
).href;
const main = join(root, "src/interfaces/cli/main.ts");
// Under `npm test` the build has just run: the compiled CLI starts far faster than tsx.
const built = join(root, "dist/src/interfaces/cli/main.js");
const useBuilt = process.env.npm_lifecycle_event === "test" && existsSync(built);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `panorama ARGS` from the sources (tsx) or, under `npm test`, the fresh build; not a TTY, with CI set so nothing draws progress. */
export function panorama(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, CI: "1", PANORAMA_DB: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const argv = useBuilt ? [built, ...args] : ["--import", tsxEsm, main, ...args];
  const r = spawnSync(process.execPath, argv, {
    cwd: opts.cwd ?? root,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF), to check what the CLI writes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n") throw new Error(`bare LF at ${i}: CSV rows must end with CRLF`);
    else field += c;
    i++;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}
