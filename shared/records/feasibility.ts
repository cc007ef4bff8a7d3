import { z } from 'zod';
import { choice, longText, optionalDate, optionalText } from './fields';

export const feasibilityConclusions = {
  unassessed: { zh: '未评估', en: 'Not assessed' },
  feasible: { zh: '可行', en: 'Feasible' },
  conditional: { zh: '有条件可行', en: 'Feasible with conditions' },
  infeasible: { zh: '不可行', en: 'Not feasible' },
};

const conclusion = (zh: string, en: string) => choice({ zh, en }, feasibilityConclusions, 'unassessed');

/** 可行性评估: one per project (its id is the project's id). */
export const feasibilityFields = z.object({
  technicalPath: longText({ zh: '技术实现路径', en: 'Technical path' }),
  technicalConclusion: conclusion('技术结论', 'Technical conclusion'),
  teamCapability: longText({ zh: '团队能力匹配度', en: 'Team capability match' }),
  teamConclusion: conclusion('团队结论', 'Team conclusion'),
  resourceEstimate: longText({ zh: '资源投入估算', en: 'Resource estimate' }),
  resourceConclusion: conclusion('资源结论', 'Resource conclusion'),
  environmentRisks: longText({ zh: '环境复杂性与兼容性', en: 'Environment complexity and compatibility' }),
  overallConclusion: conclusion('总体结论', 'Overall conclusion'),
  assessedBy: optionalText({ zh: '评估人', en: 'Assessed by' }, 100),
  assessedAt: optionalDate({ zh: '评估日期', en: 'Assessed on' }),
});
export type FeasibilityFields = z.infer<typeof feasibilityFields>;
