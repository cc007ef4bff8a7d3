/** The document benchmark's cases, run one per process by bench/documents.bench.ts. */
import { writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { prepareExport } from '../../shared/documents';
import { buildBaselineReport } from '../../shared/documents/baseline-report';
import { packDocument } from '../../shared/documents/kit/pack';
import type { ProjectDocumentData } from '../../shared/documents/data';
import { severities, verdicts } from '../../shared/records/checklist';
import { buildPatrolMonthlyReport } from '../../shared/documents/patrol-monthly-report';
import { largeBaselineFixture, largeOperationsFixture, OPERATIONS_TODAY } from '../../test/documents/helpers/fixture';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

export interface CaseResult {
  buildMs: number;
  packMs: number;
  bytes: number;
  maxRssMb: number;
  /** Resident memory once the fixture data is built, before the document: the case's baseline. */
  dataRssMb: number;
  rows: number;
  /** Readings at 警告 or 严重 among the rows (the 巡检月报 only): what its 异常 chapters list. */
  anomalies?: number;
  /** CPU time of build + pack (user + system): what the machine's other work does not inflate. */
  cpuMs: number;
}

/** Where a case run with --save writes its .docx (for the page count). */
export const savePath = process.env.BENCH_DOCS_SAVE;

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

function metaFor(docType: Parameters<typeof prepareExport>[0]['docType'], data: ProjectDocumentData) {
  return prepareExport({
    docType,
    project: data.project,
    exports: [],
    exportedBy: '陈立',
    exportedAt: '2026-03-31T18:00',
    company: '恒信科技有限公司',
  }).meta;
}

async function baseline(): Promise<CaseResult> {
  const { data, files } = largeBaselineFixture(334, 30);
  const dataRssMb = rssMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const built = buildBaselineReport(data, metaFor('baselineReport', data), { allowMissing: true, files });
  if (!built.ok) throw new Error(built.missing.map((gap) => gap.zh).join('; '));
  const buildMs = performance.now() - start;
  const bytes = await packDocument(built.document);
  const result = {
    buildMs,
    packMs: performance.now() - start - buildMs,
    bytes: bytes.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    dataRssMb,
    rows: data.inspectionResults?.length ?? 0,
    cpuMs: cpuMs(cpu),
  };
  if (savePath) writeFileSync(savePath, bytes);
  return result;
}

async function bareTable(): Promise<CaseResult> {
  const { data } = largeBaselineFixture(334, 30);
  const assets = new Map(data.assets.map((a) => [a.id, a]));
  const inspections = new Map((data.inspections ?? []).map((i) => [i.id, i]));
  const items = new Map(
    (data.checklistTemplates ?? []).flatMap((t) => t.items.map((item) => [item.id, item] as const)),
  );
  const dataRssMb = rssMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const widths = [1800, 2600, 1600, 900, 1000, 1100];
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  const header = new TableRow({
    tableHeader: true,
    children: ['对象', '检查项', '检查值', '结论', '严重度', '备注'].map((t, i) => cell(t, widths[i]!, true)),
  });
  const rows = (data.inspectionResults ?? []).map((r) => {
    const item = items.get(r.itemId);
    const asset = assets.get(inspections.get(r.inspectionId)?.assetId ?? '');
    const value = Array.isArray(r.value) ? r.value.join('、') : String(r.value ?? '');
    return new TableRow({
      children: [
        asset?.name ?? '',
        item?.title ?? '',
        value,
        verdicts[r.verdict as keyof typeof verdicts]?.zh ?? '',
        item ? severities[item.severity].zh : '',
        r.remark,
      ].map((t, i) => cell(t, widths[i]!)),
    });
  });
  const document = new Document({
    sections: [{ children: [new Table({ columnWidths: widths, rows: [header, ...rows] })] }],
  });
  const buildMs = performance.now() - start;
  const bytes = await Packer.toBuffer(document);
  return {
    buildMs,
    packMs: performance.now() - start - buildMs,
    bytes: bytes.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    dataRssMb,
    rows: rows.length,
    cpuMs: cpuMs(cpu),
  };
}

async function monthly(): Promise<CaseResult> {
  const data = largeOperationsFixture(200);
  // Loaded before the clock starts, as the Worker has it before it builds (a few tens of ms).
  const rasteriseChart = await nodeChartRasteriser();
  const dataRssMb = rssMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const month = OPERATIONS_TODAY.slice(0, 7);
  const built = buildPatrolMonthlyReport(data, metaFor('patrolMonthlyReport', data), {
    allowMissing: true,
    period: { from: `${month}-01`, to: OPERATIONS_TODAY },
    rasteriseChart,
  });
  if (!built.ok) throw new Error(built.missing.map((gap) => gap.zh).join('; '));
  const buildMs = performance.now() - start;
  const bytes = await packDocument(built.document);
  const result = {
    buildMs,
    packMs: performance.now() - start - buildMs,
    bytes: bytes.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    dataRssMb,
    rows: data.patrolEntries?.length ?? 0,
    anomalies: (data.patrolEntries ?? []).reduce(
      (n, e) => n + Object.values(e.readings).filter((r) => r.status === 'warning' || r.status === 'critical').length,
      0,
    ),
    cpuMs: cpuMs(cpu),
  };
  if (savePath) writeFileSync(savePath, bytes);
  return result;
}

export function runCase(name: string): Promise<CaseResult> {
  switch (name) {
    case 'baseline-10k':
      return baseline();
    case 'bare-table-10k':
      return bareTable();
    case 'monthly-200x30':
      return monthly();
    default:
      throw new Error(`unknown case ${name}`);
  }
}
