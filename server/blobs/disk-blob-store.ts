import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobStore, type ByteRange, HashMismatchError, OffsetMismatchError } from './blob-store';
import { KeyedLock } from './keyed-lock';

/**
 * Attachment files on disk, by content hash: <root>/<aa>/<sha256> where aa are the first two
 * hex digits. Uploads in progress live in <root>/.partial/<sha256>.<projectId> (one per project,
 * so two teams uploading the same file don't trample each other); their size is the offset to
 * resume from. A finished upload is hashed, flushed and renamed into place: a file under its
 * hash is always complete and verified. The store of one SQLite server; with PostgreSQL the
 * bytes go into the database instead (pg-blob-store.ts).
 */
export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk';
  private readonly locks = new KeyedLock();
  readonly partialDir: string;

  constructor(readonly root: string) {
    this.partialDir = path.join(root, '.partial');
  }

  async init(): Promise<void> {
    await fsp.mkdir(this.partialDir, { recursive: true });
  }

  filePath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  private partialPath(sha256: string, projectId: string): string {
    return path.join(this.partialDir, `${sha256}.${projectId}`);
  }

  async storedSize(sha256: string): Promise<number | undefined> {
    try {
      return (await fsp.stat(this.filePath(sha256))).size;
    } catch {
      return undefined;
    }
  }

  async partialOffset(sha256: string, projectId: string): Promise<number> {
    try {
      return (await fsp.stat(this.partialPath(sha256, projectId))).size;
    } catch {
      return 0;
    }
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(key, fn);
  }

  read(sha256: string, range?: ByteRange): Readable {
    return fs.createReadStream(this.filePath(sha256), range ? { start: range.start, end: range.end } : {});
  }

  async append(sha256: string, projectId: string, offset: number, total: number, chunk: Uint8Array): Promise<number> {
    const file = this.partialPath(sha256, projectId);
    let current = await this.partialOffset(sha256, projectId);
    if (current > total) {
      await fsp.rm(file, { force: true });
      current = 0;
    }
    if (offset !== current) throw new OffsetMismatchError(current);
    if (chunk.byteLength === 0 && current > 0) return current;
    const handle = await fsp.open(file, current === 0 ? 'w' : 'r+');
    try {
      await handle.write(chunk, 0, chunk.byteLength, offset);
    } finally {
      await handle.close();
    }
    return offset + chunk.byteLength;
  }

  /** Hashes the partial file and renames it into place (fsync first). */
  async finish(sha256: string, projectId: string): Promise<number> {
    const file = this.partialPath(sha256, projectId);
    const hash = createHash('sha256');
    await pipeline(fs.createReadStream(file), hash);
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      await fsp.rm(file, { force: true });
      throw new HashMismatchError(actual);
    }
    const size = (await fsp.stat(file)).size;
    await this.moveIntoPlace(file, sha256);
    return size;
  }

  async putVerified(sha256: string, bytes: Uint8Array): Promise<void> {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new HashMismatchError(actual);
    if ((await this.storedSize(sha256)) === bytes.byteLength) return;
    await this.init();
    const temp = path.join(this.partialDir, `import-${randomBytes(8).toString('hex')}`);
    await fsp.writeFile(temp, bytes);
    await this.moveIntoPlace(temp, sha256);
  }

  private async moveIntoPlace(file: string, sha256: string): Promise<void> {
    const handle = await fsp.open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const target = this.filePath(sha256);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // rename() replaces atomically; an existing file under this name has the same verified content.
    await fsp.rename(file, target);
  }

  /** Partial files by modification time. */
  async sweepPartials(now: number, maxAgeMs: number): Promise<number> {
    let removed = 0;
    let names: string[];
    try {
      names = await fsp.readdir(this.partialDir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const file = path.join(this.partialDir, name);
      try {
        const stat = await fsp.stat(file);
        if (now - stat.mtimeMs > maxAgeMs) {
          await fsp.rm(file, { force: true });
          removed += 1;
        }
      } catch {
        // gone already
      }
    }
    return removed;
  }
}
