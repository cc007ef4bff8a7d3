import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { attachmentList } from '../attachments';
import { assetTypes, criticalities } from './asset';
import {
  choice,
  longText,
  objectList,
  optionalDateTime,
  optionalNumber,
  optionalText,
  optionalTime,
  reference,
  references,
  requiredText,
} from './fields';
import { serviceModes } from './project';
import type { FieldIssue } from './record-type';
import { allowedTransition, changeStates } from '../operations/change-workflow';

const priorityOptions = {
  P1: { zh: 'P1', en: 'P1' },
  P2: { zh: 'P2', en: 'P2' },
  P3: { zh: 'P3', en: 'P3' },
  P4: { zh: 'P4', en: 'P4' },
};
const yesNo = { no: { zh: '否', en: 'No' }, yes: { zh: '是', en: 'Yes' } };

export const escalationTargets = {
  secondLine: { zh: '二线专家', en: 'Second line' },
  pm: { zh: '项目经理', en: 'Project manager' },
  customer: { zh: '客户', en: 'Customer' },
};

export const metricDirections = {
  above: { zh: '高于阈值告警', en: 'Alarm above' },
  below: { zh: '低于阈值告警', en: 'Alarm below' },
};

const shift = z.object({
  name: requiredText({ zh: '班次', en: 'Shift' }, 30),
  start: optionalTime({ zh: '开始', en: 'Start' }),
  end: optionalTime({ zh: '结束', en: 'End' }),
  staff: optionalText({ zh: '值班人员', en: 'Staff' }, 200),
});

/** A metric with its warning and critical levels, for one asset type (二.2 监控指标与阈值). */
export const metricThresholdSchema = z.object({
  assetType: choice({ zh: '对象类型', en: 'Asset type' }, assetTypes, 'server'),
  key: requiredText({ zh: '指标键', en: 'Key' }, 64),
  label: requiredText({ zh: '指标', en: 'Metric' }, 50),
  unit: optionalText({ zh: '单位', en: 'Unit' }, 20),
  direction: choice({ zh: '方向', en: 'Direction' }, metricDirections, 'above'),
  warning: optionalNumber({ zh: '警告', en: 'Warning' }),
  critical: optionalNumber({ zh: '严重', en: 'Critical' }),
});
export type MetricThreshold = z.infer<typeof metricThresholdSchema>;

const gradingRule = z.object({
  metricKey: optionalText({ zh: '指标（空 = 任意）', en: 'Metric (empty = any)' }, 64),
  level: choice(
    { zh: '告警级别', en: 'Level' },
    { critical: { zh: '严重', en: 'Critical' }, warning: { zh: '警告', en: 'Warning' } },
    'critical',
  ),
  assetCriticality: z
    .union([z.literal(''), z.enum(['high', 'medium', 'low'])])
    .default('')
    .meta({
      label: { zh: '对象重要程度（空 = 任意）', en: 'Asset criticality' },
      options: criticalities,
      widget: 'choice',
    }),
  priority: choice({ zh: '故障级别', en: 'Priority' }, priorityOptions, 'P3'),
});

const escalationStep = z.object({
  priority: choice({ zh: '故障级别', en: 'Priority' }, priorityOptions, 'P1'),
  to: choice({ zh: '升级到', en: 'Escalate to' }, escalationTargets, 'secondLine'),
  afterMinutes: optionalNumber(
    { zh: '多久后（分钟，服务时间）', en: 'After (service minutes)' },
    { min: 0, integer: true },
  ),
});

export const changeTypes = {
  standard: { zh: '标准变更', en: 'Standard' },
  normal: { zh: '一般变更', en: 'Normal' },
  emergency: { zh: '紧急变更', en: 'Emergency' },
};

