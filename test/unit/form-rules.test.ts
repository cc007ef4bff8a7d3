import { describe, expect, it } from 'vitest';
import {
  changeRecordFields,
  changeRecordRules,
  incidentFields,
  incidentRules,
  patrolPlanFields,
  patrolPlanRules,
} from '../../shared/records/operations';
import { defaultPriorityTargets } from '../../shared/records/sla';
import { RecordValidationError } from '../../renderer/data/repository';
import { openTestRepository, sampleProject } from './helpers/test-db';

const assetId = '01936f3e-1c2a-7b3d-8e4f-5a6b7c8d9e0f';

async function refusal(write: Promise<unknown>): Promise<RecordValidationError> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordValidationError);
  return error as RecordValidationError;
}

describe('a patrol plan patrols at least one asset', () => {
  it('refuses a plan of no assets, on the asset field, in Chinese', () => {
    expect(patrolPlanRules(patrolPlanFields.parse({ name: '日巡检' }))).toEqual([
      { field: 'assetIds', message: '请至少选择一个巡检对象' },
    ]);
    expect(patrolPlanRules(patrolPlanFields.parse({ name: '日巡检', assetIds: [assetId] }))).toEqual([]);
  });

  it('the repository stores nothing for such a plan', async () => {
    const { repo, db } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const error = await refusal(repo.create('patrolPlans', project.id, { name: '日巡检', assetIds: [] }));
    expect(error.issues).toEqual([{ field: 'assetIds', message: '请至少选择一个巡检对象' }]);
    expect(await db.patrolPlans.count()).toBe(0);
  });
});

describe('a change window ends after it starts', () => {
  it('refuses an end before the start, accepts equal or later, and an open window', () => {
    const change = (windowStart: string, windowEnd: string) =>
      changeRecordFields.parse({ title: '扩容', windowStart, windowEnd });
    expect(changeRecordRules(change('2026-11-20T22:00', '2026-11-20T21:00'))).toEqual([
      { field: 'windowEnd', message: '计划结束时间不能早于开始时间' },
    ]);
    expect(changeRecordRules(change('2026-11-20T22:00', '2026-11-20T22:00'))).toEqual([]);
    expect(changeRecordRules(change('2026-11-20T22:00', '2026-11-21T01:00'))).toEqual([]);
    expect(changeRecordRules(change('2026-11-20T22:00', ''))).toEqual([]);
  });

  it('the repository refuses such a change', async () => {
    const { repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const created = await repo.create('changeRecords', project.id, { title: '扩容', windowStart: '2026-11-20T22:00' });
    const error = await refusal(repo.update('changeRecords', created.id, { windowEnd: '2026-11-19T23:00' }));
    expect(error.issues).toEqual([{ field: 'windowEnd', message: '计划结束时间不能早于开始时间' }]);
  });
});

describe('an incident is closed only with its root cause and fix', () => {
  const incident = (patch: object) =>
    incidentFields.parse({
      title: '核心交换机端口闪断',
      reportedAt: '2026-11-20T09:00',
      acknowledgedAt: '2026-11-20T09:05',
      resolvedAt: '2026-11-20T10:00',
      ...patch,
    });

  it('refuses 已关闭 without 根本原因 or 解决措施, naming each', () => {
    expect(incidentRules(incident({ status: 'closed' }))).toEqual([
      { field: 'resolution', message: '关闭故障前请填写解决措施' },
      { field: 'rootCause', message: '关闭故障前请填写根本原因' },
    ]);
    expect(incidentRules(incident({ status: 'closed', rootCause: '光模块老化', resolution: '   ' }))).toEqual([
      { field: 'resolution', message: '关闭故障前请填写解决措施' },
    ]);
    expect(incidentRules(incident({ status: 'closed', rootCause: '光模块老化', resolution: '更换光模块' }))).toEqual(
      [],
    );
  });

  it('恢复 (resolved) still stamps the clock before the report is written', () => {
    expect(incidentRules(incident({ status: 'resolved' }))).toEqual([]);
  });
});

describe('a bad value in a table names its row', () => {
  it('第 2 行（P2）响应时间：…, on the field of the table', async () => {
    const { repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const priorities = defaultPriorityTargets();
    priorities[1] = { ...priorities[1]!, responseMinutes: 0 };
    const error = await refusal(repo.saveSingleton('sla', project.id, { priorities }));
    expect(error.issues).toEqual([{ field: 'priorities', message: '第 2 行（P2）响应时间：不能小于 1' }]);
  });

  it('a field outside a table keeps its label', async () => {
    const { repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const error = await refusal(repo.saveSingleton('sla', project.id, { dayStart: '25:00' }));
    expect(error.issues.map((i) => i.message)).toEqual(['每日开始不是有效的时间 (HH:mm)']);
  });
});
