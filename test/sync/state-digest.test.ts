import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRow } from '../../shared/change-log';
import type { PullResponse } from '../../shared/sync/protocol';
import type { FieldbookDb } from '../../renderer/data/db';
import { projectDigest } from '../../renderer/data/sync/state-check';
import { SyncEngine } from '../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import { readSyncLog } from '../../renderer/data/sync/sync-log';
import { digestOfStoredRows } from '../../server/sync/state-digest';
import { startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, projectState, type SyncClient } from './helpers/sync-client';

const dialects = await testDialects();

/** Writes a row with IndexedDB's own API: no repository, no Dexie hook or middleware sees it. */
async function putBehindTheAppsBack(db: FieldbookDb, table: string, row: StoredRow): Promise<void> {
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(table, 'readwrite');
    tx.objectStore(table).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function deleteBehindTheAppsBack(db: FieldbookDb, table: string, id: string): Promise<void> {
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(table, 'readwrite');
    tx.objectStore(table).delete(id);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function serverDigest(server: TestServer, projectId: string): Promise<string> {
  const row = await server.store.db
    .selectFrom('projects')
    .select('state_digest')
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  return row.state_digest;
}

describe.each(dialects)('divergence is detected by digest and repaired (%s)', (dialect) => {
  let server: TestServer;
  afterEach(async () => server?.dispose());

  async function team() {
    server = await startTestServer(dialect);
    await server.addUser('zhang', undefined, '张工');
    await server.addUser('li', undefined, '李工');
    const zhang = await openSyncClient(server, 'zhang');
    const project = await zhang.repo.createProject({ code: 'DIG-1', name: '状态摘要', customer: '某银行' });
    const db01 = await zhang.repo.create('assets', project.id, { name: 'db01', hostname: 'db01', rack: 'A-01' });
    const web01 = await zhang.repo.create('assets', project.id, { name: 'web01', hostname: 'web01', rack: 'A-02' });
    await zhang.repo.update('assets', db01.id, { owner: '王工', notes: '主库' });
    await zhang.sync();
    await server.addMember(project.id, 'li', 'engineer');
    const li = await openSyncClient(server, 'li');
    await li.sync();
    return { zhang, li, projectId: project.id, db01: db01.id, web01: web01.id };
  }

  async function expectAgreement(projectId: string, ...clients: SyncClient[]) {
    const kept = await serverDigest(server, projectId);
    expect(kept).toBe(await digestOfStoredRows(server.store.db, projectId));
    for (const client of clients) expect((await projectDigest(client.db, projectId)).digest).toBe(kept);
  }

  it('the server keeps its digest current, and synced devices compute the same one', async () => {
    const { zhang, li, projectId } = await team();
    await expectAgreement(projectId, zhang, li);
  });

  it('a row changed straight in IndexedDB is found by the next round, rebuilt from the server and logged; both sides agree again', async () => {
    const { zhang, li, projectId, db01 } = await team();
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, rack: 'Z-99' });
    expect((await li.db.assets.get(db01))!.rack).toBe('Z-99');

    const report = await li.sync();
    expect(report.repaired).toEqual([{ projectId, rowsFixed: 1, agreed: true }]);
    expect((await li.db.assets.get(db01))!.rack).toBe('A-01');
    await expectAgreement(projectId, zhang, li);
    expect(await projectState(li.db, projectId)).toEqual(await projectState(zhang.db, projectId));
    const log = await readSyncLog(li.db, projectId);
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'digestRepaired',
        rowsFixed: 1,
        serverDigest: await serverDigest(server, projectId),
      }),
    ]);
    expect(log[0]!.localDigest).not.toBe(log[0]!.serverDigest);

    // Repaired means quiet: later rounds find nothing to repair.
    expect((await li.sync()).repaired).toEqual([]);
    expect(await readSyncLog(li.db, projectId)).toHaveLength(1);
  });

  it('background rounds compare at most every ten minutes; a round with the interval 0 (立即同步) always does', async () => {
    const { li, projectId, db01 } = await team();
    await li.sync(); // compares (the first download does not: it has just built the rows from the log)
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, rack: 'Z-98' });
    const background = new SyncEngine(li.db, li.clock, new SyncHttp(server.url, () => li.token));
    expect((await background.syncOnce()).repaired).toEqual([]);
    expect((await li.sync()).repaired).toEqual([{ projectId, rowsFixed: 1, agreed: true }]);
  });

  /** A background round's engine: the default interval, as SyncService runs it unasked. */
  const backgroundEngine = (client: SyncClient, http: SyncHttp = new SyncHttp(server.url, () => client.token)) =>
    new SyncEngine(client.db, client.clock, http);

  it('a background round whose pull merged changes compares at once: a divergence is found and repaired in that round', async () => {
    const { zhang, li, projectId, db01, web01 } = await team();
    await li.sync(); // compared just now: the interval has not passed
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, rack: 'Z-97' });
    expect((await backgroundEngine(li).syncOnce()).repaired).toEqual([]); // nothing came in: throttled

    await zhang.repo.update('assets', web01, { rack: 'A-03' });
    await zhang.sync();
    const report = await backgroundEngine(li).syncOnce();
    expect(report).toMatchObject({ pulled: 1, repaired: [{ projectId, rowsFixed: 1, agreed: true }] });
    expect(await li.db.assets.get(db01)).toMatchObject({ rack: 'A-01' });
    expect(await li.db.assets.get(web01)).toMatchObject({ rack: 'A-03' });
    await expectAgreement(projectId, zhang, li);
    // Quiet again: the next background round does not read the rows.
    expect((await backgroundEngine(li).syncOnce()).repaired).toEqual([]);
  });

  it('a background round whose push got a refusal compares in that round: the refused value leaves the rows, the change stays listed', async () => {
    const { zhang, li, projectId, db01 } = await team();
    await li.sync();
    await li.repo.update('assets', db01, { rack: 'B-09' }); // allowed when written
    await new SyncHttp(server.url, () => zhang.token).putMember(projectId, 'li', 'observer');
    const report = await backgroundEngine(li).syncOnce();
    expect(report).toMatchObject({
      pushed: 0,
      rejected: 1,
      pulled: 0,
      repaired: [{ projectId, rowsFixed: 1, agreed: true }],
    });
    expect(await li.db.assets.get(db01)).toMatchObject({ rack: 'A-01' });
    expect(await li.db.refused.toArray()).toEqual([expect.objectContaining({ projectId, code: 'forbidden' })]);
    await expectAgreement(projectId, zhang, li);
  });

  it('a merge whose comparison had to wait for an edit saved during the round is compared on the next round, not ten minutes later', async () => {
    const { zhang, li, projectId, db01, web01 } = await team();
    await li.sync();
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, owner: '改过' });
    await zhang.repo.update('assets', web01, { notes: '前端' });
    await zhang.sync();
    // The user saves an edit while the pull is at the server: the round's rows are then ahead by design.
    let edited = false;
    const http = new (class extends SyncHttp {
      override async pull(id: string, after: number): Promise<PullResponse> {
        const page = await super.pull(id, after);
        if (!edited) {
          edited = true;
          await li.repo.update('assets', web01, { rack: 'B-08' });
        }
        return page;
      }
    })(server.url, () => li.token);
    expect(await backgroundEngine(li, http).syncOnce()).toMatchObject({ pulled: 1, repaired: [] });
    const next = await backgroundEngine(li).syncOnce();
    expect(next).toMatchObject({ pushed: 1, pulled: 0, repaired: [{ projectId, rowsFixed: 1, agreed: true }] });
    expect(await li.db.assets.get(db01)).toMatchObject({ owner: '王工' });
    await zhang.sync();
    await expectAgreement(projectId, zhang, li);
  });

  it('a row removed behind the app’s back comes back, with its history', async () => {
    const { zhang, li, projectId, web01 } = await team();
    await deleteBehindTheAppsBack(li.db, 'assets', web01);
    const report = await li.sync();
    expect(report.repaired).toEqual([{ projectId, rowsFixed: 1, agreed: true }]);
    expect((await li.db.assets.get(web01))?.name).toBe('web01');
    expect(await li.db.changes.where({ table: 'assets', rowId: web01 }).count()).toBe(
      await zhang.db.changes.where({ table: 'assets', rowId: web01 }).count(),
    );
    await expectAgreement(projectId, zhang, li);
  });

  it('an edit saved while the repair pulls is merged again on top and reaches the server', async () => {
    const { zhang, li, projectId, db01, web01 } = await team();
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, owner: '改过' });
    // The repair pulls the whole log from seq 0; the user saves an edit meanwhile.
    let edited = false;
    const http = new (class extends SyncHttp {
      override async pull(id: string, after: number): Promise<PullResponse> {
        const page = await super.pull(id, after);
        if (after === 0 && !edited) {
          edited = true;
          await li.repo.update('assets', web01, { rack: 'B-07' });
        }
        return page;
      }
    })(server.url, () => li.token);
    const report = await new SyncEngine(li.db, li.clock, http, Date.now, { stateCheckIntervalMs: 0 }).syncOnce();
    expect(report.repaired).toEqual([{ projectId, rowsFixed: 1, agreed: true }]); // db01; web01's edit was there before the rebuild and after it
    expect(await li.db.assets.get(db01)).toMatchObject({ owner: '王工' });
    expect(await li.db.assets.get(web01)).toMatchObject({ rack: 'B-07' });
    await li.sync();
    await zhang.sync();
    expect(await zhang.db.assets.get(web01)).toMatchObject({ rack: 'B-07' });
    await expectAgreement(projectId, zhang, li);
  });

  it('a device with unsent edits of the project is not compared (its rows are ahead by design)', async () => {
    const { li, projectId, db01 } = await team();
    await li.repo.update('assets', db01, { rack: 'C-01' });
    const stored = (await li.db.assets.get(db01))!;
    await putBehindTheAppsBack(li.db, 'assets', { ...stored, notes: '改过' });
    // The push sends the edit, then the pull's check finds the tampered note.
    const report = await li.sync();
    expect(report.repaired).toEqual([{ projectId, rowsFixed: 1, agreed: true }]);
    expect(await li.db.assets.get(db01)).toMatchObject({ rack: 'C-01', notes: '主库' });
  });
});
