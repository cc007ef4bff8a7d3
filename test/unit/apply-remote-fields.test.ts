import { describe, expect, it } from 'vitest';
import { applyRemoteChanges, applyTables } from '../../renderer/data/sync/apply-remote';
import { formatHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { decodeBundle, encodeBundle } from '../../shared/sync/bundle';
import { pullResponseSchema } from '../../shared/sync/protocol';
import { openTestRepository, sampleProject } from './helpers/test-db';

/**
 * The wire schemas check a change's fields only as "an object"; the table's own check must stop
 * every field name that is not one of its fields, whichever way the change arrives, before
 * anything is merged. Field names are taken from JSON text, as a server reply or a bundle
 * file holds them, so `__proto__` is an own key.
 */
describe('field names from elsewhere', () => {
  const oddNames = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'fieldHlc',
    'id',
    'projectId',
    'live',
    '',
  ];

  it('a pulled change naming anything but the table’s fields stops the apply before it, with the field named', async () => {
    const { db, repo, clock } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    for (const [index, name] of oddNames.entries()) {
      const hlc = formatHlc({ millis: Date.now() + 1000 + index, counter: 0 }, 'other');
      const good = {
        changeId: newId(),
        projectId: project.id,
        table: 'assets',
        rowId: newId(),
        fields: { name: `ok-${index}` },
        hlc,
        author: '李工',
        deviceId: 'other',
        seq: 2 * index + 1,
      };
      const text = `{"changeId":"${newId()}","projectId":"${project.id}","table":"assets","rowId":"${newId()}","fields":{"name":"x",${JSON.stringify(name)}:{"polluted":true}},"hlc":"${hlc}9","author":"李工","deviceId":"other","seq":${2 * index + 2}}`;
      const page = pullResponseSchema.parse(
        JSON.parse(`{"changes":[${JSON.stringify(good)},${text}],"hasMore":false,"cursor":${2 * index + 2}}`),
      );
      const applied = await db.transaction('rw', applyTables(db, page.changes), () =>
        applyRemoteChanges(db, clock, page.changes),
      );
      expect(applied.handled, name).toBe(1);
      expect(applied.stoppedAt?.reason, name).toBe(`未知字段: assets.${name}`);
      expect(await db.assets.get(page.changes[1]!.rowId), name).toBeUndefined();
      expect(await db.changes.get(page.changes[1]!.changeId), name).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a bundle change with such a field is refused the same way', async () => {
    const { db, repo, clock } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const hlc = formatHlc({ millis: Date.now() + 1000, counter: 0 }, 'other');
    const change = JSON.parse(
      `{"changeId":"${newId()}","projectId":"${project.id}","table":"assets","rowId":"${newId()}","fields":{"name":"x","__proto__":{"polluted":true}},"hlc":"${hlc}","author":"李工","deviceId":"other"}`,
    );
    const file = await encodeBundle({
      manifest: { projectId: project.id, projectName: 'B', exportedAt: new Date().toISOString(), exportedBy: '李工' },
      rows: [],
      changes: [change],
      blobs: [],
    });
    const bundle = await decodeBundle(file);
    expect(Object.hasOwn(bundle.changes[0]!.fields, '__proto__')).toBe(true);
    const applied = await db.transaction('rw', applyTables(db, bundle.changes), () =>
      applyRemoteChanges(db, clock, bundle.changes),
    );
    expect(applied.stoppedAt?.reason).toBe('未知字段: assets.__proto__');
    expect(await db.assets.get(change.rowId)).toBeUndefined();
  });
});
