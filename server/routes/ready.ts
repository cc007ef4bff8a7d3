import type { FastifyInstance } from 'fastify';
import { checkReadiness } from '../db/readiness';
import type { Store } from '../db/store';
import { HttpError } from '../http/errors';

/** How long a readiness probe waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 3000;

/**
 * GET /v1/ready: 200 only when this node's database answers and is migrated to this code's
 * schema, else 503; for a load balancer's or orchestrator's readiness probe. GET /v1/health
 * stays a liveness check (the process answers), which must not fail when only the database does.
 */
export function readyRoutes(app: FastifyInstance, store: Store, pgSchema: string | undefined): void {
  app.get('/v1/ready', async (request) => {
    const readiness = await checkReadiness(store, pgSchema, READY_TIMEOUT_MS);
    if (readiness.ready) return { ready: true, dialect: store.dialect };
    request.log.warn({ reason: readiness.reason, detail: readiness.detail }, 'not ready');
    const message =
      readiness.reason === 'not_migrated'
        ? '数据库未迁移到当前版本 / database not migrated to this version'
        : '数据库无法访问 / database unreachable';
    throw new HttpError(503, readiness.reason, message, { 'retry-after': '5' });
  });
}
