import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { roleMay } from '../../shared/roles';
import {
  memberParamsSchema,
  type ProjectMembersResponse,
  projectParamsSchema,
  putMemberRequestSchema,
  type PutMemberRequest,
  type ProjectMember,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { type AppContext, currentUser, requireUser } from '../http/context';
import { forbidden, HttpError, parseWith } from '../http/errors';
import { managerCount, membersOf, roleIn } from '../repositories/memberships';
import { deleteMembership, upsertMembership } from '../repositories/projects';
import { findUserByUsername } from '../repositories/users';

const cannotManage = () => forbidden('只有项目经理可以管理项目成员 / only the project manager may manage members');
const lastManager = () =>
  new HttpError(
    409,
    'last_manager',
    '项目至少要有一位项目经理：请先任命另一位项目经理 / the project must keep a project manager: appoint another one first',
  );

/**
 * The project's members, managed from the app's team page by whoever the role table lets manage
 * members (shared/roles.ts): add an existing server user, change a role, remove. Any member may
 * read the list. Each write runs in one transaction that first locks the project row, so two
 * managers at once can never leave the project without a project manager.
 */
export function memberRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/projects/:projectId/members', { onRequest: requireUser(ctx) }, async (request) => {
    const user = currentUser(request);
    const { projectId } = parseWith(projectParamsSchema, request.params, '项目');
    if (!(await roleIn(ctx.store.db, user.id, projectId))) throw forbidden();
    return { members: await membersOf(ctx.store.db, projectId) } satisfies ProjectMembersResponse;
  });

  app.put('/v1/projects/:projectId/members/:username', { onRequest: requireUser(ctx) }, async (request) => {
    const user = currentUser(request);
    const { projectId, username } = parseWith(memberParamsSchema, request.params, '成员');
    const { role } = parseWith(putMemberRequestSchema, request.body, '成员角色') as PutMemberRequest;
    const member = await managing(ctx.store, user.id, projectId, async (trx) => {
      const target = await findUserByUsername(trx, username);
      if (!target || target.disabled)
        throw new HttpError(
          404,
          'user_not_found',
          `服务器上没有可用的用户“${username}” / no active user "${username}" on the server`,
        );
      const current = await roleIn(trx, target.id, projectId);
      if (current === 'pm' && role !== 'pm' && (await managerCount(trx, projectId)) <= 1) throw lastManager();
      await upsertMembership(trx, { projectId, userId: target.id, role, now: ctx.now() });
      return {
        userId: target.id,
        username: target.username,
        displayName: target.displayName,
        role,
      } satisfies ProjectMember;
    });
    request.log.info({ projectId, userId: user.id, member: member.username, role }, 'member set');
    return { member };
  });

  app.delete('/v1/projects/:projectId/members/:username', { onRequest: requireUser(ctx) }, async (request, reply) => {
    const user = currentUser(request);
    const { projectId, username } = parseWith(memberParamsSchema, request.params, '成员');
    await managing(ctx.store, user.id, projectId, async (trx) => {
      const target = await findUserByUsername(trx, username);
      const current = target && (await roleIn(trx, target.id, projectId));
      if (!target || !current)
        throw new HttpError(404, 'not_member', `“${username}”不是该项目的成员 / "${username}" is not a member`);
      if (current === 'pm' && (await managerCount(trx, projectId)) <= 1) throw lastManager();
      await deleteMembership(trx, projectId, target.id);
    });
    request.log.info({ projectId, userId: user.id, member: username }, 'member removed');
    return reply.code(204).send();
  });
}

/** Runs `fn` in a transaction holding the project's row, once the caller is known to manage members. */
async function managing<T>(
  store: Store,
  userId: string,
  projectId: string,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return store.transaction(async (trx) => {
    let lock = trx.selectFrom('projects').select('id').where('id', '=', projectId);
    if (store.dialect === 'postgres') lock = lock.forUpdate();
    if (!(await lock.executeTakeFirst())) throw forbidden();
    const role = await roleIn(trx, userId, projectId);
    if (!role) throw forbidden();
    if (!roleMay(role, 'manageMembers', 'members')) throw cannotManage();
    return fn(trx);
  });
}
