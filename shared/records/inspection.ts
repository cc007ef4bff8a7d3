import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { attachmentList } from '../attachments';
import {
  choice,
  longText,
  objectList,
  optionalDate,
  optionalDateTime,
  optionalText,
  reference,
  requiredText,
} from './fields';
import { severities, verdicts } from './checklist';
import type { FieldIssue } from './record-type';

export const inspectionStatuses = {
  inProgress: { zh: '检查中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  signed: { zh: '已签字', en: 'Signed' },
};
export type InspectionStatus = keyof typeof inspectionStatuses;

const reopening = z.object({
  reason: requiredText({ zh: '重新打开原因', en: 'Reason' }, 500),
  by: optionalText({ zh: '操作人', en: 'By' }, 50),
  at: optionalText({ zh: '时间', en: 'At' }, 30),
});

/** 基线检查: one asset checked against one version of a checklist template. */
export const inspectionFields = z.object({
  assetId: reference({ zh: '运维对象', en: 'Asset' }, 'assets'),
  templateId: reference({ zh: '检查模板', en: 'Template' }, 'checklistTemplates'),
  /** Inspections started together (e.g. "2026-02 一号机房服务器"), for batch progress. */
  batch: optionalText({ zh: '批次', en: 'Batch' }, 100),
  inspector: optionalText({ zh: '检查人', en: 'Inspector' }, 50),
  startedAt: optionalDateTime({ zh: '开始时间', en: 'Started' }),
  status: choice({ zh: '状态', en: 'Status' }, inspectionStatuses, 'inProgress'),
  signerName: optionalText({ zh: '客户签字人', en: 'Signed by' }, 50),
  signerTitle: optionalText({ zh: '签字人职务', en: 'Title' }, 100),
  signedAt: optionalDate({ zh: '签字日期', en: 'Signed on' }),
  signature: attachmentList({ zh: '签名', en: 'Signature' }),
  reopenings: objectList({ zh: '重新打开记录', en: 'Reopenings' }, reopening, 100),
  notes: longText({ zh: '备注', en: 'Notes' }),
});
export type InspectionFields = z.infer<typeof inspectionFields>;

export function inspectionRules(inspection: InspectionFields): FieldIssue[] {
  if (inspection.status !== 'signed') return [];
  const issues: FieldIssue[] = [];
  if (!inspection.signerName) issues.push({ field: 'signerName', message: '签字确认须填写客户签字人' });
  if (!inspection.signedAt) issues.push({ field: 'signedAt', message: '签字确认须填写日期' });
  if (inspection.signature.length === 0) issues.push({ field: 'signature', message: '签字确认须有手写签名' });
  return issues;
}

/**
 * A signed inspection is locked: the only change it accepts is reopening it, which needs a
 * reason and leaves a record (status back to 检查中, one more entry in `reopenings`).
 */
export function inspectionTransition(before: InspectionFields, after: InspectionFields): FieldIssue[] {
  if (before.status !== 'signed') return [];
  const reopened =
    after.status === 'inProgress' &&
    after.reopenings.length === before.reopenings.length + 1 &&
    after.reopenings.at(-1)!.reason.trim() !== '';
  const others = (Object.keys(after) as (keyof InspectionFields)[]).filter(
    (field) =>
      field !== 'status' && field !== 'reopenings' && JSON.stringify(after[field]) !== JSON.stringify(before[field]),
  );
  if (!reopened || others.length > 0)
    return [{ field: 'status', message: '该检查已签字锁定；如需修改，请先填写原因重新打开' }];
  return [];
}

const answer = z.union([z.string().max(4000), z.number(), z.array(z.string().max(200)).max(30), z.null()]);

/** The answer to one item of one inspection. Its id is derived from the two (see resultId). */
export const inspectionResultFields = z.object({
  inspectionId: reference({ zh: '检查', en: 'Inspection' }, 'inspections'),
  itemId: requiredText({ zh: '检查项', en: 'Item' }, 64),
  value: answer.default(null).meta({ label: { zh: '检查结果', en: 'Value' } }),
  verdict: z
    .union([z.literal(''), z.enum(Object.keys(verdicts) as ['pass', 'fail', 'na'])])
    .default('')
    .meta({ label: { zh: '结论', en: 'Verdict' }, options: verdicts, widget: 'choice' }),
  remark: optionalText({ zh: '备注', en: 'Remark' }, 2000),
  /** What a command printed, pasted as evidence. */
  evidence: z
    .string()
    .max(100_000)
    .default('')
    .meta({ label: { zh: '命令输出', en: 'Command output' }, widget: 'textarea' }),
  photos: attachmentList({ zh: '证据照片', en: 'Evidence photos' }),
  answeredBy: optionalText({ zh: '检查人', en: 'Answered by' }, 50),
  answeredAt: optionalText({ zh: '检查时间', en: 'Answered at' }, 30),
});
export type InspectionResultFields = z.infer<typeof inspectionResultFields>;

// A fixed namespace for result ids (any constant UUID works; changing it would break merging).
const RESULT_NAMESPACE = '3f6c1b1e-8c2a-4d7e-9a51-0b6f2e4c9d10';

/**
 * The id of the result of `itemId` in `inspectionId`: the same on every device, so two
 * engineers answering the same item offline write the same row and merge field by field.
 */
export function resultId(inspectionId: string, itemId: string): string {
  return uuidv5(`${inspectionId}/${itemId}`, RESULT_NAMESPACE);
}

export const rectificationStatuses = {
  open: { zh: '待整改', en: 'Open' },
  inProgress: { zh: '整改中', en: 'In progress' },
  done: { zh: '已整改', en: 'Done' },
  verified: { zh: '已复查', en: 'Verified' },
};

/** 整改: the follow-up of one failed result (same id as the result). */
export const rectificationFields = z.object({
  inspectionId: reference({ zh: '检查', en: 'Inspection' }, 'inspections'),
  itemId: requiredText({ zh: '检查项', en: 'Item' }, 64),
  severity: choice({ zh: '严重度', en: 'Severity' }, severities, 'major'),
  owner: optionalText({ zh: '整改负责人', en: 'Owner' }, 50),
  dueDate: optionalDate({ zh: '整改期限', en: 'Due' }),
  action: longText({ zh: '整改措施', en: 'Action' }),
  status: choice({ zh: '整改状态', en: 'Status' }, rectificationStatuses, 'open'),
  recheckValue: answer.default(null).meta({ label: { zh: '复查结果', en: 'Re-check value' } }),
  recheckVerdict: z
    .union([z.literal(''), z.enum(['pass', 'fail', 'na'])])
    .default('')
    .meta({ label: { zh: '复查结论', en: 'Re-check verdict' }, options: verdicts, widget: 'choice' }),
  recheckAt: optionalText({ zh: '复查时间', en: 'Re-checked at' }, 30),
  recheckBy: optionalText({ zh: '复查人', en: 'Re-checked by' }, 50),
  recheckPhotos: attachmentList({ zh: '复查照片', en: 'Re-check photos' }),
});
export type RectificationFields = z.infer<typeof rectificationFields>;

export function rectificationRules(rectification: RectificationFields): FieldIssue[] {
  if (rectification.status === 'verified' && rectification.recheckVerdict === '') {
    return [{ field: 'recheckVerdict', message: '已复查的整改须记录复查结论' }];
  }
  return [];
}

export function isRectificationOverdue(
  rectification: Pick<RectificationFields, 'dueDate' | 'status'>,
  today: string,
): boolean {
  return (
    Boolean(rectification.dueDate) &&
    rectification.dueDate < today &&
    rectification.status !== 'done' &&
    rectification.status !== 'verified'
  );
}
