import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type FieldbookServer } from '../../server/app';
import { errorResponseSchema } from '../../shared/sync/protocol';
import { createSchema, dropSchema, PG_URL } from './helpers/postgres';
import {
  assetChange,
  bytesOf,
  DEVICE_A,
  DEVICE_B,
  hlcAt,
  makeChange,
  startTestServer,
  TEST_PASSWORD_COST,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample of a Prometheus text exposition (labels matched as a subset), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => have[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe.each(dialects)('GET /metrics (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('is refused without a configured token, and without the right one', async () => {
    t = await startTestServer(dialect);
    const off = await fetch(`${t.url}/metrics`);
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({
      error: 'metrics_disabled',
      message: expect.stringMatching(/--metrics-token/),
    });
    await t.restart({ metrics: { token: TOKEN } });
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    const ok = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toContain('# TYPE fieldbook_http_requests_total counter');
  });

  it('counts requests by route and status with latencies, changes pushed, pulled, rejected by reason, conflicts, blob bytes and the pool', async () => {
    t = await startTestServer(dialect, { metrics: { token: TOKEN } });
    await t.addUser('alice');
    await t.addUser('bob');
    const project = await t.addProject('OBS-1', { members: { alice: 'engineer', bob: 'engineer' } });
    const alice = await t.login('alice');
    const bob = await t.login('bob');

    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01', vendor: 'Huawei' }, { hlc: hlcAt(DEVICE_A, base) });
    expect((await alice.push([create])).status).toBe(200);
    const late = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'Inspur' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 20_000),
    });
    const early = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'H3C' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, base + 10_000),
    });
    await bob.push([late], { [project.id]: 1 });
    await alice.push([early, create], { [project.id]: 1 }); // a conflict, and a duplicate
    const invalid = assetChange(project.id, { name: '' });
    const ahead = assetChange(project.id, { name: 'future' }, { hlc: hlcAt(DEVICE_A, Date.now() + 3_600_000) });
    await alice.push([invalid, ahead]);
    expect((await bob.pullAll(project.id)).length).toBe(3);
    expect((await alice.pull('019a0000-0000-7000-8000-000000000000')).status).toBe(403);

    const bytes = bytesOf(5000, 3);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await alice.putBlob(sha, project.id, 0, bytes.byteLength, bytes)).status).toBe(200);
    expect((await bob.getBlob(sha)).status).toBe(200);

    const text = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(
      sample(text, 'fieldbook_http_requests_total', { method: 'POST', route: '/v1/sync/push', status: '200' }),
    ).toBe(4);
    expect(
      sample(text, 'fieldbook_http_requests_total', { method: 'GET', route: '/v1/sync/pull', status: '403' }),
    ).toBe(1);
    expect(
      sample(text, 'fieldbook_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/sync/push',
        status: '200',
      }),
    ).toBe(4);
    expect(
      sample(text, 'fieldbook_http_request_duration_seconds_bucket', {
        route: '/v1/sync/push',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(4);
    expect(
      sample(text, 'fieldbook_http_request_duration_seconds_sum', { route: '/v1/sync/push', status: '200' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'fieldbook_changes_pushed_total', { outcome: 'applied' })).toBe(3);
    expect(sample(text, 'fieldbook_changes_pushed_total', { outcome: 'duplicate' })).toBe(1);
    expect(sample(text, 'fieldbook_changes_pushed_total', { outcome: 'rejected' })).toBe(2);
    expect(sample(text, 'fieldbook_changes_rejected_total', { reason: 'invalid' })).toBe(1);
    expect(sample(text, 'fieldbook_changes_rejected_total', { reason: 'clock_ahead' })).toBe(1);
    expect(sample(text, 'fieldbook_conflicts_recorded_total')).toBe(1);
    expect(sample(text, 'fieldbook_changes_pulled_total')).toBe(3);
    expect(sample(text, 'fieldbook_blob_bytes_received_total')).toBe(5000);
    expect(sample(text, 'fieldbook_blob_bytes_served_total')).toBe(5000);
    // Route templates, never raw URLs (ids would make a series per blob or project).
    expect(text).not.toContain(sha);
    expect(sample(text, 'fieldbook_process_resident_memory_bytes')).toBeGreaterThan(0);
    if (dialect === 'postgres') {
      expect(sample(text, 'fieldbook_db_pool_connections')).toBeGreaterThan(0);
      expect(sample(text, 'fieldbook_db_pool_waiting_requests')).toBe(0);
      expect(sample(text, 'fieldbook_db_pool_max_connections')).toBe(20);
    } else {
      expect(text).not.toContain('fieldbook_db_pool');
    }
  });

  it('on a separate address it is served there without a token, and not on the API address', async () => {
    t = await startTestServer(dialect, { metrics: { listen: { host: '127.0.0.1', port: 0 } } });
    const metricsUrl = t.server.metricsUrl!;
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(metricsUrl).not.toContain(new URL(t.url).port);
    await fetch(`${t.url}/v1/health`);
    const there = await fetch(metricsUrl);
    expect(there.status).toBe(200);
    expect(sample(await there.text(), 'fieldbook_http_requests_total', { route: '/v1/health', status: '200' })).toBe(1);
    const here = await fetch(`${t.url}/metrics`);
    expect(here.status).toBe(404);
    expect(await here.json()).toMatchObject({ error: 'metrics_disabled' });
    expect((await fetch(metricsUrl.replace('/metrics', '/v1/health'))).status).toBe(404);
  });
});

