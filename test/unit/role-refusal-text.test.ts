import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage, initI18n } from '../../renderer/i18n';
import { roleRefusalText, serverReasonText } from '../../renderer/i18n/role-refusal';
import { changeRefusal, changeRefusalOf } from '../../shared/roles';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('refusal texts in the UI language (roles.* keys)', () => {
  beforeAll(async () => initI18n('zh-CN'));
  afterAll(async () => changeLanguage('zh-CN'));

  const slaByEngineer = changeRefusalOf('engineer', 'sla', { penalties: '改罚则' }, { penalties: '' })!;
  const confirmAndEdit = changeRefusalOf(
    'observer',
    'requirements',
    { statement: '可用性 99.9%', status: 'confirmed' },
    { statement: '可用性', status: 'pending' },
  )!;

  it('Chinese: the role and what it may not do, as the server words it', async () => {
    await changeLanguage('zh-CN');
    expect(roleRefusalText(slaByEngineer)).toBe('你在该项目中的角色是“一线工程师”，不能修改服务级别协议');
    expect(changeRefusal('engineer', 'sla', { penalties: '改罚则' }, { penalties: '' })).toMatch(
      /^你在该项目中的角色是“一线工程师”，不能修改服务级别协议 \/ /,
    );
    expect(roleRefusalText(confirmAndEdit)).toBe('你在该项目中的角色是“观察者”，不能确认需求、修改需求条目');
  });

  it('English: no Chinese at all', async () => {
    await changeLanguage('en');
    const texts = [
      roleRefusalText(slaByEngineer),
      roleRefusalText(confirmAndEdit),
      roleRefusalText(changeRefusalOf('observer', 'assets', { name: 'db01' }, undefined)!),
    ];
    expect(texts).toEqual([
      'Your role in this project is First-line engineer: you may not edit service level agreement records',
      'Your role in this project is Observer: you may not confirm requirements, edit requirement records',
      'Your role in this project is Observer: you may not create asset records',
    ]);
    for (const text of texts) expect(text).not.toMatch(CJK);
  });

  it("a server's reason shows the side of the UI language; one without an English side is named by its code", () => {
    const reason = changeRefusal('observer', 'assets', { name: 'db01' }, undefined)!;
    expect(serverReasonText(reason, 'forbidden', 'zh-CN')).toBe('你在该项目中的角色是“观察者”，不能新增运维对象');
    expect(serverReasonText(reason, 'forbidden', 'en')).toBe(
      'An observer may not create asset records in this project',
    );
    expect(serverReasonText('你不是该项目的成员，不能同步它的数据', 'forbidden', 'en')).toBe(
      'The server refused this change: your role in this project does not allow it, or you are no longer a member',
    );
    expect(serverReasonText('服务器上这条记录属于另一个项目', 'project_mismatch', 'en')).toBe(
      'The server refused this change (project_mismatch)',
    );
    expect(serverReasonText('服务器上这条记录属于另一个项目', 'project_mismatch', 'zh-CN')).toBe(
      '服务器上这条记录属于另一个项目',
    );
  });
});
