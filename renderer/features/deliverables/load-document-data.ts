import type { ProjectDocumentData } from '../../../shared/documents/catalogue';
import { type FieldsOf, recordTypes, type TableName } from '../../../shared/records';
import type { FieldbookDb } from '../../data/db';
import { ensureBlob } from '../../data/sync/blob-transfer';
import type { SyncHttp } from '../../data/sync/sync-http';

type Row<K extends keyof ProjectDocumentData> =
  NonNullable<ProjectDocumentData[K]> extends readonly (infer R)[] ? R : never;

type SingletonTable = 'feasibility' | 'sla' | 'charter' | 'cutoverPlan' | 'serviceDesign';

/**
 * A project's singleton record as the documents and 阶段准备情况 read it: parsed by its schema,
 * null until someone starts it (or when its schema refuses it).
 */
export async function loadSingleton<T extends SingletonTable>(
  db: FieldbookDb,
  table: T,
  projectId: string,
): Promise<FieldsOf<T> | null> {
  const row = await db.table(table).get(projectId);
  if (!row || row.deleted) return null;
  const parsed = recordTypes[table].fields.safeParse(row);
  return parsed.success ? (parsed.data as FieldsOf<T>) : null;
}

/** Everything the Word deliverables read about one project, straight from the device's database. */
export async function loadDocumentData(db: FieldbookDb, projectId: string): Promise<ProjectDocumentData> {
  const rows = <T>(table: TableName) =>
    db
      .table(table)
      .where('projectId')
      .equals(projectId)
      .filter((r) => !r.deleted)
      .toArray() as Promise<T[]>;
  const singleton = <T extends SingletonTable>(table: T) => loadSingleton(db, table, projectId);
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('项目不存在');
  const [
    members,
    assets,
    surveySessions,
    stakeholders,
    requirements,
    risks,
    planTasks,
    milestones,
    feasibility,
    sla,
    charter,
    checklistTemplates,
    inspections,
    inspectionResults,
    rectifications,
    trainingSessions,
    pilotRuns,
    cutoverPlan,
    serviceDesign,
    patrolPlans,
    patrolEntries,
    shiftHandovers,
    incidents,
    changeRecords,
    opsLogs,
    documentExports,
  ] = await Promise.all([
    rows<ProjectDocumentData['members'][number]>('members'),
    rows<ProjectDocumentData['assets'][number]>('assets'),
    rows<ProjectDocumentData['surveySessions'][number]>('surveySessions'),
    rows<ProjectDocumentData['stakeholders'][number]>('stakeholders'),
    rows<ProjectDocumentData['requirements'][number]>('requirements'),
    rows<ProjectDocumentData['risks'][number]>('risks'),
    rows<ProjectDocumentData['planTasks'][number]>('planTasks'),
    rows<ProjectDocumentData['milestones'][number]>('milestones'),
    singleton('feasibility'),
    singleton('sla'),
    singleton('charter'),
    rows<Row<'checklistTemplates'>>('checklistTemplates'),
    rows<Row<'inspections'>>('inspections'),
    rows<Row<'inspectionResults'>>('inspectionResults'),
    rows<Row<'rectifications'>>('rectifications'),
    rows<Row<'trainingSessions'>>('trainingSessions'),
    rows<Row<'pilotRuns'>>('pilotRuns'),
    singleton('cutoverPlan'),
    singleton('serviceDesign'),
    rows<Row<'patrolPlans'>>('patrolPlans'),
    rows<Row<'patrolEntries'>>('patrolEntries'),
    rows<Row<'shiftHandovers'>>('shiftHandovers'),
    rows<Row<'incidents'>>('incidents'),
    rows<Row<'changeRecords'>>('changeRecords'),
    rows<Row<'opsLogs'>>('opsLogs'),
    rows<Row<'documentExports'>>('documentExports'),
  ]);
  return {
    ...{
      project,
      members,
      assets,
      surveySessions,
      stakeholders,
      requirements,
      risks,
      planTasks,
      milestones,
      feasibility,
      sla,
      charter,
    },
    ...{ checklistTemplates, inspections, inspectionResults, rectifications, trainingSessions, pilotRuns, cutoverPlan },
    ...{
      serviceDesign,
      patrolPlans,
      patrolEntries,
      shiftHandovers,
      incidents,
      changeRecords,
      opsLogs,
      documentExports,
    },
  } as ProjectDocumentData;
}

/** The bytes of the photos a document shows, fetched from the server when this device lacks them. */
export async function loadDocumentFiles(
  db: FieldbookDb,
  hashes: string[],
  projectId: string,
  http: SyncHttp | null,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const sha256 of hashes) {
    const blob = await ensureBlob(db, http, sha256, projectId).catch(() => null);
    if (blob) files.set(sha256, new Uint8Array(await blob.arrayBuffer()));
  }
  return files;
}
