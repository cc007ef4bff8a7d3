import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportProjectBundle, importProjectBundle } from '../../renderer/data/bundle-io';
import { openDataLayer } from '../../renderer/data/open-data';
import { BundleError, decodeBundle } from '../../shared/sync/bundle';

let databases = 0;
const device = (author: string) =>
  openDataLayer(() => author, { name: `bundle-integrity-${databases++}-${Date.now()}` });

/** A bundle exported by the app: a project with one asset. */
async function exported(): Promise<{ bytes: Uint8Array; assetId: string }> {
  const source = await device('张工');
  const project = await source.repo.createProject({ code: 'BDL-1', name: '数据包测试', customer: '某银行' });
  const asset = await source.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
  return { bytes: await exportProjectBundle(source.db, project.id, '张工'), assetId: asset.id };
}

/** The same zip with one entry's text replaced, every other entry (the manifest too) as it was. */
async function withEntry(bytes: Uint8Array, name: string, edit: (text: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The zip with the uncompressed size its central directory records for `name` off by one. */
function withWrongSize(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const entryName = out.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === wanted.length && entryName.every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, view.getUint32(at + 24, true) + 1, true);
      return out;
    }
  }
  throw new Error(`no central directory entry ${name}`);
}

describe('a bundle that is damaged or was edited by hand', () => {
  it('a damaged entry is refused with a bundle error naming it, not the zip library’s message', async () => {
    const { bytes } = await exported();
    const damaged = withWrongSize(bytes, 'changes.jsonl');
    const error = await decodeBundle(damaged).then(
      () => undefined,
      (failure: unknown) => failure as Error,
    );
    expect(error).toBeInstanceOf(BundleError);
    expect(error!.message).toContain('changes.jsonl');
    expect(error!.message).not.toMatch(/Bug|uncompressed|mismatch/);
    const target = await device('李工');
    await expect(importProjectBundle(target.db, target.clock, damaged)).rejects.toThrow(/数据包已损坏.*changes\.jsonl/);
    expect(await target.db.changes.count()).toBe(0);
  });

  it('a value edited by hand in changes.jsonl or rows.jsonl is detected and the entry named; nothing is imported', async () => {
    const { bytes, assetId } = await exported();
    expect((await decodeBundle(bytes)).changes.length).toBe(2);
    const target = await device('李工');
    for (const name of ['changes.jsonl', 'rows.jsonl']) {
      const edited = await withEntry(bytes, name, (text) => text.replace('"rack":"A-01"', '"rack":"Z-99"'));
      expect(edited).not.toEqual(bytes);
      await expect(importProjectBundle(target.db, target.clock, edited), name).rejects.toThrow(
        new RegExp(`${name.replace('.', '\\.')}.*(改动|校验)`),
      );
    }
    expect(await target.db.assets.get(assetId)).toBeUndefined();
    expect(await target.db.changes.count()).toBe(0);
    // The file as exported still imports.
    expect(await importProjectBundle(target.db, target.clock, bytes)).toMatchObject({ applied: 2 });
  });
});
