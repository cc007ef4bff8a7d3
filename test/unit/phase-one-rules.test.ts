import { describe, expect, it } from 'vitest';
import { revisionPatch } from '../../shared/records/requirement';
import { riskLevel, riskScore } from '../../shared/records/risk';
import { defaultPriorityTargets, slaFields, slaRules } from '../../shared/records/sla';
import { RecordValidationError } from '../../renderer/data/repository';
import { openTestRepository, sampleProject } from './helpers/test-db';

describe('risk score and level', () => {
  it('score is likelihood × impact; levels follow the 5×5 bands', () => {
    const cases: Array<[string, string, number, string]> = [
      ['1', '1', 1, 'low'],
      ['2', '3', 6, 'low'],
      ['2', '4', 8, 'medium'],
      ['3', '4', 12, 'medium'],
      ['3', '5', 15, 'high'],
      ['5', '5', 25, 'high'],
    ];
    for (const [likelihood, impact, score, level] of cases) {
      expect(riskScore({ likelihood, impact } as never)).toBe(score);
      expect(riskLevel({ likelihood, impact } as never)).toBe(level);
    }
  });
});

describe('SLA validation', () => {
  const base = () => slaFields.parse({ priorities: defaultPriorityTargets() });

  it('accepts the typical targets on a 5x8 calendar', () => {
    expect(slaRules(base())).toEqual([]);
  });

  it('refuses a resolution target shorter than the response target', () => {
    const sla = base();
    sla.priorities[1] = { ...sla.priorities[1]!, responseMinutes: 60, resolutionMinutes: 30 };
    expect(slaRules(sla)).toContainEqual({ field: 'priorities', message: '第 2 行（P2）解决时限：不能短于响应时间' });
  });

  it('refuses a lower priority answering faster than a higher one, and duplicate levels', () => {
    const sla = base();
    sla.priorities[0] = { ...sla.priorities[0]!, responseMinutes: 60 };
    sla.priorities.push({ ...sla.priorities[3]! });
    const messages = slaRules(sla).map((i) => i.message);
    expect(messages).toContain('第 1 行（P1）响应时间：不应长于 P2');
    expect(messages).toContain('第 5 行（P4）级别重复：P4 已定义');
  });

  it('a 5x8 calendar needs working days and a day that ends after it starts', () => {
    const sla = slaFields.parse({ serviceHours: '5x8', workdays: [], dayStart: '18:00', dayEnd: '09:00' });
    const fields = slaRules(sla).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['workdays', 'dayEnd']));
    expect(slaFields.parse({}).workdays).toEqual(['1', '2', '3', '4', '5']);
  });

  it('a day cannot be both a holiday and an extra working day (调休)', () => {
    const sla = slaFields.parse({
      holidays: ['2026-10-01', '2026-10-02'],
      extraWorkdays: ['2026-10-02', '2026-10-11'],
    });
    expect(slaRules(sla)).toContainEqual({
      field: 'extraWorkdays',
      message: '同一天不能既是节假日又是调休上班日: 2026-10-02',
    });
    expect(() => slaFields.parse({ holidays: ['10/01'] })).toThrow();
  });

  it('7x24 needs no calendar; custom hours must be described', () => {
    expect(slaRules(slaFields.parse({ serviceHours: '7x24', workdays: [] }))).toEqual([]);
    expect(slaRules(slaFields.parse({ serviceHours: 'custom' }))).toContainEqual({
      field: 'customHours',
      message: '自定义服务时间请写明时段',
    });
  });
});

