import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  HeightRule,
} from 'docx';
import type { DocumentContext } from './context';
import { chineseMonth } from './format';
import { classifications, type DocumentMeta, versionLabel } from './meta';
import { colors, fonts, styleIds } from './styles';
import { columnTwips, tableBorders } from './table';
import { chineseFontSizes, fontSize } from './units';

export interface CoverInput {
  meta: DocumentMeta;
  title: string;
  projectName: string;
  projectCode: string;
  customer: string;
}

const hei = { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.hei };
const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const underline = { style: BorderStyle.SINGLE, size: 6, color: colors.border };

/**
 * Every line of the cover has an exact height, so the cover is one page whatever fonts the
 * reader's Word, WPS or LibreOffice substitutes (CJK fallback fonts have taller natural lines).
 */
function line(
  text: string,
  options: {
    size: number;
    font?: typeof hei;
    bold?: boolean;
    align?: 'left' | 'center' | 'right';
    height: number;
    before?: number;
  },
): Paragraph {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[
    options.align ?? 'center'
  ];
  return new Paragraph({
    style: styleIds.coverText,
    alignment,
    spacing: { before: options.before ?? 0, after: 0, line: options.height, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, size: options.size, font: options.font, bold: options.bold })],
  });
}

function gap(height: number): Paragraph {
  return new Paragraph({
    style: styleIds.coverText,
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

function cell(
  text: string,
  width: number,
  options: {
    align?: 'left' | 'center' | 'right';
    bold?: boolean;
    borders?: 'underline' | 'none' | 'grid';
    fill?: string;
    size?: number;
  },
): TableCell {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[
    options.align ?? 'left'
  ];
  const borders =
    options.borders === 'underline'
      ? { top: none, left: none, right: none, bottom: underline }
      : options.borders === 'none'
        ? { top: none, left: none, right: none, bottom: none }
        : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.BOTTOM,
    borders,
    shading: options.fill ? { fill: options.fill, color: 'auto', type: 'clear' } : undefined,
    margins: { left: 80, right: 80, top: 0, bottom: 40 },
    children: [
      new Paragraph({
        style: styleIds.coverText,
        alignment,
        spacing: { before: 0, after: 0, line: 360, lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            text,
            bold: options.bold,
            size: options.size ?? fontSize('四号'),
            font: options.bold ? hei : undefined,
          }),
        ],
      }),
    ],
  });
}

/**
 * The size of an identification value: 四号, or smaller where a long one (a periodic document's
 * 文档编号, JNB-OPS-2026-PMR-202603) would wrap, since the line has an exact height. Estimated
 * for the widest fonts named or substituted (a Latin character about 0.7 em, a CJK one 1 em).
 */
function infoValueSize(text: string, widthTwips: number): number {
  const ems = [...text].reduce((sum, ch) => sum + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.7), 0);
  for (const size of [fontSize('四号'), fontSize('小四'), fontSize('五号'), fontSize('小五')]) {
    // size is in half-points; a twip is 1/20 pt; keep a margin for the cell's padding.
    if (ems * (size / 2) * 20 <= widthTwips - 600) return size;
  }
  return fontSize('小五');
}

function row(cells: TableCell[], height: number): TableRow {
  return new TableRow({ cantSplit: true, height: { value: height, rule: HeightRule.EXACT }, children: cells });
}

/**
 * The title's size: 小初, or the largest smaller size at which it fits on one line — the line has
 * an exact height, so a second line would overlap the next. A title with its period
 * (变更记录（2026-03-01 至 2026-03-31）) is longer than a type's title. Widths are estimated:
 * CJK and full-width characters one em, others about half, and a quarter em where Chinese meets
 * Latin text or digits (Word and LibreOffice space them apart).
 */
function titleSize(title: string, textWidth: number): number {
  const wide = [...title].map((char) => char.charCodeAt(0) >= 0x2e80);
  const ems = wide.reduce((n, isWide, i) => n + (isWide ? 1 : 0.55) + (i > 0 && isWide !== wide[i - 1] ? 0.25 : 0), 0);
  const fits = (['小初', '一号', '小一', '二号'] as const).find(
    (name) => ems * chineseFontSizes[name] * 20 * 1.05 <= textWidth,
  );
  return fontSize(fits ?? '小二');
}

/** The cover: 密级, project, title, the identification lines, 编制/审核/批准, company and date. */
export function coverPage(ctx: DocumentContext, input: CoverInput): Array<Paragraph | Table> {
  const { meta } = input;
  const infoWidth = Math.round(ctx.page.textWidth * 0.7);
  const info = columnTwips([0.3, 0.7], infoWidth);
  const infoRows: Array<[string, string]> = [
    ['客户名称', input.customer],
    ['项目编号', input.projectCode],
    ['文档编号', meta.documentNumber],
    ['版 本 号', versionLabel(meta.version, meta.minor)],
    ['密    级', classifications[meta.classification].zh],
  ];
  const infoTable = new Table({
    width: { size: infoWidth, type: WidthType.DXA },
    columnWidths: info,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: infoRows.map(([label, value]) =>
      row(
        [
          cell(`${label}：`, info[0]!, { align: 'right', bold: true, borders: 'none' }),
          cell(value, info[1]!, { align: 'center', borders: 'underline', size: infoValueSize(value, info[1]!) }),
        ],
        560,
      ),
    ),
  });

  const approval = columnTwips([0.25, 0.4, 0.35], infoWidth);
  const approvalRows: Array<[string, { name: string; date: string }]> = [
    ['编  制', meta.preparedBy],
    ['审  核', meta.reviewedBy],
    ['批  准', meta.approvedBy],
  ];
  const approvalTable = new Table({
    width: { size: infoWidth, type: WidthType.DXA },
    columnWidths: approval,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    rows: [
      row(
        [
          cell('', approval[0]!, { fill: colors.headerFill, size: fontSize('小四') }),
          cell('姓  名', approval[1]!, {
            align: 'center',
            bold: true,
            fill: colors.headerFill,
            size: fontSize('小四'),
          }),
          cell('日  期', approval[2]!, {
            align: 'center',
            bold: true,
            fill: colors.headerFill,
            size: fontSize('小四'),
          }),
        ],
        480,
      ),
      ...approvalRows.map(([label, who]) =>
        row(
          [
            cell(label, approval[0]!, { align: 'center', bold: true, size: fontSize('小四') }),
            cell(who.name, approval[1]!, { align: 'center', size: fontSize('小四') }),
            cell(who.date, approval[2]!, { align: 'center', size: fontSize('小四') }),
          ],
          520,
        ),
      ),
    ],
  });

  return [
    line(`密级：${classifications[meta.classification].zh}`, {
      size: fontSize('小四'),
      font: hei,
      bold: true,
      align: 'right',
      height: 320,
    }),
    gap(1800),
    line(input.projectName, { size: fontSize('小二'), font: hei, height: 520 }),
    line(meta.title ?? input.title, {
      size: titleSize(meta.title ?? input.title, ctx.page.textWidth),
      font: hei,
      bold: true,
      height: 960,
      before: 360,
    }),
    gap(1400),
    infoTable,
    gap(600),
    approvalTable,
    gap(1700),
    line(meta.company, { size: fontSize('三号'), font: hei, bold: true, height: 480 }),
    line(chineseMonth(meta.date), { size: fontSize('三号'), font: hei, height: 480, before: 120 }),
  ];
}
