import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { captionNumberRuns } from './captions';
import { contentColumnWidths } from './column-fit';
import type { DocumentContext } from './context';
import { keepDatesWhole } from './no-break';
import { colors, styleIds } from './styles';
import { lines } from './text';
import { fontSize } from './units';

export type CellAlign = 'left' | 'center' | 'right';

/** What a cell holds: text (several lines become several paragraphs), runs, or ready paragraphs. */
export interface CellSpec {
  text?: string;
  runs?: ParagraphChild[];
  children?: Array<Paragraph | Table>;
  /** Background fill, RRGGBB. */
  fill?: string;
  bold?: boolean;
  color?: string;
  align?: CellAlign;
  columnSpan?: number;
}
export type Cell = string | CellSpec;

export interface Column {
  title: string;
  /** Relative width; the widths of a table's columns are scaled to the text width. */
  width: number;
  align?: CellAlign;
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const thin = { style: BorderStyle.SINGLE, size: 4, color: colors.border };
export const tableBorders = {
  top: thin,
  bottom: thin,
  left: thin,
  right: thin,
  insideHorizontal: thin,
  insideVertical: thin,
};
const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

/** Relative widths → twips that add up exactly to `total`, so Word, WPS and LibreOffice agree. */
export function columnTwips(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface CellFormat {
  size?: number;
  /** Keep with the next row: set on every row but the last keeps a table on one page. */
  keepNext?: boolean;
}

function cellParagraphs(cell: CellSpec, defaultAlign: CellAlign, format: CellFormat): Paragraph[] {
  const alignment = alignments[cell.align ?? defaultAlign];
  const paragraph = { style: styleIds.tableText, alignment, keepNext: format.keepNext };
  const run = (text: string) =>
    new TextRun({ text: keepDatesWhole(text), bold: cell.bold, color: cell.color, size: format.size });
  if (cell.runs) return [new Paragraph({ ...paragraph, children: cell.runs })];
  const texts = lines(cell.text ?? '');
  if (texts.length === 0) return [new Paragraph({ ...paragraph, children: [] })];
  return texts.map((text) => new Paragraph({ ...paragraph, children: [run(text)] }));
}

function toSpec(cell: Cell): CellSpec {
  return typeof cell === 'string' ? { text: cell } : cell;
}

export function tableCell(
  cell: Cell,
  width: number,
  defaultAlign: CellAlign = 'left',
  format: CellFormat = {},
): TableCell {
  const spec = toSpec(cell);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: cellMargins,
    shading: spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } : undefined,
    children: spec.children ?? cellParagraphs(spec, defaultAlign, format),
  });
}

/** Widths of the cells of a row whose cells may span columns. */
function spannedWidths(cells: CellSpec[], widths: number[]): number[] {
  const result: number[] = [];
  let column = 0;
  for (const cell of cells) {
    const span = cell.columnSpan ?? 1;
    result.push(widths.slice(column, column + span).reduce((a, b) => a + b, 0));
    column += span;
  }
  return result;
}

function textLength(cells: CellSpec[]): number {
  return cells.reduce((n, c) => n + (c.text?.length ?? 0) + (c.children ? 200 : 0), 0);
}

export interface TableOptions {
  columns: Column[];
  rows: Cell[][];
  /** 「表 N 标题」 above the table. */
  caption?: string;
  /** Names the caption, so text can refer to it (ctx.reference('table', key)) by a REF field. */
  captionKey?: string;
  /** Width as a share of the text width (1 = full). */
  widthShare?: number;
  /** 小五 instead of 五号, for long lists with many columns. */
  compact?: boolean;
  /** Keep the whole table on one page (small tables: a matrix, a summary). */
  keepTogether?: boolean;
}

/**
 * A table with explicit column widths (fixed layout, in twips) and a header row that repeats
 * on every page. The widths are the columns' relative widths, widened where a header, date, id
 * or address would otherwise break inside (column-fit.ts). Short rows are kept on one page;
 * long ones may break.
 */
export function dataTable(ctx: DocumentContext, options: TableOptions): Array<Paragraph | Table> {
  const total = Math.round(ctx.page.textWidth * (options.widthShare ?? 1));
  const size = options.compact ? fontSize('小五') : undefined;
  const widths = contentColumnWidths(options.columns, options.rows, total, size ?? fontSize('五号'));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: options.columns.map((column, i) =>
      tableCell({ text: column.title, bold: true, fill: colors.headerFill, align: 'center' }, widths[i]!, 'center', {
        size,
        keepNext: true,
      }),
    ),
  });
  const body = options.rows.map((row, r) => {
    const keepNext = options.keepTogether && r < options.rows.length - 1;
    const specs = row.map(toSpec);
    const cellWidths = spannedWidths(specs, widths);
    let column = 0;
    const cells = specs.map((spec, i) => {
      const cell = tableCell(spec, cellWidths[i]!, options.columns[column]?.align ?? 'left', { size, keepNext });
      column += spec.columnSpan ?? 1;
      return cell;
    });
    return new TableRow({ cantSplit: textLength(specs) < 240, children: cells });
  });
  const table = new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    rows: [header, ...body],
  });
  return options.caption
    ? [tableCaption(ctx, options.caption, options.captionKey), table, spacer()]
    : [table, spacer()];
}

/** Label/value pairs in a grid: 2 columns (label, value) or 4 (label, value, label, value), kept on one page. */
export function keyValueTable(
  ctx: DocumentContext,
  pairs: Array<[string, Cell]>,
  options: { perRow?: 1 | 2; caption?: string; captionKey?: string; labelShare?: number } = {},
): Array<Paragraph | Table> {
  const perRow = options.perRow ?? 1;
  const labelShare = options.labelShare ?? (perRow === 1 ? 0.22 : 0.16);
  const weights =
    perRow === 1 ? [labelShare, 1 - labelShare] : [labelShare, 0.5 - labelShare, labelShare, 0.5 - labelShare];
  const widths = columnTwips(weights, ctx.page.textWidth);
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const cells: TableCell[] = [];
    for (let j = 0; j < perRow; j++) {
      const pair = pairs[i + j];
      const keepNext = i + perRow < pairs.length;
      cells.push(
        tableCell({ text: pair?.[0] ?? '', bold: true, fill: colors.headerFill }, widths[j * 2]!, 'center', {
          keepNext,
        }),
      );
      cells.push(tableCell(pair ? pair[1] : '', widths[j * 2 + 1]!, 'left', { keepNext }));
    }
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  const table = new Table({
    width: { size: ctx.page.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    rows,
  });
  return options.caption
    ? [tableCaption(ctx, options.caption, options.captionKey), table, spacer()]
    : [table, spacer()];
}

/**
 * 「表 N 标题」 above a table, N a SEQ field in a bookmark (captions.ts); `key` names it for
 * references in the text.
 */
export function tableCaption(ctx: DocumentContext, title: string, key?: string): Paragraph {
  return new Paragraph({
    style: styleIds.caption,
    keepNext: true,
    children: [...captionNumberRuns(ctx.captions, 'table', key), new TextRun(` ${title}`)],
  });
}

/**
 * The paragraph that must follow the document's last table, 1 pt high, so a table ending at
 * the foot of a page does not push an empty paragraph onto a page of its own.
 */
export function endParagraph(): Paragraph {
  return new Paragraph({
    style: styleIds.tableText,
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

/** A little air after a table; Word otherwise glues the next paragraph to its bottom border. */
export function spacer(): Paragraph {
  return new Paragraph({
    style: styleIds.tableText,
    spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [],
  });
}
