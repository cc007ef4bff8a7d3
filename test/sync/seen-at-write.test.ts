import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient } from './helpers/sync-client';

const dialects = await testDialects();
const laterMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(dialects)('what a writer had seen is what it had pulled when it wrote (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('B edits, pulls A’s older concurrent edit of the field, then pushes: the server keeps A’s value as a conflict every member sees', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('li', undefined, '李工');
    const a = await openSyncClient(server, 'zhang');
    const project = await a.repo.createProject({ code: 'SEEN-1', name: '并发覆盖', customer: '某银行' });
    const asset = await a.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    await a.sync();
    await server.addMember(project.id, 'li', 'engineer');
    const b = await openSyncClient(server, 'li');
    await b.sync();

    await a.repo.update('assets', asset.id, { rack: 'A-02' }); // A's edit: the older one
    await laterMillisecond();
    await b.repo.update('assets', asset.id, { rack: 'B-03' }); // B's, concurrent: B has not seen A-02
    await a.sync();
    // B pulls before it pushes: its cursor now covers A-02, but its edit was made without it.
    await b.engine().pullProject(project.id);
    await b.engine().pushPending();

    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'B-03' });
    expect(await server.conflicts()).toEqual([
      expect.objectContaining({ rowId: asset.id, field: 'rack', value: 'A-02' }),
    ]);
    // Every member is told, A included.
    await a.sync();
    expect(await a.db.conflicts.toArray()).toEqual([
      expect.objectContaining({ rowId: asset.id, field: 'rack', value: 'A-02' }),
    ]);
    expect(await a.db.assets.get(asset.id)).toMatchObject({ rack: 'B-03' });
  });

  it('an edit made after pulling the other value is still an edit, not a conflict', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('li', undefined, '李工');
    const a = await openSyncClient(server, 'zhang');
    const project = await a.repo.createProject({ code: 'SEEN-2', name: '先看后改', customer: '某银行' });
    const asset = await a.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    await a.sync();
    await server.addMember(project.id, 'li', 'engineer');
    const b = await openSyncClient(server, 'li');
    await b.sync();
    await b.repo.update('assets', asset.id, { owner: '李工' }); // unsent while B pulls
    await a.repo.update('assets', asset.id, { rack: 'A-02' });
    await a.sync();
    await b.engine().pullProject(project.id);
    await b.repo.update('assets', asset.id, { rack: 'B-03' }); // B saw A-02 before writing this
    await b.sync();
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'B-03', owner: '李工' });
    expect(await server.conflicts()).toEqual([]);
  });
});