describe.each(dialects)('GET /v1/ready and request ids (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('is 200 when the database answers and is migrated, 503 not_migrated when a migration is missing, while health stays 200', async () => {
    t = await startTestServer(dialect);
    const ready = await fetch(`${t.url}/v1/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, dialect });
    // As if the database were restored from a backup older than this code.
    const last = await t.store.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    await t.store.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', (last as { name: string }).name as never)
      .execute();
    const notReady = await fetch(`${t.url}/v1/ready`);
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('retry-after')).toBe('5');
    expect(await notReady.json()).toMatchObject({ error: 'not_migrated', message: expect.stringMatching(/未迁移/) });
    expect((await fetch(`${t.url}/v1/health`)).status).toBe(200);
  });

  it('an error reply names its request id in the x-request-id header and the body; a proxy id is kept', async () => {
    t = await startTestServer(dialect);
    const reply = await fetch(`${t.url}/v1/sync/pull?projectId=x`);
    expect(reply.status).toBe(401);
    const id = reply.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = errorResponseSchema.parse(await reply.json());
    expect(body.requestId).toBe(id);
    // Each request its own id.
    expect((await fetch(`${t.url}/v1/health`)).headers.get('x-request-id')).not.toBe(id);
    const fromProxy = await fetch(`${t.url}/v1/nothing`, { headers: { 'x-request-id': 'nginx-5f2b9c1e7a' } });
    expect(fromProxy.status).toBe(404);
    expect(fromProxy.headers.get('x-request-id')).toBe('nginx-5f2b9c1e7a');
    expect(await fromProxy.json()).toMatchObject({ requestId: 'nginx-5f2b9c1e7a' });
    // An id that could break a log line is replaced by one of ours.
    const odd = await fetch(`${t.url}/v1/nothing`, { headers: { 'x-request-id': 'a"b\\c{}' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** A TCP relay to PostgreSQL that the test can cut, as a network failure between a node and its database would. */
class TcpRelay {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(5432, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe.runIf(dialects.includes('postgres'))('GET /v1/ready when PostgreSQL is unreachable', () => {
  let server: FieldbookServer | undefined;
  let schema: string | undefined;
  let dataDir: string | undefined;
  const relay = new TcpRelay();
  afterEach(async () => {
    await relay.cut();
    await server?.close().catch(() => {});
    if (schema) await dropSchema(schema);
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('is 503 database_unreachable while the database cannot be reached, 200 again once it can', async () => {
    await relay.open();
    schema = await createSchema();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-ready-'));
    const url = new URL(PG_URL);
    url.host = `127.0.0.1:${relay.port}`;
    server = await buildServer({
      dataDir,
      databaseUrl: url.toString(),
      pgSchema: schema,
      passwordCost: TEST_PASSWORD_COST,
    });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${base}/v1/ready`)).status).toBe(200);

    await relay.cut();
    const down = await fetch(`${base}/v1/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      error: 'database_unreachable',
      message: expect.stringMatching(/数据库无法访问/),
    });
    expect((await fetch(`${base}/v1/health`)).status).toBe(200);

    await relay.open();
    expect((await fetch(`${base}/v1/ready`)).status).toBe(200);
  });
});
