import type { Table } from 'dexie';
import { type Change, type StoredRow, mergeChangeIntoRow } from '../../../shared/change-log';
import type { HybridLogicalClock } from '../../../shared/hlc';
import { tableNames } from '../../../shared/records';
import { changeFieldsProblem } from '../../../shared/sync/validate-change';
import type { ChangeRow, ConflictRow, FieldbookDb } from '../db';

export interface RemoteApplyResult {
  /** Changes merged into rows. */
  applied: number;
  /** Changes this device already had (its own, or seen before). */
  known: number;
  /** The first change that could not be applied, and why; nothing after it was applied. */
  stoppedAt?: { change: Change; reason: string };
  /** How many changes of the list were handled (applied or known), in order. */
  handled: number;
  conflicts: number;
}

/**
 * Merges changes made elsewhere (pulled from the server, or read from a bundle) into this
 * device's rows, field by field by hlc, against whatever this device holds, unsent edits
 * included. Values that lose are kept in the conflicts table. Must run inside a Dexie
 * transaction over syncTables(db), so rows, log and conflicts move together.
 */
export async function applyRemoteChanges(
  db: FieldbookDb,
  clock: HybridLogicalClock,
  changes: ReadonlyArray<Change & { seq?: number }>,
): Promise<RemoteApplyResult> {
  const result: RemoteApplyResult = { applied: 0, known: 0, handled: 0, conflicts: 0 };
  const existing = await db.changes.bulkGet(changes.map((c) => c.changeId));
  const now = Date.now();
  const ownDeviceId = (await db.meta.get('deviceId'))?.value;
  for (const [index, change] of changes.entries()) {
    const local = existing[index];
    if (local) {
      // Our own change coming back from the server, or one pulled before: remember its seq.
      if (change.seq !== undefined && local.seq === undefined) await db.changes.update(local.changeId, { seq: change.seq });
      result.known++;
      result.handled++;
      continue;
    }
    const problem = changeFieldsProblem(change);
    if (problem) {
      result.stoppedAt = { change, reason: problem };
      break;
    }
    const table = db.table(change.table) as Table<StoredRow, string>;
    const row = await table.get(change.rowId);
    if (row && row.projectId !== change.projectId) {
      result.stoppedAt = { change, reason: '该记录在本机属于另一个项目' };
      break;
    }
    // A local value is concurrent with the incoming change when this device wrote it and has
    // not sent it yet: the other device cannot have seen it.
    const replacedHlcs = row ? Object.keys(change.fields).flatMap((f) => (row.fieldHlc[f] ? [row.fieldHlc[f]] : [])) : [];
    const unsent = new Set(
      replacedHlcs.length ? (await db.changes.where('hlc').anyOf(replacedHlcs).filter((c) => c.pending === 1 && c.deviceId === ownDeviceId).toArray()).map((c) => c.hlc) : [],
    );
    const merged = mergeChangeIntoRow(row, change, (_field, replacedHlc) => unsent.has(replacedHlc));
    if (merged.appliedFields.length > 0) await table.put(merged.row);
    const stored: ChangeRow = { ...change };
    delete (stored as { pending?: unknown }).pending;
    await db.changes.add(stored);
    for (const loser of merged.losers) {
      // The losing write is either this change or the local one it replaced (found by its hlc).
      const source = loser.incomingLost ? change : await db.changes.where('hlc').equals(loser.hlc).first();
      const conflict: ConflictRow = {
        id: conflictId(loser.table, loser.rowId, loser.field, loser.hlc),
        projectId: loser.projectId,
        table: loser.table,
        rowId: loser.rowId,
        field: loser.field,
        value: loser.value,
        hlc: loser.hlc,
        winningHlc: loser.winningHlc,
        changeId: source?.changeId,
        author: source?.author,
        detectedAt: now,
        resolved: 0,
      };
      await db.conflicts.put(conflict);
      result.conflicts++;
    }
    clock.observe(change.hlc);
    result.applied++;
    result.handled++;
  }
  return result;
}

/** One id per lost value, whichever side noticed it (this device or the server). */
export function conflictId(table: string, rowId: string, field: string, losingHlc: string): string {
  return `${table}:${rowId}:${field}:${losingHlc}`;
}

/** Every table a remote apply touches. */
export function syncTables(db: FieldbookDb): Table[] {
  return [...tableNames.map((name) => db.table(name)), db.changes, db.conflicts, db.meta];
}
