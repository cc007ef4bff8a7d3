import {
  AlignmentType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { contentColumnWidths } from './column-fit';
import type { DocumentContext } from './context';
import { colors, styleIds } from './styles';
import {
  type Cell,
  type CellAlign,
  type CellSpec,
  spacer,
  tableBorders,
  tableCaption,
  type TableOptions,
} from './table';
import { bordersXml, isPlainCell, rowXml, tableXml } from './raw-rows';
import { keepDatesWhole } from './no-break';
import { lines } from './text';
import { fontSize } from './units';

/**
 * dataTable for long tables (thousands of rows: inspection results, patrol logs). The same
 * look — fixed column widths, header row repeated on every page, 五号 or 小五 text, fills — with
 * about half the XML per cell: cell margins are set once on the table instead of on every cell,
 * cells carry no width of their own (the table's grid gives it, as Word and LibreOffice read a
 * fixed layout), paragraphs carry only their style (the 小五 size is a style, not a property of
 * every run) and an alignment when it is not the default, and cells are top-aligned.
 *
 * Each element docx builds costs memory and time three times over (the object, its XML object
 * and its text), so for 6,000 rows this is the difference between about 0.7 and 0.4 GB.
 * No keepTogether: a long table is meant to break across pages.
 */
export function bulkTable(
  ctx: DocumentContext,
  options: Omit<TableOptions, 'keepTogether'> & BulkOptions,
): Array<Paragraph | Table> {
  const total = Math.round(ctx.page.textWidth * (options.widthShare ?? 1));
  const widths = contentColumnWidths(options.columns, options.rows, total, fontSize(options.compact ? '小五' : '五号'));
  const style = options.compact ? styleIds.tableTextSmall : styleIds.tableText;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: options.columns.map((column) =>
      leanCell({ text: column.title, bold: true, fill: colors.headerFill }, 'center', style),
    ),
  });
  const sideMargin = options.narrow ? 40 : 80;
  if (options.raw && options.rows.length > 0 && options.rows.every((row) => row.every(isPlainCell))) {
    const aligns = options.columns.map((c) => c.align ?? 'left');
    const headerXml = rowXml(
      options.columns.map((c) => ({ text: c.title, bold: true, fill: colors.headerFill, align: 'center' })),
      widths,
      aligns,
      style,
      true,
      true,
    );
    const rowsXml = options.rows.map((row) => rowXml(row, widths, aligns, style, rowLength(row) < 240)).join('');
    const marker = ctx.rawRows.marker(
      tableXml(
        { widths, total, sideMargin, borderXml: bordersXml(tableBorders.top.size, tableBorders.top.color) },
        headerXml,
        rowsXml,
      ),
    );
    return options.caption
      ? [tableCaption(ctx, options.caption, options.captionKey), marker, spacer()]
      : [marker, spacer()];
  }
  const rows = [header];
  for (const row of options.rows) {
    let column = 0;
    const cells: TableCell[] = [];
    for (const cell of row) {
      const spec = typeof cell === 'string' ? { text: cell } : cell;
      cells.push(leanCell(spec, options.columns[column]?.align ?? 'left', style));
      column += spec.columnSpan ?? 1;
    }
    // Short rows stay on one page; a row with a long command or remark may break.
    rows.push(new TableRow({ cantSplit: rowLength(row) < 240, children: cells }));
  }
  const table = new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    margins: { top: 40, bottom: 40, left: sideMargin, right: sideMargin },
    rows,
  });
  return options.caption
    ? [tableCaption(ctx, options.caption, options.captionKey), table, spacer()]
    : [table, spacer()];
}

export interface BulkOptions {
  /**
   * Write the body rows as text (raw-rows.ts) when every cell is plain: for tables of thousands
   * of rows. The document's table of contents then gets no estimated page numbers.
   */
  raw?: boolean;
  /** Half the cell margins left and right: for a matrix of narrow columns holding a mark each. */
  narrow?: boolean;
}

function rowLength(row: readonly Cell[]): number {
  let length = 0;
  for (const cell of row)
    length += typeof cell === 'string' ? cell.length : (cell.text?.length ?? 0) + (cell.children ? 200 : 0);
  return length;
}

const alignments = { left: undefined, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function leanCell(spec: CellSpec, defaultAlign: CellAlign, style: string): TableCell {
  const alignment = alignments[spec.align ?? defaultAlign];
  let children: Array<Paragraph | Table>;
  if (spec.children) children = spec.children;
  else if (spec.runs) children = [new Paragraph({ style, alignment, children: spec.runs })];
  else {
    const texts = lines(spec.text ?? '');
    const plain = !spec.bold && !spec.color;
    const run = (line: string) => {
      const text = keepDatesWhole(line);
      return plain ? new TextRun(text) : new TextRun({ text, bold: spec.bold, color: spec.color });
    };
    children =
      texts.length === 0
        ? [new Paragraph({ style, alignment })]
        : texts.map((text) => new Paragraph({ style, alignment, children: [run(text)] }));
  }
  return new TableCell({
    columnSpan: spec.columnSpan,
    shading: spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } : undefined,
    children,
  });
}
