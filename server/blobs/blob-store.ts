import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export class OffsetMismatchError extends Error {
  constructor(readonly offset: number) {
    super(`上传位置不对：服务器已有 ${offset} 字节，请从这里继续 / wrong offset, resume at ${offset}`);
  }
}

export class HashMismatchError extends Error {
  constructor(readonly actual: string) {
    super('附件内容与校验值不符，已丢弃，请重新上传 / content does not match its sha256; discarded, upload again');
  }
}

/**
 * Attachment files on disk, by content hash: <root>/<aa>/<sha256> where aa are the first two
 * hex digits. Uploads in progress live in <root>/.partial/<sha256>.<projectId> (one per project,
 * so two teams uploading the same file don't trample each other); their size is the offset to
 * resume from. A finished upload is hashed, flushed and renamed into place: a file under its
 * hash is always complete and verified. Never in SQL.
 */
export class BlobStore {
  private readonly locks = new Map<string, Promise<unknown>>();
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

  /** Size of the stored blob, or undefined when there is none. */
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

  /** Serialises work on one upload, so two requests cannot append at the same offset. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(fn);
    const tail = run.catch(() => {});
    this.locks.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }

  /**
   * Appends a chunk at `offset` of the upload of `sha256` for `projectId`. Throws
   * OffsetMismatchError (with the right offset) unless `offset` is exactly what is stored.
   * Returns the new offset. Call inside withLock.
   */
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

  /**
   * Verifies a finished upload against its hash and moves it into place atomically. On a
   * mismatch the partial file is discarded and HashMismatchError thrown. Call inside withLock.
   */
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

  /** Stores a whole blob given in memory (bundle import): verified, then written atomically. */
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

  /** Removes uploads nobody has continued for `maxAgeMs`. */
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
