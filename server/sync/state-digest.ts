import type { Kysely } from 'kysely';
import type { StoredRow } from '../../shared/change-log';
import { DigestAccumulator, EMPTY_DIGEST, type StateDigest } from '../../shared/sync/state-digest';
import type { Database } from '../db/schema';
import { readRowState } from './row-state';

/**
 * The projects' digests after a batch rewrote some of their rows: each rewritten row's hash
 * before the batch taken out, its hash after put in (shared/sync/state-digest.ts). Costs two
 * row hashes per rewritten row, never a read of the project's other rows.
 */
export function digestAfterRowWrites(
  digests: ReadonlyMap<string, StateDigest>,
  rewritten: ReadonlyArray<{ table: string; projectId: string; before: StoredRow | undefined; after: StoredRow }>,
): Map<string, StateDigest> {
  const accumulators = new Map<string, DigestAccumulator>();
  for (const { table, projectId, before, after } of rewritten) {
    let accumulator = accumulators.get(projectId);
    if (!accumulator) {
      accumulators.set(projectId, (accumulator = new DigestAccumulator()));
      accumulator.addDigest(digests.get(projectId) ?? EMPTY_DIGEST);
    }
    if (before) accumulator.add(table, before);
    accumulator.add(table, after);
  }
  return new Map([...accumulators].map(([projectId, accumulator]) => [projectId, accumulator.value]));
}

/**
 * A project's digest computed from all its stored rows: what the kept digest must equal. For
 * the migration that introduced digests, and for tests.
 */
export async function digestOfStoredRows(db: Kysely<Database>, projectId: string): Promise<StateDigest> {
  const accumulator = new DigestAccumulator();
  const rows = await db
    .selectFrom('rows')
    .select(['table_name', 'data', 'field_writes'])
    .where('project_id', '=', projectId)
    .execute();
  for (const r of rows) accumulator.add(r.table_name, readRowState(r.data, r.field_writes).row);
  return accumulator.value;
}
