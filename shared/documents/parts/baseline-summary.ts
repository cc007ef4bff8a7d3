import { live } from '../data';
import { type Failure, failuresOf, rectificationProgress } from './baseline-findings';
import {
  addCounts,
  emptyCounts,
  type InspectionData,
  type JoinedInspection,
  type VerdictCounts,
} from './inspection-data';

/**
 * The figures the 配置基线检查报告 states about itself — how many of the inventory's objects were
 * checked, how many item checks, and how far the rectification of the failures has come — worked
 * out once, so its 概述, its 总体统计 (表2), its severity table (表3) and its conclusion cannot
 * state different numbers for the same thing (issue 13 §2: 已整改 3/6 in 表2 and 4 in 表3).
 */
export interface BaselineSummary {
  /** Live objects in the project's inventory (N of "M of N"). */
  inScope: number;
  /** Distinct objects with at least one inspection in the report (M). */
  checkedObjects: number;
  /** Inspections in the report (an object checked twice counts twice). */
  inspections: number;
  /** Item checks (检查项次): passed, failed, not applicable and not answered. */
  rows: number;
  total: VerdictCounts;
  failures: Failure[];
  /** 已复查合格 / 已整改待复查 / 待整改或整改中 / of those not closed, 逾期 — on the report's date. */
  rectification: ReturnType<typeof rectificationProgress>;
}

export function baselineSummary(
  data: Pick<InspectionData, 'assets'>,
  inspections: readonly JoinedInspection[],
  today: string,
): BaselineSummary {
  const total = inspections.reduce((sum, j) => addCounts(sum, j.counts), emptyCounts());
  const failures = failuresOf(inspections);
  return {
    inScope: live(data.assets).length,
    checkedObjects: new Set(inspections.map((j) => j.asset.id)).size,
    inspections: inspections.length,
    rows: total.pass + total.fail + total.na + total.unanswered,
    total,
    failures,
    rectification: rectificationProgress(failures, today),
  };
}

/** "已复查合格 3、已整改待复查 1、待整改/整改中 2" — the words 表2 and the conclusion use for the counts 表3 tabulates. */
export function rectificationText(p: BaselineSummary['rectification']): string {
  return [`已复查合格 ${p.verified}`, `已整改待复查 ${p.awaitingRecheck}`, `待整改/整改中 ${p.open}`].join('、');
}
