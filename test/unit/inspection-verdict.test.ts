import { describe, expect, it } from 'vitest';
import { checklistItemSchema, type ChecklistItem } from '../../shared/records/checklist';
import {
  answerNumber,
  automaticVerdict,
  chosenOptions,
  compilePattern,
  describeExpectation,
  describeThreshold,
  verdictFor,
} from '../../shared/inspection';

function item(fields: Partial<ChecklistItem>): ChecklistItem {
  return checklistItemSchema.parse({ id: 'x', sectionId: 's', title: '检查项', ...fields });
}

describe('verdictFor: explicit verdicts', () => {
  it('passFail answers with the verdict chosen, nothing chosen is no verdict', () => {
    const passFail = item({ kind: 'passFail' });
    expect(verdictFor(passFail, { value: null, verdict: 'pass' })).toBe('pass');
    expect(verdictFor(passFail, { value: '3.10.0-1160.el7.x86_64', verdict: 'fail' })).toBe('fail');
    expect(verdictFor(passFail, { value: '3.10.0-1160.el7.x86_64' })).toBeNull();
    expect(verdictFor(passFail, { value: null, verdict: '' })).toBeNull();
    expect(verdictFor(passFail, null)).toBeNull();
    expect(verdictFor(passFail, undefined)).toBeNull();
    // A value typed as the verdict itself.
    expect(verdictFor(passFail, { value: '合格' })).toBe('pass');
    expect(verdictFor(passFail, { value: ' 不合格 ' })).toBe('fail');
  });

  it('N/A can always be chosen and wins over the value', () => {
    for (const kind of ['passFail', 'number', 'text', 'choice', 'multiChoice', 'photo'] as const) {
      const it_ = item({ kind, max: 80, pattern: '^no$', options: ['a', 'b'], acceptable: ['a'] });
      expect(verdictFor(it_, { value: 95, verdict: 'na', photos: 3 })).toBe('na');
      expect(verdictFor(it_, { value: 'N/A' })).toBe('na');
      expect(verdictFor(it_, { value: '不适用' })).toBe('na');
      expect(verdictFor(it_, { value: 'ｎ／ａ' })).toBe('na');
    }
  });

  it('"不适用" is an ordinary answer when the item offers it as an option', () => {
    const choice = item({ kind: 'choice', options: ['正常', '异常', '不适用'], acceptable: ['正常', '不适用'] });
    expect(verdictFor(choice, { value: '不适用' })).toBe('pass');
  });

  it('an explicit pass/fail overrides the automatic verdict of any kind', () => {
    const disk = item({ kind: 'number', max: 80 });
    expect(verdictFor(disk, { value: 95 })).toBe('fail');
    expect(verdictFor(disk, { value: 95, verdict: 'pass' })).toBe('pass');
    expect(automaticVerdict(disk, 95)).toBe('fail');
  });
});

