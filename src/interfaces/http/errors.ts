/**
 * Errors the API answers with: always JSON `{statusCode, error, message,
 * parameter?}`, a 400 naming the bad parameter, never a stack trace.
 */
import type { FastifyError, FastifyInstance } from "fastify";

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const WHERE: Record<string, string> = {
  querystring: "query parameter",
  params: "path parameter",
  body: "body field",
  headers: "header",
};

/** `query parameter "limit" must be <= 1000`, from an ajv error. */
export function describeValidation(
  items: ValidationItem[],
  context: string | undefined,
): { message: string; parameter: string } {
  const v = items[0] ?? {};
  const where = WHERE[context ?? ""] ?? "parameter";
  let name = (v.instancePath ?? "").replace(/^\//, "").split("/")[0] ?? "";
  let detail = v.message ?? "is invalid";
  if (v.keyword === "additionalProperties" && typeof v.params?.additionalProperty === "string") {
    name = v.params.additionalProperty;
    detail = "is not a known parameter";
  } else if (v.keyword === "required" && typeof v.params?.missingProperty === "string") {
    name = v.params.missingProperty;
    detail = "is required";
  } else if (v.keyword === "enum" && Array.isArray(v.params?.allowedValues)) {
    detail = `must be one of: ${(v.params.allowedValues as unknown[]).filter((x) => x !== null).join(", ")}`;
  } else if (v.keyword === "pattern" && name === "from") {
    detail = "must be a date YYYY, YYYY-MM or YYYY-MM-DD";
  } else if (v.keyword === "pattern" && name === "to") {
    detail = "must be a date YYYY, YYYY-MM or YYYY-MM-DD";
  }
  return { message: `${where} "${name}" ${detail}`, parameter: name };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { parameter?: string }, req, reply) => {
    let status = typeof err.statusCode === "number" && err.statusCode >= 400 ? err.statusCode : 500;
    let message = err.message;
    let parameter = err.parameter;
    if (err.validation) {
      status = 400;
      const d = describeValidation(err.validation as ValidationItem[], err.validationContext);
      message = d.message;
      parameter = d.parameter;
    } else if (status >= 500) {
      req.log.error({ err }, "request failed");
      message = "the server could not answer this request";
    }
    reply
      .code(status)
      .type("application/json; charset=utf-8")
      .send({ statusCode: status, error: REASONS[status] ?? "Error", message, ...(parameter ? { parameter } : {}) });
  });
}
