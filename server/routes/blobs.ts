import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BLOB_CHUNK_BYTES,
  BLOB_OFFSET_HEADER,
  blobProjectQuerySchema,
  type BlobUploadResponse,
  blobUploadQuerySchema,
  type QuotaExceeded,
  sha256Pattern,
} from '../../shared/sync/protocol';
import { HashMismatchError, OffsetMismatchError } from '../blobs/blob-store';
import { type AppContext, currentUser, requireUser } from '../http/context';
import { badRequest, forbidden, HttpError, notFound, parseWith } from '../http/errors';
import {
  findBlob,
  isBlobInProject,
  projectBlobBytes,
  recordBlobWithinQuota,
  userMayReadBlob,
} from '../repositories/blobs';
import { roleIn } from '../repositories/memberships';
import { isMember } from '../repositories/projects';
import { roleMayUploadAttachments, uploadRefusal } from '../../shared/roles';

function shaParam(request: FastifyRequest): string {
  const sha256 = (request.params as { sha256?: string }).sha256 ?? '';
  if (!sha256Pattern.test(sha256))
    throw badRequest('附件标识必须是 64 位小写十六进制 sha256 / path must be a lowercase hex sha256', 'bad_sha256');
  return sha256;
}

/**
 * Attachments by content hash, uploaded in chunks that resume after a broken connection:
 *   HEAD /v1/blobs/:sha256?projectId=…   200 + content-length when stored for that project,
 *                                         else 404 + upload-offset (bytes already received)
 *   PUT  /v1/blobs/:sha256?projectId=…&offset=N&total=T   application/octet-stream chunk
 *   GET  /v1/blobs/:sha256               the bytes, to a member of a project it belongs to
 */
