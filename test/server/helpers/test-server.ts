import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Change } from '../../../shared/change-log';
import { formatHlc } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PushResponse } from '../../../shared/sync/protocol';
import { addMember, addProject, addUser } from '../../../server/admin/commands';
import { type BuildServerOptions, buildServer, type FieldbookServer } from '../../../server/app';
import type { ScryptCost } from '../../../server/auth/passwords';
import type { Database } from '../../../server/db/schema';
import type { Project } from '../../../server/repositories/projects';
import { readRowState } from '../../../server/sync/row-state';
import type { User } from '../../../server/repositories/users';
import { createSchema, type Dialect, dropSchema, PG_URL } from './postgres';

export { testDialects, type Dialect } from './postgres';

/** A server clock the test can move: real time plus an offset. */
export class TestClock {
  offsetMs = 0;
  readonly now = (): number => Date.now() + this.offsetMs;
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * Test servers hash passwords at this low scrypt cost so that suites making many users stay
 * fast; `passwordCost: 'server default'` runs one with the production default (OWASP).
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export type TestServerOptions = Omit<
  BuildServerOptions,
  'dataDir' | 'databaseUrl' | 'pgSchema' | 'now' | 'passwordCost'
> & {
  passwordCost?: ScryptCost | 'server default';
};

export const DEFAULT_PASSWORD = 'correct horse 42';

/**
 * A real Fieldbook server on 127.0.0.1 (random port) over a fresh SQLite directory or a fresh
 * PostgreSQL schema. Users, projects and memberships are made with the admin CLI's own
 * functions; requests go over real HTTP (fetch). Call dispose() at the end (afterEach).
 *
 *   const t = await startTestServer('sqlite');
 *   const alice = await t.addUser('alice');
 *   const project = await t.addProject('P-1', { members: { alice: 'engineer' } });
 *   const client = await t.login('alice');
 *   const reply = await client.push([assetChange(project.id, { name: 'db01' })]);
 */
export class TestServer {
  server!: FieldbookServer;
  url = '';
  readonly clock = new TestClock();

  private constructor(
    readonly dialect: Dialect,
    readonly dataDir: string,
    readonly pgSchema: string | undefined,
    private options: TestServerOptions,
  ) {}

