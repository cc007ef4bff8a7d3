/**
 * A plan task's status and progress as the records prove them. A task names its deliverable
 * (交付物: "配置基线检查报告"); when that document's records exist they say how far it is —
 * signed baseline inspections, training sessions held, a pilot concluded, cutover steps done,
 * or the document itself issued and signed — so the 交付计划 never shows 未开始 0 % for work
 * that is on record. A task set by hand (statusOverride, with its reason) keeps what was typed.
 */
import type { PlanTaskFields } from '../../records/plan';
import { BASELINE_REPORT_TITLE } from '../catalogue/baseline-report';
import { CUTOVER_PLAN_TITLE } from '../catalogue/cutover-plan';
import { live, type ProjectDocumentData, type Row } from '../data';
import { PILOT_REPORT_TITLE } from '../catalogue/pilot-report';
import { TRAINING_RECORD_TITLE } from '../catalogue/training-record';

export type PlanProgressData = Partial<
  Pick<ProjectDocumentData, 'inspections' | 'trainingSessions' | 'pilotRuns' | 'cutoverPlan' | 'documentExports'>
>;

export interface Evidence {
  /** 0–100. */
  progress: number;
  /** What shows it, in Chinese: "基线检查已签字 6/6". */
  proof: string;
}

export interface TaskProgress {
  status: PlanTaskFields['status'];
  progress: number | null;
  /** 'records': from the records (proof says which); 'override': set by hand with a reason; 'typed': nothing on record, as typed. */
  source: 'records' | 'override' | 'typed';
  proof: string;
}

/** The evidence for one deliverable, by title; null when the records say nothing about it. */
const evidenceRules: Array<{ title: string; evidence: (data: PlanProgressData, today: string) => Evidence | null }> = [
  {
    title: BASELINE_REPORT_TITLE,
    evidence: (data) => {
      const inspections = live(data.inspections);
      if (inspections.length === 0) return null;
      const signed = inspections.filter((i) => i.status === 'signed').length;
      return {
        progress: Math.round((signed / inspections.length) * 100),
        proof: `基线检查已签字 ${signed}/${inspections.length}`,
      };
    },
  },
  {
    title: TRAINING_RECORD_TITLE,
    evidence: (data, today) => {
      const sessions = live(data.trainingSessions);
      if (sessions.length === 0) return null;
      const held = sessions.filter(
        (s) => s.date && s.date <= today && s.attendees.some((a) => a.signed === 'yes'),
      ).length;
      return {
        progress: Math.round((held / sessions.length) * 100),
        proof: `培训已举办 ${held}/${sessions.length} 场`,
      };
    },
  },
  {
    title: PILOT_REPORT_TITLE,
    evidence: (data) => {
      const pilots = live(data.pilotRuns);
      if (pilots.length === 0) return null;
      const concluded = pilots.filter((p) => p.conclusion !== 'pending').length;
      return { progress: concluded === pilots.length ? 100 : 50, proof: `试点已出结论 ${concluded}/${pilots.length}` };
    },
  },
  {
    title: CUTOVER_PLAN_TITLE,
    evidence: (data) => {
      const steps = data.cutoverPlan?.steps ?? [];
      if (steps.length === 0) return null;
      const finished = steps.filter((s) => s.status !== 'planned').length;
      return {
        progress: Math.round((finished / steps.length) * 100),
        proof: `切换步骤已执行 ${finished}/${steps.length}`,
      };
    },
  },
];

/** The deliverable titles a task names, in the order the rules list them. */
function namedRules(task: Pick<PlanTaskFields, 'deliverable' | 'name'>) {
  const text = `${task.deliverable} ${task.name}`;
  return evidenceRules.filter((rule) => text.includes(rule.title));
}

/**
 * The status and progress the 交付计划 shows and the plan page reads. `today` (YYYY-MM-DD) is the
 * day the plan is read: a training dated later has not been held.
 */
export function taskProgress(
  task: Row<PlanTaskFields> | PlanTaskFields,
  data: PlanProgressData,
  today: string,
): TaskProgress {
  if (task.statusOverride === 'yes')
    return { status: task.status, progress: task.progress, source: 'override', proof: task.overrideReason };
  const found = namedRules(task)
    .map((rule) => rule.evidence(data, today))
    .filter((e) => e !== null);
  if (found.length === 0) return { status: task.status, progress: task.progress, source: 'typed', proof: '' };
  const progress = Math.round(found.reduce((sum, e) => sum + e.progress, 0) / found.length);
  const status: PlanTaskFields['status'] =
    progress >= 100 ? 'done' : progress > 0 ? 'inProgress' : task.status === 'blocked' ? 'blocked' : 'notStarted';
  return { status, progress, source: 'records', proof: found.map((e) => e.proof).join('；') };
}

/** What the records prove for a task, ignoring any override (交付前检查 compares the two). */
export function recordedProgress(task: PlanTaskFields, data: PlanProgressData, today: string): TaskProgress {
  return taskProgress({ ...task, statusOverride: 'no' }, data, today);
}
