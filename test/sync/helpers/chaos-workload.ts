import fc from 'fast-check';
import { expect } from 'vitest';
import { exportProjectBundle, importProjectBundle } from '../../../renderer/data/bundle-io';
import { storeAttachment } from '../../../renderer/data/attachments';
import { RecordValidationError } from '../../../renderer/data/repository';
import { ensureBlob } from '../../../renderer/data/sync/blob-transfer';
import { projectDigest } from '../../../renderer/data/sync/state-check';
import { SyncEngine, type SyncReport } from '../../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../../renderer/data/sync/sync-http';
import type { Attachment } from '../../../shared/attachments';
import type { LoginResponse, ProjectsResponse } from '../../../shared/sync/protocol';
import type { Store } from '../../../server/db/store';
import { digestOfStoredRows } from '../../../server/sync/state-digest';
import { openSyncClient, projectState, type SyncClient } from './sync-client';
import { emptyTally, fateOf, type ServerConflict, type Tally, type Write } from './write-accounting';

/**
 * The project's chaos workload (test/sync/chaos.test.ts runs it against one server, and
 * test/sync/two-nodes.test.ts against two server processes on one PostgreSQL schema): three
 * engineers edit the same rows, delete them, attach files, save edits while a sync round is
 * between its push and its pull, carry a bundle from one device to another, and the server
 * restarts twice per run. After the network heals, every device and the server hold the same
 * rows (and the same state digest, with no repair on the way), the project's sequence numbers
 * run 1, 2, 3 … without a gap, and every write is accounted for: the final value, or in the
 * server's conflicts table, or seen and replaced by its writer — none lost.
 */
export const FIELDS = ['rack', 'owner', 'notes'] as const;
export const USERS = ['u0', 'u1', 'u2'];

export type Op =
  | { kind: 'edit'; client: number; row: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'editDuringRound'; client: number; row: number; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'delete'; client: number; row: number }
  | { kind: 'attach'; client: number; incident: number }
  | { kind: 'sync'; client: number }
  | { kind: 'bundle'; from: number; to: number };

const client = fc.nat(2);
const value = fc.string({ minLength: 1, maxLength: 6 });
export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      client,
      row: fc.nat(2),
      field: fc.constantFrom(...FIELDS),
      value,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('editDuringRound' as const),
      client,
      row: fc.nat(2),
      field: fc.constantFrom(...FIELDS),
      value,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, row: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('attach' as const), client, incident: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bundle' as const), from: client, to: client }) },
);

/** What the workload needs of the server side: an address for the devices and a look at the database. */
export interface ChaosServer {
  /** Where devices send their requests (read at every request: it may change on restart). */
  readonly url: string;
  /** The server's database, for the checks after the run. */
  readonly store: Store;
  addMember(projectId: string, username: string): Promise<void>;
  /** Stops the server (or one node of it) and starts it again on the same database. */
  restart(): Promise<void>;
  row(table: string, rowId: string): Promise<Record<string, unknown> | undefined>;
  conflicts(): Promise<ServerConflict[]>;
}

export interface ChaosStats {
  tally: Tally;
  runs: number;
  ops: number;
  restarts: number;
  roundsWithEditBetween: number;
  bundles: number;
  attachments: number;
  deletes: number;
  rounds: number;
}

export function emptyChaosStats(): ChaosStats {
  return {
    tally: emptyTally(),
    runs: 0,
    ops: 0,
    restarts: 0,
    roundsWithEditBetween: 0,
    bundles: 0,
    attachments: 0,
    deletes: 0,
    rounds: 0,
  };
}

export function formatChaosStats(s: ChaosStats): string {
  return `${s.runs} runs, ${s.ops} operations, ${s.rounds} sync rounds (${s.roundsWithEditBetween} with an edit saved between push and pull), ${s.deletes} deletes, ${s.attachments} attachments, ${s.bundles} bundle imports, ${s.restarts} server restarts`;
}

