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
    expect(db.verno).toBeGreaterThanOrEqual(3);
    const pending = await db.changes.where('[pending+hlc]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys();
    expect(pending).toEqual(['a', 'b']);
    // Version 3 keys the list indexes on `live`, which only rows that are not deleted get.
    expect(await db.assets.where('[live+name]').between(['p', Dexie.minKey], ['p', Dexie.maxKey]).primaryKeys()).toEqual(['r']);
    db.close();
  });
});
