import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin, type AdminIo } from '../../server/admin/cli';
import { ensureBlob, uploadBlob } from '../../renderer/data/sync/blob-transfer';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { sha256Hex } from '../../shared/sha256';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import { PG_URL } from '../server/helpers/postgres';
import { bytesOf, startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, projectState } from './helpers/sync-client';

const dialects = await testDialects();

async function admin(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: AdminIo = {
    stdin: process.stdin,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: {},
  };
  const code = await runAdmin(argv, io);
  return { code, out, err };
}

describe('server:admin backup and restore (sqlite)', () => {
  const servers: TestServer[] = [];
  let scratch: string | undefined;
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.dispose();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  it('a backup taken while the server runs, restored into an empty data directory, gives a fresh device every record and attachment', async () => {
    const original = await startTestServer('sqlite');
    servers.push(original);
    await original.addUser('zhang');
    const zhang = await openSyncClient(original, 'zhang');
    const project = await zhang.repo.createProject({ code: 'BAK-01', name: '备份演练', customer: '测试' });
    for (let i = 0; i < 30; i++)
      await zhang.repo.create('assets', project.id, { name: `srv${i}`, hostname: `srv${i}`, rack: `A-${i}` });
    await zhang.sync(); // registers the project on the server, which attachments need
    const photo = bytesOf(BLOB_CHUNK_BYTES + 777, 11); // two chunks on the wire and in the backup
    const sha256 = await sha256Hex(photo);
    await zhang.db.blobs.put({
      sha256,
      type: 'image/jpeg',
      size: photo.byteLength,
      bytes: new Blob([photo as Uint8Array<ArrayBuffer>]),
      pendingUpload: 1,
    });
    await uploadBlob(zhang.db, new SyncHttp(original.url, () => zhang.token), sha256, project.id);
    await zhang.sync();

    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-backup-'));
    const file = path.join(scratch, 'fieldbook-backup.sqlite');
    const backup = await admin(['backup', file, '--data-dir', original.dataDir]);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/附件 attachments 1/);
    // Never over an existing file.
    expect((await admin(['backup', file, '--data-dir', original.dataDir])).code).toBe(1);
    // Edits after the backup are not in it.
    await zhang.repo.create('assets', project.id, { name: 'after-backup' });
    await zhang.sync();

    const restoredDir = path.join(scratch, 'restored');
    const restore = await admin(['restore', file, '--data-dir', restoredDir]);
    expect(restore).toMatchObject({ code: 0, err: '' });
    // Only into an empty data directory.
    const again = await admin(['restore', file, '--data-dir', restoredDir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/空的数据目录/);

    const restored = await startTestServer('sqlite', {}, restoredDir);
    servers.push(restored);
    expect((await fetch(`${restored.url}/v1/ready`)).status).toBe(200);
    const fresh = await openSyncClient(restored, 'zhang');
    await fresh.sync();
    const expected = await projectState(zhang.db, project.id);
    const received = await projectState(fresh.db, project.id);
    expect(received.assets).toHaveLength(30);
    expected.assets = expected.assets!.filter((row) => (row as { name: string }).name !== 'after-backup');
    expect(received).toEqual(expected);
    const downloaded = await ensureBlob(
      fresh.db,
      new SyncHttp(restored.url, () => fresh.token),
      sha256,
      project.id,
      'image/jpeg',
    );
    expect(new Uint8Array(await downloaded!.arrayBuffer())).toEqual(photo);
  }, 120_000);

  it('restore refuses a file that is not a backup, and leaves the data directory without a database', async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-backup-'));
    const notBackup = path.join(scratch, 'notes.sqlite');
    await fs.writeFile(notBackup, 'not a database at all');
    const dataDir = path.join(scratch, 'data');
    const reply = await admin(['restore', notBackup, '--data-dir', dataDir]);
    expect(reply.code).toBe(1);
    expect(await fs.readdir(dataDir)).toEqual([]);
  });
});

describe.runIf(dialects.includes('postgres'))('server:admin backup (postgres)', () => {
  let server: TestServer | undefined;
  let scratch: string | undefined;
  afterEach(async () => {
    await server?.dispose();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  });

  it('runs pg_dump of the server schema, attachment chunks included; pg_restore lists its tables', async () => {
    server = await startTestServer('postgres');
    await server.addUser('zhang');
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-backup-'));
    const file = path.join(scratch, 'fieldbook.dump');
    const reply = await admin(['backup', file, '--database-url', PG_URL, '--pg-schema', server.pgSchema!]);
    expect(reply).toMatchObject({ code: 0, err: '' });
    const listing = execFileSync('pg_restore', ['--list', file], { encoding: 'utf8' });
    for (const table of ['users', 'changes', 'rows', 'blobs', 'blob_chunks', 'kysely_migration'])
      expect(listing).toMatch(new RegExp(`TABLE DATA ${server.pgSchema} ${table} `));
    const restore = await admin(['restore', file, '--database-url', PG_URL]);
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/pg_restore/);
  });
});
