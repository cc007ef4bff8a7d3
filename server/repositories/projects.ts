import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MemberRole } from '../../shared/roles';
import type { Database } from '../db/schema';

export type { MemberRole } from '../../shared/roles';

export interface Project {
  id: string;
  code: string;
  name: string;
  lastSeq: number;
  createdAt: number;
  createdBy: string | null;
}

export interface ProjectWithRole {
  id: string;
  code: string;
  name: string;
  role: MemberRole;
  bundleKey: string;
}

export async function insertProject(
  db: Kysely<Database>,
  input: { id: string; code: string; name: string; now: number; createdBy: string | null },
): Promise<Project> {
  await db
    .insertInto('projects')
    .values({
      id: input.id,
      code: input.code,
      name: input.name,
      last_seq: 0,
      created_at: input.now,
      created_by: input.createdBy,
    })
    .execute();
  return {
    id: input.id,
    code: input.code,
    name: input.name,
    lastSeq: 0,
    createdAt: input.now,
    createdBy: input.createdBy,
  };
}

export async function findProject(db: Kysely<Database>, id: string): Promise<Project | undefined> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      code: row.code,
      name: row.name,
      lastSeq: row.last_seq,
      createdAt: row.created_at,
      createdBy: row.created_by,
    }
  );
}

export async function findProjectsByCode(db: Kysely<Database>, code: string): Promise<Project[]> {
  const rows = await db.selectFrom('projects').selectAll().where('code', '=', code).execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }));
}

export async function upsertMembership(
  db: Kysely<Database>,
  input: { projectId: string; userId: string; role: MemberRole; now: number },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ project_id: input.projectId, user_id: input.userId, role: input.role, created_at: input.now })
    .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role: input.role }))
    .execute();
}

export async function deleteMembership(db: Kysely<Database>, projectId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The projects a user is a member of, with the role and the project's bundle key, by code. */
export async function projectsOfUser(db: Kysely<Database>, userId: string): Promise<ProjectWithRole[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('projects', 'projects.id', 'memberships.project_id')
    .select(['projects.id', 'projects.code', 'projects.name', 'projects.bundle_key', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('projects.code')
    .orderBy('projects.id')
    .execute();
  const out: ProjectWithRole[] = [];
  for (const row of rows)
    out.push({
      id: row.id,
      code: row.code,
      name: row.name,
      role: row.role as MemberRole,
      bundleKey: row.bundle_key ?? (await bundleKeyOf(db, row.id)),
    });
  return out;
}

/**
 * The project's bundle key, made on first use: 32 random bytes as hex. Set only where none is
 * yet, then read back, so two requests at once agree on one key.
 */
export async function bundleKeyOf(db: Kysely<Database>, projectId: string): Promise<string> {
  await db
    .updateTable('projects')
    .set({ bundle_key: randomBytes(32).toString('hex') })
    .where('id', '=', projectId)
    .where('bundle_key', 'is', null)
    .execute();
  const row = await db
    .selectFrom('projects')
    .select('bundle_key')
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  return row.bundle_key!;
}

export async function isMember(db: Kysely<Database>, userId: string, projectId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ProjectListing extends Project {
  members: Array<{ userId: string; username: string; displayName: string; role: MemberRole }>;
}

export async function listProjectsWithMembers(db: Kysely<Database>): Promise<ProjectListing[]> {
  const projects = await db.selectFrom('projects').selectAll().orderBy('code').orderBy('id').execute();
  const members = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.project_id',
      'memberships.role',
      'users.id as user_id',
      'users.username',
      'users.display_name',
    ])
    .orderBy('users.username')
    .execute();
  return projects.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    createdBy: row.created_by,
    members: members
      .filter((m) => m.project_id === row.id)
      .map((m) => ({
        userId: m.user_id,
        username: m.username,
        displayName: m.display_name,
        role: m.role as MemberRole,
      })),
  }));
}
