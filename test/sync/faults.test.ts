import { afterEach, describe, expect, it } from 'vitest';
import { SyncHttpError } from '../../renderer/data/sync/sync-http';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { FaultProxy, type Fault } from './helpers/fault-proxy';
import { openSyncClient, projectState, unsentCount, type SyncClient } from './helpers/sync-client';

const dialects = await testDialects();

describe.each(dialects)('sync through a faulty network (%s)', (dialect) => {
  let server: TestServer;
  let proxy: FaultProxy;
  afterEach(async () => {
    await proxy?.stop();
    await server?.dispose();
  });

  async function setup() {
    server = await startTestServer(dialect);
    await server.addUser('zhang');
    await server.addUser('li');
    proxy = await new FaultProxy(() => server.url).start();
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'F-01', name: '故障注入', customer: '测试' });
    await zhang.sync(proxy.url);
    await server.addMember(project.id, 'li');
    const li = await openSyncClient(server, 'li');
    await li.sync(proxy.url);
    return { zhang, li, projectId: project.id };
  }

  async function writeSome(client: SyncClient, projectId: string, count: number) {
    for (let i = 0; i < count; i++) await client.repo.create('assets', projectId, { name: `srv-${client.name}-${i}` });
  }

  async function serverChangeCount(projectId: string) {
    const row = await server.store.db
      .selectFrom('changes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const retryCases: Array<[string, Fault]> = [
    ['a dropped request', 'drop-request'],
    ['a response dropped after the server committed', 'drop-response'],
    ['a 500 after the server committed', 'error-500-after-commit'],
  ];

  it.each(retryCases)('%s: the retry sends everything once, nothing doubles, nothing is lost', async (_name, fault) => {
    const { zhang, li, projectId } = await setup();
    await writeSome(zhang, projectId, 30);
    const before = await serverChangeCount(projectId);
    proxy.inject('POST', '/v1/sync/push', fault);
    const failure = await zhang.sync(proxy.url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncHttpError);
    expect((failure as SyncHttpError).retryable).toBe(true);
    expect(await unsentCount(zhang.db)).toBe(30); // nothing marked sent without the server's word

    const retry = await zhang.sync(proxy.url);
    expect(retry.pushed + retry.duplicates).toBe(30);
    if (fault !== 'drop-request') expect(retry.duplicates).toBe(30);
    expect(await unsentCount(zhang.db)).toBe(0);
    expect(await serverChangeCount(projectId)).toBe(before + 30);
    await li.sync(proxy.url);
    expect(await li.db.assets.count()).toBe(30);
    expect(await projectState(li.db, projectId)).toEqual(await projectState(zhang.db, projectId));
  });

  it('a request that reaches the server twice applies once', async () => {
    const { zhang, li, projectId } = await setup();
    await writeSome(zhang, projectId, 12);
    const before = await serverChangeCount(projectId);
    proxy.inject('POST', '/v1/sync/push', 'duplicate');
    const report = await zhang.sync(proxy.url);
    expect(report.pushed).toBe(12);
    expect(await serverChangeCount(projectId)).toBe(before + 12);
    proxy.inject('GET', '/v1/sync/pull', 'duplicate', 5);
    await li.sync(proxy.url);
    expect(await li.db.assets.count()).toBe(12);
    expect(await li.db.changes.where('projectId').equals(projectId).count()).toBe(before + 12);
  });

  it('an old push overtaken by a newer one: the later timestamps still win, the overtaken values are kept', async () => {
    const { zhang, li, projectId } = await setup();
    const asset = await zhang.repo.create('assets', projectId, { name: 'core-sw', rack: 'A-01' });
    await zhang.sync(proxy.url);
    await li.sync(proxy.url);
    // 张工's edit is made first but its push is held up in the network...
    await zhang.repo.update('assets', asset.id, { rack: 'slow-A' });
    proxy.inject('POST', '/v1/sync/push', { delayMs: 600 });
    const slow = zhang.engine(proxy.url).pushPending();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // ...and 李工's later edit of the same field arrives first.
    await li.repo.update('assets', asset.id, { rack: 'fast-B' });
    await li.engine(proxy.url).pushPending();
    await slow;
    for (const client of [zhang, li]) await client.sync(proxy.url);
    for (const client of [zhang, li]) expect((await client.db.assets.get(asset.id))!.rack).toBe('fast-B');
    expect(await server.conflicts()).toEqual([expect.objectContaining({ field: 'rack', value: 'slow-A' })]);
  });

  it('the server restarts between a committed push and its answer: the retry finds it all there', async () => {
    const { zhang, li, projectId } = await setup();
    await writeSome(zhang, projectId, 20);
    proxy.inject('POST', '/v1/sync/push', 'drop-response');
    await zhang.sync(proxy.url).catch(() => undefined);
    await server.restart(); // new process on the same database; the proxy follows the new URL
    const retry = await zhang.sync(proxy.url);
    expect(retry.duplicates).toBe(20);
    await li.sync(proxy.url);
    expect(await projectState(li.db, projectId)).toEqual(await projectState(zhang.db, projectId));
  });
});
