import { memberRoleSchema } from '../../shared/sync/protocol';
import { BundleError, decodeBundle, type SignatureStatus } from '../../shared/sync/bundle';
import { hasNul, NUL_MESSAGE } from '../../shared/change-log';
import { hlcDevice } from '../../shared/hlc';
import { newId, uuidPattern } from '../../shared/ids';
import { hashPassword, passwordProblem, type ScryptCost } from '../auth/passwords';
import type { BlobStore } from '../blobs/blob-store';
import type { Store } from '../db/store';
import { recordBlob } from '../repositories/blobs';
import {
  deleteMembership,
  findProject,
  findProjectsByCode,
  insertProject,
  listProjectsWithMembers,
  type MemberRole,
  type Project,
  type ProjectListing,
  upsertMembership,
} from '../repositories/projects';
import { revokeUserSessions } from '../repositories/sessions';
import {
  findUserByUsername,
  insertUser,
  listUsers as listUserRows,
  normalizeUsername,
  setUserDisabled,
  updatePasswordHash,
  type User,
} from '../repositories/users';
import { applyChanges, BatchRefused, type ConcurrencyRule } from '../sync/apply-changes';
import { serverChange } from '../sync/server-change';

/**
 * What `npm run server:admin` does, as functions over an open Store: the CLI (admin/cli.ts)
 * and the tests call exactly these. Failures throw AdminError with a Chinese + English message.
 */
export class AdminError extends Error {}

export const memberRoles = memberRoleSchema.options;
const usernamePattern = /^[\p{L}\p{N}._@-]{1,100}$/u;

async function requireUser(store: Store, username: string): Promise<User> {
  const user = await findUserByUsername(store.db, username);
  if (!user) throw new AdminError(`没有用户 ${username} / no user ${username}`);
  return user;
}

/** A project by its id, or by its code when that is unambiguous. */
export async function resolveProject(store: Store, idOrCode: string): Promise<Project> {
  if (uuidPattern.test(idOrCode)) {
    const project = await findProject(store.db, idOrCode);
    if (!project) throw new AdminError(`没有项目 ${idOrCode} / no project ${idOrCode}`);
    return project;
  }
  const matches = await findProjectsByCode(store.db, idOrCode);
  if (matches.length === 0) throw new AdminError(`没有编号为 ${idOrCode} 的项目 / no project with code ${idOrCode}`);
  if (matches.length > 1)
    throw new AdminError(
      `有多个项目编号为 ${idOrCode}，请用项目 id / several projects have code ${idOrCode}; use the id`,
    );
  return matches[0]!;
}

/** `passwordCost` lowers scrypt's cost for tests only (the CLI never sets it): the default is the OWASP one. */
export async function addUser(
  store: Store,
  input: { username: string; password: string; displayName?: string; now?: number; passwordCost?: ScryptCost },
): Promise<User> {
  const username = normalizeUsername(input.username);
  if (!usernamePattern.test(username))
    throw new AdminError(
      '用户名只能包含字母、数字和 . _ @ -（最多 100 个字符） / username: letters, digits, . _ @ - (max 100)',
    );
  const problem = passwordProblem(input.password);
  if (problem) throw new AdminError(problem);
  if (await findUserByUsername(store.db, username))
    throw new AdminError(`用户 ${username} 已存在 / user ${username} already exists`);
  const passwordHash = await hashPassword(input.password, input.passwordCost);
  const displayName = input.displayName?.trim() || username;
  if (hasNul(displayName)) throw new AdminError(NUL_MESSAGE);
  try {
    return await insertUser(store.db, { username, displayName, passwordHash, now: input.now ?? Date.now() });
  } catch {
    throw new AdminError(`用户 ${username} 已存在 / user ${username} already exists`);
  }
}

