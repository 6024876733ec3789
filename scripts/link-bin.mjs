// Makes `npx panorama ...` work inside this checkout (npm links the bins of
// dependencies, not the package's own): node_modules/.bin/panorama -> the built CLI.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "dist", "src", "interfaces", "cli", "main.js");
const binDir = join(root, "node_modules", ".bin");
if (existsSync(target) && existsSync(join(root, "node_modules"))) {
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, "panorama");
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, target), link);
  chmodSync(target, 0o755);
}
