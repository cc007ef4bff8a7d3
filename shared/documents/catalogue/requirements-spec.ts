import { type DocumentCheck, documentCheck, type Gap, gap, missingOf } from '../checks';
import { live, type ProjectDocumentData } from '../data';

export const REQUIREMENTS_SPEC_TITLE = '需求规格说明书';

/** risks and documentExports feed 尚未解决的问题 and 引用文件; the checks do not ask for them. */
export type RequirementsSpecData = Pick<
  ProjectDocumentData,
  'project' | 'members' | 'assets' | 'surveySessions' | 'requirements' | 'risks' | 'documentExports'
>;

const gaps = {
  description: gap(
    '项目简介未填写（用于“系统概述”）',
    'The project description is not filled in (used for “System overview”)',
  ),
  sessions: gap('没有调研记录', 'No survey session'),
  assets: gap('运维对象清单为空', 'The asset inventory is empty'),
  requirements: gap('没有需求条目', 'No requirement'),
  confirmed: gap('没有已确认的需求', 'No confirmed requirement'),
  criterion: (code: string) => gap(`需求 ${code} 缺少验收标准`, `Requirement ${code} has no acceptance criterion`),
};

/** What the checks read: the asset inventory only by its size (the overview counts it on an index). */
export type RequirementsSpecCheckData = Pick<RequirementsSpecData, 'project' | 'surveySessions' | 'requirements'> & {
  assetCount: number;
};

/** What the 需求规格说明书 needs, check by check (阶段准备情况 ticks these). */
export function requirementsSpecChecks(data: RequirementsSpecCheckData): DocumentCheck[] {
  const requirements = live(data.requirements);
  const confirmed = requirements.some((r) => r.status === 'confirmed');
  return [
    documentCheck(
      '已填写项目简介',
      'Project description written',
      data.project.description.trim() ? [] : [gaps.description],
    ),
    documentCheck(
      '至少一次调研记录',
      'At least one survey session',
      live(data.surveySessions).length === 0 ? [gaps.sessions] : [],
    ),
    documentCheck('运维对象清单不为空', 'The asset inventory is not empty', data.assetCount === 0 ? [gaps.assets] : []),
    documentCheck('已整理需求条目', 'Requirements are recorded', requirements.length === 0 ? [gaps.requirements] : []),
    documentCheck(
      '至少一条需求已经客户确认',
      'At least one requirement is confirmed by the customer',
      requirements.length > 0 && !confirmed ? [gaps.confirmed] : [],
      confirmed,
    ),
    documentCheck(
      '每条需求都有验收标准',
      'Every requirement has an acceptance criterion',
      requirements.filter((r) => !r.acceptanceCriterion.trim()).map((r) => gaps.criterion(r.code)),
    ),
  ];
}

/** What the 需求规格说明书 cannot do without, in Chinese; empty when it can be exported. */
export function requirementsSpecMissing(data: RequirementsSpecData): Gap[] {
  return missingOf(requirementsSpecChecks({ ...data, assetCount: live(data.assets).length }));
}

export { gaps as requirementsSpecGaps };
