import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { addMember, addProject, resolveProject } from '../../server/admin/commands';
import { makeChange, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('projects the administrator makes (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('add-project logs the project row as the first change of its log, stamped by the server', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await addProject(t.store, { code: ' JNB-OPS ', name: '江南银行运维' });
    expect(project).toMatchObject({ code: 'JNB-OPS', name: '江南银行运维', lastSeq: 1 });
    await addMember(t.store, { project: 'JNB-OPS', username: 'alice', role: 'engineer' });
    const alice = await t.login('alice');
    const [created, ...rest] = await alice.pullAll(project.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({
      seq: 1,
      table: 'projects',
      rowId: project.id,
      projectId: project.id,
      fields: { code: 'JNB-OPS', name: '江南银行运维' },
      deviceId: 'server',
    });
    expect(created!.hlc).toMatch(/-server$/);
    expect(await t.row('projects', project.id)).toMatchObject({ code: 'JNB-OPS', name: '江南银行运维' });
  });

  it('a partial edit of a project writes only the fields it was given: a name-only edit keeps the code', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    // Registered under a device-made id: the server holds no row for it yet.
    const project = await t.addProject('SZ-07', { id: newId(), name: '深圳分行', members: { alice: 'pm' } });
    const alice = await t.login('alice');
    const rename = makeChange({
      projectId: project.id,
      table: 'projects',
      rowId: project.id,
      fields: { name: '深圳分行机房' },
    });
    expect((await alice.push([rename])).body.results).toMatchObject([{ status: 'applied' }]);
    expect(await resolveProject(t.store, 'SZ-07')).toMatchObject({
      id: project.id,
      code: 'SZ-07',
      name: '深圳分行机房',
    });
    await t.addUser('bob');
    await addMember(t.store, { project: 'SZ-07', username: 'bob', role: 'engineer' });
    expect((await (await t.login('bob')).projects()).body.projects).toEqual([
      {
        id: project.id,
        code: 'SZ-07',
        name: '深圳分行机房',
        role: 'engineer',
        bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });
});
