import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";

/** Extensions the reader accepts. */
export const INPUT_EXTENSIONS = new Set([".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"]);

export interface ListedFile {
  path: string;
}

export interface ListingProblem {
  path: string;
  message: string;
}

/**
 * Expands files and folders (recursively) into a stable, sorted list of input files.
 * Paths that do not exist are reported, not thrown.
 */
export async function listInputFiles(paths: string[]): Promise<{ files: string[]; problems: ListingProblem[] }> {
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(abs);
    } catch {
      problems.push({ path: p, message: `${p}: no such file or folder` });
      continue;
    }
    if (st.isDirectory()) files.push(...(await walk(abs)));
    else files.push(abs);
  }
  return { files: [...new Set(files)], problems };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}