export async function blobRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
  const auth = requireUser(ctx);

  /** Whether the blob is stored and already belongs to the project (then the upload can be skipped). */
  async function storedFor(sha256: string, projectId: string): Promise<number | undefined> {
    const blob = await findBlob(ctx.store.db, sha256);
    if (!blob || !(await isBlobInProject(ctx.store.db, sha256, projectId))) return undefined;
    return (await ctx.blobs.storedSize(sha256)) === blob.size ? blob.size : undefined;
  }

  /** 413 quota_exceeded: storing `total` more bytes would take the project past its quota. */
  function quotaExceeded(used: number, total: number): HttpError {
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return new HttpError(
      413,
      'quota_exceeded',
      `项目附件存储已满：已用 ${mib(used)} MB，上限 ${mib(ctx.blobQuotaBytes)} MB，这个附件 ${mib(total)} MB。请联系服务器管理员提高配额 / ` +
        `project attachment quota exceeded: ${mib(used)} of ${mib(ctx.blobQuotaBytes)} MiB used, this file needs ${mib(total)} MiB`,
      {},
      { usedBytes: used, quotaBytes: ctx.blobQuotaBytes, neededBytes: total } satisfies Omit<
        QuotaExceeded,
        'error' | 'message'
      >,
    );
  }

  /**
   * Refuses before a byte is written when the upload cannot fit. Uploads in progress are not
   * counted, so two may pass here together: recordBlobWithinQuota decides between them at the end.
   */
  async function checkQuota(projectId: string, total: number): Promise<void> {
    const used = await projectBlobBytes(ctx.store.db, projectId);
    if (used + total > ctx.blobQuotaBytes) throw quotaExceeded(used, total);
  }

  app.head('/v1/blobs/:sha256', { onRequest: auth }, async (request, reply) => {
    const user = currentUser(request);
    const sha256 = shaParam(request);
    const { projectId } = parseWith(blobProjectQuerySchema, request.query, '查询参数');
    if (!(await isMember(ctx.store.db, user.id, projectId))) throw forbidden();
    const size = await storedFor(sha256, projectId);
    if (size !== undefined) {
      return reply
        .code(200)
        .headers({
          'content-length': String(size),
          [BLOB_OFFSET_HEADER]: String(size),
          'content-type': 'application/octet-stream',
        })
        .send();
    }
    // A blob stored only for another project is not revealed: this project must upload it too
    // (proving it has the bytes), then it is linked without being stored twice.
    const offset = await ctx.blobs.partialOffset(sha256, projectId);
    return reply
      .code(404)
      .headers({ [BLOB_OFFSET_HEADER]: String(offset) })
      .send();
  });

  app.put('/v1/blobs/:sha256', { onRequest: auth, bodyLimit: BLOB_CHUNK_BYTES }, async (request, reply) => {
    const user = currentUser(request);
    const sha256 = shaParam(request);
    const query = parseWith(blobUploadQuerySchema, request.query, '上传参数');
    const role = await roleIn(ctx.store.db, user.id, query.projectId);
    if (!role) throw forbidden();
    // Bytes only from a role that may attach them to some record (shared/roles.ts): an observer's
    // upload would only fill the project's quota with files no change of theirs can reference.
    if (!roleMayUploadAttachments(role)) throw new HttpError(403, 'forbidden', uploadRefusal(role), {}, { role });
    const chunk = request.body === undefined || request.body === null ? Buffer.alloc(0) : request.body;
    if (!Buffer.isBuffer(chunk))
      throw new HttpError(
        415,
        'unsupported_media_type',
        '附件内容须以 application/octet-stream 上传 / send chunks as application/octet-stream',
      );
    if (query.offset + chunk.byteLength > query.total)
      throw badRequest('分块超出了附件总长度 / chunk goes past the total size', 'chunk_too_long');
    if (chunk.byteLength === 0 && query.offset < query.total) throw badRequest('分块为空 / empty chunk', 'empty_chunk');

    return ctx.blobs.withLock(`${sha256}.${query.projectId}`, async () => {
      const stored = await storedFor(sha256, query.projectId);
      if (stored !== undefined) {
        return { sha256, offset: stored, total: stored, complete: true } satisfies BlobUploadResponse;
      }
      await checkQuota(query.projectId, query.total);
      let offset: number;
      try {
        offset = await ctx.blobs.append(sha256, query.projectId, query.offset, query.total, chunk);
      } catch (error) {
        if (error instanceof OffsetMismatchError) {
          throw new HttpError(
            409,
            'offset_mismatch',
            error.message,
            { [BLOB_OFFSET_HEADER]: String(error.offset) },
            { offset: error.offset },
          );
        }
        throw error;
      }
      if (offset < query.total) {
        return reply
          .header(BLOB_OFFSET_HEADER, String(offset))
          .send({ sha256, offset, total: query.total, complete: false } satisfies BlobUploadResponse);
      }
      let size: number;
      try {
        size = await ctx.blobs.finish(sha256, query.projectId);
      } catch (error) {
        if (error instanceof HashMismatchError) {
          request.log.warn(
            { sha256, actual: error.actual, projectId: query.projectId, userId: user.id },
            'blob hash mismatch',
          );
          throw new HttpError(400, 'hash_mismatch', error.message, { [BLOB_OFFSET_HEADER]: '0' });
        }
        throw error;
      }
      const outcome = await recordBlobWithinQuota(
        ctx.store,
        { sha256, size, projectId: query.projectId, now: ctx.now() },
        ctx.blobQuotaBytes,
      );
      // The bytes stay in the store unrecorded for this project: content-addressed, they are
      // reused if the project uploads the file again once there is room.
      if (!outcome.recorded) throw quotaExceeded(outcome.usedBytes, size);
      request.log.info({ sha256, size, projectId: query.projectId, userId: user.id }, 'blob stored');
      return reply
        .header(BLOB_OFFSET_HEADER, String(size))
        .send({ sha256, offset: size, total: size, complete: true } satisfies BlobUploadResponse);
    });
  });

  app.get('/v1/blobs/:sha256', { onRequest: auth, exposeHeadRoute: false }, async (request, reply) => {
    const user = currentUser(request);
    const sha256 = shaParam(request);
    const blob = await findBlob(ctx.store.db, sha256);
    if (!blob) throw notFound('没有这个附件 / no such attachment');
    if (!(await userMayReadBlob(ctx.store.db, sha256, user.id)))
      throw forbidden('这个附件不属于你参与的项目 / attachment belongs to none of your projects');
    if ((await ctx.blobs.storedSize(sha256)) !== blob.size) {
      // Recorded but its bytes are not in this store (e.g. a PostgreSQL server whose disk store
      // was not moved with `server:admin migrate-blobs`): say so rather than send a short body.
      request.log.error({ sha256, store: ctx.blobs.kind }, 'blob recorded but its bytes are missing');
      throw new HttpError(
        404,
        'blob_missing',
        "服务器缺少这个附件的内容，请联系服务器管理员 / the server is missing this attachment's bytes; tell the administrator",
      );
    }
    const range = parseRange(request.headers.range, blob.size);
    void reply.headers({
      'content-type': 'application/octet-stream',
      'cache-control': 'private, max-age=31536000, immutable',
      'accept-ranges': 'bytes',
      etag: `"${sha256}"`,
    });
    if (range) {
      return reply
        .code(206)
        .headers({
          'content-range': `bytes ${range.start}-${range.end}/${blob.size}`,
          'content-length': String(range.end - range.start + 1),
        })
        .send(ctx.blobs.read(sha256, range));
    }
    return reply.header('content-length', String(blob.size)).send(ctx.blobs.read(sha256));
  });
}

/** A single "bytes=a-b" / "bytes=a-" range inside the blob, for resuming a download; anything else is ignored. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start > end || start >= size) return undefined;
  return { start, end };
}