const changeRule = z.object({
  type: choice({ zh: '变更类型', en: 'Type' }, changeTypes, 'normal'),
  approver: optionalText({ zh: '审批人', en: 'Approver' }, 100),
  testRequired: choice({ zh: '须测试', en: 'Test required' }, yesNo, 'yes'),
  rollbackRequired: choice({ zh: '须回退方案', en: 'Rollback plan required' }, yesNo, 'yes'),
  notes: optionalText({ zh: '说明', en: 'Notes' }, 500),
});

/** 服务设计 (二.1, 二.2): one per project. */
export const serviceDesignFields = z.object({
  serviceMode: choice({ zh: '服务模式', en: 'Service mode' }, serviceModes, 'onsite'),
  shifts: objectList({ zh: '班次', en: 'Shifts' }, shift, 10),
  coverage: longText({ zh: '分工与覆盖', en: 'Who covers what' }),
  thresholds: objectList({ zh: '监控指标与阈值', en: 'Metrics and thresholds' }, metricThresholdSchema, 300),
  faultGrading: objectList({ zh: '故障分级规则', en: 'Fault grading' }, gradingRule, 100),
  escalation: objectList({ zh: '升级路径', en: 'Escalation path' }, escalationStep, 40),
  changeRules: objectList({ zh: '变更管理规则', en: 'Change rules' }, changeRule, 10),
});
export type ServiceDesignFields = z.infer<typeof serviceDesignFields>;

