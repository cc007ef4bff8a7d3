import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { exportProjectBundle, importProjectBundle } from '../../renderer/data/bundle-io';
import { AdminError, importBundle } from '../../server/admin/commands';
import { sha256Hex } from '../../shared/sha256';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient } from './helpers/sync-client';

const dialects = await testDialects();

/**
 * The hand edit a careful forger makes: a value in changes.jsonl and rows.jsonl changed, and the
 * manifest's digests recomputed to match, its signature left as it was.
 */
async function forged(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { entries: Record<string, string> };
  for (const name of ['changes.jsonl', 'rows.jsonl']) {
    const text = (await zip.file(name)!.async('string')).replace('"rack":"A-01"', '"rack":"Z-99"');
    zip.file(name, text);
    manifest.entries[name] = await sha256Hex(new TextEncoder().encode(text));
  }
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe.each(dialects)('signed bundles (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  it('a member’s export is signed with the project key; a forged copy is refused by members and by the server, the original accepted', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('li', undefined, '李工');
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'SIG-1', name: '签名', customer: '某银行' });
    const asset = await zhang.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    await zhang.sync();
    await server.addMember(project.id, 'li', 'engineer');
    const li = await openSyncClient(server, 'li');
    await li.sync();
    // Li works offline from here: the edit reaches Li only in the file.
    await zhang.repo.update('assets', asset.id, { owner: '张工' });

    const bytes = await exportProjectBundle(zhang.db, project.id, '张工');
    const manifest = JSON.parse(await (await JSZip.loadAsync(bytes)).file('manifest.json')!.async('string')) as {
      signature?: unknown;
    };
    expect(manifest.signature).toMatchObject({
      algorithm: 'HMAC-SHA256',
      value: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const fake = await forged(bytes);
    await expect(importProjectBundle(li.db, li.clock, fake)).rejects.toThrow(/签名不符/);
    expect(await li.db.assets.get(asset.id)).toMatchObject({ rack: 'A-01' });
    await expect(importBundle(server.store, server.server.blobs, fake)).rejects.toThrow(AdminError);
    await expect(importBundle(server.store, server.server.blobs, fake)).rejects.toThrow(/签名不符/);

    expect(await importProjectBundle(li.db, li.clock, bytes)).toMatchObject({ applied: 1, signature: 'valid' });
    expect(await li.db.assets.get(asset.id)).toMatchObject({ rack: 'A-01', owner: '张工' });
    expect(await importBundle(server.store, server.server.blobs, bytes)).toMatchObject({
      applied: 1,
      signature: 'valid',
    });
  });
});
