import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { LoginThrottle, loginThrottleOptions, type LoginThrottleSettings } from './auth/login-throttle';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords';
import { DatabaseThrottleStore } from './auth/throttle-store';
import { DEFAULT_TOKEN_TTL_MS } from './auth/tokens';
import type { BlobStore } from './blobs/blob-store';
import { openBlobStore } from './blobs/open-blob-store';
import { DEFAULT_BLOB_QUOTA_MB, DEFAULT_REQUEST_TIMEOUT_S } from './config';
import { openStore, type Store, type StoreOptions } from './db/store';
import { type AppContext, checkProtocol } from './http/context';
import { installErrorHandling } from './http/errors';
import { nodeServerFactory, type TlsFiles } from './http/node-server';
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id';
import { ServerMetrics } from './observability/metrics';
import { countRequests, listenForMetrics, type MetricsAccess, metricsRoute } from './observability/metrics-routes';
import { deleteStaleSessions } from './repositories/sessions';
import { authRoutes } from './routes/auth';
import { blobRoutes } from './routes/blobs';
import { healthRoutes } from './routes/health';
import { memberRoutes } from './routes/members';
import { projectRoutes } from './routes/projects';
import { readyRoutes } from './routes/ready';
import { syncRoutes } from './routes/sync';
import type { ApplyOptions } from './sync/apply-changes';
import { BLOB_OFFSET_HEADER, PROTOCOL_HEADER } from '../shared/sync/protocol';

export interface BuildServerOptions extends StoreOptions {
  /** Fastify/pino logger: false (silent, the default), true (info) or pino options such as { level: 'debug' }. */
  logger?: boolean | { level: string };
  /** The server clock in ms; injectable for tests (clock_ahead, token expiry, login throttle). */
  now?: () => number;
  tokenTtlMs?: number;
  loginThrottle?: LoginThrottleSettings;
  /** Trust X-Forwarded-For from a reverse proxy in front of the server (for the login throttle's client address). */
  trustProxy?: boolean;
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: TlsFiles;
  /** Attachment bytes one project may store (default DEFAULT_BLOB_QUOTA_MB). */
  blobQuotaBytes?: number;
  /** A request (headers and body) must arrive whole within this, else 408 and the socket closed (default DEFAULT_REQUEST_TIMEOUT_S). */
  requestTimeoutMs?: number;
  /**
   * Test seam: a lower scrypt cost so that tests that make many users stay fast. Never set in
   * production (no flag or variable reaches it): the default is DEFAULT_SCRYPT_COST (OWASP).
   */
  passwordCost?: ScryptCost;
  /** Who may read GET /metrics (a token, a separate address, or both); without either it is refused. */
  metrics?: MetricsAccess;
  /** Test seams; never set in production. */
  faults?: { beforeCommit?: ApplyOptions['beforeCommit'] };
}

export interface FieldbookServer {
  app: FastifyInstance;
  store: Store;
  blobs: BlobStore;
  dataDir: string;
  metrics: ServerMetrics;
  /** The separate metrics address's URL (…/metrics) once listening, when one is configured. */
  metricsUrl?: string;
  /** Starts listening; resolves to the base URL, e.g. http://127.0.0.1:8787 (https:// when serving TLS). */
  listen(options: { port: number; host: string }): Promise<string>;
  /** Stops accepting requests, lets the ones in flight finish (a push's transaction commits or rolls back whole), then closes the database. Idempotent. */
  close(): Promise<void>;
}

const HOUR = 60 * 60 * 1000;
const PARTIAL_UPLOAD_MAX_AGE = 7 * 24 * HOUR;
const SESSION_GRACE = 7 * 24 * HOUR;