/** Sets a new password and logs the user out everywhere. */
export async function resetPassword(
  store: Store,
  input: { username: string; password: string; now?: number; passwordCost?: ScryptCost },
): Promise<{ revokedSessions: number }> {
  const user = await requireUser(store, input.username);
  const problem = passwordProblem(input.password);
  if (problem) throw new AdminError(problem);
  await updatePasswordHash(store.db, user.id, await hashPassword(input.password, input.passwordCost));
  return { revokedSessions: await revokeUserSessions(store.db, user.id, input.now ?? Date.now()) };
}

/** Disables (and logs out everywhere) or re-enables a user. Their changes stay. */
export async function setDisabled(
  store: Store,
  input: { username: string; disabled: boolean; now?: number },
): Promise<{ revokedSessions: number }> {
  const user = await requireUser(store, input.username);
  await setUserDisabled(store.db, user.id, input.disabled);
  return { revokedSessions: input.disabled ? await revokeUserSessions(store.db, user.id, input.now ?? Date.now()) : 0 };
}

/**
 * Creates a project. Made here, its row is logged as the first change of its project, stamped
 * by the server, so its members pull it like a project made on a device. `id` instead adopts
 * the id of a project created on a device before the server knew it: only registered, as that
 * device brings the row (with its own code and name) when it pushes.
 */
export async function addProject(
  store: Store,
  input: { code: string; name: string; customer?: string; id?: string; now?: number },
): Promise<Project> {
  const code = input.code.trim();
  const name = input.name.trim();
  const customer = input.customer?.trim();
  if (!code || code.length > 50)
    throw new AdminError('项目编号不能为空，最多 50 个字符 / project code: 1–50 characters');
  if (!name || name.length > 200)
    throw new AdminError('项目名称不能为空，最多 200 个字符 / project name: 1–200 characters');
  if (hasNul(code) || hasNul(name)) throw new AdminError(NUL_MESSAGE);
  const id = input.id?.trim().toLowerCase() ?? newId();
  if (!uuidPattern.test(id)) throw new AdminError(`项目 id 必须是 UUID / project id must be a UUID: ${input.id}`);
  if (await findProject(store.db, id)) throw new AdminError(`项目 ${id} 已存在 / project ${id} already exists`);
  const now = input.now ?? Date.now();
  if (input.id !== undefined) return insertProject(store.db, { id, code, name, now, createdBy: null });
  const fields = { code, name, ...(customer ? { customer } : {}) };
  try {
    await applyChanges(
      store,
      { kind: 'admin' },
      [serverChange({ projectId: id, table: 'projects', rowId: id, fields, now })],
      { now, allOrNothing: true },
    );
  } catch (error) {
    if (error instanceof BatchRefused) throw new AdminError(error.rejected.map((r) => r.reason).join('; '));
    throw error;
  }
  return (await findProject(store.db, id))!;
}

export async function addMember(
  store: Store,
  input: { project: string; username: string; role: string; now?: number },
): Promise<{ project: Project; user: User; role: MemberRole }> {
  const role = memberRoleSchema.safeParse(input.role);
  if (!role.success)
    throw new AdminError(`角色必须是 ${memberRoles.join(', ')} 之一 / role must be one of ${memberRoles.join(', ')}`);
  const project = await resolveProject(store, input.project);
  const user = await requireUser(store, input.username);
  await upsertMembership(store.db, {
    projectId: project.id,
    userId: user.id,
    role: role.data,
    now: input.now ?? Date.now(),
  });
  return { project, user, role: role.data };
}

export async function removeMember(
  store: Store,
  input: { project: string; username: string },
): Promise<{ project: Project; user: User }> {
  const project = await resolveProject(store, input.project);
  const user = await requireUser(store, input.username);
  if (!(await deleteMembership(store.db, project.id, user.id))) {
    throw new AdminError(
      `${user.username} 不是项目 ${project.code} 的成员 / ${user.username} is not a member of ${project.code}`,
    );
  }
  return { project, user };
}

export function listUsers(store: Store): Promise<User[]> {
  return listUserRows(store.db);
}

export function listProjects(store: Store): Promise<ProjectListing[]> {
  return listProjectsWithMembers(store.db);
}

