/**
 * Targets come from the 服务级别协议: a confirmed service-level requirement's percentage
 * (REQ-002 "恢复达标率 ≥ 90%") must be a target the SLA sets, a pilot indicator cites the SLA's
 * target or none, and an SLA indicator that a report computes has its target (and the deduction
 * its consequence names) as figures.
 */
import { indicatorMeasures } from '../../records/sla';
import { live, type ProjectDocumentData } from '../data';
import { findSlaTarget, slaTargets } from '../parts/sla-targets';
import type { ConsistencyFinding } from './finding';

/** "恢复达标率 ≥ 90%" → [{ label: '恢复达标率', percent: 90 }]. */
export function percentTargets(text: string): Array<{ label: string; percent: number }> {
  return [...text.matchAll(/([^\s，,；;。、]{0,12}?)\s*(?:≥|>=|不低于|不少于)\s*(\d+(?:\.\d+)?)\s*[%％]/g)].map(
    (m) => ({ label: m[1] ?? '', percent: Number(m[2]) }),
  );
}

const squash = (text: string) => text.replace(/\s+/g, '');

export function targetFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  const sla = data.sla;
  const percents = new Set(slaTargets(sla).flatMap((t) => (t.percent === null ? [] : [t.percent])));
  for (const r of live(data.requirements)) {
    if (r.category !== 'serviceLevel' || r.status !== 'confirmed') continue;
    for (const target of percentTargets(r.acceptanceCriterion)) {
      if (percents.has(target.percent)) continue;
      findings.push({
        kind: 'requirementTarget',
        message: {
          zh: `需求 ${r.code} 的验收标准“${target.label} ≥ ${target.percent}%”在服务级别协议中没有对应的考核指标`,
          en: `Requirement ${r.code} asks for "${target.label} ≥ ${target.percent}%", which no SLA indicator sets`,
        },
        documents: ['serviceLevelAgreement', 'requirementsSpec', 'patrolMonthlyReport'],
        route: 'sla',
      });
    }
  }
  for (const pilot of live(data.pilotRuns)) {
    for (const indicator of pilot.indicators) {
      const target = findSlaTarget(sla, indicator.indicator);
      if (target && indicator.target.trim() && target.target && squash(indicator.target) !== squash(target.target)) {
        findings.push({
          kind: 'pilotTarget',
          message: {
            zh: `试点“${pilot.name}”的指标“${indicator.indicator}”写目标 ${indicator.target}，服务级别协议为 ${target.target}`,
            en: `Pilot "${pilot.name}": "${indicator.indicator}" cites ${indicator.target}; the SLA sets ${target.target}`,
          },
          documents: ['pilotReport'],
          route: 'pilot',
        });
      } else if (!target && indicator.target.trim()) {
        findings.push({
          kind: 'pilotTarget',
          message: {
            zh: `试点“${pilot.name}”的指标“${indicator.indicator}”引用 SLA 目标 ${indicator.target}，服务级别协议中没有该指标`,
            en: `Pilot "${pilot.name}": "${indicator.indicator}" cites an SLA target (${indicator.target}) the SLA does not set`,
          },
          documents: ['pilotReport'],
          route: 'pilot',
        });
      }
    }
  }
  for (const indicator of sla?.indicators ?? []) {
    if (indicator.measure !== 'other' && indicator.targetPercent === null) {
      findings.push({
        kind: 'slaIndicator',
        message: {
          zh: `服务级别协议的考核指标“${indicator.name}”（${indicatorMeasures[indicator.measure].zh}）没有目标值`,
          en: `SLA indicator "${indicator.name}" has no target`,
        },
        documents: ['serviceLevelAgreement', 'patrolMonthlyReport'],
        route: 'sla',
      });
    }
    if (
      indicator.deductionPercent === null &&
      /扣[减除罚]?[^。；;]*\d+(?:\.\d+)?\s*[%％]/.test(indicator.consequence)
    ) {
      findings.push({
        kind: 'slaIndicator',
        message: {
          zh: `考核指标“${indicator.name}”的未达标处理写有扣款（${indicator.consequence}），但“未达标扣减月服务费”未填`,
          en: `SLA indicator "${indicator.name}" names a deduction in words only; fill in the deduction field`,
        },
        documents: ['serviceLevelAgreement', 'patrolMonthlyReport'],
        route: 'sla',
      });
    }
  }
  return findings;
}
