import { distinctGaps, type Gap, gap } from './checks';
import { type FileChild, Paragraph, TextRun } from 'docx';
import { describeExpectation } from '../inspection/verdict';
import { assetLocation, type AssetFields, assetTypes } from '../records/asset';
import { severities, type Severity } from '../records/checklist';
import { inspectionStatuses, isRectificationOverdue, rectificationStatuses } from '../records/inspection';
import { type BuildResult, type ProjectDocumentData } from './data';
import { bulkTable } from './kit/bulk-table';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { figure } from './kit/figure';
import { datePart } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { type SignOffParty, signOffTable } from './kit/sign-off';
import { colors, styleIds } from './kit/styles';
import { type Cell, type CellSpec, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, bulletList, heading, labelled, orDash, paragraphs, placeholder, placeholderRun } from './kit/text';
import {
  addCounts,
  answerText,
  type CheckedItem,
  emptyCounts,
  failureSeverity,
  type JoinedInspection,
  joinInspections,
  passRate,
} from './parts/inspection-data';
import { projectSignOff } from './common';
import { isNonConformityClosed } from './parts/open-items';

export const BASELINE_REPORT_TITLE = '配置基线检查报告';

export type BaselineReportData = Pick<ProjectDocumentData, 'project' | 'members' | 'assets' | 'checklistTemplates' | 'inspections' | 'inspectionResults' | 'rectifications'>;

const gaps = {
  inspections: gap('没有基线检查记录', 'No baseline inspection'),
  unfinished: (asset: string) => gap(`基线检查“${asset}”尚未完成`, `Baseline inspection “${asset}” is not finished`),
  template: (asset: string) => gap(`基线检查“${asset}”的检查模板不存在`, `The checklist template of inspection “${asset}” does not exist`),
  action: (asset: string, item: string) => gap(`不合格项“${asset}：${item}”缺少整改措施`, `Non-conformity “${asset}: ${item}” has no corrective action`),
};

/**
 * Above this many result rows the table of contents is written without page numbers (Word and
 * WPS fill them in when the reader updates the field). Working them out lays out every page
 * with docx's layout engine, about 10 ms per result row here — ten times the rest of the
 * export: 5 s for 500 rows, a minute for 6,000 (bench/documents.bench.ts).
 */
export const PAGE_ESTIMATE_ROW_LIMIT = 500;

/** Verdict cells: light fills that print in grey and keep black text readable. */
export const verdictStyle = {
  pass: { text: '合格', fill: 'C6E0B4' },
  fail: { text: '不合格', fill: 'F4B084' },
  na: { text: '不适用', fill: 'E7E6E6' },
} as const;
const severityFill: Record<Severity, string> = { critical: 'F4B084', major: 'FFE699', minor: 'DDEBF7' };
const severityOrder: Severity[] = ['critical', 'major', 'minor'];

function assetLabel(asset: AssetFields): string {
  return asset.hostname && asset.hostname !== asset.name ? `${asset.name}（${asset.hostname}）` : asset.name;
}

function needsAction(checked: CheckedItem): boolean {
  return checked.verdict === 'fail' && !checked.rectification?.action.trim();
}

export function baselineReportMissing(data: BaselineReportData): Gap[] {
  const { inspections } = joinInspections(data);
  if (inspections.length === 0) return [gaps.inspections];
  const missing: Gap[] = [];
  for (const joined of ordered(inspections)) {
    if (joined.inspection.status === 'inProgress') missing.push(gaps.unfinished(joined.asset.name));
    if (!joined.template) missing.push(gaps.template(joined.asset.name));
    for (const section of joined.sections) for (const checked of section.items) if (needsAction(checked)) missing.push(gaps.action(joined.asset.name, checked.item.title));
  }
  return distinctGaps(missing);
}

const typeOrder = Object.keys(assetTypes);

/** By asset type (servers first, as the inventory lists them), then name, then start time. */
function ordered(inspections: JoinedInspection[]): JoinedInspection[] {
  return [...inspections].sort(
    (a, b) =>
      typeOrder.indexOf(a.asset.type) - typeOrder.indexOf(b.asset.type) ||
      a.asset.name.localeCompare(b.asset.name, 'zh-CN', { numeric: true }) ||
      a.inspection.startedAt.localeCompare(b.inspection.startedAt),
  );
}

interface Failure {
  joined: JoinedInspection;
  checked: CheckedItem;
  severity: Severity;
}

