/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the routes as
 * they are registered (their summaries and JSON schemas), so it cannot drift
 * from what the server validates.
 */
import type { FastifyInstance, RouteOptions } from "fastify";
import { components, responses } from "./schemas.js";

declare module "fastify" {
  interface FastifySchema {
    summary?: string;
    tags?: string[];
    /** left out of the OpenAPI document */
    hide?: boolean;
  }
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema & { description?: string }>;
  required?: string[];
  description?: string;
  [k: string]: unknown;
}

interface CollectedRoute {
  method: string;
  url: string;
  schema: { summary?: string; tags?: string[]; querystring?: JsonSchema; params?: JsonSchema; hide?: boolean };
}

/** Records every route registered from now on. Call before registering routes. */
export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = [];
  app.addHook("onRoute", (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === "HEAD" || !r.url.startsWith("/api")) continue;
      routes.push({ method, url: r.url, schema: (r.schema ?? {}) as CollectedRoute["schema"] });
    }
  });
  return routes;
}

function parametersOf(schema: JsonSchema | undefined, where: "query" | "path") {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
    };
  });
}

export function openApiDocument(routes: CollectedRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const r of routes) {
    if (r.schema.hide) continue;
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}").replace(/\/$/, "") || "/";
    const key = `${r.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parameters = [...parametersOf(r.schema.params, "path"), ...parametersOf(r.schema.querystring, "query")];
    const errorResponse = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.schema.summary ?? path,
      ...(r.schema.tags ? { tags: r.schema.tags } : {}),
      operationId: `${r.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      parameters,
      responses: {
        "200": {
          description: "OK",
          content: { "application/json": { schema: responses[key] ?? { type: "object" } } },
        },
        "400": { description: "A bad parameter; the message and `parameter` name it", ...errorResponse },
        ...(parameters.some((p) => p.in === "path") ? { "404": { description: "Unknown id", ...errorResponse } } : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Panorama API",
      version,
      description:
        "Read-only access to Panorama's cited record of foreign-ministry texts. Every event and count carries the evidence (document, offsets, sentence) it was read from.",
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: components },
  };
}
