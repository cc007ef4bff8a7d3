import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { removeMember } from '../../server/admin/commands';
import {
  assetChange,
  bytesOf,
  makeChange,
  startTestServer,
  testDialects,
  type TestClient,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const DAY = 24 * 60 * 60 * 1000;

type Credential = 'valid' | 'none' | 'expired' | 'revoked' | 'forged';

describe.each(dialects)('authorization matrix (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  /**
   * Alice is in project A only; project B (Bob's) holds a row and a blob. Every endpoint is
   * called on A and on B with a valid, missing, expired, revoked and forged token.
   */
  async function world() {
    t = await startTestServer(dialect, { tokenTtlMs: 2 * DAY });
    await t.addUser('alice');
    await t.addUser('bob');
    const a = await t.addProject('A-1', { members: { alice: 'engineer' } });
    const b = await t.addProject('B-1', { members: { bob: 'pm' } });
    const bob = await t.login('bob');
    const rowInB = assetChange(b.id, { name: 'b-secret' }, { deviceId: 'device-bob' });
    await bob.push([rowInB]);
    const blobB = bytesOf(4000, 11);
    const shaB = createHash('sha256').update(blobB).digest('hex');
    await bob.putBlob(shaB, b.id, 0, blobB.byteLength, blobB);

    const aliceRevoked = await t.login('alice');
    await aliceRevoked.logout();
    t.clock.advance(-3 * DAY);
    const aliceExpired = await t.login('alice'); // issued 3 days ago with a 2-day lifetime
    t.clock.advance(3 * DAY);
    const clients: Record<Credential, TestClient> = {
      valid: await t.login('alice'),
      none: t.client(),
      expired: aliceExpired,
      revoked: aliceRevoked,
      forged: t.client('x'.repeat(43)),
    };
    const blobA = bytesOf(3000, 12);
    const shaA = createHash('sha256').update(blobA).digest('hex');
    await clients.valid.putBlob(shaA, a.id, 0, blobA.byteLength, blobA);
    return { a, b, bob, rowInB, shaB, blobB, shaA, blobA, clients };
  }

  it('every endpoint refuses a missing, expired, revoked or forged token with 401, storing nothing', async () => {
    const w = await world();
    const before = await t.counts();
    const newBytes = bytesOf(100, 99);
    const newSha = createHash('sha256').update(newBytes).digest('hex');
    for (const credential of ['none', 'expired', 'revoked', 'forged'] as const) {
      const c = w.clients[credential];
      const calls: Array<[string, Promise<{ status: number; body: unknown }>]> = [
        ['projects', c.projects()],
        ['logout', c.logout()],
        ['push A', c.push([assetChange(w.a.id)])],
        ['pull A', c.pull(w.a.id)],
        ['HEAD blob A', c.headBlob(w.shaA, w.a.id)],
        ['PUT blob A', c.putBlob(newSha, w.a.id, 0, newBytes.byteLength, newBytes)],
        ['GET blob A', c.getBlob(w.shaA)],
        ['push B', c.push([assetChange(w.b.id)])],
        ['pull B', c.pull(w.b.id)],
        ['GET blob B', c.getBlob(w.shaB)],
      ];
      for (const [what, promise] of calls) {
        const reply = await promise;
        expect(reply.status, `${credential}: ${what}`).toBe(401);
        if (what !== 'HEAD blob A')
          expect(reply.body, `${credential}: ${what}`).toMatchObject({
            error: 'unauthorized',
            message: expect.any(String),
          });
      }
    }
    expect(await t.counts()).toEqual(before);
  });

  it('with a valid token: own project allowed, the other project never readable or writable', async () => {
    const w = await world();
    const alice = w.clients.valid;

    // GET /v1/projects lists A only.
    expect((await alice.projects()).body.projects.map((p) => p.code)).toEqual(['A-1']);

    // Pull: A yes, B 403.
    expect((await alice.pull(w.a.id)).status).toBe(200);
    const pullB = await alice.pull(w.b.id);
    expect(pullB.status).toBe(403);
    expect(pullB.body).toMatchObject({ error: 'forbidden' });
    // A project id that does not exist looks the same as one she is not in.
    expect((await alice.pull(newId())).status).toBe(403);

    // Push: into A applied; a new row claiming B forbidden; B's row claimed for A is project_mismatch;
    // B's row claimed for B (its true project) forbidden. Bob's change ids replayed are not revealed.
    const before = await t.counts();
    const ownA = assetChange(w.a.id, { name: 'mine' });
    const newInB = assetChange(w.b.id, { name: 'sneaky' });
    const hijack = makeChange({
      projectId: w.a.id,
      table: 'assets',
      rowId: w.rowInB.rowId,
      fields: { name: 'stolen' },
    });
    const editB = makeChange({
      projectId: w.b.id,
      table: 'assets',
      rowId: w.rowInB.rowId,
      fields: { name: 'defaced' },
    });
    const replay = { ...w.rowInB };
    const reply = await alice.push([ownA, newInB, hijack, editB, replay]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'applied',
      'forbidden',
      'project_mismatch',
      'forbidden',
      'forbidden',
    ]);
    expect(await t.counts()).toEqual({ ...before, changes: before.changes! + 1, rows: before.rows! + 1 });
    expect(await t.row('assets', w.rowInB.rowId)).toMatchObject({ name: 'b-secret', projectId: w.b.id });

    // Blobs: HEAD/PUT for B 403, GET of a blob only in B 403; A's own blob readable.
    expect((await alice.headBlob(w.shaB, w.b.id)).status).toBe(403);
    expect((await alice.putBlob(w.shaB, w.b.id, 0, w.blobB.byteLength, w.blobB)).status).toBe(403);
    const getB = await alice.getBlob(w.shaB);
    expect(getB.status).toBe(403);
    expect(getB.body).toMatchObject({ error: 'forbidden' });
    expect((await alice.headBlob(w.shaA, w.a.id)).status).toBe(200);
    expect((await alice.getBlob(w.shaA)).status).toBe(200);

    // Logout with a valid token.
    expect((await alice.logout()).status).toBe(204);
  });

  it('removing a member takes effect at once: the project leaves the list, pull and push are refused', async () => {
    const w = await world();
    const alice = w.clients.valid;
    await removeMember(t.store, { project: w.a.id, username: 'alice' });
    expect((await alice.projects()).body.projects).toEqual([]);
    expect((await alice.pull(w.a.id)).status).toBe(403);
    expect((await alice.push([assetChange(w.a.id)])).body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect((await alice.getBlob(w.shaA)).status).toBe(403);
  });
});