export const patrolFrequencies = {
  shift: { zh: '每班', en: 'Every shift' },
  daily: { zh: '每日', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
};

/** 巡检计划: which assets, which items, how often, by whom. */
export const patrolPlanFields = z.object({
  name: requiredText({ zh: '计划名称', en: 'Plan' }),
  assetIds: references({ zh: '巡检对象', en: 'Assets' }, 'assets', 2000),
  metricKeys: z
    .array(z.string().min(1).max(64))
    .max(50)
    .default([])
    .meta({
      label: { zh: '巡检项目', en: 'Patrol items' },
      widget: 'metrics',
      help: { zh: '不选 = 对象类型的全部指标', en: 'None chosen: every metric of the asset type' },
    }),
  frequency: choice({ zh: '频率', en: 'Frequency' }, patrolFrequencies, 'daily'),
  assignee: optionalText({ zh: '负责工程师', en: 'Assigned engineer' }, 50),
  active: choice({ zh: '启用', en: 'Active' }, yesNo, 'yes'),
});
export type PatrolPlanFields = z.infer<typeof patrolPlanFields>;

/** A plan patrols something: a plan of no assets would make empty rounds that look complete. */
export function patrolPlanRules(plan: PatrolPlanFields): FieldIssue[] {
  return plan.assetIds.length === 0 ? [{ field: 'assetIds', message: '请至少选择一个巡检对象' }] : [];
}

const reading = z.object({
  value: z.union([z.number(), z.string().max(200), z.null()]),
  status: z.enum(['normal', 'warning', 'critical', 'invalid', '']).default(''),
  /** Taken over from the previous round under an explicit 无变化 attestation. */
  carried: z.boolean().default(false),
  at: z.string().max(30).default(''),
});
export type PatrolReading = z.infer<typeof reading>;

/** One asset in one patrol round: all its readings in one row (the id is plan + round + asset). */
export const patrolEntryFields = z.object({
  planId: reference({ zh: '巡检计划', en: 'Plan' }, 'patrolPlans'),
  assetId: reference({ zh: '运维对象', en: 'Asset' }, 'assets'),
  /** The round: 2026-11-27 (daily), 2026-11-27/白班 (per shift), 2026-W48, 2026-11. */
  round: requiredText({ zh: '轮次', en: 'Round' }, 40),
  date: requiredText({ zh: '日期', en: 'Date' }, 10),
  readings: z
    .record(z.string().min(1).max(64), reading)
    .default({})
    .meta({ label: { zh: '读数', en: 'Readings' } }),
  note: optionalText({ zh: '备注', en: 'Note' }, 1000),
  enteredBy: optionalText({ zh: '巡检人', en: 'By' }, 50),
  /**
   * 未转故障: per metric key, why an anomaly the fault-grading rules make an incident has none
   * (已在处理的故障内, 计划内维护 …). The 巡检月报 lists them; 交付前检查 asks for one.
   */
  noIncidentReasons: z
    .record(z.string().min(1).max(64), z.string().max(500))
    .default({})
    .meta({ label: { zh: '未转故障原因', en: 'Why no incident' } }),
});
export type PatrolEntryFields = z.infer<typeof patrolEntryFields>;

// A fixed namespace for patrol entry ids (changing it would break merging across devices).
const PATROL_NAMESPACE = '8d0f3a52-6b1e-4c8e-a2f4-6e9b0c7d5a31';

/** The id of one asset's entry in one round of a plan: the same on every device. */
export function patrolEntryId(planId: string, round: string, assetId: string): string {
  return uuidv5(`${planId}/${round}/${assetId}`, PATROL_NAMESPACE);
}

/** The id of a round's handover note. */
export function handoverId(planId: string, round: string): string {
  return uuidv5(`${planId}/${round}/handover`, PATROL_NAMESPACE);
}

/** 交接班记录 of a round. */
export const shiftHandoverFields = z.object({
  planId: reference({ zh: '巡检计划', en: 'Plan' }, 'patrolPlans'),
  round: requiredText({ zh: '轮次', en: 'Round' }, 40),
  date: requiredText({ zh: '日期', en: 'Date' }, 10),
  handedOverBy: optionalText({ zh: '交班人', en: 'Handed over by' }, 50),
  takenOverBy: optionalText({ zh: '接班人', en: 'Taken over by' }, 50),
  note: longText({ zh: '交接内容', en: 'Handover note' }),
});
export type ShiftHandoverFields = z.infer<typeof shiftHandoverFields>;

export const incidentSources = {
  patrol: { zh: '巡检发现', en: 'Patrol anomaly' },
  call: { zh: '客户报障', en: 'Customer call' },
  monitoring: { zh: '监控告警', en: 'Monitoring' },
  other: { zh: '其他', en: 'Other' },
};

export const incidentStatuses = {
  open: { zh: '待响应', en: 'Open' },
  acknowledged: { zh: '处理中', en: 'Acknowledged' },
  resolved: { zh: '已恢复', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};

const pause = z.object({
  start: optionalDateTime({ zh: '暂停开始', en: 'Pause start' }),
  end: optionalDateTime({ zh: '暂停结束', en: 'Pause end' }),
  reason: optionalText({ zh: '原因', en: 'Reason' }, 200),
});

const incidentAction = z.object({
  at: optionalDateTime({ zh: '时间', en: 'At' }),
  by: optionalText({ zh: '处理人', en: 'By' }, 50),
  action: requiredText({ zh: '处理记录', en: 'Action' }, 1000),
});

/** 故障与问题: an incident on the SLA clocks. */
export const incidentFields = z.object({
  title: requiredText({ zh: '标题', en: 'Title' }),
  priority: choice({ zh: '故障级别', en: 'Priority' }, priorityOptions, 'P3'),
  source: choice({ zh: '来源', en: 'Source' }, incidentSources, 'call'),
  assetId: reference({ zh: '运维对象', en: 'Asset' }, 'assets'),
  description: longText({ zh: '故障描述', en: 'Description' }),
  reportedAt: optionalDateTime({ zh: '报障时间', en: 'Reported' }),
  acknowledgedAt: optionalDateTime({ zh: '响应时间', en: 'Acknowledged' }),
  resolvedAt: optionalDateTime({ zh: '恢复时间', en: 'Resolved' }),
  status: choice({ zh: '状态', en: 'Status' }, incidentStatuses, 'open'),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  pauses: objectList({ zh: '暂停计时', en: 'Clock pauses' }, pause, 50),
  actions: objectList({ zh: '处理过程', en: 'Actions' }, incidentAction, 500),
  rootCause: longText({ zh: '根本原因', en: 'Root cause' }),
  resolution: longText({ zh: '解决措施', en: 'Resolution' }),
  affectedService: optionalText({ zh: '影响的服务', en: 'Affected service' }, 100),
  outageStart: optionalDateTime({ zh: '中断开始', en: 'Outage start' }),
  outageEnd: optionalDateTime({ zh: '中断结束', en: 'Outage end' }),
  /** The patrol entry whose anomaly raised it. */
  patrolEntryId: optionalText({ zh: '来源巡检', en: 'From patrol entry' }, 64),
  attachments: attachmentList({ zh: '附件', en: 'Attachments' }),
});
export type IncidentFields = z.infer<typeof incidentFields>;

export function incidentRules(incident: IncidentFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!incident.reportedAt) issues.push({ field: 'reportedAt', message: '请填写报障时间' });
  if (incident.acknowledgedAt && incident.reportedAt && incident.acknowledgedAt < incident.reportedAt)
    issues.push({ field: 'acknowledgedAt', message: '响应时间不能早于报障时间' });
  if (incident.resolvedAt && incident.reportedAt && incident.resolvedAt < incident.reportedAt)
    issues.push({ field: 'resolvedAt', message: '恢复时间不能早于报障时间' });
  if ((incident.status === 'resolved' || incident.status === 'closed') && !incident.resolvedAt)
    issues.push({ field: 'resolvedAt', message: '已恢复的故障须填写恢复时间' });
  if (incident.status !== 'open' && !incident.acknowledgedAt)
    issues.push({ field: 'acknowledgedAt', message: '请先记录响应时间' });
  if (incident.outageStart && incident.outageEnd && incident.outageEnd < incident.outageStart)
    issues.push({ field: 'outageEnd', message: '中断结束不能早于开始' });
  // 恢复 stamps the SLA clock the moment service is back, before anyone writes a report; an
  // incident is only closed once its cause and fix are on record.
  if (incident.status === 'closed' && !incident.resolution.trim())
    issues.push({ field: 'resolution', message: '关闭故障前请填写解决措施' });
  if (incident.status === 'closed' && !incident.rootCause.trim())
    issues.push({ field: 'rootCause', message: '关闭故障前请填写根本原因' });
  return issues;
}

export { changeStates };

/** 变更记录: assessed, approved, tested, implemented, closed — in that order. */
export const changeRecordFields = z.object({
  title: requiredText({ zh: '变更标题', en: 'Title' }),
  type: choice({ zh: '变更类型', en: 'Type' }, changeTypes, 'normal'),
  state: choice({ zh: '状态', en: 'State' }, changeStates, 'assessment'),
  reason: longText({ zh: '变更原因', en: 'Reason' }),
  description: longText({ zh: '变更内容', en: 'Description' }),
  assetIds: references({ zh: '影响的对象', en: 'Affected assets' }, 'assets'),
  riskAssessment: longText({ zh: '风险评估', en: 'Risk assessment' }),
  impactAssessment: longText({ zh: '影响评估', en: 'Impact assessment' }),
  approver: optionalText({ zh: '审批人', en: 'Approver' }, 50),
  approvalDecision: choice(
    { zh: '审批结论', en: 'Decision' },
    {
      pending: { zh: '待审批', en: 'Pending' },
      approved: { zh: '批准', en: 'Approved' },
      rejected: { zh: '驳回', en: 'Rejected' },
    },
    'pending',
  ),
  approvedAt: optionalDateTime({ zh: '审批时间', en: 'Approved at' }),
  approvalComment: optionalText({ zh: '审批意见', en: 'Comment' }, 1000),
  retrospective: choice({ zh: '事后补批', en: 'Retrospective approval' }, yesNo, 'no'),
  testPlan: longText({ zh: '测试方案', en: 'Test plan' }),
  testResult: choice(
    { zh: '测试结果', en: 'Test result' },
    {
      pending: { zh: '未测试', en: 'Not tested' },
      passed: { zh: '通过', en: 'Passed' },
      failed: { zh: '未通过', en: 'Failed' },
      notApplicable: { zh: '不适用', en: 'N/A' },
    },
    'pending',
  ),
  windowStart: optionalDateTime({ zh: '实施窗口开始', en: 'Window start' }),
  windowEnd: optionalDateTime({ zh: '实施窗口结束', en: 'Window end' }),
  steps: longText({ zh: '实施步骤', en: 'Steps' }),
  implementer: optionalText({ zh: '实施人', en: 'Implemented by' }, 50),
  reviewer: optionalText({ zh: '复核人', en: 'Checked by' }, 50),
  actualStart: optionalDateTime({ zh: '实际开始', en: 'Actual start' }),
  actualEnd: optionalDateTime({ zh: '实际结束', en: 'Actual end' }),
  implementationResult: longText({ zh: '实施结果', en: 'Result' }),
  rollbackPlan: longText({ zh: '回退方案', en: 'Rollback plan' }),
  rollbackUsed: choice({ zh: '是否回退', en: 'Rolled back' }, yesNo, 'no'),
  customerNotified: choice({ zh: '已通知客户', en: 'Customer notified' }, yesNo, 'no'),
  notifiedAt: optionalDateTime({ zh: '通知时间', en: 'Notified at' }),
  plannedOutage: choice({ zh: '计划内中断', en: 'Planned outage' }, yesNo, 'no'),
  affectedService: optionalText({ zh: '影响的服务', en: 'Affected service' }, 100),
});
export type ChangeRecordFields = z.infer<typeof changeRecordFields>;

export function changeRecordRules(change: ChangeRecordFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (change.windowStart && change.windowEnd && change.windowEnd < change.windowStart)
    issues.push({ field: 'windowEnd', message: '计划结束时间不能早于开始时间' });
  if (change.actualStart && change.actualEnd && change.actualEnd < change.actualStart)
    issues.push({ field: 'actualEnd', message: '实际结束时间不能早于实际开始时间' });
  return issues;
}

/** A change moves only along its workflow (评估 → 审批 → 测试 → 实施 → 关闭), never skipping a state. */
export function changeTransition(before: ChangeRecordFields, after: ChangeRecordFields): FieldIssue[] {
  const reason = allowedTransition(after, before.state, after.state);
  return reason ? [{ field: 'state', message: reason }] : [];
}

export const opsTaskKinds = {
  backupCheck: { zh: '备份检查', en: 'Backup check' },
  logCleanup: { zh: '日志清理', en: 'Log cleanup' },
  performance: { zh: '性能监控', en: 'Performance monitoring' },
  securityCheck: { zh: '安全检查', en: 'Security check' },
  other: { zh: '其他', en: 'Other' },
};

/** 日常运维记录: a routine task from the operations manual, done and traceable. */
export const opsLogFields = z.object({
  kind: choice({ zh: '任务', en: 'Task' }, opsTaskKinds, 'backupCheck'),
  title: requiredText({ zh: '内容', en: 'What' }),
  doneAt: optionalDateTime({ zh: '完成时间', en: 'Done at' }),
  doneBy: optionalText({ zh: '执行人', en: 'By' }, 50),
  assetIds: references({ zh: '涉及对象', en: 'Assets' }, 'assets'),
  result: choice(
    { zh: '结果', en: 'Result' },
    { ok: { zh: '正常', en: 'OK' }, issue: { zh: '有问题', en: 'Issue' } },
    'ok',
  ),
  notes: longText({ zh: '说明', en: 'Notes' }),
  evidence: attachmentList({ zh: '证据', en: 'Evidence' }),
});
export type OpsLogFields = z.infer<typeof opsLogFields>;
