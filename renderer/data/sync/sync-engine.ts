import i18next from 'i18next';
import type { Table } from 'dexie';
import { blobRefsOf } from '../../../shared/attachments';
import { type Change, changeSchema, type StoredRow } from '../../../shared/change-log';
import { type HybridLogicalClock, formatHlc } from '../../../shared/hlc';
import { tableNames } from '../../../shared/records';
import {
  MAX_CLOCK_AHEAD_MS,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  type PullResponse,
  type PushResult,
} from '../../../shared/sync/protocol';
import type { ChangeRow, FieldbookDb, RefusedRow } from '../db';
import { isOwnUnsent, ownDeviceId, ownUnsent, PUSHED_UP_TO, pushedUpTo, refusedChanges } from '../outbox';
import { applyRemoteChanges, applyTables, keepServerConflicts, syncTables } from './apply-remote';
import { uploadBlob } from './blob-transfer';
import { forgetBundleKey, keepBundleKeys } from './bundle-keys';
import { keepServerRoles } from './server-roles';
import { forgetSeenLog, readSeenLog, recordPull, seenWhenWritten } from './seen-log';
import { hasUnsent, projectDigest, rebuildProject } from './state-check';
import { appendSyncLog, type SyncLogEntry } from './sync-log';
import { type SyncHttp, SyncHttpError } from './sync-http';

export interface SyncReport {
  pushed: number;
  duplicates: number;
  rejected: number;
  /** Changes the server asked to send again later (e.g. the device clock is ahead). */
  deferred: Array<{ changeId: string; reason: string }>;
  pulled: number;
  conflicts: number;
  /** Projects this user no longer belongs to; their data was removed, unsent changes kept aside. */
  removedProjects: Array<{ projectId: string; name: string; keptChanges: number }>;
  /**
   * Projects whose data on this device differed from the server's (their digests, see
   * state-check.ts) and was rebuilt from the server's log; `agreed`: the digests match now.
   */
  repaired: Array<{ projectId: string; rowsFixed: number; agreed: boolean }>;
}

const cursorKey = (projectId: string) => `cursor:${projectId}`;
/** The server digest a repair could not reach, and when: not tried again for that digest, nor within the hour. */
const repairFailedKey = (projectId: string) => `digestRepairFailed:${projectId}`;
const RETRY_FAILED_REPAIR_MS = 60 * 60_000;
/** When a project's rows were last compared with the server's digest. */
const stateCheckedKey = (projectId: string) => `stateCheckedAt:${projectId}`;
/**
 * Set when a round did something that can make a device's rows differ from the server's: a
 * pull merged changes (or kept conflicts) into them, or the server refused a change this device
 * had already applied to its rows. Cleared by the next comparison — which, when the device
 * holds unsent changes then, waits for the next quiet round, never for the interval.
 */
const stateCheckDueKey = (projectId: string) => `stateCheckDue:${projectId}`;
/**
 * Background rounds whose pull brought nothing and whose push had nothing refused compare a
 * project's digest at most this often: the device reads all the project's rows to compute it
 * (10,000 assets: 1.3 s on fake-indexeddb on a busy two-core machine), too much for every idle
 * round. A round after a merge or a refusal compares (stateCheckDueKey), and a round the user
 * starts (立即同步) always does.
 */
export const STATE_CHECK_INTERVAL_MS = 10 * 60_000;

export interface SyncEngineOptions {
  /** How long after a comparison the next one waits (STATE_CHECK_INTERVAL_MS); 0: every round. */
  stateCheckIntervalMs?: number;
}
// Room for the request envelope around the changes.
const PUSH_BYTE_BUDGET = MAX_PUSH_BYTES - 4096;
// Each change's entry in changeSeen: a seq and a comma.
const CHANGE_SEEN_BYTES = 17;

/**
 * One round of sync with the server: push the outbox, learn memberships, pull each project.
 * Nothing is deleted locally before the server confirms it; a refused change leaves the queue
 * but stays visible; the pull cursor only moves past what was applied.
 */
