/**
 * Panorama's library API: read, extract, store, query.
 *
 *   import { readInputs, extract, openStore } from "panorama";
 */
export * from "./analysis/index.js";
export { countWords, extract, extractMetadata, toExtractionOutput } from "./extraction/index.js";
export * from "./model/types.js";
export {
  type Extractor,
  type FileOutcome,
  type FileResult,
  formatSummary,
  type IngestPathsOptions,
  type IngestProgress,
  type IngestSummary,
  ingestPaths,
} from "./pipeline/ingest.js";
export { formatOf, readInputs, readOne } from "./reading/index.js";
export { segment } from "./segmenting/index.js";
export * from "./storage/index.js";
