import { describe, expect, it } from 'vitest';
import {
  documentFileName,
  documentTypes,
  filesNeeded,
  nextVersionOf,
  packDocument,
  prepareExport,
  revisionEntries,
} from '../../shared/documents';
import { richFixture } from './helpers/fixture';
import { composeDocument } from '../../shared/documents/kit/compose';
import { DocumentContext } from '../../shared/documents/kit/context';
import { figure, fitInto, imageInfo } from '../../shared/documents/kit/figure';
import { chineseDate, daysInclusive, minutesText, timeSpan } from '../../shared/documents/kit/format';
import { signOffBlock } from '../../shared/documents/kit/sign-off';
import { columnTwips } from '../../shared/documents/kit/table';
import { heading } from '../../shared/documents/kit/text';
import { chineseFontSizes, fontSize, pageGeometry } from '../../shared/documents/kit/units';
import { allowedDowntime, weekdayText } from '../../shared/documents/service-level-agreement';
import { Canvas, encodeJpeg, encodePng, signatureImage } from './helpers/images';
import { readBack, validationErrors } from './helpers/read-docx';

describe('units and formats', () => {
  it('knows the Chinese font sizes', () => {
    expect(chineseFontSizes.初号).toBe(42);
    expect(chineseFontSizes.小五).toBe(9);
    expect(fontSize('小四')).toBe(24);
    expect(fontSize('五号')).toBe(21);
    // A4 with 3.17 cm side margins leaves about 14.66 cm of text.
    expect(pageGeometry().textWidth).toBe(11906 - 2 * 1797);
  });

  it('splits widths into twips that add up exactly', () => {
    const widths = columnTwips([1, 2, 3], 8306);
    expect(widths.reduce((a, b) => a + b)).toBe(8306);
    expect(widths[2]! / widths[0]!).toBeCloseTo(3, 1);
  });

  it('writes dates, durations and calendars as Chinese documents do', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(timeSpan('2026-01-06T10:00', '2026-01-06T11:30')).toBe('2026-01-06 10:00–11:30');
    expect(minutesText(15)).toBe('15 分钟');
    expect(minutesText(90)).toBe('1 小时 30 分钟');
    expect(minutesText(4320)).toBe('72 小时');
    expect(daysInclusive('2026-01-05', '2026-01-16')).toBe(12);
    expect(weekdayText(['1', '2', '3', '4', '5'])).toBe('周一至周五');
    expect(weekdayText(['1', '3'])).toBe('周一、周三');
    expect(allowedDowntime(99.9, 'month')).toBe('43.8 分钟');
    expect(allowedDowntime(99, 'year')).toBe('87.6 小时');
  });
});

describe('images', () => {
  it('reads the format and pixel size from the bytes', () => {
    const canvas = new Canvas(30, 20);
    expect(imageInfo(encodePng(canvas))).toEqual({ kind: 'png', width: 30, height: 20 });
    expect(imageInfo(encodeJpeg(canvas))).toEqual({ kind: 'jpg', width: 30, height: 20 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 30, 0, 20, 0]);
    expect(imageInfo(gif)).toEqual({ kind: 'gif', width: 30, height: 20 });
    const webp = new TextEncoder().encode('RIFF....WEBPVP8 ');
    expect(imageInfo(webp)).toBeNull();
  });

  it('scales into a box keeping the aspect ratio', () => {
    expect(fitInto(2048, 1536, 553, 465)).toEqual({ width: 553, height: 415 });
    expect(fitInto(1536, 2048, 553, 465)).toEqual({ width: 349, height: 465 });
  });

  it('says when a photo cannot be shown instead of failing the export', () => {
    const ctx = new DocumentContext();
    figure(ctx, { bytes: undefined, name: 'IMG_1.jpg', caption: '机房' });
    figure(ctx, { bytes: new TextEncoder().encode('RIFF....WEBPVP8 '), name: 'IMG_2.webp', caption: '机柜' });
    expect(ctx.warnings).toEqual(['照片“IMG_1.jpg”文件未随导出提供', '照片“IMG_2.webp”格式无法插入 Word']);
  });
});

describe('sign-off', () => {
  it('places drawn signatures for 甲方 and 乙方 and stays valid', async () => {
    const ctx = new DocumentContext();
    const signature = encodePng(signatureImage());
    const document = composeDocument({
      ctx,
      meta: {
        documentNumber: 'T-01',
        version: 1,
        classification: 'secret',
        company: '恒信科技有限公司',
        preparedBy: { name: '陈立', date: '2026-02-01' },
        reviewedBy: { name: '', date: '' },
        approvedBy: { name: '', date: '' },
        date: '2026-02-01',
        revisions: [{ version: 1, date: '2026-02-01', author: '陈立', note: '首次发布' }],
      },
      title: '现场勘查记录',
      projectName: '测试项目',
      projectCode: 'T',
      customer: '测试客户',
      body: [
        heading('勘查结论', 1, { newPage: true }),
        ...signOffBlock(
          ctx,
          '双方确认以上记录属实。',
          [
            {
              side: 'customer',
              organisation: '测试客户',
              name: '王建国',
              title: '总经理',
              date: '2026-02-01',
              signature,
            },
            { side: 'provider', organisation: '恒信科技有限公司', name: '陈立', date: '2026-02-01', signature },
            { side: 'customer', organisation: '测试客户', name: '李娜' },
          ],
          { customer: '测试客户', provider: '恒信科技有限公司' },
        ),
      ],
    });
    const bytes = await packDocument(document);
    expect(await validationErrors(bytes)).toEqual([]);
    const doc = await readBack(bytes);
    expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1); // one image, stored once
    expect((await doc.part('word/document.xml')).match(/<w:drawing>/g)).toHaveLength(2);
    expect(doc.text).toContain('密级：秘密');
    for (const text of [
      '甲方（盖章）：',
      '乙方（盖章）：',
      '王建国',
      '（总经理）',
      '李娜',
      '2026年2月1日',
      '年    月    日',
    ])
      expect(doc.text, text).toContain(text);
  }, 60_000);
});

