/**
 * Fieldbook's own sync, as two devices and a team server on loopback, all in this process:
 * the real server (server/app.ts, Fastify + Kysely, SQLite or PostgreSQL, the test suite's
 * startTestServer) and two devices built like test/sync's: the app's real data layer
 * (openDataLayer: Dexie 4 on fake-indexeddb, in memory) with the app's real SyncEngine and
 * SyncHttp. The devices are NOT Chromium: fake-indexeddb is 7–12 times faster than an on-disk
 * Chromium profile for a put (toolchain.md), so these are the costs of the protocol, the
 * server and the sync code's JavaScript, not of a user's IndexedDB.
 *
 * Needs `import 'fake-indexeddb/auto'` before Dexie loads (the bench file does it first).
 */
import type { Dialect } from '../../../server/db/migrations';
import { startTestServer, type TestServer } from '../../../test/server/helpers/test-server';
import { openSyncClient, type SyncClient } from '../../../test/sync/helpers/sync-client';
import { openDataLayer } from '../../../renderer/data/open-data';
import type { WriteOp } from '../../../renderer/data/repository';
import { syncTables } from '../../../renderer/data/sync/apply-remote';
import { hasUnsent, projectDigest } from '../../../renderer/data/sync/state-check';
import { SyncEngine, wireChange } from '../../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../../renderer/data/sync/sync-http';
import { pullChanges } from '../../../server/repositories/changes';
import type { User } from '../../../server/repositories/users';
import { applyChanges, unseenByPusher } from '../../../server/sync/apply-changes';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, pushRequestSchema } from '../../../shared/sync/protocol';
import { newId } from '../../../shared/ids';
import { ownUnsent } from '../../../renderer/data/outbox';
import { median } from '../harness';
import { type AssetValues, EDITED_FIELD, editedIndexes, editedValue } from './records';

export const CLIENT_RUNTIME = 'Node (this process), Dexie 4 on fake-indexeddb (in memory), not Chromium';

export interface Timing {
  push: number;
  pull: number;
  total: number;
}

export class FieldbookSystem {
  private a!: SyncClient;
  private b!: SyncClient;
  private engineA!: SyncEngine;
  private engineB!: SyncEngine;
  projectId = '';
  assetIds: string[] = [];
  private userA!: User;
  /** HTTP requests the devices made in the last timed section. */
  requests = 0;

  private constructor(
    readonly dialect: Dialect,
    readonly server: TestServer,
  ) {}

  /** A fresh server (SQLite directory or PostgreSQL schema), users a and b, and A's project known to both devices. */
  static async start(dialect: Dialect): Promise<FieldbookSystem> {
    const server = await startTestServer(dialect);
    const system = new FieldbookSystem(dialect, server);
    try {
      await system.setUp();
    } catch (error) {
      await system.dispose();
      throw error;
    }
    return system;
  }

  private async setUp(): Promise<void> {
    this.userA = await this.server.addUser('bench-a', undefined, '张工');
    await this.server.addUser('bench-b', undefined, '李工');
    this.a = await openSyncClient(this.server, 'bench-a');
    const project = await this.a.repo.createProject({ code: 'BENCH-SYNC', name: '同步基准项目', customer: '江南银行' });
    this.projectId = project.id;
    await this.a.sync(); // registers the project on the server
    await this.server.addMember(project.id, 'bench-b', 'engineer');
    this.b = await openSyncClient(this.server, 'bench-b');
    await this.b.sync();
    // The devices' own engines, with a fetch that counts requests.
    const countingFetch: typeof fetch = (...args) => {
      this.requests++;
      return fetch(...args);
    };
    const engine = (client: SyncClient) =>
      new SyncEngine(client.db, client.clock, new SyncHttp(this.server.url, () => client.token, countingFetch));
    this.engineA = engine(this.a);
    this.engineB = engine(this.b);
  }

  /** Not timed: device A creates the assets with Repository.writeMany (one transaction). */
  async writeAssets(inputs: readonly AssetValues[]): Promise<void> {
    const ops: WriteOp[] = inputs.map((values) => ({
      kind: 'create',
      table: 'assets',
      projectId: this.projectId,
      values,
    }));
    const rows = await this.a.repo.writeMany(ops);
    this.assetIds = rows.map((row) => row.id);
  }

