import { type Gap, gap } from '../checks';
import type { TrainingSessionFields } from '../../records/deployment';
import { live, type ProjectDocumentData, type Row } from '../data';

export const TRAINING_RECORD_TITLE = '培训记录';

export type TrainingRecordData = Pick<ProjectDocumentData, 'project' | 'members' | 'trainingSessions'>;

const gaps = {
  sessions: gap('没有培训记录', 'No training record'),
  date: (topic: string) => gap(`培训“${topic}”缺少日期`, `Training “${topic}” has no date`),
  trainer: (topic: string) => gap(`培训“${topic}”缺少讲师`, `Training “${topic}” has no trainer`),
  attendees: (topic: string) => gap(`培训“${topic}”没有参训人员签到`, `Training “${topic}” has no attendee sign-in`),
};

/** Sessions in the order they took place (undated ones last). */
export function inOrder(sessions: Row<TrainingSessionFields>[] | undefined): Row<TrainingSessionFields>[] {
  return [...live(sessions)].sort(
    (a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.topic.localeCompare(b.topic, 'zh-CN'),
  );
}

export function trainingRecordMissing(data: TrainingRecordData): Gap[] {
  const sessions = inOrder(data.trainingSessions);
  if (sessions.length === 0) return [gaps.sessions];
  const missing: Gap[] = [];
  for (const s of sessions) {
    if (!s.date) missing.push(gaps.date(s.topic));
    if (!s.trainer.trim()) missing.push(gaps.trainer(s.topic));
    if (s.attendees.length === 0) missing.push(gaps.attendees(s.topic));
  }
  return missing;
}

export { gaps as trainingRecordGaps };
