import { type DocumentCheck, documentCheck, type Gap, gap, missingOf } from '../checks';
import { live, type ProjectDocumentData } from '../data';
import type { PlanProgressData } from '../parts/plan-progress';

export const DELIVERY_PLAN_TITLE = '交付计划';

export type DeliveryPlanData = Pick<ProjectDocumentData, 'project' | 'members' | 'planTasks' | 'milestones'> &
  PlanProgressData;

const gaps = {
  tasks: gap('没有计划任务', 'No plan task'),
  taskDates: (name: string) => gap(`任务“${name}”缺少起止日期`, `Task “${name}” has no start and end dates`),
  milestones: gap('没有里程碑', 'No milestone'),
  milestoneDate: (name: string) => gap(`里程碑“${name}”缺少计划日期`, `Milestone “${name}” has no planned date`),
};
/** What the 交付计划 needs, check by check (阶段准备情况 ticks these). */
export function deliveryPlanChecks(data: Pick<DeliveryPlanData, 'planTasks' | 'milestones'>): DocumentCheck[] {
  const tasks = live(data.planTasks);
  const milestones = live(data.milestones);
  return [
    documentCheck(
      '已排定任务起止时间',
      'Tasks are scheduled',
      tasks.length === 0 ? [gaps.tasks] : tasks.filter((t) => !t.start || !t.end).map((t) => gaps.taskDates(t.name)),
    ),
    documentCheck(
      '已设置里程碑及计划日期',
      'Milestones set, with due dates',
      milestones.length === 0
        ? [gaps.milestones]
        : milestones.filter((m) => !m.dueDate).map((m) => gaps.milestoneDate(m.name)),
    ),
  ];
}

export function deliveryPlanMissing(data: DeliveryPlanData): Gap[] {
  return missingOf(deliveryPlanChecks(data));
}

export { gaps as deliveryPlanGaps };
