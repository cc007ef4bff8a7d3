import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/change-log';
import { newId } from '../../shared/ids';
import type { MemberRole } from '../../shared/roles';
import {
  makeChange,
  projectChange,
  startTestServer,
  testDialects,
  type TestClient,
  type TestServer,
} from './helpers/test-server';

const dialects = await testDialects();
const roles = [
  'pm',
  'techLead',
  'engineer',
  'expert',
  'customerContact',
  'observer',
] as const satisfies readonly MemberRole[];
type Role = (typeof roles)[number];

/**
 * The expected answer of every role × action, written out here as the product decision it is
 * (not derived from shared/roles.ts, which the server runs): Y applied, n refused.
 *                                         pm  tech eng exp cust obs
 */
const expected: Record<string, string> = {
  'create work record (asset)': 'Y   Y    Y   Y   n    n',
  'create management record (stakeholder)': 'Y Y    n   n   n    n',
  'create incident (report a fault)': 'Y   Y    Y   Y   Y    n',
  'update work record (asset)': 'Y   Y    Y   Y   n    n',
  'update management record (SLA)': 'Y   Y    n   n   n    n',
  'update the project row (customer)': 'Y   n    n   n   n    n',
  'delete work record (asset)': 'Y   Y    Y   Y   n    n',
  'delete management record (stakeholder)': 'Y Y    n   n   n    n',
  'confirm a requirement': 'Y   Y    n   n   Y    n',
  'sign an inspection': 'Y   Y    Y   Y   Y    n',
  'reopen a signed inspection': 'Y   Y    Y   Y   Y    n',
  'sign an issued document': 'Y   Y    Y   Y   Y    n',
  'approve a change': 'Y   Y    n   Y   Y    n',
  'manage members: team record': 'Y   n    n   n   n    n',
  'manage members: add a server member': 'Y   n    n   n   n    n',
  'manage members: change a role': 'Y   n    n   n   n    n',
  'manage members: remove a member': 'Y   n    n   n   n    n',
  'rename the project': 'Y   n    n   n   n    n',
};
const allowed = (action: string, role: Role) => expected[action]!.trim().split(/\s+/)[roles.indexOf(role)] === 'Y';

