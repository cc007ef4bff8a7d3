import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { BLOB_CHUNK_BYTES } from '../../shared/sync/protocol';
import { advisoryXactLock } from '../db/advisory-lock';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { type BlobStore, type ByteRange, HashMismatchError, OffsetMismatchError } from './blob-store';
import { KeyedLock } from './keyed-lock';

/** What a put of a whole blob did. */
export interface PutResult {
  size: number;
  /** false when the blob was stored already (nothing written). */
  written: boolean;
}

/**
 * Attachment bytes in PostgreSQL, so that a blob uploaded through one server node is served by
 * any other node on the same database, and a node keeps nothing of its own on disk.
 *
 *   blob_chunks(sha256, idx) → start, size, data      stored, verified blobs
 *   blob_upload_chunks(sha256, project_id, start) → size, data, received_at   uploads in progress
 *
 * Each PUT chunk of an upload is one row, so an upload resumes after a broken connection or on
 * another node at the end of the last row. When the last chunk arrives the rows are read back in
 * order and hashed; only if the hash matches are they copied into blob_chunks and the upload's
 * rows deleted, in one transaction: a blob with rows in blob_chunks is complete and verified.
 *
 * Nodes serialise work on one upload with transaction-scoped advisory locks (the in-process
 * KeyedLock only spares a node from queueing on its own database locks): one on the upload
 * (sha256 + project) for appending and finishing, one on the blob (sha256) for writing it, so two
 * projects finishing the same file at once store it once.
 */
export class PgBlobStore implements BlobStore {
  readonly kind = 'postgres';
  private readonly locks = new KeyedLock();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {
    if (store.dialect !== 'postgres') throw new Error('PgBlobStore needs a PostgreSQL store');
  }

  private get db(): Kysely<Database> {
    return this.store.db;
  }

  async init(): Promise<void> {
    // The tables come with the migrations (0006_blob_chunks).
  }

  async storedSize(sha256: string): Promise<number | undefined> {
    return storedSizeIn(this.db, sha256);
  }

  async partialOffset(sha256: string, projectId: string): Promise<number> {
    return uploadOffsetIn(this.db, sha256, projectId);
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(key, fn);
  }

  async append(sha256: string, projectId: string, offset: number, total: number, chunk: Uint8Array): Promise<number> {
    return this.store.transaction(async (trx) => {
      await advisoryXactLock(trx, uploadKey(sha256, projectId));
      let current = await uploadOffsetIn(trx, sha256, projectId);
      if (current > total) {
        // An earlier upload under this hash claimed another total: it was not this file.
        await deleteUpload(trx, sha256, projectId);
        current = 0;
      }
      if (offset !== current) throw new OffsetMismatchError(current);
      // An empty chunk has nothing to keep: an empty blob is finished from no rows at all.
      if (chunk.byteLength === 0) return current;
      await trx
        .insertInto('blob_upload_chunks')
        .values({
          sha256,
          project_id: projectId,
          start: offset,
          size: chunk.byteLength,
          data: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
          received_at: this.now(),
        })
        .execute();
      return offset + chunk.byteLength;
    });
  }

  async finish(sha256: string, projectId: string): Promise<number> {
    const outcome = await this.store.transaction(async (trx) => {
      await advisoryXactLock(trx, uploadKey(sha256, projectId));
      await advisoryXactLock(trx, blobKey(sha256));
      const parts = await trx
        .selectFrom('blob_upload_chunks')
        .select(['start', 'size'])
        .where('sha256', '=', sha256)
        .where('project_id', '=', projectId)
        .orderBy('start')
        .execute();
      const hash = createHash('sha256');
      let size = 0;
      for (const part of parts) {
        // One chunk in memory at a time: a 200 MB attachment is never held whole.
        const { data } = await trx
          .selectFrom('blob_upload_chunks')
          .select('data')
          .where('sha256', '=', sha256)
          .where('project_id', '=', projectId)
          .where('start', '=', part.start)
          .executeTakeFirstOrThrow();
        hash.update(data);
        size += part.size;
      }
      const actual = hash.digest('hex');
      if (actual !== sha256) {
        // Committed, not rolled back: the bad upload must go, so the next try starts at 0.
        await deleteUpload(trx, sha256, projectId);
        return { actual, size };
      }
      if ((await storedSizeIn(trx, sha256)) === undefined) {
        if (parts.length === 0) {
          await trx
            .insertInto('blob_chunks')
            .values({ sha256, idx: 0, start: 0, size: 0, data: Buffer.alloc(0) })
            .execute();
        } else {
          await sql`
            insert into blob_chunks (sha256, idx, start, size, data)
            select sha256, (row_number() over (order by start) - 1)::integer, start, size, data
            from blob_upload_chunks where sha256 = ${sha256} and project_id = ${projectId}`.execute(trx);
        }
      }
      await deleteUpload(trx, sha256, projectId);
      return { actual, size };
    });
    if (outcome.actual !== sha256) throw new HashMismatchError(outcome.actual);
    return outcome.size;
  }

  async putVerified(sha256: string, bytes: Uint8Array): Promise<void> {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new HashMismatchError(actual);
    await this.putStream(sha256, [bytes]);
  }

