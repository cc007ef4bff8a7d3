import type { PromiseExtended, Table } from 'dexie';
import { type Change, type StoredRow, mergeChangeIntoRow } from '../../../shared/change-log';
import type { HybridLogicalClock } from '../../../shared/hlc';
import { tableNames } from '../../../shared/records';
import type { SyncedConflict } from '../../../shared/sync/protocol';
import { readChangeFields } from '../../../shared/sync/validate-change';
import type { ChangeRow, ConflictRow, FieldbookDb } from '../db';
import { isOwnUnsent, ownDeviceId, pushedUpTo } from '../outbox';

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
  /** The change entries this apply added to the log (the changes new to this device). */
  added: ChangeRow[];
}

/**
 * Merges changes made elsewhere (pulled from the server, or read from a bundle) into this
 * device's rows, field by field by hlc, against whatever this device holds, unsent edits
 * included. Values that lose are kept in the conflicts table. Must run inside a Dexie
 * transaction over applyTables(db, changes) (or all of syncTables(db)), so rows, log and
 * conflicts move together.
 *
 * The whole list is handled with a fixed number of IndexedDB requests, not a few per change:
 * the rows it touches are read per table with one read of the keys in their id range and one
 * bulkGet of those stored (see keysAmong) and merged in memory in list order
 * (a later change sees what an earlier one made of its row); this device's unsent writes among
 * the values about to be replaced are told by their stamps (its own, after the push watermark);
 * the rows, the change entries and the conflicts are then written with one bulk request each.
 * Within the transaction the outcome is the same as applying the changes one by one.
 */
export async function applyRemoteChanges(
  db: FieldbookDb,
  clock: HybridLogicalClock,
  changes: ReadonlyArray<Change & { seq?: number }>,
): Promise<RemoteApplyResult> {
  const result: RemoteApplyResult = { applied: 0, known: 0, handled: 0, conflicts: 0, added: [] };
  // Only Dexie's own promises are awaited inside its transaction, never a plain value.
  const known = changes.length
    ? await storedChangeIds(
        db,
        changes.map((c) => c.changeId),
      )
    : new Set<string>();
  const existing = changes.map((c) => known.has(c.changeId));
  const now = Date.now();

  // The stored rows the new changes touch, per table: the ids it holds (keysAmong), then one
  // bulkGet of those (unknown tables stop the apply below).
  const idsByTable = new Map<string, Set<string>>();
  changes.forEach((change, index) => {
    if (existing[index] || !knownTables.has(change.table)) return;
    let ids = idsByTable.get(change.table);
    if (!ids) idsByTable.set(change.table, (ids = new Set()));
    ids.add(change.rowId);
  });
  const rows = new Map<string, StoredRow | undefined>();
  for (const [name, idSet] of idsByTable) {
    const table = db.table(name) as Table<StoredRow, string>;
    const ids = [...idSet];
    const present = await keysAmong(table, ids);
    const toRead = present ? ids.filter((id) => present.has(id)) : ids;
    for (const id of ids) rows.set(rowKey(name, id), undefined);
    if (toRead.length) {
      const found = await table.bulkGet(toRead);
      toRead.forEach((id, i) => rows.set(rowKey(name, id), found[i]));
    }
  }

  // A local value is concurrent with an incoming change when this device wrote it and has not
  // sent it yet: the other device cannot have seen it. Values written by changes of this list
  // are never unsent ones, so the stored rows' stamps are the only candidates.
  const candidates = new Set<string>();
  changes.forEach((change, index) => {
    if (existing[index]) return;
    const row = rows.get(rowKey(change.table, change.rowId));
    if (!row) return;
    for (const field of Object.keys(change.fields)) {
      const hlc = row.fieldHlc[field];
      if (hlc) candidates.add(hlc);
    }
  });
  const unsent = candidates.size ? await unsentAmong(db, candidates) : new Set<string>();

  const dirtyRows = new Map<string, { table: string; row: StoredRow }>();
  const added: ChangeRow[] = [];
  const addedByHlc = new Map<string, ChangeRow>();
  const conflicts = new Map<string, ConflictRow>();
  for (const [index, change] of changes.entries()) {
    const local = existing[index];
    if (local) {
      // Our own change coming back from the server, or one pulled or imported before.
      result.known++;
      result.handled++;
      continue;
    }
    const read = readChangeFields(change);
    if ('problem' in read) {
      result.stoppedAt = { change, reason: read.problem };
      break;
    }
    const key = rowKey(change.table, change.rowId);
    const row = rows.get(key);
    if (row && row.projectId !== change.projectId) {
      result.stoppedAt = { change, reason: '该记录在本机属于另一个项目' };
      break;
    }
    // The row takes the fields as the schema reads them; the log keeps the change as it was sent.
    const merged = mergeChangeIntoRow(row, { ...change, fields: read.fields }, (_field, replacedHlc) =>
      unsent.has(replacedHlc),
    );
    if (merged.appliedFields.length > 0) {
      rows.set(key, merged.row);
      dirtyRows.set(key, { table: change.table, row: merged.row });
    }
    const stored: ChangeRow = { ...change };
    added.push(stored);
    addedByHlc.set(stored.hlc, stored);
    for (const loser of merged.losers) {
      // The losing write is either this change or the local one it replaced (found by its hlc).
      const source = loser.incomingLost
        ? change
        : (addedByHlc.get(loser.hlc) ?? (await db.changes.where('hlc').equals(loser.hlc).first()));
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
      conflicts.delete(conflict.id); // a later put of the same id wins, as it would one by one
      conflicts.set(conflict.id, conflict);
      result.conflicts++;
    }
    clock.observe(change.hlc);
    result.applied++;
    result.handled++;
  }

  const rowsByTable = new Map<string, StoredRow[]>();
  for (const { table, row } of dirtyRows.values()) {
    let list = rowsByTable.get(table);
    if (!list) rowsByTable.set(table, (list = []));
    list.push(row);
  }
  for (const [table, list] of rowsByTable) await (db.table(table) as Table<StoredRow, string>).bulkPut(list);
  if (added.length) await db.changes.bulkAdd(added);
  if (conflicts.size) await db.conflicts.bulkPut([...conflicts.values()]);
  result.added = added;
  return result;
}

