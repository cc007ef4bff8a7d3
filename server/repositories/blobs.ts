import type { Kysely } from 'kysely';
import { advisoryXactLock } from '../db/advisory-lock';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';

export async function findBlob(db: Kysely<Database>, sha256: string): Promise<{ size: number } | undefined> {
  return db.selectFrom('blobs').select('size').where('sha256', '=', sha256).executeTakeFirst();
}

export async function blobProjectIds(db: Kysely<Database>, sha256: string): Promise<string[]> {
  const rows = await db.selectFrom('blob_projects').select('project_id').where('sha256', '=', sha256).execute();
  return rows.map((r) => r.project_id);
}

export async function isBlobInProject(db: Kysely<Database>, sha256: string, projectId: string): Promise<boolean> {
  const row = await db
    .selectFrom('blob_projects')
    .select('sha256')
    .where('sha256', '=', sha256)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row !== undefined;
}

interface BlobRecord {
  sha256: string;
  size: number;
  projectId: string;
  now: number;
}

/** Records a stored, verified blob and that it belongs to a project (both idempotent). */
export async function recordBlob(db: Kysely<Database>, input: BlobRecord): Promise<void> {
  await db
    .insertInto('blobs')
    .values({ sha256: input.sha256, size: input.size, created_at: input.now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  await db
    .insertInto('blob_projects')
    .values({ sha256: input.sha256, project_id: input.projectId, created_at: input.now })
    .onConflict((oc) => oc.columns(['sha256', 'project_id']).doNothing())
    .execute();
}

/** Whether the user is a member of at least one project the blob belongs to. */
export async function userMayReadBlob(db: Kysely<Database>, sha256: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('blob_projects')
    .innerJoin('memberships', 'memberships.project_id', 'blob_projects.project_id')
    .select('blob_projects.sha256')
    .where('blob_projects.sha256', '=', sha256)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Bytes of the attachments stored for a project (a blob shared with another project counts for both). */
export async function projectBlobBytes(db: Kysely<Database>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('blob_projects')
    .innerJoin('blobs', 'blobs.sha256', 'blob_projects.sha256')
    .select((eb) => eb.fn.sum<number | string | null>('blobs.size').as('bytes'))
    .where('blob_projects.project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

export type QuotaOutcome = { recorded: true } | { recorded: false; usedBytes: number };

/**
 * Records the blob for the project unless that takes the project past `quotaBytes`. The sum and
 * the insert are one transaction, serialised per project: on PostgreSQL by an advisory lock every
 * node sees, on SQLite by its one writer (BEGIN IMMEDIATE). Two uploads finishing at once near
 * the limit therefore cannot both pass, which the check before the first byte alone allowed.
 * A blob the project already has costs nothing.
 */
export async function recordBlobWithinQuota(
  store: Store,
  input: BlobRecord,
  quotaBytes: number,
): Promise<QuotaOutcome> {
  return store.transaction(async (trx) => {
    if (store.dialect === 'postgres') await advisoryXactLock(trx, `fieldbook-quota:${input.projectId}`);
    if (await isBlobInProject(trx, input.sha256, input.projectId)) return { recorded: true };
    const usedBytes = await projectBlobBytes(trx, input.projectId);
    if (usedBytes + input.size > quotaBytes) return { recorded: false, usedBytes };
    await recordBlob(trx, input);
    return { recorded: true };
  });
}
