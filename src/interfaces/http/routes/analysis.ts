/**
 * Analysis endpoints under /api/analysis: trends, keyness and new terms,
 * concordance, collocates, edition diff, partner profile, reconciliation and
 * the event export. Each answers the JSON the library function (and the CLI's
 * --json) returns. Parameters are validated by the schemas below (a bad one is
 * a 400 naming it); a term with no words or an edition range with no edition
 * in the corpus is a 400 naming the parameter too.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import {
  allEvents,
  announcedMeetingsFromStore,
  collocatesFromStore,
  concordanceFromStore,
  diffFromStore,
  EXPORT_FORMATS,
  type ExportFormat,
  keynessFromStore,
  newTermsFromStore,
  ParameterError,
  profileFromStore,
  reconcileFromStore,
  resolvePartner,
  TermError,
  toCsv,
  toJsonl,
  toPlover,
  trendsFromStore,
} from "../../../analysis/index.js";
import type { Store } from "../../../storage/index.js";
import { HttpError } from "../errors.js";

const term = { type: "string", minLength: 1, maxLength: 200 };
const section = { type: "string", minLength: 1, maxLength: 200, description: "substring of the section name" };
const editionYear = { type: "integer", minimum: 1900, maximum: 2100 };
const editionSpec = {
  type: "string",
  pattern: "^(\\d{4}|\\d{4}-\\d{4}|rest)$",
  description: 'an edition (2025), a range (2014-2020) or "rest"',
};
const int = (min: number, max: number, dflt?: number) => ({
  type: "integer",
  minimum: min,
  maximum: max,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
const obj = (properties: Record<string, object>, required: string[] = []) => ({
  type: "object",
  additionalProperties: false,
  properties,
  ...(required.length ? { required } : {}),
});
const code = {
  type: "string",
  pattern: "^[A-Za-z][A-Za-z0-9]{1,9}$",
  description: "ISO alpha-3 code or organization id",
};

export const analysisSchemas = {
  trends: obj(
    {
      term: { type: "array", items: term, minItems: 1, maxItems: 10, description: "repeat for several terms" },
      section,
      bySection: { type: "boolean", default: false },
    },
    ["term"],
  ),
  keyness: obj(
    {
      target: editionSpec,
      reference: { ...editionSpec, default: "rest" },
      section,
      minFreq: int(1, 100000, 3),
      top: int(1, 500, 30),
      minG2: { type: "number", minimum: 0, maximum: 100000, default: 3.84 },
    },
    ["target"],
  ),
  newTerms: obj({ section, minFreq: int(1, 100000, 3), top: int(1, 500, 20) }),
  concordance: obj(
    {
      term,
      sort: { type: "string", enum: ["left", "right", "position"], default: "position" },
      width: int(1, 1000, 60),
      limit: int(1, 5000, 500),
      section,
      edition: editionYear,
    },
    ["term"],
  ),
  collocates: obj(
    {
      term,
      window: int(1, 50, 5),
      measure: { type: "string", enum: ["logdice", "mi"], default: "logdice" },
      minFreq: int(1, 100000, 2),
      top: int(1, 500, 30),
    },
    ["term"],
  ),
  diff: obj(
    {
      section,
      from: editionYear,
      to: editionYear,
      threshold: { type: "number", minimum: 0, maximum: 1, default: 0.6 },
    },
    ["section", "from", "to"],
  ),
  reconcile: obj({ country: code, scope: { type: "string", enum: ["corpus", "document"], default: "corpus" } }),
  export: obj({ format: { type: "string", enum: [...EXPORT_FORMATS] }, country: code, bom: { type: "boolean" } }, [
    "format",
  ]),
};

/** The library's parameter errors as 400s naming the parameter. */
function guard<T>(fn: () => T, termParam = "term"): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TermError)
      throw new HttpError(400, e.message.replace(/^the term/, `query parameter "${termParam}"`), termParam);
    if (e instanceof ParameterError) throw new HttpError(400, e.message.replace(/^--/, ""), e.parameter);
    throw e;
  }
}

