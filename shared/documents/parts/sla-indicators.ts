/**
 * 考核指标 of a month, computed from the records against the SLA's indicators: each indicator's
 * target, the month's actual figure, whether it was met, and the deduction the SLA names for a
 * miss (故障响应达标率 66.7 % against ≥ 95 % → 未达标, 扣减当月服务费 2 %).
 */
import { indicatorMeasures, type SlaFields, type SlaIndicator } from '../../records/sla';
import { percentText } from './sla-targets';

export interface MonthFigures {
  /** Incidents decided within / over their SLA time (pending ones are not counted). */
  response: { met: number; all: number };
  resolution: { met: number; all: number };
  /** Each service's availability this month, in %. */
  availability: Array<{ service: string; percent: number }>;
  /** Patrol rounds done / planned (null: none planned). */
  patrol: { done: number; planned: number } | null;
}

export interface IndicatorResult {
  indicator: SlaIndicator;
  /** "≥ 95%", '' without a target. */
  target: string;
  /** "66.7%（2/3）", '无已判定的故障', '人工评定'. */
  actual: string;
  /** null: nothing to judge (no incident decided, judged by hand, no target). */
  met: boolean | null;
  /** The deduction applied this month, in % of the monthly fee (0 when met or none named). */
  deduction: number;
}

function share(part: number, all: number): number {
  return Math.round((part / all) * 1000) / 10;
}

function judge(actual: number, target: number | null): boolean | null {
  return target === null ? null : actual >= target;
}

function result(indicator: SlaIndicator, actual: string, met: boolean | null): IndicatorResult {
  const target = indicator.targetPercent === null ? '' : `≥ ${percentText(indicator.targetPercent)}`;
  return { indicator, target, actual, met, deduction: met === false ? (indicator.deductionPercent ?? 0) : 0 };
}

export function indicatorResults(sla: Pick<SlaFields, 'indicators'>, figures: MonthFigures): IndicatorResult[] {
  return sla.indicators.map((indicator) => {
    switch (indicator.measure) {
      case 'responseRate':
      case 'resolutionRate': {
        const { met, all } = indicator.measure === 'responseRate' ? figures.response : figures.resolution;
        if (all === 0) return result(indicator, '无已判定的故障', null);
        const value = share(met, all);
        return result(indicator, `${percentText(value)}（${met}/${all}）`, judge(value, indicator.targetPercent));
      }
      case 'availability': {
        if (figures.availability.length === 0)
          return result(indicator, '100%（无中断）', judge(100, indicator.targetPercent));
        const lowest = figures.availability.reduce((a, b) => (b.percent < a.percent ? b : a));
        return result(
          indicator,
          `${lowest.percent.toFixed(3)}%（${lowest.service}）`,
          judge(lowest.percent, indicator.targetPercent),
        );
      }
      case 'patrolCompletion': {
        if (!figures.patrol || figures.patrol.planned === 0) return result(indicator, '无应执行的巡检', null);
        const value = share(figures.patrol.done, figures.patrol.planned);
        return result(
          indicator,
          `${percentText(value)}（${figures.patrol.done}/${figures.patrol.planned} 轮）`,
          judge(value, indicator.targetPercent),
        );
      }
      default:
        return result(indicator, '人工评定', null);
    }
  });
}

export function measureLabel(indicator: SlaIndicator): string {
  return indicatorMeasures[indicator.measure].zh;
}