export class SyncEngine {
  constructor(
    private readonly db: FieldbookDb,
    private readonly clock: HybridLogicalClock,
    private readonly http: SyncHttp,
    private readonly wallClock: () => number = Date.now,
    private readonly options: SyncEngineOptions = {},
  ) {}

  async syncOnce(): Promise<SyncReport> {
    const report = emptyReport();
    await this.pushPending(report);
    const { projects } = await this.http.projects();
    await keepBundleKeys(this.db, projects);
    await keepServerRoles(this.db, projects);
    const memberOf = new Set(projects.map((p) => p.id));
    report.removedProjects = await this.removeLostProjects(memberOf);
    for (const project of projects) await this.pullProject(project.id, report);
    return report;
  }

  async pushPending(report: SyncReport = emptyReport()): Promise<SyncReport> {
    const deferred = new Set<string>();
    // Answered this round but still after the watermark (behind a deferred change), by id with
    // its hlc: not sent again, and passed over when a later answer moves the watermark.
    const answered = new Map<string, string>();
    for (;;) {
      const { batch, texts, rest } = await this.nextBatch(new Set([...deferred, ...answered.keys()]));
      if (batch.length === 0) return report;
      // A change the wire schema refuses would make the server refuse the whole batch (400),
      // round after round: it is refused here instead, and the others go.
      const { sendable, sendableTexts, refused } = splitUnsendable(batch, texts);
      await this.uploadBlobsOf(sendable);
      let results: PushResult[] = refused;
      let serverTime: number | undefined;
      if (sendable.length > 0) {
        const { seen, changeSeen } = await this.seenBy(sendable);
        // The body is made of the texts the batch was measured with: each change is serialised once.
        const answer = await this.http.pushSerialized(sendableTexts, seen, changeSeen);
        results = [...refused, ...answer.results];
        serverTime = answer.serverTime;
      }
      await this.recordResults(batch, results, report, deferred, answered);
      const clockRefused = results.some((r) => r.status === 'rejected' && r.code === 'clock_ahead');
      if (
        clockRefused &&
        serverTime !== undefined &&
        Math.abs(this.wallClock() - serverTime) < MAX_CLOCK_AHEAD_MS / 2
      ) {
        // The device clock is right again: the refused changes can get honest timestamps.
        if ((await this.restampFutureChanges(serverTime)) > 0) {
          for (const id of [...deferred]) deferred.delete(id);
          report.deferred = [];
          continue;
        }
      }
      // Everything queued when the batch was read went in it, and the watermark moved over all
      // of it: what was written since waits for the next round, so a round of a few edits reads
      // the queue once. An answered change still held after the watermark means an unsent one
      // sorts before it (another tab's, or a deferred one): read again.
      if (!rest && answered.size === 0) return report;
    }
  }

  /**
   * Gives fresh timestamps to this device's unsent changes that a wrong wall clock stamped too
   * far in the future (the server refuses those). They never left the device, so no other copy
   * carries the old stamps; the rows' per-field stamps and the queue move with them, in one
   * transaction.
   */
  private async restampFutureChanges(serverTime: number): Promise<number> {
    const deviceId = (await this.db.meta.get('deviceId'))?.value;
    const limit = formatHlc({ millis: serverTime + MAX_CLOCK_AHEAD_MS, counter: 0 }, '');
    return this.db.transaction('rw', syncTables(this.db), async () => {
      const future = await this.db.changes.where('hlc').aboveOrEqual(limit).sortBy('hlc');
      const watermark = await pushedUpTo(this.db);
      if (future.some((c) => c.deviceId !== deviceId || !isOwnUnsent(c.hlc, deviceId, watermark))) return 0; // someone else has seen one
      const latestHonest = await this.db.changes.where('hlc').below(limit).last();
      this.clock.rewindTo(latestHonest?.hlc);
      for (const change of future) {
        const fresh = this.clock.now();
        const table = this.db.table(change.table) as Table<StoredRow, string>;
        const row = await table.get(change.rowId);
        if (row) {
          const fieldHlc = Object.fromEntries(
            Object.entries(row.fieldHlc).map(([f, h]) => [f, h === change.hlc ? fresh : h]),
          );
          await table.put({ ...row, fieldHlc });
        }
        await this.db.changes.update(change.changeId, { hlc: fresh });
      }
      return future.length;
    });
  }

