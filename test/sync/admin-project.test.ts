import { afterEach, describe, expect, it } from 'vitest';
import { addProject } from '../../server/admin/commands';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient } from './helpers/sync-client';

const dialects = await testDialects();

describe.each(dialects)('a project the administrator creates on the server (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('reaches its members like any other: its row is pulled, listed and editable, and edits sync', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('li', undefined, '李工');
    // The CLI's own function, without an id: made on the server, not adopted from a device.
    const project = await addProject(server.store, { code: 'JNB-OPS', name: '江南银行运维', customer: '江南银行' });
    await server.addMember(project.id, 'zhang', 'pm');
    await server.addMember(project.id, 'li', 'engineer');

    const zhang = await openSyncClient(server, 'zhang');
    const report = await zhang.sync();
    expect(report.pulled).toBe(1);
    expect(await zhang.db.projects.get(project.id)).toMatchObject({
      id: project.id,
      projectId: project.id,
      code: 'JNB-OPS',
      name: '江南银行运维',
      customer: '江南银行',
    });
    expect((await zhang.db.projects.toArray()).map((p) => p.code)).toEqual(['JNB-OPS']);

    await zhang.repo.update('projects', project.id, { name: '江南银行数据中心运维' });
    await zhang.sync();
    const li = await openSyncClient(server, 'li');
    await li.sync();
    expect(await li.db.projects.get(project.id)).toMatchObject({ code: 'JNB-OPS', name: '江南银行数据中心运维' });
    expect(await server.conflicts()).toEqual([]);
  });
});
