import type { FieldbookDb } from '../db';

/**
 * What sync did that the user should be able to look up later, beyond the last round's report:
 * for now, a project whose data on this device differed from the server's and was repaired
 * (state-check.ts). Kept in meta, the latest entries only; shown on 同步与冲突.
 */
export interface SyncLogEntry {
  at: number;
  projectId: string;
  kind: 'digestRepaired' | 'digestStillDiffers';
  /** Rows whose content the repair changed on this device. */
  rowsFixed: number;
  localDigest: string;
  serverDigest: string;
}

const SYNC_LOG_KEY = 'syncLog';
const KEEP_ENTRIES = 100;

export async function readSyncLog(db: FieldbookDb, projectId?: string): Promise<SyncLogEntry[]> {
  const stored = await db.meta.get(SYNC_LOG_KEY);
  const entries = Array.isArray(stored?.value) ? (stored.value as SyncLogEntry[]) : [];
  return projectId === undefined ? entries : entries.filter((entry) => entry.projectId === projectId);
}

/** Appends an entry. Inside a transaction with meta in scope, or on its own. */
export async function appendSyncLog(db: FieldbookDb, entry: SyncLogEntry): Promise<void> {
  const entries = await readSyncLog(db);
  await db.meta.put({ key: SYNC_LOG_KEY, value: [...entries, entry].slice(-KEEP_ENTRIES) });
}
