import type { FileChild } from 'docx';
import { describeExpectation } from '../inspection/verdict';
import { type AssetFields, assetTypes } from '../records/asset';
import { severities, type Severity } from '../records/checklist';
import { inspectionStatuses } from '../records/inspection';
import { type BuildResult } from './data';
import { bulkTable } from './kit/bulk-table';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { figure } from './kit/figure';
import { datePart } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { colors } from './kit/styles';
import { type Cell, type CellSpec, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, bulletList, heading, orDash, placeholder, placeholderRun } from './kit/text';
import { projectSignOff } from './common';
import {
  type Finding,
  groupFindings,
  isRectified,
  needsFullRecord,
  numberedItems,
  rectificationProgress,
  severityOrder,
} from './parts/baseline-findings';
import { type BaselineSummary, baselineSummary, rectificationText } from './parts/baseline-summary';
import { matrixLegend, templateTitle, verdictMatrix } from './parts/baseline-matrix';
import { assetLabel, baselineGaps as gaps, objectRecord } from './parts/baseline-object-record';
import { joinInspections, passRate } from './parts/inspection-data';
import {
  BASELINE_REPORT_TITLE,
  type BaselineReportData,
  baselineReportMissing,
  typeOrder,
  ordered,
} from './catalogue/baseline-report';

export { verdictStyle } from './parts/baseline-object-record';

/**
 * Above this many result rows the table of contents is written without page numbers (Word and
 * WPS fill them in when the reader updates the field), and the long tables' rows are written
 * as text (kit/raw-rows.ts): laying out every page takes about 10 ms per row.
 */
export const PAGE_ESTIMATE_ROW_LIMIT = 500;

const severityFill: Record<Severity, string> = { critical: 'F4B084', major: 'FFE699', minor: 'DDEBF7' };

/** The chapters, numbered as the heading list numbers them: the text refers to them by number. */
const chapters = [
  '概述',
  '检查结果汇总',
  '不合格项与整改',
  '不合格与留证对象检查记录',
  '结论与建议',
  '检查项与检查方法',
  '检查与签字确认记录',
] as const;
const chapter = (title: (typeof chapters)[number]) => chapters.indexOf(title) + 1;

/**
 * 配置基线检查报告, laid out for its reader: the verdicts of every object and item in one matrix,
 * identical findings grouped with their rectification, full results only for the objects that
 * failed an item or carry evidence, and each item's check method once, in an appendix. 334
 * servers × 30 items fit in about a tenth of the pages a table per object took.
 */
