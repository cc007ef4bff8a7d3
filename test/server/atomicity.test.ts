import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assetChange,
  makeChange,
  startTestServer,
  testDialects,
  TestClient,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const root = path.resolve(import.meta.dirname, '../..');

describe.each(dialects)('a batch is all or nothing (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  async function setup(options: Parameters<typeof startTestServer>[1] = {}) {
    t = await startTestServer(dialect, options);
    await t.addUser('alice');
    const project = await t.addProject('T-1', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    return { project, alice };
  }

  /** 120 changes creating 60 rows and editing them, one of them conflicting. */
  function batchFor(projectId: string) {
    const creates = Array.from({ length: 60 }, (_, i) =>
      assetChange(projectId, { name: `srv-${i}`, vendor: 'Huawei' }),
    );
    const edits = creates.map((c) =>
      makeChange({
        projectId,
        table: 'assets',
        rowId: c.rowId,
        fields: { vendor: 'H3C' },
        hlc: '000000000000001-000000-old-device',
      }),
    );
    return [...creates, ...edits];
  }

  it('a failure inside the transaction after every write leaves nothing behind, and no seq is lost', async () => {
    let failNext = true;
    const { project, alice } = await setup({
      faults: {
        beforeCommit: () => {
          if (failNext) {
            failNext = false;
            throw new Error('injected failure before COMMIT');
          }
        },
      },
    });
    const before = await t.counts();
    const batch = batchFor(project.id);
    const failed = await alice.push(batch);
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ error: 'internal', message: expect.stringContaining('稍后重试') });
    expect(await t.counts()).toEqual(before);
    expect((await alice.pull(project.id)).body.changes).toEqual([]);
    expect(
      (
        await t.store.db
          .selectFrom('projects')
          .select('last_seq')
          .where('id', '=', project.id)
          .executeTakeFirstOrThrow()
      ).last_seq,
    ).toBe(0);

    // The client retries the same batch: all of it lands, numbered from 1.
    const retried = await alice.push(batch);
    expect(retried.body.results.map((r) => (r.status === 'applied' ? r.seq : 0))).toEqual(batch.map((_, i) => i + 1));
    expect(await t.counts()).toMatchObject({ changes: 120, rows: 60, conflicts: 60 });
  });

  it('killing the server process in the middle of a batch commits none of it', async () => {
    const { project, alice } = await setup();
    const before = await t.counts();
    const { now: _now, ...options } = t.buildOptions;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/server/helpers/crash-child.ts')], {
      cwd: root,
      env: { ...process.env, FIELDBOOK_CHILD_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines: string[] = [];
    const waitFor = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => l.startsWith(prefix));
          if (line) resolve(line);
        };
        child.stdout.on('data', (d: Buffer) => {
          lines.push(...d.toString().split('\n'));
          check();
        });
        child.on('exit', (code) => reject(new Error(`child exited (${code}) before "${prefix}": ${stderr}`)));
        check();
      });
    try {
      const url = (await waitFor('URL ')).slice(4).trim();
      const remote = new TestClient(() => url, alice.token);
      const inFlight = remote.push(batchFor(project.id)).then(
        (reply) => reply.status,
        () => 'connection lost',
      );
      await waitFor('IN_TRANSACTION');
      child.kill('SIGKILL');
      expect(await inFlight).toBe('connection lost');
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
    );

    // The surviving server sees nothing of the batch, and numbering continues from 1.
    await t.restart();
    expect(await t.counts()).toEqual(before);
    const after = await alice.push([assetChange(project.id)]);
    expect(after.body.results[0]).toMatchObject({ status: 'applied', seq: 1 });
  });

  it('a graceful stop lets the batch in flight commit, refuses new work, then closes the database', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const { project, alice } = await setup({
      faults: {
        beforeCommit: async () => {
          entered = true;
          await gate;
        },
      },
    });
    const batch = batchFor(project.id);
    const inFlight = alice.push(batch);
    while (!entered) await new Promise((r) => setTimeout(r, 5));
    let closed = false;
    const closing = t.server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed).toBe(false);
    // New connections are refused while the batch finishes.
    await expect(fetch(`${t.url}/v1/health`)).rejects.toThrow();
    release();
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(reply.body.results.every((r) => r.status === 'applied')).toBe(true);
    await closing;
    expect(closed).toBe(true);
    // Restarted: the whole batch is there.
    await t.restart({});
    expect(await t.counts()).toMatchObject({ changes: 120, rows: 60 });
  });
});