  /**
   * What the writers of a batch had seen: per project the cursor now, and per change what its
   * writer had pulled when it wrote it (seen-log.ts). This device's own changes are looked up in
   * its log; for another device's, relayed from a bundle, that is unknown: 0, so every value it
   * overwrites that another device wrote is kept as a conflict rather than lost.
   */
  private async seenBy(batch: readonly ChangeRow[]): Promise<{ seen: Record<string, number>; changeSeen: number[] }> {
    const deviceId = await ownDeviceId(this.db);
    const seen: Record<string, number> = {};
    const logs = new Map<string, Awaited<ReturnType<typeof readSeenLog>>>();
    for (const projectId of new Set(batch.map((c) => c.projectId))) {
      seen[projectId] = await this.cursor(projectId);
      logs.set(projectId, await readSeenLog(this.db, projectId));
    }
    const changeSeen = batch.map((change) =>
      change.deviceId === deviceId
        ? seenWhenWritten(logs.get(change.projectId)!, change.hlc, seen[change.projectId]!)
        : 0,
    );
    return { seen, changeSeen };
  }

  async pullProject(projectId: string, report: SyncReport = emptyReport()): Promise<SyncReport> {
    // A first download has just built the rows from the server's log: the next round compares.
    const firstDownload = (await this.cursor(projectId)) === 0;
    for (;;) {
      const cursor = await this.cursor(projectId);
      const page = await this.http.pull(projectId, cursor);
      const outcome = await this.db.transaction('rw', applyTables(this.db, page.changes), async () => {
        const applied = await applyRemoteChanges(this.db, this.clock, page.changes);
        // Never move the cursor past a change that was not applied.
        const handled = page.changes.slice(0, applied.handled);
        const next = applied.stoppedAt ? (handled.at(-1)?.seq ?? cursor) : page.cursor;
        applied.conflicts += await keepServerConflicts(
          this.db,
          projectId,
          page.conflicts.filter((c) => c.seq <= next),
        );
        await this.db.meta.put({ key: cursorKey(projectId), value: next });
        if (next !== cursor) await recordPull(this.db, this.clock, projectId, cursor, next);
        if (applied.applied > 0 || applied.conflicts > 0)
          await this.db.meta.put({ key: stateCheckDueKey(projectId), value: true });
        return applied;
      });
      report.pulled += outcome.applied;
      report.conflicts += outcome.conflicts;
      if (outcome.stoppedAt) {
        throw new SyncHttpError(i18next.t('syncErrors.cannotApply', { reason: outcome.stoppedAt.reason }), 0, false);
      }
      if (!page.hasMore) {
        if (page.digest !== undefined && !outcome.stoppedAt && !firstDownload)
          await this.checkState(projectId, page.cursor, page.digest, report);
        return report;
      }
    }
  }