export function buildBaselineReport(data: BaselineReportData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = baselineReportMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const { inspections: all, orphans } = joinInspections(data);
  const inspections = ordered(all);
  if (orphans > 0) ctx.warn(`${orphans} 项基线检查的运维对象已删除，未列入报告`);
  const today = meta.date;
  const summary = baselineSummary(data, inspections, today);
  const { total, failures, rows } = summary;
  const large = rows > PAGE_ESTIMATE_ROW_LIMIT;
  const templates = [
    ...new Map(inspections.filter((j) => j.template).map((j) => [j.template!.id, j.template!])).values(),
  ];
  const recorded = inspections.filter(needsFullRecord);
  const body: FileChild[] = [];
  const none = () => body.push(placeholder(ctx, gaps.inspections));

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading(chapters[0], 1, { newPage: true }), heading('检查目的与依据', 2));
  body.push(
    bodyParagraph(
      `为掌握${project.customer}“${project.name}”纳入运维范围的设备与系统的配置现状，发现不符合安全与运维规范的配置并推动整改，乙方在服务部署阶段依据双方确认的配置基线（检查模板）逐台进行了基线检查。本报告汇总检查结果、不合格项及其整改与复查情况，并附不合格对象的检查记录与签字确认。`,
    ),
  );
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
  if (inspections.length === 0) none();
  else {
    const dates = inspections
      .map((j) => datePart(j.inspection.startedAt))
      .filter(Boolean)
      .sort();
    const inspectors = [...new Set(inspections.map((j) => j.inspection.inspector).filter(Boolean))];
    const batches = [...new Set(inspections.map((j) => j.inspection.batch).filter(Boolean))];
    const byType = typeOrder
      .map((type) => [type, inspections.filter((j) => j.asset.type === type).length] as const)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${assetTypes[type as AssetFields['type']].zh} ${n} 个`);
    const { inScope, checkedObjects: checked } = summary;
    body.push(
      bodyParagraph(
        `项目运维对象清单共 ${inScope} 个，本次检查其中 ${checked} 个${checked < inScope ? `（其余 ${inScope - checked} 个未在本次检查范围内）` : ''}。本次检查运维对象 ${inspections.length} 个（${byType.join('、')}），共 ${rows} 个检查项次${dates.length ? `，检查时间为 ${dates[0]}${dates.at(-1) !== dates[0] ? ` 至 ${dates.at(-1)}` : ''}` : ''}${inspectors.length ? `，检查人员：${inspectors.join('、')}` : ''}。`,
      ),
    );
    if (batches.length > 0) body.push(bodyParagraph(`检查分 ${batches.length} 个批次进行：${batches.join('；')}。`));
  }

  body.push(heading('判定规则与报告结构', 2));
  body.push(
    ...bulletList([
      '合格：检查结果满足期望结果（数值在阈值范围内、取值为合格选项或与期望值一致），或经检查人判定满足要求。',
      '不合格：检查结果不满足期望结果。不合格项按严重度分为严重、一般、轻微三级，须制定整改措施，整改后复查。',
      '不适用：该检查项不适用于该对象（如未部署相应组件），或经客户确认的偏差，原因见备注。',
      '合格率 = 合格项数 ÷（合格项数 + 不合格项数）× 100%，不适用与未检查的项不计入。',
    ]),
  );
  body.push(
    bodyParagraph(
      `第 ${chapter('检查结果汇总')} 章以矩阵列出每个对象每个检查项的结论；第 ${chapter('不合格项与整改')} 章把在多个对象上结果相同的不合格项合并为一条，列出整改与复查进度；第 ${chapter('不合格与留证对象检查记录')} 章仅对存在不合格项或留有检查证据的对象列出全部检查结果、整改、证据与签字确认；每个检查项的检查方法与期望结果只在第 ${chapter('检查项与检查方法')} 章列出一次；各对象的检查与签字确认情况见第 ${chapter('检查与签字确认记录')} 章。检查时粘贴的命令输出与拍摄的照片作为原始证据保存在项目记录中。`,
    ),
  );

  // 2 检查结果汇总 ------------------------------------------------------------------------------
  body.push(heading(chapters[1], 1), heading('总体情况', 2));
  if (inspections.length === 0) none();
  else {
    const signed = inspections.filter((j) => j.inspection.status === 'signed').length;
    body.push(
      ...keyValueTable(
        ctx,
        [
          ['运维对象清单', `${summary.inScope} 个`],
          ['本次检查对象', `${summary.checkedObjects} 个（已签字确认 ${signed} 个）`],
          ['检查项次', String(rows)],
          ['合格率', passRate(total)],
          ['合格', String(total.pass)],
          ['不合格', String(total.fail)],
          ['不适用', String(total.na)],
          ['未检查', String(total.unanswered)],
          // The same four counts as the 合计 row of the severity table below.
          ['已复查合格', String(summary.rectification.verified)],
          ['已整改待复查', String(summary.rectification.awaitingRecheck)],
          ['待整改/整改中', String(summary.rectification.open)],
          ['其中逾期', String(summary.rectification.overdue)],
        ],
        { perRow: 2, caption: '检查结果总体统计', labelShare: 0.2 },
      ),
    );
    const failedObjects = inspections.filter((j) => j.counts.fail > 0).length;
    body.push(
      bodyParagraph(
        `总体合格率为 ${passRate(total)}，发现不合格项 ${total.fail} 个，分布在 ${failedObjects} 个对象上，其中${severityOrder.map((s) => `${severities[s].zh} ${failures.filter((f) => f.severity === s).length} 个`).join('、')}；${inspections.length - failedObjects} 个对象全部合格。`,
      ),
    );

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
          ...severityOrder.map((s): Cell[] => {
            const list = failures.filter((f) => f.severity === s);
            return severityRow(
              { text: severities[s].zh, fill: severityFill[s], align: 'center' },
              list.length,
              rectificationProgress(list, today),
            );
          }),
          severityRow({ text: '合计', bold: true, align: 'center' }, failures.length, summary.rectification),
        ],
      }),
    );

    body.push(heading('检查结果矩阵', 2));
    body.push(bodyParagraph(matrixLegend(chapter('检查项与检查方法'))));
    for (const template of templates) {
      body.push(
        ...verdictMatrix(
          ctx,
          template,
          inspections.filter((j) => j.template?.id === template.id),
          { raw: large },
        ),
      );
    }
  }

  // 3 不合格项与整改 ----------------------------------------------------------------------------
  body.push(heading(chapters[2], 1), heading('不合格项汇总', 2));
  if (inspections.length === 0) none();
  else if (failures.length === 0) body.push(bodyParagraph('本次检查未发现不合格项。'));
  else {
    const findings = groupFindings(failures);
    body.push(
      bodyParagraph(
        `本次检查共发现不合格项 ${failures.length} 个。同一检查项在多个对象上检查结果相同的合并为一条，共 ${findings.length} 条，按严重度和涉及对象数排列；整改状态与复查结果截至 ${today}，各对象的整改措施、负责人与期限见第 ${chapter('不合格与留证对象检查记录')} 章。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '不合格项汇总（相同结果合并）',
        compact: true,
        columns: [
          { title: '序号', width: 5, align: 'center' },
          { title: '检查项', width: 22 },
          { title: '严重度', width: 8, align: 'center' },
          { title: '检查结果', width: 18 },
          { title: '对象数', width: 7, align: 'center' },
          { title: '整改措施', width: 24 },
          { title: '整改进度', width: 16 },
        ],
        rows: findings.flatMap((finding, i) => findingRows(ctx, finding, i, today)),
      }),
    );
    const rechecks = failures.flatMap((f) =>
      (f.checked.rectification?.recheckPhotos ?? [])
        .filter((p) => p.type.startsWith('image/'))
        .map((photo) => ({ f, photo })),
    );
    if (rechecks.length > 0) {
      body.push(heading('复查照片', 2));
      for (const { f, photo } of rechecks) {
        body.push(
          ...figure(ctx, {
            bytes: ctx.files.get(photo.sha256),
            name: photo.name,
            caption: `${f.joined.asset.name} ${f.checked.item.title}（复查${photo.caption ? `：${photo.caption}` : ''}）`,
            widthShare: 0.6,
          }),
        );
      }
    }
  }

  // 4 不合格与留证对象检查记录 ---------------------------------------------------------------------
  body.push(heading(chapters[3], 1));
  if (inspections.length === 0) none();
  else if (recorded.length === 0)
    body.push(bodyParagraph('全部对象的检查项均合格且未留存检查证据，各对象的结论见检查结果矩阵。'));
  else {
    body.push(
      bodyParagraph(
        `以下 ${recorded.length} 个对象存在不合格项或留有检查证据，逐一列出其全部检查结果、不合格项的整改与复查、证据和客户的签字确认；其余 ${inspections.length - recorded.length} 个对象全部合格，结论见检查结果矩阵，签字确认情况见第 ${chapter('检查与签字确认记录')} 章。`,
      ),
    );
    const perAsset = new Map<string, number>();
    for (const j of inspections) perAsset.set(j.asset.id, (perAsset.get(j.asset.id) ?? 0) + 1);
    for (const joined of recorded) {
      body.push(
        ...objectRecord(ctx, joined, {
          meta,
          customer: project.customer,
          manyForAsset: (perAsset.get(joined.asset.id) ?? 0) > 1,
          raw: large,
          today,
        }),
      );
    }
  }

  // 5 结论与建议 --------------------------------------------------------------------------------
  body.push(heading(chapters[4], 1));
  if (inspections.length === 0) none();
  else {
    body.push(
      bodyParagraph(
        `本次检查运维对象清单 ${summary.inScope} 个中的 ${summary.checkedObjects} 个、检查项次 ${rows} 个，总体合格率 ${passRate(total)}。`,
      ),
    );
    const openCritical = failures.filter((f) => f.severity === 'critical' && !isRectified(f));
    const openCount = summary.rectification.awaitingRecheck + summary.rectification.open;
    if (failures.length === 0)
      body.push(bodyParagraph('各对象的配置均符合基线要求，可作为后续日常巡检与变更管理的配置基线。'));
    else if (openCount === 0)
      body.push(bodyParagraph('全部不合格项均已整改并复查合格，各对象的配置可作为后续日常巡检与变更管理的配置基线。'));
    else {
      body.push(
        bodyParagraph(
          `尚有 ${openCount} 个不合格项未完成整改或复查（${rectificationText(summary.rectification)}）${openCritical.length ? `，其中严重项 ${openCritical.length} 个，建议在服务正式启动前完成整改` : ''}。建议：`,
        ),
      );
      body.push(
        ...bulletList([
          '按不合格项汇总中的整改措施和各对象的整改期限实施整改；涉及重启或配置变更的，按变更管理流程在维护窗口实施，并准备回退方案。',
          '整改完成后由检查人复查并记录复查结果，复查合格后更新配置基线。',
          ...(groupFindings(failures).some((f) => f.failures.length >= 2)
            ? ['对在多个对象上出现的不合格项统一制定加固脚本或配置模板，批量实施并抽查。']
            : []),
          '将本次检查的基线纳入日常巡检，防止配置回退。',
        ]),
      );
    }
  }
  body.push(
    ...projectSignOff(ctx, '甲乙双方确认本报告所列检查结果与不合格项，乙方按整改措施和期限完成整改并复查。', {
      customer: project.customer,
      company: meta.company,
      members: data.members,
    }),
  );

  // 6 检查项与检查方法 (appendix) ----------------------------------------------------------------
  body.push(heading(chapters[5], 1, { newPage: true }));
  if (templates.length === 0) none();
  else
    body.push(
      bodyParagraph(
        '各检查模板的检查项按编号列出，检查结果矩阵的列号即此编号。每个检查项的检查方法与期望结果只在此列出一次，适用于所有按该模板检查的对象。',
      ),
    );
  for (const template of templates) {
    body.push(heading(`${template.name} V${template.version}`, 2));
    body.push(
      ...dataTable(ctx, {
        caption: templateTitle(template.name, '检查项'),
        compact: true,
        columns: [
          { title: '编号', width: 6, align: 'center' },
          { title: '检查项', width: 20 },
          { title: '检查方法', width: 40 },
          { title: '期望结果', width: 24 },
          { title: '严重度', width: 10, align: 'center' },
        ],
        rows: numberedItems(template).map(({ number, item, sectionTitle }) => [
          String(number),
          `${item.title}\n（${sectionTitle}）`,
          orDash(item.method),
          orDash(describeExpectation(item)),
          { text: severities[item.severity].zh, fill: severityFill[item.severity] },
        ]),
      }),
    );
  }

  // 7 检查与签字确认记录 (appendix) --------------------------------------------------------------
  body.push(heading(chapters[6], 1));
  if (inspections.length === 0) none();
  else {
    body.push(
      ...bulkTable(ctx, {
        caption: '各对象检查与签字确认',
        compact: true,
        raw: large,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '运维对象', width: 31 },
          { title: '检查人', width: 10, align: 'center' },
          { title: '检查日期', width: 14, align: 'center' },
          { title: '合格率', width: 11, align: 'center' },
          { title: '客户签字确认', width: 27, align: 'center' },
        ],
        rows: inspections.map((j, i) => [
          String(i + 1),
          assetLabel(j.asset),
          orDash(j.inspection.inspector),
          orDash(datePart(j.inspection.startedAt)),
          passRate(j.counts),
          j.inspection.status === 'signed'
            ? `${[j.inspection.signerName, j.inspection.signedAt].filter(Boolean).join(' ')}`
            : inspectionStatuses[j.inspection.status].zh,
        ]),
      }),
    );
  }

  const document = composeDocument({
    ctx,
    meta,
    title: BASELINE_REPORT_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
    estimatePages: !large,
  });
  if (large) ctx.warn(`报告较长（${rows} 个检查项次），目录页码未计算：在 Word 中右键目录选择“更新域”即可生成`);
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

