import { afterEach, describe, expect, it } from 'vitest';
import { assetChange, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('sequence numbers under concurrent pushes (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('8 parallel pushes of 50 changes: seqs 1..400, and a poller never sees a gap filled later', async () => {
    t = await startTestServer(dialect);
    const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
    for (const u of [...users, 'watcher']) await t.addUser(u);
    const project = await t.addProject('CC-1', {
      members: Object.fromEntries([...users, 'watcher'].map((u) => [u, 'engineer'])),
    });
    const other = await t.addProject('CC-2', { members: Object.fromEntries(users.map((u) => [u, 'engineer'])) });
    const clients = await Promise.all(users.map((u) => t.login(u)));
    const watcher = await t.login('watcher');

    // The poller pulls as a client does: from its cursor, moving the cursor to the last seq it saw.
    const observed: number[] = [];
    let target = Number.POSITIVE_INFINITY;
    let polls = 0;
    const poller = (async () => {
      let cursor = 0;
      while (cursor < target) {
        const page = await watcher.pull(project.id, cursor, 37);
        if (page.status !== 200) throw new Error(`pull ${page.status}`);
        for (const change of page.body.changes) observed.push(change.seq);
        cursor = page.body.cursor;
        polls += 1;
      }
    })();

    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      const replies = await Promise.all(
        clients.map((client, i) => {
          // Half the pushes also touch a second project: locks on several projects, in sorted order.
          const changes = Array.from({ length: 50 }, (_, k) =>
            assetChange(k % 10 === 0 && i % 2 === 0 ? other.id : project.id, { name: `r${round}-c${i}-${k}` }),
          );
          return client.push(changes);
        }),
      );
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.body.results.every((r) => r.status === 'applied')).toBe(true);
      }
      if (round === 0) {
        // First round: 8 × 50 changes to the main project, except those sent to the other one.
        const count = (
          await t.store.db
            .selectFrom('projects')
            .select('last_seq')
            .where('id', '=', project.id)
            .executeTakeFirstOrThrow()
        ).last_seq;
        expect(count).toBe(400 - 4 * 5);
      }
    }
    const expectedMain = rounds * (400 - 4 * 5);
    const expectedOther = rounds * 4 * 5;
    // The poller stops once its cursor reaches the end; a skipped seq would never be seen.
    target = expectedMain;
    await poller;

    expect(observed).toEqual(Array.from({ length: expectedMain }, (_, i) => i + 1));
    expect(polls).toBeGreaterThan(3);
    const all = await watcher.pullAll(project.id);
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: expectedMain }, (_, i) => i + 1));
    const otherSeqs = (await clients[0]!.pullAll(other.id)).map((c) => c.seq);
    expect(otherSeqs).toEqual(Array.from({ length: expectedOther }, (_, i) => i + 1));
  });

  it('a batch waiting behind a slower one gets the next numbers, and nothing is visible before the first commits', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused = 0;
    t = await startTestServer(dialect, {
      faults: {
        beforeCommit: async () => {
          if (paused++ === 0) await gate;
        },
      },
    });
    await t.addUser('a');
    await t.addUser('b');
    const project = await t.addProject('CC-3', { members: { a: 'engineer', b: 'engineer' } });
    const [a, b] = [await t.login('a'), await t.login('b')];
    const first = a.push(Array.from({ length: 50 }, () => assetChange(project.id)));
    while (paused === 0) await new Promise((r) => setTimeout(r, 5));
    const second = b.push(Array.from({ length: 50 }, () => assetChange(project.id)));
    const during = a.pull(project.id);
    await new Promise((r) => setTimeout(r, 300));
    const settled = await Promise.race([
      during.then((page) => page.body.changes.length),
      new Promise((r) => setTimeout(() => r('pending'), 10)),
    ]);
    // PostgreSQL answers at once with nothing; SQLite's single connection makes the pull wait.
    expect(settled).toBe(dialect === 'postgres' ? 0 : 'pending');
    release();
    const [firstReply, secondReply, duringPage] = await Promise.all([first, second, during]);
    expect(firstReply.body.results.map((r) => (r.status === 'applied' ? r.seq : 0))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(secondReply.body.results.map((r) => (r.status === 'applied' ? r.seq : 0))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 51),
    );
    const seen = duringPage.body.changes.map((c) => c.seq);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  });
});
