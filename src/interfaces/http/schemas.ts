/**
 * JSON schemas shared by the API's routes: query parameters (validated by
 * fastify/ajv, so a bad parameter is a 400 naming it) and the response records
 * (reused verbatim in the OpenAPI document).
 */
import { AGREEMENT_STATUSES, EVENT_TYPES, LEVELS, MODALITIES } from "../../model/types.js";

const code = {
  type: "string",
  pattern: "^[A-Za-z][A-Za-z0-9]{1,9}$",
  description: "ISO alpha-3 code or organization id",
};
const partialDate = {
  type: "string",
  pattern: "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$",
  description: "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)",
};
const edition = { type: "integer", minimum: 1900, maximum: 2100, description: "Bluebook edition year" };
const limit = (max: number, dflt: number) => ({ type: "integer", minimum: 1, maximum: max, default: dflt });
const offset = { type: "integer", minimum: 0, maximum: 10_000_000, default: 0 };
const oneOrMany = (item: object) => ({ type: "array", items: item, maxItems: 20 });

export const q = {
  documents: {
    type: "object",
    additionalProperties: false,
    properties: {
      kind: { type: "string", enum: ["bluebook", "readout", "other"] },
      edition,
      section: { type: "string", minLength: 1, maxLength: 200, description: "substring of the section" },
      limit: limit(1000, 100),
      offset,
    },
  },
  events: {
    type: "object",
    additionalProperties: false,
    properties: {
      country: oneOrMany({
        type: "string",
        pattern: "^[A-Za-z][A-Za-z0-9]{1,9}(,[A-Za-z][A-Za-z0-9]{1,9})*$",
        description: "party: ISO alpha-3 code or organization id; repeat or comma-separate, every one must be a party",
      }),
      type: oneOrMany({ type: "string", enum: [...EVENT_TYPES] }),
      level: oneOrMany({ type: "string", enum: [...LEVELS] }),
      modality: oneOrMany({ type: "string", enum: [...MODALITIES] }),
      person: { type: "string", minLength: 1, maxLength: 100 },
      from: partialDate,
      to: partialDate,
      edition,
      document: { type: "integer", minimum: 1 },
      limit: limit(1000, 50),
      offset,
    },
  },
  counts: {
    type: "object",
    additionalProperties: false,
    properties: {
      country: code,
      level: { type: "string", enum: [...LEVELS, "negotiation_round"] },
      from: partialDate,
      to: partialDate,
      edition,
      limit: limit(5000, 500),
      offset,
    },
  },
  persons: {
    type: "object",
    additionalProperties: false,
    properties: {
      name: { type: "string", minLength: 1, maxLength: 100 },
      country: code,
      limit: limit(1000, 100),
      offset,
    },
  },
  search: {
    type: "object",
    additionalProperties: false,
    required: ["q"],
    properties: {
      q: { type: "string", minLength: 1, maxLength: 200, description: 'words or a "quoted phrase"' },
      edition,
      section: { type: "string", minLength: 1, maxLength: 200 },
      kind: { type: "string", enum: ["bluebook", "readout", "other"] },
      limit: limit(200, 20),
      offset,
    },
  },
  partner: {
    type: "object",
    additionalProperties: false,
    properties: {},
  },
  none: { type: "object", additionalProperties: false, properties: {} },
} as const;

export const params = {
  id: {
    type: "object",
    required: ["id"],
    properties: { id: { type: "string", minLength: 1, maxLength: 200, description: "numeric id or document key" } },
  },
  numericId: {
    type: "object",
    required: ["id"],
    properties: { id: { type: "integer", minimum: 1 } },
  },
  code: {
    type: "object",
    required: ["code"],
    properties: { code },
  },
} as const;

// ---------------------------------------------------------------------------
// Response records (OpenAPI components)

const nullable = (type: string) => ({ type: [type, "null"] });

