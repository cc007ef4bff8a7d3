import type { ChangeRow, FieldbookDb, OutboxRow } from './db';

/** The outbox entry that queues `change` for the next push. */
export function outboxRowOf(change: ChangeRow): OutboxRow {
  return { hlc: change.hlc, changeId: change.changeId, projectId: change.projectId, deviceId: change.deviceId };
}

/**
 * Queues changes for the server. Call inside the transaction that adds the change entries, with
 * `db.outbox` in its scope, so an entry is never logged without being queued.
 */
export async function queueForPush(db: FieldbookDb, changes: readonly ChangeRow[]): Promise<void> {
  if (changes.length === 1) await db.outbox.add(outboxRowOf(changes[0]!));
  else if (changes.length > 1) await db.outbox.bulkAdd(changes.map(outboxRowOf));
}

/** How many changes wait to be sent (of one project, or all). */
export function unsentCount(db: FieldbookDb, projectId?: string): Promise<number> {
  return projectId ? db.outbox.filter((queued) => queued.projectId === projectId).count() : db.outbox.count();
}

/** The changes of a project the server refused for good, with the reason on each. */
export async function refusedChanges(db: FieldbookDb, projectId: string): Promise<ChangeRow[]> {
  const refused = await db.refused.where('projectId').equals(projectId).toArray();
  const changes = await db.changes.bulkGet(refused.map((r) => r.changeId));
  return changes.flatMap((change, i) => {
    if (!change) return [];
    const { code, reason, at } = refused[i]!;
    return [{ ...change, rejected: { code, reason, at } }];
  });
}
