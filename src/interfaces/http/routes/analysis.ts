import type { FastifyInstance } from "fastify";
import type { Store } from "../../../storage/index.js";

/** Analysis endpoints (trends, keyness, concordance, diff, profile, reconcile, export). Placeholder until the analysis work lands. */
export async function analysisRoutes(_app: FastifyInstance, _opts: { store: Store }): Promise<void> {}
