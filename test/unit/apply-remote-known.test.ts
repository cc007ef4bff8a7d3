import { describe, expect, it } from 'vitest';
import type { WriteOp } from '../../renderer/data/repository';
import { applyRemoteChanges, applyTables } from '../../renderer/data/sync/apply-remote';
import { formatHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { openTestRepository, sampleProject } from './helpers/test-db';

/**
 * A pulled or imported list holds changes this device already has (its own coming back, one
 * seen in a bundle) beside new ones: the known ones are passed over, the new ones merged,
 * however many of this device's own changes lie between their ids in the log.
 */
describe('changes this device already holds', () => {
  for (const own of [3, 300]) {
    it(`are told from new ones with ${own} of its own changes among their ids`, async () => {
      const { db, repo, clock } = await openTestRepository();
      const project = await repo.createProject(sampleProject);
      const first = {
        changeId: newId(),
        projectId: project.id,
        table: 'assets',
        rowId: newId(),
        fields: { name: '早' },
        hlc: formatHlc({ millis: Date.now() + 1000, counter: 0 }, 'other'),
        author: '李工',
        deviceId: 'other',
      };
      await db.transaction('rw', applyTables(db, [first]), () => applyRemoteChanges(db, clock, [first]));
      // This device's own work, made after `first` (so its change ids sort after it).
      const ops: WriteOp[] = Array.from({ length: own }, (_, i) => ({
        kind: 'create',
        table: 'assets',
        projectId: project.id,
        values: { name: `本机 ${i}` },
      }));
      await repo.writeMany(ops);
      const mine = await db.changes
        .where('projectId')
        .equals(project.id)
        .filter((c) => c.deviceId === repo.deviceId && c.table === 'assets')
        .sortBy('changeId');
      const last = {
        ...first,
        changeId: newId(),
        rowId: newId(),
        fields: { name: '晚' },
        hlc: formatHlc({ millis: Date.now() + 2000, counter: 0 }, 'other'),
      };

      const list = [first, mine[0]!, mine.at(-1)!, last].map(
        ({ changeId, projectId, table, rowId, fields, hlc, author, deviceId }) => ({
          changeId,
          projectId,
          table,
          rowId,
          fields,
          hlc,
          author,
          deviceId,
        }),
      );
      const applied = await db.transaction('rw', applyTables(db, list), () => applyRemoteChanges(db, clock, list));

      expect(applied).toMatchObject({ known: 3, applied: 1, handled: 4, conflicts: 0 });
      expect(applied.added.map((c) => c.changeId)).toEqual([last.changeId]);
      expect(await db.assets.get(last.rowId)).toMatchObject({ name: '晚' });
      expect(await db.changes.where('projectId').equals(project.id).count()).toBe(own + 3);
    });
  }

  for (const between of [3, 300]) {
    it(`edits of stored rows merge into them, with ${between} other rows among their ids`, async () => {
      const { db, repo, clock } = await openTestRepository();
      const project = await repo.createProject(sampleProject);
      const ops: WriteOp[] = Array.from({ length: between + 2 }, (_, i) => ({
        kind: 'create',
        table: 'assets',
        projectId: project.id,
        values: { name: `资产 ${i}`, owner: '张工' },
      }));
      const stored = await repo.writeMany(ops);
      const edit = (rowId: string, owner: string, ms: number) => ({
        changeId: newId(),
        projectId: project.id,
        table: 'assets',
        rowId,
        fields: { owner },
        hlc: formatHlc({ millis: Date.now() + ms, counter: 0 }, 'other'),
        author: '李工',
        deviceId: 'other',
      });
      const fresh = newId();
      const list = [
        edit(stored[0]!.id, '李工', 1000),
        edit(stored.at(-1)!.id, '王工', 1001),
        { ...edit(fresh, '赵工', 1002), fields: { name: '新资产', owner: '赵工' } },
      ];
      const applied = await db.transaction('rw', applyTables(db, list), () => applyRemoteChanges(db, clock, list));

      // This device's unsent owners lose to the later remote ones: kept as conflicts, which only a merge into the stored rows finds.
      expect(applied).toMatchObject({ known: 0, applied: 3, conflicts: 2 });
      expect(await db.assets.get(stored[0]!.id)).toMatchObject({ name: '资产 0', owner: '李工' });
      expect(await db.assets.get(stored.at(-1)!.id)).toMatchObject({ name: `资产 ${between + 1}`, owner: '王工' });
      expect(await db.assets.get(stored[1]!.id)).toMatchObject({ name: '资产 1', owner: '张工' });
      expect(await db.assets.get(fresh)).toMatchObject({ name: '新资产', owner: '赵工' });
    });
  }
});
