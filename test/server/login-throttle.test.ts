import { afterEach, describe, expect, it } from 'vitest';
import { LoginThrottle, loginThrottleOptions } from '../../server/auth/login-throttle';
import { DatabaseThrottleStore } from '../../server/auth/throttle-store';
import { openStore, type Store } from '../../server/db/store';
import { startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('login throttle in the database (%s)', (dialect) => {
  let t: TestServer;
  let second: Store | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await t?.dispose();
  });

  /** A second connection pool on the same database, as a second server node has. */
  async function secondNode(): Promise<Store> {
    second = await openStore(t.buildOptions);
    return second;
  }

  it('counts every one of many failures that arrive at once (no lost updates), per account and per address', async () => {
    t = await startTestServer(dialect);
    const now = 1_000_000;
    const throttle = new LoginThrottle(
      loginThrottleOptions({ freeAttempts: 3, baseDelayMs: 1000, perAddress: { freeAttempts: 5, baseDelayMs: 1000 } }),
      () => now,
      new DatabaseThrottleStore(t.store.db),
    );
    await Promise.all(Array.from({ length: 10 }, () => throttle.recordFailure('alice', '10.0.0.1')));
    // 10 failures, 3 free: locked for 1 s × 2^6 for the pair; 5 free: 1 s × 2^4 for the address.
    expect(await throttle.retryAfterMs('alice', '10.0.0.1')).toBe(64_000);
    expect(await throttle.retryAfterMs('bob', '10.0.0.1')).toBe(16_000);
    expect(await throttle.retryAfterMs('alice', '10.0.0.2')).toBe(0);
  });

  it('two nodes on one database share the count: failures through both add up, and a lockout made on one holds on the other', async () => {
    t = await startTestServer(dialect);
    const other = await secondNode();
    let now = 5_000_000;
    const options = loginThrottleOptions({ freeAttempts: 4, baseDelayMs: 1000, perAddress: { freeAttempts: 100 } });
    const nodeA = new LoginThrottle(options, () => now, new DatabaseThrottleStore(t.store.db));
    const nodeB = new LoginThrottle(options, () => now, new DatabaseThrottleStore(other.db));
    // 3 + 3 failures at once, half through each node: 6 counted, 2 over the free 4 → 2 s.
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? nodeA : nodeB).recordFailure('Alice ', '10.0.0.7')));
    expect(await nodeA.retryAfterMs('alice', '10.0.0.7')).toBe(2000);
    expect(await nodeB.retryAfterMs('alice', '10.0.0.7')).toBe(2000);
    // A success through one node clears the pair for both.
    await nodeB.recordSuccess('alice', '10.0.0.7');
    expect(await nodeA.retryAfterMs('alice', '10.0.0.7')).toBe(0);
    // Failures are forgotten after forgetAfterMs without one: the next starts a fresh count.
    for (let i = 0; i < 5; i++) await nodeA.recordFailure('bob', '10.0.0.7');
    expect(await nodeB.retryAfterMs('bob', '10.0.0.7')).toBe(1000);
    now += options.forgetAfterMs + 1;
    expect(await nodeB.retryAfterMs('bob', '10.0.0.7')).toBe(0);
    await nodeB.recordFailure('bob', '10.0.0.7');
    expect(await nodeA.retryAfterMs('bob', '10.0.0.7')).toBe(0);
  });

  it('stores no username or address in clear (a password typed into the username box stays unreadable), and housekeeping drops stale records', async () => {
    t = await startTestServer(dialect);
    const now = 9_000_000;
    const store = new DatabaseThrottleStore(t.store.db);
    const throttle = new LoginThrottle(loginThrottleOptions(), () => now, store);
    await throttle.recordFailure('my-secret-password', '192.0.2.44');
    const rows = await t.store.db.selectFrom('login_failures').selectAll().execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/my-secret-password|192\.0\.2\.44/);
    expect(await store.deleteStale(now - 1)).toBe(0);
    expect(await store.deleteStale(now + 1)).toBe(2);
    expect(await t.store.db.selectFrom('login_failures').selectAll().execute()).toEqual([]);
  });
});
