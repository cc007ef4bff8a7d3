import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { newId } from '../../shared/ids';
import { refusedChanges } from '../../renderer/data/outbox';
import { openSyncClient, projectState, unsentCount, type SyncClient } from './helpers/sync-client';

const dialects = await testDialects();
const DAY = 86_400_000;

describe.each(dialects)('engineers syncing through the server (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  /** 张工 creates the project in the field; the administrator then adds 李工 to it. */
  async function teamWithProject(others: Array<{ name: string; skewMs?: number; role?: string }> = [{ name: 'li' }]) {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    for (const other of others) await server.addUser(other.name, undefined, other.name === 'li' ? '李工' : other.name);
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'JNB-01', name: '江南银行运维', customer: '江南银行' });
    const asset = await zhang.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    await zhang.sync();
    const clients: SyncClient[] = [zhang];
    for (const other of others) {
      await server.addMember(project.id, other.name, other.role ?? 'engineer');
      const client = await openSyncClient(server, other.name, { skewMs: other.skewMs });
      await client.sync();
      clients.push(client);
    }
    return { project, asset, clients };
  }

  it('a new device downloads the project the engineer created offline', async () => {
    const { project, asset, clients } = await teamWithProject();
    const [zhang, li] = clients as [SyncClient, SyncClient];
    expect(await li.db.assets.get(asset.id)).toMatchObject({ name: 'db01', rack: 'A-01' });
    expect(await projectState(li.db, project.id)).toEqual(await projectState(zhang.db, project.id));
    expect(await unsentCount(zhang.db)).toBe(0);
    expect(await li.db.changes.count()).toBe(2); // the history came along
  });

  it('different fields edited offline on two devices both survive', async () => {
    const { project, asset, clients } = await teamWithProject();
    const [zhang, li] = clients as [SyncClient, SyncClient];
    await zhang.repo.update('assets', asset.id, { vendor: '华为', model: '2288H V6' });
    await li.repo.update('assets', asset.id, { owner: '李工', rack: 'B-07' });
    await zhang.sync();
    await li.sync();
    await zhang.sync();
    for (const client of [zhang, li]) {
      expect(await client.db.assets.get(asset.id)).toMatchObject({
        vendor: '华为',
        model: '2288H V6',
        owner: '李工',
        rack: 'B-07',
      });
      expect(await client.db.conflicts.count()).toBe(0);
    }
    expect(await server.conflicts()).toEqual([]);
    expect(await projectState(li.db, project.id)).toEqual(await projectState(zhang.db, project.id));
  });

  it('the same field keeps the later write; the other value is kept as a conflict and can be restored', async () => {
    const { project, asset, clients } = await teamWithProject();
    const [zhang, li] = clients as [SyncClient, SyncClient];
    await zhang.repo.update('assets', asset.id, { rack: 'C-01' }); // earlier
    await new Promise((resolve) => setTimeout(resolve, 5));
    await li.repo.update('assets', asset.id, { rack: 'D-02' }); // later
    await li.sync(); // the later write reaches the server first
    await zhang.sync();
    await li.sync();

    for (const client of [zhang, li]) expect((await client.db.assets.get(asset.id))!.rack).toBe('D-02');
    expect(await server.conflicts()).toEqual([
      expect.objectContaining({ rowId: asset.id, field: 'rack', value: 'C-01' }),
    ]);
    // Both engineers see what lost, on their own devices, once.
    for (const client of [zhang, li]) {
      expect(await client.db.conflicts.toArray()).toEqual([
        expect.objectContaining({ field: 'rack', value: 'C-01', author: '张工', resolved: 0 }),
      ]);
    }
    const [lost] = await zhang.db.conflicts.toArray();

    // Restoring is a new write: it wins everywhere.
    await zhang.repo.update('assets', asset.id, { rack: lost!.value as string });
    await zhang.sync();
    await li.sync();
    for (const client of [zhang, li]) expect((await client.db.assets.get(asset.id))!.rack).toBe('C-01');
    expect(await projectState(li.db, project.id)).toEqual(await projectState(zhang.db, project.id));
  });

  it('two devices starting the SLA offline: the fields each one set survive, no defaults overwrite values', async () => {
    // The SLA is agreed with the customer: the project manager's and the technical lead's to write (shared/roles.ts).
    const { project, clients } = await teamWithProject([{ name: 'li', role: 'techLead' }]);
    const [zhang, li] = clients as [SyncClient, SyncClient];
    await zhang.repo.saveSingleton('sla', project.id, { serviceHours: '7x24', penalties: '每次超时扣减当月服务费 1%' });
    await li.repo.saveSingleton('sla', project.id, { reportingCadence: 'weekly' });
    await zhang.sync();
    await li.sync();
    await zhang.sync();
    for (const client of [zhang, li]) {
      expect(await client.db.sla.get(project.id)).toMatchObject({
        serviceHours: '7x24',
        penalties: '每次超时扣减当月服务费 1%',
        reportingCadence: 'weekly',
      });
    }
    expect(await server.conflicts()).toEqual([]);
  });

  it('editing a value one has already seen is an edit, not a conflict', async () => {
    const { asset, clients } = await teamWithProject();
    const [zhang, li] = clients as [SyncClient, SyncClient];
    await zhang.repo.update('assets', asset.id, { rack: 'E-05' });
    await zhang.sync();
    await li.sync();
    await li.repo.update('assets', asset.id, { rack: 'E-06' });
    await li.sync();
    await zhang.sync();
    expect(await server.conflicts()).toEqual([]);
    expect(await zhang.db.conflicts.count()).toBe(0);
    expect(await li.db.conflicts.count()).toBe(0);
    expect((await zhang.db.assets.get(asset.id))!.rack).toBe('E-06');
  });

  it('clocks two days apart: all converge; a clock ahead is refused until it is fixed, and nothing is lost', async () => {
    const { project, asset, clients } = await teamWithProject([
      { name: 'li', skewMs: -2 * DAY },
      { name: 'wang', skewMs: 2 * DAY },
    ]);
    const [zhang, li, wang] = clients as [SyncClient, SyncClient, SyncClient];
    await zhang.repo.update('assets', asset.id, { owner: '张工' });
    await li.repo.update('assets', asset.id, { osVersion: 'CentOS 7.9', owner: '李工' });
    await wang.repo.update('assets', asset.id, { notes: '王工巡检发现风扇异响', owner: '王工' });
    await wang.repo.create('assets', project.id, { name: 'fw01', type: 'security' });

    const refused = await wang.sync();
    expect(refused.deferred.length).toBe(2);
    expect(refused.deferred[0]!.reason).toMatch(/时钟/);
    expect(await unsentCount(wang.db)).toBe(2); // still queued, not dropped, not marked rejected

    await li.sync();
    await zhang.sync();
    wang.skewMs = 0; // the engineer fixes the laptop's clock
    const accepted = await wang.sync();
    expect(accepted.deferred).toEqual([]);
    expect(await unsentCount(wang.db)).toBe(0);
    for (const client of [zhang, li, wang]) await client.sync();

    const states = await Promise.all(clients.map((c) => projectState(c.db, project.id)));
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    const merged = (await zhang.db.assets.get(asset.id))!;
    expect(merged).toMatchObject({ osVersion: 'CentOS 7.9', notes: '王工巡检发现风扇异响' });
    // 李工's clock is two days behind, so by timestamp his write is the oldest of the three; the
    // owner that was written last by its (corrected) clock wins, and the others are kept.
    const ownerValues = [
      merged.owner,
      ...(await server.conflicts()).filter((c) => c.field === 'owner').map((c) => c.value),
    ];
    expect(ownerValues.sort()).toEqual(['张工', '李工', '王工'].sort());
  });

  it("a clock that jumps backwards keeps the order of a device's own writes", async () => {
    const { asset, clients } = await teamWithProject();
    const [zhang, li] = clients as [SyncClient, SyncClient];
    await zhang.repo.update('assets', asset.id, { rack: 'first' });
    zhang.skewMs = -3 * 3_600_000; // the clock jumps three hours back
    await zhang.repo.update('assets', asset.id, { rack: 'second' });
    await zhang.sync();
    await li.sync();
    expect((await li.db.assets.get(asset.id))!.rack).toBe('second');
  });

  it('a member removed from a project is told; its data goes, its unsent changes are kept aside', async () => {
    const { project, asset, clients } = await teamWithProject();
    const [, li] = clients as [SyncClient, SyncClient];
    await li.repo.update('assets', asset.id, { notes: '尚未同步的记录' });
    const { removeMember } = await import('../../server/admin/commands');
    await removeMember(server.store, { project: project.id, username: 'li' });
    const report = await li.sync();
    expect(report.removedProjects).toEqual([expect.objectContaining({ projectId: project.id, keptChanges: 1 })]);
    expect(await li.db.projects.get(project.id)).toBeUndefined();
    expect(await li.db.assets.where('projectId').equals(project.id).count()).toBe(0);
    const kept = await li.db.orphanedChanges.toArray();
    expect(kept).toEqual([expect.objectContaining({ rowId: asset.id, fields: { notes: '尚未同步的记录' } })]);
    expect(await unsentCount(li.db)).toBe(0);
    expect(await li.db.refused.count()).toBe(0);
  });

  it('a change the server refuses for good leaves the queue, is listed with its reason, and never blocks the changes after it', async () => {
    const { project, asset, clients } = await teamWithProject();
    const [zhang] = clients as [SyncClient];
    // A change no server accepts (a field its record type does not have), logged like any other.
    const bad = {
      changeId: newId(),
      projectId: project.id,
      table: 'assets',
      rowId: asset.id,
      fields: { noSuchField: 1 },
      hlc: zhang.clock.now(),
      author: '张工',
      deviceId: zhang.deviceId,
    };
    await zhang.db.changes.add(bad);
    expect(await unsentCount(zhang.db)).toBe(1);
    await zhang.repo.update('assets', asset.id, { rack: 'A-02' });
    const report = await zhang.sync();
    expect(report).toMatchObject({ pushed: 1, rejected: 1 });
    expect(await unsentCount(zhang.db)).toBe(0);
    const refused = await refusedChanges(zhang.db, project.id);
    expect(refused).toEqual([
      expect.objectContaining({
        changeId: bad.changeId,
        rejected: expect.objectContaining({ code: 'invalid', reason: expect.stringMatching(/noSuchField/) }),
      }),
    ]);
    expect(await server.row('assets', asset.id)).toMatchObject({ rack: 'A-02' });
    // The next round does not send it again.
    expect(await zhang.sync()).toMatchObject({ pushed: 0, rejected: 0, duplicates: 0 });
  });
});

describe.each(dialects)('one engineer editing their own records (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('creating, renaming and syncing leaves no conflict: a device never conflicts with itself', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang');
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'SELF', name: '自己的修改', customer: '测试' });
    const asset = await zhang.repo.create('assets', project.id, { name: 'old-name' });
    await zhang.sync();
    await zhang.repo.update('assets', asset.id, { name: 'new-name' });
    await zhang.repo.update('assets', asset.id, { name: 'newer-name' });
    await zhang.sync();
    await zhang.sync();
    expect(await server.conflicts()).toEqual([]);
    expect(await zhang.db.conflicts.count()).toBe(0);
  });
});
