import type { FileChild } from 'docx';
import {
  isMilestoneOverdue,
  isTaskOverdue,
  milestoneStatuses,
  type PlanTaskFields,
  taskStatuses,
} from '../records/plan';
import { projectPhases } from '../records/project';
import { projectPeriod, projectSignOff } from './common';
import { type Gap } from './checks';
import { type BuildResult, live } from './data';
import { taskProgress } from './parts/plan-progress';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { daysInclusive } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { colors } from './kit/styles';
import { type Cell, type CellSpec, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, bulletList, heading, orDash, paragraphs, placeholder, placeholderRun } from './kit/text';
import {
  DELIVERY_PLAN_TITLE,
  type DeliveryPlanData,
  deliveryPlanGaps as gaps,
  deliveryPlanMissing,
} from './catalogue/delivery-plan';

const overdueFill = 'F8CBAD';

const phaseOrder = Object.keys(projectPhases) as Array<PlanTaskFields['phase']>;

export function buildDeliveryPlan(data: DeliveryPlanData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = deliveryPlanMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const today = meta.date;
  // Status and progress as the records prove them (or as set by hand, with the reason).
  const tasks = live(data.planTasks)
    .map((t) => {
      const progress = taskProgress(t, data, today);
      return { ...t, status: progress.status, progress: progress.progress, basis: progress };
    })
    .sort(
      (a, b) =>
        phaseOrder.indexOf(a.phase) - phaseOrder.indexOf(b.phase) ||
        (a.start || '9999').localeCompare(b.start || '9999') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  const milestones = live(data.milestones).sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999'));
  const overdueTasks = tasks.filter((t) => isTaskOverdue(t, today));
  const overdueMilestones = milestones.filter((m) => isMilestoneOverdue(m, today));
  const starts = tasks
    .map((t) => t.start)
    .filter(Boolean)
    .sort();
  const ends = tasks
    .map((t) => t.end)
    .filter(Boolean)
    .sort();
  const body: FileChild[] = [];
  const gapCell = (message: Gap): CellSpec => ({ runs: [placeholderRun(ctx, message)] });

  // 1 概述 --------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['项目名称', project.name],
        ['项目编号', project.code],
        ['服务期限', orDash(projectPeriod(project))],
        ['计划跨度', starts.length && ends.length ? `${starts[0]} 至 ${ends.at(-1)}` : '—'],
        ['计划任务', `${tasks.length} 项`],
        ['里程碑', `${milestones.length} 个`],
        ['统计日期', today],
        // Split as the text below counts them (逾期 N 项 of the tasks), so the two figures agree.
        [
          '逾期事项',
          overdueTasks.length + overdueMilestones.length === 0
            ? '无'
            : `任务 ${overdueTasks.length} 项、里程碑 ${overdueMilestones.length} 个`,
        ],
      ],
      { perRow: 2, caption: '计划概况' },
    ),
  );
  const done = tasks.filter((t) => t.status === 'done').length;
  const inProgress = tasks.filter((t) => t.status === 'inProgress').length;
  body.push(
    bodyParagraph(
      `本计划按服务流程的阶段安排工作任务、起止时间、负责人与交付物，并在关键节点设置里程碑，用于跟踪和控制项目进度。截至 ${today}，${tasks.length} 项任务中已完成 ${done} 项、进行中 ${inProgress} 项${overdueTasks.length ? `，逾期 ${overdueTasks.length} 项` : ''}。`,
    ),
  );

  // 2 任务计划 ----------------------------------------------------------------------------------
  body.push(heading('任务计划', 1));
  if (tasks.length === 0) body.push(placeholder(ctx, gaps.tasks));
  else {
    body.push(bodyParagraph(`任务按阶段列出；已过结束日期仍未完成的任务标为“逾期”（以 ${today} 为准）。`));
    const rows: Cell[][] = [];
    let number = 0;
    for (const phase of phaseOrder) {
      const inPhase = tasks.filter((t) => t.phase === phase);
      if (inPhase.length === 0) continue;
      rows.push([{ text: projectPhases[phase].zh, bold: true, fill: 'F2F2F2', columnSpan: 9 }]);
      for (const t of inPhase) {
        const overdue = isTaskOverdue(t, today);
        const days = daysInclusive(t.start, t.end);
        rows.push([
          String(++number),
          t.name,
          orDash(t.owner),
          t.start || gapCell(gaps.taskDates(t.name)),
          t.end
            ? { text: t.end, fill: overdue ? overdueFill : undefined }
            : t.start
              ? gapCell(gaps.taskDates(t.name))
              : '—',
          days === null ? '—' : String(days),
          orDash(t.deliverable),
          overdue
            ? { text: `${taskStatuses[t.status].zh}\n逾期`, bold: true, color: colors.overdue }
            : taskStatuses[t.status].zh,
          t.progress === null ? '—' : `${t.progress}%`,
        ]);
      }
    }
    const bases = tasks.filter((t) => t.basis.source !== 'typed');
    if (bases.length) {
      body.push(bodyParagraph('任务状态与进度依据项目记录得出；人工指定的注明原因：'));
      body.push(
        ...bulletList(
          bases.map((t) => `${t.name}：${t.basis.source === 'records' ? t.basis.proof : `人工指定，${t.basis.proof}`}`),
        ),
      );
    }
    body.push(
      ...dataTable(ctx, {
        caption: '任务计划',
        compact: true,
        columns: [
          { title: '序号', width: 6, align: 'center' },
          { title: '任务', width: 18 },
          { title: '负责人', width: 9, align: 'center' },
          { title: '开始日期', width: 14, align: 'center' },
          { title: '结束日期', width: 14, align: 'center' },
          { title: '工期（天）', width: 8, align: 'center' },
          { title: '交付物', width: 15 },
          { title: '状态', width: 9, align: 'center' },
          { title: '进度', width: 8, align: 'center' },
        ],
        rows,
      }),
    );
    const notes = tasks.filter((t) => t.notes.trim());
    if (notes.length > 0) {
      body.push(heading('任务说明', 2));
      for (const t of notes) body.push(bodyParagraph(`${t.name}：`), ...paragraphs(t.notes));
    }
  }

  // 3 里程碑 ------------------------------------------------------------------------------------
  body.push(heading('里程碑', 1));
  if (milestones.length === 0) body.push(placeholder(ctx, gaps.milestones));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '里程碑',
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '里程碑', width: 19 },
          { title: '计划日期', width: 16, align: 'center' },
          { title: '验收标准', width: 30 },
          { title: '状态', width: 12, align: 'center' },
          { title: '达成日期', width: 16, align: 'center' },
        ],
        rows: milestones.map((m, i) => {
          const overdue = isMilestoneOverdue(m, today);
          return [
            String(i + 1),
            m.name,
            m.dueDate
              ? { text: m.dueDate, fill: overdue ? overdueFill : undefined }
              : gapCell(gaps.milestoneDate(m.name)),
            orDash(m.acceptance),
            overdue
              ? { text: `${milestoneStatuses[m.status].zh}\n逾期`, bold: true, color: colors.overdue }
              : milestoneStatuses[m.status].zh,
            orDash(m.achievedAt),
          ];
        }),
      }),
    );

  // 4 逾期事项 ----------------------------------------------------------------------------------
  body.push(heading('逾期事项', 1));
  if (overdueTasks.length + overdueMilestones.length === 0)
    body.push(bodyParagraph(`截至 ${today}，没有逾期的任务或里程碑。`));
  else {
    body.push(bodyParagraph(`截至 ${today}，以下任务或里程碑已过计划日期仍未完成，需说明原因并调整计划：`));
    body.push(
      ...bulletList([
        ...overdueTasks.map(
          (t) =>
            `任务“${t.name}”：计划 ${t.end} 完成，当前${taskStatuses[t.status].zh}${t.progress === null ? '' : `（${t.progress}%）`}，负责人 ${orDash(t.owner)}`,
        ),
        ...overdueMilestones.map(
          (m) => `里程碑“${m.name}”：计划 ${m.dueDate} 达成，当前${milestoneStatuses[m.status].zh}`,
        ),
      ]),
    );
  }

  body.push(
    ...projectSignOff(
      ctx,
      '甲乙双方确认本交付计划，计划如有调整，以双方确认的新版本为准。',
      { customer: project.customer, company: meta.company, members: data.members },
      { providerTitle: false },
    ),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: DELIVERY_PLAN_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
