import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DiskBlobStore } from '../blobs/disk-blob-store';
import { diskBlobRoot } from '../blobs/open-blob-store';
import { SQLITE_FILE } from '../db/store';
import { AdminError } from './commands';

/**
 * `server:admin backup FILE` / `restore FILE` for the embedded SQLite database: one file that
 * holds the database, taken with SQLite's online backup API (a consistent copy while the server
 * runs and writes), and the attachment files it refers to, in chunks inside the same file. A
 * stored attachment never changes (its name is its hash), so copying those the copied database
 * names, after the copy, gives a consistent pair. Restore only into a data directory without a
 * database, verifying every attachment's hash on the way.
 *
 * PostgreSQL: `backup` runs pg_dump (custom format) of the server's schema, attachment chunks
 * included (they live in the database there); restore with pg_restore (docs/deploy.md), never
 * over a live database by this command.
 */
const FORMAT = 'fieldbook-sqlite-backup-1';
const CHUNK_BYTES = 1024 * 1024;

export interface BackupSummary {
  file: string;
  bytes: number;
  blobs: number;
  blobBytes: number;
}

async function refuseExisting(file: string): Promise<void> {
  if (fs.existsSync(file)) throw new AdminError(`文件已存在，不会覆盖 / ${file} exists, not overwriting it`);
  await fsp.mkdir(path.dirname(file), { recursive: true });
}

export async function backupSqlite(dataDir: string, file: string): Promise<BackupSummary> {
  const source = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new AdminError(`数据目录里没有数据库 / no database at ${source}`);
  await refuseExisting(file);
  const partial = `${file}.partial`;
  await fsp.rm(partial, { force: true });
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    await live.backup(partial);
  } finally {
    live.close();
  }
  const copy = new SqliteDatabase(partial);
  let blobs = 0;
  let blobBytes = 0;
  try {
    copy.pragma('journal_mode = DELETE');
    copy.exec(`create table backup_info (key text primary key, value text not null);
      create table backup_blob_chunks (sha256 text not null, idx integer not null, bytes blob not null, primary key (sha256, idx));`);
    copy
      .prepare('insert into backup_info values (?, ?), (?, ?)')
      .run('format', FORMAT, 'created_at', new Date().toISOString());
    const store = new DiskBlobStore(diskBlobRoot(dataDir));
    const insert = copy.prepare('insert into backup_blob_chunks values (?, ?, ?)');
    // One transaction for all the chunks: the copy is ours alone until it is renamed into place.
    copy.exec('begin');
    for (const { sha256, size } of copy.prepare('select sha256, size from blobs order by sha256').all() as Array<{
      sha256: string;
      size: number;
    }>) {
      const hash = createHash('sha256');
      let idx = 0;
      let read = 0;
      try {
        for await (const chunk of fs.createReadStream(store.filePath(sha256), { highWaterMark: CHUNK_BYTES })) {
          hash.update(chunk as Buffer);
          insert.run(sha256, idx++, chunk);
          read += (chunk as Buffer).byteLength;
        }
      } catch (error) {
        throw new AdminError(`无法读取附件 / cannot read attachment ${sha256}: ${(error as Error).message}`);
      }
      if (read !== Number(size) || hash.digest('hex') !== sha256)
        throw new AdminError(`附件文件已损坏 / attachment file ${sha256} does not match its hash or size`);
      blobs += 1;
      blobBytes += read;
    }
    copy.exec('commit');
  } catch (error) {
    copy.close();
    await fsp.rm(partial, { force: true });
    throw error;
  }
  copy.close();
  const handle = await fsp.open(partial, 'r');
  await handle.sync();
  await handle.close();
  await fsp.rename(partial, file);
  return { file, bytes: (await fsp.stat(file)).size, blobs, blobBytes };
}

export async function restoreSqlite(file: string, dataDir: string): Promise<Omit<BackupSummary, 'file'>> {
  const target = path.join(dataDir, SQLITE_FILE);
  if (fs.existsSync(target)) {
    throw new AdminError(
      `数据目录里已有数据库，恢复只写入空的数据目录 / ${target} exists: restore only into an empty data directory (move it away first)`,
    );
  }
  if (!fs.existsSync(file)) throw new AdminError(`没有这个备份文件 / no such file: ${file}`);
  await fsp.mkdir(dataDir, { recursive: true });
  const restoring = `${target}.restoring`;
  await fsp.copyFile(file, restoring);
  const db = new SqliteDatabase(restoring);
  let blobs = 0;
  let blobBytes = 0;
  try {
    let format: string | undefined;
    try {
      format = (db.prepare("select value from backup_info where key = 'format'").get() as { value: string } | undefined)
        ?.value;
    } catch {
      format = undefined;
    }
    if (format !== FORMAT)
      throw new AdminError(`不是 Fieldbook 服务器的备份文件 / not a Fieldbook server backup: ${file}`);
    const store = new DiskBlobStore(diskBlobRoot(dataDir));
    await store.init();
    const chunksOf = db.prepare('select bytes from backup_blob_chunks where sha256 = ? order by idx');
    for (const { sha256 } of db
      .prepare('select distinct sha256 from backup_blob_chunks order by sha256')
      .all() as Array<{ sha256: string }>) {
      const hash = createHash('sha256');
      const destination = store.filePath(sha256);
      await fsp.mkdir(path.dirname(destination), { recursive: true });
      const temporary = `${destination}.restoring`;
      const out = await fsp.open(temporary, 'w');
      let size = 0;
      try {
        for (const { bytes } of chunksOf.iterate(sha256) as Iterable<{ bytes: Buffer }>) {
          hash.update(bytes);
          await out.write(bytes);
          size += bytes.byteLength;
        }
        await out.sync();
      } finally {
        await out.close();
      }
      if (hash.digest('hex') !== sha256) {
        await fsp.rm(temporary, { force: true });
        throw new AdminError(`备份中的附件已损坏 / attachment ${sha256} in the backup does not match its hash`);
      }
      await fsp.rename(temporary, destination);
      blobs += 1;
      blobBytes += size;
    }
    db.exec('drop table backup_blob_chunks; drop table backup_info;');
    db.exec('vacuum');
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    await fsp.rm(restoring, { force: true });
    throw error;
  }
  db.close();
  await fsp.rename(restoring, target);
  return { bytes: (await fsp.stat(target)).size, blobs, blobBytes };
}

/** PostgreSQL: pg_dump of the server's schema (or of the whole database without one) in pg_dump's custom format. */
export async function backupPostgres(
  databaseUrl: string,
  pgSchema: string | undefined,
  file: string,
): Promise<BackupSummary> {
  await refuseExisting(file);
  const partial = `${file}.partial`;
  const args = [
    '--format=custom',
    '--no-owner',
    `--file=${partial}`,
    ...(pgSchema ? [`--schema=${pgSchema}`] : []),
    `--dbname=${databaseUrl}`,
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.env.FIELDBOOK_PG_DUMP ?? 'pg_dump', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', (error) =>
      reject(new AdminError(`无法运行 pg_dump（请安装 PostgreSQL 客户端）/ cannot run pg_dump: ${error.message}`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new AdminError(`pg_dump 失败 / pg_dump failed (${code}): ${text.trim()}`)),
    );
  });
  await fsp.rename(partial, file);
  return { file, bytes: (await fsp.stat(file)).size, blobs: 0, blobBytes: 0 };
}
