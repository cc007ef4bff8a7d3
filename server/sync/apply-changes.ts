import type { Kysely } from 'kysely';
import { type Change, mergeChangeIntoRow, type StoredRow } from '../../shared/change-log';
import { hlcDevice, hlcMillis } from '../../shared/hlc';
import { MAX_CLOCK_AHEAD_MS, type PushResult, type RejectionCode } from '../../shared/sync/protocol';
import type { TableName } from '../../shared/records';
import { changeRefusal, type MemberRole } from '../../shared/roles';
import { changeFieldsProblem } from '../../shared/sync/validate-change';
import type { Store } from '../db/store';
import type { ChangesTable, ConflictsTable, Database, RowsTable } from '../db/schema';
import { readRowState, writeRowState } from './row-state';
import { digestAfterRowWrites } from './state-digest';

/** Who delivers a batch: a logged-in user (membership checked) or the administrator importing a bundle. */
export type Actor = { kind: 'user'; userId: string; username: string } | { kind: 'admin' };

/** What the merge knows about the value a change is about to replace. */
export interface ReplacedWrite {
  projectId: string;
  /** seq of the change that wrote the replaced value. */
  seq: number;
  hlc: string;
  change: Change;
  /** True when the replaced value was stored before this batch began (not written by it). */
  beforeBatch: boolean;
}

/**
 * Whether the author of `change` had not seen the value it replaces (so that value is kept as a
 * conflict). Overwriting a value one has seen is an ordinary edit.
 */
export type ConcurrencyRule = (replaced: ReplacedWrite) => boolean;

/**
 * For a push: the writer of each change had pulled up to `byChange` of its change id, or else
 * the pusher each project up to `seen[projectId]`. A value written at a higher seq by another
 * device was not seen. Without either every other device's value counts as unseen: more
 * conflicts kept, never one lost.
 */
export function unseenByPusher(
  seen: Readonly<Record<string, number>>,
  byChange?: ReadonlyMap<string, number>,
): ConcurrencyRule {
  return ({ projectId, seq, hlc, change }) =>
    seq > (byChange?.get(change.changeId) ?? seen[projectId] ?? 0) && hlcDevice(hlc) !== change.deviceId;
}

export interface ApplyOptions {
  /** The server clock (ms) at the start of the batch: the reference for clock_ahead. */
  now: number;
  /** Which replaced values were written concurrently; defaults to unseenByPusher({}). */
  replacedIsConcurrent?: ConcurrencyRule;
  /** Told about each project a user registered by pushing its row. */
  onProjectRegistered?: (event: { projectId: string; code: string; name: string; actor: Actor }) => void;
  /**
   * All or nothing: when any change is rejected, nothing is written (BatchRefused is thrown and
   * the transaction rolled back). For an administrator's import; a push answers per change.
   */
  allOrNothing?: boolean;
  /** Runs inside the transaction after every write, before COMMIT: more writes of the same transaction; tests inject failures and pauses here. */
  beforeCommit?: (info: { applied: number; trx: Kysely<Database> }) => Promise<void> | void;
}

/** Thrown by an allOrNothing batch with rejected changes: what was refused, and why. */
export class BatchRefused extends Error {
  constructor(readonly rejected: Array<Extract<PushResult, { status: 'rejected' }>>) {
    super(`${rejected.length} 条修改被拒绝 / ${rejected.length} change(s) refused`);
  }
}

export interface ApplyOutcome {
  results: PushResult[];
  applied: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  registeredProjects: string[];
}

interface RowState {
  projectId: string;
  row: StoredRow;
  /** Per field, the seq of the change that wrote its value. */
  fieldSeqs: Record<string, number>;
  lastSeq: number;
  dirty: boolean;
}

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;
/** Rows per multi-row INSERT: a whole push (≤ 500 changes) in one statement per table. */
const INSERT_CHUNK = 500;