describe.each(dialects)('roles the server enforces (%s)', (dialect) => {
  let t: TestServer;
  let projectId: string;
  const clients = {} as Record<Role, TestClient>;
  /** Per role, rows of its own (so one role's delete or signature never changes another's case). */
  const own = {} as Record<
    Role,
    Record<
      | 'asset'
      | 'assetToDelete'
      | 'stakeholder'
      | 'requirement'
      | 'inspection'
      | 'signedInspection'
      | 'document'
      | 'change',
      string
    >
  >;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    for (const role of roles) await t.addUser(role);
    for (const role of roles) await t.addUser(`spare-${role}`);
    await t.addUser('member-to-change');
    const project = await t.addProject('ROLE-1', { members: Object.fromEntries(roles.map((r) => [r, r])) });
    projectId = project.id;
    for (const role of roles) clients[role] = await t.login(role);
    for (const role of roles) await t.addMember(projectId, `spare-${role}`, 'engineer');

    // The project manager sets the project up: its row, the SLA, and each role's own rows.
    const setup: Change[] = [
      projectChange(projectId, { code: 'ROLE-1', name: '角色测试项目' }),
      makeChange({ projectId, table: 'sla', rowId: projectId, fields: { serviceHours: '5x8' } }),
    ];
    for (const role of roles) {
      const ids = {
        asset: newId(),
        assetToDelete: newId(),
        stakeholder: newId(),
        requirement: newId(),
        inspection: newId(),
        signedInspection: newId(),
        document: newId(),
        change: newId(),
      };
      own[role] = ids;
      setup.push(
        makeChange({ projectId, table: 'assets', rowId: ids.asset, fields: { name: `${role}-db01` } }),
        makeChange({ projectId, table: 'assets', rowId: ids.assetToDelete, fields: { name: `${role}-old` } }),
        makeChange({ projectId, table: 'stakeholders', rowId: ids.stakeholder, fields: { name: `${role} 干系人` } }),
        makeChange({
          projectId,
          table: 'requirements',
          rowId: ids.requirement,
          fields: { code: `R-${role}`, statement: '可用性 99.9%', acceptanceCriterion: '月度报表', status: 'pending' },
        }),
        makeChange({ projectId, table: 'inspections', rowId: ids.inspection, fields: { batch: `${role} 第一批` } }),
        makeChange({
          projectId,
          table: 'inspections',
          rowId: ids.signedInspection,
          fields: { batch: `${role} 已签`, status: 'signed', signerName: '王经理', signedAt: '2026-12-01' },
        }),
        makeChange({
          projectId,
          table: 'documentExports',
          rowId: ids.document,
          fields: {
            docType: 'projectCharter',
            version: 1,
            exportedBy: '张工',
            exportedAt: '2026-12-01 10:00',
            status: 'submitted',
          },
        }),
        makeChange({
          projectId,
          table: 'changeRecords',
          rowId: ids.change,
          fields: { title: `${role} 扩容`, state: 'approval' },
        }),
      );
    }
    const reply = await clients.pm.push(setup);
    expect(reply.body.results.filter((r) => r.status !== 'applied')).toEqual([]);
  }, 60_000);
  afterAll(async () => t?.dispose());

  /** One change by `role`; true when applied, false when refused as forbidden with a reason naming the role. */
  async function pushAs(role: Role, change: Change): Promise<boolean> {
    const reply = await clients[role].push([change]);
    expect(reply.status).toBe(200);
    const [result] = reply.body.results;
    if (result!.status === 'rejected') {
      expect(result).toMatchObject({ code: 'forbidden', retryable: false });
      expect(result!.status === 'rejected' && result!.reason).toMatch(/你在该项目中的角色是“.+”，不能/);
      return false;
    }
    expect(result!.status).toBe('applied');
    return true;
  }

  const cases: Record<string, (role: Role) => Promise<boolean>> = {
    'create work record (asset)': (role) =>
      pushAs(role, makeChange({ projectId, table: 'assets', fields: { name: `${role}-new` } })),
    'create management record (stakeholder)': (role) =>
      pushAs(role, makeChange({ projectId, table: 'stakeholders', fields: { name: `${role} 新干系人` } })),
    'create incident (report a fault)': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'incidents', fields: { title: `${role} 报障：核心交换机端口闪断` } }),
      ),
    'update work record (asset)': (role) =>
      pushAs(role, makeChange({ projectId, table: 'assets', rowId: own[role].asset, fields: { rack: 'B-07' } })),
    'update management record (SLA)': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'sla', rowId: projectId, fields: { penalties: `${role} 改的罚则` } }),
      ),
    'update the project row (customer)': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'projects', rowId: projectId, fields: { customer: `${role} 客户` } }),
      ),
    'delete work record (asset)': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'assets', rowId: own[role].assetToDelete, fields: { deleted: true } }),
      ),
    'delete management record (stakeholder)': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'stakeholders', rowId: own[role].stakeholder, fields: { deleted: true } }),
      ),
    'confirm a requirement': (role) =>
      pushAs(
        role,
        makeChange({
          projectId,
          table: 'requirements',
          rowId: own[role].requirement,
          fields: { status: 'confirmed', confirmedBy: '王经理', confirmedAt: '2026-12-02' },
        }),
      ),
    'sign an inspection': (role) =>
      pushAs(
        role,
        makeChange({
          projectId,
          table: 'inspections',
          rowId: own[role].inspection,
          fields: { status: 'signed', signerName: '王经理', signedAt: '2026-12-02' },
        }),
      ),
    'reopen a signed inspection': (role) =>
      pushAs(
        role,
        makeChange({
          projectId,
          table: 'inspections',
          rowId: own[role].signedInspection,
          fields: { status: 'inProgress', reopenings: [{ reason: '补测', by: role, at: '2026-12-02 10:00' }] },
        }),
      ),
    'sign an issued document': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'documentExports', rowId: own[role].document, fields: { status: 'signed' } }),
      ),
    'approve a change': (role) =>
      pushAs(
        role,
        makeChange({
          projectId,
          table: 'changeRecords',
          rowId: own[role].change,
          fields: { approver: '王经理', approvalDecision: 'approved', approvedAt: '2026-12-02T10:00' },
        }),
      ),
    'manage members: team record': (role) =>
      pushAs(role, makeChange({ projectId, table: 'members', fields: { name: `${role} 加的人`, role: 'engineer' } })),
    'manage members: add a server member': async (role) => {
      const reply = await clients[role].call('PUT', `/v1/projects/${projectId}/members/member-to-change`, {
        json: { role: 'engineer' },
      });
      return answered(reply, 200);
    },
    'manage members: change a role': async (role) => {
      const reply = await clients[role].call('PUT', `/v1/projects/${projectId}/members/spare-${role}`, {
        json: { role: 'expert' },
      });
      return answered(reply, 200);
    },
    'manage members: remove a member': async (role) => {
      const reply = await clients[role].call('DELETE', `/v1/projects/${projectId}/members/spare-${role}`);
      return answered(reply, 204);
    },
    'rename the project': (role) =>
      pushAs(
        role,
        makeChange({ projectId, table: 'projects', rowId: projectId, fields: { name: `${role} 改的名字` } }),
      ),
  };

  function answered(reply: { status: number; body: unknown }, ok: number): boolean {
    if (reply.status === ok) return true;
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: 'forbidden', message: expect.stringContaining('项目经理') });
    return false;
  }

  it('every role × action is applied or refused exactly as the role table says', async () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(expected).sort());
    const seen: Record<string, string> = {};
    // Least rights first: the project manager's rename and member changes come last.
    for (const action of Object.keys(expected)) {
      const row: string[] = [];
      for (const role of [...roles].reverse()) row.unshift((await cases[action]!(role)) ? 'Y' : 'n');
      seen[action] = row.join(' ');
    }
    const want = Object.fromEntries(
      Object.keys(expected).map((action) => [action, roles.map((r) => (allowed(action, r) ? 'Y' : 'n')).join(' ')]),
    );
    expect(seen).toEqual(want);

    // What was refused left nothing on the server; what was applied is there.
    expect(await t.row('assets', own.customerContact.asset)).not.toHaveProperty('rack');
    expect(await t.row('assets', own.engineer.asset)).toMatchObject({ rack: 'B-07' });
    expect(await t.row('requirements', own.engineer.requirement)).toMatchObject({ status: 'pending' });
    expect(await t.row('requirements', own.customerContact.requirement)).toMatchObject({
      status: 'confirmed',
      confirmedBy: '王经理',
    });
    expect(await t.row('projects', projectId)).toMatchObject({ name: 'pm 改的名字', customer: 'pm 客户' });
    const code = await t.store.db
      .selectFrom('projects')
      .select(['name', 'code'])
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(code).toEqual({ name: 'pm 改的名字', code: 'ROLE-1' });
  });

  it('a refused change never holds back the rest of the batch', async () => {
    const refused = makeChange({ projectId, table: 'sla', rowId: projectId, fields: { penalties: '工程师改的罚则' } });
    const fine = makeChange({ projectId, table: 'assets', fields: { name: 'eng-after-refusal' } });
    const reply = await clients.engineer.push([refused, fine]);
    expect(reply.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'forbidden',
      'applied',
    ]);
    const [first] = reply.body.results;
    expect(first!.status === 'rejected' && first!.reason).toContain('一线工程师');
    expect(first!.status === 'rejected' && first!.reason).toContain('服务级别协议');
    // Pushing it again is refused again, the same way (not retryable; the device keeps it aside).
    expect((await clients.engineer.push([refused])).body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      retryable: false,
    });
  });

  it('an observer reads everything and writes nothing; a role the project manager changes holds at once', async () => {
    const pulled = await clients.observer.pullAll(projectId);
    expect(pulled.length).toBeGreaterThan(roles.length * 8);
    const asset = makeChange({ projectId, table: 'assets', fields: { name: 'obs-asset' } });
    expect((await clients.observer.push([asset])).body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect(
      (await clients.pm.call('PUT', `/v1/projects/${projectId}/members/observer`, { json: { role: 'engineer' } }))
        .status,
    ).toBe(200);
    expect((await clients.observer.push([asset])).body.results[0]).toMatchObject({ status: 'applied' });
    expect(
      (await clients.pm.call('PUT', `/v1/projects/${projectId}/members/observer`, { json: { role: 'observer' } }))
        .status,
    ).toBe(200);
    expect((await clients.observer.projects()).body.projects).toEqual([
      expect.objectContaining({ id: projectId, role: 'observer' }),
    ]);
  });
});

