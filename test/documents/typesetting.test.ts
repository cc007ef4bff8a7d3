import { describe, expect, it } from 'vitest';
import {
  defaultClassification,
  documentTypes,
  prepareExport,
  renderDocument,
  sensitiveDocumentTypes,
} from '../../shared/documents';
import {
  contentColumnWidths,
  fitColumnWidths,
  minimumColumnTwips,
  textTwips,
  unbreakableWords,
} from '../../shared/documents/kit/column-fit';
import { keepDatesWhole } from '../../shared/documents/kit/no-break';
import { rowXml } from '../../shared/documents/kit/raw-rows';
import { projectFields } from '../../shared/records/project';
import { richFixture } from './helpers/fixture';
import { readBack } from './helpers/read-docx';

describe('dates after words in a table cell', () => {
  it('get non-breaking hyphens, so LibreOffice and Word do not print "2026-02-" and "11" on two lines; a date that starts its line keeps plain ones', () => {
    expect(keepDatesWhole('复查 刘洋 2026-02-11')).toBe('复查 刘洋 2026\u201102\u201111');
    // In brackets, word joiners around plain hyphens: LibreOffice cut a title between the digits of its non-breaking one.
    expect(keepDatesWhole('《巡检日志（2026-03-31）》')).toBe('《巡检日志（2026\u2060-\u206003\u2060-\u206031）》');
    expect(keepDatesWhole('复查（2026-02-11 已关闭）')).toBe('复查（2026\u2060-\u206002\u2060-\u206011 已关闭）');
    expect(keepDatesWhole('2026-03-31')).toBe('2026-03-31');
    expect(keepDatesWhole('2026-03-06 至 2026-03-10')).toBe('2026-03-06 至 2026\u201103\u201110');
    expect(keepDatesWhole('REQ-002 PASS_MAX_DAYS 10.0.0.1')).toBe('REQ-002 PASS_MAX_DAYS 10.0.0.1');
  });

  it('are written so in the .docx, by docx cells and by rows written as text alike', async () => {
    const fixture = richFixture();
    const { meta } = prepareExport({
      docType: 'handover',
      project: fixture.data.project,
      exports: [],
      exportedBy: '陈立',
      exportedAt: '2026-04-01T10:00',
      company: '恒信科技有限公司',
    });
    const result = await renderDocument('handover', fixture.data, meta, { allowMissing: true, files: fixture.files });
    if (!result.ok) throw new Error('handover');
    const xml = await (await readBack(result.bytes)).part('word/document.xml');
    expect(xml).toMatch(/巡检日志（\d{4}\u2060-\u2060\d{2}\u2060-\u2060\d{2}）/);
    // No cell starts with a date written with non-breaking hyphens.
    expect(xml).not.toMatch(/<w:tc>(?:(?!<w:t[ >])[\s\S])*<w:t[^>]*>\d{4}\u2011/);
    const rawCells = rowXml(
      ['复查 刘洋 2026-02-11', { text: '2026-02-11' }],
      [2000, 2000],
      ['left', 'left'],
      'TableText',
      false,
    );
    expect(rawCells).toContain('复查 刘洋 2026\u201102\u201111');
    expect(rawCells).toContain('>2026-02-11<');
  });
});

describe('column widths sized to content', () => {
  it('finds the words a line cannot break inside, between spaces and CJK characters', () => {
    expect(unbreakableWords('设置 PASS_MAX_DAYS 为 90')).toEqual(['PASS_MAX_DAYS', '90']);
    expect(unbreakableWords('计划2026-03-06完成，联系 ops@bank.cn')).toEqual(['2026-03-06', 'ops@bank.cn']);
    expect(unbreakableWords('检查项')).toEqual([]);
  });

  it('measures Latin text in Times New Roman widths and CJK text at one em', () => {
    expect(textTwips('2026-03-31', 21)).toBe(Math.ceil(((8 * 500 + 2 * 333) / 1000) * 210)); // 五号 = 10.5 pt = 210 twips a em
    expect(textTwips('检查项', 21)).toBe(630);
    expect(textTwips('检查项', 21, true)).toBeGreaterThan(630);
  });

  it('keeps a short term whole: a status column is as wide as 已完成', () => {
    expect(minimumColumnTwips({ title: '状态', texts: ['已完成', '进行中\n逾期', '—'] }, 18)).toBeGreaterThanOrEqual(
      textTwips('已完成', 18, true),
    );
    // A sentence is no term: it wraps between characters.
    expect(minimumColumnTwips({ title: '状态', texts: ['已按记录完成全部检查'] }, 18)).toBeLessThan(
      textTwips('已完成', 18, true) + 2 * 80 + 100,
    );
  });

  it('widens a column below its longest word and takes the room from the others', () => {
    const minimum = minimumColumnTwips({ title: '检查项', texts: ['PASS_MAX_DAYS 密码最长使用期限'] }, 21);
    expect(minimum).toBeGreaterThan(textTwips('PASS_MAX_DAYS', 21));
    const widths = fitColumnWidths([800, 4000, 3506], [minimum, 1000, 1000], 8306);
    expect(widths[0]).toBe(minimum);
    expect(widths.reduce((a, b) => a + b)).toBe(8306);
    expect(widths[1]! / widths[2]!).toBeLessThan(4000 / 3506 + 0.1); // taken in proportion to the room above each minimum
    expect(fitColumnWidths([4000, 4306], [100, 100], 8306)).toEqual([4000, 4306]); // nothing to widen
  });

  it('gives a date column the width of a whole date and a short header one line', () => {
    const columns = [
      { title: '序号', width: 4 },
      { title: '任务', width: 40 },
      { title: '开始日期', width: 8 },
      { title: '结束日期', width: 8 },
    ];
    const rows = [['1', '需求调研与确认：访谈信息科技部负责人并确认需求清单', '2026-01-05', '2026-01-16']];
    const widths = contentColumnWidths(columns, rows, 8306, 21);
    expect(widths.reduce((a, b) => a + b)).toBe(8306);
    expect(widths[0]).toBeGreaterThanOrEqual(textTwips('序号', 21, true) + 160);
    expect(widths[2]).toBeGreaterThanOrEqual(textTwips('2026-01-05', 21) + 160);
    expect(widths[3]).toBeGreaterThanOrEqual(textTwips('结束日期', 21, true) + 160);
  });
});

