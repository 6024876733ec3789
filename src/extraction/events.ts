import type { ExtractedEvent } from "../model/types.js";
import type { DocContext } from "./context.js";

/** Events (meetings, visits, conferences, agreements, policy releases, negotiations). Stub: owned by the events work. */
export function extractEvents(_ctx: DocContext): ExtractedEvent[] {
  return [];
}