/** One run of the workload per call, each on a fresh project; devices sign in with the sessions given (one per user in USERS). */
export function chaosRunner(
  server: ChaosServer,
  sessions: ReadonlyMap<string, LoginResponse>,
  stats: ChaosStats,
): (ops: Op[]) => Promise<void> {
  let projects = 0;

  /** A fresh project per run: three devices that start from the same three assets and two incidents. */
  async function team() {
    const clients: SyncClient[] = [];
    for (const user of USERS) clients.push(await openSyncClient(server, user, { session: sessions.get(user) }));
    const project = await clients[0]!.repo.createProject({
      code: `C-${projects++}`,
      name: '混沌测试',
      customer: '测试',
    });
    const assets = [];
    for (let i = 0; i < 3; i++)
      assets.push(await clients[0]!.repo.create('assets', project.id, { name: `asset-${i}` }));
    const incidents = [];
    for (let i = 0; i < 2; i++)
      incidents.push(
        await clients[0]!.repo.create('incidents', project.id, { title: `故障 ${i}`, reportedAt: '2026-12-07T09:00' }),
      );
    await clients[0]!.sync();
    for (const user of USERS.slice(1)) await server.addMember(project.id, user);
    for (const c of clients) await c.sync();
    return {
      clients,
      projectId: project.id,
      assetIds: assets.map((r) => r.id),
      incidentIds: incidents.map((r) => r.id),
    };
  }

  return async (ops) => {
    const { clients, projectId, assetIds, incidentIds } = await team();
    const writes: Write[] = [];
    const reports: SyncReport[] = [];
    let files = 0;

    /** A write through the repository, recorded with what its writer knew of the field. */
    async function write(
      index: number,
      table: 'assets' | 'incidents',
      rowId: string,
      field: string,
      patch: () => Promise<Record<string, unknown>> | Record<string, unknown>,
    ) {
      const c = clients[index]!;
      const knew = new Set(
        (await c.db.changes.where({ table, rowId }).toArray())
          .filter((change) => field in change.fields)
          .map((change) => change.hlc),
      );
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
      stats.rounds++;
    }

    const restartAt = new Set([Math.floor(ops.length / 3), Math.floor((2 * ops.length) / 3)]);
    for (const [index, op] of ops.entries()) {
      if (restartAt.has(index)) {
        await server.restart();
        stats.restarts++;
      }
      if (op.kind === 'sync') await round(op.client);
      else if (op.kind === 'edit')
        await write(op.client, 'assets', assetIds[op.row]!, op.field, () => ({ [op.field]: op.value }));
      else if (op.kind === 'editDuringRound') {
        await round(op.client, () =>
          write(op.client, 'assets', assetIds[op.row]!, op.field, () => ({ [op.field]: op.value })),
        );
        stats.roundsWithEditBetween++;
      } else if (op.kind === 'delete') {
        await write(op.client, 'assets', assetIds[op.row]!, 'deleted', () => ({}));
        stats.deletes++;
      } else if (op.kind === 'attach') {
        const c = clients[op.client]!;
        const rowId = incidentIds[op.incident]!;
        await write(op.client, 'incidents', rowId, 'attachments', async () => {
          const file = await storeAttachment(c.db, {
            name: `现场-${files}.txt`,
            type: 'text/plain',
            bytes: new TextEncoder().encode(`${projectId}:${op.client}:${files++}`),
          });
          const current = ((await c.db.incidents.get(rowId))?.attachments ?? []) as Attachment[];
          return { attachments: [...current, file] };
        });
        stats.attachments++;
      } else {
        const bytes = await exportProjectBundle(clients[op.from]!.db, projectId, USERS[op.from]!);
        await importProjectBundle(clients[op.to]!.db, clients[op.to]!.clock, bytes);
        stats.bundles++;
      }
      stats.ops++;
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
    const db = server.store.db;
    const project = await db
      .selectFrom('projects')
      .select(['state_digest', 'last_seq'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(project.state_digest).toBe(await digestOfStoredRows(db, projectId));
    for (const c of clients) expect((await projectDigest(c.db, projectId)).digest).toBe(project.state_digest);
    expect(reports.flatMap((r) => r.repaired)).toEqual([]);
    // The log's sequence numbers: 1 … last_seq, none missing, none twice.
    const seqs = (
      await db.selectFrom('changes').select('seq').where('project_id', '=', projectId).orderBy('seq').execute()
    ).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: Number(project.last_seq) }, (_, i) => i + 1));
    // Every attachment the final rows name reached the server and every device can read it.
    for (const rowId of incidentIds) {
      for (const file of (finalRow('incidents', rowId)?.attachments ?? []) as Attachment[]) {
        for (const c of clients) {
          const bytes = await ensureBlob(
            c.db,
            new SyncHttp(server.url, () => c.token),
            file.sha256,
            projectId,
            file.type,
          );
          expect(bytes?.size).toBe(file.size);
        }
      }
    }

    const conflicts = await server.conflicts();
    const runTally: Tally = emptyTally();
    for (const w of writes) {
      const fate = fateOf(w, writes, finalRow, conflicts);
      runTally[fate]++;
      expect(fate, `write ${JSON.stringify(w.value)} to ${w.table}.${w.field} by client ${w.client} was lost`).not.toBe(
        'lost',
      );
    }
    for (const fate of Object.keys(stats.tally) as Array<keyof Tally>) stats.tally[fate] += runTally[fate];
    stats.runs++;
  };
}
