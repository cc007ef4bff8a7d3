import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import { EXIT_FAILED, EXIT_OK, runAdmin } from '../../server/admin/cli';
import type { MigrateBlobsSummary } from '../../server/admin/migrate-blobs';
import { DiskBlobStore } from '../../server/blobs/disk-blob-store';
import { blobFilesLeftOnDisk, diskBlobRoot } from '../../server/blobs/open-blob-store';
import { recordBlob } from '../../server/repositories/blobs';
import { PG_URL } from './helpers/postgres';
import { bytesOf, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('server:admin migrate-blobs', () => {
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

  async function chunkRows(): Promise<number> {
    return Number(
      (
        await t.store.db
          .selectFrom('blob_chunks')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }

  it.skipIf(!dialects.includes('postgres'))(
    'moves a disk store of 5 blobs into PostgreSQL, verifying each: a tampered file is reported and not imported; a second run copies nothing',
    async () => {
      t = await startTestServer('postgres');
      expect(await blobFilesLeftOnDisk(t.dataDir)).toBe(false);
      await t.addUser('alice');
      const project = await t.addProject('MIG-1', { members: { alice: 'engineer' } });
      const alice = await t.login('alice');

      // The store as a server before this change left it: files under <data-dir>/blobs, rows in PostgreSQL.
      const disk = new DiskBlobStore(diskBlobRoot(t.dataDir));
      await disk.init();
      const blobs = [0, 1000, BLOB_CHUNK_BYTES + 10, 50_000, 2 * BLOB_CHUNK_BYTES + 1].map((size, i) =>
        bytesOf(size, 40 + i),
      );
      for (const bytes of blobs) {
        await disk.putVerified(sha(bytes), bytes);
        await recordBlob(t.store.db, {
          sha256: sha(bytes),
          size: bytes.byteLength,
          projectId: project.id,
          now: Date.now(),
        });
      }
      // An upload left half-way, and a file that is no blob.
      await disk.append(sha(bytesOf(10, 99)), project.id, 0, 10, bytesOf(5, 99));
      await fs.writeFile(path.join(diskBlobRoot(t.dataDir), 'README'), 'notes');
      // Someone changed one file on disk: its bytes no longer match its name.
      const tampered = blobs[3]!;
      const tamperedFile = disk.filePath(sha(tampered));
      const changed = Buffer.from(tampered);
      changed[100] = changed[100]! ^ 0xff;
      await fs.writeFile(tamperedFile, changed);

      // Before the move the PostgreSQL server has the rows but not the bytes: it says so (and
      // `npm run server` warns at start that files are left on disk).
      expect(await blobFilesLeftOnDisk(t.dataDir)).toBe(true);
      expect((await alice.getBlob(sha(blobs[1]!))).body).toMatchObject({ error: 'blob_missing' });

      const first = await cli(['migrate-blobs']);
      expect(first.code).toBe(EXIT_FAILED);
      expect(first.stdout).toContain('校验值不符，未导入 / hash mismatch, NOT imported: 1');
      expect(first.stdout).toContain(tamperedFile);
      expect(first.stdout).toContain(`实际 / actual sha256 ${sha(changed)}`);

      // Every good blob is served, byte-identical; the tampered one is not in PostgreSQL.
      for (const bytes of blobs.filter((b) => b !== tampered)) {
        const got = await alice.getBlob(sha(bytes));
        expect(got.status).toBe(200);
        expect(Buffer.from(got.body).equals(Buffer.from(bytes))).toBe(true);
      }
      expect((await alice.getBlob(sha(tampered))).body).toMatchObject({ error: 'blob_missing' });
      expect(
        await t.store.db.selectFrom('blob_chunks').select('idx').where('sha256', '=', sha(tampered)).execute(),
      ).toEqual([]);
      // 0 B → 1 chunk, 1000 B → 1, 1 MiB + 10 → 2, 2 MiB + 1 → 3.
      expect(await chunkRows()).toBe(7);

      // Run twice: nothing copied, the same file flagged again.
      const second = await cli(['migrate-blobs', '--json']);
      expect(second.code).toBe(EXIT_FAILED);
      const summary = JSON.parse(second.stdout) as MigrateBlobsSummary;
      expect(summary).toMatchObject({
        files: 5,
        imported: 0,
        alreadyStored: 4,
        mismatched: [{ sha256: sha(tampered), actual: sha(changed), file: tamperedFile }],
        missing: [sha(tampered)],
        partialUploads: 1,
        unexpected: ['README'],
        bytes: 0,
      });
      expect(await chunkRows()).toBe(7);

      // Put the right bytes back: the last file moves and every attachment is in PostgreSQL.
      await fs.writeFile(tamperedFile, tampered);
      const third = await cli(['migrate-blobs', '--json']);
      expect(third.code).toBe(EXIT_OK);
      expect(JSON.parse(third.stdout)).toMatchObject({
        imported: 1,
        alreadyStored: 4,
        mismatched: [],
        missing: [],
        bytes: tampered.byteLength,
      });
      expect(Buffer.from((await alice.getBlob(sha(tampered))).body).equals(Buffer.from(tampered))).toBe(true);
    },
  );

  it('refuses to run on SQLite, whose attachments stay files', async () => {
    t = await startTestServer('sqlite');
    const result = await cli(['migrate-blobs']);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toContain('--database-url');
  });
});
