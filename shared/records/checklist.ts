import { z } from 'zod';
import { assetTypes } from './asset';
import { choice, longText, multiChoice, objectList, optionalNumber, optionalText, requiredText } from './fields';

/** How an item is answered, and so how its verdict is reached. */
export const itemKinds = {
  passFail: { zh: '合格/不合格/不适用', en: 'Pass / fail / N/A' },
  number: { zh: '数值（阈值判定）', en: 'Number with thresholds' },
  text: { zh: '文本（期望值或模式）', en: 'Text with expected value' },
  choice: { zh: '单选', en: 'Single choice' },
  multiChoice: { zh: '多选', en: 'Multiple choice' },
  photo: { zh: '必须拍照', en: 'Photo required' },
};
export type ItemKind = keyof typeof itemKinds;

export const severities = {
  critical: { zh: '严重', en: 'Critical' },
  major: { zh: '一般', en: 'Major' },
  minor: { zh: '轻微', en: 'Minor' },
};
export type Severity = keyof typeof severities;

export const verdicts = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  na: { zh: '不适用', en: 'N/A' },
};
export type Verdict = keyof typeof verdicts;

const stableId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, '编号只能包含字母、数字、点、下划线和连字符');

export const checklistSectionSchema = z.object({
  id: stableId,
  title: requiredText({ zh: '分节', en: 'Section' }, 100),
});

/**
 * One check of a baseline. `id` is stable across template versions, so results and reports
 * can follow an item when the template changes around it.
 */
export const checklistItemSchema = z.object({
  id: stableId,
  sectionId: stableId,
  title: requiredText({ zh: '检查项', en: 'Item' }, 200),
  method: optionalText({ zh: '检查方法（命令或查看位置）', en: 'How to check' }, 1000),
  expected: optionalText({ zh: '期望结果', en: 'Expected' }, 500),
  kind: choice({ zh: '类型', en: 'Kind' }, itemKinds, 'passFail'),
  min: optionalNumber({ zh: '下限', en: 'Min' }),
  max: optionalNumber({ zh: '上限', en: 'Max' }),
  unit: optionalText({ zh: '单位', en: 'Unit' }, 20),
  /** For text items: a regular expression the answer must match (else `expected` must equal it). */
  pattern: optionalText({ zh: '匹配模式（正则）', en: 'Pattern (regex)' }, 500),
  /** For choice items: every option, and those that pass. */
  options: z
    .array(z.string().trim().min(1).max(100))
    .max(30)
    .default([])
    .meta({ label: { zh: '选项', en: 'Options' }, widget: 'tags' }),
  acceptable: z
    .array(z.string().trim().min(1).max(100))
    .max(30)
    .default([])
    .meta({ label: { zh: '合格选项', en: 'Acceptable' }, widget: 'tags' }),
  severity: choice({ zh: '不合格严重度', en: 'Severity if failed' }, severities, 'major'),
  guidance: optionalText({ zh: '说明/整改建议', en: 'Guidance' }, 2000),
  /** Which command-output parser can fill this item from pasted text (see shared/inspection/parsers). */
  parser: optionalText({ zh: '输出解析器', en: 'Output parser' }, 50),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistSection = z.infer<typeof checklistSectionSchema>;

/** 检查模板 (a configuration baseline): one version of it. */
export const checklistTemplateFields = z.object({
  name: requiredText({ zh: '模板名称', en: 'Template' }),
  assetTypes: multiChoice({ zh: '适用对象类型', en: 'Applies to' }, assetTypes),
  description: longText({ zh: '说明', en: 'Description' }),
  /** All versions of one template share a family id; each version is its own row. */
  familyId: requiredText({ zh: '模板族', en: 'Family' }, 64),
  version: z
    .number()
    .int()
    .min(1)
    .default(1)
    .meta({ label: { zh: '版本', en: 'Version' } }),
  /** The built-in template this one was copied from, if any. */
  builtinKey: optionalText({ zh: '内置模板', en: 'Built-in template' }, 50),
  /** Set on an old version once a newer one exists; new inspections use the newest. */
  supersededBy: optionalText({ zh: '新版本', en: 'Superseded by' }, 64),
  sections: objectList({ zh: '分节', en: 'Sections' }, checklistSectionSchema, 50),
  items: objectList({ zh: '检查项', en: 'Items' }, checklistItemSchema, 500),
});
export type ChecklistTemplateFields = z.infer<typeof checklistTemplateFields>;
