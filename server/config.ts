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
 */
export interface ServerConfig {
  dataDir: string;
  port: number;
  host: string;
  databaseUrl?: string;
  pgSchema?: string;
  logLevel: string;
  trustProxy: boolean;
}

export const DEFAULT_PORT = 8787;

export class ConfigError extends Error {}

export const configOptions = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'database-url': { type: 'string' },
  'pg-schema': { type: 'string' },
  'log-level': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
} as const;

export function configFrom(values: Partial<Record<Exclude<keyof typeof configOptions, 'trust-proxy'>, string>> & { 'trust-proxy'?: boolean }, env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerConfig {
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`端口无效 / invalid port: ${portText}`);
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '' && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL 必须以 postgres:// 开头 / DATABASE_URL must start with postgres://');
  }
  const pgSchema = values['pg-schema'] ?? env.FIELDBOOK_PG_SCHEMA;
  if (pgSchema !== undefined && pgSchema !== '' && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(pgSchema)) {
    throw new ConfigError(`PostgreSQL schema 名称无效 / invalid schema name: ${pgSchema}`);
  }
  return {
    dataDir: path.resolve(cwd, values['data-dir'] ?? env.FIELDBOOK_DATA_DIR ?? 'data'),
    port,
    host: values.host ?? env.HOST ?? '0.0.0.0',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(pgSchema ? { pgSchema } : {}),
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    trustProxy: values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env.FIELDBOOK_TRUST_PROXY ?? '').toLowerCase()),
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
