import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../shared/hlc';
import { rowHistory } from '../../shared/change-log';
import { FieldbookDb } from '../../renderer/data/db';
import { RecordNotFoundError, RecordValidationError, Repository } from '../../renderer/data/repository';
import { openTestRepository, sampleProject } from './helpers/test-db';

describe('repository writes and their change entries', () => {
  it('a create stores the row and exactly one change entry holding every field', async () => {
    const { db, repo, deviceId } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const asset = await repo.create('assets', project.id, { name: ' DB01 ', hostname: 'db01', ips: ['10.0.0.5'] });

    const stored = await db.assets.get(asset.id);
    expect(stored).toMatchObject({
      name: 'DB01',
      hostname: 'db01',
      ips: ['10.0.0.5'],
      type: 'server',
      projectId: project.id,
      deleted: false,
    });
    const changes = await db.changes.where({ table: 'assets', rowId: asset.id }).toArray();
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ projectId: project.id, table: 'assets', rowId: asset.id, author: '张工', deviceId });
    expect(change!.fields).toEqual({
      type: 'server',
      name: 'DB01',
      hostname: 'db01',
      ips: ['10.0.0.5'],
      vendor: '',
      model: '',
      serialNumber: '',
      site: '',
      room: '',
      rack: '',
      uPosition: '',
      osVersion: '',
      owner: '',
      criticality: 'medium',
      tags: [],
      notes: '',
    });
    // Every field of the row carries the hlc of the write that set it.
    expect(new Set(Object.values(stored!.fieldHlc))).toEqual(new Set([change!.hlc]));
    expect(Object.keys(stored!.fieldHlc).sort()).toEqual(Object.keys(change!.fields).sort());
  });

  it("a project's own id is its projectId", async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    expect(project.projectId).toBe(project.id);
    const [change] = await db.changes.toArray();
    expect(change).toMatchObject({ table: 'projects', rowId: project.id, projectId: project.id });
  });

  it('an update records only the fields that changed, with their new values', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const asset = await repo.create('assets', project.id, { name: 'web01', vendor: 'Huawei' });
    const updated = await repo.update('assets', asset.id, { name: 'web01', vendor: 'H3C', rack: 'A-03' });

    const changes = await db.changes.where({ table: 'assets', rowId: asset.id }).sortBy('hlc');
    expect(changes).toHaveLength(2);
    expect(changes[1]!.fields).toEqual({ vendor: 'H3C', rack: 'A-03' });
    expect(updated.fieldHlc.vendor).toBe(changes[1]!.hlc);
    expect(updated.fieldHlc.rack).toBe(changes[1]!.hlc);
    expect(updated.fieldHlc.name).toBe(changes[0]!.hlc);
    expect(await db.assets.get(asset.id)).toMatchObject({ vendor: 'H3C', rack: 'A-03', name: 'web01' });
  });

  describe('an update based on the row the caller holds (written without reading first)', () => {
    it('writes what an update by id writes, and its result serves as the base of the next', async () => {
      const { db, repo } = await openTestRepository();
      const project = await repo.createProject(sampleProject);
      const asset = await repo.create('assets', project.id, { name: 'web01', vendor: 'Huawei' });
      const held = (await db.assets.get(asset.id))!;
      const first = await repo.update('assets', asset.id, { vendor: 'H3C' }, held);
      const second = await repo.update('assets', asset.id, { rack: 'A-03', name: 'web02' }, first);

      const changes = await db.changes.where({ table: 'assets', rowId: asset.id }).sortBy('hlc');
      expect(changes.map((c) => c.fields)).toEqual([
        expect.objectContaining({ name: 'web01', vendor: 'Huawei' }),
        { vendor: 'H3C' },
        { rack: 'A-03', name: 'web02' },
      ]);
      expect(second.fieldHlc).toMatchObject({ vendor: changes[1]!.hlc, rack: changes[2]!.hlc, name: changes[2]!.hlc });
      expect(await db.assets.get(asset.id)).toMatchObject({ vendor: 'H3C', rack: 'A-03', name: 'web02' });
      // The list and sort keys the database derives follow the new name.
      expect(await db.assets.where('[live+name]').equals([project.id, 'web02']).count()).toBe(1);
    });

    it('loses nothing another writer stored after the caller read the row', async () => {
      const { db, repo, deviceId, clock } = await openTestRepository();
      const project = await repo.createProject(sampleProject);
      const asset = await repo.create('assets', project.id, { name: 'web01', vendor: 'Huawei' });
      const held = (await db.assets.get(asset.id))!;
      // Another tab (same device, same database) changes the vendor meanwhile.
      const otherTab = new Repository(db, { deviceId, clock, author: () => '李工' });
      await otherTab.update('assets', asset.id, { vendor: 'H3C' });

      const updated = await repo.update('assets', asset.id, { rack: 'A-03' }, held);
      expect(updated).toMatchObject({ vendor: 'H3C', rack: 'A-03' });
      expect(await db.assets.get(asset.id)).toMatchObject({ vendor: 'H3C', rack: 'A-03' });
      const changes = await db.changes.where({ table: 'assets', rowId: asset.id }).sortBy('hlc');
      expect(changes.slice(1).map((c) => c.fields)).toEqual([{ vendor: 'H3C' }, { rack: 'A-03' }]);
      // Setting back what the held row showed is a change against the stored row.
      await repo.update('assets', asset.id, { vendor: 'Huawei' }, held);
      expect((await db.assets.get(asset.id))!.vendor).toBe('Huawei');
      expect(await db.changes.where({ table: 'assets', rowId: asset.id }).count()).toBe(4);
    });

    it('stamps its change after the push watermark, and is refused by the role as by id', async () => {
      const { db, repo, deviceId } = await openTestRepository();
      const project = await repo.createProject(sampleProject);
      const asset = await repo.create('assets', project.id, { name: 'web01' });
      const held = (await db.assets.get(asset.id))!;
      // Another tab pushed changes stamped later than this tab's clock has seen.
      const watermark = formatHlc({ millis: Date.now() + 60_000, counter: 3 }, deviceId);
      await db.meta.put({ key: 'pushedUpTo', value: watermark });
      const updated = await repo.update('assets', asset.id, { rack: 'A-03' }, held);
      expect(updated.fieldHlc.rack! > watermark).toBe(true);

      await db.meta.put({ key: `role:${project.id}`, value: 'observer' });
      const before = await db.changes.count();
      await expect(repo.update('assets', asset.id, { rack: 'B-01' }, updated)).rejects.toBeInstanceOf(
        RecordValidationError,
      );
      expect((await db.assets.get(asset.id))!.rack).toBe('A-03');
      expect(await db.changes.count()).toBe(before);
    });
  });

  it('an update that changes nothing writes nothing', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const asset = await repo.create('assets', project.id, { name: 'web01', tags: ['核心'] });
    await repo.update('assets', asset.id, { name: 'web01', tags: ['核心'] });
    expect(await db.changes.where({ table: 'assets', rowId: asset.id }).count()).toBe(1);
  });

  it('a delete is a tombstone: the row stays, marked deleted, with one change entry', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const asset = await repo.create('assets', project.id, { name: 'old-sw' });
    await repo.remove('assets', asset.id);
    await repo.remove('assets', asset.id); // deleting twice changes nothing more
    const stored = await db.assets.get(asset.id);
    expect(stored?.deleted).toBe(true);
    const changes = await db.changes.where({ table: 'assets', rowId: asset.id }).sortBy('hlc');
    expect(changes.map((c) => c.fields)).toEqual([expect.objectContaining({ name: 'old-sw' }), { deleted: true }]);
    await expect(repo.update('assets', asset.id, { name: 'x' })).rejects.toThrow(/已被删除/);
  });

  it('a refused write leaves nothing behind and says why in Chinese', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const before = await db.changes.count();

    const missingName = repo.create('assets', project.id, { name: '  ', ips: ['10.0.0.300'] });
    await expect(missingName).rejects.toBeInstanceOf(RecordValidationError);
    await expect(missingName).rejects.toThrow(/请填写名称/);
    await expect(missingName).rejects.toThrow(/不是有效的 IP 地址: 10\.0\.0\.300/);
    await expect(repo.create('assets', project.id, { name: 'a', type: 'toaster' as never })).rejects.toThrow(
      /请从列表中选择类型/,
    );
    await expect(repo.create('assets', project.id, { name: 'a', colour: 'red' } as never)).rejects.toThrow(
      /未知字段: colour/,
    );
    await expect(
      repo.createProject({ ...sampleProject, startDate: '2026-05-01', endDate: '2026-04-01' }),
    ).rejects.toThrow(/结束日期不能早于开始日期/);
    await expect(repo.create('assets', '0190a1b2-0000-7000-8000-000000000000', { name: 'orphan' })).rejects.toThrow(
      /项目不存在/,
    );
    await expect(repo.update('assets', '0190a1b2-0000-7000-8000-000000000001', { name: 'x' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );

    expect(await db.changes.count()).toBe(before);
    expect(await db.assets.count()).toBe(0);
    expect(await db.projects.count()).toBe(1);
  });

  it('a batch is all or nothing: one bad row refuses the whole batch', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const batch = repo.writeMany([
      { kind: 'create', table: 'assets', projectId: project.id, values: { name: 'ok-1' } },
      { kind: 'create', table: 'assets', projectId: project.id, values: { name: 'ok-2' } },
      { kind: 'create', table: 'assets', projectId: project.id, values: { name: '' } },
    ]);
    await expect(batch).rejects.toThrow(/请填写名称/);
    expect(await db.assets.count()).toBe(0);
    expect(await db.changes.where('table').equals('assets').count()).toBe(0);
  });

  it('a batch writes one change entry per write, in order', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const rows = await repo.writeMany([
      { kind: 'create', table: 'assets', projectId: project.id, values: { name: 'a' } },
      { kind: 'create', table: 'members', projectId: project.id, values: { name: '李工', role: 'pm' } },
    ]);
    await repo.writeMany([
      { kind: 'update', table: 'assets', id: rows[0]!.id, patch: { vendor: 'Dell' } },
      { kind: 'update', table: 'assets', id: rows[0]!.id, patch: { model: 'R750' } },
    ]);
    const asset = await db.assets.get(rows[0]!.id);
    expect(asset).toMatchObject({ vendor: 'Dell', model: 'R750' });
    const assetChanges = await db.changes.where({ table: 'assets', rowId: rows[0]!.id }).sortBy('hlc');
    expect(assetChanges.map((c) => Object.keys(c.fields).length)).toEqual([16, 1, 1]);
    expect(await db.members.count()).toBe(1);
  });

  it('history says who changed which field from what to what', async () => {
    const { db, repo } = await openTestRepository({ author: '王工' });
    const project = await repo.createProject(sampleProject);
    const asset = await repo.create('assets', project.id, { name: 'fw01', type: 'security' });
    await repo.update('assets', asset.id, { name: 'fw-core-01' });
    const history = rowHistory(await db.changes.where({ table: 'assets', rowId: asset.id }).toArray());
    const renames = history.filter((entry) => entry.field === 'name');
    expect(renames.map(({ from, to, author }) => ({ from, to, author }))).toEqual([
      { from: undefined, to: 'fw01', author: '王工' },
      { from: 'fw01', to: 'fw-core-01', author: '王工' },
    ]);
  });
});

