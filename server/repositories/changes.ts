import type { Kysely } from 'kysely';
import type { PullResponse, SyncedChange } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

/**
 * One page of a project's change log after a cursor: walks the (project_id, seq) primary key
 * from `after`, reading limit + 1 entries to know whether more follow. No COUNT, no OFFSET, so a
 * page costs the same with ten changes in the log or ten million.
 */
export async function pullChanges(db: Kysely<Database>, projectId: string, after: number, limit: number): Promise<PullResponse> {
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'change_id', 'table_name', 'row_id', 'fields', 'hlc', 'author', 'device_id'])
    .where('project_id', '=', projectId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const changes: SyncedChange[] = page.map((r) => ({
    changeId: r.change_id,
    projectId,
    table: r.table_name,
    rowId: r.row_id,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    hlc: r.hlc,
    author: r.author,
    deviceId: r.device_id,
    seq: r.seq,
  }));
  return { changes, hasMore, cursor: page.at(-1)?.seq ?? after };
}
