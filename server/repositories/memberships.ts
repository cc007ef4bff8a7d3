import type { Kysely } from 'kysely';
import type { MemberRole } from '../../shared/roles';
import type { ProjectMember } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

/** The caller's role in a project, or undefined when not a member. */
export async function roleIn(db: Kysely<Database>, userId: string, projectId: string): Promise<MemberRole | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.role as MemberRole | undefined;
}

/** A project's members with their accounts, by username. */
export async function membersOf(db: Kysely<Database>, projectId: string): Promise<ProjectMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'memberships.role'])
    .where('memberships.project_id', '=', projectId)
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as MemberRole,
  }));
}

/** How many project managers the project has: it must keep one, or nobody could manage it again. */
export async function managerCount(db: Kysely<Database>, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'pm')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
