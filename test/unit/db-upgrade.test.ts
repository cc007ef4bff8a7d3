import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../renderer/data/db';
import { ownUnsent, pushedUpTo, unsentCount } from '../../renderer/data/outbox';

describe('database upgrades', () => {
  it('upgrades a version 1 database: changes queued for sync (v2), list keys set (v3)', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      projects: 'id, projectId, code',
      members: 'id, projectId',
      assets: 'id, projectId',
      changes: 'changeId, [table+rowId], projectId, hlc',
      meta: 'key',
    });
    await v1.open();
    await v1.table('meta').put({ key: 'deviceId', value: 'd' });
    await v1.table('changes').bulkAdd([
      {
        changeId: 'a',
        projectId: 'p',
        table: 'assets',
        rowId: 'r',
        fields: { name: 'x' },
        hlc: '000000000000001-000000-d',
        author: 'u',
        deviceId: 'd',
      },
      {
        changeId: 'b',
        projectId: 'p',
        table: 'assets',
        rowId: 'r',
        fields: { name: 'y' },
        hlc: '000000000000002-000000-d',
        author: 'u',
        deviceId: 'd',
      },
    ]);
    await v1.table('assets').bulkAdd([
      { id: 'r', projectId: 'p', name: 'y', deleted: false, fieldHlc: {} },
      { id: 'gone', projectId: 'p', name: 'z', deleted: true, fieldHlc: {} },
    ]);
    v1.close();

    const db = new FieldbookDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    // Queued at version 2 (pending); from version 8 unsent as this device's changes after the
    // push watermark, which nothing has passed yet.
    expect(await pushedUpTo(db)).toBe('');
    expect(await ownUnsent(db, 'd', '').primaryKeys()).toEqual(['a', 'b']);
    expect(await unsentCount(db)).toBe(2);
    expect((await db.changes.toArray()).some((c) => 'pending' in c)).toBe(false);
    // Version 3 keys the list indexes on `live`, which only rows that are not deleted get.
    expect(
      await db.assets.where('[live+name]').between(['p', Dexie.minKey], ['p', Dexie.maxKey]).primaryKeys(),
    ).toEqual(['r']);
    db.close();
  });

  it("upgrades a version 7 database: the push watermark stops before the first queued change, other devices' queued changes go to relay, refused ones to the refused list (v8)", async () => {
    const name = `upgrade-v7-${Date.now()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({
      changes: 'changeId, [table+rowId], projectId, hlc, [pending+hlc], rejected.at',
      meta: 'key',
    });
    await v7.open();
    await v7.table('meta').put({ key: 'deviceId', value: 'd' });
    const hlc = (n: number, device = 'd') => `00000000000000${n}-000000-${device}.01`;
    const change = (changeId: string, stamp: string, extra: object, deviceId = 'd') => ({
      changeId,
      projectId: 'p',
      table: 'assets',
      rowId: 'r',
      fields: { name: changeId },
      hlc: stamp,
      author: 'u',
      deviceId,
      ...extra,
    });
    await v7
      .table('changes')
      .bulkAdd([
        change('sent', hlc(1), { seq: 1 }),
        change('refused', hlc(2), { rejected: { code: 'forbidden', reason: '不是成员', at: 5 } }),
        change('queued-2', hlc(4), { pending: 1 }),
        change('queued-1', hlc(3), { pending: 1 }),
        change('to-relay', hlc(5, 'e'), { pending: 1 }, 'e'),
        change('pulled', hlc(6, 'e'), { seq: 2 }, 'e'),
      ]);
    v7.close();

    const db = new FieldbookDb(name);
    await db.open();
    expect(await pushedUpTo(db)).toBe(hlc(2));
    expect(await ownUnsent(db, 'd', hlc(2)).primaryKeys()).toEqual(['queued-1', 'queued-2']);
    expect(await db.relay.toArray()).toEqual([{ hlc: hlc(5, 'e'), changeId: 'to-relay', projectId: 'p' }]);
    expect(await unsentCount(db)).toBe(3);
    expect(await db.refused.toArray()).toEqual([
      { changeId: 'refused', projectId: 'p', code: 'forbidden', reason: '不是成员', at: 5 },
    ]);
    expect(await db.changes.count()).toBe(6);
    expect((await db.changes.toArray()).some((c) => 'pending' in c)).toBe(false);
    expect((await db.changes.get('refused'))?.rejected?.reason).toBe('不是成员');
    db.close();
  });
});
