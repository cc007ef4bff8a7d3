import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  pullQuerySchema,
  pushRequestSchema,
  type PushResponse,
} from '../../shared/sync/protocol';
import { type AppContext, currentUser, requireUser } from '../http/context';
import { forbidden, HttpError, parseWith } from '../http/errors';
import { pullChanges } from '../repositories/changes';
import { isMember } from '../repositories/projects';
import { applyChanges, unseenByPusher } from '../sync/apply-changes';

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/sync/push', { onRequest: requireUser(ctx), bodyLimit: MAX_PUSH_BYTES }, async (request) => {
    const user = currentUser(request);
    const raw = request.body as { changes?: unknown } | undefined;
    if (raw && Array.isArray(raw.changes) && raw.changes.length > MAX_PUSH_CHANGES) {
      throw new HttpError(
        413,
        'too_many_changes',
        `一批最多 ${MAX_PUSH_CHANGES} 条修改，请分批推送 / at most ${MAX_PUSH_CHANGES} changes per push`,
      );
    }
    const body = parseWith(pushRequestSchema, request.body, '推送内容');
    const now = ctx.now();
    const outcome = await applyChanges(
      ctx.store,
      { kind: 'user', userId: user.id, username: user.username },
      body.changes,
      {
        now,
        replacedIsConcurrent: unseenByPusher(
          body.seen,
          body.changeSeen && new Map(body.changes.map((c, i) => [c.changeId, body.changeSeen![i]!])),
        ),
        beforeCommit: ctx.beforeCommit,
        onProjectRegistered: (event) =>
          request.log.info(
            {
              projectId: event.projectId,
              code: event.code,
              name: event.name,
              userId: user.id,
              username: user.username,
            },
            'project registered by push',
          ),
      },
    );
    ctx.metrics.recordPush(outcome.results, outcome.conflicts);
    request.log.info(
      {
        userId: user.id,
        changes: body.changes.length,
        applied: outcome.applied,
        duplicates: outcome.duplicates,
        rejected: outcome.rejected,
        conflicts: outcome.conflicts,
      },
      'push',
    );
    return { results: outcome.results, serverTime: now } satisfies PushResponse;
  });

  app.get('/v1/sync/pull', { onRequest: requireUser(ctx) }, async (request) => {
    const user = currentUser(request);
    const query = parseWith(pullQuerySchema, request.query, '拉取参数');
    if (!(await isMember(ctx.store.db, user.id, query.projectId))) throw forbidden();
    const page = await pullChanges(ctx.store.db, query.projectId, query.after, query.limit);
    ctx.metrics.recordPull(page.changes.length);
    return page;
  });
}
