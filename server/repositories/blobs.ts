import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

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

/** Records a stored, verified blob and that it belongs to a project (both idempotent). */
export async function recordBlob(
  db: Kysely<Database>,
  input: { sha256: string; size: number; projectId: string; now: number },
): Promise<void> {
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
