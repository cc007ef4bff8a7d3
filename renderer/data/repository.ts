import type { Table } from 'dexie';
import { type StoredRow, sameValue } from '../../shared/change-log';
import type { HybridLogicalClock } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { type InputOf, type RowOf, type TableName, isSingleton, recordTypes } from '../../shared/records';
import { applyRecordDefaults } from '../../shared/records/defaults';
import { issueOnField } from '../../shared/records/issue-message';
import type { FieldIssue } from '../../shared/records/record-type';
import { changeRefusalOf, type MemberRole } from '../../shared/roles';
import { roleRefusalText } from '../i18n/role-refusal';
import type { ChangeRow, FieldbookDb } from './db';
import { pushedUpTo } from './outbox';
import { serverRoleOf, serverRoles } from './sync/server-roles';

/** A write refused by the schema: nothing was stored. The messages are for the user. */
export class RecordValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => issue.message).join('；'));
    this.name = 'RecordValidationError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`找不到记录 (${table} ${id})`);
    this.name = 'RecordNotFoundError';
  }
}

export interface WriteIdentity {
  deviceId: string;
  clock: HybridLogicalClock;
  /** Who is writing, as shown in history. */
  author(): string;
}

export type ProjectScopedTable = Exclude<TableName, 'projects'>;

export type WriteOp =
  | { kind: 'create'; table: ProjectScopedTable; projectId: string; values: Record<string, unknown>; id?: string }
  | { kind: 'update'; table: TableName; id: string; patch: Record<string, unknown> }
  | { kind: 'remove'; table: TableName; id: string };

interface PlannedWrite {
  row: StoredRow;
  change: ChangeRow | null;
  /** The row before this write; undefined for a new row. */
  before?: StoredRow;
}

/**
 * The only way rows are written. Each write validates against the record type's schema, then
 * stores the row and appends exactly one change entry in the same Dexie transaction, so the
 * change log (audit trail, sync, transfer by file) can never miss or invent a write.
 */
export class Repository {
  constructor(
    readonly db: FieldbookDb,
    private readonly identity: WriteIdentity,
  ) {}

  get deviceId(): string {
    return this.identity.deviceId;
  }

  async createProject(values: InputOf<'projects'>): Promise<RowOf<'projects'>> {
    const id = newId();
    return this.db.transaction('rw', this.db.projects, this.db.changes, this.db.meta, async () => {
      const [, roles] = await Promise.all([this.stampAfterPushed(), serverRoles(this.db)]);
      const planned = this.planCreate('projects', id, id, values);
      await this.commit('projects', [planned], roles);
      return planned.row as unknown as RowOf<'projects'>;
    });
  }

  async create<T extends ProjectScopedTable>(table: T, projectId: string, values: InputOf<T>): Promise<RowOf<T>> {
    const [row] = await this.writeMany([{ kind: 'create', table, projectId, values }]);
    return row as RowOf<T>;
  }

  /**
   * `basedOn`: the row as the caller holds it (a form's row, read from the database). When it is
   * still the stored row, the write need not wait for a read before its put (see updateFrom);
   * when it is not, or is not given, the row is read first.
   */
  async update<T extends TableName>(
    table: T,
    id: string,
    patch: Partial<InputOf<T>>,
    basedOn?: RowOf<T>,
  ): Promise<RowOf<T>> {
    if (basedOn && basedOn.id === id && !lockOf(table)) {
      const written = await this.updateFrom(table, basedOn as unknown as StoredRow, patch);
      if (written) return written as unknown as RowOf<T>;
    }
    const [row] = await this.writeMany([{ kind: 'update', table, id, patch }]);
    return row as RowOf<T>;
  }

