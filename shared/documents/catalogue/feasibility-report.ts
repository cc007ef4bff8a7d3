import { feasibilityConclusions, type FeasibilityFields } from '../../records/feasibility';
import { type RiskFields, riskLevel } from '../../records/risk';
import { type DocumentCheck, documentCheck, type Gap, gap, missingOf } from '../checks';
import type { Label } from '../../records/fields';
import { live, type ProjectDocumentData } from '../data';

export const FEASIBILITY_REPORT_TITLE = '可行性评估与风险报告';

export type FeasibilityReportData = Pick<ProjectDocumentData, 'project' | 'assets' | 'feasibility' | 'risks'>;

type Dimension = { text: keyof FeasibilityFields; conclusion: keyof FeasibilityFields; label: Label };
export const dimensions: Dimension[] = [
  { text: 'technicalPath', conclusion: 'technicalConclusion', label: { zh: '技术实现路径', en: 'Technical approach' } },
  { text: 'teamCapability', conclusion: 'teamConclusion', label: { zh: '团队能力匹配度', en: 'Team capability fit' } },
  {
    text: 'resourceEstimate',
    conclusion: 'resourceConclusion',
    label: { zh: '资源投入估算', en: 'Resource estimate' },
  },
];

const gaps = {
  feasibility: gap('可行性评估未填写', 'The feasibility assessment is not filled in'),
  text: (label: Label) => gap(`${label.zh}未填写`, `${label.en} is not filled in`),
  conclusion: (label: Label) => gap(`${label.zh}未给出结论`, `${label.en} has no conclusion`),
  environment: gap('环境复杂性与兼容性未填写', 'Environment complexity and compatibility are not filled in'),
  overall: gap('未给出总体结论', 'No overall conclusion'),
  risks: gap('没有登记风险', 'No risk registered'),
  mitigation: (risk: string) =>
    gap(`高风险“${short(risk)}”缺少应对措施`, `High risk “${short(risk)}” has no mitigation`),
};

function short(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
export function isOpenHighRisk(r: RiskFields): boolean {
  return r.status !== 'closed' && riskLevel(r) === 'high';
}

/** A conclusion given (可行, 有条件可行, 不可行); 未评估 or a value never written is not. */
export function conclusionGiven(value: unknown): boolean {
  return typeof value === 'string' && value !== 'unassessed' && value in feasibilityConclusions;
}

/** What the report needs, check by check (阶段准备情况 ticks these). */
export function feasibilityReportChecks(data: Pick<FeasibilityReportData, 'feasibility' | 'risks'>): DocumentCheck[] {
  const f = data.feasibility;
  const risks = live(data.risks);
  const analysed = f
    ? [
        ...dimensions.filter((d) => !String(f[d.text] ?? '').trim()).map((d) => gaps.text(d.label)),
        ...(String(f.environmentRisks ?? '').trim() ? [] : [gaps.environment]),
      ]
    : [gaps.feasibility];
  const concluded = f
    ? dimensions.filter((d) => !conclusionGiven(f[d.conclusion])).map((d) => gaps.conclusion(d.label))
    : [];
  const overall = f && !conclusionGiven(f.overallConclusion) ? [gaps.overall] : [];
  return [
    documentCheck('技术、团队、资源与环境均已分析', 'Technical, team, resource and environment analysed', analysed),
    documentCheck(
      '技术、团队、资源均已给出结论',
      'Technical, team and resource conclusions given',
      concluded,
      Boolean(f) && concluded.length === 0,
    ),
    documentCheck('已给出总体结论', 'Overall conclusion given', overall, Boolean(f) && overall.length === 0),
    documentCheck('已登记风险', 'Risks are registered', risks.length === 0 ? [gaps.risks] : []),
    documentCheck(
      '每个高风险都有应对措施',
      'Every high risk has a mitigation',
      risks.filter((r) => isOpenHighRisk(r) && !r.mitigation.trim()).map((r) => gaps.mitigation(r.description)),
    ),
  ];
}

export function feasibilityReportMissing(data: FeasibilityReportData): Gap[] {
  return missingOf(feasibilityReportChecks(data));
}

export { gaps as feasibilityReportGaps };
