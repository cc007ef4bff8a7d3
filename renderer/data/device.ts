import { HybridLogicalClock } from '../../shared/hlc';
import type { FieldbookDb } from './db';

const DEVICE_ID_KEY = 'deviceId';

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This device's id: made once, kept in the database so it survives restarts. */
export async function loadDeviceId(db: FieldbookDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await db.meta.get(DEVICE_ID_KEY);
    if (typeof stored?.value === 'string') return stored.value;
    const deviceId = randomHex(8);
    await db.meta.put({ key: DEVICE_ID_KEY, value: deviceId });
    return deviceId;
  });
}

/**
 * The device's clock, resumed after the latest timestamp in the change log. The log is written
 * in the same transaction as every row, so it is the clock's durable state: no extra write per
 * edit, and a restart (or a wall clock set back) never issues an earlier timestamp.
 *
 * Each open of the database (a window, a browser tab) gets its own clock node id, so two tabs
 * of one device writing in the same millisecond still produce distinct, ordered timestamps.
 */
export async function loadClock(
  db: FieldbookDb,
  deviceId: string,
  wallClock: () => number = Date.now,
): Promise<HybridLogicalClock> {
  const latest = await db.changes.orderBy('hlc').last();
  return new HybridLogicalClock(`${deviceId}.${randomHex(2)}`, wallClock, latest?.hlc);
}
