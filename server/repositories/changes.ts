import type { Kysely } from 'kysely';
import type { PullResponse, SyncedChange, SyncedConflict } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

/**
 * One page of a project's change log after a cursor: walks the (project_id, seq) primary key
 * from `after`, reading limit + 1 entries to know whether more follow. No COUNT, no OFFSET, so a
 * page costs the same with ten changes in the log or ten million.
 */
export async function pullChanges(
  db: Kysely<Database>,
  projectId: string,
  after: number,
  limit: number,
): Promise<PullResponse> {
  // The counter and the digest first, committed together by the last push: every change up to
  // that seq is committed too, so a page that reaches it comes with the digest of exactly the
  // state those changes make. Later pushes wait for the next pull.
  const project = await db
    .selectFrom('projects')
    .select(['last_seq', 'state_digest'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  const lastSeq = project ? Number(project.last_seq) : 0;
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'change_id', 'table_name', 'row_id', 'fields', 'hlc', 'author', 'device_id'])
    .where('project_id', '=', projectId)
    .where('seq', '>', after)
    .where('seq', '<=', lastSeq)
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
  const cursor = page.at(-1)?.seq ?? after;
  const conflicts = cursor > after ? await conflictsBetween(db, projectId, after, cursor) : [];
  const digest = !hasMore && project && cursor === lastSeq ? { digest: project.state_digest } : {};
  return { changes, conflicts, hasMore, cursor, ...digest };
}

/** The conflicts recorded while applying the changes with seq in (after, upTo]. */
async function conflictsBetween(
  db: Kysely<Database>,
  projectId: string,
  after: number,
  upTo: number,
): Promise<SyncedConflict[]> {
  const rows = await db
    .selectFrom('conflicts')
    .leftJoin('changes', (join) => join.onRef('changes.change_id', '=', 'conflicts.change_id'))
    .select([
      'conflicts.table_name',
      'conflicts.row_id',
      'conflicts.field',
      'conflicts.value',
      'conflicts.hlc',
      'conflicts.change_id',
      'conflicts.winning_hlc',
      'conflicts.seq',
      'changes.author',
    ])
    .where('conflicts.project_id', '=', projectId)
    .where('conflicts.seq', '>', after)
    .where('conflicts.seq', '<=', upTo)
    .orderBy('conflicts.id')
    .execute();
  return rows.map((r) => ({
    table: r.table_name,
    rowId: r.row_id,
    field: r.field,
    value: JSON.parse(r.value) as unknown,
    hlc: r.hlc,
    changeId: r.change_id,
    author: r.author ?? null,
    winningHlc: r.winning_hlc,
    seq: Number(r.seq),
  }));
}
