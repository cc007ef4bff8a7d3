import type { ProjectDocumentData } from '../../../shared/documents';
import { recordTypes, type TableName } from '../../../shared/records';
import type { FieldbookDb } from '../../data/db';
import { ensureBlob } from '../../data/sync/blob-transfer';
import type { SyncHttp } from '../../data/sync/sync-http';

type Row<K extends keyof ProjectDocumentData> = NonNullable<ProjectDocumentData[K]> extends readonly (infer R)[] ? R : never;

/** Everything the Word deliverables read about one project, straight from the device's database. */
export async function loadDocumentData(db: FieldbookDb, projectId: string): Promise<ProjectDocumentData> {
  const rows = <T,>(table: TableName) => db.table(table).where('projectId').equals(projectId).filter((r) => !r.deleted).toArray() as Promise<T[]>;
  // Singletons store only the fields someone wrote: the documents read them with the defaults.
  const singleton = async <T extends 'feasibility' | 'sla' | 'charter' | 'cutoverPlan' | 'serviceDesign'>(table: T) => {
    const row = await db.table(table).get(projectId);
    if (!row || row.deleted) return null;
    const parsed = recordTypes[table].fields.safeParse(row);
    return parsed.success ? parsed.data : null;
  };
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
    ...{ project, members, assets, surveySessions, stakeholders, requirements, risks, planTasks, milestones, feasibility, sla, charter },
    ...{ checklistTemplates, inspections, inspectionResults, rectifications, trainingSessions, pilotRuns, cutoverPlan },
    ...{ serviceDesign, patrolPlans, patrolEntries, shiftHandovers, incidents, changeRecords, opsLogs, documentExports },
  } as ProjectDocumentData;
}

/** The bytes of the photos a document shows, fetched from the server when this device lacks them. */
export async function loadDocumentFiles(db: FieldbookDb, hashes: string[], projectId: string, http: SyncHttp | null): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const sha256 of hashes) {
    const blob = await ensureBlob(db, http, sha256, projectId).catch(() => null);
    if (blob) files.set(sha256, new Uint8Array(await blob.arrayBuffer()));
  }
  return files;
}
