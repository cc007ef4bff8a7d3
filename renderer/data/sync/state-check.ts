import type { Table } from 'dexie';
import { mergeChangeIntoRow, type StoredRow } from '../../../shared/change-log';
import type { HybridLogicalClock } from '../../../shared/hlc';
import { tableNames } from '../../../shared/records';
import type { PullResponse } from '../../../shared/sync/protocol';
import { DigestAccumulator, rowDigest, type StateDigest } from '../../../shared/sync/state-digest';
import type { ChangeRow, FieldbookDb } from '../db';
import { ownDeviceId, ownUnsent, pushedUpTo } from '../outbox';
import { applyRemoteChanges, keepServerConflicts } from './apply-remote';

/**
 * The device's side of the state check (docs/ARCHITECTURE.md, "Divergence detected, not
 * assumed"): this device's digest of a project, computed from the rows as stored — so a row
 * changed behind the app's back counts — and the repair when it differs from the server's.
 */

export interface ProjectDigest {
  digest: StateDigest;
  /** Each row's hash by table and id: what a repair changed is counted with it. */
  rows: Map<string, StateDigest>;
}

/** The project's digest over its rows on this device. Inside a transaction over the record tables, or on its own. */
export async function projectDigest(db: FieldbookDb, projectId: string): Promise<ProjectDigest> {
  const accumulator = new DigestAccumulator();
  const rows = new Map<string, StateDigest>();
  for (const table of tableNames) {
    // getAll in one request (a cursor step per row is many times slower).
    for (const row of await (db.table(table) as Table<StoredRow, string>)
      .where('projectId')
      .equals(projectId)
      .toArray()) {
      const digest = rowDigest(table, row);
      rows.set(`${table}:${row.id}`, digest);
      accumulator.addDigest(digest);
    }
  }
  return { digest: accumulator.value, rows };
}

/**
 * Whether this device holds changes of the project the server has not answered (its own after
 * the watermark, or relayed from a bundle): its rows are then ahead of the server's by design,
 * and the digests are not compared.
 */
export async function hasUnsent(db: FieldbookDb, projectId: string): Promise<boolean> {
  const [deviceId, watermark] = await Promise.all([ownDeviceId(db), pushedUpTo(db)]);
  const ofProject = (c: { projectId: string }) => c.projectId === projectId;
  return (
    (await ownUnsent(db, deviceId, watermark).filter(ofProject).count()) > 0 ||
    (await db.relay.filter(ofProject).count()) > 0
  );
}

export interface RebuildOutcome {
  before: ProjectDigest;
  after: ProjectDigest;
  /** Rows whose content the rebuild changed (changed, added or removed). */
  rowsFixed: number;
  /** Unsent changes merged again on top of the server's state. */
  reapplied: number;
}

/**
 * Rebuilds a project's rows on this device from the server's whole log (`pages`, pulled from
 * seq 0), in one transaction over syncTables: the project's rows and the log entries the server
 * holds are dropped, the pages applied as a pull applies them, and this device's unsent changes
 * (own after the watermark, relayed ones) merged again on top. Refused changes stay in the log,
 * listed, but no longer in the rows: the server never took them. Conflicts already kept stay.
 */
export async function rebuildProject(
  db: FieldbookDb,
  clock: HybridLogicalClock,
  projectId: string,
  pages: readonly PullResponse[],
): Promise<RebuildOutcome> {
  const before = await projectDigest(db, projectId);
  const [deviceId, watermark] = await Promise.all([ownDeviceId(db), pushedUpTo(db)]);
  const ofProject = (c: { projectId: string }) => c.projectId === projectId;
  const ownIds = await ownUnsent(db, deviceId, watermark).filter(ofProject).primaryKeys();
  const relayIds = (await db.relay.filter(ofProject).toArray()).map((r) => r.changeId);
  const refusedIds = (await db.refused.where('projectId').equals(projectId).toArray()).map((r) => r.changeId);
  const unsent = (await db.changes.bulkGet([...ownIds, ...relayIds])).filter((c): c is ChangeRow => c !== undefined);
  const kept = new Set([...ownIds, ...relayIds, ...refusedIds]);

  for (const table of tableNames) await db.table(table).where('projectId').equals(projectId).delete();
  await db.changes
    .where('projectId')
    .equals(projectId)
    .filter((c) => !kept.has(c.changeId))
    .delete();
  for (const page of pages) {
    const applied = await applyRemoteChanges(db, clock, page.changes);
    if (applied.stoppedAt)
      throw new Error(`无法应用服务器上的修改（${applied.stoppedAt.reason}）/ cannot apply a change from the server`);
    await keepServerConflicts(db, projectId, page.conflicts);
  }
  // Last writer wins by hlc, so merging the unsent changes after the server's gives the same
  // rows as merging them in any order.
  for (const change of unsent.sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    const table = db.table(change.table) as Table<StoredRow, string>;
    const { row, appliedFields } = mergeChangeIntoRow(await table.get(change.rowId), change);
    if (appliedFields.length > 0) await table.put(row);
  }

  const after = await projectDigest(db, projectId);
  let rowsFixed = 0;
  for (const [key, digest] of after.rows) if (before.rows.get(key) !== digest) rowsFixed++;
  for (const key of before.rows.keys()) if (!after.rows.has(key)) rowsFixed++;
  return { before, after, rowsFixed, reapplied: unsent.length };
}
