/**
 * A small LRU cache for derived figures (totals, corpus statistics, partner
 * summaries) that the API would otherwise recompute on every request. It is
 * emptied whenever the stored data changes: `store.version()` (SQLite's
 * data_version and total_changes(), for commits by other connections and by
 * this one) is checked on each use, which costs microseconds.
 */
import type { Store } from "../../storage/index.js";

export class StoreCache {
  private readonly entries = new Map<string, unknown>();
  private version: string | null = null;

  constructor(
    private readonly store: Pick<Store, "version">,
    private readonly max = 2000,
  ) {}

  get<T>(key: string, compute: () => T): T {
    const v = this.store.version();
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
