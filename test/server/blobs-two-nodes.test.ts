import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES, BLOB_OFFSET_HEADER, PROTOCOL_HEADER } from '../../shared/sync/protocol';
import { buildServer, type FieldbookServer } from '../../server/app';
import { bytesOf, startTestServer, TestClient, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

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

/**
 * Two server nodes, each with its own data directory, on one PostgreSQL schema: attachment
 * bytes live in the database, so whatever one node took is served, resumed and finished by the
 * other, and the two never write one upload over each other.
 */
describe.skipIf(!dialects.includes('postgres'))(
  'attachments across two server nodes on one PostgreSQL database',
  () => {
    let t: TestServer;
    let node2: FieldbookServer | undefined;
    let node2Dir: string | undefined;
    afterEach(async () => {
      await node2?.close();
      if (node2Dir) await fs.rm(node2Dir, { recursive: true, force: true });
      await t?.dispose();
    });

    /** Node 1 is the test server; node 2 a second buildServer on the same schema and its own empty data directory. */
    async function twoNodes() {
      t = await startTestServer('postgres');
      node2Dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-node2-'));
      node2 = await buildServer({ ...t.buildOptions, dataDir: node2Dir });
      const node2Url = await node2.listen({ port: 0, host: '127.0.0.1' });
      await t.addUser('alice');
      await t.addUser('bob');
      const a = await t.addProject('N-A', { members: { alice: 'engineer', bob: 'engineer' } });
      const b = await t.addProject('N-B', { members: { bob: 'engineer' } });
      const alice1 = await t.login('alice');
      const bob1 = await t.login('bob');
      // Sessions are in PostgreSQL too: the same tokens work on node 2.
      const alice2 = new TestClient(() => node2Url, alice1.token);
      const bob2 = new TestClient(() => node2Url, bob1.token);
      return { a, b, alice1, alice2, bob1, bob2, node2Url };
    }

    it('an upload resumed after a broken connection on node 1 is served byte-identical, and by range, by node 2', async () => {
      const { a, alice1, alice2 } = await twoNodes();
      const bytes = bytesOf(2 * BLOB_CHUNK_BYTES + 123_457, 11);
      const hash = sha(bytes);
      const total = bytes.byteLength;
      expect((await alice2.getBlob(hash)).status).toBe(404);

      // Part one: the first chunk, then the link drops half-way through the second.
      expect((await alice1.putBlob(hash, a.id, 0, total, bytes.subarray(0, BLOB_CHUNK_BYTES))).body).toMatchObject({
        complete: false,
        offset: BLOB_CHUNK_BYTES,
      });
      const url = `${t.url}/v1/blobs/${hash}?projectId=${a.id}&offset=${BLOB_CHUNK_BYTES}&total=${total}`;
      await brokenPut(
        url,
        alice1.token!,
        total - BLOB_CHUNK_BYTES,
        bytes.subarray(BLOB_CHUNK_BYTES, BLOB_CHUNK_BYTES + 200_000),
      );

      // Part two: node 1 says where to resume, and takes the rest (in two chunks).
      const head = await alice1.headBlob(hash, a.id);
      expect(head.status).toBe(404);
      expect(head.headers.get(BLOB_OFFSET_HEADER)).toBe(String(BLOB_CHUNK_BYTES));
      expect(
        (
          await alice1.putBlob(
            hash,
            a.id,
            BLOB_CHUNK_BYTES,
            total,
            bytes.subarray(BLOB_CHUNK_BYTES, 2 * BLOB_CHUNK_BYTES),
          )
        ).body,
      ).toMatchObject({ complete: false });
      expect(
        (await alice1.putBlob(hash, a.id, 2 * BLOB_CHUNK_BYTES, total, bytes.subarray(2 * BLOB_CHUNK_BYTES))).body,
      ).toMatchObject({ complete: true, offset: total });

      // Node 2, which never saw a byte of it, knows it is stored and serves it whole and in part.
      const stored = await alice2.headBlob(hash, a.id);
      expect(stored.status).toBe(200);
      expect(stored.headers.get('content-length')).toBe(String(total));
      const got = await alice2.getBlob(hash);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-length')).toBe(String(total));
      expect(same(got.body, bytes)).toBe(true);
      // A range across the boundary of the first two chunks.
      const from = BLOB_CHUNK_BYTES - 1000;
      const to = BLOB_CHUNK_BYTES + 999;
      const part = await alice2.call<Uint8Array>('GET', `/v1/blobs/${hash}`, {
        headers: { range: `bytes=${from}-${to}` },
      });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes ${from}-${to}/${total}`);
      expect(same(part.body, bytes.subarray(from, to + 1))).toBe(true);

      // Neither node keeps attachment files.
      await expect(fs.access(path.join(t.dataDir, 'blobs'))).rejects.toThrow();
      await expect(fs.access(path.join(node2Dir!, 'blobs'))).rejects.toThrow();
      expect(await t.counts()).toMatchObject({ blobs: 1, blob_projects: 1 });
    });

    it('an upload begun on node 1 is resumed and finished on node 2, then served by node 1', async () => {
      const { a, alice1, alice2 } = await twoNodes();
      const bytes = bytesOf(BLOB_CHUNK_BYTES + 5000, 12);
      const hash = sha(bytes);
      const total = bytes.byteLength;
      await alice1.putBlob(hash, a.id, 0, total, bytes.subarray(0, BLOB_CHUNK_BYTES));
      const head = await alice2.headBlob(hash, a.id);
      expect(head.headers.get(BLOB_OFFSET_HEADER)).toBe(String(BLOB_CHUNK_BYTES));
      // Node 2 refuses a chunk at the wrong offset with where to resume, as node 1 would.
      expect((await alice2.putBlob(hash, a.id, 0, total, bytes.subarray(0, BLOB_CHUNK_BYTES))).body).toMatchObject({
        error: 'offset_mismatch',
        offset: BLOB_CHUNK_BYTES,
      });
      expect(
        (await alice2.putBlob(hash, a.id, BLOB_CHUNK_BYTES, total, bytes.subarray(BLOB_CHUNK_BYTES))).body,
      ).toMatchObject({ complete: true, offset: total });
      const got = await alice1.getBlob(hash);
      expect(got.status).toBe(200);
      expect(same(got.body, bytes)).toBe(true);
    });

    it('the same chunk sent to both nodes at once is taken once (the other gets 409 with where to resume); the blob stays whole', async () => {
      const { a, alice1, alice2 } = await twoNodes();
      for (let round = 0; round < 3; round++) {
        const bytes = bytesOf(BLOB_CHUNK_BYTES + 777, 20 + round);
        const hash = sha(bytes);
        const total = bytes.byteLength;
        const first = bytes.subarray(0, BLOB_CHUNK_BYTES);
        const replies = await Promise.all([
          alice1.putBlob(hash, a.id, 0, total, first),
          alice2.putBlob(hash, a.id, 0, total, first),
        ]);
        expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
        const refused = replies.find((r) => r.status === 409)!;
        expect(refused.headers.get(BLOB_OFFSET_HEADER)).toBe(String(BLOB_CHUNK_BYTES));
        expect(
          (await alice2.putBlob(hash, a.id, BLOB_CHUNK_BYTES, total, bytes.subarray(BLOB_CHUNK_BYTES))).body,
        ).toMatchObject({ complete: true });
        expect(same((await alice1.getBlob(hash)).body, bytes)).toBe(true);
      }
    });

    it('two projects finishing the same file on the two nodes at once, cut into different chunks, store it once and both read it whole', async () => {
      const { a, b, alice1, bob2 } = await twoNodes();
      const bytes = bytesOf(BLOB_CHUNK_BYTES + BLOB_CHUNK_BYTES / 2, 31);
      const hash = sha(bytes);
      const total = bytes.byteLength;
      // Project A: 1 MiB then ½ MiB; project B: ½ MiB then 1 MiB.
      await alice1.putBlob(hash, a.id, 0, total, bytes.subarray(0, BLOB_CHUNK_BYTES));
      await bob2.putBlob(hash, b.id, 0, total, bytes.subarray(0, BLOB_CHUNK_BYTES / 2));
      const [lastA, lastB] = await Promise.all([
        alice1.putBlob(hash, a.id, BLOB_CHUNK_BYTES, total, bytes.subarray(BLOB_CHUNK_BYTES)),
        bob2.putBlob(hash, b.id, BLOB_CHUNK_BYTES / 2, total, bytes.subarray(BLOB_CHUNK_BYTES / 2)),
      ]);
      expect(lastA.body).toMatchObject({ complete: true, offset: total });
      expect(lastB.body).toMatchObject({ complete: true, offset: total });
      const chunks = await t.store.db
        .selectFrom('blob_chunks')
        .select(['idx', 'start', 'size'])
        .where('sha256', '=', hash)
        .orderBy('idx')
        .execute();
      expect(chunks.reduce((sum, c) => sum + c.size, 0)).toBe(total);
      expect(chunks.length).toBe(2);
      expect(same((await alice1.getBlob(hash)).body, bytes)).toBe(true);
      expect(same((await bob2.getBlob(hash)).body, bytes)).toBe(true);
      expect(await t.counts()).toMatchObject({ blobs: 1, blob_projects: 2 });
      expect(
        Number(
          (
            await t.store.db
              .selectFrom('blob_upload_chunks')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(0);
    });
  },
);
