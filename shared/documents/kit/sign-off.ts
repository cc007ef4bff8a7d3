import {
  AlignmentType,
  HeightRule,
  LineRuleType,
  ImageRun,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DocumentContext } from './context';
import { fitInto, imageInfo } from './figure';
import { chineseDate } from './format';
import { frontTitle } from './front-matter';
import { colors, styleIds } from './styles';
import { columnTwips, endParagraph, tableBorders, tableCaption } from './table';

export type Side = 'customer' | 'provider';

/** One person signing for one side. */
export interface SignOffParty {
  side: Side;
  /** The party's organisation (甲方: the customer; 乙方: the provider). */
  organisation: string;
  name?: string;
  title?: string;
  /** YYYY-MM-DD, or '' to be written by hand. */
  date?: string;
  /** A drawn signature (PNG, transparent background) to place on the 签字 line. */
  signature?: Uint8Array;
}

const sideLabels: Record<Side, string> = { customer: '甲方', provider: '乙方' };

function para(children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    style: styleIds.tableText,
    spacing: { before: 80, after: 80, line: 360, lineRule: LineRuleType.EXACT },
    children,
  });
}

function signatureRuns(ctx: DocumentContext, party: SignOffParty): ParagraphChild[] {
  const label = new TextRun({ text: '签字：', bold: true });
  const info = party.signature ? imageInfo(party.signature) : null;
  if (!party.signature) return [label];
  if (!info) {
    ctx.warn(`${party.name ?? sideLabels[party.side]}的签名图片格式无法插入 Word`);
    return [label];
  }
  // About 4 × 1.6 cm: the size of a handwritten signature on paper.
  const size = fitInto(info.width, info.height, 150, 60);
  return [
    label,
    new ImageRun({
      type: info.kind,
      data: party.signature,
      transformation: size,
      altText: { name: '签名', description: `${party.name ?? ''}签名`, title: '签名' },
    }),
  ];
}

function partyCell(ctx: DocumentContext, party: SignOffParty | undefined, width: number): TableCell {
  const cell = {
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: 140, right: 140, top: 80, bottom: 80 },
  };
  // A side with fewer signatories than the other leaves its extra cells empty.
  if (!party) return new TableCell({ ...cell, children: [para([])] });
  const children = [
    para([new TextRun({ text: `${sideLabels[party.side]}（盖章）：`, bold: true }), new TextRun(party.organisation)]),
    para([
      new TextRun({ text: '代表人：', bold: true }),
      new TextRun(party.name ?? ''),
      ...(party.title ? [new TextRun(`（${party.title}）`)] : []),
    ]),
    // Room to sign by hand when there is no drawn signature.
    new Paragraph({
      style: styleIds.tableText,
      spacing: { before: 80, after: party.signature ? 80 : 560, line: 360, lineRule: LineRuleType.EXACT },
      children: signatureRuns(ctx, party),
    }),
    para([
      new TextRun({ text: '日期：', bold: true }),
      new TextRun(party.date ? chineseDate(party.date) : '      年    月    日'),
    ]),
  ];
  return new TableCell({ ...cell, children });
}

/**
 * 签字确认: 甲方 on the left, 乙方 on the right, one row per pair of signatories, each with
 * organisation (for the seal), representative, signature (drawn, or room to sign) and date.
 */
export function signOffTable(
  ctx: DocumentContext,
  parties: SignOffParty[],
  options: { caption?: string; organisations: Record<Side, string> },
): Array<Paragraph | Table> {
  const customers = parties.filter((p) => p.side === 'customer');
  const providers = parties.filter((p) => p.side === 'provider');
  const count = Math.max(1, customers.length, providers.length);
  const widths = columnTwips([1, 1], ctx.page.textWidth);
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: (['customer', 'provider'] as const).map(
        (side, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: { fill: colors.headerFill, color: 'auto', type: 'clear' },
            children: [
              new Paragraph({
                style: styleIds.tableText,
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: sideLabels[side], bold: true })],
              }),
            ],
          }),
      ),
    }),
  ];
  for (let i = 0; i < count; i++) {
    const customer =
      customers[i] ??
      (i === 0 ? { side: 'customer' as const, organisation: options.organisations.customer } : undefined);
    const provider =
      providers[i] ??
      (i === 0 ? { side: 'provider' as const, organisation: options.organisations.provider } : undefined);
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: 2000, rule: HeightRule.ATLEAST },
        children: [partyCell(ctx, customer, widths[0]!), partyCell(ctx, provider, widths[1]!)],
      }),
    );
  }
  const table = new Table({
    width: { size: ctx.page.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: tableBorders,
    rows,
  });
  // Sign-off ends a document: end it with a hairline paragraph, not a spacer that could spill onto a blank page.
  return [...(options.caption ? [tableCaption(ctx, options.caption)] : []), table, endParagraph()];
}

/**
 * The closing 签字确认 block: an unnumbered title, a sentence saying what the signatures
 * confirm, and the table, kept together on one page.
 */
export function signOffBlock(
  ctx: DocumentContext,
  statement: string,
  parties: SignOffParty[],
  organisations: Record<Side, string>,
): Array<Paragraph | Table> {
  return [
    frontTitle('签字确认'),
    new Paragraph({ style: styleIds.body, keepNext: true, children: [new TextRun(statement)] }),
    ...signOffTable(ctx, parties, { organisations }),
  ];
}
