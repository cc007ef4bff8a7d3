import type { FileChild } from 'docx';
import { type ChangeField } from '../operations/change-workflow';
import { changeStates, changeTypes, type ChangeRecordFields } from '../records/operations';
import { changeStatusText } from './house-style';
import { firstWithRole, roleLabel } from './common';
import { projectTimeZone } from '../records/project';
import { type BuildResult, type Row } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { timeSpan } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { signOffBlock } from './kit/sign-off';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, heading, orDash, placeholder, placeholderRun } from './kit/text';
import { assetNames, changesIn } from './parts/ops-records';
import { isValidPeriod, periodLabel, titleWithPeriod } from './parts/period';
import {
  CHANGE_RECORD_TITLE,
  type ChangeRecordData,
  changeRecordGaps as gaps,
  changeRecordPeriod,
  changeGaps,
  changeRecordMissing,
} from './catalogue/change-record';

/** 标准/一般/紧急 for the summary's narrow column. */
const shortTypes = { standard: '标准', normal: '一般', emergency: '紧急' } as const;
const approvalDecisions = { pending: '待审批', approved: '批准', rejected: '驳回' } as const;
const testResults = { pending: '未测试', passed: '通过', failed: '未通过', notApplicable: '不适用' } as const;

function resultText(change: ChangeRecordFields): string {
  if (change.state !== 'closed') return '—';
  return change.rollbackUsed === 'yes' ? '已回退' : '已完成';
}

