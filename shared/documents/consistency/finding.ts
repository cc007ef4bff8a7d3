import type { Label } from '../../records/fields';

/** The kinds of contradiction and gap 交付前检查 looks for (issue 13 §2). */
export const findingKinds = {
  hotline: { zh: '联系方式不一致', en: 'Contacts disagree' },
  requirementTarget: { zh: '需求目标不在 SLA 中', en: 'Requirement target not in the SLA' },
  pilotTarget: { zh: '试点指标与 SLA 不符', en: 'Pilot target differs from the SLA' },
  slaIndicator: { zh: 'SLA 考核指标不完整', en: 'SLA indicator incomplete' },
  planProgress: { zh: '计划进度与记录不符', en: 'Plan progress contradicts the records' },
  anomalyWithoutIncident: { zh: '巡检异常未转故障', en: 'Patrol anomaly without an incident' },
  incidentWithoutAnomaly: { zh: '巡检故障无对应异常', en: 'Patrol incident without an anomaly' },
  changeAssets: { zh: '变更对象不符', en: 'Change filed against the wrong asset' },
  changeRecord: { zh: '变更记录不完整', en: 'Change record incomplete' },
  baselineCounts: { zh: '整改记录自相矛盾', en: 'Rectification record contradicts itself' },
  crossReference: { zh: '章节引用不符', en: 'Chapter reference wrong' },
} satisfies Record<string, Label>;

export type FindingKind = keyof typeof findingKinds;

/** One contradiction or gap, with the record to fix it in. */
export interface ConsistencyFinding {
  kind: FindingKind;
  message: Label;
  /** The documents that would carry the contradiction (registry keys). */
  documents: string[];
  /** Where to fix it: a workspace page under the project, e.g. 'cutover', 'patrol?date=2026-03-12'. */
  route: string;
}
