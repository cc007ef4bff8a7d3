import { type FileChild, ImageRun, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { assetLocation, type AssetFields, assetTypes, vendorModel } from '../../records/asset';
import { severities } from '../../records/checklist';
import { inspectionStatuses, isRectificationOverdue, rectificationStatuses } from '../../records/inspection';
import { bulkTable } from '../kit/bulk-table';
import type { DocumentContext } from '../kit/context';
import { figure, fitInto, imageInfo } from '../kit/figure';
import { datePart } from '../kit/format';
import type { DocumentMeta } from '../kit/meta';
import { colors, styleIds } from '../kit/styles';
import type { Cell, CellSpec } from '../kit/table';
import { heading, labelled, orDash, paragraphs, placeholder, placeholderRun } from '../kit/text';
import { carriesEvidence, numberedItems } from './baseline-findings';
import { baselineGaps } from '../catalogue/baseline-report';

export { baselineGaps };
import { answerText, type CheckedItem, failureSeverity, type JoinedInspection, passRate } from './inspection-data';

/**
 * One object's full record in the 配置基线检查报告, for the objects that failed an item or carry
 * evidence: identification, every item's result (the method and the expectation are in the
 * appendix, once per item), the rectification of each failure, the evidence, and the
 * customer's 签字确认.
 */

export const verdictStyle = {
  pass: { text: '合格', fill: 'C6E0B4' },
  fail: { text: '不合格', fill: 'F4B084' },
  na: { text: '不适用', fill: 'E7E6E6' },
} as const;

export function assetLabel(asset: Pick<AssetFields, 'name' | 'hostname'>): string {
  return asset.hostname && asset.hostname !== asset.name ? `${asset.name}（${asset.hostname}）` : asset.name;
}

function verdictCell(checked: CheckedItem): CellSpec {
  if (checked.verdict === null) return { text: '未检查', color: colors.muted };
  const style = verdictStyle[checked.verdict];
  if (checked.verdict === 'fail') return { text: style.text, fill: style.fill, bold: true };
  return { text: style.text, fill: style.fill };
}

export interface ObjectRecordOptions {
  meta: DocumentMeta;
  customer: string;
  /** The object has more than one inspection: name the template in the heading. */
  manyForAsset: boolean;
  /** Write the results' rows as text (raw-rows.ts): for a report of thousands of rows. */
  raw: boolean;
  today: string;
}

export function objectRecord(
  ctx: DocumentContext,
  joined: JoinedInspection,
  options: ObjectRecordOptions,
): FileChild[] {
  const { inspection, asset, template } = joined;
  const out: FileChild[] = [
    heading(options.manyForAsset && template ? `${assetLabel(asset)} ${template.name}` : assetLabel(asset), 2),
  ];
  if (inspection.status === 'inProgress') out.push(placeholder(ctx, baselineGaps.unfinished(asset.name)));
  const n = joined.counts;
  // Label–value lines rather than a grid: a few hundred objects' grids cost as much as their results.
  out.push(
    fieldsLine([
      ['类型', assetTypes[asset.type].zh],
      ['IP 地址', orDash(asset.ips.join('、'))],
      ['厂商型号', orDash(vendorModel(asset))],
    ]),
    fieldsLine([
      ['系统/版本', orDash(asset.osVersion)],
      ['位置', orDash(assetLocation(asset))],
    ]),
    fieldsLine([
      [
        '检查模板',
        template
          ? [new TextRun(`${template.name} V${template.version}`)]
          : [placeholderRun(ctx, baselineGaps.template(asset.name))],
      ],
      ['检查', orDash([inspection.inspector, datePart(inspection.startedAt)].filter(Boolean).join(' '))],
      [
        '结果',
        `合格 ${n.pass}，不合格 ${n.fail}，不适用 ${n.na}${n.unanswered ? `，未检查 ${n.unanswered}` : ''}（合格率 ${passRate(n)}）`,
      ],
    ]),
  );
  if (inspection.reopenings.length > 0) {
    out.push(
      labelled(
        '重新打开记录',
        inspection.reopenings
          .map((r) => [r.at.replace('T', ' ').slice(0, 16), r.by, r.reason].filter(Boolean).join(' '))
          .join('；'),
      ),
    );
  }
  if (inspection.notes.trim()) out.push(labelled('备注', ''), ...paragraphs(inspection.notes));

  const numbers = new Map(template ? numberedItems(template).map((e) => [e.item.id, e.number]) : []);
  const checkedItems = joined.sections.flatMap((s) => s.items);
  out.push(
    ...bulkTable(ctx, {
      caption: `${asset.name} 检查结果`,
      compact: true,
      raw: options.raw,
      columns: [
        { title: '编号', width: 6, align: 'center' },
        { title: '检查项', width: 37 },
        { title: '实际结果', width: 26 },
        { title: '结论', width: 9, align: 'center' },
        { title: '备注', width: 22 },
      ],
      rows: checkedItems.map((checked) => [
        String(numbers.get(checked.item.id) ?? ''),
        checked.item.title,
        orDash(answerText(checked.item, checked.result?.value ?? null, checked.result?.photos)),
        verdictCell(checked),
        orDash(checked.result?.remark),
      ]),
    }),
  );

  const failed = checkedItems.filter((c) => c.verdict === 'fail');
  if (failed.length > 0) out.push(...rectificationTable(ctx, asset.name, failed, options.today, options.raw));
  out.push(...evidence(ctx, asset.name, checkedItems.filter(carriesEvidence)));
  out.push(...objectSignOff(ctx, joined, options));
  return out;
}

/** 「标签：值 标签：值」 on one line, as one run where it can be (hundreds of objects' lines add up). */
function fieldsLine(pairs: Array<[string, string | ParagraphChild[]]>): Paragraph {
  const children: ParagraphChild[] = [];
  let text = '';
  pairs.forEach(([label, value], i) => {
    text += `${i > 0 ? '\u3000' : ''}${label}：`;
    if (typeof value === 'string') text += value;
    else {
      children.push(new TextRun(text), ...value);
      text = '';
    }
  });
  if (text) children.push(new TextRun(text));
  return new Paragraph({ style: styleIds.tableText, keepNext: true, children });
}

function rectificationTable(
  ctx: DocumentContext,
  assetName: string,
  failed: CheckedItem[],
  today: string,
  raw: boolean,
): FileChild[] {
  return bulkTable(ctx, {
    raw,
    caption: `${assetName} 不合格项整改与复查`,
    compact: true,
    columns: [
      { title: '检查项', width: 22 },
      { title: '整改措施', width: 34 },
      { title: '负责人\n期限', width: 14, align: 'center' },
      { title: '状态', width: 12, align: 'center' },
      { title: '复查', width: 18 },
    ],
    rows: failed.map((checked): Cell[] => {
      const r = checked.rectification;
      const action: Cell = r?.action.trim()
        ? r.action
        : { runs: [placeholderRun(ctx, baselineGaps.action(assetName, checked.item.title))] };
      const status = rectificationStatuses[r?.status ?? 'open'].zh;
      const recheck =
        r && (r.recheckVerdict || r.recheckAt)
          ? [
              answerText(checked.item, r.recheckValue, r.recheckPhotos),
              r.recheckVerdict ? verdictStyle[r.recheckVerdict].text : '',
              [r.recheckBy, datePart(r.recheckAt)].filter(Boolean).join(' '),
            ]
              .filter(Boolean)
              .join('\n')
          : '—';
      return [
        `${checked.item.title}（${severities[failureSeverity(checked)].zh}）`,
        action,
        orDash([r?.owner, r?.dueDate].filter(Boolean).join('\n')),
        r && isRectificationOverdue(r, today) ? { text: `${status}\n逾期`, color: colors.overdue, bold: true } : status,
        r?.recheckVerdict === 'pass' || r?.recheckVerdict === 'fail'
          ? { text: recheck, fill: verdictStyle[r.recheckVerdict].fill }
          : recheck,
      ];
    }),
  });
}

function evidence(ctx: DocumentContext, assetName: string, items: CheckedItem[]): FileChild[] {
  if (items.length === 0) return [];
  const out: FileChild[] = [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: '检查证据', bold: true })] }),
  ];
  for (const checked of items) {
    const result = checked.result!;
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new TextRun({ text: `${checked.item.title}：`, bold: true }),
          new TextRun(orDash(answerText(checked.item, result.value, result.photos)).replace(/\n/g, '；')),
        ],
      }),
    );
    if (result.evidence.trim()) out.push(...codeExcerpt(result.evidence));
    if (checked.verdict !== 'fail') continue;
    for (const photo of result.photos.filter((p) => p.type.startsWith('image/'))) {
      out.push(
        ...figure(ctx, {
          bytes: ctx.files.get(photo.sha256),
          name: photo.name,
          caption: `${assetName} ${checked.item.title}（${photo.caption || '不合格证据'}）`,
          widthShare: 0.6,
        }),
      );
    }
  }
  return out;
}

