import type { HybridLogicalClock } from '../../shared/hlc';
import { FieldbookDb } from './db';
import { loadClock, loadDeviceId } from './device';
import { Repository } from './repository';

export interface DataLayer {
  db: FieldbookDb;
  repo: Repository;
  deviceId: string;
  /** The device clock every local write and every merge of remote changes goes through. */
  clock: HybridLogicalClock;
}

export interface DataLayerOptions {
  /** Database name; tests and benchmarks use their own. */
  name?: string;
  /** The device's wall clock; tests give devices wrong ones. */
  wallClock?: () => number;
}

/** Opens the device database and its repository; `author` is read at every write. */
export async function openDataLayer(author: () => string, options: DataLayerOptions = {}): Promise<DataLayer> {
  const db = new FieldbookDb(options.name);
  await db.open();
  const deviceId = await loadDeviceId(db);
  const clock = await loadClock(db, deviceId, options.wallClock);
  return { db, repo: new Repository(db, { deviceId, clock, author }), deviceId, clock };
}
