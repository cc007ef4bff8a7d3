import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Holds a PostgreSQL advisory lock on `key` until the transaction ends (every node sees it). */
export async function advisoryXactLock(trx: Kysely<Database>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
