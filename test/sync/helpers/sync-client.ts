import type { FieldbookDb } from '../../../renderer/data/db';
import { type DataLayer, openDataLayer } from '../../../renderer/data/open-data';
import { unsentCount as countUnsent } from '../../../renderer/data/outbox';
import { SyncEngine, type SyncReport } from '../../../renderer/data/sync/sync-engine';
import { SyncHttp } from '../../../renderer/data/sync/sync-http';
import { tableNames } from '../../../shared/records';
import type { LoginResponse } from '../../../shared/sync/protocol';
import { DEFAULT_PASSWORD, type TestServer } from '../../server/helpers/test-server';

let databases = 0;

export interface SyncClient extends DataLayer {
  name: string;
  token: string;
  /** How far this device's wall clock is off real time (a machine two days ahead: +2 days). */
  skewMs: number;
  engine(baseUrl?: string): SyncEngine;
  sync(baseUrl?: string): Promise<SyncReport>;
}

/**
 * One engineer's device: the app's real data layer on fake-indexeddb (a real IndexedDB
 * implementation) and the app's real SyncEngine, talking HTTP to a real server.
 */
export async function openSyncClient(
  server: Pick<TestServer, 'url'>,
  username: string,
  options: { skewMs?: number; session?: LoginResponse } = {},
): Promise<SyncClient> {
  // A session given is reused: a test opening many devices need not pay a password hash for each.
  const session = options.session ?? (await new SyncHttp(server.url, () => null).login(username, DEFAULT_PASSWORD));
  const state = { skewMs: options.skewMs ?? 0 };
  const wallClock = () => Date.now() + state.skewMs;
  const data = await openDataLayer(() => session.user.displayName, {
    name: `sync-${username}-${databases++}-${Date.now()}`,
    wallClock,
  });
  const engine = (baseUrl = server.url) =>
    new SyncEngine(data.db, data.clock, new SyncHttp(baseUrl, () => session.token), wallClock, {
      stateCheckIntervalMs: 0,
    });
  return Object.defineProperties(
    {
      ...data,
      name: username,
      token: session.token,
      engine,
      sync: (baseUrl?: string) => engine(baseUrl).syncOnce(),
    } as SyncClient,
    { skewMs: { get: () => state.skewMs, set: (value: number) => (state.skewMs = value), enumerable: true } },
  );
}

/** A project's rows on a device, as comparable data (row meta included, sorted by id). */
export async function projectState(db: FieldbookDb, projectId: string): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const table of tableNames) {
    const rows = await db.table(table).where('projectId').equals(projectId).toArray();
    state[table] = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return state;
}

export async function unsentCount(db: FieldbookDb): Promise<number> {
  return countUnsent(db);
}
