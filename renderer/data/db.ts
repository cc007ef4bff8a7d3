import Dexie, { type Table } from 'dexie';
import type { Change } from '../../shared/change-log';
import { type RowOf, type TableName, tableNames } from '../../shared/records';
import { applyRecordDefaults, lacksDefaults } from '../../shared/records/defaults';
import { withListKey } from './list-key';
import { withSortKeys } from './sort-keys';
import type { RejectionCode } from '../../shared/sync/protocol';

/** A change as kept on the device. */
export interface ChangeRow extends Change {
  /** The server's sequence number, for changes pulled from it. */
  seq?: number;
  /** Why the server refused it for good; such a change leaves the queue but stays here, visible. */
  rejected?: { code: RejectionCode; reason: string; at: number };
  /** Before version 8: 1 while the change waited to be pushed (see outbox.ts for what says so now). */
  pending?: 1;
}

/** Another device's change that came in a bundle, queued to be relayed to the server (by hlc). */
export interface RelayRow {
  hlc: string;
  changeId: string;
  projectId: string;
}

/** A change the server refused for good: out of the queue, listed until the user deals with it. */
export interface RefusedRow {
  changeId: string;
  projectId: string;
  code: RejectionCode;
  reason: string;
  at: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A value that lost a field-level merge on this device; the user can restore it. */
export interface ConflictRow {
  /** table:rowId:field:losing hlc, so the same loss seen twice is kept once. */
  id: string;
  projectId: string;
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  hlc: string;
  winningHlc: string;
  changeId?: string;
  author?: string;
  detectedAt: number;
  /** 1 once the user restored or dismissed it. */
  resolved: 0 | 1;
}

/** An attachment's bytes, stored once per content hash. */
export interface BlobRow {
  sha256: string;
  type: string;
  size: number;
  bytes: Blob;
  /** 1 until the server has confirmed it holds these bytes. */
  pendingUpload?: 1;
}

/** Unsent changes of a project this user was removed from, kept aside for export. */
export interface OrphanedChangeRow extends ChangeRow {
  orphanedAt: number;
  projectName: string;
}

/**
 * Sets `live` on every row written to a record table, whoever writes it (repository, sync,
 * import), and stores the schema's defaults of the fields nobody wrote, so every row is in the
 * indexes of its defaulted columns (a rectification saved without a status is still 待整改).
 */
const recordTables = new Set<string>(tableNames);
const listKeyMiddleware: Parameters<Dexie['use']>[0] = {
  stack: 'dbcore',
  name: 'fieldbook-list-key',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (!recordTables.has(name)) return table;
      return {
        ...table,
        mutate: (request) =>
          request.type === 'add' || request.type === 'put'
            ? table.mutate({
                ...request,
                values: request.values.map((row) =>
                  withSortKeys(
                    name,
                    withListKey(applyRecordDefaults(name as TableName, { ...(row as Record<string, unknown>) })),
                  ),
                ),
              })
            : table.mutate(request),
      };
    },
  }),
};

/**
 * The device's database. Every schema change is a new version below with its upgrade; never
 * edit a version that has shipped. Rows are written only through repository.ts.
 */
export class FieldbookDb extends Dexie {
  projects!: Table<RowOf<'projects'>, string>;
  members!: Table<RowOf<'members'>, string>;
  assets!: Table<RowOf<'assets'>, string>;
  surveySessions!: Table<RowOf<'surveySessions'>, string>;
  stakeholders!: Table<RowOf<'stakeholders'>, string>;
  requirements!: Table<RowOf<'requirements'>, string>;
  feasibility!: Table<RowOf<'feasibility'>, string>;
  risks!: Table<RowOf<'risks'>, string>;
  sla!: Table<RowOf<'sla'>, string>;
  charter!: Table<RowOf<'charter'>, string>;
  planTasks!: Table<RowOf<'planTasks'>, string>;
  milestones!: Table<RowOf<'milestones'>, string>;
  documentExports!: Table<RowOf<'documentExports'>, string>;
  checklistTemplates!: Table<RowOf<'checklistTemplates'>, string>;
  inspections!: Table<RowOf<'inspections'>, string>;
  inspectionResults!: Table<RowOf<'inspectionResults'>, string>;
  rectifications!: Table<RowOf<'rectifications'>, string>;
  trainingSessions!: Table<RowOf<'trainingSessions'>, string>;
  pilotRuns!: Table<RowOf<'pilotRuns'>, string>;
  cutoverPlan!: Table<RowOf<'cutoverPlan'>, string>;
  serviceDesign!: Table<RowOf<'serviceDesign'>, string>;
  patrolPlans!: Table<RowOf<'patrolPlans'>, string>;
  patrolEntries!: Table<RowOf<'patrolEntries'>, string>;
  shiftHandovers!: Table<RowOf<'shiftHandovers'>, string>;
  incidents!: Table<RowOf<'incidents'>, string>;
  changeRecords!: Table<RowOf<'changeRecords'>, string>;
  opsLogs!: Table<RowOf<'opsLogs'>, string>;
  changes!: Table<ChangeRow, string>;
  meta!: Table<MetaRow, string>;
  conflicts!: Table<ConflictRow, string>;
  blobs!: Table<BlobRow, string>;
  orphanedChanges!: Table<OrphanedChangeRow, string>;
  relay!: Table<RelayRow, string>;
  refused!: Table<RefusedRow, string>;

