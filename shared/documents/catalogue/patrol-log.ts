import { type Gap, gap } from '../checks';
import type { ProjectDocumentData } from '../data';
import type { DocumentPeriod } from '../kit/context';
import { patrolDates, patrolEntriesIn } from '../parts/patrol-data';
import { dayPeriod, fitPeriod, isValidPeriod, latestDate } from '../parts/period';

export const PATROL_LOG_TITLE = '巡检日志';

export type PatrolLogData = Pick<
  ProjectDocumentData,
  | 'project'
  | 'members'
  | 'assets'
  | 'sla'
  | 'serviceDesign'
  | 'patrolPlans'
  | 'patrolEntries'
  | 'shiftHandovers'
  | 'incidents'
  | 'opsLogs'
>;

const gaps = {
  noPatrol: gap('没有巡检记录', 'No patrol record'),
  noPatrolOn: (day: string) => gap(`${day} 没有巡检记录`, `No patrol record on ${day}`),
  invalid: (day: string) => gap(`日期无效：${day}`, `Invalid date: ${day}`),
};

/** The day the log covers: the requested one, else the latest day with a patrol entry (null when there is none). */
export function patrolLogDay(
  data: Pick<PatrolLogData, 'assets' | 'patrolPlans' | 'patrolEntries'>,
  period?: DocumentPeriod,
): DocumentPeriod | null {
  if (period) return fitPeriod('day', period);
  const latest = latestDate(patrolDates(data));
  return latest ? dayPeriod(latest) : null;
}

export function patrolLogMissing(data: PatrolLogData, period?: DocumentPeriod): Gap[] {
  const day = patrolLogDay(data, period);
  if (!day) return [gaps.noPatrol];
  if (!isValidPeriod(day)) return [gaps.invalid(day.from)];
  return patrolEntriesIn(data, day).length === 0 ? [gaps.noPatrolOn(day.from)] : [];
}
