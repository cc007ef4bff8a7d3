import type { ColumnType, Generated } from 'kysely';

/**
 * The server's tables (see migrations.ts). Times are milliseconds since the epoch; JSON values
 * are stored as text so SQLite and PostgreSQL behave the same; booleans are 0/1.
 */
export interface UsersTable {
  id: string;
  /** Trimmed and lower-cased: what people type to log in. */
  username: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash (auth/passwords.ts). */
  password_hash: string;
  disabled: number;
  created_at: number;
}

export interface SessionsTable {
  /** sha256 hex of the opaque token; the token itself is only ever in the client's hands. */
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ProjectsTable {
  id: string;
  code: string;
  name: string;
  /** The project's sequence counter: the seq of its latest accepted change. Locked (FOR UPDATE) by every push. */
  last_seq: number;
  created_at: number;
  /** User who registered it by pushing its row, or null (admin, import). */
  created_by: string | null;
  /** Hex secret of the project's bundle signatures (HMAC-SHA256), handed to its members; null until first asked for. */
  bundle_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** XOR of the hashes of the project's rows (shared/sync/state-digest.ts), kept current by every push; pulls hand it out. */
  state_digest: ColumnType<string, string | undefined, string>;
}

export interface MembershipsTable {
  project_id: string;
  user_id: string;
  role: string;
  created_at: number;
}

/** The change log: every accepted change, numbered per project. Primary key (project_id, seq). */
export interface ChangesTable {
  project_id: string;
  seq: number;
  change_id: string;
  table_name: string;
  row_id: string;
  /** JSON object of the fields this change set. */
  fields: string;
  hlc: string;
  author: string;
  device_id: string;
  /** Who delivered it: a user id, or null for an administrator's import. */
  pushed_by: string | null;
  received_at: number;
}

/** The current state of every row, merged field by field. Primary key (row_id, table_name). A row's project never changes. */
export interface RowsTable {
  table_name: string;
  row_id: string;
  project_id: string;
  /** JSON of the row's values (its fields, id, projectId, deleted); earlier rows also hold fieldHlc. See server/sync/row-state.ts. */
  data: string;
  /** JSON [{field: seq}, {seq: hlc}]: per field the write that set its current value, and each write's hlc once (earlier rows: {field: seq} or {field: {changeId, seq}}). */
  field_writes: string;
  last_seq: number;
  updated_at: number;
}

/** Every value that lost a field-level merge, so a person can restore it. */
export interface ConflictsTable {
  id: Generated<number>;
  project_id: string;
  table_name: string;
  row_id: string;
  field: string;
  /** JSON of the losing value. */
  value: string;
  hlc: string;
  change_id: string | null;
  winning_hlc: string;
  winning_change_id: string | null;
  /** seq of the change whose merge produced this conflict. */
  seq: number;
  created_at: number;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  created_at: number;
}

export interface BlobProjectsTable {
  sha256: string;
  project_id: string;
  created_at: number;
}

/** The login throttle's failure counts (auth/throttle-store.ts), shared by every server node. */
export interface LoginFailuresTable {
  /** sha256 hex of the throttle's key (username + client address, or the address alone). */
  key: string;
  failures: number;
  last_failure: number;
}

/** PostgreSQL only: the bytes of stored blobs, chunk `idx` covering bytes start..start+size-1 (an empty blob has one empty chunk). */
export interface BlobChunksTable {
  sha256: string;
  idx: number;
  start: number;
  size: number;
  data: Uint8Array;
}

/** PostgreSQL only: uploads in progress, per project, one row per chunk received. */
export interface BlobUploadChunksTable {
  sha256: string;
  project_id: string;
  start: number;
  size: number;
  data: Uint8Array;
  received_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  memberships: MembershipsTable;
  changes: ChangesTable;
  rows: RowsTable;
  conflicts: ConflictsTable;
  blobs: BlobsTable;
  blob_projects: BlobProjectsTable;
  login_failures: LoginFailuresTable;
  blob_chunks: BlobChunksTable;
  blob_upload_chunks: BlobUploadChunksTable;
}
