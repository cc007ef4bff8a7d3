import { z } from 'zod';
import { choice, longText, optionalDate, optionalNumber, optionalText, requiredText } from './fields';
import { projectPhases } from './project';
import type { FieldIssue } from './record-type';

export const taskStatuses = {
  notStarted: { zh: '未开始', en: 'Not started' },
  inProgress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  blocked: { zh: '受阻', en: 'Blocked' },
};

export const milestoneStatuses = {
  pending: { zh: '未达成', en: 'Pending' },
  achieved: { zh: '已达成', en: 'Achieved' },
  missed: { zh: '已延误', en: 'Missed' },
};

/** 交付计划任务. */
export const planTaskFields = z.object({
  name: requiredText({ zh: '任务', en: 'Task' }),
  phase: choice({ zh: '阶段', en: 'Phase' }, projectPhases, 'initiation'),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  start: optionalDate({ zh: '开始日期', en: 'Start' }),
  end: optionalDate({ zh: '结束日期', en: 'End' }),
  deliverable: optionalText({ zh: '交付物', en: 'Deliverable' }),
  status: choice({ zh: '状态', en: 'Status' }, taskStatuses, 'notStarted'),
  progress: optionalNumber(
    { zh: '进度', en: 'Progress' },
    { min: 0, max: 100, integer: true, unit: { zh: '%', en: '%' } },
  ),
  /**
   * A task whose deliverable the records prove (a signed baseline inspection, a training held …)
   * takes its status and progress from them (shared/documents/parts/plan-progress.ts); 'yes'
   * keeps the status and progress typed here instead, with the reason.
   */
  statusOverride: choice(
    { zh: '人工指定进度', en: 'Set progress by hand' },
    { no: { zh: '否（按记录）', en: 'No (from the records)' }, yes: { zh: '是', en: 'Yes' } },
    'no',
  ),
  overrideReason: optionalText({ zh: '人工指定原因', en: 'Why set by hand' }, 500),
  notes: longText({ zh: '备注', en: 'Notes' }),
});
export type PlanTaskFields = z.infer<typeof planTaskFields>;

export function planTaskRules(task: PlanTaskFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (task.start && task.end && task.end < task.start)
    issues.push({ field: 'end', message: '结束日期不能早于开始日期' });
  if (task.statusOverride === 'yes' && !task.overrideReason.trim())
    issues.push({ field: 'overrideReason', message: '人工指定进度请填写原因' });
  return issues;
}

/** 里程碑. */
export const milestoneFields = z.object({
  name: requiredText({ zh: '里程碑', en: 'Milestone' }),
  dueDate: optionalDate({ zh: '计划日期', en: 'Due' }),
  acceptance: longText({ zh: '验收标准', en: 'Acceptance' }),
  status: choice({ zh: '状态', en: 'Status' }, milestoneStatuses, 'pending'),
  achievedAt: optionalDate({ zh: '达成日期', en: 'Achieved on' }),
});
export type MilestoneFields = z.infer<typeof milestoneFields>;

export function milestoneRules(milestone: MilestoneFields): FieldIssue[] {
  if (milestone.status === 'achieved' && !milestone.achievedAt)
    return [{ field: 'achievedAt', message: '已达成的里程碑请填写达成日期' }];
  return [];
}

/** Overdue: past its end (or due) date and not finished. `today` is YYYY-MM-DD. */
export function isTaskOverdue(task: Pick<PlanTaskFields, 'end' | 'status'>, today: string): boolean {
  return Boolean(task.end) && task.end < today && task.status !== 'done';
}

export function isMilestoneOverdue(milestone: Pick<MilestoneFields, 'dueDate' | 'status'>, today: string): boolean {
  return Boolean(milestone.dueDate) && milestone.dueDate < today && milestone.status !== 'achieved';
}
