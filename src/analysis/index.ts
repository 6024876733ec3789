/**
 * The analysis layer: trends, keyness, concordance and collocates, edition
 * diffs, partner profiles, reconciliation of stated counts, and exports.
 * Pure functions over plain records (testable without a database) plus thin
 * adapters over a Store (`...FromStore`).
 */
export { CACHE_VERSION, type CacheBuildInfo, StoreFreqSource } from "./cache.js";
export * from "./concordance.js";
export * from "./diff.js";
export * from "./export.js";
export { MemoryFreqSource } from "./freq.js";
export * from "./keyness.js";
export * from "./profile.js";
export * from "./reconcile.js";
export * from "./store.js";
export {
  countTerm,
  findTerm,
  normalizeForMatch,
  TermError,
  termTokens,
  tokenize,
  words,
} from "./text.js";
export * from "./trends.js";
export * from "./types.js";
