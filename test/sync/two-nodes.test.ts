import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import type { LoginResponse } from '../../shared/sync/protocol';
import { addMember, addProject, addUser } from '../../server/admin/commands';
import { openStore, type Store } from '../../server/db/store';
import { newId } from '../../shared/ids';
import { createSchema, dropSchema, PG_URL } from '../server/helpers/postgres';
import { type ServerProcess, spawnChildServer } from '../server/helpers/server-process';
import {
  assetChange,
  bytesOf,
  DEFAULT_PASSWORD,
  serverConflicts,
  serverRow,
  TEST_PASSWORD_COST,
  TestClient,
  testDialects,
} from '../server/helpers/test-server';
import {
  type ChaosServer,
  chaosRunner,
  emptyChaosStats,
  formatChaosStats,
  opArbitrary,
  USERS,
} from './helpers/chaos-workload';
import { FaultProxy } from './helpers/fault-proxy';
import { formatTally } from './helpers/write-accounting';

/**
 * Two server processes on one PostgreSQL schema, as two nodes behind a load balancer: the chaos
 * workload (helpers/chaos-workload.ts) with every request of every device sent to a node picked
 * at random (a dispatching proxy), and a node killed (SIGKILL) and started again twice per run;
 * a login throttled through one node is refused through the other; an attachment uploaded
 * through one node is served by the other; pushes through both nodes at once leave no pull a gap
 * to skip.
 *
 * Each node has a data directory of its own: attachment bytes live in PostgreSQL, so a file a
 * device uploads through one node is fetched through the other (the attach operations and the
 * final check that every device can read every attachment go through the dispatcher).
 *
 * CI time: two node starts and 6 node restarts over 3 runs of 15 to 30 operations: 93-142 s
 * measured with a load average of 15-22 on two cores.
 */
const dialects = await testDialects();
const RUNS = 3;