export async function analysisRoutes(app: FastifyInstance, opts: { store: Store }): Promise<void> {
  const { store } = opts;
  const tags = ["analysis"];

  app.get<{ Querystring: { term: string[]; section?: string; bySection: boolean } }>(
    "/analysis/trends",
    {
      schema: {
        summary: "Per edition, how often terms occur (count and per 10,000 words)",
        tags,
        querystring: analysisSchemas.trends,
      },
    },
    async (req) =>
      guard(() =>
        trendsFromStore(store, req.query.term, { section: req.query.section, bySection: req.query.bySection }),
      ),
  );

  app.get<{
    Querystring: { target: string; reference: string; section?: string; minFreq: number; top: number; minG2: number };
  }>(
    "/analysis/keyness",
    {
      schema: {
        summary: "Words and 2-3-word phrases that set editions apart (log-likelihood G2, log ratio)",
        tags,
        querystring: analysisSchemas.keyness,
      },
    },
    async (req) => guard(() => keynessFromStore(store, req.query)),
  );

  app.get<{ Querystring: { section?: string; minFreq: number; top: number } }>(
    "/analysis/new-terms",
    {
      schema: {
        summary: "For each edition, the terms absent from every earlier edition",
        tags,
        querystring: analysisSchemas.newTerms,
      },
    },
    async (req) => guard(() => newTermsFromStore(store, req.query)),
  );

  app.get<{
    Querystring: {
      term: string;
      sort: "left" | "right" | "position";
      width: number;
      limit: number;
      section?: string;
      edition?: number;
    };
  }>(
    "/analysis/concordance",
    {
      schema: {
        summary: "Keyword in context, sortable by left or right context",
        tags,
        querystring: analysisSchemas.concordance,
      },
    },
    async (req) => guard(() => concordanceFromStore(store, req.query.term, req.query)),
  );

  app.get<{
    Querystring: { term: string; window: number; measure: "logdice" | "mi"; minFreq: number; top: number };
  }>(
    "/analysis/collocates",
    {
      schema: {
        summary: "Collocates of a term (log-Dice = 14 + log2(2 f(xy) / (f(x) + f(y))), or MI)",
        tags,
        querystring: analysisSchemas.collocates,
      },
    },
    async (req) => guard(() => collocatesFromStore(store, req.query.term, req.query)),
  );

  app.get<{ Querystring: { section: string; from: number; to: number; threshold: number } }>(
    "/analysis/diff",
    {
      schema: {
        summary: "A section's sentences in two editions, aligned: unchanged, reworded, added, removed",
        tags,
        querystring: analysisSchemas.diff,
      },
    },
    async (req) => {
      const { section: s, from, to, threshold } = req.query;
      const r = diffFromStore(store, s, from, to, { threshold });
      if (!r.from.documents.length) throw new HttpError(404, `no section matching "${s}" in edition ${from}`, "from");
      if (!r.to.documents.length) throw new HttpError(404, `no section matching "${s}" in edition ${to}`, "to");
      return r;
    },
  );

  app.get<{ Params: { partner: string } }>(
    "/analysis/profile/:partner",
    {
      schema: {
        summary: "How the texts describe a partner per edition, with stated counts, events and agreements",
        tags,
        params: obj({ partner: { type: "string", minLength: 2, maxLength: 100 } }, ["partner"]),
      },
    },
    async (req) => {
      const code = resolvePartner(store, req.params.partner);
      if (!code) throw new HttpError(404, `unknown partner "${req.params.partner}"`, "partner");
      return profileFromStore(store, code);
    },
  );

  app.get<{ Querystring: { country?: string; scope: "corpus" | "document" } }>(
    "/analysis/reconcile",
    {
      schema: {
        summary: "Stated meeting counts next to the meetings listed one by one; disagreements flagged",
        tags,
        querystring: analysisSchemas.reconcile,
      },
    },
    async (req) => reconcileFromStore(store, req.query),
  );

  app.get<{ Querystring: { format: ExportFormat; country?: string; bom?: boolean } }>(
    "/analysis/export",
    {
      schema: {
        summary: "The event record as JSON Lines, CSV or PLOVER (JSON Lines)",
        tags,
        querystring: analysisSchemas.export,
      },
    },
    async (req, reply) => {
      const { format, bom } = req.query;
      const country = req.query.country?.toUpperCase();
      const filter = country ? { country } : {};
      let lines: Iterable<string>;
      if (format === "csv") lines = toCsv(allEvents(store, filter), { bom });
      else if (format === "jsonl") lines = toJsonl(allEvents(store, filter));
      else {
        const announced = announcedMeetingsFromStore(store).filter((a) => !country || a.countries.includes(country));
        lines = toPlover(allEvents(store, filter), { announced }).map((r) => `${JSON.stringify(r)}\n`);
      }
      const ext = format === "csv" ? "csv" : "jsonl";
      reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="panorama-events${format === "plover" ? "-plover" : ""}.${ext}"`,
        );
      return reply.send(Readable.from(lines));
    },
  );
}
