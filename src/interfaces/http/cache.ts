/**
 * A small LRU cache for derived figures (totals, corpus statistics, partner
 * summaries) that the API would otherwise recompute on every request. It is
 * emptied whenever the database changes: SQLite's data_version (commits by
 * other connections) and total_changes() (commits by this one) are checked on
 * each use, which costs microseconds. A store without a database handle gets
 * no caching.
 */
import type { Store } from "../../storage/index.js";

export class StoreCache {
  private readonly entries = new Map<string, unknown>();
  private version: string | null = null;
  private readonly probe: (() => string) | null;

  constructor(
    store: Store,
    private readonly max = 2000,
  ) {
    let probe: (() => string) | null = null;
    try {
      const db = store.readonlyDb();
      const changes = db.prepare("SELECT total_changes()").pluck();
      probe = () => `${db.pragma("data_version", { simple: true })}:${changes.get()}`;
      probe();
    } catch {
      probe = null;
    }
    this.probe = probe;
  }

  get<T>(key: string, compute: () => T): T {
    if (!this.probe) return compute();
    const v = this.probe();
    if (v !== this.version) {
      this.entries.clear();
      this.version = v;
    }
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
