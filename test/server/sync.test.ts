import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_DIGEST } from '../../shared/sync/state-digest';
import { digestOfStoredRows } from '../../server/sync/state-digest';
import { newId } from '../../shared/ids';
import { MAX_CLOCK_AHEAD_MS, pullResponseSchema, pushResponseSchema } from '../../shared/sync/protocol';
import {
  assetChange,
  DEVICE_A,
  DEVICE_B,
  hlcAt,
  makeChange,
  projectChange,
  startTestServer,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('push and pull (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  async function setup() {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    await t.addUser('bob');
    const project = await t.addProject('BJ-01', { members: { alice: 'engineer', bob: 'techLead' } });
    const alice = await t.login('alice');
    const bob = await t.login('bob');
    return { project, alice, bob };
  }

  it('a pushed change comes back from a pull, numbered, with every field', async () => {
    const { project, alice, bob } = await setup();
    const change = assetChange(project.id, { name: 'db01', ips: ['10.0.0.5'], tags: ['核心'] });
    const pushed = await alice.push([change]);
    expect(pushed.status).toBe(200);
    expect(pushResponseSchema.parse(pushed.body).results).toEqual([
      { changeId: change.changeId, status: 'applied', seq: 1 },
    ]);

    const pulled = await bob.pull(project.id);
    expect(pulled.status).toBe(200);
    const page = pullResponseSchema.parse(pulled.body);
    // The last page carries the project's state digest at its cursor (shared/sync/state-digest.ts).
    const digest = await digestOfStoredRows(t.store.db, project.id);
    expect(digest).not.toBe(EMPTY_DIGEST);
    expect(page).toEqual({ changes: [{ ...change, seq: 1 }], conflicts: [], hasMore: false, cursor: 1, digest });
    expect(await t.row('assets', change.rowId)).toMatchObject({
      name: 'db01',
      ips: ['10.0.0.5'],
      projectId: project.id,
      fieldHlc: { name: change.hlc },
    });

    // Nothing after the cursor.
    expect((await bob.pull(project.id, 1)).body).toEqual({
      changes: [],
      conflicts: [],
      hasMore: false,
      cursor: 1,
      digest,
    });
  });

  it('pages through the log with limit, hasMore and cursor', async () => {
    const { project, alice } = await setup();
    const changes = Array.from({ length: 25 }, (_, i) => assetChange(project.id, { name: `srv-${i}` }));
    await alice.push(changes);
    const first = await alice.pull(project.id, 0, 10);
    expect(first.body.changes.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.body).toMatchObject({ hasMore: true, cursor: 10 });
    const third = await alice.pull(project.id, 20, 10);
    expect(third.body.changes.map((c) => c.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(third.body).toMatchObject({ hasMore: false, cursor: 25 });
    expect((await alice.pullAll(project.id, 0, 7)).map((c) => c.changeId)).toEqual(changes.map((c) => c.changeId));
  });

  it('two devices editing different fields of one row: both edits survive, no conflict', async () => {
    const { project, alice, bob } = await setup();
    const create = assetChange(project.id, { name: 'web01', vendor: 'Huawei', rack: 'A-01' });
    await alice.push([create]);
    const fromA = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'H3C' },
      deviceId: DEVICE_A,
    });
    const fromB = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { rack: 'B-07' },
      deviceId: DEVICE_B,
    });
    await bob.push([fromB], { [project.id]: 1 });
    await alice.push([fromA], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ name: 'web01', vendor: 'H3C', rack: 'B-07' });
    expect(await t.conflicts()).toEqual([]);
  });

  it('the same field edited on two devices: the later hlc wins and the other value is kept in conflicts', async () => {
    const { project, alice, bob } = await setup();
    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01', vendor: 'Huawei' }, { hlc: hlcAt(DEVICE_A, base) });
    await alice.push([create]);
    const seen = { [project.id]: 1 };
    // Offline for days: A writes at base+10s, B writes later at base+20s; A pushes last.
    const early = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'H3C' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, base + 10_000),
    });
    const late = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'Inspur' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 20_000),
    });
    expect((await bob.push([late], seen)).body.results[0]).toMatchObject({ status: 'applied', seq: 2 });
    expect((await alice.push([early], seen)).body.results[0]).toMatchObject({ status: 'applied', seq: 3 });

    expect(await t.row('assets', create.rowId)).toMatchObject({
      vendor: 'Inspur',
      fieldHlc: { vendor: late.hlc, name: create.hlc },
    });
    expect(await t.conflicts()).toEqual([
      {
        rowId: create.rowId,
        field: 'vendor',
        value: 'H3C',
        hlc: early.hlc,
        changeId: early.changeId,
        winningHlc: late.hlc,
        winningChangeId: late.changeId,
        seq: 3,
      },
    ]);
    // The losing change is still in the log: every device replays the same merge.
    expect((await alice.pullAll(project.id)).map((c) => c.changeId)).toEqual([
      create.changeId,
      late.changeId,
      early.changeId,
    ]);
    // And the conflict travels with the page that holds the change whose merge produced it.
    const lostValue = {
      table: 'assets',
      rowId: create.rowId,
      field: 'vendor',
      value: 'H3C',
      hlc: early.hlc,
      changeId: early.changeId,
      author: early.author,
      winningHlc: late.hlc,
      seq: 3,
    };
    expect((await bob.pull(project.id, 0)).body).toMatchObject({ cursor: 3, conflicts: [lostValue] });
    expect((await bob.pull(project.id, 0, 2)).body).toMatchObject({ cursor: 2, conflicts: [] });
    expect((await bob.pull(project.id, 2)).body).toMatchObject({ cursor: 3, conflicts: [lostValue] });
  });

  it('a later write replacing a value its device had not seen keeps the replaced value as a conflict', async () => {
    const { project, alice, bob } = await setup();
    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01', owner: '' }, { hlc: hlcAt(DEVICE_A, base) });
    await alice.push([create]);
    const first = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '王工' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, base + 1000),
    });
    await alice.push([first], { [project.id]: 1 });
    // B had pulled only seq 1 when it wrote: A's 王工 (seq 2) was unseen.
    const second = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '李工' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 2000),
    });
    await bob.push([second], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ owner: '李工' });
    expect(await t.conflicts()).toEqual([
      {
        rowId: create.rowId,
        field: 'owner',
        value: '王工',
        hlc: first.hlc,
        changeId: first.changeId,
        winningHlc: second.hlc,
        winningChangeId: second.changeId,
        seq: 3,
      },
    ]);
  });

  it('rows stored in the earliest format (fieldHlc in data, { changeId, seq } per field) merge the same and are rewritten compactly', async () => {
    const { project, alice, bob } = await setup();
    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01', owner: '' }, { hlc: hlcAt(DEVICE_A, base) });
    const first = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '王工' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, base + 1000),
    });
    await alice.push([create, first], { [project.id]: 0 });
    const oldData = JSON.stringify(await t.row('assets', create.rowId));
    expect(oldData).toContain('"fieldHlc":{');
    const oldFormat = { name: { changeId: create.changeId, seq: 1 }, owner: { changeId: first.changeId, seq: 2 } };
    await t.store.db
      .updateTable('rows')
      .set({ data: oldData, field_writes: JSON.stringify(oldFormat) })
      .where('row_id', '=', create.rowId)
      .execute();
    // B had pulled only seq 1: A's 王工 (seq 2, read from the old format) was unseen.
    const second = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '李工' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 2000),
    });
    await bob.push([second], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ owner: '李工' });
    expect(await t.conflicts()).toEqual([
      {
        rowId: create.rowId,
        field: 'owner',
        value: '王工',
        hlc: first.hlc,
        changeId: first.changeId,
        winningHlc: second.hlc,
        winningChangeId: second.changeId,
        seq: 3,
      },
    ]);
    const stored = await t.store.db
      .selectFrom('rows')
      .select(['data', 'field_writes'])
      .where('row_id', '=', create.rowId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.field_writes)).toEqual([
      { name: 1, owner: 3 },
      { 1: create.hlc, 3: second.hlc },
    ]);
    expect(JSON.parse(stored.data)).not.toHaveProperty('fieldHlc');
    expect(await t.row('assets', create.rowId)).toMatchObject({
      name: 'web01',
      owner: '李工',
      fieldHlc: { name: create.hlc, owner: second.hlc },
    });
  });

  it('a value replaced within one batch: the conflict names the change of that batch that wrote it', async () => {
    const { project, alice } = await setup();
    const base = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01' }, { hlc: hlcAt(DEVICE_A, base) });
    await alice.push([create]);
    // A relays B's write and its own in one batch, having seen nothing after seq 1; B's value lands first.
    const fromB = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { rack: 'B-01' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, base + 1000),
    });
    const fromA = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { rack: 'A-01' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, base + 2000),
    });
    await alice.push([fromB, fromA], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ rack: 'A-01' });
    expect(await t.conflicts()).toEqual([
      {
        rowId: create.rowId,
        field: 'rack',
        value: 'B-01',
        hlc: fromB.hlc,
        changeId: fromB.changeId,
        winningHlc: fromA.hlc,
        winningChangeId: fromA.changeId,
        seq: 3,
      },
    ]);
  });

  it('overwriting a value the device had pulled is an edit, not a conflict', async () => {
    const { project, alice, bob } = await setup();
    const create = assetChange(project.id, { name: 'web01', owner: '王工' });
    await alice.push([create]);
    const edit = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { owner: '李工' },
      deviceId: DEVICE_B,
    });
    await bob.push([edit], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ owner: '李工' });
    expect(await t.conflicts()).toEqual([]);
  });

  it('equal wall clock and counter: the device id inside the hlc breaks the tie', async () => {
    const { project, alice, bob } = await setup();
    const millis = Date.now() - 60_000;
    const create = assetChange(project.id, { name: 'web01' }, { hlc: hlcAt(DEVICE_A, millis - 1000) });
    await alice.push([create]);
    const a = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { room: 'A 机房' },
      deviceId: DEVICE_A,
      hlc: hlcAt(DEVICE_A, millis, 3),
    });
    const b = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { room: 'B 机房' },
      deviceId: DEVICE_B,
      hlc: hlcAt(DEVICE_B, millis, 3),
    });
    expect(b.hlc > a.hlc).toBe(true);
    // Whatever the arrival order, device-b wins.
    await bob.push([b], { [project.id]: 1 });
    await alice.push([a], { [project.id]: 1 });
    expect(await t.row('assets', create.rowId)).toMatchObject({ room: 'B 机房' });
    expect(await t.conflicts()).toMatchObject([
      { field: 'room', value: 'A 机房', changeId: a.changeId, winningChangeId: b.changeId },
    ]);
  });

  it('a batch sent twice is applied once: same seqs, "duplicate", nothing more stored', async () => {
    const { project, alice } = await setup();
    const create = assetChange(project.id, { name: 'web01', vendor: 'Huawei' });
    const conflicting = makeChange({
      projectId: project.id,
      table: 'assets',
      rowId: create.rowId,
      fields: { vendor: 'old' },
      hlc: hlcAt(DEVICE_B, 1_000_000),
    });
    const batch = [create, conflicting, assetChange(project.id, { name: 'web02' })];
    const first = await alice.push(batch);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const before = await t.counts();
    expect(before).toMatchObject({ changes: 3, rows: 2, conflicts: 1 });

    const second = await alice.push(batch);
    expect(second.status).toBe(200);
    expect(second.body.results).toEqual(first.body.results.map((r) => ({ ...r, status: 'duplicate' })));
    expect(await t.counts()).toEqual(before);
    // Within one batch too.
    const again = assetChange(project.id, { name: 'web03' });
    const twice = await alice.push([again, again]);
    expect(twice.body.results).toEqual([
      { changeId: again.changeId, status: 'applied', seq: 4 },
      { changeId: again.changeId, status: 'duplicate', seq: 4 },
    ]);
  });

  it('numbers the changes of each project on its own: contiguous and increasing', async () => {
    const { project, alice } = await setup();
    const other = await t.addProject('SH-02', { members: { alice: 'pm' } });
    const mixed = [
      assetChange(project.id),
      assetChange(other.id),
      assetChange(project.id),
      assetChange(project.id),
      assetChange(other.id),
    ];
    const reply = await alice.push(mixed);
    expect(reply.body.results.map((r) => (r.status === 'applied' ? r.seq : -1))).toEqual([1, 1, 2, 3, 2]);
    const more = await alice.push([assetChange(other.id), assetChange(project.id)]);
    expect(more.body.results.map((r) => (r.status === 'applied' ? r.seq : -1))).toEqual([3, 4]);
    expect((await alice.pullAll(project.id)).map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect((await alice.pullAll(other.id)).map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a change stamped too far ahead of the server clock (retryable), and applies the rest', async () => {
    const { project, alice } = await setup();
    // The server's clock is 10 minutes behind the device's.
    t.clock.advance(-10 * 60_000);
    const ahead = assetChange(project.id, { name: 'from the future' });
    const fine = assetChange(
      project.id,
      { name: 'ok' },
      { hlc: hlcAt(DEVICE_A, t.clock.now() + MAX_CLOCK_AHEAD_MS - 5000) },
    );
    const reply = await alice.push([ahead, fine]);
    expect(reply.status).toBe(200);
    const [rejected, applied] = reply.body.results;
    expect(rejected).toMatchObject({
      changeId: ahead.changeId,
      status: 'rejected',
      code: 'clock_ahead',
      retryable: true,
    });
    expect(rejected!.status === 'rejected' && rejected!.reason).toMatch(/设备时钟.*校准/);
    expect(applied).toEqual({ changeId: fine.changeId, status: 'applied', seq: 1 });
    expect(await t.row('assets', ahead.rowId)).toBeUndefined();

    // Once the clocks agree, the same change goes through.
    t.clock.advance(10 * 60_000);
    expect((await alice.push([ahead])).body.results[0]).toEqual({
      changeId: ahead.changeId,
      status: 'applied',
      seq: 2,
    });
  });

  it('rejects invalid changes one by one without blocking the rest of the batch', async () => {
    const { project, alice } = await setup();
    const good1 = assetChange(project.id, { name: 'good1' });
    const unknownTable = makeChange({ projectId: project.id, table: 'spaceships', fields: { name: 'x' } });
    const unknownField = assetChange(project.id, { name: 'x', colour: 'red' });
    const badValue = assetChange(project.id, { name: 'x', ips: ['999.1.1.1'] });
    const emptyName = assetChange(project.id, { name: '   ' });
    const badProjectRow = makeChange({
      projectId: project.id,
      table: 'projects',
      rowId: newId(),
      fields: { name: 'x' },
    });
    // Field names the protocol schema lets through as "an object": the table's own check refuses them.
    const oddNames = ['', 'k'.repeat(101), 'constructor', 'toString', 'hasOwnProperty'].map((field) =>
      assetChange(project.id, { name: 'x', [field]: 'y' }),
    );
    const good2 = assetChange(project.id, { name: 'good2' });
    const reply = await alice.push([
      good1,
      unknownTable,
      unknownField,
      badValue,
      emptyName,
      badProjectRow,
      ...oddNames,
      good2,
    ]);
    expect(reply.status).toBe(200);
    const results = reply.body.results;
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'applied',
      ...Array<string>(10).fill('invalid'),
      'applied',
    ]);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .every((r) => r.status === 'rejected' && !r.retryable && r.reason.length > 0),
    ).toBe(true);
    expect(results.slice(6, 11).map((r) => (r.status === 'rejected' ? r.reason : ''))).toEqual(
      ['', 'k'.repeat(101), 'constructor', 'toString', 'hasOwnProperty'].map((f) => `未知字段: assets.${f}`),
    );
    expect(results[11]).toEqual({ changeId: good2.changeId, status: 'applied', seq: 2 });
    expect(await t.counts()).toMatchObject({ changes: 2, rows: 2, conflicts: 0 });
  });

  it('a project first created on a device is registered by its push, the pusher as project manager', async () => {
    const { alice, bob } = await setup();
    const projectId = newId();
    const create = projectChange(projectId, { code: 'FIELD-9', name: '机房搬迁' });
    const asset = assetChange(projectId, { name: 'core-sw' });
    const reply = await alice.push([asset, create]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await alice.projects()).body.projects).toContainEqual({
      id: projectId,
      code: 'FIELD-9',
      name: '机房搬迁',
      role: 'pm',
      bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Nobody else is in it.
    expect((await bob.projects()).body.projects.map((p) => p.id)).not.toContain(projectId);
    expect((await bob.pull(projectId)).status).toBe(403);
    const intrude = projectChange(projectId, { name: '改名' }, { deviceId: DEVICE_B });
    expect((await bob.push([intrude])).body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });

    // A rename on the device renames it for the server's project list too.
    const rename = makeChange({ projectId, table: 'projects', rowId: projectId, fields: { name: '机房搬迁二期' } });
    await alice.push([rename], { [projectId]: 2 });
    expect((await alice.projects()).body.projects).toContainEqual({
      id: projectId,
      code: 'FIELD-9',
      name: '机房搬迁二期',
      role: 'pm',
      bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('rows never move: a change claiming another project for a stored row is project_mismatch', async () => {
    const { project, alice } = await setup();
    const other = await t.addProject('SH-02', { members: { alice: 'engineer' } });
    const create = assetChange(project.id, { name: 'db01' });
    await alice.push([create]);
    const move = makeChange({ projectId: other.id, table: 'assets', rowId: create.rowId, fields: { name: 'moved' } });
    const reply = await alice.push([move]);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', code: 'project_mismatch', retryable: false });
    expect(await t.row('assets', create.rowId)).toMatchObject({ name: 'db01', projectId: project.id });
    expect(await alice.pullAll(other.id)).toEqual([]);
  });

  it('a project the administrator registered under its device-made id takes the code and name pushed from the device', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const projectId = newId();
    // The project row is its manager's to write (shared/roles.ts): the device that made it is the manager's.
    await t.addProject('ADMIN-CODE', { id: projectId, name: '管理员登记的名字', members: { alice: 'pm' } });
    const alice = await t.login('alice');
    const reply = await alice.push([
      projectChange(projectId, { code: 'FIELD-3', name: '设备上的名字' }),
      assetChange(projectId),
    ]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await alice.projects()).body.projects).toEqual([
      {
        id: projectId,
        code: 'FIELD-3',
        name: '设备上的名字',
        role: 'pm',
        bundleKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });
});
