import { sql } from 'kysely';
import { migrationNames } from './migrations';
import type { Store } from './store';

export type Readiness =
  { ready: true } | { ready: false; reason: 'database_unreachable' | 'not_migrated'; detail: string };

/** Kysely's bookkeeping table (its default name), where each migration run is one row. */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Whether this node can serve sync now: the database answers, within `timeoutMs`, and holds
 * every migration this code knows (a database restored from an older backup, or one another
 * node is still migrating, is not ready). Read-only: never creates or migrates anything.
 */
export async function checkReadiness(
  store: Store,
  pgSchema: string | undefined,
  timeoutMs: number,
): Promise<Readiness> {
  const table =
    store.dialect === 'postgres' ? sql.table(`${pgSchema ?? 'public'}.${MIGRATION_TABLE}`) : sql.table(MIGRATION_TABLE);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  let done: string[];
  try {
    const rows = await Promise.race([sql<{ name: string }>`select name from ${table}`.execute(store.db), timeout]);
    done = rows.rows.map((row) => row.name);
  } catch (error) {
    const message = (error as Error).message;
    // A database that answers but lacks the bookkeeping table was never migrated.
    if (/no such table|does not exist/i.test(message)) return { ready: false, reason: 'not_migrated', detail: message };
    return { ready: false, reason: 'database_unreachable', detail: message };
  } finally {
    clearTimeout(timer);
  }
  const missing = migrationNames(store.dialect).filter((name) => !done.includes(name));
  if (missing.length > 0)
    return { ready: false, reason: 'not_migrated', detail: `missing migrations: ${missing.join(', ')}` };
  return { ready: true };
}
