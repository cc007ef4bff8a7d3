import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Where the server keeps its data and how it is reached. Flags win over the environment, the
 * environment over the defaults:
 *   --data-dir / FIELDBOOK_DATA_DIR   (./data)  SQLite database and attachment files
 *   --port / PORT                     (8787)
 *   --host / HOST                     (0.0.0.0)
 *   --database-url / DATABASE_URL     postgres://… to use PostgreSQL instead of SQLite
 *   --pg-schema / FIELDBOOK_PG_SCHEMA PostgreSQL schema (search_path) to use, default the server's
 *   --log-level / LOG_LEVEL           (info)
 *   --trust-proxy / FIELDBOOK_TRUST_PROXY=1   behind a reverse proxy: take the client address
 *                                     from X-Forwarded-For (for the login throttle and logs)
 *   --tls-cert / FIELDBOOK_TLS_CERT   PEM certificate (chain) file: serve HTTPS (needs --tls-key)
 *   --tls-key / FIELDBOOK_TLS_KEY     PEM private key file of that certificate
 *   --blob-quota-mb / FIELDBOOK_BLOB_QUOTA_MB  (10240) attachment storage per project, MiB
 *   --request-timeout-s / FIELDBOOK_REQUEST_TIMEOUT_S  (120) a request must arrive whole within this
 *   --metrics-token / FIELDBOOK_METRICS_TOKEN  GET /metrics on the API address answers only with
 *                                     `Authorization: Bearer <token>` (20–200 of A-Z a-z 0-9 _ -)
 *   --metrics-listen / FIELDBOOK_METRICS_LISTEN  HOST:PORT (e.g. 127.0.0.1:9464): serve /metrics
 *                                     there, without a token. Neither: /metrics is refused (404)
 */
export interface ServerConfig {
  dataDir: string;
  port: number;
  host: string;
  databaseUrl?: string;
  pgSchema?: string;
  logLevel: string;
  trustProxy: boolean;
  /** Paths of the PEM certificate and key; both or neither. */
  tls?: { certFile: string; keyFile: string };
  blobQuotaBytes: number;
  requestTimeoutMs: number;
  metrics: { token?: string; listen?: { host: string; port: number } };
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_BLOB_QUOTA_MB = 10 * 1024;
/** Long enough for a 1 MiB attachment chunk over a slow site link (~9 KB/s), short enough that a stalled body is dropped. */
export const DEFAULT_REQUEST_TIMEOUT_S = 120;

export class ConfigError extends Error {}

export const configOptions = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'pg-schema': { type: 'string' },
  'log-level': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'blob-quota-mb': { type: 'string' },
  'request-timeout-s': { type: 'string' },
  'metrics-token': { type: 'string' },
  'metrics-listen': { type: 'string' },
} as const;

function positiveNumber(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${what}必须是正数 / ${what}: must be a positive number: ${text}`);
  return value;
}

/** HOST:PORT, [IPv6]:PORT or PORT alone (then 127.0.0.1). */
function listenAddress(text: string): { host: string; port: number } {
  const match =
    /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text.trim()) ?? /^()()(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new ConfigError(`监控地址无效，应为 主机:端口 / invalid --metrics-listen, expected HOST:PORT: ${text}`);
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

function metricsAccess(token: string | undefined, listen: string | undefined): ServerConfig['metrics'] {
  if (token !== undefined && token !== '' && !/^[A-Za-z0-9_-]{20,200}$/.test(token)) {
    throw new ConfigError(
      '监控令牌须为 20–200 个字母、数字、_ 或 - （例如 openssl rand -hex 32）/ --metrics-token must be 20–200 of A-Z a-z 0-9 _ -',
    );
  }
  return { ...(token ? { token } : {}), ...(listen ? { listen: listenAddress(listen) } : {}) };
}

export function configFrom(
  values: Partial<Record<Exclude<keyof typeof configOptions, 'trust-proxy'>, string>> & { 'trust-proxy'?: boolean },
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): ServerConfig {
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`端口无效 / invalid port: ${portText}`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '' && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL 必须以 postgres:// 开头 / DATABASE_URL must start with postgres://');
  }
  const pgSchema = values['pg-schema'] ?? env.FIELDBOOK_PG_SCHEMA;
  if (pgSchema !== undefined && pgSchema !== '' && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(pgSchema)) {
    throw new ConfigError(`PostgreSQL schema 名称无效 / invalid schema name: ${pgSchema}`);
  }
  const certFile = values['tls-cert'] ?? env.FIELDBOOK_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.FIELDBOOK_TLS_KEY;
  if (!certFile !== !keyFile) {
    throw new ConfigError(
      'HTTPS 需要同时给出证书和私钥（--tls-cert 与 --tls-key）/ HTTPS needs both --tls-cert and --tls-key',
    );
  }
  const quotaMb = positiveNumber(
    values['blob-quota-mb'] ?? env.FIELDBOOK_BLOB_QUOTA_MB ?? String(DEFAULT_BLOB_QUOTA_MB),
    '附件配额 blob-quota-mb ',
  );
  const timeoutS = positiveNumber(
    values['request-timeout-s'] ?? env.FIELDBOOK_REQUEST_TIMEOUT_S ?? String(DEFAULT_REQUEST_TIMEOUT_S),
    '请求超时 request-timeout-s ',
  );
  return {
    dataDir: path.resolve(cwd, values['data-dir'] ?? env.FIELDBOOK_DATA_DIR ?? 'data'),
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(pgSchema ? { pgSchema } : {}),
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    trustProxy: values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env.FIELDBOOK_TRUST_PROXY ?? '').toLowerCase()),
    ...(certFile && keyFile
      ? { tls: { certFile: path.resolve(cwd, certFile), keyFile: path.resolve(cwd, keyFile) } }
      : {}),
    blobQuotaBytes: Math.floor(quotaMb * 1024 * 1024),
    requestTimeoutMs: Math.round(timeoutS * 1000),
    metrics: metricsAccess(
      values['metrics-token'] ?? env.FIELDBOOK_METRICS_TOKEN,
      values['metrics-listen'] ?? env.FIELDBOOK_METRICS_LISTEN,
    ),
  };
}

/** Parses the server's command line (main.ts). Unknown flags are an error, so typos don't pass silently. */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: configOptions, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(`参数错误 / bad arguments: ${(error as Error).message}`);
  }
  return configFrom(values, env);
}
