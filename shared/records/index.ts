import type { z } from 'zod';
import { assetFields } from './asset';
import { charterFields } from './charter';
import { checklistTemplateFields } from './checklist';
import { cutoverPlanFields, pilotRunFields, pilotRunRules, trainingSessionFields } from './deployment';
import { documentExportFields } from './document-export';
import { feasibilityFields } from './feasibility';
import {
  inspectionFields,
  inspectionResultFields,
  inspectionRules,
  inspectionTransition,
  rectificationFields,
  rectificationRules,
} from './inspection';
import { memberFields } from './member';
import {
  changeRecordFields,
  changeRecordRules,
  changeTransition,
  incidentFields,
  incidentRules,
  opsLogFields,
  patrolEntryFields,
  patrolPlanFields,
  patrolPlanRules,
  serviceDesignFields,
  shiftHandoverFields,
} from './operations';
import { milestoneFields, milestoneRules, planTaskFields, planTaskRules } from './plan';
import { projectFields, projectRules } from './project';
import { defineRecordType, type RowMeta } from './record-type';
import { requirementFields, requirementRules, requirementTransition } from './requirement';
import { riskFields } from './risk';
import { slaFields, slaRules } from './sla';
import { stakeholderFields } from './stakeholder';
import { surveySessionFields, surveySessionRules } from './survey';

