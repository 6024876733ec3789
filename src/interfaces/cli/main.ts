#!/usr/bin/env node
import { Command } from "commander";
import * as analysis from "./commands/analysis.js";
import * as extract from "./commands/extract.js";
import * as fetch from "./commands/fetch.js";
import * as query from "./commands/query.js";
import * as serve from "./commands/serve.js";
import * as store from "./commands/store.js";

// A closed pipe ("panorama events | head") ends the program quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const program = new Command();
program
  .name("panorama")
  .description(
    "Turns foreign-ministry texts into a cited, queryable record of meetings, visits, agreements and counts.",
  )
  .version("0.1.0")
  .showHelpAfterError();

for (const mod of [extract, store, query, serve, analysis, fetch]) mod.register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`panorama: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
