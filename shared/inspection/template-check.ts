/**
 * Checks of a template beyond what the zod schemas see: ids unique, items in known sections,
 * thresholds and options coherent, patterns that compile, parser keys that exist. Errors make
 * a template unusable (an import stops); warnings are things a reviewer should look at.
 */
import type { ChecklistItem, ChecklistSection } from '../records/checklist';
import { isKnownValueKey } from './parsers';
import { compilePattern } from './verdict';

export interface TemplateIssue {
  level: 'error' | 'warning';
  message: string;
  itemId?: string;
  sectionId?: string;
  /** Field of the item the issue is about. */
  field?: keyof ChecklistItem;
}

export interface TemplateContent {
  sections: readonly ChecklistSection[];
  items: readonly ChecklistItem[];
}

export function checkTemplate(template: TemplateContent): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const sectionIds = new Set<string>();
  for (const section of template.sections) {
    if (sectionIds.has(section.id))
      issues.push({ level: 'error', sectionId: section.id, message: `分节编号重复：${section.id}` });
    sectionIds.add(section.id);
  }
  const itemIds = new Set<string>();
  const used = new Set<string>();
  for (const item of template.items) {
    const at = (level: TemplateIssue['level'], field: keyof ChecklistItem | undefined, message: string) =>
      issues.push({
        level,
        itemId: item.id,
        ...(field ? { field } : {}),
        message: `检查项 ${item.id}「${item.title}」：${message}`,
      });
    if (itemIds.has(item.id)) at('error', 'id', '编号重复');
    itemIds.add(item.id);
    used.add(item.sectionId);
    if (!sectionIds.has(item.sectionId)) at('error', 'sectionId', `所属分节 ${item.sectionId} 不存在`);
    switch (item.kind) {
      case 'number':
        if (item.min !== null && item.max !== null && item.min > item.max)
          at('error', 'min', `下限 ${item.min} 大于上限 ${item.max}`);
        if (item.min === null && item.max === null) at('warning', 'max', '未设下限和上限，将由工程师判定');
        break;
      case 'text':
        if (item.pattern && !compilePattern(item.pattern))
          at('error', 'pattern', `匹配模式不是有效的正则表达式：${item.pattern}`);
        if (!item.pattern && !item.expected) at('warning', 'expected', '没有期望值或匹配模式，将由工程师判定');
        break;
      case 'choice':
      case 'multiChoice': {
        if (item.options.length < 2) at('error', 'options', '至少需要 2 个选项');
        const folded = item.options.map((option) => option.toLowerCase());
        if (new Set(folded).size !== folded.length) at('error', 'options', '选项重复');
        const missing = item.acceptable.filter((option) => !folded.includes(option.toLowerCase()));
        if (missing.length) at('error', 'acceptable', `合格选项不在选项中：${missing.join('、')}`);
        if (item.acceptable.length === 0) at('warning', 'acceptable', '没有合格选项，将由工程师判定');
        break;
      }
      default:
        break;
    }
    if (item.parser && !isKnownValueKey(item.parser)) at('warning', 'parser', `未知的输出解析器：${item.parser}`);
  }
  for (const section of template.sections) {
    if (!used.has(section.id))
      issues.push({ level: 'warning', sectionId: section.id, message: `分节「${section.title}」没有检查项` });
  }
  return issues;
}