  /** Timed: A pushes everything pending (batches of ≤ 500), then B pulls the project (pages of 1,000). */
  async sync(): Promise<Timing> {
    this.requests = 0;
    const start = performance.now();
    const pushed = await this.engineA.pushPending();
    const afterPush = performance.now();
    const pulled = await this.engineB.pullProject(this.projectId);
    const end = performance.now();
    if (pushed.rejected || pushed.deferred.length) throw new Error(`push refused changes: ${JSON.stringify(pushed)}`);
    if (pulled.conflicts) throw new Error(`B met ${pulled.conflicts} conflicts`);
    const requests = this.requests;
    // Not timed: A pulls too, as SyncEngine.syncOnce() would after its push, so its cursor
    // (the `seen` of its next push) is current, like a real device's between two syncs.
    await this.engineA.pullProject(this.projectId);
    this.requests = requests;
    return { push: afterPush - start, pull: end - afterPush, total: end - start };
  }

  /** Not timed: B's copy of the project's assets, to check a sync delivered everything. */
  async assetCountOnB(): Promise<number> {
    return this.b.db.assets.where('projectId').equals(this.projectId).count();
  }

  /**
   * Diagnostic, after a full sync: the IndexedDB writes a full sync cannot do without, on a
   * fresh database of the same schema in this same fake-indexeddb. B's side: B's rows and
   * change entries stored again in transactions of 1,000 (bulkPut + bulkAdd, like a pull page);
   * A's side: per 500 of them, the ids read in order on [deviceId+hlc] and one watermark put,
   * like the record of a push's results (the entries are stored beforehand, not timed). No
   * validation, merge, HTTP or server.
   */
  async deviceStoreFloor(): Promise<{ pullSide: number; pushSide: number; total: number }> {
    const rows = await this.b.db.assets.where('projectId').equals(this.projectId).toArray();
    const changes = await this.b.db.changes
      .where('projectId')
      .equals(this.projectId)
      .filter((c) => c.table === 'assets')
      .sortBy('hlc');
    const floor = await openDataLayer(() => 'floor', { name: `sync-floor-${Date.now()}` });
    try {
      const tables = syncTables(floor.db);
      let start = performance.now();
      for (let i = 0; i < rows.length; i += 1000) {
        await floor.db.transaction('rw', tables, async () => {
          await floor.db.assets.bulkPut(rows.slice(i, i + 1000));
          await floor.db.changes.bulkAdd(changes.slice(i, i + 1000));
        });
      }
      const pullSide = performance.now() - start;
      await floor.db.changes.bulkPut(changes.map((c) => ({ ...c, deviceId: 'floor-device' })));
      start = performance.now();
      for (let i = 0; i < changes.length; i += 500) {
        await floor.db.transaction('rw', [floor.db.changes, floor.db.meta], async () => {
          const last = changes[Math.min(i + 500, changes.length) - 1]!.hlc;
          await floor.db.changes
            .where('[deviceId+hlc]')
            .between(['floor-device', i ? changes[i - 1]!.hlc : ''], ['floor-device', last], false, true)
            .primaryKeys();
          await floor.db.meta.put({ key: 'pushedUpTo', value: last });
        });
      }
      const pushSide = performance.now() - start;
      return { pullSide, pushSide, total: pullSide + pushSide };
    } finally {
      floor.db.close();
      await floor.db.delete();
    }
  }

  /**
   * Diagnostic, after a full sync: the team server's own work for the same changes, without
   * HTTP or devices, on a fresh server of the same dialect. Push: per batch of 500, what the
   * push route does with its body (JSON.parse, the protocol schema, applyChanges: merge, log,
   * rows, commit); the bodies are made beforehand. Pull: pages of 1,000 read by pullChanges and
   * serialised as the route's reply would be.
   */
  async serverWork(): Promise<{ push: number; pull: number; total: number }> {
    const changes = (await this.b.db.changes.where('projectId').equals(this.projectId).sortBy('hlc')).map(wireChange);
    const [registration, ...assets] = changes;
    if (registration?.table !== 'projects' || assets.some((c) => c.table !== 'assets'))
      throw new Error('serverWork: expected the project row, then the assets');
    const server = await startTestServer(this.dialect);
    try {
      const user = await server.addUser('bench-w');
      const actor = { kind: 'user' as const, userId: user.id, username: user.username };
      await applyChanges(server.store, actor, [registration], { now: Date.now() });
      const bodies: string[] = [];
      for (let i = 0; i < assets.length; i += MAX_PUSH_CHANGES)
        bodies.push(JSON.stringify({ changes: assets.slice(i, i + MAX_PUSH_CHANGES), seen: {} }));
      let start = performance.now();
      for (const body of bodies) {
        const request = pushRequestSchema.parse(JSON.parse(body));
        const outcome = await applyChanges(server.store, actor, request.changes, {
          now: Date.now(),
          replacedIsConcurrent: unseenByPusher(request.seen),
        });
        if (outcome.applied !== request.changes.length)
          throw new Error(`serverWork: ${request.changes.length - outcome.applied} changes not applied`);
      }
      const push = performance.now() - start;
      start = performance.now();
      let pulled = 0;
      for (let after = 0, more = true; more;) {
        const page = await pullChanges(server.store.db, this.projectId, after, MAX_PULL_PAGE);
        JSON.stringify(page);
        pulled += page.changes.length;
        ({ cursor: after, hasMore: more } = page);
      }
      const pull = performance.now() - start;
      if (pulled !== changes.length) throw new Error(`serverWork: pulled ${pulled} of ${changes.length}`);
      return { push, pull, total: push + pull };
    } finally {
      await server.dispose();
    }
  }