describe('密级 per document type and project', () => {
  it('does not mark documents with IP inventories or findings 内部 by default', () => {
    expect(defaultClassification('baselineReport')).toBe('secret');
    expect(defaultClassification('handover')).toBe('secret');
    expect(defaultClassification('requirementsSpec')).toBe('secret');
    expect(defaultClassification('projectCharter')).toBe('internal');
    expect(defaultClassification('patrolLog')).toBe('internal');
    expect(sensitiveDocumentTypes.size).toBeLessThan(documentTypes.length);
  });

  it('takes the project settings, with defaults for a stored project without them', () => {
    const project = projectFields.parse({ code: 'P', name: 'n', customer: 'c' });
    expect(project.documentClassification).toBe('internal');
    expect(project.sensitiveDocumentClassification).toBe('secret');
    const custom = {
      documentClassification: 'secret' as const,
      sensitiveDocumentClassification: 'confidential' as const,
    };
    expect(defaultClassification('baselineReport', custom)).toBe('confidential');
    expect(defaultClassification('deliveryPlan', custom)).toBe('secret');
    const request = {
      project: { code: 'P', ...custom },
      exports: [],
      exportedBy: '陈立',
      exportedAt: '2026-01-20T15:30',
      company: '恒信',
    };
    expect(prepareExport({ ...request, docType: 'opsManual' }).meta.classification).toBe('confidential');
    expect(prepareExport({ ...request, docType: 'opsManual', classification: 'internal' }).meta.classification).toBe(
      'internal',
    ); // chosen when generating
  });
});

describe('fonts, properties and page numbering of a deliverable', () => {
  it('names 宋体 and 黑体, carries author, company, title, 文档编号 and 版本, numbers the front matter in Roman', async () => {
    const fixture = richFixture();
    const { meta } = prepareExport({
      docType: 'projectCharter',
      project: fixture.data.project,
      exports: fixture.exports,
      exportedBy: '陈立',
      exportedAt: '2026-01-20T15:30',
      company: '恒信科技有限公司',
    });
    const result = await renderDocument('projectCharter', fixture.data, meta, {
      allowMissing: false,
      files: fixture.files,
    });
    if (!result.ok) throw new Error(result.missing.join());
    const doc = await readBack(result.bytes);
    const fontTable = await doc.part('word/fontTable.xml');
    expect(fontTable).toMatch(/<w:font w:name="SimSun"><w:altName w:val="宋体"\/>/);
    expect(fontTable).toMatch(/<w:font w:name="SimHei"><w:altName w:val="黑体"\/>/);
    expect(fontTable).toContain('<w:charset w:val="86"/>');
    const core = await doc.part('docProps/core.xml');
    expect(core).toContain('<dc:title>项目章程</dc:title>');
    expect(core).toContain('<dc:creator>陈立</dc:creator>');
    expect(await doc.part('docProps/app.xml')).toContain('<Company>恒信科技有限公司</Company>');
    const custom = await doc.part('docProps/custom.xml');
    expect(custom).toMatch(/name="文档编号"[\s\S]*?<vt:lpwstr>JNB-OPS-2026-PCH<\/vt:lpwstr>/);
    expect(custom).toMatch(/name="版本"[\s\S]*?<vt:lpwstr>V3\.0<\/vt:lpwstr>/);
    const body = await doc.part('word/document.xml');
    const sections = [...body.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    expect(sections[1]).toMatch(/<w:pgNumType w:start="1" w:fmt="upperRoman"\/>/);
    expect(sections[2]).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
    const footers = await Promise.all(
      Object.keys(doc.zip.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => doc.part(name)),
    );
    expect(footers.join('')).toContain('SECTIONPAGES'); // 共 Y 页 counts the chapters' pages
  });
});
