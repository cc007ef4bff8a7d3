import { addDays } from '../../../shared/date-time';
import { type DocumentTypeKey, documentType, prepareExport, renderDocument } from '../../../shared/documents';
import { nodeChartRasteriser } from '../../../scripts/node-chart-rasteriser';
import type { Fixture } from './fixture';

/**
 * The sample's next issue of `docType` (V3.0 after the fixture's two): a periodic document covers
 * its default period and is issued five days after it, a one-off document on 2026-01-20.
 */
export function sampleIssue(fixture: Fixture, docType: DocumentTypeKey, note?: string) {
  const period = documentType(docType)?.defaultPeriod?.(fixture.data) ?? undefined;
  const date = period ? addDays(period.to, 5) : '2026-01-20';
  const { meta } = prepareExport({
    docType,
    project: fixture.data.project,
    exports: fixture.exports,
    exportedBy: '陈立',
    exportedAt: `${date}T15:30`,
    note,
    company: '恒信科技有限公司',
    reviewedBy: { name: '周明', date },
    period,
  });
  return { meta, period };
}

/** The .docx of the sample's next issue of `docType`, built as the app builds it (charts included). */
export async function renderSample(fixture: Fixture, docType: DocumentTypeKey): Promise<Uint8Array> {
  const { meta, period } = sampleIssue(fixture, docType);
  const result = await renderDocument(docType, fixture.data, meta, {
    allowMissing: false,
    files: fixture.files,
    period,
    rasteriseChart: await nodeChartRasteriser(),
  });
  if (!result.ok) throw new Error(`${docType}: ${result.missing.map((gap) => gap.zh).join('; ')}`);
  return result.bytes;
}
