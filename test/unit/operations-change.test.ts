import { describe, expect, it } from 'vitest';
import {
  allowedTransition,
  type ChangeData,
  type ChangeState,
  changeStates,
  type ChangeType,
  missingToLeave,
  nextChangeStates,
  requiredToLeave,
} from '../../shared/operations';

const states = Object.keys(changeStates) as ChangeState[];

/** Everything filled: assessed, approved, tested, implemented. */
function complete(type: ChangeType): ChangeData {
  return {
    type,
    riskAssessment: '低：仅影响备库',
    impactAssessment: '业务无感知',
    rollbackPlan: '恢复变更前的配置备份',
    approver: '张经理',
    approvalDecision: 'approved',
    approvedAt: '2026-03-16T10:00',
    testResult: 'passed',
    implementer: '孙鹏',
    reviewer: '周明',
    actualStart: '2026-03-16T22:05',
    actualEnd: '2026-03-16T22:40',
    implementationResult: '切换完成，业务验证正常',
    rollbackUsed: false,
  };
}

const structure: Record<'standard' | 'emergency', Record<ChangeState, ChangeState[]>> = {
  standard: {
    assessment: ['approval', 'cancelled'],
    approval: ['testing', 'rejected', 'cancelled'],
    testing: ['implementation', 'cancelled'],
    implementation: ['closed', 'cancelled'],
    closed: [],
    rejected: [],
    cancelled: [],
  },
  emergency: {
    assessment: ['approval', 'implementation', 'cancelled'],
    approval: ['testing', 'implementation', 'rejected', 'cancelled'],
    testing: ['implementation', 'cancelled'],
    implementation: ['closed', 'cancelled'],
    closed: [],
    rejected: [],
    cancelled: [],
  },
};

