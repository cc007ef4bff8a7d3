import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES, BLOB_OFFSET_HEADER, MAX_BLOB_BYTES, PROTOCOL_HEADER } from '../../shared/sync/protocol';
import { bytesOf, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Sends the first `sent` bytes of a PUT announcing `length` bytes, then drops the connection. */
function brokenPut(url: string, token: string, length: number, sent: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(url, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(length),
        [PROTOCOL_HEADER]: '1',
      },
    });
    request.on('error', () => resolve());
    request.on('close', () => resolve());
    request.write(sent, () => setTimeout(() => request.destroy(), 50));
  });
}

describe.each(dialects)('attachments (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  /** Uploads in progress, wherever this dialect's blob store keeps them. */
  async function uploadsInProgress(): Promise<number> {
    if (dialect === 'sqlite') return (await fs.readdir(path.join(t.dataDir, 'blobs', '.partial'))).length;
    const row = await t.store.db
      .selectFrom('blob_upload_chunks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function setup() {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    await t.addUser('bob');
    const a = await t.addProject('A-1', { members: { alice: 'engineer' } });
    const b = await t.addProject('B-1', { members: { bob: 'engineer' } });
    return { a, b, alice: await t.login('alice'), bob: await t.login('bob') };
  }

  it('uploads in 3 chunks, survives a broken connection and a server restart after chunk 2, verifies and serves the bytes', async () => {
    const { a, alice } = await setup();
    const bytes = bytesOf(2 * BLOB_CHUNK_BYTES + 300_000, 7);
    const hash = sha(bytes);
    const total = bytes.byteLength;
    const chunk = (i: number) => bytes.subarray(i * BLOB_CHUNK_BYTES, Math.min(total, (i + 1) * BLOB_CHUNK_BYTES));

    expect((await alice.headBlob(hash, a.id)).headers.get(BLOB_OFFSET_HEADER)).toBe('0');
    const first = await alice.putBlob(hash, a.id, 0, total, chunk(0));
    expect(first).toMatchObject({
      status: 200,
      body: { sha256: hash, offset: BLOB_CHUNK_BYTES, total, complete: false },
    });
    expect((await alice.putBlob(hash, a.id, BLOB_CHUNK_BYTES, total, chunk(1))).body).toMatchObject({
      offset: 2 * BLOB_CHUNK_BYTES,
      complete: false,
    });

    // The link breaks in the middle of chunk 3: the half-sent chunk is not kept.
    const url = `${t.url}/v1/blobs/${hash}?projectId=${a.id}&offset=${2 * BLOB_CHUNK_BYTES}&total=${total}`;
    await brokenPut(url, alice.token!, chunk(2).byteLength, chunk(2).subarray(0, 100_000));
    // And the server restarts.
    await t.restart();

    const head = await alice.headBlob(hash, a.id);
    expect(head.status).toBe(404);
    expect(head.headers.get(BLOB_OFFSET_HEADER)).toBe(String(2 * BLOB_CHUNK_BYTES));
    expect(await t.counts()).toMatchObject({ blobs: 0 });

    // A chunk at the wrong offset is refused with where to resume.
    const wrong = await alice.putBlob(hash, a.id, BLOB_CHUNK_BYTES, total, chunk(1));
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get(BLOB_OFFSET_HEADER)).toBe(String(2 * BLOB_CHUNK_BYTES));
    expect(wrong.body).toMatchObject({ error: 'offset_mismatch', offset: 2 * BLOB_CHUNK_BYTES });

    const last = await alice.putBlob(hash, a.id, 2 * BLOB_CHUNK_BYTES, total, chunk(2));
    expect(last).toMatchObject({ status: 200, body: { sha256: hash, offset: total, total, complete: true } });

    const stored = await alice.headBlob(hash, a.id);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-length')).toBe(String(total));
    const got = await alice.getBlob(hash);
    expect(got.status).toBe(200);
    expect(sha(got.body)).toBe(hash);
    expect(Buffer.from(got.body).equals(Buffer.from(bytes))).toBe(true);
    if (dialect === 'sqlite') {
      // On disk under <dataDir>/blobs/<aa>/<sha256>.
      expect((await fs.stat(path.join(t.dataDir, 'blobs', hash.slice(0, 2), hash))).size).toBe(total);
    } else {
      // In PostgreSQL, one row per chunk as uploaded, and nothing on this node's disk.
      const chunks = await t.store.db
        .selectFrom('blob_chunks')
        .select(['idx', 'start', 'size'])
        .where('sha256', '=', hash)
        .orderBy('idx')
        .execute();
      expect(chunks).toEqual([
        { idx: 0, start: 0, size: BLOB_CHUNK_BYTES },
        { idx: 1, start: BLOB_CHUNK_BYTES, size: BLOB_CHUNK_BYTES },
        { idx: 2, start: 2 * BLOB_CHUNK_BYTES, size: total - 2 * BLOB_CHUNK_BYTES },
      ]);
      await expect(fs.access(path.join(t.dataDir, 'blobs'))).rejects.toThrow();
    }
    // Nothing left in progress.
    expect(await uploadsInProgress()).toBe(0);
    expect(await t.counts()).toMatchObject({ blobs: 1, blob_projects: 1 });

    // Uploading again once complete is a no-op that says so.
    expect((await alice.putBlob(hash, a.id, 0, total, chunk(0))).body).toMatchObject({ complete: true, offset: total });
    // A range request resumes a download.
    const tail = await alice.call<Uint8Array>('GET', `/v1/blobs/${hash}`, {
      headers: { range: `bytes=${total - 10}-` },
    });
    expect(tail.status).toBe(206);
    expect(Buffer.from(tail.body).equals(Buffer.from(bytes.subarray(total - 10)))).toBe(true);
  });

  it('a hash mismatch discards the upload with 400 and stores nothing', async () => {
    const { a, alice } = await setup();
    const bytes = bytesOf(5000, 3);
    const claimed = sha(bytesOf(5000, 4));
    const reply = await alice.putBlob(claimed, a.id, 0, bytes.byteLength, bytes);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'hash_mismatch', message: expect.stringContaining('校验值不符') });
    expect((await alice.headBlob(claimed, a.id)).headers.get(BLOB_OFFSET_HEADER)).toBe('0');
    expect(await t.counts()).toMatchObject({ blobs: 0, blob_projects: 0 });
    expect(await uploadsInProgress()).toBe(0);
    expect((await alice.getBlob(claimed)).status).toBe(404);
  });

  it('only members of a project the blob belongs to may read it; another project must upload it itself', async () => {
    const { a, b, alice, bob } = await setup();
    const bytes = bytesOf(10_000, 9);
    const hash = sha(bytes);
    await alice.putBlob(hash, a.id, 0, bytes.byteLength, bytes);

    expect((await bob.getBlob(hash)).status).toBe(403);
    // Bob's project is told nothing about the copy stored for project A...
    const head = await bob.headBlob(hash, b.id);
    expect(head.status).toBe(404);
    expect(head.headers.get(BLOB_OFFSET_HEADER)).toBe('0');
    // ...and may not even ask on behalf of project A.
    expect((await bob.headBlob(hash, a.id)).status).toBe(403);
    expect((await bob.putBlob(hash, a.id, 0, bytes.byteLength, bytes)).status).toBe(403);

    // Having uploaded the bytes for B, Bob may read them; they are stored once.
    expect((await bob.putBlob(hash, b.id, 0, bytes.byteLength, bytes)).body).toMatchObject({ complete: true });
    expect((await bob.getBlob(hash)).status).toBe(200);
    expect(await t.counts()).toMatchObject({ blobs: 1, blob_projects: 2 });
  });

  it('refuses bad uploads with 4xx and a message, keeping nothing', async () => {
    const { a, alice } = await setup();
    const bytes = bytesOf(1000, 5);
    const hash = sha(bytes);
    const cases: Array<[string, Promise<{ status: number; body: unknown }>, number]> = [
      ['path is not a sha256', alice.putBlob('xyz', a.id, 0, 1000, bytes), 400],
      ['uppercase sha256', alice.putBlob(hash.toUpperCase(), a.id, 0, 1000, bytes), 400],
      ['GET with bad sha256', alice.getBlob('../../etc/passwd'), 404],
      ['GET with short sha256', alice.getBlob('abc'), 400],
      ['no projectId', alice.call('PUT', `/v1/blobs/${hash}?offset=0&total=1000`, { body: bytes }), 400],
      ['negative offset', alice.putBlob(hash, a.id, -1, 1000, bytes), 400],
      ['total over the maximum', alice.putBlob(hash, a.id, 0, MAX_BLOB_BYTES + 1, bytes), 400],
      ['chunk past the total', alice.putBlob(hash, a.id, 0, 999, bytes), 400],
      ['empty chunk', alice.putBlob(hash, a.id, 0, 1000, new Uint8Array()), 400],
      ['chunk too big', alice.putBlob(hash, a.id, 0, BLOB_CHUNK_BYTES + 1, bytesOf(BLOB_CHUNK_BYTES + 1)), 413],
      [
        'JSON instead of bytes',
        alice.call('PUT', `/v1/blobs/${hash}?projectId=${a.id}&offset=0&total=1000`, { json: { bytes: [1, 2] } }),
        415,
      ],
      [
        'text instead of bytes',
        alice.call('PUT', `/v1/blobs/${hash}?projectId=${a.id}&offset=0&total=1000`, {
          body: 'hello',
          headers: { 'content-type': 'text/plain' },
        }),
        415,
      ],
      ['chunk not at the start', alice.putBlob(hash, a.id, 500, 1000, bytes.subarray(500)), 409],
      ['HEAD without projectId', alice.call('HEAD', `/v1/blobs/${hash}`), 400],
    ];
    for (const [what, promise, status] of cases) {
      const reply = await promise;
      expect(reply.status, what).toBe(status);
      if (status !== 404 && typeof reply.body === 'object' && reply.body !== null) {
        expect(reply.body, what).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }
    }
    expect(await t.counts()).toMatchObject({ blobs: 0, blob_projects: 0 });
    expect(await uploadsInProgress()).toBe(0);
  });

  it('housekeeping removes an upload nobody continued for the given time, and only that; the file can then be uploaded anew', async () => {
    const { a, alice } = await setup();
    const bytes = bytesOf(3000, 51);
    const hash = sha(bytes);
    await alice.putBlob(hash, a.id, 0, bytes.byteLength, bytes.subarray(0, 1000));
    const day = 24 * 60 * 60 * 1000;
    // Young: kept.
    expect(await t.server.blobs.sweepPartials(t.clock.now(), 7 * day)).toBe(0);
    expect((await alice.headBlob(hash, a.id)).headers.get(BLOB_OFFSET_HEADER)).toBe('1000');
    // Eight days on: gone, and the device starts again from 0.
    expect(await t.server.blobs.sweepPartials(t.clock.now() + 8 * day, 7 * day)).toBe(1);
    expect((await alice.headBlob(hash, a.id)).headers.get(BLOB_OFFSET_HEADER)).toBe('0');
    expect(await uploadsInProgress()).toBe(0);
    expect((await alice.putBlob(hash, a.id, 0, bytes.byteLength, bytes)).body).toMatchObject({ complete: true });
  });

  it('stores an empty attachment', async () => {
    const { a, alice } = await setup();
    const empty = new Uint8Array();
    const hash = sha(empty);
    expect((await alice.putBlob(hash, a.id, 0, 0, empty)).body).toMatchObject({ complete: true, total: 0 });
    const got = await alice.getBlob(hash);
    expect(got.status).toBe(200);
    expect(got.body.byteLength).toBe(0);
  });
});