/** A small seeded generator, so that which node serves which request repeats from run to run. */
function seededRandom(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe.skipIf(!dialects.includes('postgres'))('two server nodes on one PostgreSQL schema', () => {
  let schema = '';
  let dataDir = '';
  let store: Store;
  let proxy: FaultProxy;
  const nodes: ServerProcess[] = [];
  const served = [0, 0];
  const random = seededRandom(20_261_207);
  let nodeStarts = 0;
  const nodeOptions = () => ({
    dataDir: path.join(dataDir, `node-start-${nodeStarts++}`),
    databaseUrl: PG_URL,
    pgSchema: schema,
    poolSize: 5,
    passwordCost: TEST_PASSWORD_COST,
    // 3 free failures per username + address, then a minute; the address's own allowance is out of the way.
    loginThrottle: { freeAttempts: 3, baseDelayMs: 60_000, perAddress: { freeAttempts: 1000 } },
  });

  beforeAll(async () => {
    schema = await createSchema();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-two-nodes-'));
    nodes.push(...(await Promise.all([spawnChildServer(nodeOptions()), spawnChildServer(nodeOptions())])));
    // The test's own view of the database, for the administrator's commands and the checks.
    store = await openStore({ dataDir, databaseUrl: PG_URL, pgSchema: schema, poolSize: 3 });
    proxy = await new FaultProxy(() => {
      const node = random() < 0.5 ? 0 : 1;
      served[node]!++;
      return nodes[node]!.url;
    }).start();
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    for (const node of nodes) await node.stop();
    await store?.close();
    if (schema) await dropSchema(schema);
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('the chaos workload, each request to a random node and nodes killed on the way: everything converges, 0 writes lost, sequence numbers without a gap', async () => {
    let restarts = 0;
    const cluster: ChaosServer = {
      get url() {
        return proxy.url;
      },
      store,
      async addMember(projectId, username) {
        await addMember(store, { project: projectId, username, role: 'engineer', now: Date.now() });
      },
      async restart() {
        // Killed at once, as a crashed machine: whatever it had not committed is gone.
        const index = restarts++ % 2;
        await nodes[index]!.stop('SIGKILL');
        nodes[index] = await spawnChildServer(nodeOptions());
      },
      row: (table, rowId) => serverRow(store.db, table, rowId),
      conflicts: () => serverConflicts(store.db),
    };
    const sessions = new Map<string, LoginResponse>();
    for (const user of USERS) {
      await addUser(store, {
        username: user,
        password: DEFAULT_PASSWORD,
        now: Date.now(),
        passwordCost: TEST_PASSWORD_COST,
      });
      sessions.set(user, await new SyncHttp(proxy.url, () => null).login(user, DEFAULT_PASSWORD));
    }
    const stats = emptyChaosStats();
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 15, maxLength: 30 }), chaosRunner(cluster, sessions, stats)),
      {
        seed: 20_261_207,
        numRuns: RUNS,
        endOnFailure: true,
      },
    );
    console.log(
      `two nodes: ${formatTally(stats.tally)}; ${formatChaosStats(stats)}; requests served by node 1: ${served[0]}, node 2: ${served[1]}`,
    );
    expect(stats.runs).toBe(RUNS);
    expect(stats.tally.lost).toBe(0);
    // Both nodes did a fair share of the work.
    expect(Math.min(...served)).toBeGreaterThan((served[0]! + served[1]!) / 4);
  }, 300_000);

  it('a login throttled through one node is refused through the other', async () => {
    await addUser(store, {
      username: 'guesser',
      password: DEFAULT_PASSWORD,
      now: Date.now(),
      passwordCost: TEST_PASSWORD_COST,
    });
    const via = (node: number) => new TestClient(() => nodes[node]!.url);
    const attempt = (node: number, password: string) =>
      via(node).call('POST', '/v1/auth/login', { json: { username: 'guesser', password } });
    // Four wrong passwords, alternating nodes: the three free ones, then the fourth locks for a minute.
    for (const node of [0, 1, 0, 1]) expect((await attempt(node, `guess-${node}`)).status).toBe(401);
    for (const node of [0, 1]) {
      const refused = await attempt(node, DEFAULT_PASSWORD);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    }
  });

  it('an attachment uploaded through one node (in two chunks, resumed through the other) is served by both', async () => {
    await addUser(store, {
      username: 'uploader',
      password: DEFAULT_PASSWORD,
      now: Date.now(),
      passwordCost: TEST_PASSWORD_COST,
    });
    const project = await addProject(store, { code: 'TWO-BLOB', name: '双节点附件', id: newId(), now: Date.now() });
    await addMember(store, { project: project.id, username: 'uploader', role: 'engineer', now: Date.now() });
    const login = await new TestClient(() => nodes[0]!.url).call<{ token: string }>('POST', '/v1/auth/login', {
      json: { username: 'uploader', password: DEFAULT_PASSWORD },
    });
    const via = (node: number) => new TestClient(() => nodes[node]!.url, login.body.token);
    const bytes = bytesOf(300_000, 7);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await via(0).putBlob(sha256, project.id, 0, bytes.length, bytes.subarray(0, 100_000))).status).toBe(200);
    // The other node knows how far the upload got and takes the rest.
    expect((await via(1).headBlob(sha256, project.id)).headers.get('upload-offset')).toBe('100000');
    expect(
      (await via(1).putBlob(sha256, project.id, 100_000, bytes.length, bytes.subarray(100_000))).body,
    ).toMatchObject({ complete: true });
    for (const node of [0, 1]) {
      const fetched = await via(node).getBlob(sha256);
      expect(fetched.status).toBe(200);
      expect(createHash('sha256').update(fetched.body).digest('hex')).toBe(sha256);
    }
  });

  it('pushes through both nodes at once: a poller pulling through either sees every sequence number in order, none skipped', async () => {
    const users = ['p0', 'p1', 'p2', 'p3', 'watcher'];
    const project = await addProject(store, { code: 'TWO-SEQ', name: '双节点序号', id: newId(), now: Date.now() });
    const clients: TestClient[] = [];
    for (const [i, user] of users.entries()) {
      await addUser(store, {
        username: user,
        password: DEFAULT_PASSWORD,
        now: Date.now(),
        passwordCost: TEST_PASSWORD_COST,
      });
      await addMember(store, { project: project.id, username: user, role: 'engineer', now: Date.now() });
      const client = new TestClient(() => nodes[i % 2]!.url);
      const login = await client.call<{ token: string }>('POST', '/v1/auth/login', {
        json: { username: user, password: DEFAULT_PASSWORD },
      });
      client.token = login.body.token;
      clients.push(client);
    }
    const watcher = clients.pop()!;
    const rounds = 3;
    const perPush = 40;
    const total = rounds * clients.length * perPush;
    const observed: number[] = [];
    const poller = (async () => {
      // Each pull goes to the other node than the one before.
      for (let cursor = 0, pulls = 0; cursor < total; pulls++) {
        const page = await new TestClient(() => nodes[pulls % 2]!.url, watcher.token).pull(project.id, cursor, 37);
        if (page.status !== 200) throw new Error(`pull ${page.status}`);
        for (const change of page.body.changes) observed.push(change.seq);
        cursor = page.body.cursor;
      }
    })();
    for (let round = 0; round < rounds; round++) {
      const replies = await Promise.all(
        clients.map((client, i) =>
          client.push(
            Array.from({ length: perPush }, (_, k) => assetChange(project.id, { name: `r${round}-c${i}-${k}` })),
          ),
        ),
      );
      for (const reply of replies) expect(reply.body.results.every((r) => r.status === 'applied')).toBe(true);
    }
    await poller;
    expect(observed).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  }, 120_000);
});
