import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth/tokens';
import { HttpError, unauthorized } from '../http/errors';
import type { ServerMetrics } from './metrics';

/** Who may read /metrics: a bearer token on the main address, and/or a separate address of its own. */
export interface MetricsAccess {
  /** GET /metrics on the API's address answers only with `Authorization: Bearer <token>`. */
  token?: string;
  /** Serve /metrics, without a token, on this address (e.g. 127.0.0.1:9464, reached only by the monitoring host). */
  listen?: { host: string; port: number };
}

const BLOB_ROUTE = '/v1/blobs/:sha256';

/** Counts and times every answered request by its route template (never the raw URL: ids would make endless series). */
export function countRequests(app: FastifyInstance, metrics: ServerMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestDuration.observe(labels, reply.elapsedTime / 1000);
  });
  // Attachment bytes, read from the exchange itself so the count does not depend on how the blob
  // store keeps them; counted as the reply starts (a download's end may come after the client has moved on).
  app.addHook('onSend', async (request, reply) => {
    if (request.routeOptions.url !== BLOB_ROUTE) return;
    if (request.method === 'PUT' && reply.statusCode === 200)
      metrics.blobBytesReceived.inc(Number(request.headers['content-length'] ?? 0) || 0);
    if (request.method === 'GET' && (reply.statusCode === 200 || reply.statusCode === 206)) {
      metrics.blobBytesServed.inc(Number(reply.getHeader('content-length') ?? 0) || 0);
    }
  });
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics on the API's address: refused unless a token is configured and presented. The
 * figures name projects' activity and the server's internals, so they are never public.
 */
export function metricsRoute(app: FastifyInstance, metrics: ServerMetrics, access: MetricsAccess): void {
  app.get('/metrics', async (request, reply) => {
    if (!access.token) {
      throw new HttpError(
        404,
        'metrics_disabled',
        access.listen
          ? '指标只在单独的监控地址上提供 / metrics are served on the separate metrics address only'
          : '指标未开启：启动服务器时设置 --metrics-token 或 --metrics-listen / metrics are off: start the server with --metrics-token or --metrics-listen',
      );
    }
    const token = bearerToken(request.headers.authorization);
    if (!token || !sameSecret(token, access.token))
      throw unauthorized('需要监控令牌 / metrics token required (Authorization: Bearer …)');
    const { contentType, body } = await metrics.text();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}

/** The separate metrics address: a bare HTTP server that answers GET /metrics and nothing else. */
export async function listenForMetrics(
  metrics: ServerMetrics,
  address: { host: string; port: number },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || pathname !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('only GET /metrics here\n');
      return;
    }
    metrics.text().then(
      ({ contentType, body }) =>
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
      (error: unknown) =>
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${(error as Error).message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : address.port;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
