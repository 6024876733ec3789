export { cleanText, foldChars, type Normalized, normalize, toOriginal } from "./normalize.js";
export { type SegmentOptions, segment, splitSentences } from "./segment.js";
