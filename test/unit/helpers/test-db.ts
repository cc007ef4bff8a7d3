import { FieldbookDb } from '../../../renderer/data/db';
import { loadClock, loadDeviceId } from '../../../renderer/data/device';
import { Repository } from '../../../renderer/data/repository';

let counter = 0;

/** A fresh database in fake-indexeddb (a real IndexedDB implementation) and its repository. */
export async function openTestRepository(options: { name?: string; wallClock?: () => number; author?: string } = {}) {
  const db = new FieldbookDb(options.name ?? `test-${Date.now()}-${counter++}`);
  await db.open();
  const deviceId = await loadDeviceId(db);
  const clock = await loadClock(db, deviceId, options.wallClock);
  const repo = new Repository(db, { deviceId, clock, author: () => options.author ?? '张工' });
  return { db, repo, deviceId, clock };
}

export const sampleProject = {
  code: 'BJ-2026-001',
  name: '华北数据中心运维项目',
  customer: '某城市商业银行',
};
