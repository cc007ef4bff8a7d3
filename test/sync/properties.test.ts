import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, type SyncClient } from './helpers/sync-client';
import { wireChange } from '../../renderer/data/sync/sync-engine';
import { ownUnsent, pushedUpTo } from '../../renderer/data/outbox';

// The convergence and no-lost-write property over random edits, syncs, deletes, attachments,
// bundles and restarts is the chaos test (chaos.test.ts).
const dialects = await testDialects();
const FIELDS = ['rack', 'owner', 'notes'] as const;
const USERS = ['u0', 'u1', 'u2'];

describe.each(dialects)('sync properties (%s)', (dialect) => {
  let server: TestServer;
  let runs = 0;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const user of USERS) await server.addUser(user);
  });
  afterAll(async () => server?.dispose());

  /** A fresh project per run, with three devices that all start from the same three assets. */
  async function team() {
    const clients: SyncClient[] = [];
    for (const user of USERS) clients.push(await openSyncClient(server, user));
    const project = await clients[0]!.repo.createProject({ code: `P-${runs++}`, name: '性质测试', customer: '测试' });
    const rows = [];
    for (let i = 0; i < 3; i++) rows.push(await clients[0]!.repo.create('assets', project.id, { name: `asset-${i}` }));
    await clients[0]!.sync();
    for (const user of USERS.slice(1)) await server.addMember(project.id, user);
    for (const client of clients) await client.sync();
    return { clients, projectId: project.id, rowIds: rows.map((r) => r.id) };
  }

  it('pushing a batch twice equals pushing it once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            row: fc.nat(2),
            field: fc.constantFrom(...FIELDS),
            value: fc.string({ minLength: 1, maxLength: 6 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        async (edits) => {
          const { clients, projectId, rowIds } = await team();
          const [writer] = clients as [SyncClient];
          for (const edit of edits) await writer.repo.update('assets', rowIds[edit.row]!, { [edit.field]: edit.value });
          const pending = await ownUnsent(writer.db, writer.deviceId, await pushedUpTo(writer.db))
            .filter((c) => c.projectId === projectId)
            .toArray();
          const batch = pending.map(wireChange);
          const client = await server.login('u0');
          const first = await client.push(batch);
          const afterOnce = {
            rows: await Promise.all(rowIds.map((id) => server.row('assets', id))),
            counts: await server.counts(),
            conflicts: await server.conflicts(),
          };
          const second = await client.push(batch);
          expect(second.body.results.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
          expect(second.body.results.map((r) => (r as { seq: number }).seq)).toEqual(
            first.body.results.map((r) => (r as { seq: number }).seq),
          );
          const { sessions: _ignored, ...countsAfterTwice } = await server.counts();
          const { sessions: _ignored2, ...countsAfterOnce } = afterOnce.counts;
          expect({
            rows: await Promise.all(rowIds.map((id) => server.row('assets', id))),
            counts: countsAfterTwice,
            conflicts: await server.conflicts(),
          }).toEqual({
            rows: afterOnce.rows,
            counts: countsAfterOnce,
            conflicts: afterOnce.conflicts,
          });
        },
      ),
      { seed: 42, numRuns: dialect === 'sqlite' ? 15 : 8, endOnFailure: true },
    );
  }, 300_000);
});