export function buildBaselineReport(data: BaselineReportData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = baselineReportMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const { inspections: all, orphans } = joinInspections(data);
  const inspections = ordered(all);
  if (orphans > 0) ctx.warn(`${orphans} 项基线检查的运维对象已删除，未列入报告`);
  const total = inspections.reduce((sum, j) => addCounts(sum, j.counts), emptyCounts());
  const failures: Failure[] = inspections
    .flatMap((joined) => joined.sections.flatMap((s) => s.items.filter((c) => c.verdict === 'fail').map((checked) => ({ joined, checked, severity: failureSeverity(checked) }))))
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
  const rows = total.pass + total.fail + total.na + total.unanswered;
  const body: FileChild[] = [];
  const today = meta.date;

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('检查目的与依据', 2));
  body.push(
    bodyParagraph(
      `为掌握${project.customer}“${project.name}”纳入运维范围的设备与系统的配置现状，发现不符合安全与运维规范的配置并推动整改，乙方在服务部署阶段依据双方确认的配置基线（检查模板）逐台进行了基线检查。本报告汇总检查结果、不合格项及其整改与复查情况，并附各对象的检查记录与签字确认。`,
    ),
  );
  const templates = [...new Map(inspections.filter((j) => j.template).map((j) => [j.template!.id, j.template!])).values()];
  if (templates.length > 0) {
    body.push(
      ...dataTable(ctx, {
        caption: '检查依据（配置基线）',
        columns: [
          { title: '检查模板', width: 38 },
          { title: '版本', width: 10, align: 'center' },
          { title: '适用对象', width: 22, align: 'center' },
          { title: '检查项', width: 12, align: 'center' },
          { title: '检查对象', width: 18, align: 'center' },
        ],
        rows: templates.map((t) => [
          t.name,
          `V${t.version}`,
          orDash(t.assetTypes.map((type) => assetTypes[type].zh).join('、')),
          String(t.items.length),
          `${inspections.filter((j) => j.template?.id === t.id).length} 个`,
        ]),
      }),
    );
  }

  body.push(heading('检查范围与时间', 2));
  if (inspections.length === 0) body.push(placeholder(ctx, gaps.inspections));
  else {
    const dates = inspections.map((j) => datePart(j.inspection.startedAt)).filter(Boolean).sort();
    const inspectors = [...new Set(inspections.map((j) => j.inspection.inspector).filter(Boolean))];
    const batches = [...new Set(inspections.map((j) => j.inspection.batch).filter(Boolean))];
    const byType = typeOrder
      .map((type) => [type, inspections.filter((j) => j.asset.type === type).length] as const)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${assetTypes[type as AssetFields['type']].zh} ${n} 个`);
    body.push(
      bodyParagraph(
        `本次检查运维对象 ${inspections.length} 个（${byType.join('、')}），共 ${rows} 个检查项次${dates.length ? `，检查时间为 ${dates[0]}${dates.at(-1) !== dates[0] ? ` 至 ${dates.at(-1)}` : ''}` : ''}${inspectors.length ? `，检查人员：${inspectors.join('、')}` : ''}。`,
      ),
    );
    if (batches.length > 0) body.push(bodyParagraph(`检查分 ${batches.length} 个批次进行：${batches.join('；')}。`));
  }

  body.push(heading('判定规则', 2));
  body.push(
    ...bulletList([
      '合格：检查结果满足期望结果（数值在阈值范围内、取值为合格选项或与期望值一致），或经检查人判定满足要求。',
      '不合格：检查结果不满足期望结果。不合格项按严重度分为严重、一般、轻微三级，须制定整改措施，整改后复查。',
      '不适用：该检查项不适用于该对象（如未部署相应组件），或经客户确认的偏差，原因见备注。',
      '合格率 = 合格项数 ÷（合格项数 + 不合格项数）× 100%，不适用与未检查的项不计入。',
    ]),
  );
  body.push(bodyParagraph('检查时粘贴的命令输出与拍摄的照片作为原始证据保存在项目记录中；本报告附不合格项的证据节选。'));

  // 2 检查结果汇总 ------------------------------------------------------------------------------
  body.push(heading('检查结果汇总', 1), heading('总体情况', 2));
  if (inspections.length === 0) body.push(placeholder(ctx, gaps.inspections));
  else {
    const signed = inspections.filter((j) => j.inspection.status === 'signed').length;
    body.push(
      ...keyValueTable(
        ctx,
        [
          ['检查对象', `${inspections.length} 个（已签字确认 ${signed} 个）`],
          ['检查项次', String(rows)],
          ['合格', String(total.pass)],
          ['不合格', String(total.fail)],
          ['不适用', String(total.na)],
          ['未检查', String(total.unanswered)],
          ['合格率', passRate(total)],
          ['不合格项已整改', `${failures.filter((f) => isRectified(f)).length} / ${failures.length}`],
        ],
        { perRow: 2, caption: '检查结果总体统计' },
      ),
    );
    body.push(bodyParagraph(`总体合格率为 ${passRate(total)}，发现不合格项 ${total.fail} 个，其中${severityOrder.map((s) => `${severities[s].zh} ${failures.filter((f) => f.severity === s).length} 个`).join('、')}。`));

    body.push(heading('不合格项按严重度统计', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '不合格项按严重度统计',
        keepTogether: true,
        columns: [
          { title: '严重度', width: 16, align: 'center' },
          { title: '不合格项', width: 14, align: 'center' },
          { title: '已复查合格', width: 16, align: 'center' },
          { title: '已整改待复查', width: 18, align: 'center' },
          { title: '待整改/整改中', width: 18, align: 'center' },
          { title: '其中逾期', width: 18, align: 'center' },
        ],
        rows: [
          ...severityOrder.map((s): Cell[] => severityRow({ text: severities[s].zh, fill: severityFill[s], align: 'center' }, failures.filter((f) => f.severity === s), today)),
          severityRow({ text: '合计', bold: true, align: 'center' }, failures, today),
        ],
      }),
    );

    const frequent = frequentFailures(failures);
    if (frequent.length > 0) {
      body.push(heading('高频不合格项', 2));
      body.push(bodyParagraph('下表列出在多个对象上不合格的检查项，宜统一制定整改方案、批量实施。'));
      body.push(
        ...dataTable(ctx, {
          caption: '高频不合格项',
          columns: [
            { title: '检查项', width: 44 },
            { title: '严重度', width: 14, align: 'center' },
            { title: '不合格对象数', width: 18, align: 'center' },
            { title: '涉及对象（节选）', width: 24 },
          ],
          rows: frequent.map((f) => [f.title, { text: severities[f.severity].zh, fill: severityFill[f.severity], align: 'center' }, String(f.assets.length), f.assets.slice(0, 3).join('\n') + (f.assets.length > 3 ? '\n等' : '')]),
        }),
      );
    }

    body.push(heading('各对象检查结果', 2));
    body.push(
      ...bulkTable(ctx, {
        caption: '各对象检查结果统计',
        compact: true,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '运维对象', width: 29 },
          { title: '检查项', width: 9, align: 'center' },
          { title: '合格', width: 9, align: 'center' },
          { title: '不合格', width: 9, align: 'center' },
          { title: '不适用', width: 9, align: 'center' },
          { title: '合格率', width: 12, align: 'center' },
          { title: '签字确认', width: 16, align: 'center' },
        ],
        rows: inspections.map((j, i) => {
          const n = j.counts;
          return [
            String(i + 1),
            assetLabel(j.asset),
            String(n.pass + n.fail + n.na + n.unanswered),
            String(n.pass),
            n.fail ? { text: String(n.fail), fill: verdictStyle.fail.fill } : '0',
            String(n.na),
            passRate(n),
            j.inspection.status === 'signed' ? `已签字\n${j.inspection.signedAt}` : inspectionStatuses[j.inspection.status].zh,
          ];
        }),
      }),
    );
  }

  // 3 不合格项与整改 ----------------------------------------------------------------------------
  body.push(heading('不合格项与整改', 1), heading('不合格项清单', 2));
  if (inspections.length === 0) body.push(placeholder(ctx, gaps.inspections));
  else if (failures.length === 0) body.push(bodyParagraph('本次检查未发现不合格项。'));
  else {
    body.push(bodyParagraph(`本次检查共发现不合格项 ${failures.length} 个，按严重度排列如下；整改状态与复查结果截至 ${today}。`));
    body.push(
      ...bulkTable(ctx, {
        caption: '不合格项及整改、复查情况',
        compact: true,
        columns: [
          { title: '序号', width: 5, align: 'center' },
          { title: '运维对象', width: 14 },
          { title: '检查项', width: 14 },
          { title: '严重度', width: 7, align: 'center' },
          { title: '检查结果', width: 11 },
          { title: '整改措施', width: 24 },
          { title: '负责人\n期限', width: 10, align: 'center' },
          { title: '状态', width: 7, align: 'center' },
          { title: '复查', width: 10 },
        ],
        rows: failures.map((f, i) => failureRow(ctx, f, i, today)),
      }),
    );
    const rechecks = failures.flatMap((f) => (f.checked.rectification?.recheckPhotos ?? []).filter((p) => p.type.startsWith('image/')).map((photo) => ({ f, photo })));
    if (rechecks.length > 0) {
      body.push(heading('复查照片', 2));
      for (const { f, photo } of rechecks) {
        body.push(...figure(ctx, { bytes: ctx.files.get(photo.sha256), name: photo.name, caption: `${f.joined.asset.name} ${f.checked.item.title}（复查${photo.caption ? `：${photo.caption}` : ''}）`, widthShare: 0.6 }));
      }
    }
  }

  // 4 各对象检查记录 ----------------------------------------------------------------------------
  body.push(heading('各对象检查记录', 1));
  if (inspections.length === 0) body.push(placeholder(ctx, gaps.inspections));
  else body.push(bodyParagraph('以下按对象列出每项检查的检查方法、期望结果、实际结果与结论，以及不合格项的证据和客户的签字确认。'));
  const perAsset = new Map<string, number>();
  for (const j of inspections) perAsset.set(j.asset.id, (perAsset.get(j.asset.id) ?? 0) + 1);
  inspections.forEach((joined, i) => body.push(...inspectionSection(ctx, joined, meta, project.customer, (perAsset.get(joined.asset.id) ?? 0) > 1, i > 0)));

  // 5 结论与建议 --------------------------------------------------------------------------------
  body.push(heading('结论与建议', 1));
  if (inspections.length === 0) body.push(placeholder(ctx, gaps.inspections));
  else {
    body.push(bodyParagraph(`本次共检查运维对象 ${inspections.length} 个、检查项次 ${rows} 个，总体合格率 ${passRate(total)}。`));
    const openCritical = failures.filter((f) => f.severity === 'critical' && !isRectified(f));
    const open = failures.filter((f) => !isRectified(f));
    if (failures.length === 0) body.push(bodyParagraph('各对象的配置均符合基线要求，可作为后续日常巡检与变更管理的配置基线。'));
    else if (open.length === 0) body.push(bodyParagraph('全部不合格项均已整改并复查合格，各对象的配置可作为后续日常巡检与变更管理的配置基线。'));
    else {
      body.push(bodyParagraph(`尚有 ${open.length} 个不合格项未完成整改或复查${openCritical.length ? `，其中严重项 ${openCritical.length} 个，建议在服务正式启动前完成整改` : ''}。建议：`));
      body.push(
        ...bulletList([
          '按不合格项清单中的整改措施和期限实施整改；涉及重启或配置变更的，按变更管理流程在维护窗口实施，并准备回退方案。',
          '整改完成后由检查人复查并记录复查结果，复查合格后更新配置基线。',
          ...(frequentFailures(failures).length > 0 ? ['对高频不合格项统一制定加固脚本或配置模板，批量实施并抽查。'] : []),
          '将本次检查的基线纳入日常巡检，防止配置回退。',
        ]),
      );
    }
  }

  body.push(
    ...projectSignOff(ctx, '甲乙双方确认本报告所列检查结果与不合格项，乙方按整改措施和期限完成整改并复查。', { customer: project.customer, company: meta.company, members: data.members }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: BASELINE_REPORT_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
    estimatePages: rows <= PAGE_ESTIMATE_ROW_LIMIT,
  });
  if (rows > PAGE_ESTIMATE_ROW_LIMIT) ctx.warn(`报告较长（${rows} 个检查项次），目录页码未计算：在 Word 中右键目录选择“更新域”即可生成`);
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

function isRectified(f: Failure): boolean {
  return isNonConformityClosed(f.checked);
}

function severityRow(label: CellSpec, list: Failure[], today: string): Cell[] {
  const status = (s: string) => list.filter((f) => (f.checked.rectification?.status ?? 'open') === s).length;
  const overdue = list.filter((f) => f.checked.rectification && isRectificationOverdue(f.checked.rectification, today)).length;
  return [
    label,
    String(list.length),
    String(list.filter(isRectified).length),
    String(status('done')),
    String(status('open') + status('inProgress')),
    overdue ? { text: String(overdue), color: colors.overdue, bold: true } : '0',
  ];
}

/** Items that failed on two or more objects, most frequent first (at most 10). */
function frequentFailures(failures: Failure[]): Array<{ title: string; severity: Severity; assets: string[] }> {
  const byItem = new Map<string, { title: string; severity: Severity; assets: string[] }>();
  for (const f of failures) {
    const entry = byItem.get(f.checked.item.id) ?? { title: f.checked.item.title, severity: f.checked.item.severity, assets: [] };
    entry.assets.push(f.joined.asset.name);
    byItem.set(f.checked.item.id, entry);
  }
  return [...byItem.values()]
    .filter((e) => e.assets.length >= 2)
    .sort((a, b) => b.assets.length - a.assets.length || severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))
    .slice(0, 10);
}

function failureRow(ctx: DocumentContext, f: Failure, index: number, today: string): Cell[] {
  const { checked, joined } = f;
  const r = checked.rectification;
  const action: Cell = r?.action.trim() ? r.action : { runs: [placeholderRun(ctx, gaps.action(joined.asset.name, checked.item.title))] };
  const overdue = r ? isRectificationOverdue(r, today) : false;
  const status = rectificationStatuses[r?.status ?? 'open'].zh;
  const recheck = r && (r.recheckVerdict || r.recheckAt)
    ? [answerText(checked.item, r.recheckValue, r.recheckPhotos), r.recheckVerdict ? verdictStyle[r.recheckVerdict].text : '', [r.recheckBy, datePart(r.recheckAt)].filter(Boolean).join(' ')].filter(Boolean).join('\n')
    : '—';
  return [
    String(index + 1),
    [joined.asset.name, joined.asset.hostname !== joined.asset.name ? joined.asset.hostname : ''].filter(Boolean).join('\n'),
    checked.item.title,
    { text: severities[f.severity].zh, fill: severityFill[f.severity] },
    orDash(answerText(checked.item, checked.result?.value ?? null, checked.result?.photos)),
    action,
    orDash([r?.owner, r?.dueDate].filter(Boolean).join('\n')),
    overdue ? { text: `${status}\n逾期`, color: colors.overdue, bold: true } : status,
    r?.recheckVerdict ? { text: recheck, fill: r.recheckVerdict === 'pass' ? verdictStyle.pass.fill : r.recheckVerdict === 'fail' ? verdictStyle.fail.fill : undefined } : recheck,
  ];
}

function verdictCell(checked: CheckedItem): CellSpec {
  if (checked.verdict === null) return { text: '未检查', color: colors.muted };
  const style = verdictStyle[checked.verdict];
  if (checked.verdict === 'fail') return { text: `${style.text}\n（${severities[failureSeverity(checked)].zh}）`, fill: style.fill, bold: true };
  return { text: style.text, fill: style.fill };
}

/** One asset's inspection: identification, a results table per section, failures' evidence, 签字确认. */
function inspectionSection(ctx: DocumentContext, joined: JoinedInspection, meta: DocumentMeta, customer: string, manyForAsset: boolean, newPage: boolean): FileChild[] {
  const { inspection, asset, template } = joined;
  // Each object's record on pages of its own, so it can be printed and signed separately.
  const out: FileChild[] = [heading(manyForAsset && template ? `${assetLabel(asset)} ${template.name}` : assetLabel(asset), 2, { newPage })];
  if (inspection.status === 'inProgress') out.push(placeholder(ctx, gaps.unfinished(asset.name)));
  const n = joined.counts;
  out.push(
    ...keyValueTable(
      ctx,
      [
        ['运维对象', asset.name],
        ['类型', assetTypes[asset.type].zh],
        ['主机名', orDash(asset.hostname)],
        ['IP 地址', orDash(asset.ips.join('、'))],
        ['厂商型号', orDash([asset.vendor, asset.model].filter(Boolean).join(' '))],
        ['系统/版本', orDash(asset.osVersion)],
        ['位置', orDash(assetLocation(asset))],
        ['序列号', orDash(asset.serialNumber)],
        ['检查模板', template ? `${template.name} V${template.version}` : { runs: [placeholderRun(ctx, gaps.template(asset.name))] }],
        ['检查人', orDash(inspection.inspector)],
        ['检查日期', orDash(datePart(inspection.startedAt))],
        ['状态', inspectionStatuses[inspection.status].zh],
        ['检查结果', `合格 ${n.pass}，不合格 ${n.fail}，不适用 ${n.na}${n.unanswered ? `，未检查 ${n.unanswered}` : ''}`],
        ['合格率', passRate(n)],
      ],
      { perRow: 2, caption: `${asset.name} 检查信息` },
    ),
  );
  if (inspection.reopenings.length > 0) {
    out.push(labelled('重新打开记录', inspection.reopenings.map((r) => [r.at.replace('T', ' ').slice(0, 16), r.by, r.reason].filter(Boolean).join(' ')).join('；')));
  }
  if (inspection.notes.trim()) out.push(labelled('备注', ''), ...paragraphs(inspection.notes));

  for (const { section, items } of joined.sections) {
    out.push(
      ...bulkTable(ctx, {
        caption: `${asset.name} ${section.title}`,
        compact: true,
        columns: [
          { title: '检查项', width: 19 },
          { title: '检查方法', width: 27 },
          { title: '期望结果', width: 18 },
          { title: '实际结果', width: 14 },
          { title: '结论', width: 9, align: 'center' },
          { title: '备注', width: 13 },
        ],
        rows: items.map((checked) => [
          checked.item.title,
          orDash(checked.item.method),
          orDash(describeExpectation(checked.item)),
          orDash(answerText(checked.item, checked.result?.value ?? null, checked.result?.photos)),
          verdictCell(checked),
          orDash(checked.result?.remark),
        ]),
      }),
    );
  }

  const evidence = joined.sections.flatMap((s) => s.items).filter((c) => c.verdict === 'fail' && (c.result?.evidence.trim() || c.result?.photos.some((p) => p.type.startsWith('image/'))));
  if (evidence.length > 0) {
    out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: '不合格项证据', bold: true })] }));
    for (const checked of evidence) {
      out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${checked.item.title}：`, bold: true }), new TextRun(orDash(answerText(checked.item, checked.result!.value, checked.result!.photos)).replace(/\n/g, '；'))] }));
      if (checked.result!.evidence.trim()) out.push(...codeExcerpt(checked.result!.evidence));
      for (const photo of checked.result!.photos.filter((p) => p.type.startsWith('image/'))) {
        out.push(...figure(ctx, { bytes: ctx.files.get(photo.sha256), name: photo.name, caption: `${asset.name} ${checked.item.title}（${photo.caption || '不合格证据'}）`, widthShare: 0.6 }));
      }
    }
  }

  out.push(new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: '签字确认', bold: true })] }));
  const signature = inspection.signature.find((a) => a.type.startsWith('image/')) ?? inspection.signature[0];
  const signatureBytes = signature ? ctx.files.get(signature.sha256) : undefined;
  if (signature && !signatureBytes) ctx.warn(`“${asset.name}”的客户签名图片未随导出提供`);
  const parties: SignOffParty[] = [
    {
      side: 'customer',
      organisation: customer,
      name: inspection.signerName,
      title: inspection.signerTitle,
      date: inspection.signedAt,
      signature: signatureBytes,
    },
    { side: 'provider', organisation: meta.company, name: inspection.inspector, title: inspection.inspector ? '检查人' : '', date: inspection.status === 'inProgress' ? '' : datePart(inspection.startedAt) },
  ];
  out.push(...signOffTable(ctx, parties, { organisations: { customer, provider: meta.company } }));
  return out;
}

const EXCERPT_LINES = 12;

/** Pasted command output, at most EXCERPT_LINES lines of at most 150 characters, in a monospace block. */
function codeExcerpt(text: string): Paragraph[] {
  const all = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const shown = all.slice(0, EXCERPT_LINES).map((line) => (line.length > 150 ? `${line.slice(0, 150)}…` : line));
  const out = shown.map((line) => new Paragraph({ style: styleIds.code, keepNext: true, children: [new TextRun(line.replace(/\t/g, '    '))] }));
  if (all.length > EXCERPT_LINES) out.push(new Paragraph({ style: styleIds.code, children: [new TextRun(`……（共 ${all.length} 行，节选前 ${EXCERPT_LINES} 行）`)] }));
  else out.push(new Paragraph({ style: styleIds.code, spacing: { after: 120 }, children: [] }));
  return out;
}