/**
 * The customer's confirmation of this object's record, as two lines: the drawn signature (or
 * room to sign by hand) and the inspector. The report as a whole is signed at its end.
 */
function objectSignOff(ctx: DocumentContext, joined: JoinedInspection, options: ObjectRecordOptions): FileChild[] {
  const { inspection, asset } = joined;
  const signature = inspection.signature.find((a) => a.type.startsWith('image/')) ?? inspection.signature[0];
  const signatureBytes = signature ? ctx.files.get(signature.sha256) : undefined;
  if (signature && !signatureBytes) ctx.warn(`“${asset.name}”的客户签名图片未随导出提供`);
  const info = signatureBytes ? imageInfo(signatureBytes) : null;
  const signed = inspection.status === 'signed';
  const customer: ParagraphChild[] = [
    new TextRun({ text: `签字确认（${inspectionStatuses[inspection.status].zh}）\u3000`, bold: true }),
    new TextRun(`甲方 ${options.customer}：`),
  ];
  if (info && signatureBytes) {
    customer.push(
      new ImageRun({
        type: info.kind,
        data: signatureBytes,
        transformation: fitInto(info.width, info.height, 110, 40),
        altText: { name: '签名', description: `${inspection.signerName}签名`, title: '签名' },
      }),
    );
  }
  customer.push(
    new TextRun(
      signed
        ? ` ${[inspection.signerName, inspection.signerTitle, inspection.signedAt].filter(Boolean).join(' ')}`
        : '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000日期：    年    月    日',
    ),
  );
  const provider = `乙方 ${options.meta.company}：检查人 ${orDash(inspection.inspector)}${inspection.status === 'inProgress' ? '' : ` ${datePart(inspection.startedAt)}`}`;
  return [
    new Paragraph({ style: styleIds.tableText, keepNext: true, spacing: { before: 120 }, children: customer }),
    new Paragraph({ style: styleIds.tableText, spacing: { after: 120 }, children: [new TextRun(provider)] }),
  ];
}

const EXCERPT_LINES = 12;

/** Pasted command output, at most EXCERPT_LINES lines of at most 150 characters, in a monospace block. */
function codeExcerpt(text: string): Paragraph[] {
  const all = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const shown = all.slice(0, EXCERPT_LINES).map((line) => (line.length > 150 ? `${line.slice(0, 150)}…` : line));
  const out = shown.map(
    (line) =>
      new Paragraph({ style: styleIds.code, keepNext: true, children: [new TextRun(line.replace(/\t/g, '    '))] }),
  );
  if (all.length > EXCERPT_LINES)
    out.push(
      new Paragraph({
        style: styleIds.code,
        children: [new TextRun(`……（共 ${all.length} 行，节选前 ${EXCERPT_LINES} 行）`)],
      }),
    );
  else out.push(new Paragraph({ style: styleIds.code, spacing: { after: 120 }, children: [] }));
  return out;
}
