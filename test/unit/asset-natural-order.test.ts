import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { naturalSortKey } from '../../shared/natural-compare';
import { FieldbookDb } from '../../renderer/data/db';
import { type AssetSortColumn, assetCollection } from '../../renderer/features/assets/asset-query';
import { openTestRepository, sampleProject } from './helpers/test-db';

const query = (projectId: string, sort: AssetSortColumn, descending = false) => ({
  projectId,
  text: '',
  sort,
  descending,
});

describe('the asset inventory lists names in natural order', () => {
  it('orders numbers inside names by value, case and width ignored, in the index itself', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    for (const name of ['R141', 'r26', 'R3', 'Ｒ100', '机柜 10', '机柜 9', 'DB-02', 'db-1'])
      await repo.create('assets', project.id, { name, hostname: name.toLowerCase(), type: 'server' });
    const names = (await assetCollection(db, query(project.id, 'name')).toArray()).map((a) => a.name);
    expect(names).toEqual(['db-1', 'DB-02', 'R3', 'r26', 'Ｒ100', 'R141', '机柜 9', '机柜 10']);
    const reversed = (await assetCollection(db, query(project.id, 'name', true)).toArray()).map((a) => a.name);
    expect(reversed).toEqual([...names].reverse());
    // A page is still an index range: offset/limit give the natural order's second page.
    const page = (await assetCollection(db, query(project.id, 'name')).offset(2).limit(3).toArray()).map((a) => a.name);
    expect(page).toEqual(['R3', 'r26', 'Ｒ100']);
    const hosts = (await assetCollection(db, query(project.id, 'hostname')).toArray()).map((a) => a.hostname);
    expect(hosts.slice(2, 6)).toEqual(['r3', 'r26', 'ｒ100', 'r141']);
  });

  it('a rename moves the row to its new place; a deleted asset leaves the list', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const a = await repo.create('assets', project.id, { name: 'sw-2', type: 'network' });
    await repo.create('assets', project.id, { name: 'sw-10', type: 'network' });
    const c = await repo.create('assets', project.id, { name: 'sw-3', type: 'network' });
    await repo.update('assets', a.id, { name: 'sw-20' });
    await repo.remove('assets', c.id);
    const names = (await assetCollection(db, query(project.id, 'name')).toArray()).map((x) => x.name);
    expect(names).toEqual(['sw-10', 'sw-20']);
  });

  it('assets stored before version 10 get their sort keys on upgrade', async () => {
    const name = `natural-upgrade-${Date.now()}`;
    // The asset table as version 9 declared it, with rows written before sort keys existed.
    const old = new Dexie(name);
    old.version(9).stores({
      assets:
        'id, projectId, [live+name], [live+type], [live+hostname], [live+serialNumber], [live+model], [live+room], [live+criticality]',
    });
    const base = {
      projectId: 'p1',
      live: 'p1',
      deleted: false,
      fieldHlc: {},
      type: 'server',
      hostname: '',
      serialNumber: '',
      model: '',
      room: '',
      criticality: 'medium',
    };
    await old.table('assets').bulkPut([
      { ...base, id: 'a', name: 'node 12' },
      { ...base, id: 'b', name: 'node 2' },
    ]);
    old.close();
    const db = new FieldbookDb(name);
    await db.open();
    const names = (await assetCollection(db, query('p1', 'name')).toArray()).map((x) => x.name);
    expect(names).toEqual(['node 2', 'node 12']);
  });

  it('the sort key orders like the eye reads', () => {
    const sorted = ['a10', 'a9', 'A1', 'a01b', 'b', '12345678901234567890'].sort((x, y) =>
      naturalSortKey(x) < naturalSortKey(y) ? -1 : 1,
    );
    expect(sorted).toEqual(['12345678901234567890', 'A1', 'a01b', 'a9', 'a10', 'b']);
  });
});