  /** `dataDir`: an existing data directory to serve (SQLite), e.g. one a restore wrote; removed by dispose() too. */
  static async start(dialect: Dialect, options: TestServerOptions = {}, dataDir?: string): Promise<TestServer> {
    dataDir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'fieldbook-server-test-'));
    const pgSchema = dialect === 'postgres' ? await createSchema() : undefined;
    const t = new TestServer(dialect, dataDir, pgSchema, options);
    await t.boot();
    return t;
  }

  /** What buildServer gets: also usable to open the same database from another process. */
  get buildOptions(): BuildServerOptions {
    const { passwordCost = TEST_PASSWORD_COST, ...options } = this.options;
    return {
      ...options,
      ...(passwordCost === 'server default' ? {} : { passwordCost }),
      dataDir: this.dataDir,
      ...(this.pgSchema ? { databaseUrl: PG_URL, pgSchema: this.pgSchema, poolSize: 20 } : {}),
      now: this.clock.now,
    };
  }

  private async boot(): Promise<void> {
    this.server = await buildServer(this.buildOptions);
    this.url = await this.server.listen({ port: 0, host: '127.0.0.1' });
  }

  get store() {
    return this.server.store;
  }

  /** Stops the server (like a process exit) and starts a new one on the same data; the URL changes. */
  async restart(options?: TestServerOptions): Promise<void> {
    await this.server.close();
    if (options) this.options = options;
    await this.boot();
  }

  async dispose(): Promise<void> {
    await this.server.close();
    if (this.pgSchema) await dropSchema(this.pgSchema);
    await fs.rm(this.dataDir, { recursive: true, force: true });
  }

  addUser(username: string, password = DEFAULT_PASSWORD, displayName?: string): Promise<User> {
    return addUser(this.store, {
      username,
      password,
      displayName,
      now: this.clock.now(),
      passwordCost: this.buildOptions.passwordCost,
    });
  }

  /**
   * A project registered by the administrator, with members given as username → role. Under an
   * id (a new one unless given), as for a project made on a device: its log starts empty, which
   * is what most tests count on. add-project without an id logs the project row first
   * (test/server/admin-project.test.ts).
   */
  async addProject(
    code: string,
    options: { name?: string; id?: string; members?: Record<string, string> } = {},
  ): Promise<Project> {
    const project = await addProject(this.store, {
      code,
      name: options.name ?? `项目 ${code}`,
      id: options.id ?? newId(),
      now: this.clock.now(),
    });
    for (const [username, role] of Object.entries(options.members ?? {}))
      await this.addMember(project.id, username, role);
    return project;
  }

  async addMember(projectId: string, username: string, role = 'engineer'): Promise<void> {
    await addMember(this.store, { project: projectId, username, role, now: this.clock.now() });
  }

  client(token?: string): TestClient {
    return new TestClient(() => this.url, token);
  }

  async login(username: string, password = DEFAULT_PASSWORD): Promise<TestClient> {
    const client = this.client();
    const reply = await client.call('POST', '/v1/auth/login', { json: { username, password } });
    if (reply.status !== 200)
      throw new Error(`login ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    client.token = (reply.body as { token: string }).token;
    return client;
  }

  /** Row counts of every server table, to show a refused request stored nothing. */
  async counts(): Promise<Record<string, number>> {
    const tables = [
      'users',
      'sessions',
      'projects',
      'memberships',
      'changes',
      'rows',
      'conflicts',
      'blobs',
      'blob_projects',
    ] as const;
    const out: Record<string, number> = {};
    for (const table of tables) {
      const row = await this.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  /** The conflicts table, oldest first, values parsed. */
  conflicts() {
    return serverConflicts(this.store.db);
  }

  /** The server's merged row (fields, projectId, fieldHlc), or undefined. */
  row(table: string, rowId: string) {
    return serverRow(this.store.db, table, rowId);
  }
}

/** The conflicts table of a server database, oldest first, values parsed. */
export async function serverConflicts(db: Kysely<Database>): Promise<
  Array<{
    rowId: string;
    field: string;
    value: unknown;
    hlc: string;
    changeId: string | null;
    winningHlc: string;
    winningChangeId: string | null;
    seq: number;
  }>
> {
  const rows = await db.selectFrom('conflicts').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    rowId: r.row_id,
    field: r.field,
    value: JSON.parse(r.value) as unknown,
    hlc: r.hlc,
    changeId: r.change_id,
    winningHlc: r.winning_hlc,
    winningChangeId: r.winning_change_id,
    seq: r.seq,
  }));
}

/** A server database's merged row (fields, projectId, fieldHlc), or undefined. */
export async function serverRow(
  db: Kysely<Database>,
  table: string,
  rowId: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('rows')
    .select(['data', 'field_writes'])
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .executeTakeFirst();
  return row && readRowState(row.data, row.field_writes).row;
}

export const startTestServer = (dialect: Dialect, options?: TestServerOptions, dataDir?: string) =>
  TestServer.start(dialect, options, dataDir);

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  json?: unknown;
  /** A raw body (string or bytes) with its own content-type header. */
  body?: string | Uint8Array;
  headers?: Record<string, string | null>;
  /** Leave out the Authorization header even when the client has a token. */
  anonymous?: boolean;
}

/** A minimal HTTP client of the server: the protocol header and bearer token by default, every reply parsed. */
export class TestClient {
  constructor(
    private readonly baseUrl: () => string,
    public token?: string,
  ) {}

  async call<T = unknown>(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    if (this.token && !options.anonymous) headers.authorization = `Bearer ${this.token}`;
    let body: string | Uint8Array | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    const response = await fetch(new URL(pathAndQuery, this.baseUrl()), {
      method,
      headers,
      body: body as BodyInit | undefined,
    });
    const type = response.headers.get('content-type') ?? '';
    let parsed: unknown;
    if (method === 'HEAD') parsed = undefined;
    else if (type.includes('application/json')) parsed = await response.json();
    else if (type.includes('application/octet-stream')) parsed = new Uint8Array(await response.arrayBuffer());
    else parsed = await response.text();
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  push(changes: Change[], seen?: Record<string, number>): Promise<Reply<PushResponse>> {
    return this.call<PushResponse>('POST', '/v1/sync/push', { json: { changes, ...(seen ? { seen } : {}) } });
  }

  pull(projectId: string, after = 0, limit?: number) {
    const query = new URLSearchParams({ projectId, after: String(after), ...(limit ? { limit: String(limit) } : {}) });
    return this.call<{ changes: Array<Change & { seq: number }>; hasMore: boolean; cursor: number }>(
      'GET',
      `/v1/sync/pull?${query}`,
    );
  }

  /** Every change of a project after `after`, page by page. */
  async pullAll(projectId: string, after = 0, limit = 1000): Promise<Array<Change & { seq: number }>> {
    const all: Array<Change & { seq: number }> = [];
    for (let cursor = after; ;) {
      const page = await this.pull(projectId, cursor, limit);
      if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.body)}`);
      all.push(...page.body.changes);
      cursor = page.body.cursor;
      if (!page.body.hasMore) return all;
    }
  }

  projects() {
    return this.call<{ projects: Array<{ id: string; code: string; name: string; role: string }> }>(
      'GET',
      '/v1/projects',
    );
  }

  logout() {
    return this.call('POST', '/v1/auth/logout');
  }

  headBlob(sha256: string, projectId: string) {
    return this.call('HEAD', `/v1/blobs/${sha256}?projectId=${projectId}`);
  }

  putBlob(sha256: string, projectId: string, offset: number, total: number, chunk: Uint8Array) {
    return this.call(
      'PUT',
      `/v1/blobs/${sha256}?${new URLSearchParams({ projectId, offset: String(offset), total: String(total) })}`,
      { body: chunk },
    );
  }

  getBlob(sha256: string) {
    return this.call<Uint8Array>('GET', `/v1/blobs/${sha256}`);
  }
}

