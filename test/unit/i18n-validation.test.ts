import { describe, expect, it } from 'vitest';
import { recordTypes } from '../../shared/records';
import { issueOnField } from '../../shared/records/issue-message';
import { fieldLabel } from '../../shared/records/fields';
import { localizeValidationMessage } from '../../renderer/i18n/validation';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The messages the repository would show for these values of a record type, field by field. */
function issues(table: keyof typeof recordTypes, values: Record<string, unknown>) {
  const fields = recordTypes[table].fields;
  const result = fields.safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => issueOnField(fields, values, issue));
}

function english(table: keyof typeof recordTypes, values: Record<string, unknown>) {
  return issues(table, values).map((i) =>
    localizeValidationMessage(i.message, 'en', fieldLabel(recordTypes[table].fields, i.field)),
  );
}

describe('validation messages in English', () => {
  it('says which field is required, too long or not a valid choice', () => {
    const messages = english('projects', {
      code: '',
      name: 'x'.repeat(300),
      customer: 'Acme',
      serviceMode: 'nonsense',
    });
    expect(messages).toContain('Please enter Project code');
    expect(messages).toContain('Project name must be at most 200 characters');
    expect(messages).toContain('Choose Service mode from the list');
    for (const m of messages) expect(m).not.toMatch(CJK);
  });

  it('names the row and the cell of a table', () => {
    const messages = english('sla', { priorities: [{ level: 'P1', responseMinutes: -5 }] });
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).not.toMatch(CJK);
    expect(messages.join('\n')).toMatch(/^Row 1 \(P1\) .+: Must be at least 1$/m);
  });

  it('invalid dates, numbers, e-mail addresses and IP addresses', () => {
    const messages = english('assets', { name: 'web-01', ips: ['10.0.0.300'] });
    expect(messages).toContain('Not a valid IP address: 10.0.0.300');
    const project = english('projects', { code: 'A', name: 'B', customer: 'C', startDate: '2026-13-45' });
    expect(project.join()).toMatch(/is not a valid date \(YYYY-MM-DD\)/);
    for (const m of [...messages, ...project]) expect(m).not.toMatch(CJK);
  });

  it('falls back to the field label and a generic message', () => {
    expect(localizeValidationMessage('请至少选择一个巡检对象', 'en', { zh: '巡检对象', en: 'Assets' })).toBe(
      'Assets: invalid value',
    );
    expect(localizeValidationMessage('奇怪的错误', 'en')).toBe('Invalid value');
  });

  it('leaves Chinese messages alone in the Chinese UI, and English ones everywhere', () => {
    expect(localizeValidationMessage('请填写项目名称', 'zh-CN')).toBe('请填写项目名称');
    expect(localizeValidationMessage('Something went wrong', 'en')).toBe('Something went wrong');
  });
});
