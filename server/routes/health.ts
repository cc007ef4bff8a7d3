import type { FastifyInstance } from 'fastify';
import { type HealthResponse, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { AppContext } from '../http/context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/health', async () => {
    return {
      ok: true,
      protocol: PROTOCOL_VERSION,
      minClientProtocol: MIN_CLIENT_PROTOCOL,
      serverTime: ctx.now(),
    } satisfies HealthResponse;
  });
}