/**
 * Which of `ids` a table holds, told by one request instead of one get per id: ids are UUIDv7,
 * ordered by when they were made, so the ids of a page of changes (or of the rows a first pull
 * creates) lie in a narrow key range, and the keys stored there are read at once (a few of this
 * device's own, typically) and matched here. Undefined when more than a few times as many keys
 * lie in that range (edits of rows made months apart, a page spanning months of this device's
 * own work): the caller then reads by id. `ids` must not be empty.
 */
function keysAmong(table: Table<unknown, string>, ids: readonly string[]): PromiseExtended<Set<string> | undefined> {
  let low = ids[0]!;
  let high = ids[0]!;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const cap = Math.max(64, ids.length * 4);
  // A chain of Dexie's own promises, not an async function: it stays in the caller's transaction.
  return table
    .where(':id')
    .between(low, high, true, true)
    .limit(cap + 1)
    .primaryKeys()
    .then((inRange) => {
      if (inRange.length > cap) return undefined;
      const wanted = new Set(ids);
      return new Set(inRange.filter((id) => wanted.has(id)));
    });
}

/** Which of `ids` (not empty) the change log already holds (this device's own, or pulled or imported before). */
function storedChangeIds(db: FieldbookDb, ids: readonly string[]): PromiseExtended<Set<string>> {
  return keysAmong(db.changes, ids).then(
    (known) =>
      known ??
      db.changes.bulkGet([...ids]).then((found) => new Set(ids.filter((_, index) => found[index] !== undefined))),
  );
}

/** The hlcs among `hlcs` of this device's unsent changes: its own, after the push watermark. */
async function unsentAmong(db: FieldbookDb, hlcs: Set<string>): Promise<Set<string>> {
  const [deviceId, watermark] = await Promise.all([ownDeviceId(db), pushedUpTo(db)]);
  return new Set([...hlcs].filter((hlc) => isOwnUnsent(hlc, deviceId, watermark)));
}

const knownTables = new Set<string>(tableNames);
const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

/** One id per lost value, whichever side noticed it (this device or the server). */
export function conflictId(table: string, rowId: string, field: string, losingHlc: string): string {
  return `${table}:${rowId}:${field}:${losingHlc}`;
}

/**
 * The tables applying `changes` touches: the record tables they name and the log's own. A
 * read-write transaction holds every table in its scope, so the screens' reads of the others
 * need not wait while a page is applied.
 */
export function applyTables(db: FieldbookDb, changes: ReadonlyArray<Pick<Change, 'table'>>): Table[] {
  const named = new Set<string>();
  for (const change of changes) if (knownTables.has(change.table)) named.add(change.table);
  return [...[...named].map((name) => db.table(name)), db.changes, db.conflicts, db.meta];
}

/** Every table a remote apply, a bundle import or a project's removal may touch. */
export function syncTables(db: FieldbookDb): Table[] {
  return [...tableNames.map((name) => db.table(name)), db.changes, db.relay, db.refused, db.conflicts, db.meta];
}

/**
 * Conflicts the server recorded (the same loss may have been seen here already, under the same
 * id): added once, so every device of the project can show and restore what lost.
 */
export async function keepServerConflicts(
  db: FieldbookDb,
  projectId: string,
  conflicts: SyncedConflict[],
): Promise<number> {
  if (conflicts.length === 0) return 0;
  const rows: ConflictRow[] = conflicts.map((c) => ({
    id: conflictId(c.table, c.rowId, c.field, c.hlc),
    projectId,
    table: c.table,
    rowId: c.rowId,
    field: c.field,
    value: c.value,
    hlc: c.hlc,
    winningHlc: c.winningHlc,
    changeId: c.changeId ?? undefined,
    author: c.author ?? undefined,
    detectedAt: Date.now(),
    resolved: 0,
  }));
  const known = await db.conflicts.bulkGet(rows.map((r) => r.id));
  const fresh = rows.filter((_, index) => !known[index]);
  await db.conflicts.bulkAdd(fresh);
  return fresh.length;
}
