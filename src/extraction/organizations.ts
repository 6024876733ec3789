import type { OrgHit } from "./context.js";

/** Every organization of data/organizations.json named in `text`, in text order. Stub: owned by the entities work. */
export function findOrganizations(_text: string): OrgHit[] {
  return [];
}
