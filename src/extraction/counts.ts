import type { ExtractedCount } from "../model/types.js";
import type { DocContext } from "./context.js";

/** Stated counts of meetings and negotiation rounds. Stub: owned by the events work. */
export function extractCounts(_ctx: DocContext): ExtractedCount[] {
  return [];
}
