import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Where the login throttle keeps its failure counts: the `login_failures` table, so that every
 * server node on one database sees the same counts (a guesser spreading tries over two nodes
 * gets no more of them). SQLite and PostgreSQL alike.
 */
export interface ThrottleRecord {
  /** Failures in a row, none further apart than the policy's forgetAfterMs. */
  failures: number;
  lastFailure: number;
}

export interface ThrottleStore {
  get(key: string): Promise<ThrottleRecord | undefined>;
  /**
   * Counts one failure at `now`, atomically: failures arriving at once, through any node, each
   * count. A record whose last failure is more than forgetAfterMs old starts again at 1.
   */
  recordFailure(key: string, now: number, forgetAfterMs: number): Promise<ThrottleRecord>;
  delete(key: string): Promise<void>;
}

/**
 * The table's key is a SHA-256 of the throttle's key: people type their password into the
 * username box, and such a slip must not sit in the database in clear.
 */
function hashedKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class DatabaseThrottleStore implements ThrottleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<ThrottleRecord | undefined> {
    const row = await this.db
      .selectFrom('login_failures')
      .select(['failures', 'last_failure'])
      .where('key', '=', hashedKey(key))
      .executeTakeFirst();
    return row && { failures: Number(row.failures), lastFailure: Number(row.last_failure) };
  }

  async recordFailure(key: string, now: number, forgetAfterMs: number): Promise<ThrottleRecord> {
    // One statement: the row is created or counted up under the database's row lock, so there
    // is no read-then-write gap for a concurrent failure to fall into. Another node's clock may
    // be a little ahead: the last failure never moves back.
    const row = await this.db
      .insertInto('login_failures')
      .values({ key: hashedKey(key), failures: 1, last_failure: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when login_failures.last_failure >= ${now - forgetAfterMs} then login_failures.failures + 1 else 1 end`,
          last_failure: sql<number>`case when login_failures.last_failure > ${now} then login_failures.last_failure else ${now} end`,
        }),
      )
      .returning(['failures', 'last_failure'])
      .executeTakeFirstOrThrow();
    return { failures: Number(row.failures), lastFailure: Number(row.last_failure) };
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', hashedKey(key)).execute();
  }

  /** Housekeeping: drops records whose last failure is before `before` (they count for nothing any more). */
  async deleteStale(before: number): Promise<number> {
    const result = await this.db.deleteFrom('login_failures').where('last_failure', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
