import { type Gap, gap } from '../checks';
import { live, type ProjectDocumentData } from '../data';
import { baselinesInForce } from '../parts/checklist-baselines';
import { designGaps, serviceDesignMissing } from './service-design';

export const OPS_TECHNICAL_PLAN_TITLE = '运维技术方案';

export type OpsTechnicalPlanData = Pick<
  ProjectDocumentData,
  'project' | 'members' | 'assets' | 'sla' | 'serviceDesign' | 'checklistTemplates'
>;

const gaps = {
  ...designGaps,
  assets: gap('运维对象清单为空', 'The asset inventory is empty'),
  team: gap('没有服务团队成员', 'No service team member'),
  sla: gap('服务级别协议未填写', 'The service level agreement is not filled in'),
  baselines: gap('没有配置基线（检查模板）', 'No configuration baseline (checklist template)'),
};

export function opsTechnicalPlanMissing(data: OpsTechnicalPlanData): Gap[] {
  const missing: Gap[] = [];
  if (live(data.assets).length === 0) missing.push(gaps.assets);
  if (serviceTeam(data).length === 0) missing.push(gaps.team);
  missing.push(...serviceDesignMissing(data.serviceDesign, ['team', 'monitoring', 'escalation', 'change']));
  if (!data.sla) missing.push(gaps.sla);
  if (baselinesInForce(data.checklistTemplates).length === 0) missing.push(gaps.baselines);
  return missing;
}

/** The provider's team: every member but the customer's contacts. */
export function serviceTeam(data: Pick<OpsTechnicalPlanData, 'members'>) {
  return live(data.members).filter((m) => m.role !== 'customerContact');
}

export { gaps as opsTechnicalPlanGaps };
