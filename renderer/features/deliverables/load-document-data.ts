import type { ProjectDocumentData } from '../../../shared/documents/catalogue';
import { type FieldsOf, recordTypes, type TableName } from '../../../shared/records';
import type { FieldbookDb } from '../../data/db';
import { ensureBlob } from '../../data/sync/blob-transfer';
import type { SyncHttp } from '../../data/sync/sync-http';

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

/** The project's record collections the documents read (rows not deleted). */
const collectionTables = [
  'members',
  'assets',
  'surveySessions',
  'stakeholders',
  'requirements',
  'risks',
  'planTasks',
  'milestones',
  'checklistTemplates',
  'inspections',
  'inspectionResults',
  'rectifications',
  'trainingSessions',
  'pilotRuns',
  'patrolPlans',
  'patrolEntries',
  'shiftHandovers',
  'incidents',
  'changeRecords',
  'opsLogs',
  'documentExports',
] as const satisfies readonly (keyof ProjectDocumentData & TableName)[];

const singletonTables = [
  'feasibility',
  'sla',
  'charter',
  'cutoverPlan',
  'serviceDesign',
] as const satisfies readonly SingletonTable[];

/** Fails to compile when ProjectDocumentData gains a field neither list loads. */
type Unloaded = Exclude<
  keyof ProjectDocumentData,
  'project' | (typeof collectionTables)[number] | (typeof singletonTables)[number]
>;
export const everyDocumentFieldLoaded: [Unloaded] extends [never] ? true : Unloaded = true;

/** Everything the Word deliverables read about one project, straight from the device's database. */
export async function loadDocumentData(db: FieldbookDb, projectId: string): Promise<ProjectDocumentData> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('项目不存在');
  const [collections, singletons] = await Promise.all([
    Promise.all(
      collectionTables.map((table) =>
        db
          .table(table)
          .where('projectId')
          .equals(projectId)
          .filter((row: { deleted?: boolean }) => !row.deleted)
          .toArray(),
      ),
    ),
    Promise.all(singletonTables.map((table) => loadSingleton(db, table, projectId))),
  ]);
  const data: Partial<Record<keyof ProjectDocumentData, unknown>> = { project };
  collectionTables.forEach((table, i) => (data[table] = collections[i]));
  singletonTables.forEach((table, i) => (data[table] = singletons[i]));
  return data as ProjectDocumentData;
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
