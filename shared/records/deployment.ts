import { z } from 'zod';
import { attachmentList } from '../attachments';
import {
  choice,
  longText,
  objectList,
  optionalDate,
  optionalDateTime,
  optionalText,
  references,
  requiredText,
} from './fields';
import { severities } from './checklist';
import type { FieldIssue } from './record-type';

const attendee = z.object({
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  organisation: optionalText({ zh: '单位/部门', en: 'Organisation' }, 100),
  signed: choice(
    { zh: '签到', en: 'Signed in' },
    { yes: { zh: '已签到', en: 'Yes' }, no: { zh: '未到', en: 'No' } },
    'yes',
  ),
});

export const trainingKinds = {
  training: { zh: '专题培训', en: 'Training' },
  handson: { zh: '实操指导', en: 'Hands-on' },
  briefing: { zh: '内部技术交底', en: 'Internal briefing' },
  documents: { zh: '文档交付', en: 'Document handover' },
};

/** 知识转移与培训 (三.2). */
export const trainingSessionFields = z.object({
  topic: requiredText({ zh: '主题', en: 'Topic' }),
  kind: choice({ zh: '形式', en: 'Kind' }, trainingKinds, 'training'),
  trainer: optionalText({ zh: '讲师', en: 'Trainer' }, 50),
  date: optionalDate({ zh: '日期', en: 'Date' }),
  place: optionalText({ zh: '地点', en: 'Place' }),
  hours: optionalText({ zh: '时长', en: 'Duration' }, 30),
  attendees: objectList({ zh: '参训人员（签到）', en: 'Attendees (sign-in)' }, attendee),
  materials: attachmentList({ zh: '培训材料', en: 'Materials' }),
  feedback: longText({ zh: '反馈', en: 'Feedback' }),
  followUp: longText({ zh: '后续跟进', en: 'Follow-up' }),
});
export type TrainingSessionFields = z.infer<typeof trainingSessionFields>;

export const problemStatuses = {
  open: { zh: '未解决', en: 'Open' },
  fixing: { zh: '修正中', en: 'Fixing' },
  fixed: { zh: '已修正', en: 'Fixed' },
};

const pilotProblem = z.object({
  description: requiredText({ zh: '问题描述', en: 'Problem' }, 1000),
  severity: choice({ zh: '严重度', en: 'Severity' }, severities, 'major'),
  fix: optionalText({ zh: '修正措施', en: 'Fix' }, 1000),
  status: choice({ zh: '状态', en: 'Status' }, problemStatuses, 'open'),
});

const pilotIndicator = z.object({
  indicator: requiredText({ zh: '指标', en: 'Indicator' }, 100),
  target: optionalText({ zh: 'SLA 目标', en: 'SLA target' }, 100),
  observed: optionalText({ zh: '实际表现', en: 'Observed' }, 100),
  met: choice({ zh: '达标', en: 'Met' }, { yes: { zh: '达标', en: 'Met' }, no: { zh: '未达标', en: 'Missed' } }, 'yes'),
});

export const pilotConclusions = {
  pending: { zh: '待定', en: 'Pending' },
  passed: { zh: '通过，可全面切换', en: 'Passed' },
  conditional: { zh: '有条件通过', en: 'Passed with conditions' },
  failed: { zh: '未通过', en: 'Failed' },
};

/** 试点运行 (三.3). */
export const pilotRunFields = z.object({
  name: requiredText({ zh: '试点名称', en: 'Pilot' }),
  systems: references({ zh: '试点范围（系统/对象）', en: 'Systems' }, 'assets'),
  scenarios: longText({ zh: '试点场景', en: 'Scenarios' }),
  start: optionalDate({ zh: '开始日期', en: 'Start' }),
  end: optionalDate({ zh: '结束日期', en: 'End' }),
  problems: objectList({ zh: '发现的问题', en: 'Problems found' }, pilotProblem),
  indicators: objectList({ zh: '指标表现', en: 'Indicators vs SLA' }, pilotIndicator),
  customerFeedback: longText({ zh: '客户反馈', en: 'Customer feedback' }),
  conclusion: choice({ zh: '结论', en: 'Conclusion' }, pilotConclusions, 'pending'),
  conclusionNote: longText({ zh: '结论说明', en: 'Conclusion note' }),
});
export type PilotRunFields = z.infer<typeof pilotRunFields>;

export function pilotRunRules(pilot: PilotRunFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (pilot.start && pilot.end && pilot.end < pilot.start)
    issues.push({ field: 'end', message: '结束日期不能早于开始日期' });
  if (pilot.conclusion === 'passed' && pilot.problems.some((p) => p.status !== 'fixed' && p.severity === 'critical')) {
    issues.push({ field: 'conclusion', message: '仍有未修正的严重问题，不能判定为通过' });
  }
  return issues;
}

export const stepStatuses = {
  planned: { zh: '待执行', en: 'Planned' },
  done: { zh: '已完成', en: 'Done' },
  skipped: { zh: '未执行', en: 'Skipped' },
  rolledBack: { zh: '已回退', en: 'Rolled back' },
};

const cutoverStep = z.object({
  action: requiredText({ zh: '步骤', en: 'Step' }, 500),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  plannedStart: optionalDateTime({ zh: '计划开始', en: 'Planned start' }),
  plannedEnd: optionalDateTime({ zh: '计划结束', en: 'Planned end' }),
  actualStart: optionalDateTime({ zh: '实际开始', en: 'Actual start' }),
  actualEnd: optionalDateTime({ zh: '实际结束', en: 'Actual end' }),
  check: optionalText({ zh: '检查点', en: 'Check' }, 500),
  decisionPoint: choice(
    { zh: 'Go/No-Go 决策点', en: 'Go/no-go point' },
    { no: { zh: '否', en: 'No' }, yes: { zh: '是', en: 'Yes' } },
    'no',
  ),
  status: choice({ zh: '状态', en: 'Status' }, stepStatuses, 'planned'),
});

const text = (zh: string, en: string) => z.object({ text: requiredText({ zh, en }, 1000) });

const contact = z.object({
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  role: optionalText({ zh: '职责', en: 'Role' }, 100),
  phone: optionalText({ zh: '电话', en: 'Phone' }, 50),
});

/** 切换方案及应急预案 and the 服务启动通知 (三.4): one per project. */
export const cutoverPlanFields = z.object({
  window: optionalText({ zh: '切换窗口', en: 'Window' }, 200),
  steps: objectList({ zh: '切换步骤', en: 'Steps' }, cutoverStep),
  triggers: objectList({ zh: '应急触发条件', en: 'Emergency triggers' }, text('触发条件', 'Trigger')),
  rollbackSteps: objectList({ zh: '回退步骤', en: 'Rollback steps' }, text('回退步骤', 'Rollback step')),
  contacts: objectList({ zh: '应急联系人', en: 'Emergency contacts' }, contact),
  serviceInterface: longText({ zh: '服务接口（对接人与职责）', en: 'Service interface' }),
  faultReporting: longText({ zh: '报障渠道与流程', en: 'How to report faults' }),
  serviceHours: optionalText({ zh: '服务时间', en: 'Service hours' }, 200),
  launchDate: optionalDate({ zh: '服务启动日期', en: 'Service starts' }),
});
export type CutoverPlanFields = z.infer<typeof cutoverPlanFields>;
