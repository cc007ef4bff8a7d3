import type { Readable } from 'node:stream';

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

/** Bytes `start`..`end` of a blob, both inclusive (an HTTP range). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where attachment bytes live, by content hash (lowercase hex sha256). Two implementations,
 * chosen at start (blobs/open-blob-store.ts): files under the data directory next to SQLite
 * (disk-blob-store.ts), or chunks in PostgreSQL so every server node on the database serves
 * every blob (pg-blob-store.ts).
 *
 * An upload in progress is kept per (sha256, project), so two teams uploading the same file do
 * not trample each other; its length is the offset to resume from. A finished upload is hashed
 * and only then becomes the stored blob: a stored blob is always complete and verified. Which
 * project a blob belongs to, and its size, are the `blobs` / `blob_projects` rows
 * (repositories/blobs.ts), written by the caller after `finish`.
 */
export interface BlobStore {
  readonly kind: 'disk' | 'postgres';
  init(): Promise<void>;
  /** Size of the stored blob, or undefined when there is none. */
  storedSize(sha256: string): Promise<number | undefined>;
  /** Bytes received so far of this project's upload of `sha256` (0 when none). */
  partialOffset(sha256: string, projectId: string): Promise<number>;
  /** Serialises work on one upload within this process, so two requests cannot append at the same offset. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Appends a chunk at `offset` of the upload of `sha256` for `projectId`. Throws
   * OffsetMismatchError (with the right offset) unless `offset` is exactly what is stored.
   * Returns the new offset. Call inside withLock.
   */
  append(sha256: string, projectId: string, offset: number, total: number, chunk: Uint8Array): Promise<number>;
  /**
   * Verifies a finished upload against its hash and makes it the stored blob atomically;
   * returns its size. On a mismatch the upload is discarded and HashMismatchError thrown.
   * Call inside withLock.
   */
  finish(sha256: string, projectId: string): Promise<number>;
  /** Stores a whole blob given in memory (bundle import): verified, then written atomically. */
  putVerified(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes (or a range of them) as a stream; the caller has checked that the blob is stored. */
  read(sha256: string, range?: ByteRange): Readable;
  /** Removes uploads nobody has continued for `maxAgeMs`; returns how many. */
  sweepPartials(now: number, maxAgeMs: number): Promise<number>;
}
