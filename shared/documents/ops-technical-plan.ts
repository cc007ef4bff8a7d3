import { serviceHoursText } from './service-level-agreement';
import { metricLevelLabels } from '../operations/thresholds';
import { chapterRef, chapterTitle } from './chapters';
import type { FileChild } from 'docx';
import { describeExpectation } from '../inspection/verdict';
import { assetTypes } from '../records/asset';
import { severities } from '../records/checklist';
import { serviceHoursOptions, serviceModes } from '../records/project';
import { measurementPeriods, priorityLevels } from '../records/sla';
import { projectPeriod, projectSignOff, roleLabel } from './common';
import { type BuildResult, live } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { minutesText } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { dataTable, keyValueTable } from './kit/table';
import {
  bodyParagraph,
  bulletList,
  heading,
  labelled,
  orDash,
  paragraphs,
  placeholder,
  placeholderRun,
  textRuns,
} from './kit/text';
import { typeCountsSentence } from './parts/asset-inventory';
import { leadIn } from './parts/lead-in';
import {
  appliesTo,
  baselineSections,
  baselinesInForce,
  countBySeverity,
  mostSevereItems,
} from './parts/checklist-baselines';
import {
  changePathText,
  changeRulesTable,
  designTableKeys,
  escalationTable,
  gradingTable,
  metricDefsFor,
  metricTable,
  monitoredAssetTypes,
} from './parts/service-design';
import {
  OPS_TECHNICAL_PLAN_TITLE,
  type OpsTechnicalPlanData,
  opsTechnicalPlanGaps as gaps,
  opsTechnicalPlanMissing,
  serviceTeam,
} from './catalogue/ops-technical-plan';

/** 08:30–17:30, or 17:30–次日 08:30 for a shift past midnight. */
function shiftHours(start: string, end: string): string {
  if (!start || !end) return '';
  return end <= start ? `${start}–次日 ${end}` : `${start}–${end}`;
}

