import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { encodeBundle } from '../../shared/sync/bundle';
import {
  AdminError,
  addMember,
  addProject,
  addUser,
  importBundle,
  listProjects,
  listUsers,
  removeMember,
} from '../../server/admin/commands';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runAdmin } from '../../server/admin/cli';
import { verifyPassword } from '../../server/auth/passwords';
import { PG_URL } from './helpers/postgres';
import {
  assetChange,
  bytesOf,
  DEFAULT_PASSWORD,
  DEVICE_B,
  hlcAt,
  makeChange,
  projectChange,
  startTestServer,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const root = path.resolve(import.meta.dirname, '../..');

describe.each(dialects)('admin command (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  /** Runs the CLI in-process against the test server's database; returns exit code and output. */
  async function cli(args: string[], stdin = '') {
    let stdout = '';
    let stderr = '';
    const dbArgs = t.pgSchema ? ['--database-url', PG_URL, '--pg-schema', t.pgSchema] : [];
    const code = await runAdmin([...args, '--data-dir', t.dataDir, ...dbArgs], {
      stdin: Readable.from(stdin ? [stdin] : []),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
    });
    return { code, stdout, stderr };
  }

  it('adds users, projects and members; lists them; refuses duplicates and bad input with messages', async () => {
    t = await startTestServer(dialect);
    expect(
      await cli(['add-user', '--username', 'Zhang', '--display-name', '张工', '--password', 'pass-word-1']),
    ).toMatchObject({ code: EXIT_OK, stdout: expect.stringContaining('已创建用户') });
    // Password from stdin.
    expect((await cli(['add-user', '--username', 'li'], 'from-stdin-pw\n')).code).toBe(EXIT_OK);
    await t.login('li', 'from-stdin-pw');
    const stored = await t.store.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .orderBy('username')
      .execute();
    expect(stored.map((u) => u.username)).toEqual(['li', 'zhang']);
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/); // the admin CLI hashes at the OWASP cost
    expect(await verifyPassword('from-stdin-pw', stored[0]!.password_hash)).toBe(true);
    expect(await verifyPassword('from-stdin-pX', stored[0]!.password_hash)).toBe(false);

    const duplicate = await cli(['add-user', '--username', 'ZHANG', '--password', 'another-pw']);
    expect(duplicate).toMatchObject({ code: EXIT_FAILED, stderr: expect.stringMatching(/已存在.*already exists/) });
    expect((await cli(['add-user', '--username', 'wang', '--password', 'short'])).code).toBe(EXIT_FAILED);
    expect((await cli(['add-user'])).code).toBe(EXIT_USAGE);
    expect((await cli(['frobnicate'])).code).toBe(EXIT_USAGE);
    expect((await cli(['list-users', '--no-such-flag'])).code).toBe(EXIT_USAGE);

    const made = await cli(['add-project', '--code', 'BJ-2026-001', '--name', '华北数据中心运维', '--json']);
    expect(made.code).toBe(EXIT_OK);
    const project = JSON.parse(made.stdout) as { id: string };
    const adopted = newId();
    expect((await cli(['add-project', '--code', 'FIELD-7', '--name', '现场项目', '--id', adopted])).code).toBe(EXIT_OK);
    expect((await cli(['add-project', '--code', 'X', '--name', 'dup', '--id', adopted])).code).toBe(EXIT_FAILED);
    expect((await cli(['add-project', '--code', 'X', '--name', 'bad id', '--id', 'not-a-uuid'])).code).toBe(
      EXIT_FAILED,
    );

    expect((await cli(['add-member', '--project', 'BJ-2026-001', '--username', 'zhang', '--role', 'pm'])).code).toBe(
      EXIT_OK,
    );
    expect((await cli(['add-member', '--project', adopted, '--username', 'li', '--role', 'engineer'])).code).toBe(
      EXIT_OK,
    );
    expect((await cli(['add-member', '--project', adopted, '--username', 'li', '--role', 'boss'])).stderr).toContain(
      'customerContact',
    );
    expect((await cli(['add-member', '--project', 'NOPE', '--username', 'li', '--role', 'expert'])).code).toBe(
      EXIT_FAILED,
    );
    // Changing a role is add-member again.
    expect((await cli(['add-member', '--project', adopted, '--username', 'li', '--role', 'techLead'])).code).toBe(
      EXIT_OK,
    );

    const listing = JSON.parse((await cli(['list-projects', '--json'])).stdout) as Array<{
      id: string;
      code: string;
      members: Array<{ username: string; role: string }>;
    }>;
    expect(listing.map((p) => [p.code, p.members.map((m) => `${m.username}:${m.role}`)])).toEqual([
      ['BJ-2026-001', ['zhang:pm']],
      ['FIELD-7', ['li:techLead']],
    ]);
    expect(listing[0]!.id).toBe(project.id);
    expect((await cli(['list-users'])).stdout).toMatch(/li\t.*\n?zhang\t张工/);

    // What the server now tells the members.
    const li = await t.login('li', 'from-stdin-pw');
    expect((await li.projects()).body.projects).toEqual([
      {
        id: adopted,
        code: 'FIELD-7',
        name: '现场项目',
        role: 'techLead',
        bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect((await cli(['remove-member', '--project', adopted, '--username', 'li'])).code).toBe(EXIT_OK);
    expect((await cli(['remove-member', '--project', adopted, '--username', 'li'])).code).toBe(EXIT_FAILED);
    expect((await li.projects()).body.projects).toEqual([]);

    expect((await cli(['disable-user', '--username', 'zhang'])).code).toBe(EXIT_OK);
    await expect(t.login('zhang', 'pass-word-1')).rejects.toThrow(/401/);
    expect((await cli(['reset-password', '--username', 'zhang', '--password', 'new-pass-1'])).code).toBe(EXIT_OK);
    expect((await cli(['enable-user', '--username', 'zhang'])).code).toBe(EXIT_OK);
    await t.login('zhang', 'new-pass-1');
  });

  it('the functions behind it refuse bad input with AdminError', async () => {
    t = await startTestServer(dialect);
    await addUser(t.store, { username: 'a.b@c', password: DEFAULT_PASSWORD });
    await expect(addUser(t.store, { username: 'has space', password: DEFAULT_PASSWORD })).rejects.toBeInstanceOf(
      AdminError,
    );
    await expect(addProject(t.store, { code: '', name: 'x' })).rejects.toBeInstanceOf(AdminError);
    const p = await addProject(t.store, { code: 'DUP', name: 'one' });
    await addProject(t.store, { code: 'DUP', name: 'two' });
    // An ambiguous code must be given as an id.
    await expect(addMember(t.store, { project: 'DUP', username: 'a.b@c', role: 'pm' })).rejects.toThrow(/多个项目/);
    await addMember(t.store, { project: p.id, username: 'a.b@c', role: 'pm' });
    await expect(removeMember(t.store, { project: p.id, username: 'nobody' })).rejects.toBeInstanceOf(AdminError);
    expect((await listUsers(t.store)).map((u) => u.username)).toEqual(['a.b@c']);
    expect((await listProjects(t.store)).find((x) => x.id === p.id)?.members).toMatchObject([
      { username: 'a.b@c', role: 'pm' },
    ]);
  });

  it('imports a bundle through the push code path; importing it twice changes nothing', async () => {
    t = await startTestServer(dialect);
    const projectId = newId();
    const photo = bytesOf(50_000, 21);
    const photoSha = createHash('sha256').update(photo).digest('hex');
    const base = Date.now() - 3_600_000;
    const create = projectChange(projectId, { code: 'GZ-09', name: '广州分行机房' }, { hlc: hlcAt('laptop', base) });
    const assets = Array.from({ length: 700 }, (_, i) =>
      assetChange(projectId, { name: `srv-${i}` }, { hlc: hlcAt('laptop', base + 1 + i) }),
    );
    const rename = makeChange({
      projectId,
      table: 'assets',
      rowId: assets[0]!.rowId,
      fields: { name: 'srv-0-renamed' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 5000),
    });
    const changes = [create, ...assets, rename];
    const bytes = await encodeBundle({
      manifest: { projectId, projectName: '广州分行机房', exportedAt: new Date().toISOString(), exportedBy: '张工' },
      changes,
      rows: [{ id: projectId, projectId, code: 'GZ-09', name: '广州分行机房' }],
      blobs: [{ sha256: photoSha, type: 'image/jpeg', bytes: photo }],
    });
    const file = path.join(t.dataDir, 'gz.fieldbook');
    await fs.writeFile(file, bytes);

    const first = await cli(['import', file, '--json']);
    expect(first.code).toBe(EXIT_OK);
    expect(JSON.parse(first.stdout)).toMatchObject({
      projectId,
      projectRegistered: true,
      changes: 702,
      applied: 702,
      duplicates: 0,
      rejected: [],
      conflicts: 0,
      blobs: 1,
    });
    const afterFirst = await t.counts();
    expect(afterFirst).toMatchObject({
      projects: 1,
      memberships: 0,
      changes: 702,
      rows: 701,
      blobs: 1,
      blob_projects: 1,
    });

    const second = await cli(['import', file]);
    expect(second.code).toBe(EXIT_OK);
    expect(second.stdout).toContain('新应用 applied 0，已存在 duplicate 702');
    expect(await t.counts()).toEqual(afterFirst);

    // The imported project works like any other once it has members.
    await t.addUser('zhao');
    await t.addMember(projectId, 'zhao', 'engineer');
    const zhao = await t.login('zhao');
    expect((await zhao.projects()).body.projects).toEqual([
      {
        id: projectId,
        code: 'GZ-09',
        name: '广州分行机房',
        role: 'engineer',
        bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const pulled = await zhao.pullAll(projectId);
    expect(pulled.map((c) => c.changeId)).toEqual(changes.map((c) => c.changeId));
    expect(pulled.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(await t.row('assets', assets[0]!.rowId)).toMatchObject({ name: 'srv-0-renamed' });
    expect((await zhao.getBlob(photoSha)).status).toBe(200);
    // A device pushing the same changes later finds them already there.
    expect((await zhao.push([rename, assets[5]!])).body.results.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
    ]);
  });

  it('import into a project the server knows keeps replaced server values as conflicts, like a push', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('SZ-1', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const base = Date.now() - 3_600_000;
    const row = assetChange(project.id, { name: 'fw01', owner: '' }, { hlc: hlcAt('device-a', base) });
    const onServer = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: row.rowId,
      fields: { owner: '服务器上的值' },
      hlc: hlcAt('device-a', base + 1000),
    });
    await alice.push([row, onServer]);
    // An engineer without network edited the same field later and brings a bundle.
    const offline = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: row.rowId,
      fields: { owner: '离线的值' },
      deviceId: 'laptop',
      hlc: hlcAt('laptop', base + 2000),
    });
    const bytes = await encodeBundle({
      manifest: { projectId: project.id, projectName: 'SZ', exportedAt: new Date().toISOString(), exportedBy: 'x' },
      changes: [row, offline],
      rows: [],
      blobs: [],
    });
    const summary = await importBundle(t.store, t.server.blobs, bytes);
    expect(summary).toMatchObject({ projectRegistered: false, applied: 1, duplicates: 1, conflicts: 1 });
    expect(await t.row('assets', row.rowId)).toMatchObject({ owner: '离线的值' });
    expect(await t.conflicts()).toMatchObject([
      { field: 'owner', value: '服务器上的值', changeId: onServer.changeId, winningChangeId: offline.changeId },
    ]);
  });

  it('refuses a file that is not a bundle, storing nothing', async () => {
    t = await startTestServer(dialect);
    const file = path.join(t.dataDir, 'junk.zip');
    await fs.writeFile(file, 'definitely not a zip');
    const before = await t.counts();
    const result = await cli(['import', file]);
    expect(result).toMatchObject({ code: EXIT_FAILED, stderr: expect.stringContaining('不是有效的项目数据包') });
    expect((await cli(['import', path.join(t.dataDir, 'missing.zip')])).code).toBe(EXIT_FAILED);
    expect(await t.counts()).toEqual(before);
  });
});

describe('admin entry point (server/admin.ts as a process)', () => {
  it('runs with tsx, reads the password from stdin, exits 0 / 1 / 2', async () => {
    const t = await startTestServer('sqlite');
    try {
      const run = (args: string[], stdin = '') =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', path.join(root, 'server/admin.ts'), ...args, '--data-dir', t.dataDir],
            { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.stdin.end(stdin);
          child.on('exit', (code) => resolve({ code, stdout, stderr }));
        });
      expect(await run(['add-user', '--username', 'qian'], 'piped-password\n')).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('qian'),
      });
      expect(await run(['add-user', '--username', 'qian'], 'piped-password\n')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('已存在'),
      });
      expect(await run([])).toMatchObject({ code: 2, stderr: expect.stringContaining('用法 / usage') });
      await t.login('qian', 'piped-password');
    } finally {
      await t.dispose();
    }
  });
});
