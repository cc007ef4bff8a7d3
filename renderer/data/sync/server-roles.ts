import type { MemberRole } from '../../../shared/roles';
import type { FieldbookDb } from '../db';

/**
 * The signed-in user's role in each project the server lists (GET /v1/projects), kept after
 * every round: what the app hides or disables, and what the repository refuses, by the role
 * table (shared/roles.ts). A project without a stored role (one that only lives on this
 * device, or before its first sync) keeps every right.
 */
const PREFIX = 'role:';
const roleKey = (projectId: string) => `${PREFIX}${projectId}`;

export async function serverRoleOf(db: FieldbookDb, projectId: string): Promise<MemberRole | undefined> {
  const stored = await db.meta.get(roleKey(projectId));
  return typeof stored?.value === 'string' ? (stored.value as MemberRole) : undefined;
}

/**
 * Every stored role by project, in one range read: a write asks for it beside its other reads,
 * not after them (a request of its own, waited for before the put, cost every write a round trip).
 */
export async function serverRoles(db: FieldbookDb): Promise<Map<string, MemberRole>> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return new Map(
    rows
      .filter((row) => typeof row.value === 'string')
      .map((row) => [row.key.slice(PREFIX.length), row.value as MemberRole]),
  );
}

/** Stores the roles the server lists and forgets those of projects it no longer lists. */
export async function keepServerRoles(
  db: FieldbookDb,
  projects: ReadonlyArray<{ id: string; role: MemberRole }>,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const listed = new Set(projects.map((p) => roleKey(p.id)));
    const stale = (await db.meta.where('key').startsWith(PREFIX).primaryKeys()).filter((key) => !listed.has(key));
    if (stale.length) await db.meta.bulkDelete(stale);
    if (projects.length) await db.meta.bulkPut(projects.map((p) => ({ key: roleKey(p.id), value: p.role })));
  });
}
