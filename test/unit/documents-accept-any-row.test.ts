import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  type DocumentPeriod,
  type DocumentType,
  type DocumentTypeKey,
  documentTypes,
  packDocument,
  prepareExport,
  type ProjectDocumentData,
} from '../../shared/documents';
import type { ProjectFields } from '../../shared/records/project';
import { FieldbookDb } from '../../renderer/data/db';
import { loadClock, loadDeviceId } from '../../renderer/data/device';
import { applyRemoteChanges } from '../../renderer/data/sync/apply-remote';
import { HybridLogicalClock } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { loadDocumentData } from '../../renderer/features/deliverables/load-document-data';
import { validationErrors } from '../documents/helpers/read-docx';
import { type GeneratedProject, PROJECT_ID, projectArbitrary } from './helpers/project-arbitrary';
import { realDate } from './helpers/schema-arbitrary';
import { computeEveryFigure } from './helpers/screen-figures';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

/**
 * Every document builder and every screen figure accepts any row its schema accepts: projects
 * made of generated rows (only the required fields, or any valid subset of the fields) go into
 * a real FieldbookDb, are read back as the deliverables page reads them, and every document is
 * judged, built with and without 待补充 markers, for its default period and an arbitrary one.
 * None may throw; the documents built are valid Office Open XML (a bounded number per run:
 * the validator is slow).
 */

let databases = 0;

async function storeProject(project: GeneratedProject): Promise<{ db: FieldbookDb; data: ProjectDocumentData }> {
  const db = new FieldbookDb(`any-row-${databases++}`);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(project)) if (rows.length) await db.table(table).bulkPut(rows);
  });
  return { db, data: await loadDocumentData(db, PROJECT_ID) };
}

/**
 * The same rows as another device's changes pulled from the server: one change per row holding
 * every field it has, merged by applyRemoteChanges as a pull merges them. Raw rows may hold list
 * items written without a field added since (an older version); the device stores them as its
 * schema reads them.
 */
async function syncProject(project: GeneratedProject): Promise<{ db: FieldbookDb; data: ProjectDocumentData }> {
  const db = new FieldbookDb(`any-row-${databases++}`);
  await db.open();
  const clock = await loadClock(db, await loadDeviceId(db));
  const remote = new HybridLogicalClock('remote01.ab', () => Date.UTC(2026, 11, 7));
  const ordered = Object.entries(project).sort(([a], [b]) => Number(b === 'projects') - Number(a === 'projects'));
  const changes = ordered.flatMap(([table, rows]) =>
    rows.map(({ id, projectId, deleted, fieldHlc: _hlc, live: _live, ...fields }) => ({
      changeId: newId(),
      projectId,
      table,
      rowId: id,
      fields: deleted ? { ...fields, deleted } : fields,
      hlc: remote.now(),
      author: '李工',
      deviceId: 'remote01',
    })),
  );
  const result = await applyRemoteChanges(db, clock, changes);
  expect(result.stoppedAt?.reason, 'a schema-valid change was refused').toBeUndefined();
  return { db, data: await loadDocumentData(db, PROJECT_ID) };
}

const periodArbitrary: fc.Arbitrary<DocumentPeriod> = fc
  .tuple(realDate(), realDate())
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

/**
 * The periods a document is judged and built for: a periodic one for its default period (the
 * latest with data, or none) and the one generated; any other ignores the period, so once.
 */
function periodsOf(
  type: DocumentType,
  data: ProjectDocumentData,
  generated: DocumentPeriod,
): Array<DocumentPeriod | undefined> {
  return type.period ? [type.defaultPeriod?.(data) ?? undefined, generated] : [generated];
}

/**
 * The document types still to be packed and validated in this property, each once, on the
 * first project that builds it: the validator takes seconds per document (the demo project's
 * documents are all validated in test/documents; here the point is generated text and shapes).
 */
type ToValidate = Set<string>;

async function everyDocumentOf(
  data: ProjectDocumentData,
  generated: DocumentPeriod,
  toValidate: ToValidate,
): Promise<void> {
  for (const type of documentTypes as readonly DocumentType[]) {
    const { meta } = prepareExport({
      docType: type.key as (typeof documentTypes)[number]['key'],
      project: data.project as ProjectFields,
      exports: data.documentExports ?? [],
      exportedBy: '张工',
      exportedAt: '2026-12-07T10:00',
      company: '乙方',
      period: generated,
    });
    for (const period of periodsOf(type, data, generated)) {
      type.missing(data, period);
      for (const allowMissing of [true, false]) {
        const result = buildDocument(type.key as DocumentTypeKey, data, meta, { allowMissing, period, rasteriseChart });
        if (allowMissing) expect(result.ok, `${type.key} with allowMissing`).toBe(true);
        if (!result.ok || !toValidate.has(type.key)) continue;
        toValidate.delete(type.key);
        const errors = await validationErrors(await packDocument(result.document));
        expect(errors, `${type.key} ${JSON.stringify(period)}`).toEqual([]);
      }
    }
  }
}

async function checkProject(
  project: GeneratedProject,
  generated: DocumentPeriod,
  toValidate: ToValidate,
  arrives: 'stored' | 'synced' = 'stored',
): Promise<void> {
  const { db, data } = await (arrives === 'stored' ? storeProject(project) : syncProject(project));
  try {
    await everyDocumentOf(data, generated, toValidate);
    await computeEveryFigure(db, data, generated, Date.UTC(2026, 11, 7, 2));
  } finally {
    db.close();
    await db.delete();
  }
}

describe('every document and every figure accepts any row its schema accepts', () => {
  it('projects of minimal rows (only the required fields)', async () => {
    const toValidate: ToValidate = new Set(['handover']);
    await fc.assert(
      fc.asyncProperty(projectArbitrary('minimal'), periodArbitrary, (project, period) =>
        checkProject(project, period, toValidate),
      ),
      { seed: 20261207, numRuns: 4 },
    );
    expect([...toValidate], 'documents never built, so never validated').toEqual([]);
  }, 300_000);

  it('projects of arbitrary schema-valid rows, references mostly joined, sometimes dangling', async () => {
    const toValidate: ToValidate = new Set(['requirementsSpec', 'baselineReport', 'patrolMonthlyReport']);
    await fc.assert(
      fc.asyncProperty(projectArbitrary('arbitrary'), periodArbitrary, (project, period) =>
        checkProject(project, period, toValidate),
      ),
      { seed: 20261207, numRuns: 12 },
    );
    expect([...toValidate], 'documents never built, so never validated').toEqual([]);
  }, 300_000);

  it('projects whose rows arrived by sync from an older version (list items without fields added since)', async () => {
    await fc.assert(
      fc.asyncProperty(projectArbitrary('arbitrary', true), periodArbitrary, (project, period) =>
        checkProject(project, period, new Set(), 'synced'),
      ),
      { seed: 7, numRuns: 8 },
    );
  }, 300_000);
});