function reject(change: Change, code: RejectionCode, reason: string, retryable = false): PushResult {
  return { changeId: change.changeId, status: 'rejected', code, reason, retryable };
}

/** Checks that need no database: the change's fields and its timestamp against the server clock. */
function problemBeforeDatabase(change: Change, now: number): PushResult | null {
  const problem = changeFieldsProblem(change);
  if (problem) return reject(change, 'invalid', problem);
  const aheadMs = hlcMillis(change.hlc) - now;
  if (aheadMs > MAX_CLOCK_AHEAD_MS) {
    const minutes = Math.ceil(aheadMs / 60_000);
    return reject(
      change,
      'clock_ahead',
      `设备时钟比服务器快约 ${minutes} 分钟：请把这台设备的日期和时间校准（开启自动对时）后再同步，修改会保留并自动重试。`,
      true,
    );
  }
  return null;
}

/**
 * Applies a batch of changes in ONE transaction, exactly the same way for a push and for a
 * bundle import: each change is merged field by field into the server's current row
 * (mergeChangeIntoRow: the later hlc wins, the device id inside it breaks ties), every value
 * that lost to a concurrent write (see ConcurrencyRule) is kept in `conflicts`, and each
 * accepted change is appended to the change log with the next sequence number of its project.
 * A change already in the log is a duplicate (same seq again), so a retried batch changes
 * nothing. A rejected change does not fail the batch.
 *
 * Sequence numbers become visible in order: the transaction locks the counter rows of the
 * projects it writes (SELECT … FOR UPDATE, in sorted order) before numbering, so concurrent
 * batches of one project commit in the order of their numbers. SQLite runs one writer at a time.
 */
export async function applyChanges(
  store: Store,
  actor: Actor,
  changes: readonly Change[],
  options: ApplyOptions,
): Promise<ApplyOutcome> {
  const early = changes.map((change) => problemBeforeDatabase(change, options.now));
  const registered: Array<{ projectId: string; code: string; name: string }> = [];
  const outcome = await store.transaction(
    async (trx) => {
      registered.length = 0;
      return applyInTransaction(trx, store.dialect, actor, changes, early, options, registered);
    },
    { retries: 3 },
  );
  for (const project of registered) options.onProjectRegistered?.({ ...project, actor });
  return { ...outcome, registeredProjects: registered.map((p) => p.projectId) };
}