describe.each(dialects)('attachment uploads by role (%s)', (dialect) => {
  let t: TestServer;
  afterAll(async () => t?.dispose());

  /**
   * Who may upload an attachment's bytes, written out as the product decision: a role that may
   * create or edit some record carrying attachments (a customer contact reports an incident with
   * its screenshots and signs inspections), never an observer.
   */
  const mayUpload: Record<Role, boolean> = {
    pm: true,
    techLead: true,
    engineer: true,
    expert: true,
    customerContact: true,
    observer: false,
  };

  it('PUT /v1/blobs is refused with 403 and a reason naming the role when the role may attach nothing; HEAD stays open to members', async () => {
    t = await startTestServer(dialect);
    for (const role of roles) await t.addUser(role);
    const project = await t.addProject('BLOB-ROLE', { members: Object.fromEntries(roles.map((r) => [r, r])) });
    const seen: Record<string, boolean> = {};
    for (const role of roles) {
      const client = await t.login(role);
      const bytes = new TextEncoder().encode(`${role} 的现场照片`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const reply = await client.putBlob(sha256, project.id, 0, bytes.byteLength, bytes);
      seen[role] = reply.status === 200;
      if (reply.status !== 200) {
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({
          error: 'forbidden',
          role,
          message: expect.stringMatching(
            /^你在该项目中的角色是“观察者”，不能上传附件 \/ an observer may not upload attachments/,
          ),
        });
        // Nothing of it was kept, and asking whether it is there is still a member's right.
        expect((await client.headBlob(sha256, project.id)).status).toBe(404);
      }
    }
    expect(seen).toEqual(mayUpload);
    expect(await t.counts()).toMatchObject({ blobs: roles.length - 1 });
  });

  it('a role changed to observer is refused at once, and allowed again when changed back', async () => {
    await t.addUser('zhou');
    const project = await t.addProject('BLOB-ROLE-2', { members: { pm: 'pm', zhou: 'engineer' } });
    const [pm, zhou] = [await t.login('pm'), await t.login('zhou')];
    const bytes = new TextEncoder().encode('机柜背面照片');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(
      (await pm.call('PUT', `/v1/projects/${project.id}/members/zhou`, { json: { role: 'observer' } })).status,
    ).toBe(200);
    expect((await zhou.putBlob(sha256, project.id, 0, bytes.byteLength, bytes)).status).toBe(403);
    expect(
      (await pm.call('PUT', `/v1/projects/${project.id}/members/zhou`, { json: { role: 'engineer' } })).status,
    ).toBe(200);
    expect((await zhou.putBlob(sha256, project.id, 0, bytes.byteLength, bytes)).body).toMatchObject({ complete: true });
  });
});

describe.each(dialects)('members managed through the server (%s)', (dialect) => {
  let t: TestServer;
  afterAll(async () => t?.dispose());

  it('lists members to members, adds an existing user, changes a role, removes; keeps one project manager', async () => {
    t = await startTestServer(dialect);
    for (const name of ['zhang', 'li', 'wang', 'outsider']) await t.addUser(name, undefined, `${name} 工`);
    const project = await t.addProject('MEM-1', { members: { zhang: 'pm', li: 'engineer' } });
    const [zhang, li, outsider] = [await t.login('zhang'), await t.login('li'), await t.login('outsider')];
    const base = `/v1/projects/${project.id}/members`;

    expect((await outsider.call('GET', base)).status).toBe(403);
    const listed = await li.call<{ members: unknown[] }>('GET', base);
    expect(listed.body.members).toEqual([
      { userId: expect.any(String), username: 'li', displayName: 'li 工', role: 'engineer' },
      { userId: expect.any(String), username: 'zhang', displayName: 'zhang 工', role: 'pm' },
    ]);

    // Add an existing user; an unknown one is named; a bad role or username is a 400.
    expect((await zhang.call('PUT', `${base}/WANG`, { json: { role: 'customerContact' } })).body).toMatchObject({
      member: { username: 'wang', role: 'customerContact' },
    });
    expect(await zhang.call('PUT', `${base}/nobody`, { json: { role: 'engineer' } })).toMatchObject({
      status: 404,
      body: { error: 'user_not_found' },
    });
    expect((await zhang.call('PUT', `${base}/li`, { json: { role: 'boss' } })).status).toBe(400);
    expect((await zhang.call('PUT', `${base}/li%00x`, { json: { role: 'engineer' } })).status).toBe(400);
    expect((await outsider.call('PUT', `${base}/outsider`, { json: { role: 'pm' } })).status).toBe(403);
    expect((await (await t.login('wang')).projects()).body.projects).toEqual([
      expect.objectContaining({ id: project.id, role: 'customerContact' }),
    ]);

    // The last project manager can neither leave nor be demoted; with a second one both can.
    expect(await zhang.call('PUT', `${base}/zhang`, { json: { role: 'engineer' } })).toMatchObject({
      status: 409,
      body: { error: 'last_manager' },
    });
    expect(await zhang.call('DELETE', `${base}/zhang`)).toMatchObject({ status: 409, body: { error: 'last_manager' } });
    expect((await zhang.call('PUT', `${base}/li`, { json: { role: 'pm' } })).status).toBe(200);
    expect((await zhang.call('PUT', `${base}/zhang`, { json: { role: 'techLead' } })).status).toBe(200);
    // zhang is no longer a project manager: he may not manage members any more.
    expect((await zhang.call('DELETE', `${base}/wang`)).status).toBe(403);
    expect((await li.call('DELETE', `${base}/wang`)).status).toBe(204);
    expect(await li.call('DELETE', `${base}/wang`)).toMatchObject({ status: 404, body: { error: 'not_member' } });
    expect((await (await t.login('wang')).projects()).body.projects).toEqual([]);
    const after = await li.call<{ members: Array<{ username: string; role: string }> }>('GET', base);
    expect(after.body.members.map((m) => `${m.username}:${m.role}`)).toEqual(['li:pm', 'zhang:techLead']);
  });
});
