import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loginResponseSchema, PROTOCOL_HEADER } from '../../shared/sync/protocol';
import { resetPassword, setDisabled } from '../../server/admin/commands';
import { DEFAULT_PASSWORD, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();
const DAY = 24 * 60 * 60 * 1000;

describe.each(dialects)('login, tokens and protocol version (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('login returns an opaque token once; only its sha256 is stored; it expires after 30 days', async () => {
    t = await startTestServer(dialect);
    const user = await t.addUser('Alice', DEFAULT_PASSWORD, '爱丽丝');
    const reply = await t
      .client()
      .call('POST', '/v1/auth/login', { json: { username: ' alice ', password: DEFAULT_PASSWORD } });
    expect(reply.status).toBe(200);
    const body = loginResponseSchema.parse(reply.body);
    expect(body.user).toEqual({ id: user.id, username: 'alice', displayName: '爱丽丝' });
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    expect(Date.parse(body.expiresAt) - t.clock.now()).toBeGreaterThan(29 * DAY);
    expect(Date.parse(body.expiresAt) - t.clock.now()).toBeLessThanOrEqual(30 * DAY);

    const sessions = await t.store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).toBe(createHash('sha256').update(body.token).digest('hex'));
    expect(JSON.stringify(sessions)).not.toContain(body.token);

    const client = t.client(body.token);
    expect((await client.projects()).status).toBe(200);
    t.clock.advance(30 * DAY + 1000);
    expect((await client.projects()).status).toBe(401);
  });

  it('a wrong password and an unknown user get the same 401', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const wrong = await t
      .client()
      .call('POST', '/v1/auth/login', { json: { username: 'alice', password: 'nope-nope' } });
    const unknown = await t
      .client()
      .call('POST', '/v1/auth/login', { json: { username: 'mallory', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // The same reply but for the id each request has of its own.
    const { requestId: wrongId, ...wrongBody } = wrong.body as { requestId: string };
    const { requestId: unknownId, ...unknownBody } = unknown.body as { requestId: string };
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongId).not.toBe(unknownId);
    expect(wrong.body).toMatchObject({
      error: 'invalid_credentials',
      message: expect.stringContaining('用户名或密码不对'),
    });
    expect(await t.counts()).toMatchObject({ sessions: 0 });
  });

  it('logout revokes the token; other sessions of the user stay valid', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const laptop = await t.login('alice');
    const tablet = await t.login('alice');
    expect((await laptop.logout()).status).toBe(204);
    expect((await laptop.projects()).status).toBe(401);
    expect((await laptop.logout()).status).toBe(401);
    expect((await tablet.projects()).status).toBe(200);
  });

  it('resetting the password or disabling the user ends their sessions', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const before = await t.login('alice');
    await resetPassword(t.store, { username: 'alice', password: 'brand new password' });
    expect((await before.projects()).status).toBe(401);
    await expect(t.login('alice')).rejects.toThrow(/401/);
    const after = await t.login('alice', 'brand new password');
    await setDisabled(t.store, { username: 'alice', disabled: true });
    expect((await after.projects()).status).toBe(401);
    const refused = await t
      .client()
      .call('POST', '/v1/auth/login', { json: { username: 'alice', password: 'brand new password' } });
    expect(refused).toMatchObject({ status: 401, body: { error: 'account_disabled' } });
    await setDisabled(t.store, { username: 'alice', disabled: false });
    expect((await (await t.login('alice', 'brand new password')).projects()).status).toBe(200);
  });

  it('repeated failures lock username + address out with 429 and Retry-After, growing exponentially', async () => {
    t = await startTestServer(dialect, { loginThrottle: { freeAttempts: 3, baseDelayMs: 2000 }, trustProxy: true });
    await t.addUser('alice');
    const client = t.client();
    const attempt = (password: string, ip = '10.1.1.1') =>
      client.call('POST', '/v1/auth/login', {
        json: { username: 'alice', password },
        headers: { 'x-forwarded-for': ip },
      });

    for (let i = 0; i < 3; i++) expect((await attempt('guess-' + i)).status).toBe(401);
    // The 4th failure still costs a password check, then locks out for 2 s.
    expect((await attempt('guess-3')).status).toBe(401);
    const locked = await attempt(DEFAULT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('2');
    expect(locked.body).toMatchObject({ error: 'too_many_attempts', message: expect.stringContaining('秒后再试') });
    // Another address is not locked out by these failures.
    expect((await attempt(DEFAULT_PASSWORD, '10.9.9.9')).status).toBe(200);

    t.clock.advance(2001);
    expect((await attempt('guess-4')).status).toBe(401);
    // Twice as long now.
    const longer = await attempt(DEFAULT_PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('4');
    t.clock.advance(4001);
    // A success clears the record.
    expect((await attempt(DEFAULT_PASSWORD)).status).toBe(200);
    expect((await attempt('guess-5')).status).toBe(401);
    expect((await attempt(DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('without throttling settings, the defaults refuse the 7th rapid guess', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await t.client().call('POST', '/v1/auth/login', { json: { username: 'alice', password: `guess-${i}` } }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('426 for a client announcing an older protocol; health stays open; a garbled header is 400', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const client = await t.login('alice');
    const old = { [PROTOCOL_HEADER]: '0' };
    const endpoints: Array<[string, string]> = [
      ['GET', '/v1/projects'],
      ['POST', '/v1/auth/login'],
      ['POST', '/v1/auth/logout'],
      ['POST', '/v1/sync/push'],
      ['GET', '/v1/sync/pull?projectId=x'],
      ['GET', `/v1/blobs/${'a'.repeat(64)}`],
    ];
    for (const [method, path] of endpoints) {
      const reply = await client.call(method, path, { headers: old });
      expect(reply.status, `${method} ${path}`).toBe(426);
      expect(reply.body).toMatchObject({ error: 'upgrade_required', message: expect.stringContaining('升级') });
    }
    expect((await client.call('GET', '/v1/health', { headers: old })).status).toBe(200);
    expect((await client.call('GET', '/v1/projects', { headers: { [PROTOCOL_HEADER]: 'v1' } })).status).toBe(400);
    // Tools without the header (curl, monitoring) are served.
    const plain = await client.call('GET', '/v1/projects', { headers: { [PROTOCOL_HEADER]: null } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get(PROTOCOL_HEADER)).toBe('1');
    // The token still works: the 426 did not log anyone out.
    expect((await client.projects()).status).toBe(200);
  });

  it('health answers without login', async () => {
    t = await startTestServer(dialect);
    const reply = await t.client().call('GET', '/v1/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, protocol: 1, minClientProtocol: 1 });
  });
});

describe('cross-origin clients', () => {
  it('answers the preflight of the app (app://fieldbook, or the browser version) and exposes the sync headers', async () => {
    const t = await startTestServer('sqlite');
    try {
      const preflight = await fetch(new URL('/v1/sync/push', t.url), {
        method: 'OPTIONS',
        headers: {
          origin: 'app://fieldbook',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-fieldbook-protocol',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('app://fieldbook');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-fieldbook-protocol');
      const health = await fetch(new URL('/v1/health', t.url), { headers: { origin: 'http://127.0.0.1:5173' } });
      expect(health.headers.get('access-control-expose-headers')).toContain('upload-offset');
    } finally {
      await t.dispose();
    }
  });
});