  /**
   * Diagnostic, after the incremental rounds: the IndexedDB work one round cannot do without,
   * per round of `EDITS` changed assets, on a fresh database of the same schema holding B's
   * rows and change entries (stored beforehand, not timed), in this same fake-indexeddb.
   * B's side: one transaction like a pull page's: the change ids looked up (duplicates: the
   * log's keys in their id range, as applyRemoteChanges reads them), the rows read, merged rows put, change entries added, the cursor put. A's side: the queue read
   * on [deviceId+hlc] after the watermark, then one transaction recording the answer (ids in
   * order up to the last one, the watermark put). No validation, merge, HTTP or server.
   * Medians of `rounds` rounds.
   */
  async incrementalStoreFloor(
    rounds: number,
    edits: number,
  ): Promise<{ pullSide: number; pushSide: number; total: number }> {
    const rows = await this.b.db.assets.where('projectId').equals(this.projectId).toArray();
    const changes = await this.b.db.changes.where('projectId').equals(this.projectId).toArray();
    const floor = await openDataLayer(() => 'floor', { name: `sync-incremental-floor-${Date.now()}` });
    const device = 'floor-device';
    try {
      await floor.db.assets.bulkPut(rows);
      await floor.db.changes.bulkPut(changes);
      const pullSides: number[] = [];
      const pushSides: number[] = [];
      let watermark = '';
      for (let round = 0; round < rounds; round++) {
        const picked = editedIndexes(rows.length, edits, round).map((index) => rows[index]!);
        const made = picked.map((row, i) => {
          const hlc = floor.clock.now();
          const fields = { [EDITED_FIELD]: editedValue(round, i) };
          return {
            row: {
              ...row,
              ...fields,
              fieldHlc: { ...row.fieldHlc, ...Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])) },
            },
            change: {
              changeId: newId(),
              projectId: this.projectId,
              table: 'assets',
              rowId: row.id,
              fields,
              hlc,
              author: 'floor',
              deviceId: device,
            },
          };
        });
        // B's side.
        let start = performance.now();
        await floor.db.transaction(
          'rw',
          [floor.db.assets, floor.db.changes, floor.db.conflicts, floor.db.meta],
          async () => {
            const ids = made.map((m) => m.change.changeId).sort();
            await floor.db.changes.where(':id').between(ids[0]!, ids.at(-1)!, true, true).primaryKeys();
            await floor.db.assets.bulkGet(made.map((m) => m.row.id));
            await floor.db.assets.bulkPut(made.map((m) => m.row));
            await floor.db.changes.bulkAdd(made.map((m) => m.change));
            await floor.db.meta.put({ key: `cursor:${this.projectId}`, value: round });
          },
        );
        pullSides.push(performance.now() - start);
        // A's side, on the entries just added (they are this "device's" own).
        start = performance.now();
        const queued = await ownUnsent(floor.db, device, watermark)
          .limit(MAX_PUSH_CHANGES + 1)
          .toArray();
        const last = queued.at(-1)!.hlc;
        await floor.db.transaction('rw', [floor.db.changes, floor.db.meta], async () => {
          await floor.db.changes
            .where('[deviceId+hlc]')
            .between([device, watermark], [device, last], false, true)
            .primaryKeys();
          await floor.db.meta.put({ key: 'pushedUpTo', value: last });
        });
        pushSides.push(performance.now() - start);
        if (queued.length !== edits)
          throw new Error(`incrementalStoreFloor: ${queued.length} queued, expected ${edits}`);
        watermark = last;
      }
      const pullSide = median(pullSides);
      const pushSide = median(pushSides);
      return { pullSide, pushSide, total: median(pullSides.map((p, i) => p + pushSides[i]!)) };
    } finally {
      floor.db.close();
      await floor.db.delete();
    }
  }

  /**
   * Diagnostic, after the incremental rounds: the server's own work for one round, on this
   * system's server (the full sync's records in place), without HTTP or devices: push = what
   * the push route does with a body of `edits` changes (JSON.parse, the protocol schema,
   * applyChanges with its commit), pull = pullChanges of them + JSON.stringify of the reply.
   * The changes are made like A's (its clock and device id), on the assets a round would edit.
   * Medians of `rounds` rounds. Leaves the server ahead of the devices: run it last.
   */
  async incrementalServerWork(rounds: number, edits: number): Promise<{ push: number; pull: number; total: number }> {
    const actor = { kind: 'user' as const, userId: this.userA.id, username: this.userA.username };
    let after = Number((await this.b.db.meta.get(`cursor:${this.projectId}`))?.value ?? 0);
    const pushes: number[] = [];
    const pulls: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const ids = editedIndexes(this.assetIds.length, edits, 1000 + round).map((index) => this.assetIds[index]!);
      const changes = ids.map((rowId, i) => ({
        changeId: newId(),
        projectId: this.projectId,
        table: 'assets',
        rowId,
        fields: { [EDITED_FIELD]: editedValue(1000 + round, i) },
        hlc: this.a.clock.now(),
        author: '张工',
        deviceId: this.a.deviceId,
      }));
      const body = JSON.stringify({ changes, seen: { [this.projectId]: after } });
      let start = performance.now();
      const request = pushRequestSchema.parse(JSON.parse(body));
      const outcome = await applyChanges(this.server.store, actor, request.changes, {
        now: Date.now(),
        replacedIsConcurrent: unseenByPusher(request.seen),
      });
      pushes.push(performance.now() - start);
      if (outcome.applied !== edits)
        throw new Error(`incrementalServerWork: ${edits - outcome.applied} changes not applied`);
      start = performance.now();
      const page = await pullChanges(this.server.store.db, this.projectId, after, MAX_PULL_PAGE);
      JSON.stringify(page);
      pulls.push(performance.now() - start);
      if (page.changes.length !== edits)
        throw new Error(`incrementalServerWork: pulled ${page.changes.length}, expected ${edits}`);
      after = page.cursor;
    }
    return { push: median(pushes), pull: median(pulls), total: median(pushes.map((p, i) => p + pulls[i]!)) };
  }

  /**
   * Diagnostic, after the incremental rounds: what B's comparison of its state with the
   * server's digest costs, the part of a round's pull that a round does because its pull merged
   * changes (SyncEngine.checkState, issue 14): in one transaction, whether the project has
   * unsent changes, then the digest of every row of the project as stored. Median of `rounds`.
   */
  async stateComparison(rounds: number): Promise<number> {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await this.b.db.transaction('r', syncTables(this.b.db), async () => {
        if (!(await hasUnsent(this.b.db, this.projectId))) await projectDigest(this.b.db, this.projectId);
      });
      times.push(performance.now() - start);
    }
    return median(times);
  }

  /** Not timed: A edits `count` assets through the repository (one writeMany, one change each). */
  async editAssets(count: number, round: number): Promise<string[]> {
    const ids = editedIndexes(this.assetIds.length, count, round).map((index) => this.assetIds[index]!);
    await this.a.repo.writeMany(
      ids.map((id, i) => ({ kind: 'update', table: 'assets', id, patch: { [EDITED_FIELD]: editedValue(round, i) } })),
    );
    return ids;
  }

  /** Not timed: whether B holds the edits of round `round`. */
  async bHasEdits(ids: readonly string[], round: number): Promise<boolean> {
    const rows = await this.b.db.assets.bulkGet([...ids]);
    return rows.every((row, i) => row?.[EDITED_FIELD] === editedValue(round, i));
  }

  async dispose(): Promise<void> {
    for (const client of [this.a, this.b]) {
      if (!client) continue;
      client.db.close();
      await client.db.delete().catch(() => undefined);
    }
    await this.server.dispose();
  }
}
