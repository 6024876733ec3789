export * from "./paths.js";
export * from "./types.js";
