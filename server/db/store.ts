import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { withStatementCache } from './statement-cache';
import { type Dialect, migrateToLatest } from './migrations';
import type { Database } from './schema';

export interface StoreOptions {
  /** Directory of the SQLite database (and, for the server, of attachment files). */
  dataDir: string;
  /** postgres://… to use PostgreSQL instead of the embedded SQLite database. */
  databaseUrl?: string;
  /** PostgreSQL schema to work in (set as search_path on every connection); it must exist. */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export interface TransactionOptions {
  /**
   * How many times to run `fn` again when PostgreSQL aborts the transaction for a reason a
   * retry can fix (serialization failure, deadlock, a unique key taken by a concurrent
   * transaction). `fn` must then have no effects outside the transaction.
   */
  retries?: number;
}

/** The database behind the server and the admin command: one Kysely instance plus its dialect. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs (no password). */
  location: string;
  /** The migrations this opening applied (none when another node or an earlier start had). */
  migrated: string[];
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * SQLite: BEGIN IMMEDIATE on the single connection, so writers are serialised from the start.
   * PostgreSQL: READ COMMITTED; callers take the row locks they need (SELECT … FOR UPDATE).
   */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** PostgreSQL: the connection pool's use now (for /metrics); SQLite has no pool. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export const SQLITE_FILE = 'fieldbook.sqlite';
const RETRYABLE_PG_CODES = new Set(['40001', '40P01', '23505']);
const INT8_OID = 20;

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl, options) : openSqlite(options.dataDir);
  try {
    store.migrated = await migrateToLatest(
      store.db,
      store.dialect,
      options.databaseUrl ? (options.pgSchema ?? 'public') : undefined,
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  // FULL: a change the server has acknowledged must survive a power cut, or the device that
  // pushed it would never send it again.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // The admin command may write while the server runs: wait for the other writer.
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  let closed = false;
  return {
    db,
    dialect: 'sqlite',
    location: file,
    migrated: [],
    async transaction(fn) {
      // Kysely's SQLite driver has one connection guarded by a mutex; holding it for the whole
      // transaction serialises every statement of this process behind the writer.
      return db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (database.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

function openPostgres(url: string, options: StoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    // bigint columns (seq, times) are well within Number's exact range.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    dialect: 'postgres',
    location: redactUrl(url) + (options.pgSchema ? ` (schema ${options.pgSchema})` : ''),
    migrated: [],
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: pool.options.max,
    }),
    async transaction(fn, transactionOptions) {
      const retries = transactionOptions?.retries ?? 0;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await db.transaction().execute(fn);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (attempt >= retries || typeof code !== 'string' || !RETRYABLE_PG_CODES.has(code)) throw error;
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
