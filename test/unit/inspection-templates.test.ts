import { describe, expect, it } from 'vitest';
import { assetTypes } from '../../shared/records/asset';
import { checklistItemSchema, checklistSectionSchema, checklistTemplateFields } from '../../shared/records/checklist';
import {
  builtinTemplate,
  builtinTemplates,
  builtinTemplatesFor,
  checkTemplate,
  compilePattern,
  copyBuiltinTemplate,
  isKnownValueKey,
  outputParsers,
  parsersForKey,
  valueKeyLabels,
  verdictFor,
} from '../../shared/inspection';

describe('built-in templates', () => {
  it('cover the asset kinds a delivery meets', () => {
    expect(builtinTemplates.map((t) => t.key)).toEqual([
      'linux-server',
      'windows-server',
      'network-device',
      'storage-array',
      'mysql',
      'oracle',
      'middleware',
    ]);
    expect(builtinTemplatesFor('database').map((t) => t.key)).toEqual(['mysql', 'oracle']);
    expect(builtinTemplate('linux-server')!.name).toContain('Linux');
    expect(builtinTemplate('nope')).toBeUndefined();
  });

  for (const template of builtinTemplates) {
    describe(template.name, () => {
      it('validates against the checklist schemas, unchanged by parsing', () => {
        for (const section of template.sections) expect(checklistSectionSchema.parse(section)).toEqual(section);
        for (const item of template.items) expect(checklistItemSchema.parse(item)).toEqual(item);
        for (const type of template.assetTypes) expect(Object.keys(assetTypes)).toContain(type);
        const fields = checklistTemplateFields.parse({
          ...template,
          familyId: 'f',
          version: 1,
          builtinKey: template.key,
        });
        expect(fields.items).toEqual(template.items);
      });

      it('has at least 15 items in sections, unique ids, and no template issue at all', () => {
        expect(template.items.length).toBeGreaterThanOrEqual(15);
        expect(new Set(template.items.map((i) => i.id)).size).toBe(template.items.length);
        expect(new Set(template.sections.map((s) => s.id)).size).toBe(template.sections.length);
        expect(template.sections.length).toBeGreaterThanOrEqual(4);
        expect(checkTemplate(template)).toEqual([]);
      });

      it('gives every item a method, an expectation, and every kind what its verdict needs', () => {
        for (const item of template.items) {
          expect(item.method, item.id).not.toBe('');
          expect(item.expected, item.id).not.toBe('');
          if (item.kind === 'number') expect(item.min !== null || item.max !== null, item.id).toBe(true);
          if (item.kind === 'number') expect(item.unit, item.id).not.toBe('');
          if (item.kind === 'text') expect(compilePattern(item.pattern), item.id).not.toBeNull();
          if (item.kind === 'choice' || item.kind === 'multiChoice') {
            expect(item.acceptable.length, item.id).toBeGreaterThan(0);
            for (const option of item.acceptable) expect(item.options, item.id).toContain(option);
            // Some option fails, or the item would judge nothing.
            expect(
              item.options.some((o) => !item.acceptable.includes(o)),
              item.id,
            ).toBe(true);
          }
        }
      });

      it('names only value keys some parser produces', () => {
        for (const item of template.items.filter((i) => i.parser)) {
          expect(isKnownValueKey(item.parser), `${item.id} → ${item.parser}`).toBe(true);
          expect(parsersForKey(item.parser).length, item.parser).toBeGreaterThan(0);
        }
      });

      it('is a copy a project can take', () => {
        const copy = copyBuiltinTemplate(template.key);
        expect(copy.builtinKey).toBe(template.key);
        expect(copy.items).toEqual(template.items);
        copy.items[0]!.title = '改过';
        expect(template.items[0]!.title).not.toBe('改过');
      });
    });
  }

  it('holds the thresholds the baseline standards ask for', () => {
    const find = (key: string, id: string) => builtinTemplate(key)!.items.find((i) => i.id === id)!;
    expect(find('linux-server', 'linux.res.disk')).toMatchObject({
      kind: 'number',
      max: 80,
      unit: '%',
      parser: 'disk.maxUsePercent',
    });
    expect(find('linux-server', 'linux.acct.pass-max-days')).toMatchObject({
      max: 90,
      unit: '天',
      parser: 'login.passMaxDays',
    });
    expect(find('linux-server', 'linux.acct.pass-min-len')).toMatchObject({ min: 8 });
    expect(find('linux-server', 'linux.acct.tmout')).toMatchObject({ max: 600, parser: 'shell.tmout' });
    expect(find('linux-server', 'linux.ssh.permit-root')).toMatchObject({
      kind: 'text',
      pattern: '^no$',
      parser: 'ssh.permitRootLogin',
    });
    expect(find('linux-server', 'linux.hw.panel-photo').kind).toBe('photo');
    expect(find('oracle', 'ora.space.tablespace')).toMatchObject({ max: 85, unit: '%' });
    expect(find('oracle', 'ora.bak.age')).toMatchObject({ max: 24, unit: '小时' });
    expect(find('mysql', 'mysql.log.slow')).toMatchObject({
      kind: 'choice',
      acceptable: ['ON'],
      parser: 'mysql.var:slow_query_log',
    });
    // The rules judge real answers as intended.
    expect(verdictFor(find('linux-server', 'linux.acct.pass-max-days'), { value: 99999 })).toBe('fail');
    expect(verdictFor(find('windows-server', 'win.acct.max-age'), { value: '无限制' })).toBe('fail');
    expect(verdictFor(find('windows-server', 'win.acct.lockout-threshold'), { value: 0 })).toBe('fail');
    expect(verdictFor(find('mysql', 'mysql.acct.root-host'), { value: 'localhost, 127.0.0.1, ::1' })).toBe('pass');
    expect(verdictFor(find('mysql', 'mysql.acct.root-host'), { value: 'localhost, %' })).toBe('fail');
    expect(verdictFor(find('oracle', 'ora.acct.verify-function'), { value: 'NULL' })).toBe('fail');
    expect(verdictFor(find('oracle', 'ora.acct.verify-function'), { value: 'ORA12C_VERIFY_FUNCTION' })).toBe('pass');
    expect(verdictFor(find('middleware', 'mw.tls.protocols'), { value: 'TLSv1 TLSv1.1 TLSv1.2' })).toBe('fail');
    expect(verdictFor(find('middleware', 'mw.tls.protocols'), { value: 'TLSv1.2 TLSv1.3' })).toBe('pass');
  });

  it('item ids are unique across all built-in templates, so results and reports never mix them up', () => {
    const ids = builtinTemplates.flatMap((t) => t.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every value key a parser produces has a label, and every label a producer', () => {
    const produced = new Set(outputParsers.flatMap((p) => p.produces));
    expect([...produced].filter((key) => !valueKeyLabels[key])).toEqual([]);
    expect(Object.keys(valueKeyLabels).filter((key) => !produced.has(key))).toEqual([]);
    expect(new Set(outputParsers.map((p) => p.name)).size).toBe(outputParsers.length);
    expect(isKnownValueKey('mysql.var:')).toBe(false);
    expect(isKnownValueKey('no.such.key')).toBe(false);
  });
});
