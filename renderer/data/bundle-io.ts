import type { HybridLogicalClock } from '../../shared/hlc';
import { tableNames } from '../../shared/records';
import { blobRefsOf } from '../../shared/attachments';
import { type BundleBlob, decodeBundle, encodeBundle, type SignatureStatus } from '../../shared/sync/bundle';
import type { FieldbookDb } from './db';
import { queueForRelay } from './outbox';
import { applyRemoteChanges, syncTables } from './sync/apply-remote';
import { bundleKeyOf } from './sync/bundle-keys';
import { wireChange } from './sync/sync-engine';

/**
 * One project as a bundle file: every change of its log, its current rows and its attachments,
 * signed with the project's bundle key when this device has synced it (sync/bundle-keys.ts).
 */
export async function exportProjectBundle(db: FieldbookDb, projectId: string, exportedBy: string): Promise<Uint8Array> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('项目不存在');
  const changes = (await db.changes.where('projectId').equals(projectId).sortBy('hlc')).map(wireChange);
  const rows: Array<Record<string, unknown>> = [];
  for (const table of tableNames) {
    for (const row of await db.table(table).where('projectId').equals(projectId).toArray())
      rows.push({ table, ...row });
  }
  const shas = new Set(changes.flatMap((change) => blobRefsOf(change.fields)));
  const blobs: BundleBlob[] = [];
  for (const sha256 of shas) {
    const blob = await db.blobs.get(sha256);
    if (blob) blobs.push({ sha256, type: blob.type, bytes: new Uint8Array(await blob.bytes.arrayBuffer()) });
  }
  return encodeBundle(
    {
      manifest: {
        projectId,
        projectName: `${project.code} ${project.name}`,
        exportedAt: new Date().toISOString(),
        exportedBy,
      },
      changes,
      rows,
      blobs,
    },
    { key: await bundleKeyOf(db, projectId) },
  );
}

export interface BundleImportResult {
  projectId: string;
  projectName: string;
  applied: number;
  known: number;
  conflicts: number;
  /** Whether the file's signature was checked against the project's key ('valid'), could not be ('unverified': no key here), or it has none. */
  signature: SignatureStatus;
}

/**
 * Merges a bundle into this device with the same field-level rules as sync: importing twice
 * changes nothing, importing into an empty app restores the project. Changes new to this device
 * are queued for the server too, so a device that has a network can relay field data.
 */
export async function importProjectBundle(
  db: FieldbookDb,
  clock: HybridLogicalClock,
  bytes: Uint8Array,
): Promise<BundleImportResult> {
  const bundle = await decodeBundle(bytes, (projectId) => bundleKeyOf(db, projectId));
  const changes = [...bundle.changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  return db.transaction('rw', [...syncTables(db), db.blobs], async () => {
    const outcome = await applyRemoteChanges(db, clock, changes);
    if (outcome.stoppedAt) throw new Error(`数据包中有无法导入的修改：${outcome.stoppedAt.reason}`);
    await queueForRelay(db, outcome.added);
    for (const blob of bundle.blobs) {
      if (!(await db.blobs.get(blob.sha256))) {
        await db.blobs.put({
          sha256: blob.sha256,
          type: blob.type,
          size: blob.bytes.byteLength,
          bytes: new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: blob.type }),
          pendingUpload: 1,
        });
      }
    }
    return {
      projectId: bundle.manifest.projectId,
      projectName: bundle.manifest.projectName,
      applied: outcome.applied,
      known: outcome.known,
      conflicts: outcome.conflicts,
      signature: bundle.signature,
    };
  });
}
