import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProjectBundle, importProjectBundle } from '../../renderer/data/bundle-io';
import { storeAttachment } from '../../renderer/data/attachments';
import { RecordValidationError } from '../../renderer/data/repository';
import { ensureBlob } from '../../renderer/data/sync/blob-transfer';
import { projectDigest } from '../../renderer/data/sync/state-check';
import { SyncEngine, type SyncReport } from '../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import type { Attachment } from '../../shared/attachments';
import type { LoginResponse, ProjectsResponse } from '../../shared/sync/protocol';
import { digestOfStoredRows } from '../../server/sync/state-digest';
import { DEFAULT_PASSWORD, startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, projectState, type SyncClient } from './helpers/sync-client';
import { emptyTally, fateOf, formatTally, type Tally, type Write } from './helpers/write-accounting';

/**
 * The project's chaos test: three engineers edit the same rows, delete them, attach files,
 * save edits while a sync round is between its push and its pull, carry a bundle from one
 * device to another, and the server restarts twice per run — seeded (fast-check), on SQLite and
 * PostgreSQL. After the network heals, every device and the server hold the same rows (and the
 * same state digest, with no repair on the way), and every write is accounted for: the final
 * value, or in the server's conflicts table, or seen and replaced by its writer — none lost.
 * The accounting is printed per dialect.
 *
 * CI time is bounded by the run counts below: 8 runs on SQLite and 4 on PostgreSQL of 15 to 45
 * operations each (about 1½ min for both on a loaded two-core machine).
 */
const dialects = await testDialects();
const FIELDS = ['rack', 'owner', 'notes'] as const;
const USERS = ['u0', 'u1', 'u2'];
const RUNS = { sqlite: 8, postgres: 4 } as const;

type Op =
  | { kind: 'edit'; client: number; row: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'editDuringRound'; client: number; row: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'delete'; client: number; row: number }
  | { kind: 'attach'; client: number; incident: number }
  | { kind: 'sync'; client: number }
  | { kind: 'bundle'; from: number; to: number };

const client = fc.nat(2);
const value = fc.string({ minLength: 1, maxLength: 6 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), client, row: fc.nat(2), field: fc.constantFrom(...FIELDS), value }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('editDuringRound' as const), client, row: fc.nat(2), field: fc.constantFrom(...FIELDS), value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, row: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attach' as const), client, incident: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bundle' as const), from: client, to: client }) },
);

