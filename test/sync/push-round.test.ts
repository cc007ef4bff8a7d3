import type { DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { startTestServer, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, type SyncClient, unsentCount } from './helpers/sync-client';

/** Counts the reads of the push queue's relay part (one per look at the queue). */
async function countQueueReads(client: SyncClient): Promise<{ reads: number }> {
  const counter = { reads: 0 };
  client.db.close();
  client.db.use({
    stack: 'dbcore',
    name: 'count-queue-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'relay') return table;
        return {
          ...table,
          query(request) {
            counter.reads++;
            return table.query(request);
          },
        };
      },
    }),
  });
  await client.db.open();
  return counter;
}

/** A push round of a few edits, as SyncEngine.pushPending runs it (SQLite is enough: the client logic is the same). */
describe('a push round', () => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('reads the queue once when everything queued fits one batch; an edit saved during the push goes with the next round', async () => {
    server = await startTestServer('sqlite');
    await server.addUser('zhang', undefined, '张工');
    const client = await openSyncClient(server, 'zhang');
    const project = await client.repo.createProject({ code: 'ROUND', name: '推送轮次', customer: '测试' });
    const asset = await client.repo.create('assets', project.id, { name: 'db01' });
    await client.sync();
    const counter = await countQueueReads(client);

    for (const rack of ['A-01', 'A-02', 'A-03']) await client.repo.update('assets', asset.id, { rack });
    let lateWrite: Promise<unknown> | undefined;
    const gated: typeof fetch = async (input, init) => {
      // While the batch is at the server, the engineer saves one more edit.
      if (!lateWrite && init?.method === 'POST' && String(input).includes('/v1/sync/push'))
        lateWrite = client.repo.update('assets', asset.id, { owner: '王工' });
      const response = await fetch(input, init);
      await lateWrite;
      return response;
    };
    const engine = new SyncEngine(client.db, client.clock, new SyncHttp(server.url, () => client.token, gated));

    expect(await engine.pushPending()).toMatchObject({ pushed: 3, rejected: 0, deferred: [] });
    expect(counter.reads).toBe(1);
    // Not lost: still queued, and the next round sends it.
    expect(await unsentCount(client.db)).toBe(1);
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'A-03' });
    expect(await engine.pushPending()).toMatchObject({ pushed: 1, rejected: 0 });
    expect(await unsentCount(client.db)).toBe(0);
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'A-03', owner: '王工' });
  });

  it('sends each batch as the JSON of its changes, seen and changeSeen, the changes serialised once when the batch is measured', async () => {
    server = await startTestServer('sqlite');
    await server.addUser('li', undefined, '李工');
    const client = await openSyncClient(server, 'li');
    const project = await client.repo.createProject({ code: 'BODY', name: '推送内容', customer: '测试' });
    await client.repo.writeMany(
      ['web01', 'web02', '数据库 01'].map((name) => ({
        kind: 'create',
        table: 'assets',
        projectId: project.id,
        values: { name, tags: ['生产'] },
      })),
    );
    const bodies: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).includes('/v1/sync/push')) bodies.push(String(init.body));
      return fetch(input, init);
    };
    const engine = new SyncEngine(client.db, client.clock, new SyncHttp(server.url, () => client.token, recording));

    expect(await engine.pushPending()).toMatchObject({ pushed: 4, rejected: 0, deferred: [] });
    expect(bodies).toHaveLength(1);
    const body = JSON.parse(bodies[0]!) as {
      changes: Array<Record<string, unknown>>;
      seen: Record<string, number>;
      changeSeen: number[];
    };
    // Byte for byte what JSON.stringify makes of the same request.
    expect(bodies[0]).toBe(JSON.stringify(body));
    expect(Object.keys(body)).toEqual(['changes', 'seen', 'changeSeen']);
    const logged = await client.db.changes.where('projectId').equals(project.id).sortBy('hlc');
    expect(body.changes).toEqual(
      logged.map(({ changeId, projectId, table, rowId, fields, hlc, author, deviceId }) => ({
        changeId,
        projectId,
        table,
        rowId,
        fields,
        hlc,
        author,
        deviceId,
      })),
    );
    expect(body.seen).toEqual({ [project.id]: 0 });
    expect(body.changeSeen).toEqual([0, 0, 0, 0]);
    expect(await server.row('assets', logged[3]!.rowId)).toMatchObject({ name: '数据库 01', tags: ['生产'] });
  });
});
