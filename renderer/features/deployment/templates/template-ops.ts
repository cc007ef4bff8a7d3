import type { ChecklistTemplateFields } from '../../../../shared/records/checklist';
import type { RowOf } from '../../../../shared/records';
import { newId } from '../../../../shared/ids';
import type { FieldbookDb } from '../../../data/db';
import type { Repository } from '../../../data/repository';

export type TemplateRow = RowOf<'checklistTemplates'>;
export type TemplateContent = Pick<
  ChecklistTemplateFields,
  'name' | 'assetTypes' | 'description' | 'sections' | 'items'
>;

/** A project's own copy of a template (a built-in one, or an imported or empty one), version 1. */
export async function createTemplate(
  repo: Repository,
  projectId: string,
  content: TemplateContent,
  builtinKey = '',
): Promise<TemplateRow> {
  const { name, assetTypes, description, sections, items } = content;
  return repo.create('checklistTemplates', projectId, {
    name,
    assetTypes,
    description,
    sections,
    items,
    familyId: newId(),
    version: 1,
    builtinKey,
  });
}

/** How many inspections use each template version. */
export async function inspectionCountsByTemplate(db: FieldbookDb, projectId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.inspections
    .where('projectId')
    .equals(projectId)
    .each((inspection) => {
      if (!inspection.deleted) counts.set(inspection.templateId, (counts.get(inspection.templateId) ?? 0) + 1);
    });
  return counts;
}

/**
 * Saves edits to a template. When inspections already use this version, the edits become a new
 * version (a new row of the same family) and the old one is marked superseded, so existing
 * inspections keep the items they were filled against. Both writes are one transaction.
 */
export async function saveTemplateEdits(
  repo: Repository,
  db: FieldbookDb,
  template: TemplateRow,
  edits: TemplateContent,
): Promise<{ row: TemplateRow; newVersion: boolean }> {
  const inUse =
    (await db.inspections
      .where('templateId')
      .equals(template.id)
      .filter((i) => !i.deleted)
      .count()) > 0;
  if (!inUse) return { row: await repo.update('checklistTemplates', template.id, edits), newVersion: false };
  const id = newId();
  const [created] = await repo.writeMany([
    {
      kind: 'create',
      table: 'checklistTemplates',
      projectId: template.projectId,
      id,
      values: { ...edits, familyId: template.familyId, version: template.version + 1, builtinKey: template.builtinKey },
    },
    { kind: 'update', table: 'checklistTemplates', id: template.id, patch: { supersededBy: id } },
  ]);
  return { row: created as unknown as TemplateRow, newVersion: true };
}
