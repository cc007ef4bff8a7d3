import { distinctGaps, type Gap, gap } from '../checks';
import { assetTypes } from '../../records/asset';
import type { ProjectDocumentData } from '../data';
import { type CheckedItem, type JoinedInspection, joinInspections } from '../parts/inspection-data';

export const BASELINE_REPORT_TITLE = '配置基线检查报告';

export type BaselineReportData = Pick<
  ProjectDocumentData,
  'project' | 'members' | 'assets' | 'checklistTemplates' | 'inspections' | 'inspectionResults' | 'rectifications'
>;

export const baselineGaps = {
  inspections: gap('没有基线检查记录', 'No baseline inspection'),
  unfinished: (asset: string) => gap(`基线检查“${asset}”尚未完成`, `Baseline inspection “${asset}” is not finished`),
  template: (asset: string) =>
    gap(`基线检查“${asset}”的检查模板不存在`, `The checklist template of inspection “${asset}” does not exist`),
  action: (asset: string, item: string) =>
    gap(`不合格项“${asset}：${item}”缺少整改措施`, `Non-conformity “${asset}: ${item}” has no corrective action`),
};
const gaps = baselineGaps;

function needsAction(checked: CheckedItem): boolean {
  return checked.verdict === 'fail' && !checked.rectification?.action.trim();
}

export function baselineReportMissing(data: BaselineReportData): Gap[] {
  const { inspections } = joinInspections(data);
  if (inspections.length === 0) return [gaps.inspections];
  const missing: Gap[] = [];
  for (const joined of ordered(inspections)) {
    if (joined.inspection.status === 'inProgress') missing.push(gaps.unfinished(joined.asset.name));
    if (!joined.template) missing.push(gaps.template(joined.asset.name));
    for (const section of joined.sections)
      for (const checked of section.items)
        if (needsAction(checked)) missing.push(gaps.action(joined.asset.name, checked.item.title));
  }
  return distinctGaps(missing);
}

export const typeOrder = Object.keys(assetTypes);

/** By asset type (servers first, as the inventory lists them), then name, then start time. */
export function ordered(inspections: JoinedInspection[]): JoinedInspection[] {
  return [...inspections].sort(
    (a, b) =>
      typeOrder.indexOf(a.asset.type) - typeOrder.indexOf(b.asset.type) ||
      a.asset.name.localeCompare(b.asset.name, 'zh-CN', { numeric: true }) ||
      a.inspection.startedAt.localeCompare(b.inspection.startedAt),
  );
}
