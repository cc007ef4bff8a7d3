import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyRemoteChanges, syncTables } from '../../renderer/data/sync/apply-remote';
import { newId } from '../../shared/ids';
import { formatHlc } from '../../shared/hlc';
import { openTestRepository, sampleProject } from './helpers/test-db';

describe('list indexes leave deleted rows out', () => {
  it('a tombstone leaves the [live+…] indexes, whoever wrote it', async () => {
    const { db, repo, clock } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => repo.create('assets', project.id, { name })));
    const live = () => db.assets.where('[live+name]').between([project.id, Dexie.minKey], [project.id, Dexie.maxKey]);
    expect(await live().count()).toBe(3);

    await repo.remove('assets', a!.id);
    expect(await live().count()).toBe(2);
    expect((await db.assets.get(a!.id))?.deleted).toBe(true); // the tombstone itself stays

    // A delete arriving from another device goes through the same database layer.
    const remote = {
      changeId: newId(),
      projectId: project.id,
      table: 'assets',
      rowId: b!.id,
      fields: { deleted: true },
      hlc: formatHlc({ millis: Date.now() + 1000, counter: 0 }, 'other'),
      author: '李工',
      deviceId: 'other',
    };
    await db.transaction('rw', syncTables(db), () => applyRemoteChanges(db, clock, [remote]));
    expect(await live().primaryKeys()).toEqual([c!.id]);
  });
});
