import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { EMPTY_DIGEST } from '../../shared/sync/state-digest';
import { digestOfStoredRows } from '../sync/state-digest';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The schema as Kysely migrations defined in code, run at every start (server and admin).
 * Never edit a migration that has shipped: add the next one.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

        await db.schema
          .createTable('projects')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .execute();

        await db.schema
          .createTable('memberships')
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('memberships_pk', ['project_id', 'user_id'])
          .execute();
        await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

        // The change log. The primary key (project_id, seq) is the index every pull walks:
        // "seq > after ORDER BY seq LIMIT n" reads n index entries however long the log is.
        await db.schema
          .createTable('changes')
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('change_id', 'text', (c) => c.notNull().unique())
          .addColumn('table_name', 'text', (c) => c.notNull())
          .addColumn('row_id', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('pushed_by', 'text')
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('changes_pk', ['project_id', 'seq'])
          .execute();

        await db.schema
          .createTable('rows')
          .addColumn('table_name', 'text', (c) => c.notNull())
          .addColumn('row_id', 'text', (c) => c.notNull())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('field_writes', 'text', (c) => c.notNull())
          .addColumn('last_seq', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('rows_pk', ['row_id', 'table_name'])
          .execute();
        await db.schema.createIndex('rows_project').on('rows').columns(['project_id', 'table_name']).execute();

        await db.schema
          .createTable('conflicts')
          .addColumn('id', dialect === 'postgres' ? sql`bigint generated always as identity` : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('table_name', 'text', (c) => c.notNull())
          .addColumn('row_id', 'text', (c) => c.notNull())
          .addColumn('field', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('hlc', 'text', (c) => c.notNull())
          .addColumn('change_id', 'text')
          .addColumn('winning_hlc', 'text', (c) => c.notNull())
          .addColumn('winning_change_id', 'text')
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('conflicts_row')
          .on('conflicts')
          .columns(['project_id', 'table_name', 'row_id'])
          .execute();

        await db.schema
          .createTable('blobs')
          .addColumn('sha256', 'text', (c) => c.primaryKey())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('blob_projects')
          .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('blob_projects_pk', ['sha256', 'project_id'])
          .execute();
      },
    },
    // Pulls hand out the conflicts recorded along with each page of changes.
    '0002_conflicts_by_seq': {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex('conflicts_project_seq').on('conflicts').columns(['project_id', 'seq']).execute();
      },
    },
    // Per project, the secret its members sign and check bundles with (made when first asked for).
    '0003_bundle_keys': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('projects').addColumn('bundle_key', 'text').execute();
      },
    },
    // Per project, the digest of its rows that devices compare theirs with (shared/sync/state-digest.ts).
    '0004_state_digests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('projects')
          .addColumn('state_digest', 'text', (c) => c.notNull().defaultTo(EMPTY_DIGEST))
          .execute();
        const typed = db as unknown as Kysely<Database>;
        for (const { id } of await typed.selectFrom('projects').select('id').execute()) {
          await typed
            .updateTable('projects')
            .set({ state_digest: await digestOfStoredRows(typed, id) })
            .where('id', '=', id)
            .execute();
        }
      },
    },
    // The login throttle's counts, shared by every node (they were in each process's memory).
    '0005_login_failures': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('login_failures')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('last_failure', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
    // PostgreSQL keeps attachment bytes itself, so that every server node serves every blob
    // (server/blobs/pg-blob-store.ts); SQLite keeps them as files under the data directory.
    '0006_blob_chunks': {
      async up(db: Kysely<unknown>) {
        if (dialect !== 'postgres') return;
        await db.schema
          .createTable('blob_chunks')
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('start', 'bigint', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('data', 'bytea', (c) => c.notNull())
          .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'idx'])
          .execute();
        await db.schema
          .createTable('blob_upload_chunks')
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('project_id', 'text', (c) => c.notNull())
          .addColumn('start', 'bigint', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('data', 'bytea', (c) => c.notNull())
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('blob_upload_chunks_pk', ['sha256', 'project_id', 'start'])
          .execute();
        // Bytes of a stored blob are never rewritten and already compressed more often than not
        // (photos, PDF, zip): skip TOAST's compression attempt, keep them out of line.
        await sql`alter table blob_chunks alter column data set storage external`.execute(db);
        await sql`alter table blob_upload_chunks alter column data set storage external`.execute(db);
      },
    },
  };
}

export class MigrationError extends Error {}

/** The names of every migration this code has, in order (readiness compares them with the database's). */
export function migrationNames(dialect: Dialect): string[] {
  return Object.keys(migrations(dialect));
}

/**
 * The advisory lock name of a schema's migrations. Every node starting on that schema takes it
 * (pg_advisory_lock(hashtext(name))) before looking at the schema, so nodes started together
 * migrate one after the other: the first applies what is missing, the others find it done.
 */
export function migrationLockName(pgSchema: string): string {
  return `fieldbook migrations ${pgSchema}`;
}

/**
 * Brings the database to the latest schema; throws (with the failing migration) otherwise.
 * Returns the names of the migrations it applied. On PostgreSQL the whole run, Kysely's
 * bookkeeping tables included, holds the schema's advisory lock on one connection; the lock is
 * a session lock, so a node that dies while holding it releases it with its connection.
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect, pgSchema?: string): Promise<string[]> {
  if (dialect !== 'postgres') return runMigrations(db, dialect);
  const lock = migrationLockName(pgSchema ?? 'public');
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${lock}))`.execute(conn);
    try {
      return await runMigrations(conn, dialect, pgSchema);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${lock}))`.execute(conn);
    }
  });
}

async function runMigrations(db: Kysely<Database>, dialect: Dialect, pgSchema?: string): Promise<string[]> {
  const all = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => all };
  // On PostgreSQL name the schema of Kysely's own bookkeeping tables: without it Kysely looks
  // for them in every schema of the database, finds another schema's, and never creates its own.
  const migrator = new Migrator({ db, provider, ...(pgSchema ? { migrationTableSchema: pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new MigrationError(
      `数据库迁移失败 / migration failed${failed ? ` (${failed.migrationName})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
