import { type Gap, gap } from '../checks';
import {
  type ChangeField,
  changeFieldLabels,
  changePath,
  isFilled,
  requiredToLeave,
} from '../../operations/change-workflow';
import type { ChangeRecordFields } from '../../records/operations';
import { projectTimeZone } from '../../records/project';
import type { ProjectDocumentData } from '../data';
import type { DocumentPeriod } from '../kit/context';
import { changeDates, changesIn } from '../parts/ops-records';
import { isValidPeriod, latestDate, monthPeriod, periodLabel } from '../parts/period';

export const CHANGE_RECORD_TITLE = '变更记录';

export type ChangeRecordData = Pick<ProjectDocumentData, 'project' | 'members' | 'assets' | 'changeRecords'>;

const gaps = {
  none: gap('没有变更记录', 'No change record'),
  noneIn: (range: DocumentPeriod) =>
    gap(`${periodLabel(range)} 没有变更记录`, `No change record from ${range.from} to ${range.to}`),
  invalid: (period: DocumentPeriod) =>
    gap(`期间无效：${period.from} 至 ${period.to}`, `Invalid period: ${period.from} to ${period.to}`),
  field: (title: string, field: ChangeField) =>
    gap(
      `变更“${title}”缺少${changeFieldLabels[field].zh}`,
      `Change “${title}” has no ${changeFieldLabels[field].en.toLowerCase()}`,
    ),
};
const approvalFields: readonly ChangeField[] = ['approver', 'approvalDecision', 'approvedAt'];

/** The period of the record: the requested range, else the calendar month of the latest change (null when there is none). */
export function changeRecordPeriod(
  data: Pick<ChangeRecordData, 'changeRecords'> & { project?: ChangeRecordData['project'] },
  period?: DocumentPeriod,
): DocumentPeriod | null {
  if (period) return period;
  const latest = latestDate(changeDates(data.changeRecords, projectTimeZone(data.project)));
  return latest ? monthPeriod(latest) : null;
}

/**
 * What a change must hold by the state it has reached: the data of every state it has left
 * (change-workflow's requiredToLeave). An emergency change may skip 审批 and 测试 — it needs its
 * approval, recorded afterwards, only once closed. A rejected change needs its assessment and
 * who rejected it when; a cancelled one nothing.
 */
export function changeGaps(change: ChangeRecordFields): ChangeField[] {
  if (change.state === 'cancelled' || change.state === 'assessment') return [];
  const required: ChangeField[] =
    change.state === 'rejected'
      ? [...requiredToLeave.assessment, 'approver', 'approvedAt']
      : changePath.slice(0, changePath.indexOf(change.state)).flatMap((state) => requiredToLeave[state]);
  const needed =
    change.type === 'emergency'
      ? required.filter((f) => f !== 'testResult' && (change.state === 'closed' || !approvalFields.includes(f)))
      : required;
  return needed.filter((field) => !isFilled(change[field]));
}

export function changeRecordMissing(data: ChangeRecordData, period?: DocumentPeriod): Gap[] {
  const range = changeRecordPeriod(data, period);
  if (!range) return [gaps.none];
  if (!isValidPeriod(range)) return [gaps.invalid(range)];
  const changes = changesIn(data.changeRecords, range, projectTimeZone(data.project));
  if (changes.length === 0) return [gaps.noneIn(range)];
  return changes.flatMap((c) => changeGaps(c).map((field) => gaps.field(c.title, field)));
}

export { gaps as changeRecordGaps };
