import { describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/date-time';
import { preIssueCheck } from '../../shared/documents/consistency';
import { loadDemoProject } from '../../renderer/data/load-demo';
import { loadDocumentData } from '../../renderer/features/deliverables/load-document-data';
import { openTestRepository } from '../unit/helpers/test-db';
import { OPERATIONS_TODAY, richFixture } from './helpers/fixture';

const today = OPERATIONS_TODAY;
const base = richFixture();
/** A fresh copy of the rich fixture to seed one contradiction into. */
const richFixtureCopy = () => structuredClone(base);

function kindsOf(findings: ReturnType<typeof preIssueCheck>) {
  return findings.map((f) => f.kind);
}

describe('交付前检查 (pre-issue consistency check)', () => {
  it('finds nothing in the demo data export:sample issues from', () => {
    expect(preIssueCheck(richFixtureCopy().data, { today })).toEqual([]);
  });

  it('finds nothing in the demo project the app loads', async () => {
    const { db, repo } = await openTestRepository();
    const projectId = await loadDemoProject(repo);
    const data = await loadDocumentData(db, projectId);
    expect(preIssueCheck(data, { today: todayIn('Asia/Shanghai') })).toEqual([]);
  });

  it('a hotline in the 切换方案 that is not the charter’s', () => {
    const { data } = richFixtureCopy();
    data.charter!.communication = data.charter!.communication.map((c) =>
      c.kind === 'channel' ? { ...c, channel: '电话 400-000-0000' } : c,
    );
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['hotline']);
    expect(findings[0]!.message.zh).toContain('400-800-1234');
    expect(findings[0]!.message.zh).toContain('400-000-0000');
    expect(findings[0]!.route).toBe('cutover');
    expect(findings[0]!.documents).toContain('cutoverPlan');
  });

  it('a confirmed requirement’s target the SLA does not set (REQ-002 恢复达标率 ≥ 90%)', () => {
    const { data } = richFixtureCopy();
    data.sla!.indicators = data.sla!.indicators.filter((i) => i.measure !== 'resolutionRate');
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['requirementTarget']);
    expect(findings[0]!.message.zh).toContain('REQ-002');
    expect(findings[0]!.message.zh).toContain('90%');
    expect(findings[0]!.route).toBe('sla');
  });

  it('pilot indicators citing SLA targets the SLA does not set, or other figures', () => {
    const { data } = richFixtureCopy();
    const pilot = data.pilotRuns![0]!;
    pilot.indicators = [
      { indicator: '巡检按时完成率', target: '≥ 98%', observed: '100%', met: 'yes' },
      { indicator: 'P1 响应时间', target: '≤ 30 分钟', observed: '9 分钟', met: 'yes' },
    ];
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['pilotTarget', 'pilotTarget']);
    expect(findings[1]!.message.zh).toContain('≤ 15 分钟');
    expect(findings.every((f) => f.route === 'pilot')).toBe(true);
  });

  it('an SLA indicator whose deduction is only in words, or without a target', () => {
    const { data } = richFixtureCopy();
    data.sla!.indicators[0] = { ...data.sla!.indicators[0]!, deductionPercent: null };
    data.sla!.indicators[1] = { ...data.sla!.indicators[1]!, targetPercent: null };
    const findings = preIssueCheck(data, { today });
    // The requirement REQ-002 (≥ 90 %) then has no SLA target either.
    expect(kindsOf(findings).sort()).toEqual(['requirementTarget', 'slaIndicator', 'slaIndicator']);
  });

  it('a plan task set by hand against what the records prove', () => {
    const { data } = richFixtureCopy();
    const task = data.planTasks.find((t) => t.deliverable === '配置基线检查报告')!;
    Object.assign(task, { statusOverride: 'yes', status: 'notStarted', progress: 0, overrideReason: '客户尚未签收' });
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['planProgress']);
    expect(findings[0]!.message.zh).toContain('基线检查已签字');
    expect(findings[0]!.message.zh).toContain('客户尚未签收');
    expect(findings[0]!.route).toBe('plan');
  });

  it('a patrol anomaly with neither incident nor 未转故障 reason', () => {
    const { data } = richFixtureCopy();
    const entry = data.patrolEntries!.find((e) => Object.keys(e.noIncidentReasons).length > 0)!;
    const key = Object.keys(entry.noIncidentReasons)[0]!;
    entry.noIncidentReasons = {};
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['anomalyWithoutIncident']);
    expect(findings[0]!.route).toBe(`patrol?date=${entry.date}`);
    expect(findings[0]!.message.zh).toContain(key === 'net.interfaceErrors' ? '接口错包' : '');
  });

  it('a 严重 reading whose incident is gone, and a patrol incident linked to no anomaly', () => {
    const { data } = richFixtureCopy();
    const raised = data.incidents!.filter((i) => i.source === 'patrol' && i.title.includes('告警灯'));
    expect(raised.length).toBeGreaterThan(0);
    raised[0]!.deleted = true;
    const disk = data.incidents!.find((i) => i.title.includes('磁盘使用率'))!;
    disk.patrolEntryId = '';
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings).sort()).toEqual(['anomalyWithoutIncident', 'incidentWithoutAnomaly']);
    expect(findings.find((f) => f.kind === 'anomalyWithoutIncident')!.message.zh).toMatch(/告警灯 严重.*P[23] 故障/);
  });

  it('a change filed against the wrong asset, closed without who and when', () => {
    const { data } = richFixtureCopy();
    const change = data.changeRecords!.find((c) => c.title === '核心交换机固件升级')!;
    change.assetIds = [data.assets.find((a) => a.type === 'security')!.id];
    Object.assign(change, { implementer: '', reviewer: '', actualStart: '', actualEnd: '' });
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['changeAssets', 'changeRecord']);
    expect(findings[1]!.message.zh).toContain('实施人、复核人、实际开始时间、实际结束时间');
    expect(findings.every((f) => f.route === 'changes')).toBe(true);
  });

  it('rectifications whose status and re-check contradict each other (the report would count them one way and print them another)', () => {
    const { data } = richFixtureCopy();
    const verified = data.rectifications!.filter((r) => r.status === 'verified' && r.recheckVerdict === 'pass');
    const notVerified = data.rectifications!.filter((r) => r.status !== 'verified');
    expect(verified.length).toBeGreaterThan(0);
    expect(notVerified.length).toBeGreaterThan(0);
    verified[0]!.recheckVerdict = 'fail';
    notVerified[0]!.recheckVerdict = 'pass';
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['baselineCounts', 'baselineCounts']);
    expect(findings.map((f) => f.message.zh).join('\n')).toMatch(/整改状态为“已复查”，但复查结论为不合格/);
    expect(findings.map((f) => f.message.zh).join('\n')).toMatch(
      /已记录复查合格，但整改状态仍为“(待整改|整改中|已整改)”/,
    );
    expect(findings.every((f) => f.route === 'nonconformities' && f.documents.includes('baselineReport'))).toBe(true);
  });

  it('a reference to a chapter that is something else', () => {
    const { data } = richFixtureCopy();
    const session = data.trainingSessions!.find((s) => s.topic.includes('多路径'))!;
    session.followUp = '将演练步骤整理为《运维操作手册》第 6 章，3 月 10 日前提交客户审阅。';
    const findings = preIssueCheck(data, { today });
    expect(kindsOf(findings)).toEqual(['crossReference']);
    expect(findings[0]!.message.zh).toContain('「变更操作」');
    expect(findings[0]!.route).toBe('training');
  });

  it('lists only the findings of the documents asked for', () => {
    const { data } = richFixtureCopy();
    data.charter!.communication = data.charter!.communication.map((c) =>
      c.kind === 'channel' ? { ...c, channel: '电话 400-000-0000' } : c,
    );
    expect(preIssueCheck(data, { today, documents: ['patrolLog'] })).toEqual([]);
    expect(preIssueCheck(data, { today, documents: ['cutoverPlan'] })).toHaveLength(1);
  });
});
