import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/change-log';
import { newId } from '../../shared/ids';
import { encodeBundle } from '../../shared/sync/bundle';
import { importBundle } from '../../server/admin/commands';
import { EXIT_FAILED, EXIT_OK, runAdmin } from '../../server/admin/cli';
import { PG_URL } from './helpers/postgres';
import {
  assetChange,
  hlcAt,
  makeChange,
  projectChange,
  startTestServer,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('server:admin import (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const dbArgs = t.pgSchema ? ['--database-url', PG_URL, '--pg-schema', t.pgSchema] : [];
    const code = await runAdmin([...args, '--data-dir', t.dataDir, ...dbArgs], {
      stdin: Readable.from([]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
    });
    return { code, stdout, stderr };
  }

  async function bundleFile(name: string, projectId: string, changes: Change[]): Promise<string> {
    const bytes = await encodeBundle({
      manifest: { projectId, projectName: '导入测试', exportedAt: new Date().toISOString(), exportedBy: '张工' },
      changes,
      rows: [],
      blobs: [],
    });
    const file = path.join(t.dataDir, name);
    await fs.writeFile(file, bytes);
    return file;
  }

  function fieldWork(projectId: string, count: number): Change[] {
    const base = Date.now() - 3_600_000;
    return [
      projectChange(projectId, { code: 'IMP-1', name: '导入测试' }, { hlc: hlcAt('laptop', base) }),
      ...Array.from({ length: count }, (_, i) =>
        assetChange(projectId, { name: `srv-${i}` }, { deviceId: 'laptop', hlc: hlcAt('laptop', base + 1 + i) }),
      ),
    ];
  }

  it('a bundle with one change the server refuses imports nothing and exits 1, naming the change', async () => {
    t = await startTestServer(dialect);
    const projectId = newId();
    const changes = fieldWork(projectId, 671);
    // Past the first 500, so a batch-by-batch import would have committed those.
    const bad = changes[600]!;
    changes[600] = { ...bad, fields: { noSuchField: 1 } };
    const before = await t.counts();
    const result = await cli(['import', await bundleFile('bad.fieldbook', projectId, changes)]);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toContain(bad.changeId);
    expect(result.stderr).toContain('noSuchField');
    expect(await t.counts()).toEqual(before);
    // Nothing half-done stands in the way of importing the corrected file.
    changes[600] = bad;
    expect((await cli(['import', await bundleFile('good.fieldbook', projectId, changes)])).code).toBe(EXIT_OK);
    expect(await t.counts()).toMatchObject({ projects: 1, changes: 672 });
  });

  it('a bundle with a NUL character in a change exits 1 and stores nothing', async () => {
    t = await startTestServer(dialect);
    const projectId = newId();
    const changes = fieldWork(projectId, 600);
    changes[550] = { ...changes[550]!, author: '张\u0000工' };
    const before = await t.counts();
    const result = await cli(['import', await bundleFile('nul.fieldbook', projectId, changes)]);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toContain('changes.jsonl 第 551 行');
    expect(await t.counts()).toEqual(before);
  });

  it('a bundle edited by hand after its export exits 1 naming the entry, storing nothing', async () => {
    t = await startTestServer(dialect);
    const projectId = newId();
    const file = await bundleFile('edited.fieldbook', projectId, fieldWork(projectId, 3));
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    zip.file('changes.jsonl', (await zip.file('changes.jsonl')!.async('string')).replace('"srv-1"', '"srv-X"'));
    await fs.writeFile(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const before = await t.counts();
    const result = await cli(['import', file]);
    expect(result).toMatchObject({ code: EXIT_FAILED, stderr: expect.stringMatching(/changes\.jsonl.*改动过/) });
    expect(await t.counts()).toEqual(before);
  });

  it('a second bundle from the same device (another session of its clock) makes no conflicts', async () => {
    t = await startTestServer(dialect);
    const projectId = newId();
    const base = Date.now() - 3_600_000;
    // The app stamps its changes with `<deviceId>.<session>`: a new session each time it opens.
    const create = projectChange(
      projectId,
      { code: 'IMP-2', name: '两次导出' },
      { deviceId: 'laptop', hlc: hlcAt('laptop.a1b2', base) },
    );
    const asset = makeChange({
      projectId,
      table: 'assets',
      fields: { name: 'fw01', owner: '张工' },
      deviceId: 'laptop',
      hlc: hlcAt('laptop.a1b2', base + 1),
    });
    await importBundle(
      t.store,
      t.server.blobs,
      await fs.readFile(await bundleFile('first.fieldbook', projectId, [create, asset])),
    );
    const edit = makeChange({
      projectId,
      table: 'assets',
      rowId: asset.rowId,
      fields: { owner: '李工' },
      deviceId: 'laptop',
      hlc: hlcAt('laptop.c3d4', base + 60_000),
    });
    const second = await importBundle(
      t.store,
      t.server.blobs,
      await fs.readFile(await bundleFile('second.fieldbook', projectId, [create, asset, edit])),
    );
    expect(second).toMatchObject({ applied: 1, duplicates: 2, conflicts: 0 });
    expect(await t.conflicts()).toEqual([]);
    expect(await t.row('assets', asset.rowId)).toMatchObject({ owner: '李工' });
  });
});
