import { type FileChild, Paragraph, TextRun } from 'docx';
import { describeExpectation } from '../inspection/verdict';
import { metricLevelLabels } from '../operations/thresholds';
import { chapterRef, chapterTitle } from './chapters';
import { assetTypes, criticalities } from '../records/asset';
import { type Severity, severities } from '../records/checklist';
import { opsTaskKinds, type OpsLogFields, patrolFrequencies } from '../records/operations';
import { priorityLevels } from '../records/sla';
import { type BuildResult, live, type Row } from './data';
import { bulkTable } from './kit/bulk-table';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { datePart, minutesText } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { colors, styleIds } from './kit/styles';
import { type Cell, type CellSpec, dataTable } from './kit/table';
import {
  bodyParagraph,
  bulletList,
  heading,
  lines,
  orDash,
  orderedList,
  paragraphs,
  placeholder,
  placeholderRun,
  textRuns,
} from './kit/text';
import { typeCountsSentence } from './parts/asset-inventory';
import { leadIn } from './parts/lead-in';
import { baselineSections, baselinesInForce } from './parts/checklist-baselines';
import {
  changePathText,
  changeRulesTable,
  designTableKeys,
  escalationTable,
  gradingTable,
  metricRows,
} from './parts/service-design';
import {
  OPS_MANUAL_TITLE,
  type OpsManualData,
  opsManualGaps as gaps,
  activePlans,
  type ResolvedPlan,
  resolvePlan,
  opsManualMissing,
} from './catalogue/ops-manual';

/** What each routine task (opsTaskKinds) requires; the labels come from the record's options. */
const taskRequirements: Record<keyof typeof opsTaskKinds, string> = {
  backupCheck: '每日检查备份作业结果与最近一次成功备份时间；失败的作业当日重做，不能重做的登记故障。',
  logCleanup: '按保留期清理或归档系统与应用日志，使日志所在分区低于警告阈值；清理前确认审计要求的保留期。',
  performance: '跟踪 CPU、内存、磁盘、连接数与响应时间的变化趋势，发现容量或性能瓶颈时提出优化建议。',
  securityCheck: '检查账号、口令策略、补丁与访问控制，发现偏离配置基线的项按变更流程整改。',
  other: '双方约定的其他例行工作，按约定的频率执行并记录。',
};

const severityFill: Partial<Record<Severity, string>> = { critical: colors.high, major: colors.medium };

/** Recent routine tasks listed in the manual, newest first. */
const RECENT_TASKS = 10;

/** A command or place to look, in the monospace code style, one paragraph per line. */
function commandCell(text: string): CellSpec {
  const commands = lines(text);
  if (commands.length === 0) return { text: '—' };
  return {
    children: commands.map(
      (line) => new Paragraph({ style: styleIds.code, indent: { left: 0 }, children: [new TextRun(line)] }),
    ),
  };
}

