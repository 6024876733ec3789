export {
  type DocOutcome,
  type FetchOptions,
  type FetchReport,
  fetchEdition,
  HttpError,
  MAX_DOWNLOAD_BYTES,
  panoramaVersion,
  USER_AGENT,
} from "./fetch.js";
export { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from "./robots.js";
export {
  DEFAULT_BASE,
  type DocKind,
  type DocLink,
  editionRoot,
  extractLinks,
  FIRST_HTML_FOLDER_EDITION,
  kindOf,
  localName,
  pickDocuments,
  tocLocations,
} from "./toc.js";