describe('the device clock across restarts', () => {
  it('stays monotonic after a restart with the wall clock set back', async () => {
    const name = `restart-${Date.now()}`;
    let wall = 1_800_000_000_000;
    const first = await openTestRepository({ name, wallClock: () => wall });
    const project = await first.repo.createProject(sampleProject);
    await first.repo.create('assets', project.id, { name: 'a' });
    const lastBefore = (await first.db.changes.orderBy('hlc').last())!.hlc;
    first.db.close();

    wall -= 3 * 86_400_000; // three days back, e.g. a dead CMOS battery
    const second = await openTestRepository({ name, wallClock: () => wall });
    expect(second.deviceId).toBe(first.deviceId);
    const asset = await second.repo.create('assets', project.id, { name: 'b' });
    const [change] = await second.db.changes.where({ table: 'assets', rowId: asset.id }).toArray();
    expect(change!.hlc > lastBefore).toBe(true);
    expect(parseHlc(change!.hlc).millis).toBe(1_800_000_000_000);
    second.db.close();
  });

  it('keeps the device id in the database', async () => {
    const name = `device-${Date.now()}`;
    const first = await openTestRepository({ name });
    first.db.close();
    const db = new FieldbookDb(name);
    const meta = await db.meta.get('deviceId');
    expect(meta?.value).toBe(first.deviceId);
    db.close();
  });
});
