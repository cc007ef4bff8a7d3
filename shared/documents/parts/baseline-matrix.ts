import type { Paragraph, Table } from 'docx';
import type { ChecklistTemplateFields } from '../../records/checklist';
import type { Row } from '../data';
import { bulkTable } from '../kit/bulk-table';
import type { DocumentContext } from '../kit/context';
import type { Cell, Column } from '../kit/table';
import type { CheckedItem, JoinedInspection } from './inspection-data';
import { numberedItems } from './baseline-findings';

/**
 * The summary matrix of the 配置基线检查报告: one row per object, one column per check item (by
 * its number in the appendix of methods), a mark per verdict. A reader sees at a glance which
 * objects and which items fail; 334 objects fit on a few pages where one table per object took
 * hundreds.
 */

/** The marks, as Chinese inspection forms write them, with the verdict fills of the report. */
export const matrixMarks = {
  pass: { text: '√', fill: 'C6E0B4' },
  fail: { text: '×', fill: 'F4B084' },
  na: { text: '/', fill: 'E7E6E6' },
} as const;

/** At most this many item columns side by side: each stays wide enough for a 小五 mark. */
export const MATRIX_MAX_COLUMNS = 20;

/** The line above the matrices: what the marks mean and where the numbered items are described. */
export function matrixLegend(methodsChapter: number): string {
  return `图例：√ 合格，× 不合格，/ 不适用，空白 未检查。列号为检查项的编号，各检查项的检查方法与期望结果见第 ${methodsChapter} 章。`;
}

/** The name an object goes by in the matrix: its hostname, short and unique in an inventory, else its name. */
export function matrixLabel(joined: JoinedInspection): string {
  return joined.asset.hostname.trim() || joined.asset.name;
}

function mark(checked: CheckedItem | undefined): Cell {
  if (!checked || checked.verdict === null) return '';
  const style = matrixMarks[checked.verdict];
  return checked.verdict === 'fail'
    ? { text: style.text, fill: style.fill, bold: true }
    : { text: style.text, fill: style.fill };
}

/**
 * The matrix of one template's inspections, split into tables of at most MATRIX_MAX_COLUMNS
 * items (30 items: two tables of 15), each with the object's name and its 不合格 count.
 */
export function verdictMatrix(
  ctx: DocumentContext,
  template: Row<ChecklistTemplateFields>,
  inspections: readonly JoinedInspection[],
  options: { raw: boolean },
): Array<Paragraph | Table> {
  const items = numberedItems(template);
  const parts = Math.max(1, Math.ceil(items.length / MATRIX_MAX_COLUMNS));
  const perPart = Math.ceil(items.length / parts);
  const byItem = inspections.map(
    (joined) => new Map(joined.sections.flatMap((s) => s.items).map((c) => [c.item.id, c])),
  );
  const out: Array<Paragraph | Table> = [];
  for (let part = 0; part < parts; part++) {
    const slice = items.slice(part * perPart, (part + 1) * perPart);
    const columns: Column[] = [
      { title: '运维对象', width: 19 },
      ...slice.map((entry) => ({
        title: String(entry.number),
        width: 62 / Math.max(slice.length, 15),
        align: 'center' as const,
      })),
      { title: '不合格', width: 7, align: 'center' },
    ];
    const range = parts > 1 ? `（检查项 ${slice[0]!.number}–${slice.at(-1)!.number}）` : '';
    out.push(
      ...bulkTable(ctx, {
        caption: `${matrixTitle(template.name)}${range}`,
        compact: true,
        narrow: true,
        raw: options.raw,
        columns,
        rows: inspections.map((joined, i) => {
          const fails = joined.counts.fail;
          return [
            matrixLabel(joined),
            ...slice.map((entry) => mark(byItem[i]!.get(entry.item.id))),
            fails ? { text: String(fails), bold: true } : '0',
          ];
        }),
      }),
    );
  }
  return out;
}

/**
 * A checklist template's name joined to a word about its checks, without saying 检查 twice:
 * 「Linux 服务器基线检查」 + 「检查项」 → 「Linux 服务器基线检查项」.
 */
export function templateTitle(templateName: string, checkWord: `检查${string}`): string {
  return `${templateName.replace(/检查$/, '')}${checkWord}`;
}

/** 「Linux 服务器基线检查结果矩阵」. */
export function matrixTitle(templateName: string): string {
  return templateTitle(templateName, '检查结果矩阵');
}