export const recordTypes = {
  projects: defineRecordType({
    table: 'projects',
    label: { zh: '项目', en: 'Project' },
    fields: projectFields,
    rules: projectRules,
    title: (p) => `${p.code} ${p.name}`,
  }),
  members: defineRecordType({
    table: 'members',
    label: { zh: '团队成员', en: 'Team member' },
    fields: memberFields,
    title: (m) => m.name,
  }),
  assets: defineRecordType({
    table: 'assets',
    label: { zh: '运维对象', en: 'Asset' },
    fields: assetFields,
    title: (a) => a.name,
  }),
  surveySessions: defineRecordType({
    table: 'surveySessions',
    label: { zh: '调研记录', en: 'Survey session' },
    fields: surveySessionFields,
    rules: surveySessionRules,
    title: (s) => s.title,
  }),
  stakeholders: defineRecordType({
    table: 'stakeholders',
    label: { zh: '干系人', en: 'Stakeholder' },
    fields: stakeholderFields,
    title: (s) => s.name,
  }),
  requirements: defineRecordType({
    table: 'requirements',
    label: { zh: '需求条目', en: 'Requirement' },
    fields: requirementFields,
    rules: requirementRules,
    transition: requirementTransition,
    title: (r) => `${r.code} ${r.statement.slice(0, 40)}`,
  }),
  feasibility: defineRecordType({
    table: 'feasibility',
    label: { zh: '可行性评估', en: 'Feasibility assessment' },
    fields: feasibilityFields,
    singleton: true,
    title: () => '可行性评估',
  }),
  risks: defineRecordType({
    table: 'risks',
    label: { zh: '风险', en: 'Risk' },
    fields: riskFields,
    title: (r) => r.description.slice(0, 40),
  }),
  sla: defineRecordType({
    table: 'sla',
    label: { zh: '服务级别协议', en: 'Service level agreement' },
    fields: slaFields,
    rules: slaRules,
    singleton: true,
    title: () => '服务级别协议',
  }),
  charter: defineRecordType({
    table: 'charter',
    label: { zh: '项目章程', en: 'Project charter' },
    fields: charterFields,
    singleton: true,
    title: () => '项目章程',
  }),
  planTasks: defineRecordType({
    table: 'planTasks',
    label: { zh: '计划任务', en: 'Plan task' },
    fields: planTaskFields,
    rules: planTaskRules,
    title: (t) => t.name,
  }),
  checklistTemplates: defineRecordType({
    table: 'checklistTemplates',
    label: { zh: '检查模板', en: 'Checklist template' },
    fields: checklistTemplateFields,
    title: (t) => `${t.name} V${t.version}`,
  }),
  inspections: defineRecordType({
    table: 'inspections',
    label: { zh: '基线检查', en: 'Baseline inspection' },
    fields: inspectionFields,
    rules: inspectionRules,
    transition: inspectionTransition,
    title: (i) => i.batch || '基线检查',
  }),
  inspectionResults: defineRecordType({
    table: 'inspectionResults',
    label: { zh: '检查结果', en: 'Inspection result' },
    fields: inspectionResultFields,
    keyed: true,
    lockedBy: {
      table: 'inspections',
      field: 'inspectionId',
      isLocked: (inspection) => inspection.status === 'signed',
      message: '该检查已签字锁定；如需修改，请先填写原因重新打开',
    },
    title: (r) => r.itemId,
  }),
  rectifications: defineRecordType({
    table: 'rectifications',
    label: { zh: '整改', en: 'Rectification' },
    fields: rectificationFields,
    rules: rectificationRules,
    keyed: true,
    title: (r) => r.itemId,
  }),
  trainingSessions: defineRecordType({
    table: 'trainingSessions',
    label: { zh: '培训记录', en: 'Training session' },
    fields: trainingSessionFields,
    title: (t) => t.topic,
  }),
  pilotRuns: defineRecordType({
    table: 'pilotRuns',
    label: { zh: '试点运行', en: 'Pilot run' },
    fields: pilotRunFields,
    rules: pilotRunRules,
    title: (p) => p.name,
  }),
  cutoverPlan: defineRecordType({
    table: 'cutoverPlan',
    label: { zh: '切换方案', en: 'Cutover plan' },
    fields: cutoverPlanFields,
    singleton: true,
    title: () => '切换方案及应急预案',
  }),
  serviceDesign: defineRecordType({
    table: 'serviceDesign',
    label: { zh: '服务设计', en: 'Service design' },
    fields: serviceDesignFields,
    singleton: true,
    title: () => '服务设计',
  }),
  patrolPlans: defineRecordType({
    table: 'patrolPlans',
    label: { zh: '巡检计划', en: 'Patrol plan' },
    fields: patrolPlanFields,
    rules: patrolPlanRules,
    title: (p) => p.name,
  }),
  patrolEntries: defineRecordType({
    table: 'patrolEntries',
    label: { zh: '巡检记录', en: 'Patrol entry' },
    fields: patrolEntryFields,
    keyed: true,
    title: (e) => `${e.round}`,
  }),
  shiftHandovers: defineRecordType({
    table: 'shiftHandovers',
    label: { zh: '交接班记录', en: 'Shift handover' },
    fields: shiftHandoverFields,
    keyed: true,
    title: (h) => `${h.round} 交接班`,
  }),
  incidents: defineRecordType({
    table: 'incidents',
    label: { zh: '故障', en: 'Incident' },
    fields: incidentFields,
    rules: incidentRules,
    title: (i) => i.title,
  }),
  changeRecords: defineRecordType({
    table: 'changeRecords',
    label: { zh: '变更', en: 'Change' },
    fields: changeRecordFields,
    rules: changeRecordRules,
    transition: changeTransition,
    title: (c) => c.title,
  }),
  opsLogs: defineRecordType({
    table: 'opsLogs',
    label: { zh: '运维记录', en: 'Operations log' },
    fields: opsLogFields,
    title: (o) => o.title,
  }),
  documentExports: defineRecordType({
    table: 'documentExports',
    label: { zh: '文档导出记录', en: 'Document export' },
    fields: documentExportFields,
    title: (d) => `${d.docType} V${d.version}`,
  }),
  milestones: defineRecordType({
    table: 'milestones',
    label: { zh: '里程碑', en: 'Milestone' },
    fields: milestoneFields,
    rules: milestoneRules,
    title: (m) => m.name,
  }),
};

export type TableName = keyof typeof recordTypes;
export const tableNames = Object.keys(recordTypes) as TableName[];

export type FieldsOf<T extends TableName> = z.infer<(typeof recordTypes)[T]['fields']>;
/** What a form hands to create(): the fields before defaults are applied. */
export type InputOf<T extends TableName> = z.input<(typeof recordTypes)[T]['fields']>;
export type RowOf<T extends TableName> = FieldsOf<T> & RowMeta;

export function isTableName(value: string): value is TableName {
  return Object.hasOwn(recordTypes, value);
}

export type { RowMeta } from './record-type';

/** Record types with one row per project, keyed by the project's id. */
export function isSingleton(table: TableName): boolean {
  return (recordTypes[table] as { singleton?: boolean }).singleton === true;
}
