import { describe, expect, it } from 'vitest';
import { resultId } from '../../shared/records/inspection';
import { RecordValidationError } from '../../renderer/data/repository';
import { openTestRepository, sampleProject } from './helpers/test-db';

const signature = [
  {
    sha256: 'a'.repeat(64),
    name: '签名.png',
    type: 'image/png',
    size: 100,
    caption: '',
    takenAt: '',
    width: 300,
    height: 120,
  },
];

async function inspectionSetup() {
  const { db, repo } = await openTestRepository();
  const project = await repo.createProject(sampleProject);
  const asset = await repo.create('assets', project.id, { name: 'web01' });
  const template = await repo.create('checklistTemplates', project.id, {
    name: 'Linux 服务器基线',
    familyId: 'linux',
    sections: [{ id: 'ssh', title: '远程登录' }],
    items: [
      { id: 'linux.ssh.permit-root', sectionId: 'ssh', title: '禁止 root 远程登录', kind: 'text', pattern: '^no$' },
    ],
  });
  const inspection = await repo.create('inspections', project.id, {
    assetId: asset.id,
    templateId: template.id,
    batch: '2026-02 一号机房',
  });
  return { db, repo, project, inspection };
}

describe('inspection results', () => {
  it('have an id derived from inspection and item, the same on every device', () => {
    const a = resultId('01a21c9c-e425-71b7-9a21-666495eacd60', 'linux.ssh.permit-root');
    expect(a).toBe(resultId('01a21c9c-e425-71b7-9a21-666495eacd60', 'linux.ssh.permit-root'));
    expect(a).not.toBe(resultId('01a21c9c-e425-71b7-9a21-666495eacd60', 'linux.disk.usage'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('are written by key: the first write records only its fields, later ones update', async () => {
    const { db, repo, project, inspection } = await inspectionSetup();
    const id = resultId(inspection.id, 'linux.ssh.permit-root');
    await repo.saveKeyed('inspectionResults', id, project.id, {
      inspectionId: inspection.id,
      itemId: 'linux.ssh.permit-root',
      value: 'yes',
      verdict: 'fail',
    });
    await repo.saveKeyed('inspectionResults', id, project.id, { remark: '已通知客户' });
    expect(await db.inspectionResults.count()).toBe(1);
    const changes = await db.changes.where({ table: 'inspectionResults', rowId: id }).sortBy('hlc');
    expect(changes.map((c) => c.fields)).toEqual([
      { inspectionId: inspection.id, itemId: 'linux.ssh.permit-root', value: 'yes', verdict: 'fail' },
      { remark: '已通知客户' },
    ]);
  });
});

describe('sign-off lock and reopening', () => {
  async function signed() {
    const setup = await inspectionSetup();
    const { repo, project, inspection } = setup;
    await repo.saveKeyed('inspectionResults', resultId(inspection.id, 'linux.ssh.permit-root'), project.id, {
      inspectionId: inspection.id,
      itemId: 'linux.ssh.permit-root',
      value: 'no',
      verdict: 'pass',
    });
    await expect(repo.update('inspections', inspection.id, { status: 'signed' })).rejects.toThrow(/客户签字人/);
    await repo.update('inspections', inspection.id, {
      status: 'signed',
      signerName: '王建国',
      signedAt: '2026-02-27',
      signature,
    });
    return setup;
  }

  it('a signed inspection refuses edits to itself and to its results', async () => {
    const { db, repo, project, inspection } = await signed();
    await expect(repo.update('inspections', inspection.id, { notes: '补充说明' })).rejects.toThrow(/已签字锁定/);
    const id = resultId(inspection.id, 'linux.ssh.permit-root');
    await expect(repo.saveKeyed('inspectionResults', id, project.id, { value: 'yes' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(
      repo.saveKeyed('inspectionResults', resultId(inspection.id, 'other'), project.id, {
        inspectionId: inspection.id,
        itemId: 'other',
        value: 'x',
      }),
    ).rejects.toThrow(/已签字锁定/);
    await expect(repo.remove('inspectionResults', id)).rejects.toThrow(/已签字锁定/);
    expect((await db.inspectionResults.get(id))!.value).toBe('no');
  });

  it('reopening needs a reason and is recorded in the history', async () => {
    const { db, repo, project, inspection } = await signed();
    const current = (await db.inspections.get(inspection.id))!;
    await expect(repo.update('inspections', inspection.id, { status: 'inProgress' })).rejects.toThrow(
      /填写原因重新打开/,
    );
    await expect(
      repo.update('inspections', inspection.id, {
        status: 'inProgress',
        reopenings: [{ reason: ' ', by: '', at: '' }],
      }),
    ).rejects.toThrow();
    await repo.update('inspections', inspection.id, {
      status: 'inProgress',
      reopenings: [...current.reopenings, { reason: '客户要求补拍照片', by: '张工', at: '2026-02-28 10:00' }],
    });
    await repo.saveKeyed('inspectionResults', resultId(inspection.id, 'linux.ssh.permit-root'), project.id, {
      remark: '补拍',
    });
    const history = await db.changes.where({ table: 'inspections', rowId: inspection.id }).sortBy('hlc');
    expect(history.at(-1)!.fields).toMatchObject({
      status: 'inProgress',
      reopenings: [expect.objectContaining({ reason: '客户要求补拍照片' })],
    });
  });
});
