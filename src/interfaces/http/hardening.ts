/**
 * What keeps the local API server safe to leave running: security headers
 * (helmet) with a Content-Security-Policy that allows no inline script, a
 * request-body size limit, a (generous) per-client rate limit, and early
 * rejection of malformed or path-traversing URLs, before any route or the
 * static file handler sees them.
 *
 * The server calls `await applyHardening(app, opts)` before registering its routes.
 * Errors answer in the API's shape: `{statusCode, error, message, parameter?}`.
 */
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";

export interface HardeningOptions {
  /** requests per minute per client address (default 1200); 0 turns the limit off */
  rateLimit?: number;
  /** largest request body in bytes (default 64 KiB: the API takes no uploads) */
  bodyLimit?: number;
  /** longest URL in characters (default 4096) */
  maxUrlLength?: number;
}

export const DEFAULT_RATE_LIMIT = 1200;
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const DEFAULT_MAX_URL = 4096;

/** The Content-Security-Policy: same-origin everything, no inline or eval'd script, no framing. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // The server speaks plain HTTP on loopback: upgrading requests would break it.
  upgradeInsecureRequests: null,
};

const REASONS: Record<number, string> = {
  400: "Bad Request",
  413: "Payload Too Large",
  414: "URI Too Long",
  429: "Too Many Requests",
};

function refuse(reply: FastifyReply, status: number, message: string, parameter?: string): FastifyReply {
  return reply
    .code(status)
    .type("application/json; charset=utf-8")
    .send({ statusCode: status, error: REASONS[status] ?? "Error", message, ...(parameter ? { parameter } : {}) });
}

/** Decodes percent-escapes until nothing changes (at most 4 rounds); null when an escape is malformed. */
export function decodeRepeatedly(s: string): string | null {
  let cur = s;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return null;
    }
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

/**
 * Why a request path must be refused, or null when it is fine: malformed
 * escapes, NUL or control characters, backslashes, and `..` segments in any
 * encoding (`/../`, `%2e%2e%2f`, `%252e%252e`, `..%5c`).
 */
export function unsafePathReason(path: string): string | null {
  const decoded = decodeRepeatedly(path);
  if (decoded === null) return "the URL path has a malformed percent-escape";
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return "the URL path contains control characters";
  if (decoded.includes("\\")) return "the URL path contains a backslash";
  if (decoded.split("/").some((seg) => seg === ".." || seg === "."))
    return "the URL path may not contain . or .. segments";
  return null;
}

/** The first malformed query parameter (bad escape or control character), as [name, why], or null. */
export function badQueryParameter(query: string): [string, string] | null {
  if (!query) return null;
  for (const pair of query.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, " "));
    } catch {
      return [rawName.slice(0, 40), "has a malformed percent-escape in its name"];
    }
    try {
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      return [name.slice(0, 40), "has a malformed percent-escape"];
    }
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(name + value)) {
      return [name.slice(0, 40), "contains control characters"];
    }
  }
  return null;
}

export async function applyHardening(app: FastifyInstance, opts: HardeningOptions = {}): Promise<void> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const maxUrl = opts.maxUrlLength ?? DEFAULT_MAX_URL;
  const perMinute = opts.rateLimit ?? DEFAULT_RATE_LIMIT;

  // Refuse bad URLs first, before rate limiting counts them or any route or static handler sees them.
  app.addHook("onRequest", async (req, reply) => {
    const url = req.raw.url ?? "/";
    if (url.length > maxUrl) return refuse(reply, 414, `the URL is longer than ${maxUrl} characters`);
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const why = unsafePathReason(path);
    if (why) return refuse(reply, 400, why);
    const bad = badQueryParameter(q < 0 ? "" : url.slice(q + 1));
    if (bad) return refuse(reply, 400, `query parameter "${bad[0]}" ${bad[1]}`, bad[0]);
    const length = req.headers["content-length"];
    if (length !== undefined && Number(length) > bodyLimit) {
      return refuse(reply, 413, `the request body is larger than ${bodyLimit} bytes`);
    }
  });
  // Bodies sent without a length (chunked) are cut by fastify's own limit on each route registered after this.
  app.addHook("onRoute", (route) => {
    if (route.bodyLimit === undefined || route.bodyLimit > bodyLimit) route.bodyLimit = bodyLimit;
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Plain HTTP on loopback: HSTS would make browsers refuse the local server.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });

  if (perMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: REASONS[429],
        message: `too many requests: the limit is ${ctx.max} per minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      }),
    });
  }
}