export const components = {
  Error: {
    type: "object",
    required: ["statusCode", "error", "message"],
    properties: {
      statusCode: { type: "integer" },
      error: { type: "string" },
      message: { type: "string" },
      parameter: { type: "string", description: "the offending parameter, for 400s" },
    },
  },
  Evidence: {
    type: "object",
    properties: {
      documentId: { type: "integer" },
      documentKey: { type: "string" },
      sentenceId: nullable("integer"),
      start: { type: "integer" },
      end: { type: "integer" },
      text: { type: "string" },
      edition: nullable("integer"),
      section: nullable("string"),
    },
  },
  Document: {
    type: "object",
    properties: {
      id: { type: "integer" },
      key: { type: "string" },
      path: { type: "string" },
      format: { type: "string" },
      hash: { type: "string" },
      bytes: { type: "integer" },
      kind: { type: "string", enum: ["bluebook", "readout", "other"] },
      edition: nullable("integer"),
      summary: { type: "boolean" },
      coveredYear: nullable("integer"),
      section: nullable("string"),
      date: nullable("string"),
      title: nullable("string"),
      sample: { type: "boolean" },
      wordCount: { type: "integer" },
      ingestedAt: { type: "string" },
    },
  },
  Event: {
    type: "object",
    properties: {
      id: { type: "integer" },
      type: { type: "string", enum: [...EVENT_TYPES] },
      level: { type: ["string", "null"], enum: [...LEVELS, null] },
      modality: { type: ["string", "null"], enum: [...MODALITIES, null] },
      countries: { type: "array", items: { type: "string" } },
      date: nullable("string"),
      year: nullable("integer"),
      location: nullable("string"),
      place: nullable("string"),
      participants: { type: "array", items: { type: "string" } },
      title: nullable("string"),
      status: { type: ["string", "null"], enum: [...AGREEMENT_STATUSES, null] },
      organization: nullable("string"),
      evidence: { $ref: "#/components/schemas/Evidence" },
    },
  },
  Count: {
    type: "object",
    properties: {
      id: { type: "integer" },
      level: { type: "string" },
      countries: { type: "array", items: { type: "string" } },
      total: { type: "integer" },
      telephone: nullable("integer"),
      video: nullable("integer"),
      approximate: { type: "boolean" },
      periodStart: nullable("string"),
      periodEnd: nullable("string"),
      evidence: { $ref: "#/components/schemas/Evidence" },
    },
  },
  Person: {
    type: "object",
    properties: {
      id: { type: "integer" },
      name: { type: "string" },
      family: { type: "string" },
      country: nullable("string"),
      roles: { type: "array", items: { type: "string" } },
      documents: { type: "integer" },
      events: { type: "integer" },
    },
  },
  PersonMet: {
    type: "object",
    description: "a person taking part in meetings and visits with a partner",
    properties: {
      id: { type: "integer" },
      name: { type: "string" },
      country: nullable("string"),
      roles: { type: "array", items: { type: "string" } },
      events: { type: "integer", description: "meetings and visits with the partner the person took part in" },
      first: { ...nullable("string"), description: "date of the earliest dated one, as the text gives it" },
      last: { ...nullable("string"), description: "date of the dated one that ends last, as the text gives it" },
    },
  },
  Sentence: {
    type: "object",
    properties: {
      id: { type: "integer" },
      documentId: { type: "integer" },
      index: { type: "integer" },
      start: { type: "integer" },
      end: { type: "integer" },
      kind: { type: "string" },
      heading: nullable("string"),
      text: { type: "string" },
    },
  },
  Mention: {
    type: "object",
    properties: {
      kind: { type: "string", enum: ["country", "person", "organization"] },
      key: { type: "string" },
      start: { type: "integer" },
      end: { type: "integer" },
      surface: { type: "string" },
      sentenceId: nullable("integer"),
    },
  },
  SearchHit: {
    type: "object",
    properties: {
      sentence: { $ref: "#/components/schemas/Sentence" },
      document: { type: "object" },
      left: { type: "string" },
      match: { type: "string" },
      right: { type: "string" },
      snippet: { type: "string" },
    },
  },
} as const;

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: keyof typeof components) => ({
  type: "object",
  properties: {
    total: { type: "integer" },
    totalCapped: {
      type: "boolean",
      description: "present and true when there are more than `total` matches (search counts stop at 10,000)",
    },
    limit: { type: "integer" },
    offset: { type: "integer" },
    items: { type: "array", items: ref(item) },
  },
});

/** Response schemas by route, for the OpenAPI document only (responses are not re-serialized through them). */
export const responses: Record<string, object> = {
  "GET /api/documents": page("Document"),
  "GET /api/documents/{id}": ref("Document"),
  "GET /api/documents/{id}/text": {
    type: "object",
    properties: {
      document: ref("Document"),
      text: { type: "string" },
      sentences: { type: "array", items: ref("Sentence") },
      mentions: { type: "array", items: ref("Mention") },
      events: { type: "array", items: ref("Event") },
      counts: { type: "array", items: ref("Count") },
    },
  },
  "GET /api/events": page("Event"),
  "GET /api/events/{id}": ref("Event"),
  "GET /api/counts": page("Count"),
  "GET /api/persons": page("Person"),
  "GET /api/search": page("SearchHit"),
  "GET /api/partners/{code}": {
    type: "object",
    properties: {
      code: { type: "string" },
      events: { type: "integer" },
      meetings: { type: "integer" },
      years: {
        type: "array",
        items: {
          type: "object",
          description: "events and meetings read, and the counts the texts state: the first 10 and how many",
          properties: {
            year: { type: "integer" },
            events: { type: "integer" },
            meetings: { type: "integer" },
            stated: { type: "array", items: ref("Count") },
            statedTotal: { type: "integer" },
          },
        },
      },
      visits: {
        type: "object",
        properties: {
          toJapan: { type: "array", items: ref("Event") },
          fromJapan: { type: "array", items: ref("Event") },
          more: { type: "boolean", description: "true when there are more than the 100 visits listed" },
        },
      },
      persons: { type: "array", items: ref("PersonMet"), description: "the 100 persons met most" },
      agreements: { type: "array", items: ref("Event"), description: "the first 100" },
      agreementsMore: { type: "boolean", description: "true when there are more than the 100 agreements listed" },
    },
  },
};
