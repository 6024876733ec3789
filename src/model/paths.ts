import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;

/** The package's root folder (where package.json is), from src/ or dist/src/ alike. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("panorama: cannot find the package root");
    dir = up;
  }
  root = dir;
  return dir;
}

/** A file under the package's data/ folder. */
export function dataFile(name: string): string {
  return join(packageRoot(), "data", name);
}