  /**
   * An update planned on the row the caller holds, its checks made together with its writes:
   * the stored row, the push watermark and the roles are read in the same transaction, asked
   * for before the put and the change entry's add and all sent at once (IndexedDB runs a
   * transaction's requests in order, so the read sees the row before this put). If the stored
   * row is not `basedOn` (another tab, a pull or a repair wrote it since), or the stamp is not
   * after the watermark, the transaction is aborted before it commits — nothing is stored —
   * and undefined tells the caller to read and plan again. So the outcome is the same as
   * reading first; a write saves the read's round trip to the database before its put.
   * Undefined too when the plan on `basedOn` changes nothing or fails validation: only the
   * stored row can say whether that holds.
   */
  private async updateFrom(
    table: TableName,
    basedOn: StoredRow,
    patch: Record<string, unknown>,
  ): Promise<StoredRow | undefined> {
    let write: PlannedWrite;
    try {
      write = this.planUpdate(table, basedOn, patch);
    } catch (error) {
      if (error instanceof RecordValidationError) return undefined;
      throw error;
    }
    const change = write.change;
    if (!change) return undefined;
    const stale = new Error('stale base row');
    try {
      return await this.db.transaction('rw', [this.table(table), this.db.changes, this.db.meta], async () => {
        const checked = Promise.all([
          this.table(table).get(basedOn.id),
          pushedUpTo(this.db),
          // The row's own project's role: one key, not the range of every project's.
          serverRoleOf(this.db, change.projectId),
        ]).then(([stored, watermark, role]) => {
          if (!stored || !sameStoredRow(stored, basedOn) || change.hlc <= watermark) throw stale;
          this.assertRoleAllows(table, [write], new Map(role ? [[change.projectId, role]] : []));
        });
        await Promise.all([checked, this.table(table).put(write.row), this.db.changes.add(change)]);
        return write.row;
      });
    } catch (error) {
      if (error === stale) return undefined;
      throw error;
    }
  }

  async remove(table: TableName, id: string): Promise<void> {
    await this.writeMany([{ kind: 'remove', table, id }]);
  }

  /**
   * Writes the project's one row of a singleton type (SLA, charter …): creates it on first
   * write, recording only the fields given, else updates it.
   */
  async saveSingleton<T extends ProjectScopedTable>(
    table: T,
    projectId: string,
    values: Partial<InputOf<T>>,
  ): Promise<RowOf<T>> {
    if (!isSingleton(table)) throw new Error(`${table} is not a singleton record type`);
    return this.saveKeyed(table, projectId, projectId, values);
  }

  /**
   * Writes a row whose id is derived from what it is (an inspection result: inspection + item):
   * creates it on first write, recording only the fields given, else updates it. Two devices
   * doing this offline end up with one row merged field by field.
   */
  async saveKeyed<T extends ProjectScopedTable>(
    table: T,
    id: string,
    projectId: string,
    values: Partial<InputOf<T>>,
  ): Promise<RowOf<T>> {
    const type = recordTypes[table] as { singleton?: boolean; keyed?: boolean };
    if (!type.singleton && !type.keyed) throw new Error(`${table} rows are not keyed`);
    return this.db.transaction(
      'rw',
      [this.table(table), this.db.changes, this.db.meta, this.db.projects, ...this.parentTables([table])],
      async () => {
        const [existing, , roles] = await Promise.all([
          this.table(table).get(id),
          this.stampAfterPushed(),
          serverRoles(this.db),
        ]);
        if (existing && existing.projectId !== projectId)
          throw new RecordValidationError([{ field: 'projectId', message: '该记录属于另一个项目' }]);
        const op: WriteOp = existing
          ? { kind: 'update', table, id, patch: values }
          : { kind: 'create', table, projectId, values, id };
        await this.assertParentsUnlocked([op], new Map(existing ? [[`${table}:${id}`, existing]] : []));
        if (existing) {
          const write = this.planUpdate(table, existing, values);
          await this.commit(table, [write], roles);
          return write.row as unknown as RowOf<T>;
        }
        await this.assertProjectsWritable([op]);
        const write = this.planCreate(table, id, projectId, values, Object.keys(values));
        await this.commit(table, [write], roles);
        // The row holds only what this write set; the caller gets it as a reader would.
        return applyRecordDefaults(table, { ...write.row }) as unknown as RowOf<T>;
      },
    );
  }

