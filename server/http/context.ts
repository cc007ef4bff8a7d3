import type { FastifyReply, FastifyRequest } from 'fastify';
import { MIN_CLIENT_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { LoginThrottle } from '../auth/login-throttle';
import type { ScryptCost } from '../auth/passwords';
import { bearerToken, tokenHash } from '../auth/tokens';
import type { BlobStore } from '../blobs/blob-store';
import type { Store } from '../db/store';
import type { ServerMetrics } from '../observability/metrics';
import { findSessionUser } from '../repositories/sessions';
import type { User } from '../repositories/users';
import type { ApplyOptions } from '../sync/apply-changes';
import { badRequest, HttpError, unauthorized } from './errors';

/** What every route needs: the database, the attachment files, the clock and the auth settings. */
export interface AppContext {
  store: Store;
  blobs: BlobStore;
  now: () => number;
  tokenTtlMs: number;
  throttle: LoginThrottle;
  /** scrypt cost of new hashes; stored hashes weaker than it are upgraded at login. */
  passwordCost: ScryptCost;
  /** Attachment bytes one project may store. */
  blobQuotaBytes: number;
  beforeCommit?: ApplyOptions['beforeCommit'];
  metrics: ServerMetrics;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, set by requireUser on authenticated routes. */
    user: User | null;
    /** sha256 of the bearer token of this request. */
    tokenHash: string | null;
  }
}

/** onRequest hook of authenticated routes: runs before the body is read, so strangers can't make the server parse 1 MB. */
export function requireUser(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('请先登录（缺少访问令牌） / missing bearer token');
    const hash = tokenHash(token);
    const user = await findSessionUser(ctx.store.db, hash, ctx.now());
    if (!user)
      throw unauthorized('登录已失效（令牌无效、过期或已注销），请重新登录 / token invalid, expired or revoked');
    request.user = user;
    request.tokenHash = hash;
  };
}

export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw unauthorized();
  return request.user;
}

/**
 * onRequest hook of the whole API: a client that announces an older protocol than the server
 * still serves gets 426 and a message to upgrade; every reply names the server's protocol.
 * A request without the header (curl, monitoring) is served.
 */
export async function checkProtocol(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
  const raw = request.headers[PROTOCOL_HEADER];
  if (raw === undefined || request.url.startsWith('/v1/health')) return;
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (!text || !/^\d{1,6}$/.test(text.trim()))
    throw badRequest(`${PROTOCOL_HEADER} 头无效 / invalid ${PROTOCOL_HEADER} header`);
  if (Number(text) < MIN_CLIENT_PROTOCOL) {
    throw new HttpError(
      426,
      'upgrade_required',
      `客户端版本过旧（协议 ${text}，服务器至少需要 ${MIN_CLIENT_PROTOCOL}），请升级 Fieldbook 后再同步 / client too old, please upgrade`,
      { upgrade: `fieldbook/${MIN_CLIENT_PROTOCOL}` },
    );
  }
}