async function applyInTransaction(
  trx: Kysely<Database>,
  dialect: Store['dialect'],
  actor: Actor,
  changes: readonly Change[],
  early: ReadonlyArray<PushResult | null>,
  options: ApplyOptions,
  registered: Array<{ projectId: string; code: string; name: string }>,
): Promise<Omit<ApplyOutcome, 'registeredProjects'>> {
  const now = options.now;
  const candidates = changes.filter((_, i) => early[i] === null);
  const rowIds = [...new Set(candidates.map((c) => c.rowId))];

  // 1. The counters of the projects the changes name, read and, on PostgreSQL, locked (FOR
  //    UPDATE, in sorted order: no deadlock between batches) before anything else is read.
  //    No other counter can be needed: a change is only written to its own project (a stored
  //    row of another project makes it a project_mismatch below; a row's project never changes).
  const counters = new Map<string, number>();
  const digests = new Map<string, string>();
  const lockCounters = async (projectIds: string[]) => {
    for (const ids of chunks(projectIds, 500)) {
      let query = trx
        .selectFrom('projects')
        .select(['id', 'last_seq', 'state_digest'])
        .where('id', 'in', ids)
        .orderBy('id');
      if (dialect === 'postgres') query = query.forUpdate();
      for (const p of await query.execute()) {
        counters.set(p.id, p.last_seq);
        digests.set(p.id, p.state_digest);
      }
    }
  };
  await lockCounters([...new Set(candidates.map((c) => c.projectId))].sort());

  // 2. A 'projects' row the server has never seen registers that project (field work starts
  //    offline); the pushing user becomes its project manager.
  const newProjectRows = new Map<string, Change>();
  for (const c of candidates) {
    if (c.table === 'projects' && !counters.has(c.rowId) && !newProjectRows.has(c.rowId))
      newProjectRows.set(c.rowId, c);
  }
  const newProjects = [...newProjectRows.keys()].sort();
  for (const projectId of newProjects) {
    const change = newProjectRows.get(projectId)!;
    const code = typeof change.fields.code === 'string' ? change.fields.code.trim() : '';
    const name = typeof change.fields.name === 'string' ? change.fields.name.trim() : '';
    const inserted = await trx
      .insertInto('projects')
      .values({
        id: projectId,
        code,
        name,
        last_seq: 0,
        created_at: now,
        created_by: actor.kind === 'user' ? actor.userId : null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue; // registered by a concurrent batch: an ordinary existing project now
    if (actor.kind === 'user') {
      await trx
        .insertInto('memberships')
        .values({ project_id: projectId, user_id: actor.userId, role: 'pm', created_at: now })
        .execute();
    }
    registered.push({ projectId, code, name });
  }
  // The counters of the projects just registered (here or by a concurrent batch), locked too.
  if (newProjects.length) await lockCounters(newProjects);
  const startCounters = new Map(counters);

  // 3. Everything else, read under those locks.
  const rowStates = new Map<string, RowState>();
  /** Each row as stored before this batch: the project digest takes its hash out when it is rewritten. */
  const storedRows = new Map<string, StoredRow>();
  for (const ids of chunks(rowIds, 500)) {
    for (const r of await trx.selectFrom('rows').selectAll().where('row_id', 'in', ids).execute()) {
      const state: RowState = {
        projectId: r.project_id,
        ...readRowState(r.data, r.field_writes),
        lastSeq: r.last_seq,
        dirty: false,
      };
      rowStates.set(rowKey(r.table_name, r.row_id), state);
      storedRows.set(rowKey(r.table_name, r.row_id), state.row);
    }
  }
  const logged = new Map<string, { seq: number; projectId: string }>();
  for (const ids of chunks([...new Set(changes.map((c) => c.changeId))], 500)) {
    for (const r of await trx
      .selectFrom('changes')
      .select(['change_id', 'seq', 'project_id'])
      .where('change_id', 'in', ids)
      .execute()) {
      logged.set(r.change_id, { seq: r.seq, projectId: r.project_id });
    }
  }
  /** The pusher's role per project it is a member of (a role the table does not know allows nothing). */
  const roleIn = new Map<string, string>();
  if (actor.kind === 'user') {
    for (const m of await trx
      .selectFrom('memberships')
      .select(['project_id', 'role'])
      .where('user_id', '=', actor.userId)
      .execute())
      roleIn.set(m.project_id, m.role);
  }
  const mayWrite = (projectId: string) => actor.kind === 'admin' || roleIn.has(projectId);
  const isConcurrent = options.replacedIsConcurrent ?? unseenByPusher({});

  // 4. Merge, in the order of the batch.
  const results: PushResult[] = [];
  const changeRows: ChangesTable[] = [];
  const conflictRows: Array<Omit<ConflictsTable, 'id'>> = [];
  /** Conflicts whose stored side is known by seq only: its change id is looked up after the merge. */
  const storedSides: Array<{
    conflict: Omit<ConflictsTable, 'id'>;
    column: 'change_id' | 'winning_change_id';
    seq: number;
  }> = [];
  const batchChangeIds = new Map<string, string>();
  /** Per project, the code and name its row's merge changed: only those go to its columns. */
  const projectNames = new Map<string, { code?: string; name?: string }>();
  let applied = 0;
  let duplicates = 0;
  let rejected = 0;
  for (const [index, change] of changes.entries()) {
    const already = logged.get(change.changeId);
    if (already) {
      if (!mayWrite(already.projectId)) {
        results.push(reject(change, 'forbidden', '你不是该项目的成员，不能同步它的数据'));
        rejected += 1;
      } else {
        results.push({ changeId: change.changeId, status: 'duplicate', seq: already.seq });
        duplicates += 1;
      }
      continue;
    }
    const earlyResult = early[index];
    if (earlyResult) {
      results.push(earlyResult);
      rejected += 1;
      continue;
    }
    const key = rowKey(change.table, change.rowId);
    const state = rowStates.get(key);
    if (state && state.projectId !== change.projectId) {
      results.push(
        reject(change, 'project_mismatch', '服务器上这条记录属于另一个项目；记录不能移到别的项目，请在原项目中修改。'),
      );
      rejected += 1;
      continue;
    }
    const projectId = state?.projectId ?? change.projectId;
    const counter = counters.get(projectId);
    if (counter === undefined || !mayWrite(projectId)) {
      results.push(
        reject(
          change,
          'forbidden',
          counter === undefined ? '服务器上没有这个项目，或你不是它的成员' : '你不是该项目的成员，不能同步它的数据',
        ),
      );
      rejected += 1;
      continue;
    }
    // The author's role: the same table the device hides its controls by (shared/roles.ts).
    const refusal =
      actor.kind === 'user'
        ? changeRefusal(roleIn.get(projectId) as MemberRole, change.table as TableName, change.fields, state?.row)
        : null;
    if (refusal) {
      results.push(reject(change, 'forbidden', refusal));
      rejected += 1;
      continue;
    }

    const seq = counter + 1;
    counters.set(projectId, seq);
    const merged = mergeChangeIntoRow(state?.row, change, (field, replacedHlc) =>
      isConcurrent({
        projectId,
        seq: state?.fieldSeqs[field] ?? 0,
        hlc: replacedHlc,
        change,
        beforeBatch: (state?.fieldSeqs[field] ?? 0) <= (startCounters.get(projectId) ?? 0),
      }),
    );
    for (const loser of merged.losers) {
      // Either this change's value lost to the stored one, or the stored value it replaced did.
      const storedSeq = state?.fieldSeqs[loser.field];
      const conflict: Omit<ConflictsTable, 'id'> = {
        project_id: projectId,
        table_name: change.table,
        row_id: change.rowId,
        field: loser.field,
        value: JSON.stringify(loser.value === undefined ? null : loser.value),
        hlc: loser.hlc,
        change_id: loser.incomingLost ? change.changeId : null,
        winning_hlc: loser.winningHlc,
        winning_change_id: loser.incomingLost ? null : change.changeId,
        seq,
        created_at: now,
      };
      conflictRows.push(conflict);
      if (storedSeq !== undefined)
        storedSides.push({ conflict, column: loser.incomingLost ? 'winning_change_id' : 'change_id', seq: storedSeq });
    }
    if (state === undefined || merged.appliedFields.length > 0) {
      const fieldSeqs = { ...state?.fieldSeqs };
      for (const field of merged.appliedFields) fieldSeqs[field] = seq;
      rowStates.set(key, { projectId, row: merged.row, fieldSeqs, lastSeq: seq, dirty: true });
    }
    if (change.table === 'projects') {
      // A partial edit writes only what it set: a name-only edit never blanks the code.
      const names = projectNames.get(projectId) ?? {};
      for (const field of ['code', 'name'] as const) {
        if (merged.appliedFields.includes(field) && typeof merged.row[field] === 'string')
          names[field] = (merged.row[field] as string).trim();
      }
      if (names.code !== undefined || names.name !== undefined) projectNames.set(projectId, names);
    }
    changeRows.push({
      project_id: projectId,
      seq,
      change_id: change.changeId,
      table_name: change.table,
      row_id: change.rowId,
      fields: JSON.stringify(change.fields),
      hlc: change.hlc,
      author: change.author,
      device_id: change.deviceId,
      pushed_by: actor.kind === 'user' ? actor.userId : null,
      received_at: now,
    });
    logged.set(change.changeId, { seq, projectId });
    batchChangeIds.set(`${projectId}:${seq}`, change.changeId);
    results.push({ changeId: change.changeId, status: 'applied', seq });
    applied += 1;
  }

  if (options.allOrNothing && rejected > 0) {
    throw new BatchRefused(
      results.filter((r): r is Extract<PushResult, { status: 'rejected' }> => r.status === 'rejected'),
    );
  }

  // 5. Write: the log, the rows, the losers, the counters.
  for (const batch of chunks(changeRows, INSERT_CHUNK)) await trx.insertInto('changes').values(batch).execute();
  const dirtyRows: RowsTable[] = [];
  for (const [key, state] of rowStates) {
    if (!state.dirty) continue;
    const [table, rowId] = key.split('\u0000') as [string, string];
    dirtyRows.push({
      table_name: table,
      row_id: rowId,
      project_id: state.projectId,
      ...writeRowState(state.row, state.fieldSeqs),
      last_seq: state.lastSeq,
      updated_at: now,
    });
  }
  for (const batch of chunks(dirtyRows, INSERT_CHUNK)) {
    await trx
      .insertInto('rows')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['row_id', 'table_name']).doUpdateSet((eb) => ({
          data: eb.ref('excluded.data'),
          field_writes: eb.ref('excluded.field_writes'),
          last_seq: eb.ref('excluded.last_seq'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  if (storedSides.length) await fillStoredSides(trx, storedSides, batchChangeIds);
  for (const batch of chunks(conflictRows, INSERT_CHUNK)) await trx.insertInto('conflicts').values(batch).execute();
  const rewritten = [...rowStates].filter(([, state]) => state.dirty);
  const newDigests = digestAfterRowWrites(
    digests,
    rewritten.map(([key, state]) => ({
      table: key.split('\u0000')[0]!,
      projectId: state.projectId,
      before: storedRows.get(key),
      after: state.row,
    })),
  );
  for (const [projectId, lastSeq] of counters) {
    if (lastSeq !== startCounters.get(projectId)) {
      await trx
        .updateTable('projects')
        .set({ last_seq: lastSeq, state_digest: newDigests.get(projectId) ?? digests.get(projectId)! })
        .where('id', '=', projectId)
        .execute();
    }
  }
  for (const [projectId, names] of projectNames) {
    await trx.updateTable('projects').set(names).where('id', '=', projectId).execute();
  }
  await options.beforeCommit?.({ applied, trx });
  return { results, applied, duplicates, rejected, conflicts: conflictRows.length };
}

/**
 * The change ids of the stored sides of conflicts, known by seq: written earlier in this batch,
 * or read from the log by (project, seq), its primary key.
 */
async function fillStoredSides(
  trx: Kysely<Database>,
  sides: ReadonlyArray<{
    conflict: Omit<ConflictsTable, 'id'>;
    column: 'change_id' | 'winning_change_id';
    seq: number;
  }>,
  changeIds: Map<string, string>,
): Promise<void> {
  const missing = new Map<string, Set<number>>();
  for (const { conflict, seq } of sides) {
    if (changeIds.has(`${conflict.project_id}:${seq}`)) continue;
    let seqs = missing.get(conflict.project_id);
    if (!seqs) missing.set(conflict.project_id, (seqs = new Set()));
    seqs.add(seq);
  }
  for (const [projectId, seqs] of missing) {
    for (const some of chunks([...seqs], 500)) {
      const found = await trx
        .selectFrom('changes')
        .select(['seq', 'change_id'])
        .where('project_id', '=', projectId)
        .where('seq', 'in', some)
        .execute();
      for (const r of found) changeIds.set(`${projectId}:${r.seq}`, r.change_id);
    }
  }
  for (const { conflict, column, seq } of sides)
    conflict[column] = changeIds.get(`${conflict.project_id}:${seq}`) ?? null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