  /** Several writes, all or nothing, one change entry each (an import, a batch edit). */
  async writeMany(ops: readonly WriteOp[]): Promise<StoredRow[]> {
    const names = [...new Set(ops.map((op) => op.table))];
    const tables = [...names.map((name) => this.table(name)), ...this.parentTables(names)];
    return this.db.transaction(
      'rw',
      [...new Set(tables), this.db.changes, this.db.meta, this.db.projects],
      async () => {
        const [, existing, , roles] = await Promise.all([
          this.assertProjectsWritable(ops),
          this.loadExisting(ops),
          this.stampAfterPushed(),
          serverRoles(this.db),
        ]);
        // Most types have no parent that locks them: no check to wait for.
        if (ops.some((op) => lockOf(op.table))) await this.assertParentsUnlocked(ops, existing);
        const planned: Array<{ table: TableName; write: PlannedWrite }> = [];
        // Later ops in the batch see the rows earlier ops produced.
        const current = new Map(existing);
        for (const op of ops) {
          const write = this.plan(op, current);
          current.set(`${op.table}:${write.row.id}`, write.row);
          planned.push({ table: op.table, write });
        }
        const names = new Set(planned.map((p) => p.table));
        await Promise.all(
          [...names].map((name) =>
            this.commit(
              name,
              planned.filter((p) => p.table === name).map((p) => p.write),
              roles,
            ),
          ),
        );
        return planned.map((p) => p.write.row);
      },
    );
  }

  private plan(op: WriteOp, current: Map<string, StoredRow>): PlannedWrite {
    if (op.kind === 'create') return this.planCreate(op.table, op.id ?? newId(), op.projectId, op.values);
    const row = current.get(`${op.table}:${op.id}`);
    if (!row) throw new RecordNotFoundError(op.table, op.id);
    if (op.kind === 'update') return this.planUpdate(op.table, row, op.patch);
    return this.planRemove(op.table, row);
  }

  /** `recordOnly`: the fields this create writes (all of them unless given); the rest are defaults. */
  private planCreate(
    table: TableName,
    id: string,
    projectId: string,
    values: Record<string, unknown>,
    recordOnly?: string[],
  ): PlannedWrite {
    const fields = validate(table, values);
    const written = recordOnly ? Object.fromEntries(recordOnly.map((field) => [field, fields[field]])) : fields;
    const hlc = this.identity.clock.now();
    const fieldHlc = Object.fromEntries(Object.keys(written).map((field) => [field, hlc]));
    // Unwritten fields are not stored either: every device holds the same row, and readers
    // apply the schema's defaults.
    const row: StoredRow = { ...written, id, projectId, deleted: false, fieldHlc };
    return { row, change: this.changeFor(table, row, written, hlc) };
  }

  private planUpdate(table: TableName, existing: StoredRow, patch: Record<string, unknown>): PlannedWrite {
    if (existing.deleted) throw new RecordValidationError([{ field: '', message: '该记录已被删除，不能再修改' }]);
    const before = fieldsOf(table, existing);
    const fields = validate(table, { ...before, ...patch });
    const changed = Object.keys(patch).filter((field) => !sameValue(fields[field], existing[field]));
    if (changed.length === 0) return { row: existing, change: null };
    const transition = recordTypes[table].transition as ((a: unknown, b: unknown) => FieldIssue[]) | undefined;
    const refused = transition?.(recordTypes[table].fields.parse(before), fields) ?? [];
    if (refused.length > 0) throw new RecordValidationError(refused);
    const hlc = this.identity.clock.now();
    const values = Object.fromEntries(changed.map((field) => [field, fields[field]]));
    const row: StoredRow = {
      ...existing,
      ...values,
      fieldHlc: { ...existing.fieldHlc, ...Object.fromEntries(changed.map((field) => [field, hlc])) },
    };
    return { row, change: this.changeFor(table, row, values, hlc), before: existing };
  }

