import { type AssetType, assetTypes } from '../../records/asset';
import type { ChecklistItem, ChecklistSection, ChecklistTemplateFields, Severity } from '../../records/checklist';
import { live, type Row } from '../data';

/**
 * The configuration baselines (配置基线) of a project: its checklist templates. Every version of
 * a template is its own row (so old inspections keep theirs); the baseline in force is the
 * newest version of each family, which is what new inspections use.
 */

export const severityOrder: readonly Severity[] = ['critical', 'major', 'minor'];

/** The newest live version of each template family, ordered by the asset types they apply to, then name. */
export function baselinesInForce(
  templates: readonly Row<ChecklistTemplateFields>[] | undefined,
): Row<ChecklistTemplateFields>[] {
  const newest = new Map<string, Row<ChecklistTemplateFields>>();
  for (const t of live(templates)) {
    const current = newest.get(t.familyId);
    if (!current || t.version > current.version) newest.set(t.familyId, t);
  }
  const typeOrder = Object.keys(assetTypes) as AssetType[];
  const firstType = (t: ChecklistTemplateFields) =>
    Math.min(...t.assetTypes.map((type) => typeOrder.indexOf(type)), typeOrder.length);
  return [...newest.values()].sort((a, b) => firstType(a) - firstType(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

export interface BaselineSection {
  section: ChecklistSection;
  items: ChecklistItem[];
}

/** A template's items by section, in the template's order; items of an unknown section go under 其他. */
export function baselineSections(template: ChecklistTemplateFields): BaselineSection[] {
  const bySection = new Map<string, BaselineSection>(template.sections.map((s) => [s.id, { section: s, items: [] }]));
  for (const item of template.items) {
    let entry = bySection.get(item.sectionId);
    if (!entry) {
      entry = { section: { id: item.sectionId, title: '其他' }, items: [] };
      bySection.set(item.sectionId, entry);
    }
    entry.items.push(item);
  }
  return [...bySection.values()].filter((s) => s.items.length > 0);
}

export function countBySeverity(items: readonly ChecklistItem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, major: 0, minor: 0 };
  for (const item of items) counts[item.severity]++;
  return counts;
}

/** The items whose failure weighs most: the 严重 ones, or the 一般 ones of a template that has none. */
export function mostSevereItems(template: ChecklistTemplateFields): ChecklistItem[] {
  for (const severity of severityOrder) {
    const items = template.items.filter((i) => i.severity === severity);
    if (items.length > 0) return items;
  }
  return [];
}

export function appliesTo(template: ChecklistTemplateFields): string {
  return template.assetTypes.map((type) => assetTypes[type].zh).join('、');
}
