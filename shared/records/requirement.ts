import { z } from 'zod';
import { choice, longText, objectList, optionalDate, optionalText, reference, requiredText } from './fields';
import type { FieldIssue } from './record-type';

export const requirementCategories = {
  objects: { zh: '运维对象', en: 'Managed objects' },
  scope: { zh: '服务范围', en: 'Service scope' },
  serviceLevel: { zh: '服务级别', en: 'Service level' },
  constraint: { zh: '约束条件', en: 'Constraint' },
};

/** The second level of a category: which service, which kind of constraint. */
export const requirementTopics = {
  monitoring: { zh: '监控', en: 'Monitoring' },
  incident: { zh: '故障处理', en: 'Incident handling' },
  patrol: { zh: '日常巡检', en: 'Routine inspection' },
  change: { zh: '变更支持', en: 'Change support' },
  backup: { zh: '备份恢复', en: 'Backup & recovery' },
  security: { zh: '安全', en: 'Security' },
  compliance: { zh: '合规', en: 'Compliance' },
  budget: { zh: '预算', en: 'Budget' },
  schedule: { zh: '工期', en: 'Schedule' },
  technical: { zh: '技术', en: 'Technical' },
  general: { zh: '综合', en: 'General' },
};

export const requirementPriorities = {
  must: { zh: '必须', en: 'Must' },
  should: { zh: '应该', en: 'Should' },
  could: { zh: '可以', en: 'Could' },
};

export const requirementStatuses = {
  draft: { zh: '草稿', en: 'Draft' },
  pending: { zh: '待确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  changed: { zh: '已变更', en: 'Changed' },
};
export type RequirementStatus = keyof typeof requirementStatuses;

const revision = z.object({
  revision: z.number().int().min(1),
  statement: z.string(),
  acceptanceCriterion: z.string(),
  priority: z.string(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  /** Why the confirmed version was changed, and when. */
  reason: z.string(),
  changedAt: z.string(),
});
export type RequirementRevision = z.infer<typeof revision>;

/** 需求条目: one measurable, verifiable requirement, confirmed by the customer. */
export const requirementFields = z.object({
  code: requiredText({ zh: '编号', en: 'Code' }, 30),
  category: choice({ zh: '类别', en: 'Category' }, requirementCategories, 'scope'),
  topic: choice({ zh: '子类', en: 'Topic' }, requirementTopics, 'general'),
  statement: requiredText({ zh: '需求描述', en: 'Statement' }, 4000).meta({
    label: { zh: '需求描述', en: 'Statement' },
    widget: 'textarea',
  }),
  priority: choice({ zh: '优先级', en: 'Priority' }, requirementPriorities, 'should'),
  sourceSessionId: reference({ zh: '来源调研', en: 'From survey session' }, 'surveySessions'),
  sourceDocument: optionalText({ zh: '来源文档', en: 'From document' }),
  acceptanceCriterion: longText({ zh: '验收标准（可度量）', en: 'Acceptance criterion (measurable)' }),
  status: choice({ zh: '状态', en: 'Status' }, requirementStatuses, 'draft'),
  confirmedBy: optionalText({ zh: '客户确认人', en: 'Confirmed by' }, 50),
  confirmedAt: optionalDate({ zh: '确认日期', en: 'Confirmed on' }),
  revision: z
    .number()
    .int()
    .min(1)
    .default(1)
    .meta({ label: { zh: '版本', en: 'Revision' } }),
  revisions: objectList({ zh: '历次确认版本', en: 'Earlier confirmed versions' }, revision, 100),
});
export type RequirementFields = z.infer<typeof requirementFields>;

/** What a confirmed requirement says; changing any of it is a new revision. */
export const requirementContentFields = ['category', 'topic', 'statement', 'priority', 'acceptanceCriterion'] as const;

const allowedTransitions: Record<RequirementStatus, RequirementStatus[]> = {
  draft: ['pending'],
  pending: ['draft', 'confirmed'],
  confirmed: ['changed'],
  changed: ['pending', 'confirmed'],
};

export function requirementRules(item: RequirementFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ((item.status === 'confirmed' || item.status === 'pending') && !item.acceptanceCriterion.trim()) {
    issues.push({ field: 'acceptanceCriterion', message: '提交确认前请写明可度量的验收标准' });
  }
  if (item.status === 'confirmed' && (!item.confirmedBy || !item.confirmedAt)) {
    issues.push({ field: 'confirmedBy', message: '已确认的需求须填写客户确认人和确认日期' });
  }
  return issues;
}

/** A requirement moves only along its workflow, and a confirmed one is never edited silently. */
export function requirementTransition(before: RequirementFields, after: RequirementFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (before.status !== after.status && !allowedTransitions[before.status].includes(after.status)) {
    issues.push({
      field: 'status',
      message: `需求状态不能从“${requirementStatuses[before.status].zh}”直接改为“${requirementStatuses[after.status].zh}”`,
    });
  }
  const contentChanged = requirementContentFields.some((field) => before[field] !== after[field]);
  if (before.status === 'confirmed' && contentChanged && after.revision !== before.revision + 1) {
    issues.push({ field: 'statement', message: '已确认的需求不能直接修改，请使用“变更”记录新版本' });
  }
  if (after.revision < before.revision) issues.push({ field: 'revision', message: '版本号不能回退' });
  return issues;
}

/**
 * The patch that changes a confirmed requirement: the confirmed version is kept in
 * `revisions`, the revision number goes up, and the item waits for confirmation again.
 */
export function revisionPatch(
  current: RequirementFields,
  changes: Partial<RequirementFields>,
  reason: string,
  today: string,
): Partial<RequirementFields> {
  const kept: RequirementRevision = {
    revision: current.revision,
    statement: current.statement,
    acceptanceCriterion: current.acceptanceCriterion,
    priority: current.priority,
    confirmedBy: current.confirmedBy,
    confirmedAt: current.confirmedAt,
    reason,
    changedAt: today,
  };
  return {
    ...changes,
    status: 'changed',
    revision: current.revision + 1,
    revisions: [...current.revisions, kept],
    confirmedBy: '',
    confirmedAt: '',
  };
}