describe('versions of exports', () => {
  const exports = [
    {
      docType: 'requirementsSpec',
      version: 1,
      exportedBy: '陈立',
      exportedAt: '2026-01-12T18:20',
      note: '',
      fileName: '',
    },
    {
      docType: 'requirementsSpec',
      version: 2,
      exportedBy: '周明',
      exportedAt: '2026-01-16T09:45',
      note: '根据客户确认意见修订',
      fileName: '',
    },
    {
      docType: 'requirementsSpec',
      version: 3,
      exportedBy: '周明',
      exportedAt: '2026-01-17T09:45',
      note: '误导出',
      fileName: '',
      deleted: true,
    },
    {
      docType: 'serviceLevelAgreement',
      version: 5,
      exportedBy: '陈立',
      exportedAt: '2026-01-18T10:00',
      note: '',
      fileName: '',
    },
  ];

  it('gives each export the next version of that document in that project', () => {
    // Rows from before versions had a minor part and a status: drafts, so the next is a correction.
    expect(nextVersionOf(exports, { docType: 'requirementsSpec', scope: '' })).toEqual({ version: 2, minor: 1 });
    expect(nextVersionOf(exports, { docType: 'requirementsSpec', scope: '' }, 'reapproval')).toEqual({
      version: 3,
      minor: 0,
    });
    expect(nextVersionOf(exports, { docType: 'serviceLevelAgreement', scope: '' })).toEqual({ version: 5, minor: 1 });
    expect(nextVersionOf(exports, { docType: 'deliveryPlan', scope: '' })).toEqual({ version: 1, minor: 0 });
  });

  it('prepares the meta and the record to write, with the 修订记录', () => {
    const { meta, record } = prepareExport({
      docType: 'requirementsSpec',
      project: { code: 'JNB-OPS-2026' },
      exports,
      exportedBy: '陈立',
      exportedAt: '2026-01-20T15:30',
      company: '恒信科技有限公司',
      revision: 'reapproval',
    });
    expect(meta.version).toBe(3);
    expect(meta.minor).toBe(0);
    expect(meta.documentNumber).toBe('JNB-OPS-2026-SRS');
    expect(meta.date).toBe('2026-01-20');
    expect(meta.preparedBy).toEqual({ name: '陈立', date: '2026-01-20' });
    expect(meta.classification).toBe('secret'); // it lists the customer's IP addresses
    expect(meta.revisions).toEqual([
      { version: 1, minor: 0, date: '2026-01-12', author: '陈立', note: '首次发布' },
      { version: 2, minor: 0, date: '2026-01-16', author: '周明', note: '根据客户确认意见修订' },
      { version: 3, minor: 0, date: '2026-01-20', author: '陈立', note: '根据项目最新记录修订，重新审批' },
    ]);
    expect(record).toEqual({
      docType: 'requirementsSpec',
      scope: '',
      version: 3,
      minor: 0,
      documentNumber: 'JNB-OPS-2026-SRS',
      status: 'draft',
      exportedBy: '陈立',
      exportedAt: '2026-01-20T15:30',
      note: '根据项目最新记录修订，重新审批',
      fileName: 'JNB-OPS-2026-需求规格说明书-V3.0.docx',
    });
    expect(
      revisionEntries([], { docType: 'x', scope: '' }, { version: 1, date: '2026-01-01', author: 'a', note: 'n' }),
    ).toHaveLength(1);
    expect(documentFileName('A/B', '交付计划', 2)).toBe('A_B-交付计划-V2.0.docx');
    expect(documentFileName('A', '交付计划', 2, 1)).toBe('A-交付计划-V2.1.docx');
  });

  it('names the files a document embeds, so only those are loaded', () => {
    const { data, files } = richFixture();
    const surveyPhotos = data.surveySessions.flatMap((s) =>
      s.attachments.filter((a) => a.type.startsWith('image/')).map((a) => a.sha256),
    );
    expect(filesNeeded('requirementsSpec', data).sort()).toEqual([...new Set(surveyPhotos)].sort());
    expect(filesNeeded('serviceLevelAgreement', data)).toEqual([]);
    expect(filesNeeded('trainingRecord', data)).toEqual([]); // materials are listed, not embedded
    const baseline = filesNeeded('baselineReport', data);
    expect(baseline.length).toBeGreaterThan(1);
    for (const hash of [...surveyPhotos, ...baseline]) expect(files.has(hash)).toBe(true);
  });

  it('lists the deliverables of phases 一 to 四 in order, with distinct keys and codes', () => {
    expect(documentTypes.map((t) => t.title)).toEqual([
      '需求规格说明书',
      '可行性评估与风险报告',
      '项目章程',
      '服务级别协议',
      '交付计划',
      '运维技术方案',
      '运维操作手册',
      '配置基线检查报告',
      '培训记录',
      '试点运行报告',
      '切换方案及应急预案',
      '巡检日志',
      '巡检月报',
      '变更记录',
      '交接文档',
    ]);
    expect(new Set(documentTypes.map((t) => t.code)).size).toBe(documentTypes.length);
    expect(new Set(documentTypes.map((t) => t.key)).size).toBe(documentTypes.length);
    expect(documentTypes.filter((t) => t.phase === 'deployment').map((t) => t.key)).toEqual([
      'baselineReport',
      'trainingRecord',
      'pilotReport',
      'cutoverPlan',
    ]);
  });
});
