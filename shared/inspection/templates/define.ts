/**
 * A compact way to write a built-in template: sections with their items, every field the
 * schema has filled in (so a template equals what checklistItemSchema.parse would make of it).
 */
import type { AssetType } from '../../records/asset';
import type { ChecklistItem, ChecklistSection, ItemKind, Severity } from '../../records/checklist';

export interface BuiltinTemplate {
  /** Stable key, kept as `builtinKey` on the copies projects make. */
  key: string;
  name: string;
  assetTypes: AssetType[];
  description: string;
  sections: ChecklistSection[];
  items: ChecklistItem[];
}

export interface ItemSpec {
  id: string;
  title: string;
  method?: string;
  expected?: string;
  kind?: ItemKind;
  min?: number;
  max?: number;
  unit?: string;
  pattern?: string;
  options?: string[];
  acceptable?: string[];
  severity?: Severity;
  guidance?: string;
  parser?: string;
}

export interface SectionSpec {
  id: string;
  title: string;
  items: ItemSpec[];
}

export function defineTemplate(
  meta: Omit<BuiltinTemplate, 'sections' | 'items'>,
  sections: SectionSpec[],
): BuiltinTemplate {
  return {
    ...meta,
    sections: sections.map(({ id, title }) => ({ id, title })),
    items: sections.flatMap((section) =>
      section.items.map((spec): ChecklistItem => ({
        id: spec.id,
        sectionId: section.id,
        title: spec.title,
        method: spec.method ?? '',
        expected: spec.expected ?? '',
        kind: spec.kind ?? 'passFail',
        min: spec.min ?? null,
        max: spec.max ?? null,
        unit: spec.unit ?? '',
        pattern: spec.pattern ?? '',
        options: spec.options ?? [],
        acceptable: spec.acceptable ?? [],
        severity: spec.severity ?? 'major',
        guidance: spec.guidance ?? '',
        parser: spec.parser ?? '',
      })),
    ),
  };
}

/** The answer options of "is time synchronised". */
export const syncedOptions = { options: ['已同步', '未同步'], acceptable: ['已同步'] };