export async function buildServer(options: BuildServerOptions): Promise<FieldbookServer> {
  const now = options.now ?? Date.now;
  const store = await openStore(options);
  let blobs: BlobStore;
  try {
    blobs = await openBlobStore(store, options.dataDir, now);
  } catch (error) {
    await store.close();
    throw error;
  }
  const throttleStore = new DatabaseThrottleStore(store.db);
  const metrics = new ServerMetrics(store.poolStats);
  const ctx: AppContext = {
    store,
    blobs,
    now,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
    throttle: new LoginThrottle(loginThrottleOptions(options.loginThrottle), now, throttleStore),
    passwordCost: options.passwordCost ?? DEFAULT_SCRYPT_COST,
    blobQuotaBytes: options.blobQuotaBytes ?? DEFAULT_BLOB_QUOTA_MB * 1024 * 1024,
    beforeCommit: options.faults?.beforeCommit,
    metrics,
  };

  const logger =
    options.logger === true
      ? { level: 'info', redact: ['req.headers.authorization'] }
      : options.logger
        ? { ...options.logger, redact: ['req.headers.authorization'] }
        : false;
  const app = Fastify({
    logger,
    serverFactory: nodeServerFactory({
      tls: options.tls,
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_S * 1000,
    }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // Every log line of a request names it as `requestId` (see http/request-id.ts).
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  });
  // An empty JSON body (e.g. POST /v1/auth/logout sent with a content-type) is "no body".
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  // Only JSON (and, for blob chunks, application/octet-stream): anything else is 415.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    defaultJson(request, text, done);
  });
  // During a graceful stop, the replies still being sent close their connection, so the
  // server is not kept waiting for idle keep-alive sockets.
  let stopping = false;
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) void reply.header('connection', 'close');
  });
  // The app calls the server from another origin (app://fieldbook in Electron, wherever the
  // browser version is served). Credentials are bearer tokens, never cookies, so any origin may
  // ask: a page without the token can do nothing a plain HTTP client could not.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', PROTOCOL_HEADER],
    exposedHeaders: [PROTOCOL_HEADER, BLOB_OFFSET_HEADER, REQUEST_ID_HEADER, 'content-length', 'retry-after'],
    maxAge: 600,
  });
  app.decorateRequest('user', null);
  app.decorateRequest('tokenHash', null);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  countRequests(app, metrics);
  app.addHook('onRequest', checkProtocol);
  installErrorHandling(app);

  healthRoutes(app, ctx);
  readyRoutes(app, store, options.databaseUrl ? options.pgSchema : undefined);
  metricsRoute(app, metrics, options.metrics ?? {});
  authRoutes(app, ctx);
  projectRoutes(app, ctx);
  memberRoutes(app, ctx);
  syncRoutes(app, ctx);
  await app.register(async (scope) => blobRoutes(scope, ctx));

  const housekeeping = async () => {
    try {
      await deleteStaleSessions(store.db, now(), SESSION_GRACE);
      await blobs.sweepPartials(now(), PARTIAL_UPLOAD_MAX_AGE);
      await throttleStore.deleteStale(now() - ctx.throttle.forgetAfterMs);
    } catch (error) {
      app.log.warn({ err: error }, 'housekeeping failed');
    }
  };
  await housekeeping();
  const timer = setInterval(() => void housekeeping(), HOUR);
  timer.unref();

  let closing: Promise<void> | undefined;
  let metricsListener: Awaited<ReturnType<typeof listenForMetrics>> | undefined;
  return {
    app,
    store,
    blobs,
    dataDir: options.dataDir,
    metrics,
    get metricsUrl() {
      return metricsListener?.url;
    },
    async listen({ port, host }) {
      await app.listen({ port, host });
      if (options.metrics?.listen) metricsListener = await listenForMetrics(metrics, options.metrics.listen);
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      return `${options.tls ? 'https' : 'http'}://${shownHost}:${actualPort}`;
    },
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        stopping = true;
        // A connection whose reply was still finishing when the stop began becomes idle a moment
        // later; close such connections as they appear instead of waiting for keep-alive timeouts.
        const reaper = setInterval(() => app.server.closeIdleConnections(), 100);
        try {
          await app.close();
        } finally {
          clearInterval(reaper);
          await metricsListener?.close();
          await store.close();
        }
      })();
      return closing;
    },
  };
}
