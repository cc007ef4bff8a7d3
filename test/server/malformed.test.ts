import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES, MAX_PUSH_CHANGES } from '../../shared/sync/protocol';
import { assetChange, startTestServer, testDialects, type TestServer } from './helpers/test-server';

const dialects = await testDialects();

describe.each(dialects)('malformed and oversized requests (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('every endpoint answers bad input with 4xx {error, message} and stores nothing', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('M-1', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    await alice.push([assetChange(project.id, { name: 'existing' })]);
    const before = await t.counts();

    const valid = () => assetChange(project.id, { name: 'new' });
    const huge = Array.from({ length: 300 }, () => assetChange(project.id, { name: 'x', notes: '长'.repeat(1500) }));
    const cases: Array<[string, () => Promise<{ status: number; body: unknown }>, number]> = [
      // POST /v1/sync/push
      [
        'push: not JSON',
        () =>
          alice.call('POST', '/v1/sync/push', {
            body: '{"changes": [',
            headers: { 'content-type': 'application/json' },
          }),
        400,
      ],
      [
        'push: text/plain',
        () => alice.call('POST', '/v1/sync/push', { body: 'hello', headers: { 'content-type': 'text/plain' } }),
        415,
      ],
      ['push: no body', () => alice.call('POST', '/v1/sync/push'), 400],
      ['push: empty object', () => alice.call('POST', '/v1/sync/push', { json: {} }), 400],
      ['push: array body', () => alice.call('POST', '/v1/sync/push', { json: [valid()] }), 400],
      ['push: changes is a string', () => alice.call('POST', '/v1/sync/push', { json: { changes: 'x' } }), 400],
      ['push: no changes', () => alice.call('POST', '/v1/sync/push', { json: { changes: [] } }), 400],
      ['push: rowId not a uuid', () => alice.push([valid(), { ...valid(), rowId: 'row-1' }]), 400],
      ['push: bad hlc', () => alice.push([valid(), { ...valid(), hlc: 'yesterday' }]), 400],
      [
        'push: fields is an array',
        () => alice.call('POST', '/v1/sync/push', { json: { changes: [{ ...valid(), fields: [1, 2] }] } }),
        400,
      ],
      [
        'push: seq as string',
        () => alice.call('POST', '/v1/sync/push', { json: { changes: [valid()], seen: { [project.id]: 'x' } } }),
        400,
      ],
      [
        'push: seen keyed by non-uuid',
        () => alice.call('POST', '/v1/sync/push', { json: { changes: [valid()], seen: { nope: 1 } } }),
        400,
      ],
      [
        `push: ${MAX_PUSH_CHANGES + 1} changes`,
        () => alice.push(Array.from({ length: MAX_PUSH_CHANGES + 1 }, valid)),
        413,
      ],
      ['push: over 1 MB', () => alice.push(huge), 413],
      // GET /v1/sync/pull
      ['pull: no projectId', () => alice.call('GET', '/v1/sync/pull'), 400],
      ['pull: projectId not a uuid', () => alice.call('GET', '/v1/sync/pull?projectId=abc'), 400],
      ['pull: negative after', () => alice.call('GET', `/v1/sync/pull?projectId=${project.id}&after=-1`), 400],
      ['pull: after not a number', () => alice.call('GET', `/v1/sync/pull?projectId=${project.id}&after=abc`), 400],
      ['pull: fractional after', () => alice.call('GET', `/v1/sync/pull?projectId=${project.id}&after=1.5`), 400],
      ['pull: limit 0', () => alice.call('GET', `/v1/sync/pull?projectId=${project.id}&limit=0`), 400],
      ['pull: limit 1001', () => alice.call('GET', `/v1/sync/pull?projectId=${project.id}&limit=1001`), 400],
      // POST /v1/auth/login
      [
        'login: not JSON',
        () =>
          t
            .client()
            .call('POST', '/v1/auth/login', { body: 'user=alice', headers: { 'content-type': 'application/json' } }),
        400,
      ],
      [
        'login: form encoded',
        () =>
          t.client().call('POST', '/v1/auth/login', {
            body: 'user=alice',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
        415,
      ],
      ['login: no password', () => t.client().call('POST', '/v1/auth/login', { json: { username: 'alice' } }), 400],
      [
        'login: password a number',
        () => t.client().call('POST', '/v1/auth/login', { json: { username: 'alice', password: 12345678 } }),
        400,
      ],
      [
        'login: username too long',
        () => t.client().call('POST', '/v1/auth/login', { json: { username: 'a'.repeat(101), password: 'x' } }),
        400,
      ],
      [
        'login: huge body',
        () => t.client().call('POST', '/v1/auth/login', { json: { username: 'alice', password: 'x'.repeat(100_000) } }),
        413,
      ],
      // Anything else
      ['unknown endpoint', () => alice.call('GET', '/v1/nothing'), 404],
      ['wrong method', () => alice.call('DELETE', '/v1/projects'), 404],
    ];
    for (const [what, call, status] of cases) {
      const reply = await call();
      expect(reply.status, what).toBe(status);
      expect(reply.body, what).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect((reply.body as { message: string }).message.length, what).toBeGreaterThan(3);
    }
    const sessionsBefore = before.sessions;
    expect(await t.counts()).toEqual({ ...before, sessions: sessionsBefore });
    // The bodies really were what their names say.
    expect(new TextEncoder().encode(JSON.stringify({ changes: huge })).byteLength).toBeGreaterThan(MAX_PUSH_BYTES);
    expect((await alice.pullAll(project.id)).length).toBe(1);
  });

  it('a message tells which field of which change is wrong', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('M-2', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const reply = await alice.push([assetChange(project.id), { ...assetChange(project.id), rowId: 'nope' }]);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('changes.1.rowId') });
  });
});
