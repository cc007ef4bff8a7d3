import { describe, expect, it } from 'vitest';
import { unsentCount } from '../../renderer/data/outbox';
import { loadDemoProject } from '../../renderer/data/load-demo';
import { exportProjectBundle, importProjectBundle } from '../../renderer/data/bundle-io';
import { tableNames } from '../../shared/records';
import { BundleError, decodeBundle } from '../../shared/sync/bundle';
import type { FieldbookDb } from '../../renderer/data/db';
import { openTestRepository } from './helpers/test-db';

async function snapshot(db: FieldbookDb, projectId: string) {
  const tables: Record<string, unknown[]> = {};
  for (const table of tableNames) {
    tables[table] = (await db.table(table).where('projectId').equals(projectId).toArray()).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
  }
  const changes = (await db.changes.where('projectId').equals(projectId).sortBy('hlc')).map(
    ({ changeId, fields, hlc, author }) => ({ changeId, fields, hlc, author }),
  );
  return { tables, changes };
}

describe('project bundles', () => {
  it('restores into an empty app to the same rows and change log', async () => {
    const source = await openTestRepository();
    const projectId = await loadDemoProject(source.repo);
    const asset = (await source.db.assets.where('projectId').equals(projectId).first())!;
    await source.repo.update('assets', asset.id, { rack: 'Z-99', tags: ['迁移'] });
    await source.repo.remove('members', (await source.db.members.toArray())[0]!.id);
    const bytes = await exportProjectBundle(source.db, projectId, '张工');

    const target = await openTestRepository();
    const result = await importProjectBundle(target.db, target.clock, bytes);
    const logged = await source.db.changes.where('projectId').equals(projectId).count();
    expect(result).toMatchObject({ projectId, applied: logged, known: 0, conflicts: 0 });
    expect(await snapshot(target.db, projectId)).toEqual(await snapshot(source.db, projectId));
    // The imported changes are queued for the server from this device as well.
    expect(await unsentCount(target.db)).toBe(logged);
  });

  it('importing the same bundle twice changes nothing', async () => {
    const source = await openTestRepository();
    const projectId = await loadDemoProject(source.repo);
    const bytes = await exportProjectBundle(source.db, projectId, '张工');
    const target = await openTestRepository();
    await importProjectBundle(target.db, target.clock, bytes);
    const before = await snapshot(target.db, projectId);
    const again = await importProjectBundle(target.db, target.clock, bytes);
    expect(again).toMatchObject({ applied: 0, known: await source.db.changes.count() });
    expect(await snapshot(target.db, projectId)).toEqual(before);
  });

  it('merges field by field with what the device already has', async () => {
    const source = await openTestRepository({ author: '甲' });
    const projectId = await loadDemoProject(source.repo);
    const target = await openTestRepository({ author: '乙' });
    await importProjectBundle(target.db, target.clock, await exportProjectBundle(source.db, projectId, '甲'));
    const asset = (await source.db.assets.where('projectId').equals(projectId).first())!;
    await target.repo.update('assets', asset.id, { rack: 'B-01' }); // earlier
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond, not a tie
    await source.repo.update('assets', asset.id, { rack: 'C-02', owner: '钱七' }); // later
    await importProjectBundle(target.db, target.clock, await exportProjectBundle(source.db, projectId, '甲'));
    expect(await target.db.assets.get(asset.id)).toMatchObject({ rack: 'C-02', owner: '钱七' });
    const conflicts = await target.db.conflicts.toArray();
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'rack', value: 'B-01', author: '乙', rowId: asset.id }),
    ]);
  });

  it('refuses a damaged file with a message and imports nothing', async () => {
    const target = await openTestRepository();
    await expect(importProjectBundle(target.db, target.clock, new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /不是有效的项目数据包/,
    );
    await expect(decodeBundle(new Uint8Array([80, 75, 3, 4]))).rejects.toBeInstanceOf(BundleError);
    expect(await target.db.changes.count()).toBe(0);
  });
});
