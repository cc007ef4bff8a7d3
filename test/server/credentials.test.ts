import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../server/admin/commands';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from '../../server/auth/passwords';
import { DEFAULT_PASSWORD, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();

describe('password hashing defaults', () => {
  it('uses the OWASP scrypt cost (N = 2^17, r = 8, p = 1), which needs maxmem raised above Node’s 32 MiB', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('a long enough passworD', hash)).toBe(false);
  });
});

describe.each(dialects)('credentials on the server (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  const storedHash = async (username: string) =>
    (
      await t.store.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).password_hash;
  const login = (username: string, password: string, ip = '10.1.1.1') =>
    t.client().call('POST', '/v1/auth/login', { json: { username, password }, headers: { 'x-forwarded-for': ip } });

  it('a hash made with the older cost (N = 16384) is rewritten at the OWASP cost at the next successful login, and still logs in', async () => {
    // The server as deployed: no test cost, so DEFAULT_SCRYPT_COST applies.
    t = await startTestServer(dialect, { passwordCost: 'server default', trustProxy: true });
    await addUser(t.store, { username: 'old', password: DEFAULT_PASSWORD, passwordCost: { N: 16384, r: 8, p: 1 } });
    const before = await storedHash('old');
    expect(before).toMatch(/^scrypt\$16384\$8\$1\$/);

    expect((await login('old', 'not the password')).status).toBe(401);
    expect(await storedHash('old')).toBe(before);

    expect((await login('old', DEFAULT_PASSWORD)).status).toBe(200);
    const upgraded = await storedHash('old');
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(DEFAULT_PASSWORD, upgraded)).toBe(true);

    expect((await login('old', DEFAULT_PASSWORD)).status).toBe(200);
    expect(await storedHash('old')).toBe(upgraded);
  });

  it('a hash stronger than the server’s cost is kept, never weakened', async () => {
    t = await startTestServer(dialect, { passwordCost: { N: 2 ** 10, r: 8, p: 1 } });
    await addUser(t.store, {
      username: 'strong',
      password: DEFAULT_PASSWORD,
      passwordCost: { N: 2 ** 11, r: 8, p: 1 },
    });
    const before = await storedHash('strong');
    expect((await login('strong', DEFAULT_PASSWORD)).status).toBe(200);
    expect(await storedHash('strong')).toBe(before);
  });

  it('password spraying: failures across many usernames from one address lock that address out, other addresses are not', async () => {
    t = await startTestServer(dialect, {
      trustProxy: true,
      loginThrottle: { freeAttempts: 3, perAddress: { freeAttempts: 4, baseDelayMs: 5000 } },
    });
    await t.addUser('alice');
    // One guess per username: no username reaches its own limit of 3.
    for (const name of ['bob', 'carol', 'dave', 'erin']) expect((await login(name, 'Summer2026!')).status).toBe(401);
    // The 5th failure from the address (still checked) locks the address for 5 s.
    expect((await login('frank', 'Summer2026!')).status).toBe(401);
    const locked = await login('alice', DEFAULT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('5');
    expect(locked.body).toMatchObject({ error: 'too_many_attempts', message: expect.stringContaining('秒后再试') });
    expect((await login('grace', 'Summer2026!')).status).toBe(429);
    // Alice at another address is not affected.
    expect((await login('alice', DEFAULT_PASSWORD, '10.2.2.2')).status).toBe(200);

    t.clock.advance(5001);
    // A success from the address does not wipe its failures: the next failure locks it again, longer.
    expect((await login('alice', DEFAULT_PASSWORD)).status).toBe(200);
    expect((await login('heidi', 'Summer2026!')).status).toBe(401);
    const again = await login('alice', DEFAULT_PASSWORD);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('10');
  });

  it('with the default settings, the 31st failure from one address across 31 usernames is refused', async () => {
    t = await startTestServer(dialect, { trustProxy: true });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await login(`user${i}`, 'Winter2026!')).status);
    expect(statuses.slice(0, 31)).toEqual(Array(31).fill(401));
    expect(statuses[31]).toBe(429);
  });
});
