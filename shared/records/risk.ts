import { z } from 'zod';
import { choice, longText, optionalDate, optionalText, requiredText } from './fields';

export const riskCategories = {
  technical: { zh: '技术', en: 'Technical' },
  environment: { zh: '环境', en: 'Environment' },
  resource: { zh: '资源', en: 'Resource' },
  schedule: { zh: '进度', en: 'Schedule' },
  security: { zh: '安全', en: 'Security' },
  compliance: { zh: '合规', en: 'Compliance' },
  customer: { zh: '客户配合', en: 'Customer' },
  other: { zh: '其他', en: 'Other' },
};

export const riskStatuses = {
  open: { zh: '已识别', en: 'Identified' },
  mitigating: { zh: '应对中', en: 'Mitigating' },
  occurred: { zh: '已发生', en: 'Occurred' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** 1 (rare / negligible) to 5 (almost certain / severe). */
const scale = {
  '1': { zh: '1 很低', en: '1 Very low' },
  '2': { zh: '2 低', en: '2 Low' },
  '3': { zh: '3 中', en: '3 Medium' },
  '4': { zh: '4 高', en: '4 High' },
  '5': { zh: '5 很高', en: '5 Very high' },
};

/** 风险登记: one risk with its assessment and response. */
export const riskFields = z.object({
  description: requiredText({ zh: '风险描述', en: 'Description' }, 2000),
  category: choice({ zh: '类别', en: 'Category' }, riskCategories, 'technical'),
  likelihood: choice({ zh: '可能性', en: 'Likelihood' }, scale, '3'),
  impact: choice({ zh: '影响程度', en: 'Impact' }, scale, '3'),
  mitigation: longText({ zh: '应对措施', en: 'Mitigation' }),
  contingency: longText({ zh: '应急预案', en: 'Contingency' }),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  status: choice({ zh: '状态', en: 'Status' }, riskStatuses, 'open'),
  reviewDate: optionalDate({ zh: '复核日期', en: 'Review date' }),
});
export type RiskFields = z.infer<typeof riskFields>;

export const riskLevels = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
};
export type RiskLevel = keyof typeof riskLevels;

/**
 * Score = likelihood × impact (1–25); level: 高 from 15, 中 from 8, else 低 — the usual 5×5
 * matrix bands. Computed, never stored: likelihood and impact may be merged from two devices.
 */
export function riskScore(risk: Pick<RiskFields, 'likelihood' | 'impact'>): number {
  return Number(risk.likelihood) * Number(risk.impact);
}

export function riskLevel(risk: Pick<RiskFields, 'likelihood' | 'impact'>): RiskLevel {
  const score = riskScore(risk);
  if (score >= 15) return 'high';
  if (score >= 8) return 'medium';
  return 'low';
}
