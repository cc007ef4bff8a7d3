import type { FastifyInstance } from 'fastify';
import type { ProjectsResponse } from '../../shared/sync/protocol';
import { type AppContext, currentUser, requireUser } from '../http/context';
import { projectsOfUser } from '../repositories/projects';

export function projectRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** The caller's projects and role in each: how a device learns of new memberships and notices a removal. */
  app.get('/v1/projects', { onRequest: requireUser(ctx) }, async (request) => {
    const user = currentUser(request);
    return { projects: await projectsOfUser(ctx.store.db, user.id) } satisfies ProjectsResponse;
  });
}