describe('requirement workflow and revisions', () => {
  async function confirmedRequirement() {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const item = await repo.create('requirements', project.id, {
      code: 'REQ-001',
      category: 'serviceLevel',
      statement: 'P1 故障 15 分钟内响应',
      acceptanceCriterion: '月度统计 P1 响应时间 ≤ 15 分钟的比例 ≥ 95%',
    });
    await repo.update('requirements', item.id, { status: 'pending' });
    await repo.update('requirements', item.id, {
      status: 'confirmed',
      confirmedBy: '王建国',
      confirmedAt: '2026-03-02',
    });
    return { db, repo, item: (await db.requirements.get(item.id))! };
  }

  it('moves draft → pending → confirmed, and refuses to skip a state', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const item = await repo.create('requirements', project.id, {
      code: 'REQ-002',
      statement: '每日巡检核心设备',
      acceptanceCriterion: '巡检日志每日一份',
    });
    await expect(
      repo.update('requirements', item.id, { status: 'confirmed', confirmedBy: '王建国', confirmedAt: '2026-03-02' }),
    ).rejects.toThrow(/不能从“草稿”直接改为“已确认”/);
    expect((await db.requirements.get(item.id))!.status).toBe('draft');
  });

  it('a pending or confirmed item needs a measurable acceptance criterion; confirmed needs who and when', async () => {
    const { repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const item = await repo.create('requirements', project.id, { code: 'REQ-003', statement: '提供备份服务' });
    await expect(repo.update('requirements', item.id, { status: 'pending' })).rejects.toThrow(/验收标准/);
    await repo.update('requirements', item.id, { acceptanceCriterion: '每日全备成功率 100%', status: 'pending' });
    await expect(repo.update('requirements', item.id, { status: 'confirmed' })).rejects.toThrow(/客户确认人和确认日期/);
  });

  it('a confirmed item cannot be edited silently', async () => {
    const { db, repo, item } = await confirmedRequirement();
    await expect(repo.update('requirements', item.id, { statement: 'P1 故障 30 分钟内响应' })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(repo.update('requirements', item.id, { statement: 'P1 故障 30 分钟内响应' })).rejects.toThrow(
      /请使用“变更”记录新版本/,
    );
    expect((await db.requirements.get(item.id))!.statement).toBe('P1 故障 15 分钟内响应');
  });

  it('changing a confirmed item records a new revision that keeps the confirmed one', async () => {
    const { db, repo, item } = await confirmedRequirement();
    await repo.update(
      'requirements',
      item.id,
      revisionPatch(item, { statement: 'P1 故障 30 分钟内响应' }, '客户调整值守安排', '2026-04-01'),
    );
    const revised = (await db.requirements.get(item.id))!;
    expect(revised).toMatchObject({
      status: 'changed',
      revision: 2,
      statement: 'P1 故障 30 分钟内响应',
      confirmedBy: '',
    });
    expect(revised.revisions).toEqual([
      expect.objectContaining({
        revision: 1,
        statement: 'P1 故障 15 分钟内响应',
        confirmedBy: '王建国',
        confirmedAt: '2026-03-02',
        reason: '客户调整值守安排',
      }),
    ]);
    await repo.update('requirements', item.id, {
      status: 'confirmed',
      confirmedBy: '王建国',
      confirmedAt: '2026-04-03',
    });
    // History holds both versions.
    const changes = await db.changes.where({ table: 'requirements', rowId: item.id }).toArray();
    expect(changes.some((c) => c.fields.statement === 'P1 故障 15 分钟内响应')).toBe(true);
    expect(changes.some((c) => c.fields.statement === 'P1 故障 30 分钟内响应')).toBe(true);
  });
});

describe('singleton records (SLA, charter, feasibility)', () => {
  it('live under the project id and record only the fields written first', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const sla = await repo.saveSingleton('sla', project.id, { serviceHours: '7x24' });
    expect(sla.id).toBe(project.id);
    const [created] = await db.changes.where({ table: 'sla', rowId: project.id }).toArray();
    expect(created!.fields).toEqual({ serviceHours: '7x24' });
    await repo.saveSingleton('sla', project.id, { priorities: defaultPriorityTargets() });
    expect(await db.sla.count()).toBe(1);
    expect((await db.sla.get(project.id))!.priorities).toHaveLength(4);
    await expect(repo.saveSingleton('sla', project.id, { dayStart: '25:00' })).rejects.toThrow(/不是有效的时间/);
  });
});
