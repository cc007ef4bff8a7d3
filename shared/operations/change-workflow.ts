/**
 * 变更流程: the state machine of a change (process-standard 四.1: 变更必须经过评估、审批、测试后方可实施).
 *
 *   评估 assessment → 审批 approval → 测试 testing → 实施 implementation → 关闭 closed
 *   审批 → 已驳回 rejected;  any open state → 已取消 cancelled
 *
 * Rules:
 * - No state may be skipped, and there is no way back: a change that must be reworked (a failed
 *   test, an approver asking for more) stays where it is until fixed, or is cancelled and
 *   submitted again — the record of what was approved and tested never changes under it.
 * - Leaving a state forward needs that state's data (requiredToLeave):
 *     评估  风险评估、影响评估、回退方案 (the rollback plan is asked for here, before anyone
 *           approves, because 实施 later records whether it was used)
 *     审批  审批人、审批结论 'approved'、审批时间
 *     测试  测试结果 'passed'; a STANDARD change (标准变更: a pre-authorised routine change with
 *           a proven procedure) may record 'notApplicable' (不适用) instead — a normal or
 *           emergency change that goes through 测试 must pass it
 *     实施  实施人、复核人、实际开始时间、实际结束时间、实施结果、是否回退 — a closed change
 *           says who did it, who checked it and when it really ran (a 变更记录 without them is
 *           sent back by the customer's document control); the checker is not the implementer
 * - 驳回 needs 审批人, 审批结论 'rejected' and 审批时间.
 * - 取消 is always possible from an open state and needs nothing.
 * - An EMERGENCY change (紧急变更) may go from 评估 straight to 实施, and from 审批 to 实施
 *   without 测试. Before it can be closed it must hold an approval — recorded afterwards
 *   (事后补批) in the same fields (审批人, 审批结论 'approved', 审批时间) when it skipped 审批.
 * - 'pending' (待审批 / 未测试) and blank values count as not filled; 是否回退 is filled by
 *   true/false or 'yes'/'no'.
 * - closed, rejected and cancelled are final.
 */

export const changeStates = {
  assessment: { zh: '评估', en: 'Assessment' },
  approval: { zh: '审批', en: 'Approval' },
  testing: { zh: '测试', en: 'Testing' },
  implementation: { zh: '实施', en: 'Implementation' },
  closed: { zh: '关闭', en: 'Closed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export type ChangeState = keyof typeof changeStates;

export const changeTypes = {
  standard: { zh: '标准', en: 'Standard' },
  normal: { zh: '一般', en: 'Normal' },
  emergency: { zh: '紧急', en: 'Emergency' },
};
export type ChangeType = keyof typeof changeTypes;

export const approvalDecisions = {
  approved: { zh: '同意', en: 'Approved' },
  rejected: { zh: '驳回', en: 'Rejected' },
};
export const testResults = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  notApplicable: { zh: '不适用', en: 'N/A' },
};

/** The main path, in order. */
export const changePath: readonly ChangeState[] = ['assessment', 'approval', 'testing', 'implementation', 'closed'];
export const openChangeStates: readonly ChangeState[] = ['assessment', 'approval', 'testing', 'implementation'];
export const finalChangeStates: readonly ChangeState[] = ['closed', 'rejected', 'cancelled'];

/** What the workflow reads of a change record. Times may be 'YYYY-MM-DDTHH:mm' text or epoch ms. */
export interface ChangeData {
  type: ChangeType;
  riskAssessment?: string | null;
  impactAssessment?: string | null;
  rollbackPlan?: string | null;
  approver?: string | null;
  /** 'pending' (待审批) counts as not decided. */
  approvalDecision?: keyof typeof approvalDecisions | 'pending' | '' | null;
  /** When it was approved (or rejected); for an emergency change possibly afterwards. */
  approvedAt?: string | number | null;
  /** 'pending' (未测试) counts as no result. */
  testResult?: keyof typeof testResults | 'pending' | '' | null;
  /** Who carried the change out, and who checked it (not the same person). */
  implementer?: string | null;
  reviewer?: string | null;
  /** When the change really started and ended (the window is only the plan). */
  actualStart?: string | number | null;
  actualEnd?: string | number | null;
  /** What happened, in words. */
  implementationResult?: string | null;
  /** Whether the rollback plan was used; null/absent: not yet recorded. */
  rollbackUsed?: boolean | 'yes' | 'no' | null;
}
export type ChangeField = Exclude<keyof ChangeData, 'type'>;

export const changeFieldLabels: Record<ChangeField, { zh: string; en: string }> = {
  riskAssessment: { zh: '风险评估', en: 'Risk assessment' },
  impactAssessment: { zh: '影响评估', en: 'Impact assessment' },
  rollbackPlan: { zh: '回退方案', en: 'Rollback plan' },
  approver: { zh: '审批人', en: 'Approver' },
  approvalDecision: { zh: '审批结论', en: 'Approval decision' },
  approvedAt: { zh: '审批时间', en: 'Approval time' },
  testResult: { zh: '测试结果', en: 'Test result' },
  implementer: { zh: '实施人', en: 'Implemented by' },
  reviewer: { zh: '复核人', en: 'Checked by' },
  actualStart: { zh: '实际开始时间', en: 'Actual start' },
  actualEnd: { zh: '实际结束时间', en: 'Actual end' },
  implementationResult: { zh: '实施结果', en: 'Implementation result' },
  rollbackUsed: { zh: '是否回退', en: 'Rolled back' },
};

/** The data each open state needs before a change may leave it forward (not by cancelling). */
export const requiredToLeave: Readonly<Record<ChangeState, readonly ChangeField[]>> = {
  assessment: ['riskAssessment', 'impactAssessment', 'rollbackPlan'],
  approval: ['approver', 'approvalDecision', 'approvedAt'],
  testing: ['testResult'],
  implementation: ['implementer', 'reviewer', 'actualStart', 'actualEnd', 'implementationResult', 'rollbackUsed'],
  closed: [],
  rejected: [],
  cancelled: [],
};

/** Whether a field holds something: text that is not blank or 'pending', a number, a boolean. */
export function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '' && value !== 'pending';
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}

