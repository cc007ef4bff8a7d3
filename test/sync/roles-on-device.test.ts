import { afterEach, describe, expect, it } from 'vitest';
import { rightsOf } from '../../renderer/app/use-project-rights';
import { RecordValidationError } from '../../renderer/data/repository';
import { serverRoleOf } from '../../renderer/data/sync/server-roles';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, unsentCount } from './helpers/sync-client';
import { sha256Hex } from '../../shared/sha256';

const dialects = await testDialects();

describe.each(dialects)('the role on the device (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  async function team() {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('wang', undefined, '王经理');
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'JNB-01', name: '江南银行运维', customer: '江南银行' });
    const asset = await zhang.repo.create('assets', project.id, { name: 'db01' });
    const requirement = await zhang.repo.create('requirements', project.id, {
      code: 'REQ-001',
      statement: '核心系统可用性 99.9%',
      acceptanceCriterion: '月度可用性报表',
      status: 'pending',
    });
    await zhang.sync();
    return { zhang, project, asset, requirement };
  }

  it('a project only on this device has every right; after its first sync the device knows it is the manager', async () => {
    const { zhang, project } = await team();
    const offline = await zhang.repo.createProject({ code: 'LOCAL-1', name: '只在本机的项目', customer: '某客户' });
    expect(await serverRoleOf(zhang.db, offline.id)).toBeUndefined();
    expect(rightsOf(undefined).may('manageMembers', 'members')).toBe(true);
    await zhang.repo.update('projects', offline.id, { name: '改名也可以' });
    expect(await serverRoleOf(zhang.db, project.id)).toBe('pm');
  });

  it('a customer contact: the device refuses what the role cannot do, with the reason, and writes nothing; confirming works', async () => {
    const { project, asset, requirement } = await team();
    await server.addMember(project.id, 'wang', 'customerContact');
    const wang = await openSyncClient(server, 'wang');
    await wang.sync();
    expect(await serverRoleOf(wang.db, project.id)).toBe('customerContact');
    const rights = rightsOf(await serverRoleOf(wang.db, project.id));
    expect([
      rights.may('update', 'assets'),
      rights.may('create', 'incidents'),
      rights.maySet('requirements', 'status', 'confirmed'),
      rights.mayWriteField('changeRecords', 'approvalDecision', 'update'),
      rights.mayWriteField('changeRecords', 'title', 'update'),
    ]).toEqual([false, true, true, true, false]);

    const changesBefore = await wang.db.changes.count();
    const refused = wang.repo.update('assets', asset.id, { rack: 'A-09' });
    await expect(refused).rejects.toThrow(RecordValidationError);
    await expect(refused).rejects.toThrow('你在该项目中的角色是“客户联系人”，不能修改运维对象');
    expect((await wang.db.assets.get(asset.id))!.rack).toBe('');
    await expect(wang.repo.update('projects', project.id, { name: '改个名' })).rejects.toThrow('修改项目名称和编号');
    expect(await wang.db.changes.count()).toBe(changesBefore);

    await wang.repo.update('requirements', requirement.id, {
      status: 'confirmed',
      confirmedBy: '王经理',
      confirmedAt: '2026-12-07',
    });
    await wang.repo.create('incidents', project.id, { title: '网银登录缓慢', reportedAt: '2026-12-07T09:30' });
    const report = await wang.sync();
    expect(report).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await server.row('requirements', requirement.id)).toMatchObject({
      status: 'confirmed',
      confirmedBy: '王经理',
    });
  });

  it('a change written before a demotion is refused by the server with its reason, kept aside, and the queue goes on', async () => {
    const { zhang, project, asset } = await team();
    await server.addUser('li', undefined, '李工');
    await server.addMember(project.id, 'li', 'engineer');
    const li = await openSyncClient(server, 'li');
    await li.sync();
    await li.repo.update('assets', asset.id, { rack: 'B-01' }); // allowed when written
    // The manager makes 李工 an observer from the team page, through the server.
    const http = new SyncHttp(server.url, () => zhang.token);
    await http.putMember(project.id, 'li', 'observer');
    expect((await http.members(project.id)).map((m) => `${m.username}:${m.role}`)).toEqual(['li:observer', 'zhang:pm']);

    const report = await li.sync();
    expect(report).toMatchObject({ pushed: 0, rejected: 1 });
    const [kept] = await li.db.refused.toArray();
    expect(kept).toMatchObject({ code: 'forbidden', reason: expect.stringContaining('观察者') });
    expect(await unsentCount(li.db)).toBe(0); // not blocking what comes after
    expect(await serverRoleOf(li.db, project.id)).toBe('observer');
    await expect(li.repo.create('assets', project.id, { name: 'web01' })).rejects.toThrow('不能新增运维对象');

    // Promoted again, the next edit goes through.
    await http.putMember(project.id, 'li', 'engineer');
    await li.sync();
    await li.repo.update('assets', asset.id, { rack: 'B-02' });
    expect(await li.sync()).toMatchObject({ pushed: 1, rejected: 0 });
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'B-02' });
  });
  it('an attachment written before a demotion to observer: its upload is refused (403), the change is refused with its reason, the queue goes on', async () => {
    const { zhang, project, asset } = await team();
    await server.addUser('li', undefined, '李工');
    await server.addMember(project.id, 'li', 'engineer');
    const li = await openSyncClient(server, 'li');
    await li.sync();
    // Written while 李工 was an engineer: an ops log entry with a photo as evidence, then an edit.
    const bytes = new TextEncoder().encode('备份检查截图');
    const sha256 = await sha256Hex(bytes);
    await li.db.blobs.put({
      sha256,
      type: 'image/png',
      size: bytes.byteLength,
      bytes: new Blob([bytes]),
      pendingUpload: 1,
    });
    const evidence = [{ sha256, name: '备份.png', type: 'image/png', size: bytes.byteLength }];
    const entry = await li.repo.create('opsLogs', project.id, { kind: 'backupCheck', title: '备份检查', evidence });
    await li.repo.update('assets', asset.id, { rack: 'C-01' });
    await new SyncHttp(server.url, () => zhang.token).putMember(project.id, 'li', 'observer');

    const direct = await new SyncHttp(server.url, () => li.token)
      .putBlobChunk(sha256, project.id, 0, bytes.byteLength, bytes)
      .catch((error: unknown) => error);
    expect(direct).toMatchObject({
      status: 403,
      message: '你在该项目中的角色是“观察者”，不能上传附件 / an observer may not upload attachments in this project',
    });

    const report = await li.sync();
    expect(report).toMatchObject({ pushed: 0, rejected: 2 });
    expect((await li.db.refused.toArray()).map((r) => r.code)).toEqual(['forbidden', 'forbidden']);
    expect(await unsentCount(li.db)).toBe(0);
    expect(await server.row('opsLogs', entry.id)).toBeUndefined();
    expect(await server.counts()).toMatchObject({ blobs: 0 });
    // The bytes stay on the device (the record that shows them is still listed as refused).
    expect(await li.db.blobs.get(sha256)).toMatchObject({ pendingUpload: 1 });
  });
});