export interface ImportSummary {
  projectId: string;
  projectName: string;
  /** True when this import made the project known to the server (then add members with add-member). */
  projectRegistered: boolean;
  changes: number;
  applied: number;
  duplicates: number;
  rejected: Array<{ changeId: string; code: string; reason: string }>;
  conflicts: number;
  blobs: number;
  /** The file's signature: checked against the project's key, not checkable here, or none. */
  signature: SignatureStatus;
}

/**
 * Imports a project bundle (shared/sync/bundle.ts) as the administrator, all or nothing like the
 * app's own import: its whole change log goes through applyChanges in ONE transaction, the very
 * code path of a push (same merge, conflicts, duplicates and numbering; no membership check),
 * and its attachments are recorded for the project in that transaction too. A change the
 * server refuses, or any failure, leaves the server as it was. Importing the same bundle again
 * changes nothing.
 */
export async function importBundle(
  store: Store,
  blobs: BlobStore,
  bytes: Uint8Array,
  options: { now?: () => number } = {},
): Promise<ImportSummary> {
  const now = options.now ?? Date.now;
  let bundle;
  try {
    // Signed bundles are checked against the project's key, when the server has made one.
    bundle = await decodeBundle(
      bytes,
      async (projectId) =>
        (await store.db.selectFrom('projects').select('bundle_key').where('id', '=', projectId).executeTakeFirst())
          ?.bundle_key ?? undefined,
    );
  } catch (error) {
    if (error instanceof BundleError) throw new AdminError(`${error.message} / not a valid project bundle`);
    throw error;
  }
  const { projectId, projectName } = bundle.manifest;
  // Verified bytes by content hash: harmless if the import below fails, so stored first.
  for (const blob of bundle.blobs) await blobs.putVerified(blob.sha256, blob.bytes);
  // Values already on the server before this import may not have been seen by whoever made the
  // bundle: overwriting one of them keeps it as a conflict. Within the bundle, the exporting
  // device had seen (and merged) everything, so its own history is not reported again. A
  // device's clock stamps `<deviceId>.<session>`: hlcDevice compares the device alone.
  const replacedIsConcurrent: ConcurrencyRule = ({ beforeBatch, hlc, change }) =>
    beforeBatch && hlcDevice(hlc) !== change.deviceId;
  const at = now();
  let outcome;
  try {
    outcome = await applyChanges(store, { kind: 'admin' }, bundle.changes, {
      now: at,
      replacedIsConcurrent,
      allOrNothing: true,
      beforeCommit: async ({ trx }) => {
        if (bundle.blobs.length > 0 && !(await findProject(trx, projectId)))
          throw new AdminError(`数据包没有项目 ${projectId} 的记录 / the bundle does not hold its project`);
        for (const blob of bundle.blobs)
          await recordBlob(trx, { sha256: blob.sha256, size: blob.bytes.byteLength, projectId, now: at });
      },
    });
  } catch (error) {
    if (error instanceof BatchRefused) {
      const lines = error.rejected.slice(0, 20).map((r) => `  ${r.changeId} [${r.code}] ${r.reason}`);
      const more = error.rejected.length > 20 ? [`  …${error.rejected.length - 20} more`] : [];
      throw new AdminError(
        [
          `数据包中有 ${error.rejected.length} 条修改不能导入，什么都没有导入 / ${error.rejected.length} change(s) refused, nothing imported:`,
          ...lines,
          ...more,
        ].join('\n'),
      );
    }
    throw error;
  }
  const rejected = outcome.results.flatMap((r) =>
    r.status === 'rejected' ? [{ changeId: r.changeId, code: r.code, reason: r.reason }] : [],
  );
  return {
    projectId,
    projectName,
    projectRegistered: outcome.registeredProjects.includes(projectId),
    changes: bundle.changes.length,
    applied: outcome.applied,
    duplicates: outcome.duplicates,
    rejected,
    conflicts: outcome.conflicts,
    blobs: bundle.blobs.length,
    signature: bundle.signature,
  };
}
