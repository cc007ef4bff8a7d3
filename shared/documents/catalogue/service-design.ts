import { defaultMetricsFor, isStatusMetric } from '../../operations/thresholds';
import { assetTypes } from '../../records/asset';
import { changeTypes, escalationTargets, type ServiceDesignFields } from '../../records/operations';
import { type Gap, distinctGaps, gap } from '../checks';
import type { Label } from '../../records/fields';

type Design = ServiceDesignFields;

/** What a document says is missing of the design. Both documents use the same words. */
export const designGaps = {
  design: gap('服务设计未填写', 'The service design is not filled in'),
  shifts: gap('服务设计：未定义值班班次', 'Service design: no shift defined'),
  shiftHours: (name: string) =>
    gap(`服务设计：班次“${name}”未填写起止时间`, `Service design: shift “${name}” has no start and end times`),
  coverage: gap('服务设计：未说明分工与覆盖', 'Service design: roles and coverage are not described'),
  thresholds: gap('服务设计：未定义监控指标与阈值', 'Service design: no monitored metric and thresholds'),
  levels: (type: Label, label: string) =>
    gap(
      `服务设计：${type.zh}指标“${label}”未设置警告值或严重值`,
      `Service design: ${type.en} metric “${label}” has no warning or critical level`,
    ),
  escalation: gap('服务设计：未定义故障升级路径', 'Service design: no escalation path'),
  escalationMinutes: (priority: string, to: Label) =>
    gap(
      `服务设计：${priority} 升级至${to.zh}未设定时限`,
      `Service design: escalating ${priority} to ${to.en} has no time limit`,
    ),
  changeRules: gap('服务设计：未定义变更管理规则', 'Service design: no change management rules'),
  approver: (type: Label) => gap(`服务设计：${type.zh}未指定审批人`, `Service design: ${type.en} has no approver`),
};

/** The parts of the design a document relies on: the 技术方案 states all, the 操作手册 applies some. */
export type DesignAspect = 'team' | 'monitoring' | 'escalation' | 'change';

export function serviceDesignMissing(design: Design | null | undefined, aspects: readonly DesignAspect[]): Gap[] {
  if (!design) return [designGaps.design];
  const missing: Gap[] = [];
  if (aspects.includes('team')) {
    if (design.shifts.length === 0) missing.push(designGaps.shifts);
    for (const shift of design.shifts) if (!shift.start || !shift.end) missing.push(designGaps.shiftHours(shift.name));
    if (!design.coverage.trim()) missing.push(designGaps.coverage);
  }
  if (aspects.includes('monitoring')) {
    if (design.thresholds.length === 0) missing.push(designGaps.thresholds);
    // Levels on a status metric of the catalogue (告警灯) do not apply: its options decide.
    const statusMetric = (t: Design['thresholds'][number]) =>
      defaultMetricsFor(t.assetType).some((d) => d.key === t.key && isStatusMetric(d));
    for (const t of design.thresholds)
      if (t.warning === null && t.critical === null && !statusMetric(t))
        missing.push(designGaps.levels(assetTypes[t.assetType], t.label));
  }
  if (aspects.includes('escalation')) {
    if (design.escalation.length === 0) missing.push(designGaps.escalation);
    for (const step of design.escalation)
      if (step.afterMinutes === null)
        missing.push(designGaps.escalationMinutes(step.priority, escalationTargets[step.to]));
  }
  if (aspects.includes('change')) {
    if (design.changeRules.length === 0) missing.push(designGaps.changeRules);
    for (const rule of design.changeRules)
      if (!rule.approver.trim()) missing.push(designGaps.approver(changeTypes[rule.type]));
  }
  return distinctGaps(missing);
}