describe.each(dialects)('chaos: concurrent edits, deletes, attachments, bundles and restarts (%s)', (dialect) => {
  let server: TestServer;
  const sessions = new Map<string, LoginResponse>();
  const tally = emptyTally();
  const seen = { runs: 0, ops: 0, restarts: 0, roundsWithEditBetween: 0, bundles: 0, attachments: 0, deletes: 0, rounds: 0 };
  let runs = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const user of USERS) {
      await server.addUser(user);
      sessions.set(user, await new SyncHttp(server.url, () => null).login(user, DEFAULT_PASSWORD));
    }
  });
  afterAll(async () => {
    console.log(`chaos (${dialect}): ${formatTally(tally)}; ${seen.runs} runs, ${seen.ops} operations, ${seen.rounds} sync rounds (${seen.roundsWithEditBetween} with an edit saved between push and pull), ${seen.deletes} deletes, ${seen.attachments} attachments, ${seen.bundles} bundle imports, ${seen.restarts} server restarts`);
    await server?.dispose();
  });

  /** A fresh project per run: three devices that start from the same three assets and two incidents. */
  async function team() {
    const clients: SyncClient[] = [];
    for (const user of USERS) clients.push(await openSyncClient(server, user, { session: sessions.get(user) }));
    const project = await clients[0]!.repo.createProject({ code: `C-${runs++}`, name: '混沌测试', customer: '测试' });
    const assets = [];
    for (let i = 0; i < 3; i++) assets.push(await clients[0]!.repo.create('assets', project.id, { name: `asset-${i}` }));
    const incidents = [];
    for (let i = 0; i < 2; i++) incidents.push(await clients[0]!.repo.create('incidents', project.id, { title: `故障 ${i}`, reportedAt: '2026-12-07T09:00' }));
    await clients[0]!.sync();
    for (const user of USERS.slice(1)) await server.addMember(project.id, user);
    for (const c of clients) await c.sync();
    return { clients, projectId: project.id, assetIds: assets.map((r) => r.id), incidentIds: incidents.map((r) => r.id) };
  }

  it('every device and the server converge, and every write is the final value, a server conflict, or seen and replaced — 0 lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 15, maxLength: 45 }), async (ops) => {
        const { clients, projectId, assetIds, incidentIds } = await team();
        const writes: Write[] = [];
        const reports: SyncReport[] = [];
        let files = 0;

        /** A write through the repository, recorded with what its writer knew of the field. */
        async function write(index: number, table: 'assets' | 'incidents', rowId: string, field: string, patch: () => Promise<Record<string, unknown>> | Record<string, unknown>) {
          const c = clients[index]!;
          const knew = new Set((await c.db.changes.where({ table, rowId }).toArray()).filter((change) => field in change.fields).map((change) => change.hlc));
          const before = await c.db.changes.count();
          const fields = await patch();
          try {
            if (field === 'deleted') await c.repo.remove(table, rowId);
            else await c.repo.update(table, rowId, fields as never);
          } catch (error) {
            // A row deleted on this device refuses edits: nothing written.
            if (error instanceof RecordValidationError && (await c.db.table(table).get(rowId))?.deleted) return;
            throw error;
          }
          if ((await c.db.changes.count()) === before) return; // same value: no write
          const change = (await c.db.changes.orderBy('hlc').last())!;
          // The value as stored (the schema trims text), which is what must survive.
          writes.push({ client: index, table, rowId, field, value: change.fields[field], hlc: change.hlc, knew });
        }

        async function round(index: number, between?: () => Promise<void>) {
          const c = clients[index]!;
          // The round calls projects() after its push and before its pulls: the edit lands there.
          const http = new (class extends SyncHttp {
            override async projects(): Promise<ProjectsResponse> {
              const answer = await super.projects();
              if (between) await between();
              return answer;
            }
          })(server.url, () => c.token);
          reports.push(await new SyncEngine(c.db, c.clock, http, Date.now, { stateCheckIntervalMs: 0 }).syncOnce());
          seen.rounds++;
        }

        const restartAt = new Set([Math.floor(ops.length / 3), Math.floor((2 * ops.length) / 3)]);
        for (const [index, op] of ops.entries()) {
          if (restartAt.has(index)) {
            await server.restart();
            seen.restarts++;
          }
          if (op.kind === 'sync') await round(op.client);
          else if (op.kind === 'edit') await write(op.client, 'assets', assetIds[op.row]!, op.field, () => ({ [op.field]: op.value }));
          else if (op.kind === 'editDuringRound') {
            await round(op.client, () => write(op.client, 'assets', assetIds[op.row]!, op.field, () => ({ [op.field]: op.value })));
            seen.roundsWithEditBetween++;
          } else if (op.kind === 'delete') {
            await write(op.client, 'assets', assetIds[op.row]!, 'deleted', () => ({}));
            seen.deletes++;
          } else if (op.kind === 'attach') {
            const c = clients[op.client]!;
            const rowId = incidentIds[op.incident]!;
            await write(op.client, 'incidents', rowId, 'attachments', async () => {
              const file = await storeAttachment(c.db, { name: `现场-${files}.txt`, type: 'text/plain', bytes: new TextEncoder().encode(`${projectId}:${op.client}:${files++}`) });
              const current = ((await c.db.incidents.get(rowId))?.attachments ?? []) as Attachment[];
              return { attachments: [...current, file] };
            });
            seen.attachments++;
          } else {
            const bytes = await exportProjectBundle(clients[op.from]!.db, projectId, USERS[op.from]!);
            await importProjectBundle(clients[op.to]!.db, clients[op.to]!.clock, bytes);
            seen.bundles++;
          }
          seen.ops++;
        }
        // Heal: everyone syncs until nothing moves (relayed bundle changes take one round more).
        for (let pass = 0; pass < 3; pass++) for (let i = 0; i < clients.length; i++) await round(i);

        const states = await Promise.all(clients.map((c) => projectState(c.db, projectId)));
        expect(states[1]).toEqual(states[0]);
        expect(states[2]).toEqual(states[0]);
        type Row = Record<string, unknown> & { id: string; fieldHlc: Record<string, string> };
        const finalRow = (table: string, rowId: string) => (states[0]![table] as Row[]).find((r) => r.id === rowId);
        for (const [table, ids, fields] of [
          ['assets', assetIds, [...FIELDS, 'deleted']],
          ['incidents', incidentIds, ['attachments']],
        ] as const) {
          for (const rowId of ids) {
            const onServer = await server.row(table, rowId);
            for (const field of fields) {
              expect(onServer?.[field]).toEqual(finalRow(table, rowId)?.[field]);
              expect((onServer?.fieldHlc as Record<string, string>)[field]).toBe(finalRow(table, rowId)?.fieldHlc[field]);
            }
          }
        }
        // The same state digest everywhere, and no round on the way saw a difference.
        const kept = (await server.store.db.selectFrom('projects').select('state_digest').where('id', '=', projectId).executeTakeFirstOrThrow()).state_digest;
        expect(kept).toBe(await digestOfStoredRows(server.store.db, projectId));
        for (const c of clients) expect((await projectDigest(c.db, projectId)).digest).toBe(kept);
        expect(reports.flatMap((r) => r.repaired)).toEqual([]);
        // Every attachment the final rows name reached the server and every device can read it.
        for (const rowId of incidentIds) {
          for (const file of (finalRow('incidents', rowId)?.attachments ?? []) as Attachment[]) {
            for (const c of clients) {
              const bytes = await ensureBlob(c.db, new SyncHttp(server.url, () => c.token), file.sha256, projectId, file.type);
              expect(bytes?.size).toBe(file.size);
            }
          }
        }

        const conflicts = await server.conflicts();
        const runTally: Tally = emptyTally();
        for (const w of writes) {
          const fate = fateOf(w, writes, finalRow, conflicts);
          runTally[fate]++;
          expect(fate, `write ${JSON.stringify(w.value)} to ${w.table}.${w.field} by client ${w.client} was lost`).not.toBe('lost');
        }
        for (const fate of Object.keys(tally) as Array<keyof Tally>) tally[fate] += runTally[fate];
        seen.runs++;
      }),
      { seed: 20_261_127, numRuns: RUNS[dialect], endOnFailure: true },
    );
  }, 600_000);
});