  /**
   * Compares this device's digest of a project with the server's at the cursor just reached and,
   * when they differ, rebuilds the project from the server's log (state-check.ts) and says so in
   * the sync log. Not compared while the device holds unsent changes of the project (its rows are
   * then ahead by design) or once another tab has pulled further.
   */
  private async checkState(projectId: string, cursor: number, serverDigest: string, report: SyncReport): Promise<void> {
    const [checkedAt, due] = await Promise.all([
      this.db.meta.get(stateCheckedKey(projectId)),
      this.db.meta.get(stateCheckDueKey(projectId)),
    ]);
    const recent =
      typeof checkedAt?.value === 'number' &&
      Date.now() - checkedAt.value < (this.options.stateCheckIntervalMs ?? STATE_CHECK_INTERVAL_MS);
    if (recent && due?.value !== true) return;
    const local = await this.db.transaction('r', syncTables(this.db), async () => {
      if ((await this.cursor(projectId)) !== cursor || (await hasUnsent(this.db, projectId))) return null;
      return (await projectDigest(this.db, projectId)).digest;
    });
    if (local === null) return;
    await this.db.meta.put({ key: stateCheckedKey(projectId), value: Date.now() });
    await this.db.meta.delete(stateCheckDueKey(projectId));
    if (local === serverDigest) return;
    const failed = (await this.db.meta.get(repairFailedKey(projectId)))?.value as
      { serverDigest: string; at: number } | undefined;
    if (failed && (failed.serverDigest === serverDigest || Date.now() - failed.at < RETRY_FAILED_REPAIR_MS)) return;

    const pages: PullResponse[] = [];
    for (let after = 0; ;) {
      const page = await this.http.pull(projectId, after);
      pages.push(page);
      after = page.cursor;
      if (!page.hasMore) break;
    }
    const last = pages.at(-1)!;
    const latestDigest = last.digest ?? serverDigest;
    const entry = await this.db.transaction('rw', syncTables(this.db), async () => {
      const outcome = await rebuildProject(this.db, this.clock, projectId, pages);
      const previous = await this.cursor(projectId);
      await this.db.meta.put({ key: cursorKey(projectId), value: last.cursor });
      if (last.cursor !== previous) await recordPull(this.db, this.clock, projectId, previous, last.cursor);
      // With unsent changes merged again the rows are ahead of the server's: the next round, once they are sent, checks again.
      const agreed = outcome.reapplied > 0 || outcome.after.digest === latestDigest;
      if (agreed) await this.db.meta.delete(repairFailedKey(projectId));
      else
        await this.db.meta.put({
          key: repairFailedKey(projectId),
          value: { serverDigest: latestDigest, at: Date.now() },
        });
      const logged: SyncLogEntry = {
        at: Date.now(),
        projectId,
        kind: agreed ? 'digestRepaired' : 'digestStillDiffers',
        rowsFixed: outcome.rowsFixed,
        localDigest: local,
        serverDigest: latestDigest,
      };
      await appendSyncLog(this.db, logged);
      return logged;
    });
    report.repaired.push({ projectId, rowsFixed: entry.rowsFixed, agreed: entry.kind === 'digestRepaired' });
  }

  private async cursor(projectId: string): Promise<number> {
    const stored = await this.db.meta.get(cursorKey(projectId));
    return typeof stored?.value === 'number' ? stored.value : 0;
  }

  /**
   * The oldest unsent changes that fit one push (at most 500 and 1 MB): the bundle changes to
   * relay first, then this device's own after the watermark, in hlc order, read a page at a
   * time (getAll with a limit, not a cursor step per change). `rest`: whether more was queued
   * than the batch could take.
   */
  private async nextBatch(skip: Set<string>): Promise<{ batch: ChangeRow[]; texts: string[]; rest: boolean }> {
    const batch: ChangeRow[] = [];
    /** Each change of the batch as JSON, as it goes on the wire. */
    const texts: string[] = [];
    let bytes = 0;
    /** Adds what fits; false once the batch is full. */
    const take = (changes: ReadonlyArray<ChangeRow | undefined>): boolean => {
      for (const change of changes) {
        if (!change || skip.has(change.changeId)) continue;
        const text = JSON.stringify(wireChange(change));
        const size = utf8Length(text) + CHANGE_SEEN_BYTES;
        if (batch.length >= MAX_PUSH_CHANGES || (batch.length > 0 && bytes + size > PUSH_BYTE_BUDGET)) return false;
        bytes += size;
        batch.push(change);
        texts.push(text);
      }
      return true;
    };
    const pageSize = MAX_PUSH_CHANGES + 1;
    for (let from: string | undefined; ;) {
      const queued = await (from === undefined ? this.db.relay.toCollection() : this.db.relay.where('hlc').above(from))
        .limit(pageSize)
        .toArray();
      if (queued.length && !take(await this.db.changes.bulkGet(queued.map((q) => q.changeId))))
        return { batch, texts, rest: true };
      if (queued.length < pageSize) break;
      from = queued.at(-1)!.hlc;
    }
    const [deviceId, watermark] = await Promise.all([ownDeviceId(this.db), pushedUpTo(this.db)]);
    for (let from = watermark; ;) {
      const page = await ownUnsent(this.db, deviceId, from).limit(pageSize).toArray();
      if (!take(page)) return { batch, texts, rest: true };
      if (page.length < pageSize) return { batch, texts, rest: false };
      from = page.at(-1)!.hlc;
    }
  }

