import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { documentTypes, prepareExport, renderDocument } from '../../shared/documents';
import { resultId } from '../../shared/records/inspection';
import { patrolEntryId } from '../../shared/records/operations';
import { loadDocumentData } from '../../renderer/features/deliverables/load-document-data';
import { builtinTemplates } from '../../renderer/features/deployment/templates/builtins';
import { createTemplate } from '../../renderer/features/deployment/templates/template-ops';
import { openTestRepository, sampleProject } from './helpers/test-db';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

/**
 * Rows saved the way the screens save them hold only the fields the user touched: a keyed
 * result answered with one key press, a patrol entry typed into the grid. The data layer hands
 * them out as their schema promises, so every document and count reads them without a guard.
 */
async function projectAsTheUiLeavesIt() {
  const { db, repo } = await openTestRepository();
  const project = await repo.createProject(sampleProject);
  const asset = await repo.create('assets', project.id, { name: 'web01', hostname: 'web01', type: 'server' });
  // 检查模板 → 从内置模板复制 Linux, as TemplatesPage does it.
  const linux = builtinTemplates.find((t) => t.key === 'linux-server')!;
  const template = await createTemplate(repo, project.id, linux, linux.key);
  const inspection = await repo.create('inspections', project.id, {
    assetId: asset.id,
    templateId: template.id,
    batch: '一号机房',
  });
  const firstItem = template.items[0]!;
  // InspectionRunner on key `1`: the item's id, its verdict and who answered — no photos, no evidence.
  await repo.saveKeyed('inspectionResults', resultId(inspection.id, firstItem.id), project.id, {
    inspectionId: inspection.id,
    itemId: firstItem.id,
    verdict: 'pass',
    answeredBy: '张工',
  });
  const plan = await repo.create('patrolPlans', project.id, { name: '日常巡检', assetIds: [asset.id] });
  // PatrolRoundPage on a typed cell: readings only, no note.
  await repo.saveKeyed('patrolEntries', patrolEntryId(plan.id, '2026-12-07', asset.id), project.id, {
    planId: plan.id,
    assetId: asset.id,
    round: '2026-12-07',
    date: '2026-12-07',
    readings: { 'cpu.usedPercent': { value: 97, status: 'critical', carried: false, at: '2026-12-07T09:00' } },
  } as never);
  return { db, project, inspection, firstItem };
}

describe('rows are read as their schema says', () => {
  it('a keyed result saved with two fields reads back with every defaulted field', async () => {
    const { db, inspection, firstItem } = await projectAsTheUiLeavesIt();
    const result = await db.inspectionResults.get(resultId(inspection.id, firstItem.id));
    expect(result).toMatchObject({ verdict: 'pass', photos: [], evidence: '', remark: '', value: null });
    const listed = await db.inspectionResults.where('inspectionId').equals(inspection.id).toArray();
    expect(listed[0]!.photos).toEqual([]);
  });

  it('every document and its readiness check accept a project as the UI leaves it', async () => {
    const { db, project } = await projectAsTheUiLeavesIt();
    const data = await loadDocumentData(db, project.id);
    for (const type of documentTypes) {
      const period = 'defaultPeriod' in type ? (type.defaultPeriod(data) ?? undefined) : undefined;
      expect(() => type.missing(data, period), type.key).not.toThrow();
      const { meta } = prepareExport({
        docType: type.key,
        project,
        exports: [],
        exportedBy: '张工',
        exportedAt: '2026-12-07T10:00',
        company: '乙方',
      });
      const rendered = await renderDocument(type.key, data, meta, { allowMissing: true, period, rasteriseChart });
      expect(rendered.ok, type.key).toBe(true);
    }
  });
});
