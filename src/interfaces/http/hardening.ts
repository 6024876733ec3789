import type { FastifyInstance } from "fastify";

export interface HardeningOptions {
  /** requests per minute per client address */
  rateLimit?: number;
}

/** Security headers, CSP, request size and rate limits. Placeholder until the hardening work lands. */
export async function applyHardening(_app: FastifyInstance, _opts: HardeningOptions = {}): Promise<void> {}
