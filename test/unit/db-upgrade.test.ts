import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FieldbookDb } from '../../renderer/data/db';

describe('database upgrades', () => {
  it('version 2 queues every change written under version 1 for sync', async () => {
    const name = `upgrade-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ projects: 'id, projectId, code', members: 'id, projectId', assets: 'id, projectId', changes: 'changeId, [table+rowId], projectId, hlc', meta: 'key' });
    await v1.open();
    await v1.table('changes').bulkAdd([
      { changeId: 'a', projectId: 'p', table: 'assets', rowId: 'r', fields: { name: 'x' }, hlc: '000000000000001-000000-d', author: 'u', deviceId: 'd' },
      { changeId: 'b', projectId: 'p', table: 'assets', rowId: 'r', fields: { name: 'y' }, hlc: '000000000000002-000000-d', author: 'u', deviceId: 'd' },
    ]);
    v1.close();

    const db = new FieldbookDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const pending = await db.changes.where('[pending+hlc]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys();
    expect(pending).toEqual(['a', 'b']);
    db.close();
  });
});
