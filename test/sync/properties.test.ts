import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, projectState, type SyncClient } from './helpers/sync-client';
import { wireChange } from '../../renderer/data/sync/sync-engine';
import { ownUnsent, pushedUpTo } from '../../renderer/data/outbox';

const dialects = await testDialects();
const FIELDS = ['rack', 'owner', 'notes'] as const;
const USERS = ['u0', 'u1', 'u2'];

type Op =
  | { kind: 'edit'; client: number; row: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'sync'; client: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(2), row: fc.nat(2), field: fc.constantFrom(...FIELDS), value: fc.string({ minLength: 1, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), client: fc.nat(2) }) },
);

interface Write {
  client: number;
  rowId: string;
  field: string;
  value: string;
  hlc: string;
  /** hlcs of earlier writes to this field the writer had on its device when writing. */
  knew: Set<string>;
}

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

  it('after the network heals every device and the server hold the same data, and every acknowledged write won or is kept as a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 5, maxLength: 30 }), async (ops) => {
        const { clients, projectId, rowIds } = await team();
        const writes: Write[] = [];
        for (const op of ops) {
          const client = clients[op.client]!;
          if (op.kind === 'sync') {
            await client.sync();
            continue;
          }
          const rowId = rowIds[op.row]!;
          const knew = new Set(
            (await client.db.changes.where({ table: 'assets', rowId }).toArray()).filter((c) => op.field in c.fields).map((c) => c.hlc),
          );
          const before = await client.db.changes.count();
          await client.repo.update('assets', rowId, { [op.field]: op.value });
          if ((await client.db.changes.count()) === before) continue; // same value: no write
          const change = (await client.db.changes.orderBy('hlc').last())!;
          writes.push({ client: op.client, rowId, field: op.field, value: op.value, hlc: change.hlc, knew });
        }
        // Heal: everyone syncs until nothing moves.
        for (let round = 0; round < 2; round++) for (const client of clients) await client.sync();

        const states = await Promise.all(clients.map((c) => projectState(c.db, projectId)));
        expect(states[1]).toEqual(states[0]);
        expect(states[2]).toEqual(states[0]);
        for (const row of states[0]!.assets as Array<Record<string, unknown> & { id: string; fieldHlc: Record<string, string> }>) {
          const onServer = await server.row('assets', row.id);
          for (const field of FIELDS) {
            expect(onServer?.[field]).toEqual(row[field]);
            expect((onServer?.fieldHlc as Record<string, string>)[field]).toBe(row.fieldHlc[field]);
          }
        }
        const conflicts = await server.conflicts();
        for (const write of writes) {
          const row = (states[0]!.assets as Array<Record<string, unknown> & { id: string; fieldHlc: Record<string, string> }>).find((r) => r.id === write.rowId)!;
          const won = row.fieldHlc[write.field] === write.hlc && row[write.field] === write.value;
          const kept = conflicts.some((c) => c.rowId === write.rowId && c.field === write.field && c.hlc === write.hlc && c.value === write.value);
          const knowinglyReplaced = writes.some((later) => later.rowId === write.rowId && later.field === write.field && later.hlc > write.hlc && later.knew.has(write.hlc));
          const replacedBySameValue = writes.some((later) => later.rowId === write.rowId && later.field === write.field && later.hlc > write.hlc && later.value === write.value);
          expect(won || kept || knowinglyReplaced || replacedBySameValue, `write ${write.value} to ${write.field} by client ${write.client} was lost`).toBe(true);
        }
      }),
      { seed: 20_261_127, numRuns: dialect === 'sqlite' ? 20 : 8, endOnFailure: true },
    );
  }, 300_000);

  it('pushing a batch twice equals pushing it once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ row: fc.nat(2), field: fc.constantFrom(...FIELDS), value: fc.string({ minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 20 }), async (edits) => {
        const { clients, projectId, rowIds } = await team();
        const [writer] = clients as [SyncClient];
        for (const edit of edits) await writer.repo.update('assets', rowIds[edit.row]!, { [edit.field]: edit.value });
        const pending = await ownUnsent(writer.db, writer.deviceId, await pushedUpTo(writer.db)).filter((c) => c.projectId === projectId).toArray();
        const batch = pending.map(wireChange);
        const client = await server.login('u0');
        const first = await client.push(batch);
        const afterOnce = { rows: await Promise.all(rowIds.map((id) => server.row('assets', id))), counts: await server.counts(), conflicts: await server.conflicts() };
        const second = await client.push(batch);
        expect(second.body.results.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
        expect(second.body.results.map((r) => (r as { seq: number }).seq)).toEqual(first.body.results.map((r) => (r as { seq: number }).seq));
        const { sessions: _ignored, ...countsAfterTwice } = await server.counts();
        const { sessions: _ignored2, ...countsAfterOnce } = afterOnce.counts;
        expect({ rows: await Promise.all(rowIds.map((id) => server.row('assets', id))), counts: countsAfterTwice, conflicts: await server.conflicts() }).toEqual({
          rows: afterOnce.rows,
          counts: countsAfterOnce,
          conflicts: afterOnce.conflicts,
        });
      }),
      { seed: 42, numRuns: dialect === 'sqlite' ? 15 : 8, endOnFailure: true },
    );
  }, 300_000);
});
