import Dexie, { type Collection } from 'dexie';
import { hlcDevice } from '../../shared/hlc';
import type { ChangeRow, FieldbookDb, RelayRow } from './db';

/**
 * What waits to be pushed, without a flag on each change entry that the server's answer would
 * make us rewrite:
 * - this device's own changes after the watermark `pushedUpTo` (meta), in hlc order on the
 *   [deviceId+hlc] index: the server has settled every own change up to it (accepted, or
 *   refused for good). Acknowledging a push writes one meta row, however many changes it held;
 * - changes of other devices that arrived in a bundle, to relay (the small `relay` table).
 *
 * Every write transaction reads the watermark and stamps its changes after it
 * (observePushedUpTo), and the watermark only moves over changes the server answered, read back
 * in order inside the transaction that moves it (see SyncEngine.recordResults). So a change
 * written by another tab, whose clock may lag, can never end up below the watermark unsent.
 */
export const PUSHED_UP_TO = 'pushedUpTo';

export function pushedUpTo(db: FieldbookDb): Promise<string> {
  return db.meta.get(PUSHED_UP_TO).then((stored) => (typeof stored?.value === 'string' ? stored.value : ''));
}

export async function ownDeviceId(db: FieldbookDb): Promise<string> {
  const stored = await db.meta.get('deviceId');
  return typeof stored?.value === 'string' ? stored.value : '';
}

/** This device's changes after `watermark`, oldest first. */
export function ownUnsent(db: FieldbookDb, deviceId: string, watermark: string): Collection<ChangeRow, string> {
  return db.changes.where('[deviceId+hlc]').between([deviceId, watermark], [deviceId, Dexie.maxKey], false, true);
}

/** Whether a timestamp is one of this device's changes not yet settled by the server. */
export function isOwnUnsent(hlc: string, deviceId: string, watermark: string): boolean {
  return hlc > watermark && hlcDevice(hlc) === deviceId;
}

/** How many changes wait to be sent (of one project, or all). */
export async function unsentCount(db: FieldbookDb, projectId?: string): Promise<number> {
  const [deviceId, watermark] = await Promise.all([ownDeviceId(db), pushedUpTo(db)]);
  const own = ownUnsent(db, deviceId, watermark);
  const relay = db.relay.toCollection();
  if (!projectId) return (await own.count()) + (await relay.count());
  const ofProject = (c: { projectId: string }) => c.projectId === projectId;
  return (await own.filter(ofProject).count()) + (await relay.filter(ofProject).count());
}

/**
 * Queues changes of other devices (from a bundle) for the server, so a device with a network
 * can relay field data. This device's own changes need no queueing: after the watermark they
 * are unsent by definition. Call inside the transaction that adds the entries.
 */
export async function queueForRelay(db: FieldbookDb, changes: readonly ChangeRow[]): Promise<void> {
  const deviceId = await ownDeviceId(db);
  const relayed: RelayRow[] = changes
    .filter((change) => change.deviceId !== deviceId)
    .map((change) => ({ hlc: change.hlc, changeId: change.changeId, projectId: change.projectId }));
  if (relayed.length) await db.relay.bulkPut(relayed);
}

/** The changes of a project the server refused for good, with the reason on each. */
export async function refusedChanges(db: FieldbookDb, projectId: string): Promise<ChangeRow[]> {
  const refused = await db.refused.where('projectId').equals(projectId).toArray();
  const changes = await db.changes.bulkGet(refused.map((r) => r.changeId));
  return changes.flatMap((change, i) => {
    if (!change) return [];
    const { code, reason, at } = refused[i]!;
    return [{ ...change, rejected: { code, reason, at } }];
  });
}
