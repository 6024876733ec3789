export type * from "./api.js";
export { QueryError, toFtsQuery } from "./fts.js";
export { MIGRATIONS, type Migration, migrate, SCHEMA_VERSION } from "./schema.js";
export { dateBounds, type OpenStoreOptions, SqliteStore } from "./sqlite.js";

import type { Store } from "./api.js";
import { type OpenStoreOptions, openSqliteStore } from "./sqlite.js";

/**
 * Opens (creating and migrating when needed) the SQLite store at `path`
 * (":memory:" for a throwaway one). With `readonly`, the file must exist and be
 * at the current schema version; nothing is written.
 */
export function openStore(path: string, opts: OpenStoreOptions = {}): Store {
  return openSqliteStore(path, opts);
}