/* ---------- valid changes ---------- */

let lastMillis = 0;
let counter = 0;

/** An hlc: by default "now" on the given device, always increasing within this test process. */
export function hlcAt(deviceId: string, millis?: number, count?: number): string {
  if (millis === undefined) {
    const wall = Date.now();
    if (wall > lastMillis) {
      lastMillis = wall;
      counter = 0;
    } else {
      counter += 1;
    }
    return formatHlc({ millis: lastMillis, counter }, deviceId);
  }
  return formatHlc({ millis, counter: count ?? 0 }, deviceId);
}

export interface ChangeInput {
  projectId: string;
  table: string;
  rowId?: string;
  fields: Record<string, unknown>;
  hlc?: string;
  deviceId?: string;
  author?: string;
  changeId?: string;
}

export const DEVICE_A = 'device-a';
export const DEVICE_B = 'device-b';

export function makeChange(input: ChangeInput): Change {
  const deviceId = input.deviceId ?? DEVICE_A;
  return {
    changeId: input.changeId ?? newId(),
    projectId: input.projectId,
    table: input.table,
    rowId: input.rowId ?? newId(),
    fields: input.fields,
    hlc: input.hlc ?? hlcAt(deviceId),
    author: input.author ?? '张工',
    deviceId,
  };
}

/** A change creating (or editing) an asset of a project. */
export function assetChange(
  projectId: string,
  fields: Record<string, unknown> = { name: 'db01' },
  options: Omit<ChangeInput, 'projectId' | 'table' | 'fields'> = {},
): Change {
  return makeChange({ projectId, table: 'assets', fields, ...options });
}

/** The change that creates a project on a device: its row id is its project id. */
export function projectChange(
  projectId: string,
  fields: Record<string, unknown> = {},
  options: Omit<ChangeInput, 'projectId' | 'table' | 'fields' | 'rowId'> = {},
): Change {
  return makeChange({
    projectId,
    table: 'projects',
    rowId: projectId,
    fields: { code: 'FIELD-1', name: '现场新建项目', customer: '某客户', ...fields },
    ...options,
  });
}

export function bytesOf(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
