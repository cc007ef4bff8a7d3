import { z } from 'zod';
import { changeSchema, sqlText } from '../change-log';
import { uuidPattern } from '../ids';
import { memberRoleKeys } from '../records/member';

/**
 * The sync protocol between the app and the team server (server/). Every body crossing the wire
 * is validated by these schemas on both sides.
 */
export const PROTOCOL_VERSION = 1;
/** Clients older than this get 426 Upgrade Required. */
export const MIN_CLIENT_PROTOCOL = 1;
export const PROTOCOL_HEADER = 'x-fieldbook-protocol';

export const MAX_PUSH_CHANGES = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const MAX_PULL_PAGE = 1000;
/** A change stamped further ahead of the server's clock than this is refused until the device clock is fixed. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;
/** Attachments travel in chunks of at most this many bytes, so a broken link loses at most one. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;
export const MAX_BLOB_BYTES = 200 * 1024 * 1024;

const projectId = z.string().regex(uuidPattern, '无效的项目 id');

export const loginRequestSchema = z.object({
  username: sqlText(z.string().trim().min(1, '请填写用户名').max(100)),
  password: z.string().min(1, '请填写密码').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export type SyncUser = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** A member's role in a project: the same keys as a team record's role (shared/records/member.ts). */
export const memberRoleSchema = z.enum(memberRoleKeys);

export const projectsResponseSchema = z.object({
  projects: z.array(
    z.object({
      id: projectId,
      code: z.string(),
      name: z.string(),
      role: memberRoleSchema,
      /** Hex secret members sign and check the project's bundles with (shared/sync/bundle.ts). */
      bundleKey: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
  ),
});
export type ProjectsResponse = z.infer<typeof projectsResponseSchema>;

/** A member of a project on the server (GET /v1/projects/:projectId/members). */
export const projectMemberSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: memberRoleSchema,
});
export type ProjectMember = z.infer<typeof projectMemberSchema>;
export const projectMembersResponseSchema = z.object({ members: z.array(projectMemberSchema) });
export type ProjectMembersResponse = z.infer<typeof projectMembersResponseSchema>;
/** PUT /v1/projects/:projectId/members/:username: add an existing server user, or change a member's role. */
export const putMemberRequestSchema = z.object({ role: memberRoleSchema });
export type PutMemberRequest = z.infer<typeof putMemberRequestSchema>;
export const projectParamsSchema = z.object({ projectId });
export const memberParamsSchema = z.object({
  projectId,
  username: sqlText(z.string().trim().min(1, '请填写用户名').max(100)),
});
export const putMemberResponseSchema = z.object({ member: projectMemberSchema });

export const pushRequestSchema = z
  .object({
    changes: z
      .array(changeSchema)
      .min(1, '没有要推送的修改')
      .max(MAX_PUSH_CHANGES, `一批最多 ${MAX_PUSH_CHANGES} 条修改`),
    /**
     * Per project, the last seq this device had pulled when it pushed. A value the server holds
     * with a higher seq, written by another device, was not seen by the pusher: if the push
     * overwrites it, that value is kept as a conflict. Lower seqs were seen: overwriting is an edit.
     */
    seen: z.record(projectId, z.number().int().min(0)).default({}),
    /**
     * Per change, in the order of `changes`: the last seq its writer had pulled when it WROTE
     * it (renderer/data/sync/seen-log.ts). Overrides `seen`, which says what the pusher had
     * pulled by the time it pushed, more than the writer knew if it pulled in between.
     */
    changeSeen: z.array(z.number().int().min(0)).optional(),
  })
  .refine((body) => body.changeSeen === undefined || body.changeSeen.length === body.changes.length, {
    message: 'changeSeen 必须与 changes 一一对应 / changeSeen must match changes one to one',
    path: ['changeSeen'],
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionCodes = ['invalid', 'forbidden', 'clock_ahead', 'project_mismatch'] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ changeId: z.string(), status: z.literal('applied'), seq: z.number().int() }),
  z.object({ changeId: z.string(), status: z.literal('duplicate'), seq: z.number().int() }),
  z.object({
    changeId: z.string(),
    status: z.literal('rejected'),
    code: z.enum(rejectionCodes),
    reason: z.string(),
    /** True when the same change may succeed later unchanged (e.g. once the device clock is fixed). */
    retryable: z.boolean(),
  }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema), serverTime: z.number() });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  projectId,
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(MAX_PULL_PAGE),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const syncedChangeSchema = changeSchema.extend({ seq: z.number().int().positive() });
export type SyncedChange = z.infer<typeof syncedChangeSchema>;

/** A value that lost a merge on the server, so every device of the project can show and restore it. */
export const syncedConflictSchema = z.object({
  table: z.string(),
  rowId: z.string(),
  field: z.string(),
  value: z.unknown(),
  /** hlc of the losing write, and the change that carried it when known. */
  hlc: z.string(),
  changeId: z.string().nullable(),
  author: z.string().nullable(),
  winningHlc: z.string(),
  /** The seq of the change whose merge produced this conflict. */
  seq: z.number().int().positive(),
});
export type SyncedConflict = z.infer<typeof syncedConflictSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(syncedChangeSchema),
  /** Conflicts recorded with the changes of this page (seq after the request's cursor, up to `cursor`). */
  conflicts: z.array(syncedConflictSchema).default([]),
  hasMore: z.boolean(),
  /** The seq to ask after next time: the last seq of this page, or the request's own cursor. */
  cursor: z.number().int().min(0),
  /**
   * On the page that reaches the end of the log: the project's state digest after the change
   * at `cursor` (shared/sync/state-digest.ts), for the device to compare its own with.
   */
  digest: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Every error reply; `requestId` (also the x-request-id header) finds the request in the server's log. */
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** 413 of a blob upload that would take its project past the server's attachment quota. */
export const quotaExceededSchema = errorResponseSchema.extend({
  error: z.literal('quota_exceeded'),
  usedBytes: z.number().int().min(0),
  quotaBytes: z.number().int().min(0),
  neededBytes: z.number().int().min(0),
});
export type QuotaExceeded = z.infer<typeof quotaExceededSchema>;

export const sha256Pattern = /^[0-9a-f]{64}$/;

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  /** The server's own protocol version and the oldest client it still serves. */
  protocol: z.number().int(),
  minClientProtocol: z.number().int(),
  serverTime: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Response header of HEAD/PUT /v1/blobs/:sha256 (and of a 409): bytes of the upload the server holds. */
export const BLOB_OFFSET_HEADER = 'upload-offset';

export const blobUploadQuerySchema = z.object({
  projectId,
  offset: z.coerce.number().int().min(0),
  total: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_BLOB_BYTES, `附件不能超过 ${MAX_BLOB_BYTES / 1024 / 1024} MB`),
});
export type BlobUploadQuery = z.infer<typeof blobUploadQuerySchema>;

export const blobProjectQuerySchema = z.object({ projectId });

/** Reply to each PUT chunk: how far the upload has got, and whether the blob is now stored and verified. */
export const blobUploadResponseSchema = z.object({
  sha256: z.string().regex(sha256Pattern),
  offset: z.number().int().min(0),
  total: z.number().int().min(0),
  complete: z.boolean(),
});
export type BlobUploadResponse = z.infer<typeof blobUploadResponseSchema>;

/** A 409 to a PUT at the wrong offset: resume from `offset`. */
export const blobOffsetConflictSchema = errorResponseSchema.extend({ offset: z.number().int().min(0) });
