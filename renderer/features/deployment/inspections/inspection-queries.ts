import type { RowOf } from '../../../../shared/records';
import type { FieldbookDb } from '../../../data/db';

export type InspectionRow = RowOf<'inspections'>;
export type ResultRow = RowOf<'inspectionResults'>;
export type TemplateRow = RowOf<'checklistTemplates'>;

export interface InspectionProgress {
  answered: number;
  total: number;
  failed: number;
}

/** Answered / total / failed per inspection, from its results and its template's items. */
export async function progressOf(
  db: FieldbookDb,
  inspections: InspectionRow[],
): Promise<Map<string, InspectionProgress>> {
  const templateIds = [...new Set(inspections.map((i) => i.templateId))];
  const templates = new Map((await db.checklistTemplates.bulkGet(templateIds)).filter(Boolean).map((t) => [t!.id, t!]));
  const progress = new Map<string, InspectionProgress>();
  for (const inspection of inspections) {
    progress.set(inspection.id, {
      answered: 0,
      total: templates.get(inspection.templateId)?.items.length ?? 0,
      failed: 0,
    });
  }
  await db.inspectionResults
    .where('inspectionId')
    .anyOf(inspections.map((i) => i.id))
    .each((result) => {
      const entry = progress.get(result.inspectionId);
      if (!entry || result.deleted || !result.verdict) return;
      entry.answered++;
      if (result.verdict === 'fail') entry.failed++;
    });
  return progress;
}

/** The newest version of each template family of a project. */
export async function currentTemplates(db: FieldbookDb, projectId: string): Promise<TemplateRow[]> {
  return db.checklistTemplates
    .where('projectId')
    .equals(projectId)
    .filter((t) => !t.deleted && !t.supersededBy)
    .toArray();
}