export function buildOpsTechnicalPlan(
  data: OpsTechnicalPlanData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  const missing = opsTechnicalPlanMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project, sla } = data;
  const design = data.serviceDesign ?? null;
  const assets = live(data.assets);
  const team = serviceTeam(data);
  const baselines = baselinesInForce(data.checklistTemplates);
  const body: FileChild[] = [];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'overview'), 1, { newPage: true }), heading('编写目的', 2));
  body.push(
    bodyParagraph(
      `本方案依据双方确认的需求与服务级别协议，规定乙方为${project.customer}“${project.name}”提供运维服务的服务模式与组织、监控指标与阈值、故障分级与升级、变更管理和配置基线，是服务部署、日常运维与考核的技术依据。具体操作步骤见《运维操作手册》。`,
    ),
  );
  body.push(heading('服务范围', 2));
  if (assets.length === 0) body.push(placeholder(ctx, gaps.assets));
  else
    body.push(
      bodyParagraph(
        `纳入运维范围的运维对象共 ${assets.length} 个，${typeCountsSentence(assets)}。对象清单以项目运维对象台账为准。`,
      ),
    );
  body.push(heading('编制依据', 2));
  body.push(
    ...bulletList(['《需求规格说明书》', '《服务级别协议》', '《项目章程》', '双方确认的运维对象清单及配置基线']),
  );

  // 2 服务模式与组织 ------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'organisation'), 1));
  body.push(
    bodyParagraph('本章规定服务的提供方式、值班安排和服务团队的分工，使甲方在服务时间内任何时候都能找到负责的工程师。'),
  );
  body.push(heading('服务模式', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        [
          '服务模式',
          design ? `${serviceModes[design.serviceMode].zh}服务` : { runs: [placeholderRun(ctx, gaps.design)] },
        ],
        ['服务时间', sla ? orDash(serviceHoursText(sla)) : serviceHoursOptions[project.serviceHours].zh],
        ['服务期限', orDash(projectPeriod(project))],
        ['服务对象', orDash(project.customer)],
      ],
      { caption: '服务模式' },
    ),
  );
  body.push(heading('值班安排', 2));
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.shifts.length === 0) body.push(placeholder(ctx, gaps.shifts));
  else {
    body.push(leadIn(`服务按 ${design.shifts.length} 个班次安排值守，交接班时填写交接班记录，未完成事项逐项交接。`));
    body.push(
      ...dataTable(ctx, {
        caption: '值班班次',
        widthShare: 0.9,
        columns: [
          { title: '班次', width: 20, align: 'center' },
          { title: '时段', width: 30, align: 'center' },
          { title: '值班人员', width: 50 },
        ],
        rows: design.shifts.map((s) => [
          { text: s.name, bold: true },
          shiftHours(s.start, s.end) || { runs: [placeholderRun(ctx, gaps.shiftHours(s.name))] },
          s.staff.trim() ? s.staff : design.coverage.trim() ? '按分工与覆盖安排轮值' : '—',
        ]),
      }),
    );
  }
  body.push(heading('团队与分工', 2));
  if (team.length === 0) body.push(placeholder(ctx, gaps.team));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '服务团队',
        columns: [
          { title: '姓名', width: 12, align: 'center' },
          { title: '角色', width: 16, align: 'center' },
          { title: '职责', width: 50 },
          { title: '联系电话', width: 22, align: 'center' },
        ],
        rows: team.map((m) => [m.name, roleLabel(m.role), orDash(m.duties), orDash(m.phone)]),
      }),
    );
  if (design?.coverage.trim()) body.push(labelled('分工与覆盖', ''), ...paragraphs(design.coverage));
  else if (design) body.push(placeholder(ctx, gaps.coverage));

  // 3 服务级别目标 --------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'serviceLevels'), 1));
  body.push(
    bodyParagraph(
      '本章摘录《服务级别协议》约定的服务时间、各级故障的处理时限和可用性目标，作为本方案各项设计的目标；计时规则、考核指标与未达标处理以该协议为准。',
    ),
  );
  if (!sla) body.push(placeholder(ctx, gaps.sla));
  else {
    body.push(
      ...dataTable(ctx, {
        caption: '故障级别与处理时限（摘自服务级别协议）',
        columns: [
          { title: '级别', width: 10, align: 'center' },
          { title: '定义', width: 50 },
          { title: '响应时间', width: 20, align: 'center' },
          { title: '解决时限', width: 20, align: 'center' },
        ],
        rows: priorityLevels.map((level) => {
          const target = sla.priorities.find((p) => p.level === level);
          return [
            { text: level, bold: true },
            orDash(target?.definition),
            orDash(minutesText(target?.responseMinutes ?? null)),
            orDash(minutesText(target?.resolutionMinutes ?? null)),
          ];
        }),
      }),
    );
    if (sla.availability.length > 0) {
      body.push(bodyParagraph('可用性目标：'));
      body.push(
        ...bulletList(
          sla.availability.map(
            (a) =>
              `${a.service}：${measurementPeriods[a.period].zh}可用性${a.targetPercent === null ? '目标见服务级别协议' : ` ≥ ${a.targetPercent}%`}`,
          ),
        ),
      );
    }
  }

  // 4 监控指标与阈值 ------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'monitoring'), 1));
  body.push(
    bodyParagraph(
      `本章规定日常巡检与监控读取的指标及其告警阈值。读数达到阈值即判定为相应级别的异常，并按${chapterRef('opsTechnicalPlan', 'grading')}的规则定级为故障。`,
    ),
  );
  body.push(heading('判定规则', 2));
  body.push(
    ...bulletList([
      '数值指标分“高于阈值告警”（如使用率、温度）和“低于阈值告警”（如剩余空间）两类；读数等于阈值即视为达到该级别。',
      `${metricLevelLabels.warning}：需关注并在当班内处理或说明原因；${metricLevelLabels.critical}：须立即处理，并按故障流程登记。`,
      '状态指标（如告警灯、服务状态）取值不为正常值即为异常；超出合理范围的读数（如使用率大于 100%）视为录入有误，须复核，不作为故障。',
    ]),
  );
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.thresholds.length === 0) body.push(placeholder(ctx, gaps.thresholds));
  else
    for (const type of monitoredAssetTypes(design, assets)) {
      const count = assets.filter((a) => a.type === type).length;
      body.push(heading(assetTypes[type].zh, 2));
      body.push(
        leadIn(
          count
            ? textRuns(
                `运维范围内${assetTypes[type].zh} ${count} 个，巡检与监控读取`,
                ctx.reference('table', designTableKeys.metrics(type)),
                '所列指标。',
              )
            : textRuns(
                `运维范围内暂无${assetTypes[type].zh}；新增对象时按`,
                ctx.reference('table', designTableKeys.metrics(type)),
                '读取指标。',
              ),
        ),
      );
      body.push(...metricTable(ctx, `${assetTypes[type].zh}监控指标与阈值`, type, metricDefsFor(type, design)));
    }

  // 5 故障分级与升级 ------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'grading'), 1));
  body.push(bodyParagraph('本章规定巡检或监控发现的异常如何定为 P1–P4 级故障，以及故障在规定时间内未恢复时向谁升级。'));
  body.push(heading('故障分级规则', 2));
  // The design's tables are written when there is a design; without one, 下表 is its 待补充 marker.
  const designTable = (key: string, written: boolean) => (written ? ctx.reference('table', key) : '下表');
  body.push(
    leadIn(
      textRuns(
        '巡检异常按',
        designTable(designTableKeys.grading, !!design),
        '自上而下匹配，取第一条符合的规则定级。客户报障与监控告警由值班工程师按服务级别协议的级别定义定级；P1（核心业务中断）不由单项读数自动判定，由工程师确认后升级为 P1。',
      ),
    ),
  );
  if (!design) body.push(placeholder(ctx, gaps.design));
  else body.push(...gradingTable(ctx, design));
  body.push(heading('升级路径', 2));
  body.push(
    leadIn(
      textRuns(
        '升级时限从报障时间起按服务时间计算，暂停计时期间不计；到达时限故障仍未恢复的，值班工程师须按',
        designTable(designTableKeys.escalation, !!design && design.escalation.length > 0),
        '通知相应人员，并在故障记录中登记。',
      ),
    ),
  );
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.escalation.length === 0) body.push(placeholder(ctx, gaps.escalation));
  else body.push(...escalationTable(ctx, design, sla, data.members));

  // 6 变更管理 ----------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'changes'), 1));
  body.push(
    bodyParagraph(
      '对运维对象配置、软件版本、网络策略等的任何修改都属于变更。变更须经过评估、审批、测试后方可实施，全过程记录在变更记录中，做到可追溯。',
    ),
  );
  body.push(heading('变更流程', 2));
  body.push(bodyParagraph(`变更依次经过：${changePathText()}，不得跳过环节。`));
  body.push(
    ...bulletList([
      '评估：写明变更原因、内容、风险评估、影响评估与回退方案。',
      textRuns(
        '审批：由',
        designTable(designTableKeys.changeRules, !!design && design.changeRules.length > 0),
        '规定的审批人批准；被驳回的变更不得实施。',
      ),
      '测试：在测试环境或同型号设备上验证；标准变更可按已验证的操作步骤免于测试。',
      '实施：在批准的窗口内按步骤实施，影响业务的变更须提前通知甲方；失败时按回退方案恢复。',
      '紧急变更：故障抢修时可先实施、后补审批，须在规定时间内补齐审批记录后方可关闭。',
    ]),
  );
  body.push(heading('变更类型与审批', 2));
  if (!design) body.push(placeholder(ctx, gaps.design));
  else if (design.changeRules.length === 0) body.push(placeholder(ctx, gaps.changeRules));
  else body.push(...changeRulesTable(ctx, design));

  // 7 配置基线 ----------------------------------------------------------------------------------
  body.push(heading(chapterTitle('opsTechnicalPlan', 'baseline'), 1));
  body.push(
    bodyParagraph(
      '配置基线规定各类运维对象应有的安全与运维配置，以检查模板的形式定义。服务部署时逐台检查并出具《配置基线检查报告》，运营期变更后按基线复查，防止配置偏离。各检查项的检查方法见《运维操作手册》。',
    ),
  );
  if (baselines.length === 0) body.push(placeholder(ctx, gaps.baselines));
  else {
    body.push(heading('基线清单', 2));
    body.push(
      ...dataTable(ctx, {
        caption: '现行配置基线',
        columns: [
          { title: '基线（检查模板）', width: 36 },
          { title: '版本', width: 9, align: 'center' },
          { title: '适用对象', width: 19, align: 'center' },
          { title: '检查项', width: 10, align: 'center' },
          ...(['critical', 'major', 'minor'] as const).map((s) => ({
            title: severities[s].zh,
            width: 9,
            align: 'center' as const,
          })),
        ],
        rows: baselines.map((t) => {
          const counts = countBySeverity(t.items);
          return [
            t.name,
            `V${t.version}`,
            orDash(appliesTo(t)),
            String(t.items.length),
            String(counts.critical),
            String(counts.major),
            String(counts.minor),
          ];
        }),
      }),
    );
    for (const t of baselines) {
      body.push(heading(t.name, 2));
      const sections = baselineSections(t);
      body.push(
        leadIn(
          `本基线适用于${orDash(appliesTo(t))}，共 ${sections.length} 个分节、${t.items.length} 个检查项，各分节检查项数如下。`,
        ),
      );
      body.push(
        ...dataTable(ctx, {
          caption: `${t.name} 分节`,
          widthShare: 0.85,
          columns: [
            { title: '序号', width: 10, align: 'center' },
            { title: '分节', width: 42 },
            { title: '检查项', width: 12, align: 'center' },
            ...(['critical', 'major', 'minor'] as const).map((s) => ({
              title: severities[s].zh,
              width: 12,
              align: 'center' as const,
            })),
          ],
          rows: sections.map(({ section, items }, i) => {
            const counts = countBySeverity(items);
            return [
              String(i + 1),
              section.title,
              String(items.length),
              String(counts.critical),
              String(counts.major),
              String(counts.minor),
            ];
          }),
        }),
      );
      const severe = mostSevereItems(t);
      if (severe.length > 0) {
        const level = severities[severe[0]!.severity].zh;
        body.push(leadIn(`以下${level}级检查项不合格时影响最大，检查与整改时须优先关注：`));
        body.push(
          ...dataTable(ctx, {
            caption: `${t.name} ${level}项`,
            compact: true,
            columns: [
              { title: '检查项', width: 38 },
              { title: '期望结果', width: 44 },
              { title: '分节', width: 18, align: 'center' },
            ],
            rows: severe.map((item) => [
              item.title,
              orDash(describeExpectation(item)),
              orDash(t.sections.find((s) => s.id === item.sectionId)?.title),
            ]),
          }),
        );
      }
    }
  }

  // 签字确认 ------------------------------------------------------------------------------------
  body.push(
    ...projectSignOff(ctx, '甲乙双方确认本方案，作为服务部署与运营的技术依据；方案内容调整时双方书面确认后更新。', {
      customer: project.customer,
      company: meta.company,
      members: data.members,
    }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: OPS_TECHNICAL_PLAN_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
