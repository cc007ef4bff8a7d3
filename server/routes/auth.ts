import type { FastifyInstance } from 'fastify';
import { type LoginResponse, loginRequestSchema } from '../../shared/sync/protocol';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../auth/passwords';
import { newToken, tokenHash } from '../auth/tokens';
import { type AppContext, currentUser, requireUser } from '../http/context';
import { HttpError, parseWith } from '../http/errors';
import { insertSession, revokeSession } from '../repositories/sessions';
import { findUserByUsername, upgradePasswordHash } from '../repositories/users';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/auth/login', { bodyLimit: 16 * 1024 }, async (request) => {
    const body = parseWith(loginRequestSchema, request.body, '登录信息');
    const waitMs = await ctx.throttle.retryAfterMs(body.username, request.ip);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      request.log.warn({ username: body.username, ip: request.ip }, 'login throttled');
      throw new HttpError(
        429,
        'too_many_attempts',
        `登录失败次数过多，请 ${seconds} 秒后再试 / too many failed logins, retry in ${seconds} s`,
        {
          'retry-after': String(seconds),
        },
      );
    }
    const user = await findUserByUsername(ctx.store.db, body.username);
    // An unknown user costs the same scrypt as a known one: timing tells nothing.
    const passwordOk = await verifyPassword(
      body.password,
      user?.passwordHash ?? (await dummyPasswordHash(ctx.passwordCost)),
    );
    if (!user || !passwordOk) {
      await ctx.throttle.recordFailure(body.username, request.ip);
      request.log.warn({ username: body.username, ip: request.ip }, 'login failed');
      throw new HttpError(401, 'invalid_credentials', '用户名或密码不对 / wrong username or password');
    }
    if (user.disabled) throw new HttpError(401, 'account_disabled', '账号已停用，请联系管理员 / account disabled');
    await ctx.throttle.recordSuccess(body.username, request.ip);
    if (needsRehash(user.passwordHash, ctx.passwordCost)) {
      // The password is at hand only now: a hash made with an older, weaker cost is replaced.
      const upgraded = await upgradePasswordHash(
        ctx.store.db,
        user.id,
        user.passwordHash,
        await hashPassword(body.password, ctx.passwordCost),
      );
      if (upgraded) request.log.info({ userId: user.id, cost: ctx.passwordCost }, 'password hash upgraded');
    }
    const token = newToken();
    const now = ctx.now();
    const expiresAt = now + ctx.tokenTtlMs;
    await insertSession(ctx.store.db, { tokenHash: tokenHash(token), userId: user.id, now, expiresAt });
    request.log.info({ userId: user.id, username: user.username }, 'login');
    return {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName },
    } satisfies LoginResponse;
  });

  app.post('/v1/auth/logout', { onRequest: requireUser(ctx) }, async (request, reply) => {
    const user = currentUser(request);
    await revokeSession(ctx.store.db, request.tokenHash!, ctx.now());
    request.log.info({ userId: user.id }, 'logout');
    return reply.code(204).send();
  });
}