  private planRemove(table: TableName, existing: StoredRow): PlannedWrite {
    if (existing.deleted) return { row: existing, change: null };
    const hlc = this.identity.clock.now();
    const row: StoredRow = { ...existing, deleted: true, fieldHlc: { ...existing.fieldHlc, deleted: hlc } };
    return { row, change: this.changeFor(table, row, { deleted: true }, hlc), before: existing };
  }

  private changeFor(table: TableName, row: StoredRow, fields: Record<string, unknown>, hlc: string): ChangeRow {
    return {
      changeId: newId(),
      projectId: row.projectId,
      table,
      rowId: row.id,
      fields,
      hlc,
      author: this.identity.author(),
      deviceId: this.identity.deviceId,
    };
  }

  /**
   * Stores the rows and their change entries. Both requests are made at once: IndexedDB runs a
   * transaction's requests in the order they were made, and a write need not wait for its row's
   * put to come back before adding the entry (one round trip to the database less; in Chromium
   * each is a message to the browser process). A failed request still aborts the whole
   * transaction.
   */
  private async commit(
    table: TableName,
    writes: PlannedWrite[],
    roles: ReadonlyMap<string, MemberRole>,
  ): Promise<void> {
    const effective = writes.filter((write) => write.change !== null);
    if (effective.length === 0) return;
    // The last write to a row in a batch holds every field it touched.
    const rows =
      effective.length === 1
        ? [effective[0]!.row]
        : [...new Map(effective.map((write) => [write.row.id, write.row])).values()];
    const changes = effective.map((write) => write.change as ChangeRow);
    this.assertRoleAllows(table, effective, roles);
    await Promise.all([
      rows.length === 1 ? this.table(table).put(rows[0]!) : this.table(table).bulkPut(rows),
      changes.length === 1 ? this.db.changes.add(changes[0]!) : this.db.changes.bulkAdd(changes),
    ]);
  }

  /**
   * Refuses what the user's role in the project may not write (shared/roles.ts), as the server
   * would: the same table, checked before anything is stored. A project without a server role
   * (only on this device) allows everything. `roles` were read in this write's transaction.
   */
  private assertRoleAllows(
    table: TableName,
    writes: readonly PlannedWrite[],
    roles: ReadonlyMap<string, MemberRole>,
  ): void {
    for (const write of writes) {
      const change = write.change!;
      const refusal = changeRefusalOf(roles.get(change.projectId), table, change.fields, write.before);
      // In the UI language (a refusal is not a validation message the English UI could read back).
      if (refusal) throw new RecordValidationError([{ field: '', message: roleRefusalText(refusal) }]);
    }
  }

  /**
   * Makes this transaction's timestamps later than the push watermark (see outbox.ts): a change
   * stamped at or below it would count as sent. Read in the write's own transaction, so it
   * orders against the transaction that moves the watermark; another tab's clock may lag.
   */
  private stampAfterPushed(): Promise<void> {
    return pushedUpTo(this.db).then((watermark) => {
      if (watermark) this.identity.clock.observe(watermark);
    });
  }

  /** The rows the updates and removals change, one bulkGet per table, all asked for at once. */
  private loadExisting(ops: readonly WriteOp[]): Promise<Map<string, StoredRow>> {
    const byTable = new Map<TableName, string[]>();
    for (const op of ops) {
      if (op.kind === 'create') continue;
      byTable.set(op.table, [...(byTable.get(op.table) ?? []), op.id]);
    }
    const found = new Map<string, StoredRow>();
    const reads = [...byTable].map(([table, ids]) =>
      this.table(table)
        .bulkGet(ids)
        .then((rows) => rows.forEach((row) => row && found.set(`${table}:${row.id}`, row))),
    );
    return Promise.all(reads).then(() => found);
  }