  /**
   * Stores a blob read from `source` (a file being migrated, a bundle's entry) in chunks of
   * BLOB_CHUNK_BYTES, hashing as it goes, in one transaction: if the bytes do not hash to
   * `sha256` nothing is kept and HashMismatchError is thrown. A blob stored already is left as it
   * is (`written: false`) without reading the source.
   */
  async putStream(sha256: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<PutResult> {
    return this.store.transaction(async (trx) => {
      await advisoryXactLock(trx, blobKey(sha256));
      const stored = await storedSizeIn(trx, sha256);
      if (stored !== undefined) return { size: stored, written: false };
      const hash = createHash('sha256');
      let idx = 0;
      let start = 0;
      for await (const piece of rechunk(source, BLOB_CHUNK_BYTES)) {
        hash.update(piece);
        await trx
          .insertInto('blob_chunks')
          .values({ sha256, idx, start, size: piece.byteLength, data: piece })
          .execute();
        idx += 1;
        start += piece.byteLength;
      }
      if (idx === 0)
        await trx
          .insertInto('blob_chunks')
          .values({ sha256, idx: 0, start: 0, size: 0, data: Buffer.alloc(0) })
          .execute();
      const actual = hash.digest('hex');
      if (actual !== sha256) throw new HashMismatchError(actual);
      return { size: start, written: true };
    });
  }

  read(sha256: string, range?: ByteRange): Readable {
    return Readable.from(this.chunksOf(sha256, range));
  }

  /** The blob's bytes chunk by chunk, only the part inside `range`, one query per chunk. */
  private async *chunksOf(sha256: string, range?: ByteRange): AsyncGenerator<Buffer> {
    const first = range?.start ?? 0;
    const last = range?.end ?? Number.MAX_SAFE_INTEGER;
    const parts = await this.db
      .selectFrom('blob_chunks')
      .select(['idx', 'start', 'size'])
      .where('sha256', '=', sha256)
      .where('size', '>', 0)
      .where(sql<boolean>`start + size > ${first}`)
      .where('start', '<=', last)
      .orderBy('idx')
      .execute();
    for (const part of parts) {
      const from = Math.max(first, part.start) - part.start;
      const to = Math.min(last, part.start + part.size - 1) - part.start;
      // substring() is 1-based; PostgreSQL sends only the bytes asked for.
      const row = await this.db
        .selectFrom('blob_chunks')
        .select(sql<Buffer>`substring(data from ${from + 1} for ${to - from + 1})`.as('data'))
        .where('sha256', '=', sha256)
        .where('idx', '=', part.idx)
        .executeTakeFirst();
      if (!row) throw new Error(`blob ${sha256} lost chunk ${part.idx} while being read`);
      yield row.data;
    }
  }

  async sweepPartials(now: number, maxAgeMs: number): Promise<number> {
    const stale = await this.db
      .selectFrom('blob_upload_chunks')
      .select(['sha256', 'project_id'])
      .groupBy(['sha256', 'project_id'])
      .having((eb) => eb.fn.max('received_at'), '<', now - maxAgeMs)
      .execute();
    for (const upload of stale) {
      await this.store.transaction(async (trx) => {
        await advisoryXactLock(trx, uploadKey(upload.sha256, upload.project_id));
        // Someone may have continued it since the query above.
        await trx
          .deleteFrom('blob_upload_chunks')
          .where('sha256', '=', upload.sha256)
          .where('project_id', '=', upload.project_id)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('blob_upload_chunks as newer')
                  .select('newer.start')
                  .where('newer.sha256', '=', upload.sha256)
                  .where('newer.project_id', '=', upload.project_id)
                  .where('newer.received_at', '>=', now - maxAgeMs),
              ),
            ),
          )
          .execute();
      });
    }
    return stale.length;
  }
}

const uploadKey = (sha256: string, projectId: string) => `fieldbook-upload:${sha256}.${projectId}`;
const blobKey = (sha256: string) => `fieldbook-blob:${sha256}`;

async function storedSizeIn(db: Kysely<Database>, sha256: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('blob_chunks')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('chunks'),
      eb.fn.sum<number | string | null>('size').as('bytes'),
    ])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && Number(row.chunks) > 0 ? Number(row.bytes ?? 0) : undefined;
}

async function uploadOffsetIn(db: Kysely<Database>, sha256: string, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('blob_upload_chunks')
    .select(sql<number | string | null>`max(start + size)`.as('end'))
    .where('sha256', '=', sha256)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.end ?? 0);
}

async function deleteUpload(db: Kysely<Database>, sha256: string, projectId: string): Promise<void> {
  await db.deleteFrom('blob_upload_chunks').where('sha256', '=', sha256).where('project_id', '=', projectId).execute();
}

/** Re-cuts a byte stream into pieces of exactly `size` bytes (the last one shorter). */
async function* rechunk(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const input of source) {
    let piece = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    while (pendingBytes + piece.byteLength >= size) {
      const take = size - pendingBytes;
      pending.push(piece.subarray(0, take));
      yield Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      piece = piece.subarray(take);
    }
    if (piece.byteLength > 0) {
      pending.push(piece);
      pendingBytes += piece.byteLength;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
