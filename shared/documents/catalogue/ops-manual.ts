import { distinctGaps, type Gap, gap } from '../checks';
import { isStatusMetric } from '../../operations/thresholds';
import { type AssetFields, type AssetType, assetTypes } from '../../records/asset';
import type { PatrolPlanFields } from '../../records/operations';
import { live, type ProjectDocumentData, type Row } from '../data';
import { baselinesInForce } from '../parts/checklist-baselines';
import { metricDefsFor } from '../../operations/thresholds';
import { designGaps, serviceDesignMissing } from './service-design';

export const OPS_MANUAL_TITLE = '运维操作手册';

export type OpsManualData = Pick<
  ProjectDocumentData,
  'project' | 'members' | 'assets' | 'sla' | 'serviceDesign' | 'patrolPlans' | 'checklistTemplates' | 'opsLogs'
>;

const gaps = {
  ...designGaps,
  plans: gap('没有启用的巡检计划', 'No active patrol plan'),
  planAssets: (plan: string) => gap(`巡检计划“${plan}”未选择巡检对象`, `Patrol plan “${plan}” has no assets`),
  assignee: (plan: string) =>
    gap(`巡检计划“${plan}”未指定负责工程师`, `Patrol plan “${plan}” has no assigned engineer`),
  metric: (plan: string, key: string) =>
    gap(
      `巡检计划“${plan}”的巡检项目“${key}”未定义指标与阈值`,
      `Patrol item “${key}” of plan “${plan}” has no metric and thresholds`,
    ),
  baselines: gap('没有配置基线（检查模板）', 'No configuration baseline (checklist template)'),
};
/** Active plans in name order. */
export function activePlans(data: Pick<OpsManualData, 'patrolPlans'>): Row<PatrolPlanFields>[] {
  return live(data.patrolPlans)
    .filter((p) => p.active === 'yes')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export interface ResolvedPlan {
  plan: Row<PatrolPlanFields>;
  assets: Row<AssetFields>[];
  /** The items read on each asset type of the plan (all metrics of the type when the plan names none). */
  items: Array<{ type: AssetType; defs: ReturnType<typeof metricDefsFor> }>;
  /** Metric keys the plan names that no asset type of it defines. */
  unknownKeys: string[];
}

export function resolvePlan(
  plan: Row<PatrolPlanFields>,
  data: Pick<OpsManualData, 'assets' | 'serviceDesign'>,
): ResolvedPlan {
  const byId = new Map(live(data.assets).map((a) => [a.id, a]));
  const assets = plan.assetIds.map((id) => byId.get(id)).filter((a) => a !== undefined);
  const types = (Object.keys(assetTypes) as AssetType[]).filter((t) => assets.some((a) => a.type === t));
  const items = types
    .map((type) => {
      const all = metricDefsFor(type, data.serviceDesign);
      return { type, defs: plan.metricKeys.length ? all.filter((d) => plan.metricKeys.includes(d.key)) : all };
    })
    .filter((i) => i.defs.length > 0);
  const known = new Set(items.flatMap((i) => i.defs.map((d) => d.key)));
  const unknownKeys = assets.length ? plan.metricKeys.filter((k) => !known.has(k)) : [];
  return { plan, assets, items, unknownKeys };
}

export function opsManualMissing(data: OpsManualData): Gap[] {
  const missing: Gap[] = [];
  const plans = activePlans(data);
  if (plans.length === 0) missing.push(gaps.plans);
  for (const plan of plans) {
    const resolved = resolvePlan(plan, data);
    if (resolved.assets.length === 0) missing.push(gaps.planAssets(plan.name));
    if (!plan.assignee.trim()) missing.push(gaps.assignee(plan.name));
    for (const key of resolved.unknownKeys) missing.push(gaps.metric(plan.name, key));
    // A project metric with neither level set cannot be judged: its row in the plan is marked.
    for (const { type, defs } of resolved.items)
      for (const def of defs)
        if (!isStatusMetric(def) && def.warning === null && def.critical === null)
          missing.push(gaps.levels(assetTypes[type], def.label));
  }
  if (baselinesInForce(data.checklistTemplates).length === 0) missing.push(gaps.baselines);
  missing.push(...serviceDesignMissing(data.serviceDesign, ['escalation', 'change']));
  return distinctGaps(missing);
}

export { gaps as opsManualGaps };
