import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import {
  assetChange,
  DEVICE_A,
  hlcAt,
  projectChange,
  startTestServer,
  testDialects,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const NUL = '\u0000';

// PostgreSQL text refuses U+0000 (a 500 for the whole request) while SQLite stores it; the server
// must answer the same, a 4xx naming the text, on both.
describe.each(dialects)('a NUL character in text that goes into SQL (%s)', (dialect) => {
  let t: TestServer;
  afterEach(async () => {
    await t?.dispose();
  });

  it('in author, hlc or deviceId: the push is refused with 400 naming the field, nothing stored', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('NUL-1', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const before = await t.counts();
    const cases = {
      author: assetChange(project.id, { name: 'a' }, { author: `张${NUL}工` }),
      hlc: assetChange(project.id, { name: 'b' }, { hlc: hlcAt(`dev${NUL}ice`) }),
      deviceId: assetChange(project.id, { name: 'c' }, { deviceId: `dev${NUL}ice`, hlc: hlcAt(DEVICE_A) }),
    };
    for (const [field, change] of Object.entries(cases)) {
      const reply = await alice.push([change]);
      expect(reply.status, field).toBe(400);
      expect(reply.body, field).toMatchObject({
        error: 'bad_request',
        message: expect.stringContaining(`changes.0.${field}`),
      });
    }
    expect(await t.counts()).toEqual(before);
  });

  it('in a login username: 400, not a server error', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const reply = await t
      .client()
      .call('POST', '/v1/auth/login', { json: { username: `ali${NUL}ce`, password: 'whatever-1' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('NUL') });
  });

  it('in a project code or name (copied into the projects table): that change is rejected, the rest of the batch applied', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const alice = await t.login('alice');
    const fresh = newId();
    const named = projectChange(fresh, { code: `F${NUL}1` });
    const ok = assetChange(fresh, { name: 'after' });
    const reply = await alice.push([named, ok]);
    expect(reply.status).toBe(200);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      reason: expect.stringContaining('NUL'),
    });
    // Its project was never registered, so the asset has no project to go to.
    expect(reply.body.results[1]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.counts()).toMatchObject({ projects: 0, changes: 0 });
  });

  it('inside an ordinary field value: stored as escaped JSON text, and pulled back unchanged', async () => {
    t = await startTestServer(dialect);
    await t.addUser('alice');
    const project = await t.addProject('NUL-2', { members: { alice: 'engineer' } });
    const alice = await t.login('alice');
    const change = assetChange(project.id, { name: 'db01', notes: `pasted${NUL}output` });
    const reply = await alice.push([change]);
    expect(reply.body.results).toEqual([{ changeId: change.changeId, status: 'applied', seq: 1 }]);
    expect((await alice.pullAll(project.id))[0]!.fields).toEqual(change.fields);
  });
});