describe('verdictFor: number', () => {
  const disk = item({ kind: 'number', max: 80, unit: '%' });
  const maxDays = item({ kind: 'number', min: 1, max: 90, unit: '天' });
  const minLen = item({ kind: 'number', min: 8, unit: '位' });

  it('inside the bounds passes, the bounds themselves included', () => {
    expect(verdictFor(disk, { value: 80 })).toBe('pass');
    expect(verdictFor(disk, { value: 80.01 })).toBe('fail');
    expect(verdictFor(disk, { value: 0 })).toBe('pass');
    expect(verdictFor(maxDays, { value: 1 })).toBe('pass');
    expect(verdictFor(maxDays, { value: 90 })).toBe('pass');
    expect(verdictFor(maxDays, { value: 0 })).toBe('fail');
    expect(verdictFor(maxDays, { value: 99999 })).toBe('fail');
  });

  it('a missing bound is open', () => {
    expect(verdictFor(minLen, { value: 8 })).toBe('pass');
    expect(verdictFor(minLen, { value: 1_000_000 })).toBe('pass');
    expect(verdictFor(minLen, { value: 7 })).toBe('fail');
    expect(verdictFor(disk, { value: -5 })).toBe('pass');
  });

  it('no bounds at all is no verdict (the engineer decides)', () => {
    expect(verdictFor(item({ kind: 'number' }), { value: 42 })).toBeNull();
  });

  it('reads numbers as people type them: units, percent signs, full-width digits, thousands', () => {
    expect(verdictFor(disk, { value: '85%' })).toBe('fail');
    expect(verdictFor(disk, { value: '85 %' })).toBe('fail');
    expect(verdictFor(disk, { value: '７５％' })).toBe('pass');
    expect(verdictFor(disk, { value: ' 79.5 ' })).toBe('pass');
    expect(verdictFor(maxDays, { value: '90 天' })).toBe('pass');
    expect(verdictFor(minLen, { value: '1,024' })).toBe('pass');
    expect(answerNumber('－３')).toBe(-3);
    expect(answerNumber('.5')).toBe(0.5);
  });

  it('unreadable or empty values are no verdict, never a fail', () => {
    for (const value of [
      '',
      '   ',
      'abc',
      '约 85',
      '85/100',
      '1,5',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      ['85'],
    ]) {
      expect(verdictFor(disk, { value: value as never })).toBeNull();
    }
  });

  it('无限制 / Unlimited / 从不 read as infinity: they fail a maximum and pass a minimum', () => {
    expect(verdictFor(maxDays, { value: '无限制' })).toBe('fail');
    expect(verdictFor(maxDays, { value: 'Unlimited' })).toBe('fail');
    expect(verdictFor(minLen, { value: 'never' })).toBe('pass');
  });
});

describe('verdictFor: text', () => {
  it('tests the pattern, case-insensitive, against the trimmed answer', () => {
    const permitRoot = item({ kind: 'text', pattern: '^no$', expected: 'no' });
    expect(verdictFor(permitRoot, { value: 'no' })).toBe('pass');
    expect(verdictFor(permitRoot, { value: ' No \n' })).toBe('pass');
    expect(verdictFor(permitRoot, { value: 'ｎｏ' })).toBe('pass');
    expect(verdictFor(permitRoot, { value: 'yes' })).toBe('fail');
    expect(verdictFor(permitRoot, { value: 'prohibit-password' })).toBe('fail');
    expect(verdictFor(permitRoot, { value: '' })).toBeNull();
  });

  it('a multi-line answer must match as a whole (^ and $ are the ends of the answer)', () => {
    const uid0 = item({ kind: 'text', pattern: '^root$' });
    expect(verdictFor(uid0, { value: 'root' })).toBe('pass');
    expect(verdictFor(uid0, { value: 'root\ntoor' })).toBe('fail');
  });

  it('"/…/flags" chooses its own flags, e.g. case-sensitive', () => {
    const strict = item({ kind: 'text', pattern: '/^OPEN$/' });
    expect(verdictFor(strict, { value: 'OPEN' })).toBe('pass');
    expect(verdictFor(strict, { value: 'open' })).toBe('fail');
    expect(compilePattern('/a/gi')!.flags).toBe('i');
  });

  it('without a pattern, equals expected ignoring case and white space', () => {
    const mode = item({ kind: 'text', expected: 'EXCLUSIVE' });
    expect(verdictFor(mode, { value: ' exclusive ' })).toBe('pass');
    expect(verdictFor(mode, { value: 'SHARED' })).toBe('fail');
    const spaced = item({ kind: 'text', expected: 'TLSv1.2 TLSv1.3' });
    expect(verdictFor(spaced, { value: 'tlsv1.2   TLSV1.3' })).toBe('pass');
  });

  it('neither pattern nor expected, or an invalid pattern: no verdict', () => {
    expect(verdictFor(item({ kind: 'text' }), { value: 'anything' })).toBeNull();
    expect(verdictFor(item({ kind: 'text', pattern: '([' }), { value: 'x' })).toBeNull();
    expect(compilePattern('([')).toBeNull();
  });

  it('numbers are compared as text', () => {
    expect(verdictFor(item({ kind: 'text', pattern: '^(1|0x0*1)$' }), { value: 1 })).toBe('pass');
    expect(verdictFor(item({ kind: 'text', pattern: '^(?!3389$)\\d+$' }), { value: 3389 })).toBe('fail');
    expect(verdictFor(item({ kind: 'text', pattern: '^(?!3389$)\\d+$' }), { value: '13389' })).toBe('pass');
  });
});

