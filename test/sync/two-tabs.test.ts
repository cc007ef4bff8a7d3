import { afterEach, describe, expect, it } from 'vitest';
import { openDataLayer } from '../../renderer/data/open-data';
import { pushedUpTo } from '../../renderer/data/outbox';
import { SyncEngine } from '../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { startTestServer, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, unsentCount } from './helpers/sync-client';

/**
 * Two tabs of the browser host share one database and one device id, each with its own clock.
 * What waits to be pushed is "this device's changes after the push watermark" (outbox.ts), so
 * a tab whose clock lags must never write a change at or below the watermark another tab moved,
 * and the watermark must never pass a change written while a push was under way. The client
 * logic is the same whatever the server's database, so SQLite is enough here.
 */
describe('two tabs of one device pushing through the server', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('a change a lagging tab writes while the other tab pushes, and one it writes after, both reach the server', async () => {
    server = await startTestServer('sqlite');
    await server.addUser('zhang', undefined, '张工');
    const first = await openSyncClient(server, 'zhang');
    const project = await first.repo.createProject({ code: 'TABS', name: '两个标签页', customer: '测试' });
    const asset = await first.repo.create('assets', project.id, { name: 'db01' });
    await first.sync();
    // The second tab opens now; its wall clock is a minute behind the first tab's.
    const second = await openDataLayer(() => '张工', { name: first.db.name, wallClock: () => Date.now() - 60_000 });
    expect(second.deviceId).toBe(first.deviceId);

    await first.repo.update('assets', asset.id, { rack: 'A-01' });
    // While the first tab's push is at the server, the second tab writes: its stamp sorts before
    // the change being pushed.
    let lateWrite: Promise<unknown> = Promise.resolve();
    const gated: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).includes('/v1/sync/push'))
        lateWrite = second.repo.update('assets', asset.id, { owner: '王工' });
      const response = await fetch(input, init);
      await lateWrite;
      return response;
    };
    const engine = new SyncEngine(first.db, first.clock, new SyncHttp(server.url, () => first.token, gated));
    const firstRound = await engine.pushPending();
    const lagging = (await second.db.changes.where('[table+rowId]').equals(['assets', asset.id]).toArray()).find(
      (c) => c.fields.owner === '王工',
    )!;
    const pushed = (await first.db.changes.where('[table+rowId]').equals(['assets', asset.id]).toArray()).find(
      (c) => c.fields.rack === 'A-01',
    )!;
    expect(lagging.hlc < pushed.hlc).toBe(true);
    // The first batch's answer could not move the watermark past the lagging change (unsent, and
    // before the answered one in hlc order); the same round then sent it, and the watermark moved
    // over both.
    expect(firstRound).toMatchObject({ pushed: 2, rejected: 0, deferred: [] });
    expect(await pushedUpTo(first.db)).toBe(pushed.hlc);
    expect(await unsentCount(first.db)).toBe(0);
    expect(await first.sync()).toMatchObject({ pushed: 0, duplicates: 0 });
    const watermark = await pushedUpTo(first.db);

    // The lagging tab writes again, after the watermark moved past its wall clock.
    await second.repo.update('assets', asset.id, { notes: '第二个标签页' });
    const after = (await second.db.changes.where('[table+rowId]').equals(['assets', asset.id]).toArray()).find(
      (c) => c.fields.notes === '第二个标签页',
    )!;
    expect(after.hlc > watermark).toBe(true);
    expect(await unsentCount(first.db)).toBe(1);
    await first.sync();
    expect(await unsentCount(first.db)).toBe(0);
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'A-01', owner: '王工', notes: '第二个标签页' });
    second.db.close();
  });
});