export function buildOpsManual(data: OpsManualData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = opsManualMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project, sla } = data;
  const design = data.serviceDesign ?? null;
  const plans = activePlans(data).map((plan) => resolvePlan(plan, data));
  const baselines = baselinesInForce(data.checklistTemplates);
  const body: FileChild[] = [];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'overview'), 1, { newPage: true }), heading('编写目的与适用范围', 2));
  body.push(
    bodyParagraph(
      `本手册依据《运维技术方案》，规定“${project.name}”驻场与远程运维人员执行日常巡检、配置基线检查、例行运维任务、故障处理和变更的具体方法与步骤，适用于乙方服务团队全体成员及协同工作的${project.customer}运维人员。`,
    ),
  );
  body.push(heading('操作总则', 2));
  body.push(
    ...bulletList([
      '所有操作均须在系统中如实记录（执行人、时间、对象、结果），做到可追溯；命令输出与照片作为证据保存。',
      `除本手册规定的只读检查外，任何修改配置的操作都属于变更，须按${chapterRef('opsManual', 'changes')}的流程执行。`,
      '操作前确认对象（主机名、IP、机柜位置）无误；生产环境操作实行双人复核。',
      `发现异常先按${chapterRef('opsManual', 'incidents')}登记并定级，不得私自处理后不留记录。`,
    ]),
  );

  // 2 日常巡检 ----------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'patrol'), 1));
  body.push(
    bodyParagraph(
      `日常巡检按巡检计划逐台读取各项指标，读数当场与阈值比对判定${metricLevelLabels.normal}、${metricLevelLabels.warning}或${metricLevelLabels.critical}。本章列出各巡检计划的对象、巡检项目与判定阈值。`,
    ),
  );
  body.push(heading('巡检计划', 2));
  if (plans.length === 0) body.push(placeholder(ctx, gaps.plans));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '巡检计划一览',
        columns: [
          { title: '巡检计划', width: 30 },
          { title: '频率', width: 12, align: 'center' },
          { title: '巡检对象', width: 14, align: 'center' },
          { title: '巡检项目', width: 14, align: 'center' },
          { title: '负责工程师', width: 30, align: 'center' },
        ],
        rows: plans.map(({ plan, assets, items }) => [
          plan.name,
          patrolFrequencies[plan.frequency].zh,
          assets.length ? `${assets.length} 个` : { runs: [placeholderRun(ctx, gaps.planAssets(plan.name))] },
          `${new Set(items.flatMap((i) => i.defs.map((d) => d.key))).size} 项`,
          plan.assignee.trim() ? plan.assignee : { runs: [placeholderRun(ctx, gaps.assignee(plan.name))] },
        ]),
      }),
    );
  for (const resolved of plans) body.push(...planSection(ctx, resolved));
  body.push(heading('巡检记录与异常处理', 2));
  body.push(
    ...orderedList(ctx, [
      '按计划的频率逐台巡检，读数录入巡检记录；读取方法见各巡检项目的读取说明。',
      '与上一轮相比确无变化的读数可沿用上次数值，但须确认“无变化”；不得未经查看照抄。',
      `读数为${metricLevelLabels.warning}或${metricLevelLabels.critical}时，按${chapterRef('opsManual', 'incidents')}的故障分级规则登记故障（或在巡检记录中写明未转故障的原因），并在记录中关联该次巡检。`,
      '读数明显不合理（如使用率超过 100%）时为录入错误，须复核后更正，不登记故障。',
      '交接班时填写交接班记录，写明本班发现的异常与未完成事项。',
    ]),
  );

  // 3 配置基线检查方法 ------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'baseline'), 1));
  body.push(
    bodyParagraph(
      '本章按配置基线（检查模板）逐项列出检查方法（命令或查看位置）与期望结果，供基线检查、变更后复查和定期安全检查使用。严重度表示该项不合格时的影响：严重项须立即整改，一般项在约定期限内整改，轻微项择机整改。',
    ),
  );
  if (baselines.length === 0) body.push(placeholder(ctx, gaps.baselines));
  for (const template of baselines) {
    body.push(heading(template.name, 2));
    const sections = baselineSections(template);
    if (template.description.trim()) body.push(...paragraphs(template.description));
    const scope = template.description.trim()
      ? `本基线（V${template.version}）`
      : `本基线（V${template.version}）适用于${template.assetTypes.map((t) => assetTypes[t].zh).join('、') || '各类对象'}，`;
    body.push(leadIn(`${scope}共 ${template.items.length} 个检查项，分 ${sections.length} 节列出如下。`));
    for (const { section, items } of sections) {
      body.push(
        ...bulkTable(ctx, {
          caption: `${template.name} ${section.title}`,
          compact: true,
          columns: [
            { title: '序号', width: 7, align: 'center' },
            { title: '检查项', width: 19 },
            { title: '检查方法', width: 37 },
            { title: '期望结果', width: 28 },
            { title: '严重度', width: 9, align: 'center' },
          ],
          rows: items.map((item, i) => [
            String(i + 1),
            item.title,
            commandCell(item.method),
            orDash(describeExpectation(item)),
            { text: severities[item.severity].zh, fill: severityFill[item.severity] },
          ]),
        }),
      );
    }
  }

  // 4 例行运维任务 --------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'routine'), 1));
  body.push(
    bodyParagraph(
      textRuns(
        '除巡检外，服务团队按',
        ctx.reference('table', 'routine-tasks'),
        `执行例行运维任务，每次执行都在日常运维记录中登记内容、执行人与结果；结果有问题的，按${chapterRef('opsManual', 'incidents')}处理。`,
      ),
    ),
  );
  const logs = live(data.opsLogs).sort((a, b) => b.doneAt.localeCompare(a.doneAt));
  body.push(heading('任务要求', 2));
  body.push(
    ...dataTable(ctx, {
      caption: '例行运维任务',
      captionKey: 'routine-tasks',
      keepTogether: true,
      columns: [
        { title: '任务', width: 13, align: 'center' },
        { title: '要求', width: 53 },
        { title: '最近一次执行', width: 22, align: 'center' },
        { title: '记录数', width: 12, align: 'center' },
      ],
      rows: (Object.keys(opsTaskKinds) as Array<keyof typeof opsTaskKinds>).map((kind) => {
        const done = logs.filter((l) => l.kind === kind);
        const last = done[0];
        return [
          { text: opsTaskKinds[kind].zh, bold: true },
          taskRequirements[kind],
          last ? `${datePart(last.doneAt)}\n${orDash(last.doneBy)}` : '尚未执行',
          String(done.length),
        ];
      }),
    }),
  );
  body.push(heading('近期执行记录', 2));
  if (logs.length === 0)
    body.push(
      bodyParagraph(textRuns('尚无执行记录。服务启动后按', ctx.reference('table', 'routine-tasks'), '执行并登记。')),
    );
  else {
    body.push(
      leadIn(
        logs.length > RECENT_TASKS
          ? textRuns(
              `共有执行记录 ${logs.length} 条，`,
              ctx.reference('table', 'recent-tasks'),
              `列出最近 ${RECENT_TASKS} 条，作为执行方式的示例。`,
            )
          : textRuns(ctx.reference('table', 'recent-tasks'), '列出已登记的执行记录，作为执行方式的示例。'),
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '例行任务近期执行记录',
        captionKey: 'recent-tasks',
        keepTogether: true,
        compact: true,
        columns: [
          { title: '完成时间', width: 17, align: 'center' },
          { title: '任务', width: 12, align: 'center' },
          { title: '内容', width: 25 },
          { title: '执行人', width: 10, align: 'center' },
          { title: '结果', width: 10, align: 'center' },
          { title: '说明', width: 26 },
        ],
        rows: logs
          .slice(0, RECENT_TASKS)
          .map((l: Row<OpsLogFields>): Cell[] => [
            orDash(l.doneAt.replace('T', ' ')),
            opsTaskKinds[l.kind].zh,
            l.title,
            orDash(l.doneBy),
            l.result === 'ok' ? '正常' : { text: '有问题', fill: colors.medium },
            orDash(l.notes),
          ]),
      }),
    );
  }

  // 5 故障处理 ----------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'incidents'), 1));
  body.push(
    bodyParagraph(
      '巡检异常、监控告警和客户报障统一作为故障处理，按级别在服务级别协议规定的时限内响应和恢复，到达升级时限仍未恢复的逐级升级。',
    ),
  );
  body.push(heading('故障定级', 2));
  // The design's tables are written when there is a design; without one, 下表 is its 待补充 marker.
  const designTable = (key: string, written: boolean, otherwise: string) =>
    written ? ctx.reference('table', key) : otherwise;
  const hasEscalation = !!design && design.escalation.length > 0;
  const hasChangeRules = !!design && design.changeRules.length > 0;
  body.push(
    leadIn(
      textRuns(
        '巡检异常按',
        designTable(designTableKeys.grading, !!design, '下表'),
        '自上而下匹配定级；客户报障与监控告警由值班工程师对照服务级别协议的级别定义定级，无法确定时先按较高级别处理。',
      ),
    ),
  );
  if (!design) body.push(placeholder(ctx, gaps.design));
  else body.push(...gradingTable(ctx, design));
  body.push(heading('处理步骤', 2));
  const responseTargets = priorityLevels
    .map((level) => [level, sla?.priorities.find((p) => p.level === level)?.responseMinutes ?? null] as const)
    .filter(([, minutes]) => minutes !== null)
    .map(([level, minutes]) => `${level} ${minutesText(minutes)}`);
  body.push(
    ...orderedList(ctx, [
      '登记：记录标题、级别、来源、涉及对象、报障时间与现象；巡检发现的关联该次巡检记录。',
      `响应：值班工程师在响应时限内确认受理并记录响应时间${responseTargets.length ? `（${responseTargets.join('，')}）` : ''}。`,
      '处置：按时间顺序记录每一步处理操作及结果；需要修改配置的，按紧急变更或一般变更办理。',
      textRuns(
        '升级：到达',
        designTable(designTableKeys.escalation, hasEscalation, '升级路径'),
        '的升级时限仍未恢复的，通知相应人员并在故障记录中登记。',
      ),
      '恢复：服务恢复后记录恢复时间；涉及服务中断的，记录中断开始与结束时间，用于可用性统计。',
      '关闭：写明根本原因与解决措施，经甲方确认后关闭；P1、P2 故障在关闭后 3 个工作日内提交故障分析报告。',
    ]),
  );
  body.push(heading('升级路径', 2));
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.escalation.length === 0) body.push(placeholder(ctx, gaps.escalation));
  else body.push(...escalationTable(ctx, design, sla, data.members));

  // 6 变更操作 ----------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsManual', 'changes'), 1));
  body.push(
    bodyParagraph(`变更依次经过 ${changePathText()}，不得跳过环节；各环节须填写的内容齐全后方可进入下一环节。`),
  );
  body.push(heading('变更类型与审批', 2));
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.changeRules.length === 0) body.push(placeholder(ctx, gaps.changeRules));
  else body.push(...changeRulesTable(ctx, design));
  body.push(heading('操作步骤', 2));
  body.push(
    ...orderedList(ctx, [
      '评估：填写变更原因、变更内容、涉及对象、风险评估、影响评估和回退方案。',
      textRuns(
        '审批：提交',
        designTable(designTableKeys.changeRules, hasChangeRules, '变更类型与审批要求'),
        '规定的审批人审批，记录审批人、审批结论与时间；被驳回的变更不得实施。',
      ),
      '测试：在测试环境或同型号设备上按测试方案验证并记录结果；测试未通过的不得实施。标准变更按已验证的步骤执行，可记为“不适用”。',
      '实施：在批准的窗口内按实施步骤操作；影响业务的变更提前通知甲方并记录通知时间；实施失败时按回退方案恢复。',
      '关闭：记录实施结果与是否回退，确认业务正常后关闭；变更涉及配置基线的，按基线复查。',
    ]),
  );
  body.push(heading('紧急变更', 2));
  body.push(
    bodyParagraph(
      '故障抢修必须立即修改配置时，可按紧急变更先实施、后补审批：实施前须电话取得审批人同意，实施后在规定时间内补齐审批记录（事后补批），补齐前变更不得关闭。',
    ),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: OPS_MANUAL_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

/** One plan: what it covers, by whom, and each item with its thresholds. */
function planSection(ctx: DocumentContext, { plan, assets, items, unknownKeys }: ResolvedPlan): FileChild[] {
  const out: FileChild[] = [heading(plan.name, 2)];
  const who = plan.assignee.trim() ? `由${plan.assignee}负责` : '';
  out.push(
    leadIn(
      `${patrolFrequencies[plan.frequency].zh}巡检${who ? `，${who}` : ''}，覆盖运维对象 ${assets.length} 个${assets.length ? `（${typeCountsSentence(assets)}）` : ''}。`,
    ),
  );
  if (assets.length === 0) out.push(placeholder(ctx, gaps.planAssets(plan.name)));
  else
    out.push(
      ...dataTable(ctx, {
        caption: `${plan.name} 巡检对象`,
        compact: true,
        columns: [
          { title: '序号', width: 8, align: 'center' },
          { title: '名称', width: 34 },
          { title: '类型', width: 14, align: 'center' },
          { title: '主机名 / IP', width: 30 },
          { title: '重要程度', width: 14, align: 'center' },
        ],
        rows: assets.map((a, i) => [
          String(i + 1),
          a.name,
          assetTypes[a.type].zh,
          orDash([a.hostname, ...a.ips].filter(Boolean).join('\n')),
          criticalities[a.criticality].zh,
        ]),
      }),
    );
  if (items.length > 0) {
    out.push(leadIn('各类对象的巡检项目与判定阈值如下。'));
    out.push(
      ...dataTable(ctx, {
        caption: `${plan.name} 巡检项目与阈值`,
        compact: true,
        columns: [
          { title: '对象类型', width: 11, align: 'center' },
          { title: '巡检项目', width: 16 },
          { title: '单位', width: 7, align: 'center' },
          { title: '告警条件', width: 15, align: 'center' },
          { title: metricLevelLabels.warning, width: 11, align: 'center' },
          { title: '严重', width: 11, align: 'center' },
          { title: '读取说明', width: 29 },
        ],
        // The type is written once, on the first row of its group.
        rows: items.flatMap(({ type, defs }) =>
          metricRows(ctx, type, defs).map((row, i): Cell[] => [
            i === 0 ? { text: assetTypes[type].zh, bold: true } : '',
            ...row,
          ]),
        ),
      }),
    );
  }
  for (const key of unknownKeys) out.push(placeholder(ctx, gaps.metric(plan.name, key)));
  return out;
}