describe('change workflow: every transition', () => {
  for (const type of ['standard', 'normal', 'emergency'] as const) {
    it(`${type}: with the data in place, exactly the workflow's transitions are allowed`, () => {
      const expected = structure[type === 'emergency' ? 'emergency' : 'standard'];
      for (const from of states) {
        expect(nextChangeStates(type, from), `${type} ${from}`).toEqual(expected[from]);
        for (const to of states) {
          if (from === to) continue;
          // Rejection needs a rejecting decision; everything else the complete, approved record.
          const data =
            to === 'rejected' ? { ...complete(type), approvalDecision: 'rejected' as const } : complete(type);
          const reason = allowedTransition(data, from, to);
          expect(reason === null, `${type} ${from} → ${to}: ${reason}`).toBe(expected[from].includes(to));
          if (reason !== null) expect(reason).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });
  }

  it('moving to the same state is no transition', () => {
    expect(allowedTransition({ type: 'normal' }, 'testing', 'testing')).toBeNull();
  });

  it('refuses skipped states, going back and leaving a final state, with reasons', () => {
    const data = complete('normal');
    expect(allowedTransition(data, 'assessment', 'testing')).toBe('变更不能跳过“审批”');
    expect(allowedTransition(data, 'assessment', 'implementation')).toBe('变更不能跳过“审批”、“测试”');
    expect(allowedTransition(data, 'assessment', 'closed')).toBe('变更不能跳过“审批”、“测试”、“实施”');
    expect(allowedTransition(data, 'approval', 'implementation')).toBe('变更不能跳过“测试”');
    expect(allowedTransition(data, 'testing', 'closed')).toBe('变更不能跳过“实施”');
    expect(allowedTransition(complete('emergency'), 'assessment', 'closed')).toBe('变更不能跳过“审批”、“测试”、“实施”');
    expect(allowedTransition(complete('emergency'), 'testing', 'closed')).toBe('变更不能跳过“实施”');
    expect(allowedTransition(data, 'testing', 'approval')).toBe(
      '变更不能从“测试”退回“审批”；如需重新评估，请取消后重新提交',
    );
    expect(allowedTransition(data, 'implementation', 'assessment')).toBe(
      '变更不能从“实施”退回“评估”；如需重新评估，请取消后重新提交',
    );
    expect(allowedTransition(data, 'closed', 'implementation')).toBe('变更已关闭，不能再改变状态');
    expect(allowedTransition(data, 'rejected', 'approval')).toBe('变更已驳回，不能再改变状态');
    expect(allowedTransition(data, 'cancelled', 'assessment')).toBe('变更已取消，不能再改变状态');
    expect(allowedTransition(data, 'closed', 'cancelled')).toBe('变更已关闭，不能再改变状态');
    expect(allowedTransition(data, 'assessment', 'rejected')).toBe('只有“审批”中的变更可以驳回');
    expect(allowedTransition(data, 'testing', 'rejected')).toBe('只有“审批”中的变更可以驳回');
    expect(allowedTransition(data, 'assessment', 'bogus' as ChangeState)).toBe('未知的变更状态：bogus');
    expect(allowedTransition({ type: 'odd' as ChangeType }, 'assessment', 'approval')).toBe('未知的变更类型：odd');
  });

  it('cancelling needs nothing from any open state', () => {
    for (const from of ['assessment', 'approval', 'testing', 'implementation'] as const) {
      expect(allowedTransition({ type: 'normal' }, from, 'cancelled')).toBeNull();
    }
  });
});

describe('change workflow: the data each state needs', () => {
  it('exposes the required fields per state', () => {
    expect(requiredToLeave.assessment).toEqual(['riskAssessment', 'impactAssessment', 'rollbackPlan']);
    expect(requiredToLeave.approval).toEqual(['approver', 'approvalDecision', 'approvedAt']);
    expect(requiredToLeave.testing).toEqual(['testResult']);
    expect(requiredToLeave.implementation).toEqual([
      'implementer',
      'reviewer',
      'actualStart',
      'actualEnd',
      'implementationResult',
      'rollbackUsed',
    ]);
    expect(missingToLeave({ type: 'normal', riskAssessment: '低', impactAssessment: '  ' }, 'assessment')).toEqual([
      'impactAssessment',
      'rollbackPlan',
    ]);
  });

  it('assessment: risk, impact and rollback plan', () => {
    expect(allowedTransition({ type: 'normal' }, 'assessment', 'approval')).toBe(
      '离开“评估”前须填写：风险评估、影响评估、回退方案',
    );
    expect(
      allowedTransition({ type: 'normal', riskAssessment: '低', impactAssessment: ' ' }, 'assessment', 'approval'),
    ).toBe('离开“评估”前须填写：影响评估、回退方案');
  });

  it('approval: approver, decision approved, time', () => {
    const base = { ...complete('normal'), approvalDecision: '' as const, approvedAt: null };
    expect(allowedTransition(base, 'approval', 'testing')).toBe('离开“审批”前须填写：审批结论、审批时间');
    // 'pending' (待审批) is no decision.
    expect(allowedTransition({ ...complete('normal'), approvalDecision: 'pending' }, 'approval', 'testing')).toBe(
      '离开“审批”前须填写：审批结论',
    );
    expect(allowedTransition({ ...complete('normal'), approvalDecision: 'rejected' }, 'approval', 'testing')).toBe(
      '审批结论为“同意”后才能进入“测试”',
    );
    // A time may be epoch ms too.
    expect(
      allowedTransition({ ...complete('normal'), approvedAt: 1_773_626_400_000 }, 'approval', 'testing'),
    ).toBeNull();
  });

  it('rejection: approver, time and a rejecting decision', () => {
    expect(allowedTransition({ type: 'normal' }, 'approval', 'rejected')).toBe(
      '驳回须填写：审批人、审批时间；审批结论不是“驳回”',
    );
    expect(
      allowedTransition(
        { type: 'normal', approver: '张经理', approvedAt: '2026-03-16T10:00', approvalDecision: 'rejected' },
        'approval',
        'rejected',
      ),
    ).toBeNull();
  });

  it('testing: passed; only a standard change may mark the test not applicable', () => {
    expect(allowedTransition({ ...complete('normal'), testResult: '' }, 'testing', 'implementation')).toBe(
      '离开“测试”前须填写：测试结果',
    );
    expect(allowedTransition({ ...complete('normal'), testResult: 'pending' }, 'testing', 'implementation')).toBe(
      '离开“测试”前须填写：测试结果',
    );
    expect(allowedTransition({ ...complete('normal'), testResult: 'failed' }, 'testing', 'implementation')).toBe(
      '测试未通过，不能进入“实施”',
    );
    expect(allowedTransition({ ...complete('standard'), testResult: 'failed' }, 'testing', 'implementation')).toBe(
      '测试未通过，不能进入“实施”',
    );
    expect(allowedTransition({ ...complete('normal'), testResult: 'notApplicable' }, 'testing', 'implementation')).toBe(
      '只有标准变更的测试可以标为“不适用”',
    );
    expect(
      allowedTransition({ ...complete('emergency'), testResult: 'notApplicable' }, 'testing', 'implementation'),
    ).toBe('只有标准变更的测试可以标为“不适用”');
    expect(
      allowedTransition({ ...complete('standard'), testResult: 'notApplicable' }, 'testing', 'implementation'),
    ).toBeNull();
  });

  it('implementation: result and whether the rollback was used (false counts as recorded)', () => {
    expect(
      allowedTransition(
        { ...complete('normal'), implementationResult: null, rollbackUsed: null },
        'implementation',
        'closed',
      ),
    ).toBe('关闭变更前须填写：实施结果、是否回退');
    expect(allowedTransition({ ...complete('normal'), rollbackUsed: undefined }, 'implementation', 'closed')).toBe(
      '关闭变更前须填写：是否回退',
    );
    expect(allowedTransition({ ...complete('normal'), implementationResult: ' ' }, 'implementation', 'closed')).toBe(
      '关闭变更前须填写：实施结果',
    );
    expect(
      allowedTransition(
        { ...complete('normal'), implementationResult: '失败，已回退', rollbackUsed: true },
        'implementation',
        'closed',
      ),
    ).toBeNull();
    expect(allowedTransition({ ...complete('normal'), rollbackUsed: 'no' }, 'implementation', 'closed')).toBeNull();
  });

  it('closing: who implemented it, who checked it (another person) and when it really ran', () => {
    const blank = { implementer: '', reviewer: ' ', actualStart: null, actualEnd: undefined };
    expect(allowedTransition({ ...complete('normal'), ...blank }, 'implementation', 'closed')).toBe(
      '关闭变更前须填写：实施人、复核人、实际开始时间、实际结束时间',
    );
    expect(allowedTransition({ ...complete('normal'), reviewer: '' }, 'implementation', 'closed')).toBe(
      '关闭变更前须填写：复核人',
    );
    expect(allowedTransition({ ...complete('normal'), reviewer: ' 孙鹏 ' }, 'implementation', 'closed')).toBe(
      '复核人不能与实施人为同一人',
    );
    expect(
      allowedTransition({ ...complete('normal'), actualEnd: '2026-03-16T21:00' }, 'implementation', 'closed'),
    ).toBe('实际结束时间不能早于实际开始时间');
    // Cancelling a change under implementation still needs nothing.
    expect(allowedTransition({ ...complete('normal'), ...blank }, 'implementation', 'cancelled')).toBeNull();
  });
});

describe('change workflow: emergency changes', () => {
  const assessed: ChangeData = {
    type: 'emergency',
    riskAssessment: '高：核心库主备切换',
    impactAssessment: '切换期间交易中断约 2 分钟',
    rollbackPlan: '切回原主库',
  };

  it('go from assessment straight to implementation, with the assessment done', () => {
    expect(allowedTransition(assessed, 'assessment', 'implementation')).toBeNull();
    expect(allowedTransition({ type: 'emergency' }, 'assessment', 'implementation')).toBe(
      '离开“评估”前须填写：风险评估、影响评估、回退方案',
    );
    // After an approval, testing may be skipped; the approval must be complete.
    expect(
      allowedTransition(
        { ...assessed, approver: '张经理', approvalDecision: 'approved', approvedAt: '2026-03-16T02:10' },
        'approval',
        'implementation',
      ),
    ).toBeNull();
    expect(allowedTransition(assessed, 'approval', 'implementation')).toBe(
      '离开“审批”前须填写：审批人、审批结论、审批时间',
    );
  });

  it('must record its approval afterwards (事后补批) before closing, unless it was approved at the time', () => {
    const implemented: ChangeData = {
      ...assessed,
      implementer: '孙鹏',
      reviewer: '周明',
      actualStart: '2026-03-16T02:00',
      actualEnd: '2026-03-16T02:20',
      implementationResult: '主备切换完成',
      rollbackUsed: 'no',
    };
    const reason = '紧急变更须补录事后审批（审批人、审批结论“同意”、审批时间）才能关闭';
    expect(allowedTransition(implemented, 'implementation', 'closed')).toBe(reason);
    expect(
      allowedTransition(
        { ...implemented, approver: '张经理', approvalDecision: 'approved' },
        'implementation',
        'closed',
      ),
    ).toBe(reason);
    expect(
      allowedTransition(
        { ...implemented, approver: '张经理', approvalDecision: 'rejected', approvedAt: '2026-03-16T09:30' },
        'implementation',
        'closed',
      ),
    ).toBe(reason);
    expect(
      allowedTransition(
        { ...implemented, approver: '张经理', approvalDecision: 'approved', approvedAt: '2026-03-16T09:30' },
        'implementation',
        'closed',
      ),
    ).toBeNull();
    // Both problems at once.
    expect(allowedTransition(assessed, 'implementation', 'closed')).toBe(
      `关闭变更前须填写：实施人、复核人、实际开始时间、实际结束时间、实施结果、是否回退；${reason}`,
    );
    // A normal change that reached 实施 was approved on the way; nothing more is asked.
    expect(
      allowedTransition(
        { ...implemented, type: 'normal', implementationResult: '完成', rollbackUsed: false },
        'implementation',
        'closed',
      ),
    ).toBeNull();
  });
});
