import { percent } from '../house-style';
/**
 * Every target the 服务级别协议 sets, named once: P1 响应时间 ≤ 15 分钟, 网上银行可用性 ≥ 99.9%,
 * 故障响应达标率 ≥ 95%. A document that cites an SLA target (试点运行报告, 巡检月报's 考核指标)
 * takes its figure from here, and 交付前检查 compares what other records cite against it.
 */
import type { SlaFields } from '../../records/sla';
import { minutesText } from '../kit/format';

export interface SlaTarget {
  /** How documents name it: "P1 响应时间", "网上银行可用性", "故障响应达标率". */
  name: string;
  /** The target as written: "≤ 15 分钟", "≥ 99.9%". '' when the SLA names the indicator without a figure. */
  target: string;
  /** A percentage target (达标率, 可用性), for comparing figures other records cite. */
  percent: number | null;
}

/** Two names are the same target when they differ only in spaces and case. */
export function sameTargetName(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return fold(a) === fold(b);
}

export function percentText(value: number): string {
  return percent(Number(value.toFixed(3)));
}

export function slaTargets(sla: SlaFields | null | undefined): SlaTarget[] {
  if (!sla) return [];
  const targets: SlaTarget[] = [];
  for (const p of sla.priorities) {
    if (p.responseMinutes !== null)
      targets.push({ name: `${p.level} 响应时间`, target: `≤ ${minutesText(p.responseMinutes)}`, percent: null });
    if (p.resolutionMinutes !== null)
      targets.push({ name: `${p.level} 解决时限`, target: `≤ ${minutesText(p.resolutionMinutes)}`, percent: null });
  }
  for (const a of sla.availability) {
    targets.push({
      name: `${a.service}可用性`,
      target: a.targetPercent === null ? '' : `≥ ${percentText(a.targetPercent)}`,
      percent: a.targetPercent,
    });
  }
  for (const i of sla.indicators) {
    targets.push({
      name: i.name,
      target: i.targetPercent === null ? '' : `≥ ${percentText(i.targetPercent)}`,
      percent: i.targetPercent,
    });
  }
  return targets;
}

export function findSlaTarget(sla: SlaFields | null | undefined, name: string): SlaTarget | undefined {
  return slaTargets(sla).find((t) => sameTargetName(t.name, name));
}
