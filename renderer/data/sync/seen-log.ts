import type { HybridLogicalClock } from '../../../shared/hlc';
import type { FieldbookDb } from '../db';
import { ownDeviceId, ownUnsent, pushedUpTo } from '../outbox';

/**
 * What this device had pulled of a project when it wrote each of its changes. A push tells the
 * server, per change, the last seq its writer had seen: a value the push overwrites that came
 * later was not seen, so the server keeps it as a conflict. The pull cursor at push time would
 * claim too much: an edit made before a pull that brought a concurrent value of the same field
 * would pass for one made after it, and the overwritten value would be lost from the server's
 * conflicts.
 *
 * Kept per project in meta as [hlc, cursor] pairs in hlc order: each pull that moves the cursor
 * stamps the device clock (after every change in the log) and the new cursor. A change of this
 * device stamped after an entry was written after that pull; stamped before every entry, before
 * the first one recorded.
 */
type SeenLog = Array<[hlc: string, cursor: number]>;

const seenLogKey = (projectId: string) => `seenLog:${projectId}`;

export async function readSeenLog(db: FieldbookDb, projectId: string): Promise<SeenLog> {
  const stored = await db.meta.get(seenLogKey(projectId));
  return Array.isArray(stored?.value) ? (stored.value as SeenLog) : [];
}

/** Records a pull that moved the cursor `from` → `to`. Inside the pull's transaction (changes and meta in scope). */
export async function recordPull(
  db: FieldbookDb,
  clock: HybridLogicalClock,
  projectId: string,
  from: number,
  to: number,
): Promise<void> {
  const log = await readSeenLog(db, projectId);
  // A device that pulled before this log existed: its earlier writes are credited with what it
  // had pulled then (the cursor at push time, as before), its later ones with this pull.
  if (log.length === 0 && from > 0) log.push(['', from]);
  // After every change in the log, this tab's or another's: a write the pull came before sorts after it.
  const latest = await db.changes.orderBy('hlc').last();
  if (latest) clock.observe(latest.hlc);
  log.push([clock.now(), to]);
  // Only unsent changes of this device will be pushed: of the entries before the oldest of
  // them (or, with none, before any write to come), only the last can still be needed.
  const [deviceId, watermark] = await Promise.all([ownDeviceId(db), pushedUpTo(db)]);
  const oldest = (await ownUnsent(db, deviceId, watermark).first())?.hlc;
  let first = 0;
  while (first + 1 < log.length && (oldest === undefined || log[first + 1]![0] < oldest)) first++;
  await db.meta.put({ key: seenLogKey(projectId), value: log.slice(first) });
}

/**
 * The cursor this device had when it wrote a change stamped `hlc`; `cursorNow` for a device that
 * has not pulled since the log began (what it sent before).
 */
export function seenWhenWritten(log: SeenLog, hlc: string, cursorNow: number): number {
  if (log.length === 0) return cursorNow;
  let seen = 0;
  for (const [at, cursor] of log) {
    if (at >= hlc) break;
    seen = cursor;
  }
  return seen;
}

export async function forgetSeenLog(db: FieldbookDb, projectId: string): Promise<void> {
  await db.meta.delete(seenLogKey(projectId));
}
