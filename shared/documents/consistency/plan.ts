/** A plan task set by hand that the records contradict (the 交付计划 would print the hand-set status). */
import { taskStatuses } from '../../records/plan';
import { live, type ProjectDocumentData } from '../data';
import { recordedProgress } from '../parts/plan-progress';
import type { ConsistencyFinding } from './finding';

export function planFindings(data: ProjectDocumentData, today: string): ConsistencyFinding[] {
  return live(data.planTasks).flatMap((task): ConsistencyFinding[] => {
    if (task.statusOverride !== 'yes') return [];
    const recorded = recordedProgress(task, data, today);
    if (recorded.source !== 'records' || recorded.status === task.status) return [];
    return [
      {
        kind: 'planProgress',
        message: {
          zh: `任务“${task.name}”人工指定为${taskStatuses[task.status].zh}，记录显示${taskStatuses[recorded.status].zh}（${recorded.proof}）；人工指定原因：${task.overrideReason}`,
          en: `Task "${task.name}" is set by hand to ${taskStatuses[task.status].en}; the records say ${taskStatuses[recorded.status].en} (${recorded.proof})`,
        },
        documents: ['deliveryPlan'],
        route: 'plan',
      },
    ];
  });
}
