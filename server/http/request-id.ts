import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a request's id: taken from a proxy in front when it sets one, always sent back. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What an id from outside may look like: short and plain, so it cannot forge or break a log line. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Fastify's genReqId: every request gets an id, written in each of its log lines (`requestId`),
 * in the x-request-id reply header and in error bodies, so the 同步失败 a user reports can be
 * found in the log. A reverse proxy's own id (nginx `$request_id`) is kept, so the proxy's log
 * and ours name the same request.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const text = Array.isArray(given) ? given[0] : given;
  return text && ACCEPTED_ID.test(text) ? text : randomUUID();
}
