import { afterEach, describe, expect, it } from 'vitest';
import {
  assetChange,
  DEVICE_A,
  DEVICE_B,
  hlcAt,
  makeChange,
  startTestServer,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('what the writer of each change had seen (changeSeen) (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('overrides the pusher’s cursor: a value after what the writer had seen is kept as a conflict; one before is not', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    await t.addUser('bob');
    const project = await t.addProject('CS-1', { members: { alice: 'engineer', bob: 'engineer' } });
    const alice = await t.login('alice');
    const bob = await t.login('bob');
    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01', owner: '', rack: '' }, { hlc: hlcAt(DEVICE_A, base) });
    const owner = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '王工' },
      hlc: hlcAt(DEVICE_A, base + 1000),
    });
    const rack = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { rack: 'A-01' },
      hlc: hlcAt(DEVICE_A, base + 1500),
    });
    await alice.push([create, owner, rack]);
    // B pushes with its cursor at 3, but wrote its owner when it had pulled seq 1 only, its rack after seq 3.
    const bobOwner = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '李工' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 2000),
    });
    const bobRack = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { rack: 'B-02' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 3000),
    });
    const reply = await bob.call('POST', '/v1/sync/push', {
      json: { changes: [bobOwner, bobRack], seen: { [project.id]: 3 }, changeSeen: [1, 3] },
    });
    expect(reply.status).toBe(200);
    expect(await t.conflicts()).toEqual([
      expect.objectContaining({
        field: 'owner',
        value: '王工',
        changeId: owner.changeId,
        winningChangeId: bobOwner.changeId,
      }),
    ]);
  });

  it('must name one seq per change', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('CS-2', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const reply = await alice.call('POST', '/v1/sync/push', {
      json: { changes: [assetChange(project.id)], changeSeen: [0, 0] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ message: expect.stringContaining('changeSeen') });
  });
});
