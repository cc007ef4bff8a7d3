import { describe, expect, it } from 'vitest';
import { memberRoleKeys } from '../../shared/records/member';
import { changeActions, changeRefusal, roleGrants } from '../../shared/roles';
import { memberRoleSchema } from '../../shared/sync/protocol';

describe('the role table (shared/roles.ts)', () => {
  it('one list of roles: the team record, the server membership and the table agree; stored values stay readable', () => {
    expect(memberRoleKeys).toEqual(['pm', 'techLead', 'engineer', 'expert', 'customerContact', 'observer']);
    expect(memberRoleSchema.options).toEqual(memberRoleKeys);
    expect(Object.keys(roleGrants).sort()).toEqual([...memberRoleKeys].sort());
    // The values stored before 观察者 existed parse as they are.
    for (const stored of ['pm', 'techLead', 'engineer', 'expert', 'customerContact'])
      expect(memberRoleSchema.parse(stored)).toBe(stored);
  });

  it('a change asks only for what it changes', () => {
    // A new row whose special fields hold their defaults is only a create.
    expect(
      changeActions('requirements', { code: 'R-1', statement: 'x', status: 'draft', confirmedBy: '' }, undefined),
    ).toEqual(['create']);
    expect(
      changeActions(
        'requirements',
        { status: 'confirmed', confirmedBy: '王经理' },
        { status: 'pending', confirmedBy: '' },
      ),
    ).toEqual(['confirm']);
    expect(
      changeActions(
        'changeRecords',
        { title: '扩容', approvalDecision: 'approved' },
        { title: '', approvalDecision: 'pending' },
      ).sort(),
    ).toEqual(['approve', 'update']);
    // The same value again asks nothing more; a stored row lacking a field holds its default.
    expect(
      changeActions('changeRecords', { approvalDecision: 'pending', notifiedAt: 'x' }, { state: 'approval' }),
    ).toEqual(['update']);
    // Taking a signature back is signing; a requirement revised after confirmation is an edit.
    expect(
      changeActions(
        'inspections',
        { status: 'inProgress', reopenings: [{ reason: 'r', by: 'b', at: 'a' }] },
        { status: 'signed', reopenings: [] },
      ),
    ).toEqual(['sign']);
    expect(
      changeActions('requirements', { status: 'changed', revision: 2 }, { status: 'confirmed', revision: 1 }),
    ).toEqual(['update']);
    expect(changeActions('assets', { deleted: true }, { name: 'db01', deleted: false })).toEqual(['delete']);
    expect(changeActions('assets', { deleted: false }, { name: 'db01', deleted: true })).toEqual(['delete']);
    expect(changeActions('members', { phone: '13800000000' }, { name: '张工' })).toEqual(['manageMembers']);
    expect(
      changeActions('projects', { name: '新名字', customer: '某行' }, { name: '旧名字', customer: '' }).sort(),
    ).toEqual(['renameProject', 'update']);
  });

  it('a refusal names the role and what it may not do, in Chinese and English; no role refuses nothing', () => {
    expect(changeRefusal('engineer', 'sla', { penalties: 'x' }, { penalties: '' })).toBe(
      '你在该项目中的角色是“一线工程师”，不能修改服务级别协议 / a first-line engineer may not edit service level agreement records in this project',
    );
    expect(changeRefusal(undefined, 'members', { name: 'x' }, undefined)).toBeNull();
    expect(changeRefusal('unknownRole' as 'pm', 'assets', { name: 'x' }, undefined)).toMatch(/不能新增运维对象/);
  });
});
