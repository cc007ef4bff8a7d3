import { describe, expect, it } from 'vitest';
import { documentType, type ProjectDocumentData } from '../../shared/documents';
import { type PhaseOneData, phaseOneReadiness } from '../../shared/readiness/phase-one';
import { feasibilityFields } from '../../shared/records/feasibility';
import { emptyFixture, richFixture } from '../documents/helpers/fixture';
import { zh } from './helpers/gaps';

/**
 * 阶段准备情况 and 交付文档 read one set of rules: for every deliverable of phase 一, the
 * overview's document checks are all ticked exactly when 交付文档 finds nothing missing, and it
 * lists the same gaps.
 */

const TODAY = '2026-01-20';

function phaseOne(data: ProjectDocumentData): PhaseOneData {
  return { ...data, assetCount: data.assets.filter((a) => !a.deleted).length };
}

function expectAgreement(data: ProjectDocumentData) {
  for (const item of phaseOneReadiness(phaseOne(data), TODAY)) {
    const missing = zh(documentType(item.documentKey)!.missing(data));
    expect(zh(item.missing), item.documentKey).toEqual(missing);
    const documentChecks = item.checks.filter((c) => c.ofDocument);
    expect(
      documentChecks.every((c) => c.ok),
      `${item.documentKey}: ${documentChecks
        .filter((c) => !c.ok)
        .map((c) => c.label.zh)
        .join('、')} vs ${missing.join('、')}`,
    ).toBe(missing.length === 0);
  }
}

const conclusionsCheck = (data: ProjectDocumentData) =>
  phaseOneReadiness(phaseOne(data), TODAY)
    .find((item) => item.documentKey === 'feasibilityReport')!
    .checks.find((c) => c.label.zh === '技术、团队、资源均已给出结论')!;

describe('阶段准备情况 and 交付文档 agree', () => {
  it('a feasibility assessed in words whose conclusions are all 未评估: neither ticks the conclusions, both count 缺 5 项', () => {
    const rich = richFixture().data;
    const feasibility = feasibilityFields.parse({
      technicalPath: '沿用现有 Zabbix 监控体系，补充应用层探针',
      teamCapability: '项目组 3 人均持 RHCE 证书',
      resourceEstimate: '驻场 2 人，二线支持 1 人',
    });
    const data = { ...rich, feasibility };
    expect(feasibility.technicalConclusion).toBe('unassessed');
    expect(conclusionsCheck(data).ok).toBe(false);
    const item = phaseOneReadiness(phaseOne(data), TODAY).find((i) => i.documentKey === 'feasibilityReport')!;
    expect(zh(item.missing)).toEqual([
      '环境复杂性与兼容性未填写',
      '技术实现路径未给出结论',
      '团队能力匹配度未给出结论',
      '资源投入估算未给出结论',
      '未给出总体结论',
    ]);
    expectAgreement(data);
  });

  it('a feasibility row stored before its conclusions were written (no conclusion fields at all) reads as 未评估 on both pages', () => {
    const rich = richFixture().data;
    const partial = {
      technicalPath: '沿用现有监控',
      teamCapability: '满足',
      resourceEstimate: '2 人',
      environmentRisks: '老旧 AIX 主机',
    } as ProjectDocumentData['feasibility'];
    const data = { ...rich, feasibility: partial };
    expect(conclusionsCheck(data).ok).toBe(false);
    expect(zh(documentType('feasibilityReport')!.missing(data))).toEqual([
      '技术实现路径未给出结论',
      '团队能力匹配度未给出结论',
      '资源投入估算未给出结论',
      '未给出总体结论',
    ]);
    expectAgreement(data);
  });

  it('conclusions given but the analysis not written: the overview does not tick what the report still lacks', () => {
    const rich = richFixture().data;
    const data = {
      ...rich,
      feasibility: feasibilityFields.parse({
        technicalConclusion: 'feasible',
        teamConclusion: 'feasible',
        resourceConclusion: 'conditional',
        overallConclusion: 'feasible',
      }),
    };
    expect(conclusionsCheck(data).ok).toBe(true);
    expectAgreement(data);
  });

  it('for a project with nothing recorded, a complete one, and each complete one with one record taken away', () => {
    expectAgreement(emptyFixture());
    const rich = richFixture().data;
    expectAgreement(rich);
    for (const key of [
      'surveySessions',
      'assets',
      'requirements',
      'risks',
      'members',
      'planTasks',
      'milestones',
    ] as const)
      expectAgreement({ ...rich, [key]: [] });
    for (const key of ['feasibility', 'sla', 'charter'] as const) expectAgreement({ ...rich, [key]: null });
    expectAgreement({ ...rich, project: { ...rich.project, description: '' } });
    expectAgreement({
      ...rich,
      requirements: rich.requirements.map((r) => ({ ...r, status: 'draft' as const, acceptanceCriterion: '' })),
    });
    expectAgreement({ ...rich, sla: { ...rich.sla!, priorities: rich.sla!.priorities.slice(1), signatories: [] } });
    expectAgreement({ ...rich, charter: { ...rich.charter!, background: '', communication: [] } });
    expectAgreement({ ...rich, planTasks: rich.planTasks.map((t) => ({ ...t, start: '' })) });
  });
});