  /** The tables holding the parents that can lock rows of these tables. */
  private parentTables(names: TableName[]): Table<StoredRow, string>[] {
    return names.flatMap((name) => {
      const lock = lockOf(name);
      return lock && lock.table !== name ? [this.table(lock.table as TableName)] : [];
    });
  }

  /** Refuses writes to rows whose parent is locked (the results of a signed inspection). */
  private async assertParentsUnlocked(ops: readonly WriteOp[], existing: Map<string, StoredRow>): Promise<void> {
    for (const op of ops) {
      const lock = lockOf(op.table);
      if (!lock) continue;
      const parentId =
        op.kind === 'create' ? op.values[lock.field] : existing.get(`${op.table}:${op.id}`)?.[lock.field];
      if (typeof parentId !== 'string' || parentId === '') continue;
      const parent = await this.table(lock.table as TableName).get(parentId);
      if (parent && lock.isLocked(parent)) throw new RecordValidationError([{ field: '', message: lock.message }]);
    }
  }

  /** A row may only be added to a project that exists here and is not deleted. Nothing to wait for without creates. */
  private assertProjectsWritable(ops: readonly WriteOp[]): Promise<void> | undefined {
    const projectIds = [...new Set(ops.flatMap((op) => (op.kind === 'create' ? [op.projectId] : [])))];
    if (projectIds.length === 0) return undefined;
    return this.db.projects.bulkGet(projectIds).then((projects) => {
      projects.forEach((project, index) => {
        if (!project || project.deleted) {
          throw new RecordValidationError([
            { field: 'projectId', message: `项目不存在或已删除 (${projectIds[index]})` },
          ]);
        }
      });
    });
  }

  private table(name: TableName): Table<StoredRow, string> {
    return this.db.table(name);
  }
}

interface ParentLock {
  table: string;
  field: string;
  isLocked(parent: Record<string, unknown>): boolean;
  message: string;
}

/** The parent whose state can lock rows of this table (the inspection of a result), if any. */
function lockOf(table: TableName): ParentLock | undefined {
  return (recordTypes[table] as { lockedBy?: ParentLock }).lockedBy;
}

/** Keys the database derives from a row's fields when it stores it (list-key.ts, sort-keys.ts). */
const derivedKeys = new Set(['live', 'sortKey']);

/** Whether two rows hold the same values and stamps (what the database derives from them aside). */
function sameStoredRow(a: StoredRow, b: StoredRow): boolean {
  let keys = 0;
  for (const key in a) {
    if (derivedKeys.has(key)) continue;
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
    keys += 1;
  }
  for (const key in b) if (!derivedKeys.has(key)) keys -= 1;
  return keys === 0;
}

function fieldsOf(table: TableName, row: StoredRow): Record<string, unknown> {
  const shape = recordTypes[table].fields.shape;
  return Object.fromEntries(
    Object.keys(shape)
      .filter((field) => field in row)
      .map((field) => [field, row[field]]),
  );
}

/** Checks values against the record type: unknown fields, each field's schema, then cross-field rules. */
export function validate(table: TableName, values: Record<string, unknown>): Record<string, unknown> {
  const type = recordTypes[table];
  const shape = type.fields.shape as Record<string, unknown>;
  const unknown = Object.keys(values).filter((field) => !Object.hasOwn(shape, field));
  if (unknown.length > 0) {
    throw new RecordValidationError(unknown.map((field) => ({ field, message: `未知字段: ${field}` })));
  }
  const parsed = type.fields.safeParse(values);
  if (!parsed.success) {
    throw new RecordValidationError(parsed.error.issues.map((issue) => issueOnField(type.fields, values, issue)));
  }
  const rules = type.rules as ((row: unknown) => FieldIssue[]) | undefined;
  const ruleIssues = rules?.(parsed.data) ?? [];
  if (ruleIssues.length > 0) throw new RecordValidationError(ruleIssues);
  return parsed.data as Record<string, unknown>;
}
