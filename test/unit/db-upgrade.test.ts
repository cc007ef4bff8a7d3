import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../renderer/data/db';

describe('database upgrades', () => {
  it('upgrades a version 1 database: changes queued for sync (v2), list keys set (v3)', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ projects: 'id, projectId, code', members: 'id, projectId', assets: 'id, projectId', changes: 'changeId, [table+rowId], projectId, hlc', meta: 'key' });
    await v1.open();
    await v1.table('changes').bulkAdd([
      { changeId: 'a', projectId: 'p', table: 'assets', rowId: 'r', fields: { name: 'x' }, hlc: '000000000000001-000000-d', author: 'u', deviceId: 'd' },
      { changeId: 'b', projectId: 'p', table: 'assets', rowId: 'r', fields: { name: 'y' }, hlc: '000000000000002-000000-d', author: 'u', deviceId: 'd' },
    ]);
    await v1.table('assets').bulkAdd([
      { id: 'r', projectId: 'p', name: 'y', deleted: false, fieldHlc: {} },
      { id: 'gone', projectId: 'p', name: 'z', deleted: true, fieldHlc: {} },
    ]);
    v1.close();

    const db = new FieldbookDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    // Queued at version 2 (pending), moved to the outbox at version 8, in hlc order.
    expect((await db.outbox.toArray()).map((q) => q.changeId)).toEqual(['a', 'b']);
    expect((await db.changes.toArray()).some((c) => 'pending' in c)).toBe(false);
    // Version 3 keys the list indexes on `live`, which only rows that are not deleted get.
    expect(await db.assets.where('[live+name]').between(['p', Dexie.minKey], ['p', Dexie.maxKey]).primaryKeys()).toEqual(['r']);
    db.close();
  });

  it('upgrades a version 7 database: queued changes move to the outbox, refused ones to the refused list (v8)', async () => {
    const name = `upgrade-v7-${Date.now()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({ changes: 'changeId, [table+rowId], projectId, hlc, [pending+hlc], rejected.at', meta: 'key' });
    await v7.open();
    const change = (changeId: string, hlc: string, extra: object) => ({ changeId, projectId: 'p', table: 'assets', rowId: 'r', fields: { name: changeId }, hlc, author: 'u', deviceId: 'd', ...extra });
    await v7.table('changes').bulkAdd([
      change('sent', '000000000000001-000000-d', { seq: 1 }),
      change('queued-2', '000000000000003-000000-d', { pending: 1 }),
      change('queued-1', '000000000000002-000000-d', { pending: 1 }),
      change('refused', '000000000000004-000000-d', { rejected: { code: 'forbidden', reason: '不是成员', at: 5 } }),
    ]);
    v7.close();

    const db = new FieldbookDb(name);
    await db.open();
    expect(await db.outbox.toArray()).toEqual([
      { hlc: '000000000000002-000000-d', changeId: 'queued-1', projectId: 'p', deviceId: 'd' },
      { hlc: '000000000000003-000000-d', changeId: 'queued-2', projectId: 'p', deviceId: 'd' },
    ]);
    expect(await db.refused.toArray()).toEqual([{ changeId: 'refused', projectId: 'p', code: 'forbidden', reason: '不是成员', at: 5 }]);
    expect(await db.changes.count()).toBe(4);
    expect((await db.changes.toArray()).some((c) => 'pending' in c)).toBe(false);
    expect((await db.changes.get('refused'))?.rejected?.reason).toBe('不是成员');
    db.close();
  });
});
