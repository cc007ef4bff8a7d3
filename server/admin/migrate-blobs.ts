import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { BLOB_CHUNK_BYTES, sha256Pattern } from '../../shared/sync/protocol';
import { HashMismatchError } from '../blobs/blob-store';
import { diskBlobRoot } from '../blobs/open-blob-store';
import { PgBlobStore } from '../blobs/pg-blob-store';
import type { Store } from '../db/store';
import { AdminError } from './commands';

export interface MigrateBlobsSummary {
  /** The disk store read: <data-dir>/blobs. */
  source: string;
  /** Files named like a blob (<aa>/<sha256>). */
  files: number;
  /** Verified and copied into PostgreSQL by this run. */
  imported: number;
  /** In PostgreSQL already (an earlier run, or uploaded there since): left as they are. */
  alreadyStored: number;
  /** Files whose bytes do not hash to their name: NOT imported. */
  mismatched: Array<{ sha256: string; actual: string; file: string }>;
  /** Other files under the store (not <aa>/<sha256>): skipped. */
  unexpected: string[];
  /** Uploads in progress (.partial): not moved; devices upload those files again. */
  partialUploads: number;
  /** Blobs the database records whose bytes are in PostgreSQL neither before nor after this run. */
  missing: string[];
  /** Bytes copied by this run. */
  bytes: number;
}

/**
 * Moves a server's disk blob store (<data-dir>/blobs/<aa>/<sha256>, from the time attachment
 * bytes were files even with PostgreSQL) into PostgreSQL's blob_chunks. Every file is hashed
 * while it is copied, in one transaction per file: a file whose bytes do not match its name is
 * reported and nothing of it kept. Files are never deleted, and a blob PostgreSQL holds already is
 * not touched, so running it twice copies nothing the second time. Safe while servers run: a blob
 * appears in PostgreSQL whole or not at all.
 */
export async function migrateBlobs(
  store: Store,
  dataDir: string,
  onFile?: (done: number) => void,
): Promise<MigrateBlobsSummary> {
  if (store.dialect !== 'postgres') {
    throw new AdminError(
      'migrate-blobs 把磁盘上的附件移入 PostgreSQL：请给出 --database-url（或 DATABASE_URL）/ migrate-blobs moves the disk store into PostgreSQL: give --database-url',
    );
  }
  const source = diskBlobRoot(dataDir);
  let top: fs.Dirent[];
  try {
    top = await fsp.readdir(source, { withFileTypes: true });
  } catch (error) {
    throw new AdminError(
      `找不到磁盘附件目录 / cannot read the disk blob store ${source}: ${(error as Error).message}（--data-dir 是否与服务器的相同？/ is --data-dir the server's?）`,
    );
  }
  const blobs = new PgBlobStore(store);
  const summary: MigrateBlobsSummary = {
    source,
    files: 0,
    imported: 0,
    alreadyStored: 0,
    mismatched: [],
    unexpected: [],
    partialUploads: 0,
    missing: [],
    bytes: 0,
  };

  for (const entry of top.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(source, entry.name);
    if (entry.name === '.partial' && entry.isDirectory()) {
      summary.partialUploads = (await fsp.readdir(dir)).length;
      continue;
    }
    if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) {
      summary.unexpected.push(path.relative(source, dir));
      continue;
    }
    for (const name of (await fsp.readdir(dir)).sort()) {
      const file = path.join(dir, name);
      if (!sha256Pattern.test(name) || !name.startsWith(entry.name) || !(await fsp.stat(file)).isFile()) {
        summary.unexpected.push(path.relative(source, file));
        continue;
      }
      summary.files += 1;
      try {
        const result = await blobs.putStream(name, fs.createReadStream(file, { highWaterMark: BLOB_CHUNK_BYTES }));
        if (result.written) {
          summary.imported += 1;
          summary.bytes += result.size;
        } else {
          summary.alreadyStored += 1;
        }
      } catch (error) {
        if (!(error instanceof HashMismatchError)) throw error;
        summary.mismatched.push({ sha256: name, actual: error.actual, file });
      }
      onFile?.(summary.files);
    }
  }

  const missing = await store.db
    .selectFrom('blobs')
    .select('sha256')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('blob_chunks').select('blob_chunks.idx').whereRef('blob_chunks.sha256', '=', 'blobs.sha256')),
      ),
    )
    .orderBy('sha256')
    .execute();
  summary.missing = missing.map((row) => row.sha256);
  return summary;
}

/** The summary for a person: counts first, then every file that needs looking at. */
export function describeMigration(summary: MigrateBlobsSummary): string {
  const lines = [
    `磁盘附件目录 / disk store: ${summary.source}，附件文件 / blob files: ${summary.files}`,
    `已校验并导入 / verified and imported: ${summary.imported} (${(summary.bytes / 1024 / 1024).toFixed(1)} MB)，已在 PostgreSQL 中 / already in PostgreSQL: ${summary.alreadyStored}`,
  ];
  if (summary.mismatched.length > 0) {
    lines.push(`校验值不符，未导入 / hash mismatch, NOT imported: ${summary.mismatched.length}`);
    for (const m of summary.mismatched) lines.push(`  ${m.file}  实际 / actual sha256 ${m.actual}`);
  }
  if (summary.unexpected.length > 0)
    lines.push(`不是附件文件，已跳过 / not blob files, skipped: ${summary.unexpected.join(', ')}`);
  if (summary.partialUploads > 0)
    lines.push(
      `未完成的上传不迁移，设备会重新上传 / uploads in progress not moved (devices upload again): ${summary.partialUploads}`,
    );
  if (summary.missing.length > 0) {
    lines.push(
      `数据库登记了但没有内容的附件 / recorded attachments whose bytes are missing: ${summary.missing.length}`,
    );
    for (const sha256 of summary.missing.slice(0, 50)) lines.push(`  ${sha256}`);
    if (summary.missing.length > 50) lines.push(`  …${summary.missing.length - 50} more`);
  }
  if (summary.mismatched.length === 0 && summary.missing.length === 0)
    lines.push('全部附件都在 PostgreSQL 中 / every attachment is in PostgreSQL');
  return lines.join('\n');
}
