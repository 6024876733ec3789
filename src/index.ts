/**
 * Panorama's library API: read, extract, store, query.
 *
 *   import { readInputs, extract, openStore } from "panorama";
 */
export { countWords, extract, extractMetadata, toExtractionOutput } from "./extraction/index.js";
export * from "./model/types.js";
export { formatOf, readInputs, readOne } from "./reading/index.js";
export { segment } from "./segmenting/index.js";
export * from "./storage/index.js";
