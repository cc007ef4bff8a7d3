import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { importProjectBundle } from '../../renderer/data/bundle-io';
import { openDataLayer } from '../../renderer/data/open-data';
import { refusedChanges } from '../../renderer/data/outbox';
import { encodeBundle } from '../../shared/sync/bundle';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, unsentCount } from './helpers/sync-client';

const dialects = await testDialects();

describe.each(dialects)('a change no server can store, waiting in a device queue (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('is refused on the device with its reason; the edits after it still reach the server', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'NUL-01', name: '江南银行运维', customer: '江南银行' });
    const asset = await zhang.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    await zhang.sync();
    // Another device's change, relayed from a bundle imported before bundles were checked for
    // NUL: its author holds one, which PostgreSQL cannot store.
    const bad = {
      changeId: newId(),
      projectId: project.id,
      table: 'assets',
      rowId: asset.id,
      fields: { rack: 'B-09' },
      hlc: zhang.clock.now().replace(zhang.deviceId, 'laptop'),
      author: '李\u0000工',
      deviceId: 'laptop',
    };
    await zhang.db.changes.add(bad);
    await zhang.db.relay.add({ hlc: bad.hlc, changeId: bad.changeId, projectId: project.id });
    await zhang.repo.update('assets', asset.id, { hostname: 'db01-new' });

    const report = await zhang.sync();
    expect(report).toMatchObject({ pushed: 1, rejected: 1 });
    expect(await server.row('assets', asset.id)).toMatchObject({ hostname: 'db01-new', rack: 'A-01' });
    expect(await refusedChanges(zhang.db, project.id)).toEqual([
      expect.objectContaining({
        changeId: bad.changeId,
        rejected: expect.objectContaining({ code: 'invalid', reason: expect.stringMatching(/author.*NUL/) }),
      }),
    ]);
    expect(await unsentCount(zhang.db)).toBe(0);
    expect(await zhang.sync()).toMatchObject({ pushed: 0, rejected: 0 });
  });
});

it('a bundle holding a change with a NUL character in its author is refused whole by the app, so it never reaches a queue', async () => {
  const device = await openDataLayer(() => '张工', { name: `nul-bundle-${Date.now()}` });
  const projectId = newId();
  const change = {
    changeId: newId(),
    projectId,
    table: 'projects',
    rowId: projectId,
    fields: { code: 'NUL-02', name: '数据包', customer: '某银行' },
    hlc: '001764240000000-000000-laptop',
    author: '李\u0000工',
    deviceId: 'laptop',
  };
  const bytes = await encodeBundle({
    manifest: { projectId, projectName: '数据包', exportedAt: new Date().toISOString(), exportedBy: '李工' },
    changes: [change],
    rows: [],
    blobs: [],
  });
  await expect(importProjectBundle(device.db, device.clock, bytes)).rejects.toThrow(/changes\.jsonl 第 1 行无效/);
  expect(await device.db.changes.count()).toBe(0);
  expect(await device.db.relay.count()).toBe(0);
});