  /**
   * Sends the bytes of the attachments a batch refers to. An upload the server refuses (403: the
   * pusher's role may attach nothing, or they left the project) is passed over: the change that
   * refers to it is refused by the push for the same reason and leaves the queue, where failing
   * the round would hold back everything after it, round after round.
   */
  private async uploadBlobsOf(batch: ChangeRow[]): Promise<void> {
    for (const change of batch) {
      for (const sha256 of blobRefsOf(change.fields)) {
        try {
          await uploadBlob(this.db, this.http, sha256, change.projectId);
        } catch (error) {
          if (!(error instanceof SyncHttpError && error.status === 403)) throw error;
        }
      }
    }
  }

  /**
   * What the server said about a batch. Relayed changes it settled (accepted, or refused for
   * good) leave the relay table; for this device's own, the watermark moves over the changes
   * answered this round, read back in hlc order in the same transaction, up to the first that is
   * not (one the server asked to send again later, or one another tab wrote meanwhile with a
   * lagging clock).
   * Refusals go to the refused list. No change entry is rewritten but a refused one.
   */
  private async recordResults(
    batch: ChangeRow[],
    results: PushResult[],
    report: SyncReport,
    deferred: Set<string>,
    answered: Map<string, string>,
  ): Promise<void> {
    const now = Date.now();
    const sent = new Map(batch.map((change) => [change.changeId, change]));
    const settled = new Set<string>();
    const refused: RefusedRow[] = [];
    for (const result of results) {
      if (result.status === 'rejected' && result.retryable) {
        deferred.add(result.changeId);
        report.deferred.push({ changeId: result.changeId, reason: result.reason });
        continue;
      }
      const change = sent.get(result.changeId);
      if (change) {
        settled.add(change.changeId);
        if (result.status === 'rejected')
          refused.push({
            changeId: change.changeId,
            projectId: change.projectId,
            code: result.code,
            reason: result.reason,
            at: now,
          });
      }
      if (result.status === 'applied') report.pushed++;
      else if (result.status === 'duplicate') report.duplicates++;
      else report.rejected++;
    }
    await this.db.transaction('rw', [this.db.changes, this.db.meta, this.db.relay, this.db.refused], async () => {
      const deviceId = await ownDeviceId(this.db);
      const relayed = batch.filter((change) => change.deviceId !== deviceId && settled.has(change.changeId));
      if (relayed.length) await this.db.relay.bulkDelete(relayed.map((change) => change.hlc));
      for (const change of batch)
        if (change.deviceId === deviceId && settled.has(change.changeId)) answered.set(change.changeId, change.hlc);
      if (answered.size) {
        const watermark = await pushedUpTo(this.db);
        const highest = [...answered.values()].reduce((max, hlc) => (hlc > max ? hlc : max), watermark);
        // Ids only, in hlc order: every own change between the watermark and the highest settled one.
        const inOrder = await this.db.changes
          .where('[deviceId+hlc]')
          .between([deviceId, watermark], [deviceId, highest], false, true)
          .primaryKeys();
        let moved = watermark;
        for (const changeId of inOrder) {
          const hlc = answered.get(changeId);
          if (hlc === undefined) break;
          moved = hlc;
          answered.delete(changeId);
        }
        if (moved !== watermark) await this.db.meta.put({ key: PUSHED_UP_TO, value: moved });
      }
      if (refused.length === 0) return;
      // A refused change is in this device's rows but not in the server's: compare this round.
      await this.db.meta.bulkPut(
        [...new Set(refused.map((r) => r.projectId))].map((projectId) => ({
          key: stateCheckDueKey(projectId),
          value: true,
        })),
      );
      await this.db.refused.bulkPut(refused);
      await this.db.changes.bulkUpdate(
        refused.map(({ changeId, code, reason, at }) => ({
          key: changeId,
          changes: { rejected: { code, reason, at } },
        })),
      );
    });
  }

