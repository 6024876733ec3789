/**
 * Panorama's HTTP server: the read-only JSON API under /api (with its OpenAPI
 * document), the analysis routes, the hardening hook, and the built web app
 * from dist/web with a history-API fallback to index.html.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { packageRoot } from "../../model/paths.js";
import type { Store } from "../../storage/index.js";
import { HttpError, installErrorHandling } from "./errors.js";
import { applyHardening, type HardeningOptions } from "./hardening.js";
import { collectRoutes, openApiDocument } from "./openapi.js";
import { analysisRoutes } from "./routes/analysis.js";
import { apiRoutes } from "./routes/api.js";

export interface ServerOptions {
  store: Store;
  /** the built web app; default dist/web under the package root; null for the API alone */
  webRoot?: string | null;
  logger?: boolean;
  hardening?: HardeningOptions;
}

/** The built web app's folder, if it has been built. */
export function defaultWebRoot(): string | null {
  const dir = join(packageRoot(), "dist", "web");
  return existsSync(join(dir, "index.html")) ? dir : null;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });
  installErrorHandling(app);
  const routes = collectRoutes(app);
  await applyHardening(app, opts.hardening ?? {});

  const { store } = opts;
  let openapi: ReturnType<typeof openApiDocument> | null = null;
  await app.register(
    async (api) => {
      await api.register(apiRoutes, { store });
      await api.register(analysisRoutes, { store });
      api.get(
        "/openapi.json",
        { schema: { summary: "This OpenAPI document", tags: ["meta"], hide: false } },
        async () => {
          openapi ??= openApiDocument(routes, packageVersion());
          return openapi;
        },
      );
    },
    { prefix: "/api" },
  );

  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"], maxAge: "1h" });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    const wantsPage = req.method === "GET" && !path.startsWith("/api") && !/\.[A-Za-z0-9]+$/.test(path);
    if (webRoot && wantsPage) {
      // history-API fallback: the app's router reads the path
      return reply.header("cache-control", "no-cache").sendFile("index.html", webRoot);
    }
    throw new HttpError(404, `no route ${req.method} ${path}`);
  });
  return app;
}

/** Starts listening and returns the address ("http://127.0.0.1:8080"). */
export async function startServer(
  app: FastifyInstance,
  { host = "127.0.0.1", port = 8080 }: { host?: string; port?: number } = {},
): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  if (addr && typeof addr === "object") {
    const h = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    return `http://${h}:${addr.port}`;
  }
  return `http://${host}:${port}`;
}
