import { type Gap, gap } from '../checks';
import type { ProjectDocumentData } from '../data';
import type { DocumentPeriod } from '../kit/context';
import { patrolDates, patrolEntriesIn } from '../parts/patrol-data';
import { fitPeriod, isValidPeriod, latestDate, monthPeriod, periodLabel } from '../parts/period';

export const PATROL_MONTHLY_REPORT_TITLE = '巡检月报';

export type PatrolMonthlyReportData = Pick<
  ProjectDocumentData,
  | 'project'
  | 'members'
  | 'assets'
  | 'sla'
  | 'serviceDesign'
  | 'patrolPlans'
  | 'patrolEntries'
  | 'incidents'
  | 'changeRecords'
  // The signed baseline inspections the month-end readings are compared with.
  | 'checklistTemplates'
  | 'inspections'
  | 'inspectionResults'
>;

const gaps = {
  noPatrol: gap('没有巡检记录', 'No patrol record'),
  noPatrolIn: (month: DocumentPeriod) =>
    gap(`${periodLabel(month)} 没有巡检记录`, `No patrol record in ${month.from.slice(0, 7)}`),
  invalid: (date: string) => gap(`月份无效：${date}`, `Invalid month: ${date}`),
  sla: gap('服务级别协议未填写', 'The service level agreement is not filled in'),
};

/** The month the report covers: the requested one, else the latest month with a patrol entry (null when there is none). */
export function patrolReportMonth(
  data: Pick<PatrolMonthlyReportData, 'assets' | 'patrolPlans' | 'patrolEntries'>,
  period?: DocumentPeriod,
): DocumentPeriod | null {
  if (period) return fitPeriod('month', period);
  const latest = latestDate(patrolDates(data));
  return latest ? monthPeriod(latest) : null;
}

export function patrolMonthlyReportMissing(data: PatrolMonthlyReportData, period?: DocumentPeriod): Gap[] {
  const month = patrolReportMonth(data, period);
  const missing: Gap[] = [];
  if (!month) missing.push(gaps.noPatrol);
  else if (!isValidPeriod(month)) missing.push(gaps.invalid(period?.from ?? month.from));
  else if (patrolEntriesIn(data, month).length === 0) missing.push(gaps.noPatrolIn(month));
  if (!data.sla) missing.push(gaps.sla);
  return missing;
}

export { gaps as patrolMonthlyReportGaps };
