import type { Command } from "commander";

/** Registers this file's commands. (Placeholder until the work that owns it lands.) */
export function register(_program: Command): void {}