  constructor(name = 'fieldbook') {
    super(name);
    this.version(1).stores({
      projects: 'id, projectId, code',
      members: 'id, projectId',
      // One index per sortable column of the asset table, each behind projectId so a project's
      // list is a range scan; optional text fields default to '' so every row is in every index.
      assets:
        'id, projectId, [projectId+name], [projectId+type], [projectId+hostname], [projectId+serialNumber], [projectId+model], [projectId+room], [projectId+criticality]',
      changes: 'changeId, [table+rowId], projectId, hlc',
      meta: 'key',
    });
    // Version 2: sync. The outbox is the set of changes marked pending (a sparse index), so
    // nothing is copied or deleted when a change is sent.
    this.version(2)
      .stores({
        changes: 'changeId, [table+rowId], projectId, hlc, [pending+hlc], rejected.at',
        conflicts: 'id, [projectId+resolved], [table+rowId]',
        blobs: 'sha256, pendingUpload',
        orphanedChanges: 'changeId, projectId',
      })
      .upgrade(async (tx) => {
        // Everything written before sync existed is unsent.
        await tx
          .table<ChangeRow, string>('changes')
          .toCollection()
          .modify((change) => {
            change.pending = 1;
          });
      });
    // Version 3: list indexes keyed by `live` (see list-key.ts), which tombstones lack, so a
    // list's count and pages come straight from an index without walking deleted rows.
    this.version(3)
      .stores({
        assets:
          'id, projectId, [live+name], [live+type], [live+hostname], [live+serialNumber], [live+model], [live+room], [live+criticality]',
        members: 'id, projectId, [live+name]',
        projects: 'id, projectId, code, live',
      })
      .upgrade(async (tx) => {
        // The record tables as they were at version 3 (later versions add their own).
        for (const name of ['projects', 'members', 'assets']) {
          await tx
            .table(name)
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              Object.assign(row, withListKey(row));
              if (row.deleted) delete row.live;
            });
        }
      });
    // Version 4: phase 一 records (survey, stakeholders, requirements, feasibility, risks, SLA,
    // charter, plan). Singletons (feasibility, sla, charter) are keyed by their project's id.
    this.version(4).stores({
      surveySessions: 'id, projectId, [live+startAt]',
      stakeholders: 'id, projectId, [live+name]',
      requirements: 'id, projectId, [live+code], [live+status]',
      feasibility: 'id, projectId',
      risks: 'id, projectId, [live+status]',
      sla: 'id, projectId',
      charter: 'id, projectId',
      planTasks: 'id, projectId, [live+start]',
      milestones: 'id, projectId, [live+dueDate]',
    });
    // Version 5: the record of every Word export (version numbers, 修订记录).
    this.version(5).stores({
      documentExports: 'id, projectId, [projectId+docType]',
    });
    // Version 6: phase 三: checklist templates, inspections and their results, rectifications,
    // training, pilot runs and the cutover plan. Results are found by inspection and by verdict
    // (the non-conformity list reads the failed ones of a project from the index).
    this.version(6).stores({
      checklistTemplates: 'id, projectId, familyId, [live+name]',
      inspections: 'id, projectId, [live+batch], assetId, templateId',
      inspectionResults: 'id, projectId, inspectionId, [live+verdict]',
      rectifications: 'id, projectId, inspectionId, [live+status]',
      trainingSessions: 'id, projectId, [live+date]',
      pilotRuns: 'id, projectId, [live+start]',
      cutoverPlan: 'id, projectId',
    });
    // Version 7: phase 四. A patrol entry is one asset in one round holding all its readings, so
    // a day is one row per asset, a month a few thousand, and an asset's year a few hundred:
    // [planId+round] opens a round, [assetId+date] an asset's trend, [planId+date] a month.
    this.version(7).stores({
      serviceDesign: 'id, projectId',
      patrolPlans: 'id, projectId, [live+name]',
      patrolEntries: 'id, projectId, [planId+round], [assetId+date], [planId+date]',
      shiftHandovers: 'id, projectId, [planId+round]',
      incidents: 'id, projectId, [live+reportedAt], [live+status], assetId',
      changeRecords: 'id, projectId, [live+state]',
      opsLogs: 'id, projectId, [live+doneAt]',
    });
    // Version 8: what waits to be pushed is no longer a flag on each change entry (which the
    // server's answer made us rewrite) but a watermark over this device's own changes on
    // [deviceId+hlc] plus a small relay table (see outbox.ts); refused changes get a table of
    // their own. The change log keeps only indexes every entry has.
    this.version(8)
      .stores({
        changes: 'changeId, [table+rowId], projectId, hlc, [deviceId+hlc]',
        relay: 'hlc',
        refused: 'changeId, projectId',
      })
      .upgrade(async (tx) => {
        const deviceId = (await tx.table<MetaRow, string>('meta').get('deviceId'))?.value;
        const changes = tx.table<ChangeRow, string>('changes');
        const relay: RelayRow[] = [];
        const refused: RefusedRow[] = [];
        let firstOwnPending: string | undefined;
        await changes
          .filter((change) => change.pending === 1 || change.rejected !== undefined)
          .modify((change) => {
            if (change.pending === 1 && change.deviceId === deviceId) {
              if (firstOwnPending === undefined || change.hlc < firstOwnPending) firstOwnPending = change.hlc;
            } else if (change.pending === 1) {
              relay.push({ hlc: change.hlc, changeId: change.changeId, projectId: change.projectId });
            }
            if (change.rejected)
              refused.push({ changeId: change.changeId, projectId: change.projectId, ...change.rejected });
            delete change.pending;
          });
        // Settled: every own change before the first one still queued (all of them if none is).
        if (typeof deviceId === 'string') {
          const own = changes.where('[deviceId+hlc]');
          const lastSettled =
            firstOwnPending === undefined
              ? await own.between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey]).last()
              : await own.between([deviceId, Dexie.minKey], [deviceId, firstOwnPending], true, false).last();
          if (lastSettled) await tx.table<MetaRow, string>('meta').put({ key: 'pushedUpTo', value: lastSettled.hlc });
        }
        await tx.table<RelayRow, string>('relay').bulkAdd(relay);
        await tx.table<RefusedRow, string>('refused').bulkAdd(refused);
      });
    // Version 9: rows of keyed types saved before defaults were stored (a result answered
    // without a verdict, a rectification without a status) get them, so their [live+…] indexes
    // hold them. No index changes; the write middleware below does the filling.
    this.version(9).upgrade(async (tx) => {
      for (const name of ['inspectionResults', 'rectifications'] as const) {
        await tx
          .table(name)
          .filter((row: Record<string, unknown>) => lacksDefaults(name, row))
          .modify((row: Record<string, unknown>) => {
            applyRecordDefaults(name, row);
          });
      }
    });
    // Version 10: the asset table's text columns sort naturally ("R2" before "R10", "26" before
    // "141"): their indexes hold a sort key the write middleware derives (see sort-keys.ts).
    this.version(10)
      .stores({
        assets:
          'id, projectId, [live+name], [live+type], [live+criticality], [live+sortKey.name], [live+sortKey.hostname], [live+sortKey.serialNumber], [live+sortKey.model], [live+sortKey.room]',
      })
      .upgrade(async (tx) => {
        await tx
          .table('assets')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, withSortKeys('assets', row));
          });
      });
    this.use(listKeyMiddleware);
    // Rows are read as their schema promises (RowOf<T>): fields a stored row lacks (a keyed
    // row's first write records only what it set; rows from before a field existed) get the
    // schema's default. Dexie runs this hook on get, bulkGet and every collection read.
    for (const name of tableNames) {
      this.table(name).hook('reading', (row: Record<string, unknown>) => applyRecordDefaults(name, row));
    }
  }
}
