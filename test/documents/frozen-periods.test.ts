import { describe, expect, it } from 'vitest';
import { type DocumentPeriod, prepareExport, renderDocument } from '../../shared/documents';
import { monthPeriod } from '../../shared/documents/parts/period';
import { OPERATIONS_TODAY, richFixture } from './helpers/fixture';
import { readBack } from './helpers/read-docx';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

/**
 * A periodic document is frozen at the end of its period: the March 巡检月报 exported on 04-01
 * and on 12-07 says the same, SLA clocks and compliance included (read at 03-31 24:00).
 */
const fixture = richFixture();
const data = fixture.data;

async function bodyText(
  docType: 'patrolMonthlyReport' | 'patrolLog',
  period: DocumentPeriod,
  exportedAt: string,
): Promise<string> {
  const { meta } = prepareExport({
    docType,
    project: data.project,
    exports: [],
    exportedBy: '陈立',
    exportedAt,
    company: '恒信科技有限公司',
    period,
  });
  const result = await renderDocument(docType, data, meta, {
    allowMissing: true,
    files: fixture.files,
    period,
    rasteriseChart,
  });
  if (!result.ok) throw new Error(result.missing.map((gap) => gap.zh).join('; '));
  const { text } = await readBack(result.bytes);
  // The cover and the 修订记录 carry the export's own date; the body starts at the 目录.
  const body = text.indexOf('目  录');
  expect(body).toBeGreaterThan(0);
  return text.slice(body);
}

describe('periodic documents are frozen at the end of their period', () => {
  const month = monthPeriod(OPERATIONS_TODAY.slice(0, 7));

  it('the month report exported the day after its month and months later has the same body', async () => {
    const soon = await bodyText('patrolMonthlyReport', month, `${nextDay(month.to)}T10:00`);
    const later = await bodyText('patrolMonthlyReport', month, '2026-12-07T10:00');
    expect(later).toContain('计时截至');
    if (later !== soon) console.log(firstDifference(soon, later));
    expect(later).toBe(soon);
  }, 180_000);

  it('a day of the patrol log exported the next morning and months later has the same body', async () => {
    const day = { from: month.to, to: month.to };
    const nextMorning = await bodyText('patrolLog', day, `${nextDay(month.to)}T08:00`);
    const later = await bodyText('patrolLog', day, '2026-12-07T10:00');
    expect(later).toBe(nextMorning);
  }, 180_000);
});

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))}\n---\n${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
}
