import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SyncHttp } from '../../renderer/data/sync/sync-http';
import type { LoginResponse } from '../../shared/sync/protocol';
import { DEFAULT_PASSWORD, startTestServer, testDialects, type TestServer } from '../server/helpers/test-server';
import { chaosRunner, emptyChaosStats, formatChaosStats, opArbitrary, USERS } from './helpers/chaos-workload';
import { formatTally } from './helpers/write-accounting';

/**
 * The project's chaos test (the workload is in helpers/chaos-workload.ts): three engineers edit
 * the same rows, delete them, attach files, save edits while a sync round is between its push
 * and its pull, carry a bundle from one device to another, and the server restarts twice per
 * run — seeded (fast-check), on SQLite and PostgreSQL. After the network heals, every device and
 * the server hold the same rows (and the same state digest, with no repair on the way), the
 * sequence numbers have no gap, and every write is accounted for: the final value, or in the
 * server's conflicts table, or seen and replaced by its writer — none lost. The accounting is
 * printed per dialect. test/sync/two-nodes.test.ts runs the same workload against two server
 * processes.
 *
 * CI time is bounded by the run counts below: 8 runs on SQLite and 4 on PostgreSQL of 15 to 45
 * operations each (about 1½ min for both on a loaded two-core machine).
 */
const dialects = await testDialects();
const RUNS = { sqlite: 8, postgres: 4 } as const;

describe.each(dialects)('chaos: concurrent edits, deletes, attachments, bundles and restarts (%s)', (dialect) => {
  let server: TestServer;
  const sessions = new Map<string, LoginResponse>();
  const stats = emptyChaosStats();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    for (const user of USERS) {
      await server.addUser(user);
      sessions.set(user, await new SyncHttp(server.url, () => null).login(user, DEFAULT_PASSWORD));
    }
  });
  afterAll(async () => {
    console.log(`chaos (${dialect}): ${formatTally(stats.tally)}; ${formatChaosStats(stats)}`);
    await server?.dispose();
  });

  it('every device and the server converge, and every write is the final value, a server conflict, or seen and replaced — 0 lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 15, maxLength: 45 }), chaosRunner(server, sessions, stats)),
      {
        seed: 20_261_127,
        numRuns: RUNS[dialect],
        endOnFailure: true,
      },
    );
  }, 600_000);
});