  /**
   * Projects synced before that the server no longer lists for this user: their rows go, their
   * unsent changes are kept aside so the user can export them.
   */
  private async removeLostProjects(memberOf: Set<string>): Promise<SyncReport['removedProjects']> {
    const cursors = await this.db.meta.where('key').startsWith('cursor:').toArray();
    const lost = cursors.map((c) => c.key.slice('cursor:'.length)).filter((id) => !memberOf.has(id));
    const removed: SyncReport['removedProjects'] = [];
    for (const projectId of lost) {
      await this.db.transaction('rw', [...syncTables(this.db), this.db.orphanedChanges], async () => {
        const project = await this.db.projects.get(projectId);
        const name = project ? `${project.code} ${project.name}` : projectId;
        // Not accepted by the server: still queued, or refused (a push after the removal is).
        const [deviceId, watermark] = await Promise.all([ownDeviceId(this.db), pushedUpTo(this.db)]);
        const own = await ownUnsent(this.db, deviceId, watermark)
          .filter((c) => c.projectId === projectId)
          .toArray();
        const relayed = await this.db.relay.filter((q) => q.projectId === projectId).toArray();
        const toRelay = (await this.db.changes.bulkGet(relayed.map((q) => q.changeId))).filter(
          (c): c is ChangeRow => c !== undefined,
        );
        const unsent = [...own, ...toRelay, ...(await refusedChanges(this.db, projectId))];
        await this.db.orphanedChanges.bulkPut(unsent.map((c) => ({ ...c, orphanedAt: Date.now(), projectName: name })));
        await this.db.relay.bulkDelete(relayed.map((q) => q.hlc));
        await this.db.refused.where('projectId').equals(projectId).delete();
        for (const table of tableNames) await this.db.table(table).where('projectId').equals(projectId).delete();
        await this.db.changes.where('projectId').equals(projectId).delete();
        await this.db.conflicts.where('[projectId+resolved]').between([projectId, 0], [projectId, 1]).delete();
        await this.db.meta.delete(cursorKey(projectId));
        await this.db.meta.delete(repairFailedKey(projectId));
        await this.db.meta.delete(stateCheckedKey(projectId));
        await this.db.meta.delete(stateCheckDueKey(projectId));
        await forgetSeenLog(this.db, projectId);
        await forgetBundleKey(this.db, projectId);
        removed.push({ projectId, name, keptChanges: unsent.length });
      });
    }
    return removed;
  }
}

/** Bytes of `text` as UTF-8, counted without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function emptyReport(): SyncReport {
  return {
    pushed: 0,
    duplicates: 0,
    rejected: 0,
    deferred: [],
    pulled: 0,
    conflicts: 0,
    removedProjects: [],
    repaired: [],
  };
}

/**
 * Splits a batch into the changes the wire schema accepts and refusals, worded like the
 * server's, for the others (text no database can store, say, from a bundle imported before
 * bundles were checked).
 */
function splitUnsendable(
  batch: readonly ChangeRow[],
  texts: readonly string[],
): { sendable: ChangeRow[]; sendableTexts: string[]; refused: PushResult[] } {
  const sendable: ChangeRow[] = [];
  const sendableTexts: string[] = [];
  const refused: PushResult[] = [];
  for (const [index, change] of batch.entries()) {
    const parsed = changeSchema.safeParse(wireChange(change));
    if (parsed.success) {
      sendable.push(change);
      sendableTexts.push(texts[index]!);
      continue;
    }
    const issue = parsed.error.issues[0];
    const reason = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? '无效'}`;
    refused.push({ changeId: change.changeId, status: 'rejected', code: 'invalid', reason, retryable: false });
  }
  return { sendable, sendableTexts, refused };
}

/** A change as the protocol carries it: without this device's bookkeeping. */
export function wireChange(change: ChangeRow): Change {
  const { changeId, projectId, table, rowId, fields, hlc, author, deviceId } = change;
  return { changeId, projectId, table, rowId, fields, hlc, author, deviceId };
}