describe('verdictFor: choice and multiChoice', () => {
  const ntp = item({ kind: 'choice', options: ['已同步', '未同步'], acceptable: ['已同步'] });
  const slow = item({ kind: 'choice', options: ['ON', 'OFF'], acceptable: ['ON'] });

  it('choice: an acceptable option passes, any other fails', () => {
    expect(verdictFor(ntp, { value: '已同步' })).toBe('pass');
    expect(verdictFor(ntp, { value: '未同步' })).toBe('fail');
    expect(verdictFor(slow, { value: 'on' })).toBe('pass');
    expect(verdictFor(slow, { value: ['ON'] })).toBe('pass');
    expect(verdictFor(slow, { value: 'maybe' })).toBe('fail');
    expect(verdictFor(slow, { value: '' })).toBeNull();
    expect(verdictFor(item({ kind: 'choice', options: ['a', 'b'] }), { value: 'a' })).toBeNull();
  });

  it('multiChoice: passes when every chosen option is acceptable; nothing chosen is no answer', () => {
    const services = item({ kind: 'multiChoice', options: ['无', 'telnet', 'vsftpd', 'cups'], acceptable: ['无'] });
    expect(verdictFor(services, { value: ['无'] })).toBe('pass');
    expect(verdictFor(services, { value: ['无', 'cups'] })).toBe('fail');
    expect(verdictFor(services, { value: ['telnet', 'vsftpd'] })).toBe('fail');
    expect(verdictFor(services, { value: [] })).toBeNull();
    expect(verdictFor(services, { value: null })).toBeNull();
    expect(verdictFor(services, { value: 'telnet、cups' })).toBe('fail');
    const audit = item({ kind: 'multiChoice', options: ['成功', '失败', '无审核'], acceptable: ['成功', '失败'] });
    expect(verdictFor(audit, { value: ['成功', '失败'] })).toBe('pass');
    expect(chosenOptions(' a ,b；c\n')).toEqual(['a', 'b', 'c']);
  });
});

describe('verdictFor: photo', () => {
  const photo = item({ kind: 'photo' });
  it('is judged by the engineer: a photo alone is evidence, not a verdict', () => {
    expect(verdictFor(photo, { value: null, photos: 1 })).toBeNull();
    expect(verdictFor(photo, { value: null, photos: 2, verdict: 'pass' })).toBe('pass');
    expect(verdictFor(photo, { value: null, photos: 0 })).toBeNull();
    expect(verdictFor(photo, { value: null })).toBeNull();
    expect(verdictFor(photo, { value: null, photos: 0, verdict: 'fail' })).toBe('fail');
  });
});

describe('describeThreshold and describeExpectation', () => {
  it('says the rule in Chinese for the UI', () => {
    expect(describeThreshold({ max: 80, unit: '%' })).toBe('≤ 80%');
    expect(describeThreshold({ min: 8, unit: '位' })).toBe('≥ 8 位');
    expect(describeThreshold({ min: 8, max: 90, unit: '天' })).toBe('8 – 90 天');
    expect(describeThreshold({ min: 0, max: 0 })).toBe('= 0');
    expect(describeThreshold({ min: null, max: null })).toBe('');
    expect(describeThreshold({ max: 0.5, unit: '秒' })).toBe('≤ 0.5 秒');
    expect(describeExpectation(item({ kind: 'number', max: 80, unit: '%' }))).toBe('≤ 80%');
    expect(describeExpectation(item({ kind: 'number', max: 80, unit: '%', expected: '各分区 ≤ 80 %' }))).toBe(
      '各分区 ≤ 80 %',
    );
    expect(describeExpectation(item({ kind: 'text', pattern: '^no$' }))).toBe('匹配 ^no$');
    expect(describeExpectation(item({ kind: 'choice', options: ['ON', 'OFF'], acceptable: ['ON'] }))).toBe(
      '合格选项：ON',
    );
    expect(describeExpectation(item({ kind: 'photo' }))).toBe('需拍照留证');
  });
});
