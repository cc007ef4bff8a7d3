import { type Gap } from './checks';
import type { FileChild } from 'docx';
import { type CutoverPlanFields, stepStatuses } from '../records/deployment';
import { projectSignOff, serviceDescription } from './common';
import { type BuildResult } from './data';
import { composeDocument } from './kit/compose';
import { charterHotlines } from './parts/hotline';
import { PROJECT_CHARTER_TITLE } from './catalogue/project-charter';
import { type BuildOptions, DocumentContext } from './kit/context';
import { chineseDate, timeSpan } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import {
  bodyParagraph,
  heading,
  labelled,
  orDash,
  orderedList,
  paragraphs,
  placeholder,
  placeholderRun,
} from './kit/text';
import {
  CUTOVER_PLAN_TITLE,
  type CutoverPlanData,
  cutoverPlanGaps as gaps,
  cutoverPlanMissing,
} from './catalogue/cutover-plan';

const statusFill: Record<CutoverPlanFields['steps'][number]['status'], string | undefined> = {
  planned: undefined,
  done: 'C6E0B4',
  skipped: 'E7E6E6',
  rolledBack: 'F4B084',
};

export function buildCutoverPlan(data: CutoverPlanData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = cutoverPlanMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const plan = data.cutoverPlan;
  const body: FileChild[] = [];
  const gapParagraph = (message: Gap) => placeholder(ctx, message);
  const text = (value: string | undefined, message: Gap) =>
    value?.trim() ? paragraphs(value) : [gapParagraph(message)];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }), heading('目的与范围', 2));
  body.push(
    bodyParagraph(
      `本方案规定“${project.name}”由原运维方式切换至乙方正式运维服务的步骤、责任人、时间安排与检查点，以及切换失败时的应急预案和回退步骤，并发布服务启动通知，明确服务接口与报障方式。`,
    ),
  );
  if (!plan) body.push(gapParagraph(gaps.plan));
  body.push(heading('切换窗口', 2));
  if (plan) body.push(plan.window.trim() ? labelled('切换窗口', plan.window) : gapParagraph(gaps.window));
  else body.push(gapParagraph(gaps.plan));
  body.push(
    bodyParagraph(
      '切换窗口内冻结一切与切换无关的变更。每个 Go/No-Go 决策点由双方现场负责人共同确认：检查点全部满足则继续，否则按第 3 章执行回退。',
    ),
  );

  // 2 切换步骤 ----------------------------------------------------------------------------------
  body.push(heading('切换步骤', 1));
  if (!plan) body.push(gapParagraph(gaps.plan));
  else if (plan.steps.length === 0) body.push(gapParagraph(gaps.steps));
  else {
    const done = plan.steps.filter((s) => s.status === 'done').length;
    if (done > 0)
      body.push(bodyParagraph(`共 ${plan.steps.length} 个步骤，已完成 ${done} 个；实际时间为执行时的记录。`));
    body.push(
      ...dataTable(ctx, {
        caption: '切换步骤',
        compact: true,
        columns: [
          { title: '序号', width: 6, align: 'center' },
          { title: '步骤', width: 25 },
          { title: '负责人', width: 9, align: 'center' },
          { title: '计划时间', width: 15, align: 'center' },
          { title: '实际时间', width: 15, align: 'center' },
          { title: '检查点', width: 18 },
          { title: '状态', width: 12, align: 'center' },
        ],
        rows: plan.steps.map((s, i): Cell[] => {
          const decision = s.decisionPoint === 'yes';
          return [
            decision ? { text: `${i + 1}\nGo/No-Go`, bold: true, fill: 'FFE699' } : String(i + 1),
            decision ? { text: s.action, bold: true } : s.action,
            s.owner.trim() ? s.owner : { runs: [placeholderRun(ctx, gaps.owner(i + 1))] },
            s.plannedStart
              ? timeSpan(s.plannedStart, s.plannedEnd).replace(' ', '\n')
              : { runs: [placeholderRun(ctx, gaps.time(i + 1))] },
            orDash(timeSpan(s.actualStart, s.actualEnd).replace(' ', '\n')),
            orDash(s.check),
            { text: stepStatuses[s.status].zh, fill: statusFill[s.status] },
          ];
        }),
      }),
    );
    const decisions = plan.steps.map((s, i) => ({ s, n: i + 1 })).filter(({ s }) => s.decisionPoint === 'yes');
    body.push(heading('Go/No-Go 决策点', 2));
    if (decisions.length === 0) body.push(gapParagraph(gaps.decision));
    else
      body.push(
        ...orderedList(
          ctx,
          decisions.map(
            ({ s, n }) =>
              `步骤 ${n}“${s.action}”：${s.check.trim() ? `检查点为“${s.check}”，` : ''}由${s.owner || '双方现场负责人'}组织双方确认后继续，不满足则执行回退。`,
          ),
        ),
      );
  }

  // 3 应急预案 ----------------------------------------------------------------------------------
  body.push(heading('应急预案', 1), heading('应急触发条件', 2));
  if (!plan) body.push(gapParagraph(gaps.plan));
  else if (plan.triggers.length === 0) body.push(gapParagraph(gaps.triggers));
  else {
    body.push(bodyParagraph('切换过程中出现下列任一情况，立即启动应急预案，由切换总指挥决定是否回退：'));
    body.push(
      ...orderedList(
        ctx,
        plan.triggers.map((t) => t.text),
      ),
    );
  }
  body.push(heading('回退步骤', 2));
  if (!plan) body.push(gapParagraph(gaps.plan));
  else if (plan.rollbackSteps.length === 0) body.push(gapParagraph(gaps.rollback));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '回退步骤',
        columns: [
          { title: '序号', width: 10, align: 'center' },
          { title: '回退步骤', width: 90 },
        ],
        rows: plan.rollbackSteps.map((r, i) => [String(i + 1), r.text]),
      }),
    );
  body.push(heading('应急联系人', 2));
  if (!plan) body.push(gapParagraph(gaps.plan));
  else if (plan.contacts.length === 0) body.push(gapParagraph(gaps.contacts));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '应急联系人',
        keepTogether: true,
        columns: [
          { title: '姓名', width: 22, align: 'center' },
          { title: '职责', width: 48 },
          { title: '电话', width: 30, align: 'center' },
        ],
        rows: plan.contacts.map((c) => [c.name, orDash(c.role), orDash(c.phone)]),
      }),
    );

  // 4 服务启动通知 --------------------------------------------------------------------------------
  body.push(heading('服务启动通知', 1));
  if (!plan) body.push(gapParagraph(gaps.plan));
  else {
    body.push(
      plan.launchDate
        ? bodyParagraph(
            `自 ${chineseDate(plan.launchDate)}起，乙方正式为${project.customer}提供“${project.name}”运维服务，服务方式为${serviceDescription(project)}。服务接口与报障方式如下，请各部门周知。`,
          )
        : gapParagraph(gaps.launchDate),
    );
    body.push(
      ...keyValueTable(
        ctx,
        [
          [
            '服务启动日期',
            plan.launchDate ? chineseDate(plan.launchDate) : { runs: [placeholderRun(ctx, gaps.launchDate)] },
          ],
          ['服务时间', orDash(plan.serviceHours)],
          ['服务方', meta.company],
          ['服务对象', project.customer],
        ],
        { caption: '服务启动信息' },
      ),
    );
    body.push(heading('服务接口', 2), ...text(plan.serviceInterface, gaps.serviceInterface));
    body.push(heading('报障渠道与流程', 2));
    // The hotline is the charter's (its communication plan), not a number typed again here.
    const hotlines = charterHotlines(data);
    if (hotlines.length)
      body.push(labelled('服务热线', `${hotlines.join('、')}（见《${PROJECT_CHARTER_TITLE}》沟通计划）`));
    body.push(...text(plan.faultReporting, gaps.faultReporting));
  }

  body.push(
    ...projectSignOff(ctx, '甲乙双方确认本切换方案及应急预案，并同意按上述日期启动服务。', {
      customer: project.customer,
      company: meta.company,
      members: data.members,
    }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: CUTOVER_PLAN_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
