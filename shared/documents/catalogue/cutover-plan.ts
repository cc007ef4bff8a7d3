import { type Gap, gap } from '../checks';
import type { ProjectDocumentData } from '../data';

export const CUTOVER_PLAN_TITLE = '切换方案及应急预案';

export type CutoverPlanData = Pick<ProjectDocumentData, 'project' | 'members' | 'cutoverPlan'> &
  Partial<Pick<ProjectDocumentData, 'charter'>>;

const gaps = {
  plan: gap('切换方案未填写', 'The cutover plan is not filled in'),
  window: gap('未设定切换窗口', 'No cutover window set'),
  steps: gap('没有切换步骤', 'No cutover step'),
  owner: (n: number) => gap(`切换步骤 ${n} 缺少负责人`, `Cutover step ${n} has no owner`),
  time: (n: number) => gap(`切换步骤 ${n} 缺少计划时间`, `Cutover step ${n} has no planned time`),
  decision: gap('切换步骤中没有 Go/No-Go 决策点', 'No Go/No-Go decision point among the steps'),
  triggers: gap('没有应急触发条件', 'No contingency trigger'),
  rollback: gap('没有回退步骤', 'No rollback step'),
  contacts: gap('没有应急联系人', 'No emergency contact'),
  serviceInterface: gap('未填写服务接口', 'No service interface'),
  faultReporting: gap('未填写报障渠道与流程', 'No fault reporting channel and process'),
  launchDate: gap('未填写服务启动日期', 'No service launch date'),
};

export function cutoverPlanMissing(data: CutoverPlanData): Gap[] {
  const plan = data.cutoverPlan;
  if (!plan) return [gaps.plan];
  const missing: Gap[] = [];
  if (!plan.window.trim()) missing.push(gaps.window);
  if (plan.steps.length === 0) missing.push(gaps.steps);
  plan.steps.forEach((s, i) => {
    if (!s.owner.trim()) missing.push(gaps.owner(i + 1));
    if (!s.plannedStart) missing.push(gaps.time(i + 1));
  });
  if (plan.steps.length > 0 && !plan.steps.some((s) => s.decisionPoint === 'yes')) missing.push(gaps.decision);
  if (plan.triggers.length === 0) missing.push(gaps.triggers);
  if (plan.rollbackSteps.length === 0) missing.push(gaps.rollback);
  if (plan.contacts.length === 0) missing.push(gaps.contacts);
  if (!plan.serviceInterface.trim()) missing.push(gaps.serviceInterface);
  if (!plan.faultReporting.trim()) missing.push(gaps.faultReporting);
  if (!plan.launchDate) missing.push(gaps.launchDate);
  return missing;
}

export { gaps as cutoverPlanGaps };