export function buildChangeRecord(data: ChangeRecordData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = changeRecordMissing(data, options.period);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const requested = changeRecordPeriod(data, options.period);
  const period = requested && isValidPeriod(requested) ? requested : null;
  const changes = period ? changesIn(data.changeRecords, period, projectTimeZone(data.project)) : [];
  const label = period ? periodLabel(period) : '';
  const body: FileChild[] = [];
  const countGap = changes.length === 0 ? missing[0] : undefined;

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }));
  if (countGap) body.push(placeholder(ctx, countGap));
  else {
    const byType = (Object.keys(changeTypes) as Array<keyof typeof changeTypes>)
      .map((t) => [t, changes.filter((c) => c.type === t).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${changeTypes[t].zh} ${n} 项`)
      .join('、');
    const byState = (Object.keys(changeStates) as Array<keyof typeof changeStates>)
      .map((s) => [s, changes.filter((c) => c.state === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${changeStatusText(s)} ${n} 项`)
      .join('、');
    const rolledBack = changes.filter((c) => c.state === 'closed' && c.rollbackUsed === 'yes').length;
    body.push(
      bodyParagraph(
        `本记录汇总${label}的变更 ${changes.length} 项（${byType}），按状态：${byState}${rolledBack ? `；其中 ${rolledBack} 项实施后回退` : ''}。变更按“评估 → 审批 → 测试 → 实施 → 关闭”的流程进行，紧急变更可先实施、事后补办审批。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '变更汇总',
        compact: true,
        columns: [
          { title: '序号', width: 7, align: 'center' },
          { title: '变更', width: 26 },
          { title: '类型', width: 8, align: 'center' },
          { title: '状态', width: 9, align: 'center' },
          { title: '实施窗口', width: 19, align: 'center' },
          { title: '审批', width: 12, align: 'center' },
          { title: '测试', width: 9, align: 'center' },
          { title: '结果', width: 10, align: 'center' },
        ],
        rows: changes.map((c, i) => [
          String(i + 1),
          c.title,
          shortTypes[c.type],
          changeStatusText(c.state),
          orDash(timeSpan(c.windowStart, c.windowEnd)),
          [c.approver, c.approvalDecision === 'pending' ? '' : approvalDecisions[c.approvalDecision]]
            .filter(Boolean)
            .join('\n') || '—',
          testResults[c.testResult],
          resultText(c),
        ]),
      }),
    );
  }

  // 2 变更明细 ----------------------------------------------------------------------------------
  body.push(heading('变更明细', 1));
  if (countGap) body.push(placeholder(ctx, countGap));
  changes.forEach((change, i) => body.push(...changeSection(ctx, data, change, i > 0)));

  // 签字 --------------------------------------------------------------------------------------
  const customer = firstWithRole(data.members, 'customerContact');
  const pm = firstWithRole(data.members, 'pm');
  body.push(
    ...signOffBlock(
      ctx,
      `甲乙双方确认以上${label}变更的评估、审批、测试、实施与回退记录属实。`,
      [
        { side: 'customer', organisation: project.customer, name: customer?.name ?? '' },
        { side: 'provider', organisation: meta.company, name: pm?.name ?? '', title: pm ? roleLabel(pm.role) : '' },
      ],
      { customer: project.customer, provider: meta.company },
    ),
  );

  const title = titleWithPeriod(CHANGE_RECORD_TITLE, period);
  const document = composeDocument({
    ctx,
    meta,
    title,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

/** One change: everything the workflow recorded, from the reason to the customer notice. */
function changeSection(
  ctx: DocumentContext,
  data: ChangeRecordData,
  change: Row<ChangeRecordFields>,
  newPage: boolean,
): FileChild[] {
  const missing = new Set(changeGaps(change));
  // A field the change should hold by now and does not: a visible 待补充 in its cell.
  const field = (name: ChangeField, value: string): Cell =>
    missing.has(name) ? { runs: [placeholderRun(ctx, gaps.field(change.title, name))] } : orDash(value);
  const done = (value: string, label: string): Cell =>
    value.trim() || change.state !== 'closed'
      ? orDash(value)
      : { runs: [placeholderRun(ctx, `变更“${change.title}”缺少${label}`)] };
  const assets = assetNames(data.assets, change.assetIds);
  const decision =
    change.approvalDecision === 'pending'
      ? ''
      : `${approvalDecisions[change.approvalDecision]}${change.retrospective === 'yes' ? '（事后补批）' : ''}`;
  const pairs: Array<[string, Cell]> = [
    ['变更类型', changeTypes[change.type].zh],
    ['当前状态', changeStatusText(change.state)],
    ['影响的对象', orDash(assets.join('、'))],
    ['影响的服务', orDash([change.affectedService, change.plannedOutage === 'yes' ? '（计划内中断）' : ''].join(''))],
    ['变更原因', orDash(change.reason)],
    ['变更内容', orDash(change.description)],
    ['风险评估', field('riskAssessment', change.riskAssessment)],
    ['影响评估', field('impactAssessment', change.impactAssessment)],
    ['审批人', field('approver', change.approver)],
    ['审批结论', field('approvalDecision', decision)],
    ['审批时间', field('approvedAt', change.approvedAt.replace('T', ' '))],
    ['审批意见', orDash(change.approvalComment)],
    ['测试方案', orDash(change.testPlan)],
    ['测试结果', field('testResult', change.testResult === 'pending' ? '' : testResults[change.testResult])],
    ['实施窗口', orDash(timeSpan(change.windowStart, change.windowEnd))],
    // Who did it, who checked it and when it really ran: a closed change must say (交付前检查 asks).
    ['实施人', done(change.implementer, '实施人')],
    ['复核人', done(change.reviewer, '复核人')],
    ['实际实施时间', done(timeSpan(change.actualStart, change.actualEnd), '实际实施时间')],
    ['实施步骤', orDash(change.steps)],
    ['实施结果', field('implementationResult', change.implementationResult)],
    ['回退方案', field('rollbackPlan', change.rollbackPlan)],
    ['是否回退', change.state === 'closed' ? (change.rollbackUsed === 'yes' ? '是，已按回退方案回退' : '否') : '—'],
    [
      '客户通知',
      change.customerNotified === 'yes'
        ? `已通知${change.notifiedAt ? `（${change.notifiedAt.replace('T', ' ')}）` : ''}`
        : '未通知',
    ],
  ];
  // Each change on pages of its own, so it can be printed and filed with its change ticket.
  return [
    heading(change.title, 2, { newPage }),
    ...keyValueTable(ctx, pairs, { caption: `变更“${change.title}”记录`, labelShare: 0.18 }),
  ];
}
