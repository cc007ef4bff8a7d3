import { afterEach, describe, expect, it } from 'vitest';
import { ensureBlob, uploadBlob } from '../../renderer/data/sync/blob-transfer';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { sha256Hex } from '../../shared/sha256';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import { bytesOf, startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { FaultProxy } from './helpers/fault-proxy';
import { openSyncClient } from './helpers/sync-client';

const dialects = await testDialects();

describe.each(dialects)('attachments between devices (%s)', (dialect) => {
  let server: TestServer;
  let proxy: FaultProxy;
  afterEach(async () => {
    await proxy?.stop();
    await server?.dispose();
  });

  it('a photo uploads in chunks that resume after a broken connection, and downloads verified on another device', async () => {
    server = await startTestServer(dialect);
    await server.addUser('zhang');
    await server.addUser('li');
    proxy = await new FaultProxy(() => server.url).start();
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'PHOTO', name: '照片', customer: '测试' });
    await zhang.sync();
    await server.addMember(project.id, 'li');

    const bytes = bytesOf(BLOB_CHUNK_BYTES * 2 + 12_345, 7); // three chunks
    const sha256 = await sha256Hex(bytes);
    await zhang.db.blobs.put({
      sha256,
      type: 'image/jpeg',
      size: bytes.byteLength,
      bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      pendingUpload: 1,
    });
    const http = new SyncHttp(proxy.url, () => zhang.token);

    // The link breaks while the second chunk is on its way.
    proxy.inject('PUT', `/v1/blobs/${sha256}?`, { delayMs: 0 }, 1);
    proxy.inject('PUT', `/v1/blobs/${sha256}?`, 'drop-request', 1);
    await expect(uploadBlob(zhang.db, http, sha256, project.id)).rejects.toThrow();
    expect((await zhang.db.blobs.get(sha256))?.pendingUpload).toBe(1);
    expect(await http.blobStatus(sha256, project.id)).toEqual({ complete: false, offset: BLOB_CHUNK_BYTES });

    // The retry sends only what the server lacks.
    const before = proxy.log.length;
    await uploadBlob(zhang.db, http, sha256, project.id);
    const puts = proxy.log.slice(before).filter((line) => line.startsWith('PUT'));
    expect(puts.map((line) => new URLSearchParams(line.split('?')[1]).get('offset'))).toEqual([
      String(BLOB_CHUNK_BYTES),
      String(BLOB_CHUNK_BYTES * 2),
    ]);
    expect((await zhang.db.blobs.get(sha256))?.pendingUpload).toBeUndefined();
    // Already there: nothing is sent again.
    await zhang.db.blobs.update(sha256, { pendingUpload: 1 });
    const beforeSecond = proxy.log.length;
    await uploadBlob(zhang.db, http, sha256, project.id);
    expect(proxy.log.slice(beforeSecond).filter((line) => line.startsWith('PUT'))).toEqual([]);

    // Another member's device fetches it when a record shows it, and checks its hash.
    const li = await openSyncClient(server, 'li');
    await li.sync();
    const downloaded = await ensureBlob(
      li.db,
      new SyncHttp(server.url, () => li.token),
      sha256,
      project.id,
      'image/jpeg',
    );
    expect(new Uint8Array(await downloaded!.arrayBuffer())).toEqual(bytes);
    expect(await li.db.blobs.get(sha256)).toMatchObject({ size: bytes.byteLength, type: 'image/jpeg' });
  });
});