/** The required fields of `state` that the change has not filled. */
export function missingToLeave(change: ChangeData, state: ChangeState): ChangeField[] {
  return requiredToLeave[state].filter((field) => !isFilled(change[field]));
}

/** Whether the change records an approval (审批人, 同意, 审批时间), at the time or afterwards. */
export function hasApproval(change: ChangeData): boolean {
  return change.approvalDecision === 'approved' && isFilled(change.approver) && isFilled(change.approvedAt);
}

/** The states a change of this type may move to from `from`, by the shape of the workflow (data aside). */
export function nextChangeStates(type: ChangeType, from: ChangeState): ChangeState[] {
  if (!openChangeStates.includes(from)) return [];
  const next: ChangeState[] = [changePath[changePath.indexOf(from) + 1]!];
  if (type === 'emergency' && (from === 'assessment' || from === 'approval') && !next.includes('implementation'))
    next.push('implementation');
  if (from === 'approval') next.push('rejected');
  next.push('cancelled');
  return next;
}

const finalMessages: Partial<Record<ChangeState, string>> = {
  closed: '变更已关闭，不能再改变状态',
  rejected: '变更已驳回，不能再改变状态',
  cancelled: '变更已取消，不能再改变状态',
};

function quoted(state: ChangeState): string {
  return `“${changeStates[state].zh}”`;
}

function fieldList(fields: readonly ChangeField[]): string {
  return fields.map((field) => changeFieldLabels[field].zh).join('、');
}

/**
 * Whether a change may move from `from` to `to`: null when it may, else the reason in Chinese
 * (several reasons joined with "；"). Moving to the same state is no transition (null).
 */
export function allowedTransition(change: ChangeData, from: ChangeState, to: ChangeState): string | null {
  if (!(from in changeStates)) return `未知的变更状态：${String(from)}`;
  if (!(to in changeStates)) return `未知的变更状态：${String(to)}`;
  if (!(change.type in changeTypes)) return `未知的变更类型：${String(change.type)}`;
  if (from === to) return null;
  const final = finalMessages[from];
  if (final) return final;

  if (to === 'cancelled') return null;
  if (to === 'rejected') {
    if (from !== 'approval') return `只有${quoted('approval')}中的变更可以驳回`;
    const issues: string[] = [];
    const missing = (['approver', 'approvedAt'] as const).filter((field) => !isFilled(change[field]));
    if (missing.length) issues.push(`驳回须填写：${fieldList(missing)}`);
    if (change.approvalDecision !== 'rejected') issues.push('审批结论不是“驳回”');
    return issues.length ? issues.join('；') : null;
  }

  const fromIndex = changePath.indexOf(from);
  const toIndex = changePath.indexOf(to);
  if (toIndex < fromIndex) return `变更不能从${quoted(from)}退回${quoted(to)}；如需重新评估，请取消后重新提交`;

  const emergencyShortcut =
    change.type === 'emergency' && to === 'implementation' && (from === 'assessment' || from === 'approval');
  if (toIndex > fromIndex + 1 && !emergencyShortcut) {
    const skipped = changePath.slice(fromIndex + 1, toIndex);
    return `变更不能跳过${skipped.map(quoted).join('、')}`;
  }

  const issues: string[] = [];
  const missing = missingToLeave(change, from);
  if (missing.length)
    issues.push(`${to === 'closed' ? '关闭变更' : `离开${quoted(from)}`}前须填写：${fieldList(missing)}`);
  switch (from) {
    case 'approval':
      if (isFilled(change.approvalDecision) && change.approvalDecision !== 'approved')
        issues.push(`审批结论为“同意”后才能进入${quoted(to)}`);
      break;
    case 'testing':
      if (change.testResult === 'failed') issues.push(`测试未通过，不能进入${quoted(to)}`);
      else if (change.testResult === 'notApplicable' && change.type !== 'standard')
        issues.push('只有标准变更的测试可以标为“不适用”');
      break;
    case 'implementation':
      if (
        isFilled(change.implementer) &&
        isFilled(change.reviewer) &&
        String(change.implementer).trim() === String(change.reviewer).trim()
      )
        issues.push('复核人不能与实施人为同一人');
      if (
        typeof change.actualStart === typeof change.actualEnd &&
        isFilled(change.actualStart) &&
        isFilled(change.actualEnd) &&
        change.actualEnd! < change.actualStart!
      )
        issues.push('实际结束时间不能早于实际开始时间');
      if (change.type === 'emergency' && !hasApproval(change))
        issues.push('紧急变更须补录事后审批（审批人、审批结论“同意”、审批时间）才能关闭');
      break;
  }
  return issues.length ? issues.join('；') : null;
}
