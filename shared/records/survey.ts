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
import type { FieldIssue } from './record-type';

export const surveyKinds = {
  executiveInterview: { zh: '高层访谈', en: 'Executive interview' },
  techWorkshop: { zh: '技术座谈', en: 'Technical workshop' },
  siteSurvey: { zh: '现场勘查', en: 'Site survey' },
  documentReview: { zh: '文档研读', en: 'Document review' },
  other: { zh: '其他', en: 'Other' },
};

export const participantSides = {
  team: { zh: '我方', en: 'Our team' },
  customer: { zh: '客户方', en: 'Customer' },
};

const participant = z.object({
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  side: choice({ zh: '所属', en: 'Side' }, participantSides, 'customer'),
  role: optionalText({ zh: '职务/角色', en: 'Role' }, 100),
});

const finding = z.object({
  text: requiredText({ zh: '发现', en: 'Finding' }, 2000),
  assetIds: references({ zh: '涉及对象', en: 'Assets concerned' }, 'assets'),
});

const followUp = z.object({
  text: requiredText({ zh: '跟进事项', en: 'Follow-up' }, 1000),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  dueDate: optionalDate({ zh: '期限', en: 'Due' }),
  done: choice(
    { zh: '状态', en: 'Status' },
    { open: { zh: '未完成', en: 'Open' }, done: { zh: '已完成', en: 'Done' } },
    'open',
  ),
});

/** 调研记录: one interview, workshop, site visit or document review. */
export const surveySessionFields = z.object({
  title: requiredText({ zh: '主题', en: 'Subject' }),
  kind: choice({ zh: '调研形式', en: 'Kind' }, surveyKinds, 'techWorkshop'),
  startAt: optionalDateTime({ zh: '开始时间', en: 'Start' }),
  endAt: optionalDateTime({ zh: '结束时间', en: 'End' }),
  place: optionalText({ zh: '地点', en: 'Place' }),
  participants: objectList({ zh: '参与人员', en: 'Participants' }, participant),
  notes: longText({ zh: '记录', en: 'Notes' }),
  findings: objectList({ zh: '发现', en: 'Findings' }, finding),
  painPoints: longText({ zh: '痛点', en: 'Pain points' }),
  statedNeeds: longText({ zh: '明确提出的需求', en: 'Stated needs' }),
  unstatedNeeds: longText({ zh: '潜在需求（未明确表达）', en: 'Unstated needs' }),
  followUps: objectList({ zh: '跟进事项', en: 'Follow-ups' }, followUp),
  attachments: attachmentList({ zh: '照片与附件', en: 'Photos and files' }),
});
export type SurveySessionFields = z.infer<typeof surveySessionFields>;

export function surveySessionRules(session: SurveySessionFields): FieldIssue[] {
  if (session.startAt && session.endAt && session.endAt < session.startAt) {
    return [{ field: 'endAt', message: '结束时间不能早于开始时间' }];
  }
  return [];
}
