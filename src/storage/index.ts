export type * from "./api.js";

import type { Store } from "./api.js";

export interface OpenStoreOptions {
  readonly?: boolean;
}

/** Opens (creating and migrating when needed) the SQLite store at `path`. Placeholder until the storage work lands. */
export function openStore(_path: string, _opts: OpenStoreOptions = {}): Store {
  throw new Error("the store is not implemented yet");
}