function severityRow(label: CellSpec, count: number, p: BaselineSummary['rectification']): Cell[] {
  return [
    label,
    String(count),
    String(p.verified),
    String(p.awaitingRecheck),
    String(p.open),
    p.overdue ? { text: String(p.overdue), color: colors.overdue, bold: true } : '0',
  ];
}

/** A finding as two rows: what was found and its rectification, then the objects it was found on, across the table. */
function findingRows(ctx: DocumentContext, finding: Finding, index: number, today: string): Cell[][] {
  const { failures } = finding;
  const names = failures.map((f) => f.joined.asset.hostname.trim() || f.joined.asset.name);
  const actions = [...new Set(failures.map((f) => f.checked.rectification?.action.trim() ?? '').filter(Boolean))];
  const lacking = failures.filter((f) => !f.checked.rectification?.action.trim());
  const action: Cell =
    lacking.length === 0
      ? actions.join('\n')
      : { runs: [...lacking.map((f) => placeholderRun(ctx, gaps.action(f.joined.asset.name, f.checked.item.title)))] };
  const p = rectificationProgress(failures, today);
  const progress = [
    p.verified ? `已复查合格 ${p.verified}` : '',
    p.awaitingRecheck ? `待复查 ${p.awaitingRecheck}` : '',
    p.open ? `待整改/整改中 ${p.open}` : '',
  ].filter(Boolean);
  const remark = [...new Set(failures.map((f) => f.checked.result?.remark.trim() ?? '').filter(Boolean))];
  return [
    [
      String(index + 1),
      finding.item.title,
      { text: severities[finding.severity].zh, fill: severityFill[finding.severity], align: 'center' },
      orDash([finding.result, remark.length === 1 ? `（${remark[0]}）` : ''].filter(Boolean).join('\n')),
      String(failures.length),
      action,
      p.overdue
        ? { text: [...progress, `其中逾期 ${p.overdue}`].join('\n'), color: colors.overdue }
        : progress.join('\n'),
    ],
    ['', { text: `涉及对象：${names.join('、')}`, columnSpan: 6 }],
  ];
}
