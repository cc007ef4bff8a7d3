import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocument,
  classifications,
  defaultClassification,
  documentType,
  type DocumentTypeKey,
  documentTypes,
  filesNeeded,
  PAGE_ESTIMATE_ROW_LIMIT,
  prepareExport,
  renderDocument,
} from '../../shared/documents';
import { verdictFor } from '../../shared/inspection';
import { isRectificationOverdue } from '../../shared/records/inspection';
import { needsFullRecord, numberedItems } from '../../shared/documents/parts/baseline-findings';
import { MATRIX_MAX_COLUMNS, matrixTitle } from '../../shared/documents/parts/baseline-matrix';
import { joinInspections } from '../../shared/documents/parts/inspection-data';
import { TOC_WITHOUT_PAGES_NOTE } from '../../shared/documents/kit/front-matter';
import { emptyFixture, largeBaselineFixture, richFixture } from './helpers/fixture';
import { type ReadBack, readBack, tocLines, validationErrors } from './helpers/read-docx';
import { zh } from '../unit/helpers/gaps';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';
import { sampleIssue } from './helpers/sample-deliverables';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

const fixture = richFixture();
const company = '恒信科技有限公司';

function metaFor(docType: DocumentTypeKey) {
  return sampleIssue(fixture, docType, '补充调研照片与需求变更记录').meta;
}

/** What each document must show, beyond what every document shows. */
/** The day each document is dated (default 2026-01-20): the plan and the baseline report judge "overdue" on it. */
const dated: Partial<Record<DocumentTypeKey, string>> = { deliveryPlan: '2026-02-10', baselineReport: '2026-03-10' };

const expected: Record<DocumentTypeKey, { chapters: string[]; sections: string[]; text: string[]; minTables: number }> =
  {
    requirementsSpec: {
      chapters: ['范围', '引用文件', '需求', '合格性规定', '需求可追踪性', '尚未解决的问题', '注解'],
      sections: [
        '标识',
        '系统概述',
        '文档概述',
        '需求调研概况',
        '运维对象',
        '服务级别需求',
        '约束条件需求',
        '需求变更记录',
        '需求来源',
      ],
      text: [
        'GB/T 8567-2006',
        'REQ-001',
        '运维对象清单与 CMDB 差异为 0，经客户签字确认',
        '监管通报要求缩短核心系统故障恢复时间',
        '图 1 二号机房 B 列交换机告警灯常亮',
        '核心区防火墙-0002',
        '机房平面图.pdf',
        '《江南银行外包人员安全管理办法》',
        '签字确认',
      ],
      minTables: 12,
    },
    feasibilityReport: {
      chapters: ['概述', '可行性评估', '风险识别与评估', '结论与建议'],
      sections: ['评估结论', '技术实现路径', '团队能力匹配度', '风险矩阵', '风险登记表', '风险应对措施'],
      text: ['有条件可行', '达梦数据库经验不足', 'R01', '部分设备已过厂商维保期', '风险值 = 可能性 × 影响程度'],
      minTables: 5,
    },
    projectCharter: {
      chapters: ['项目概况', '项目目标', '项目范围', '项目组织', '沟通计划', '章程批准'],
      sections: ['项目背景', '范围内', '范围外', '组织与职责', '客户方职责'],
      text: ['核心系统月度可用性 ≥ 99.95%', '应用系统功能开发', '项目资源调配', '7×24 值班热线', '王建国'],
      minTables: 5,
    },
    serviceLevelAgreement: {
      chapters: ['总则', '服务时间', '故障分级与处理时限', '可用性', '考核指标与未达标处理', '服务报告'],
      sections: ['协议双方', '计时规则', '考核指标', '未达标处理总则'],
      text: [
        '7×24 小时',
        '核心业务中断或大面积不可用',
        '15 分钟',
        '4 小时',
        '72 小时',
        '≥ 99.95%',
        '约 43.8 分钟',
        '低于 95% 扣减当月服务费 2%',
        '信息科技部总经理',
      ],
      minTables: 6,
    },
    deliveryPlan: {
      chapters: ['概述', '任务计划', '里程碑', '逾期事项'],
      sections: [],
      text: ['配置基线检查报告', '服务方案与操作手册编写', '逾期', '需求规格说明书双方签字', '一 项目启动与需求分析'],
      minTables: 4,
    },
    opsTechnicalPlan: {
      chapters: ['概述', '服务模式与组织', '服务级别目标', '监控指标与阈值', '故障分级与升级', '变更管理', '配置基线'],
      sections: [
        '值班安排',
        '团队与分工',
        '判定规则',
        '服务器',
        '故障分级规则',
        '升级路径',
        '变更类型与审批',
        '基线清单',
        'Linux 服务器基线检查',
      ],
      text: [
        '驻场服务',
        '17:30–次日 08:30',
        '≥ 90%',
        '高于阈值告警',
        '升级至二线专家（赵静）',
        '项目经理（事后补批）',
        '评估 → 审批 → 测试 → 实施 → 关闭',
        '签字确认',
      ],
      minTables: 15,
    },
    opsManual: {
      chapters: ['概述', '日常巡检', '配置基线检查方法', '例行运维任务', '故障处理', '变更操作'],
      sections: [
        '巡检计划',
        '核心设备每日巡检',
        '巡检记录与异常处理',
        '网络设备基线检查（交换机/路由器）',
        '任务要求',
        '处理步骤',
        '紧急变更',
      ],
      text: ['刘洋', 'PermitRootLogin', 'display version', '检查昨夜全量备份', '备份检查', 'P1 15 分钟'],
      minTables: 15,
    },
    baselineReport: {
      chapters: [
        '概述',
        '检查结果汇总',
        '不合格项与整改',
        '不合格与留证对象检查记录',
        '结论与建议',
        '检查项与检查方法',
        '检查与签字确认记录',
      ],
      sections: [
        '检查目的与依据',
        '检查范围与时间',
        '判定规则与报告结构',
        '总体情况',
        '不合格项按严重度统计',
        '检查结果矩阵',
        '不合格项汇总',
        'Linux 服务器基线检查 V1',
        '网络设备基线检查（交换机/路由器） V1',
      ],
      text: [
        'Linux 服务器基线检查结果矩阵',
        '检查方法',
        'grep -E',
        '≤ 90 天',
        '不合格项汇总（相同结果合并）',
        '涉及对象：',
        '检查证据',
        '签字确认（已签字）',
        '各对象检查与签字确认',
      ],
      minTables: 12,
    },
    trainingRecord: {
      chapters: ['概述', '培训记录', '总结与后续安排'],
      sections: [
        '培训目的',
        '培训概况',
        '驻场运维规范与服务流程内部交底',
        '运维平台与巡检工具使用培训',
        '存储多路径故障处置实操',
      ],
      text: [
        '签到表',
        '签名',
        '已签到',
        '未到',
        '信息科技部 网络管理科',
        '运维平台操作手册.pdf',
        '课后测验 7 人参加',
        '应到 17 人次，实到 16 人次',
        '缺席 1 人次：周婷（运维平台与巡检工具使用培训）',
      ],
      minTables: 8,
    },
    pilotReport: {
      chapters: ['概述', '试点场景', '问题与修正', '指标表现', '客户反馈', '结论'],
      sections: ['试点目的', '试点范围与周期'],
      text: [
        '2026-03-02 至 2026-03-27（26 天）',
        '二线备岗表',
        '修正中',
        '告警误报率',
        '未达标',
        '5 项指标中 4 项达标',
        '有条件通过',
        '变更回退脚本未在测试环境验证（修正中）',
      ],
      minTables: 3,
    },
    cutoverPlan: {
      chapters: ['概述', '切换步骤', '应急预案', '服务启动通知'],
      sections: [
        '目的与范围',
        '切换窗口',
        'Go/No-Go 决策点',
        '应急触发条件',
        '回退步骤',
        '应急联系人',
        '服务接口',
        '报障渠道与流程',
      ],
      text: [
        '2026-03-28（周六）20:00 至 2026-03-29（周日）06:00',
        'Go/No-Go',
        '20:00–20:30',
        '400-800-1234',
        '自 2026年4月1日起',
        '陈立',
        '切换总指挥',
        '核心业务交易中断超过 15 分钟',
      ],
      minTables: 5,
    },
    // Periodic documents, built for their default period: the fixture's last day (2026-03-31) and month.
    patrolLog: {
      chapters: ['概述', '巡检记录', '异常情况', '故障报告', '交接班记录', '日常运维工作'],
      sections: ['核心设备每日巡检'],
      text: [
        '巡检日志（2026-03-31）',
        '2026-03-31（周二）',
        '当日巡检概况',
        '备份作业失败',
        '值班工程师',
        '警告 ≥ 80%',
      ],
      minTables: 6,
    },
    patrolMonthlyReport: {
      chapters: ['概述', '巡检执行情况', '趋势分析', '故障与 SLA 达成', '变更情况', '总结与建议'],
      sections: ['巡检计划执行', '每日完成情况', '异常统计', 'SLA 达成情况', '故障清单', '服务可用性'],
      text: [
        '巡检月报（2026年3月）',
        '巡检计划执行情况',
        '图 1 服务器磁盘使用率逐日走势',
        '网上银行访问缓慢',
        '核心交换机固件升级',
      ],
      minTables: 10,
    },
    changeRecord: {
      chapters: ['概述', '变更明细'],
      sections: ['核心交换机固件升级'],
      text: [
        '变更记录（2026年3月）',
        '变更汇总',
        '修复厂商公告的安全漏洞',
        '回退至原固件版本',
        '已通知（2026-03-20 10:00）',
      ],
      minTables: 4,
    },
    handover: {
      chapters: ['概述', '运维对象清单', '联系人', '遗留事项', '交付文档', '培训与知识转移'],
      sections: ['交接概况', '客户联系人', '服务团队', '未关闭的故障', '未关闭的不合格项', '未完成的变更'],
      text: [
        '备份作业失败',
        '数据库参数调整',
        '《需求规格说明书》',
        'JNB-OPS-2026-CUT',
        '存储多路径故障处置实操',
        '025-8000 1234',
        '移交人',
        '接收人',
      ],
      minTables: 8,
    },
  };

describe('deliverables from the rich demo project', () => {
  const read = new Map<DocumentTypeKey, ReadBack>();
  const bytes = new Map<DocumentTypeKey, Uint8Array>();

  beforeAll(async () => {
    for (const type of documentTypes) {
      expect(zh(type.missing(fixture.data)), type.key).toEqual([]);
      // The delivery plan is judged on 2026-02-10: the design task due 2026-01-30 is overdue then.
      const date = dated[type.key];
      const meta = date ? { ...metaFor(type.key), date } : metaFor(type.key);
      const result = await renderDocument(type.key, fixture.data, meta, {
        allowMissing: false,
        files: fixture.files,
        rasteriseChart,
      });
      if (!result.ok) throw new Error(`${type.key}: ${zh(result.missing).join('; ')}`);
      expect(result.placeholders).toEqual([]);
      expect(result.warnings).toEqual([]);
      bytes.set(type.key, result.bytes);
      read.set(type.key, await readBack(result.bytes));
    }
  }, 120_000);

  describe.each(documentTypes.map((t) => [t.key, t] as const))('%s', (key, type) => {
    it('passes the Open XML SDK validator with no errors', async () => {
      expect(await validationErrors(bytes.get(key)!)).toEqual([]);
    }, 60_000); // the first call loads the validator (WebAssembly, ~45 MB)

    it('has a cover, a 修订记录 of every version and a table of contents with numbered entries', () => {
      const doc = read.get(key)!;
      const title = type.title;
      const cover = doc.text.slice(0, doc.text.indexOf('修订记录'));
      const meta = metaFor(key);
      const day = dated[key] ?? meta.date;
      const month = `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月`;
      for (const line of [
        `密级：${classifications[defaultClassification(key)].zh}`,
        '江南银行数据中心运维服务项目',
        title,
        '江南银行股份有限公司',
        `JNB-OPS-2026-${type.code}`,
        'V3.0',
        '陈立',
        '周明',
        company,
        month,
      ]) {
        expect(cover, line).toContain(line);
      }
      // 修订记录: both earlier exports and this one, in version order.
      const history = doc.text.slice(doc.text.indexOf('修订记录'), doc.text.indexOf('目  录'));
      const issued = fixture.exports.filter((e) => e.docType === key).map((e) => e.exportedAt.slice(0, 10));
      expect(issued).toHaveLength(2);
      expect(history).toMatch(new RegExp(`V1\\.0\\s+${issued[0]}\\s+陈立\\s+首次发布`));
      expect(history).toMatch(new RegExp(`V2\\.0\\s+${issued[1]}\\s+周明\\s+根据客户确认意见修订`));
      expect(history).toMatch(new RegExp(`V3\\.0\\s+${meta.date}\\s+陈立\\s+补充调研照片与需求变更记录`));
      // Nothing is issued before the period it covers is over.
      const period = documentType(key)?.defaultPeriod?.(fixture.data);
      if (period) for (const date of [...issued, meta.date]) expect(date > period.to, date).toBe(true);

      // The TOC lists every heading 1–3 with its number and a page number, in order.
      const numbers: number[] = [];
      const numbered = doc.headings.map(({ level, text }) => {
        numbers.length = level;
        numbers[level - 1] = (numbers[level - 1] ?? 0) + 1;
        return `${numbers.map((n) => n ?? 1).join('.')} ${text}`;
      });
      const toc = tocLines(doc.text);
      expect(toc.map((line) => line.split('\t')[0])).toEqual(numbered);
      for (const line of toc) expect(line).toMatch(/\t\d+$/);
      expect(Number(toc[0]!.split('\t')[1])).toBe(1); // chapters are numbered from 1, after the unnumbered cover and the I, II of 修订记录 and 目录
    });

    it('reads back its chapters, tables and content', () => {
      const doc = read.get(key)!;
      const want = expected[key];
      expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(want.chapters);
      const sections = doc.headings.filter((h) => h.level > 1).map((h) => h.text);
      for (const section of want.sections) expect(sections, section).toContain(section);
      for (const text of want.text) expect(doc.text, text).toContain(text);
      expect(doc.tables).toBeGreaterThanOrEqual(want.minTables);
      expect(doc.text).not.toContain('待补充');
      expect(doc.html).toContain('<thead>'); // repeating header rows
    });

    it('is laid out as the conventions say: A4, fonts, numbering, cover without header or footer', async () => {
      const doc = read.get(key)!;
      const styles = await doc.part('word/styles.xml');
      const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
      expect(defaults).toContain('w:eastAsia="zh-CN"');
      expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:eastAsia="SimSun"/);
      expect(defaults).toContain('<w:sz w:val="24"/>'); // 小四
      expect(defaults).toMatch(/w:line="400" w:lineRule="exact"/); // 固定值 20 磅: the same lines per page in every reader
      expect(await doc.part('word/settings.xml')).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/); // Word refreshes the 目录 on opening
      const heading1 = styles.slice(styles.indexOf('w:styleId="Heading1"'));
      expect(heading1.slice(0, heading1.indexOf('</w:style>'))).toMatch(
        /w:eastAsia="SimHei"[\s\S]*<w:sz w:val="32"\/>/,
      ); // 黑体 三号
      const numbering = await doc.part('word/numbering.xml');
      for (const level of ['%1', '%1.%2', '%1.%2.%3']) expect(numbering).toContain(`<w:lvlText w:val="${level}"/>`);

      const body = await doc.part('word/document.xml');
      const sections = [...body.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
      expect(sections).toHaveLength(3); // cover, front matter (I, II, …), chapters (1, 2, …)
      expect(sections[0]).not.toContain('headerReference');
      expect(sections[0]).not.toContain('footerReference');
      for (const s of sections) expect(s).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(body).toContain('<w:tblHeader/>');
      expect(body).toContain('TOC \\h \\o &quot;1-3&quot;');

      const footers = Object.keys(doc.zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
      const footer = (await Promise.all(footers.map((f) => doc.part(f)))).join('');
      expect(footer).toMatch(/第 [\s\S]*PAGE[\s\S]* 页 共 [\s\S]*SECTIONPAGES[\s\S]* 页/);
      const headers = Object.keys(doc.zip.files).filter((f) => /word\/header\d*\.xml/.test(f));
      const header = (await Promise.all(headers.map((f) => doc.part(f)))).join('');
      expect(header).toContain('江南银行数据中心运维服务项目');
      expect(header).toContain(type.title);
    });
  });

  it('puts the survey photos into the 需求规格说明书 with captions', async () => {
    const doc = read.get('requirementsSpec')!;
    const media = Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.jpg') || f.endsWith('.jpeg'))).toHaveLength(1);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect(doc.text).toMatch(/图 2 B07 机柜正面（标签缺失）（2026-01-08 11:02）/);
    // Photos are scaled to the text width (8312 twips ≈ 554 px) keeping their aspect ratio.
    const body = await doc.part('word/document.xml');
    const [width, height] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/
      .exec(body)!
      .slice(1)
      .map((emu) => Number(emu) / 9525) as [number, number];
    expect(width).toBeCloseTo(554.1, 0);
    expect(width / height).toBeCloseTo(480 / 320, 2);
  });

  it('shades the risk matrix by level and counts the open risks in it', () => {
    const html = read.get('feasibilityReport')!.html;
    const matrix = html.slice(html.indexOf('可能性 \\ 影响程度'));
    expect(matrix).toContain('5 很高');
    // R01 (4 × 4 = 16, high) sits in row "4 高", column "4 高".
    expect(read.get('feasibilityReport')!.text).toMatch(/1\s+R01/);
  });

  it('flags overdue tasks in the delivery plan', () => {
    const text = read.get('deliveryPlan')!.text;
    expect(text).toMatch(/进行中\s+逾期/);
    expect(text).toContain('任务“服务方案与操作手册编写”：计划 2026-01-30 完成');
    // The 计划概况 counts what the sentence and chapter 4 count: tasks and milestones apart.
    const overdueTasks = Number(/，逾期 (\d+) 项/.exec(text)?.[1]);
    const listed = (kind: string) => (text.match(new RegExp(`${kind}“[^”]+”：计划`, 'g')) ?? []).length;
    expect(listed('任务')).toBe(overdueTasks);
    expect(text).toMatch(new RegExp(`逾期事项\\s+任务 ${overdueTasks} 项、里程碑 ${listed('里程碑')} 个`));
  });

  describe('配置基线检查报告', () => {
    const data = fixture.data;
    const templates = new Map(data.checklistTemplates!.map((t) => [t.id, t]));
    const verdictOf = (r: NonNullable<typeof data.inspectionResults>[number]) => {
      const inspection = data.inspections!.find((i) => i.id === r.inspectionId)!;
      const item = templates.get(inspection.templateId)!.items.find((i) => i.id === r.itemId)!;
      return verdictFor(item, { value: r.value, verdict: r.verdict, photos: r.photos.length });
    };
    const failed = data.inspectionResults!.filter((r) => verdictOf(r) === 'fail');
    const signed = data.inspections!.filter((i) => i.status === 'signed');

    it('states the statistics the results give', () => {
      const pass = data.inspectionResults!.filter((r) => verdictOf(r) === 'pass').length;
      const rate = `${((pass / (pass + failed.length)) * 100).toFixed(1)}%`;
      const text = read.get('baselineReport')!.text;
      expect(failed.length).toBeGreaterThan(0);
      expect(text).toContain(`总体合格率为 ${rate}，发现不合格项 ${failed.length} 个`);
      expect(text).toContain(
        `${new Set(data.inspections!.map((i) => i.assetId)).size} 个（已签字确认 ${signed.length} 个）`,
      );
      // The fixture is dated 2026-03-10: the 合计 row's last cell counts the rectifications overdue then.
      const overdue = data.rectifications!.filter(
        (r) => !r.deleted && failed.some((f) => f.id === r.id) && isRectificationOverdue(r, '2026-03-10'),
      ).length;
      const totals = text
        .slice(text.indexOf('合计', text.indexOf('其中逾期')))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      expect(totals.slice(0, 6)).toEqual([
        '合计',
        String(failed.length),
        expect.any(String),
        expect.any(String),
        expect.any(String),
        String(overdue),
      ]);
    });

    it("shades verdicts and severities and gives every failure its rectification and re-check in its object's record", async () => {
      const doc = read.get('baselineReport')!;
      const body = await doc.part('word/document.xml');
      expect(body.match(/w:fill="C6E0B4"/g)!.length).toBeGreaterThan(150); // 合格
      expect(body).toContain('w:fill="F4B084"'); // 不合格, 严重
      expect(body).toContain('w:fill="E7E6E6"'); // 不适用
      const records = doc.text.slice(
        doc.text.indexOf('不合格与留证对象检查记录', doc.text.indexOf('目录') + 200),
        doc.text.lastIndexOf('结论与建议'),
      );
      for (const r of failed) {
        const rectification = data.rectifications!.find((x) => x.id === r.id)!;
        expect(records, r.itemId).toContain(rectification.action);
        expect(records).toContain(rectification.dueDate);
      }
      expect(records).toContain('已复查');
    });

    it('prints a verdict matrix that says what the results say, object by object and item by item', () => {
      const html = read.get('baselineReport')!.html;
      for (const template of data.checklistTemplates!.filter((t) =>
        data.inspections!.some((i) => i.templateId === t.id),
      )) {
        const items = numberedItems(template);
        const start = html.indexOf(matrixTitle(template.name));
        expect(start, template.name).toBeGreaterThan(0);
        const tables = html
          .slice(start)
          .split('</table>')
          .slice(0, Math.ceil(items.length / MATRIX_MAX_COLUMNS));
        const rows = tables.flatMap((table) =>
          [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
            [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
          ),
        );
        for (const inspection of data.inspections!.filter((i) => i.templateId === template.id)) {
          const asset = data.assets.find((a) => a.id === inspection.assetId)!;
          const marks = rows.filter((cells) => cells[0] === asset.hostname).flatMap((cells) => cells.slice(1, -1));
          const expectedMarks = items.map(({ item }) => {
            const result = data.inspectionResults!.find(
              (r) => r.inspectionId === inspection.id && r.itemId === item.id,
            );
            const verdict = result ? verdictOf(result) : null;
            return verdict ? { pass: '√', fail: '×', na: '/' }[verdict] : '';
          });
          expect(marks, asset.hostname).toEqual(expectedMarks);
        }
      }
    });

    it('describes each check method once, in the appendix', () => {
      const text = read.get('baselineReport')!.text;
      const used = data.checklistTemplates!.filter((t) => data.inspections!.some((i) => i.templateId === t.id));
      const methods = used.flatMap((t) => t.items.map((item) => item.method.split('\n')[0]!.trim())).filter(Boolean);
      expect(methods.length).toBeGreaterThan(20);
      // The appendix (the last heading of that name; the 目录 names it too) states every method, no chapter before it does.
      const appendixAt = text.lastIndexOf('检查项与检查方法');
      for (const method of new Set(methods)) {
        expect(text.slice(appendixAt), method).toContain(method);
        expect(text.slice(0, appendixAt), method).not.toContain(method);
      }
    });

    it('groups identical findings: one row per item and result, naming every object it was found on', () => {
      const text = read.get('baselineReport')!.text;
      const groups = new Map<string, string[]>();
      for (const r of failed) {
        const inspection = data.inspections!.find((i) => i.id === r.inspectionId)!;
        const key = `${inspection.templateId}/${r.itemId}/${JSON.stringify(r.value)}`;
        groups.set(key, [...(groups.get(key) ?? []), data.assets.find((a) => a.id === inspection.assetId)!.hostname]);
      }
      const listed = [...text.matchAll(/涉及对象：([^\n]*)/g)].map((m) => m[1]!.split('、').sort());
      expect(listed).toHaveLength(groups.size);
      expect(listed.sort()).toEqual([...groups.values()].map((hosts) => hosts.sort()).sort());
      expect(groups.size).toBeLessThan(failed.length); // the fixture fails some item on several objects
    });

    it('prints the full results of every object that failed, and only those with a failure or evidence', () => {
      const doc = read.get('baselineReport')!;
      for (const inspection of data.inspections!) {
        const asset = data.assets.find((a) => a.id === inspection.assetId)!;
        const results = data.inspectionResults!.filter((r) => r.inspectionId === inspection.id);
        const recorded = results.some((r) => verdictOf(r) === 'fail' || r.evidence.trim());
        const heading = doc.headings.find((h) => h.level === 2 && h.text.startsWith(asset.name));
        expect(Boolean(heading), asset.name).toBe(recorded);
        if (!recorded) continue;
        const template = templates.get(inspection.templateId)!;
        const table = doc.text.slice(doc.text.indexOf(`${asset.name} 检查结果`));
        for (const item of template.items) expect(table, `${asset.name}: ${item.title}`).toContain(item.title);
      }
    });

    it("puts the customer's drawn signature into the record of every signed object it prints", async () => {
      const doc = read.get('baselineReport')!;
      const body = await doc.part('word/document.xml');
      const recorded = data.inspections!.filter(
        (i) =>
          i.status === 'signed' &&
          data.inspectionResults!.some(
            (r) => r.inspectionId === i.id && (verdictOf(r) === 'fail' || r.evidence.trim()),
          ),
      );
      const drawnSignatures = body.match(/签字确认（已签字）(?:(?!<\/w:p>)[\s\S])*?<w:drawing>/g) ?? [];
      expect(recorded.length).toBeGreaterThan(0);
      expect(drawnSignatures).toHaveLength(recorded.length);
      const media = await Promise.all(
        Object.keys(doc.zip.files)
          .filter((f) => f.startsWith('word/media/'))
          .map((f) => doc.zip.file(f)!.async('uint8array')),
      );
      for (const inspection of recorded) {
        const bytes = fixture.files.get(inspection.signature[0]!.sha256)!;
        expect(
          media.some((m) => Buffer.from(m).equals(Buffer.from(bytes))),
          inspection.signerName,
        ).toBe(true);
      }
      // The report's own sign-off leaves room to sign by hand; every object's confirmation is listed.
      expect(doc.text).toContain('年    月    日');
      for (const inspection of signed) expect(doc.text).toContain(`${inspection.signerName} ${inspection.signedAt}`);
    });

    it('embeds the evidence photos of failures with captions, and only the files it shows are needed', () => {
      const doc = read.get('baselineReport')!;
      const photos = failed.flatMap((r) => r.photos);
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos) expect(doc.text).toContain(`（${photo.caption}）`);
      const needed = filesNeeded('baselineReport', data).sort();
      const recordedSigned = signed.filter((i) =>
        data.inspectionResults!.some((r) => r.inspectionId === i.id && (verdictOf(r) === 'fail' || r.evidence.trim())),
      );
      expect(needed).toEqual(
        [...new Set([...recordedSigned.map((i) => i.signature[0]!.sha256), ...photos.map((p) => p.sha256)])].sort(),
      );
      // The photos of items that passed (the front panels) are not loaded.
      const panel = data.inspectionResults!.find((r) => r.photos.length && verdictOf(r) === 'pass')!.photos[0]!.sha256;
      expect(needed).not.toContain(panel);
    });
  });
});

describe('a large 配置基线检查报告: 334 inspections × 30 items', () => {
  it("reads as a summary, grouped findings and the failed objects' records, with the contents left for Word to paginate", async () => {
    const { data, files } = largeBaselineFixture(334, 30);
    expect(data.inspectionResults).toHaveLength(10020);
    const { meta } = prepareExport({
      docType: 'baselineReport',
      project: data.project,
      exports: [],
      exportedBy: '陈立',
      exportedAt: '2026-03-10T09:00',
      company,
    });
    const result = await renderDocument('baselineReport', data, meta, { allowMissing: false, files });
    if (!result.ok) throw new Error(zh(result.missing).join('; '));
    expect(10020).toBeGreaterThan(PAGE_ESTIMATE_ROW_LIMIT);
    expect(result.warnings).toEqual([
      '报告较长（10020 个检查项次），目录页码未计算：在 Word 中右键目录选择“更新域”即可生成',
    ]);
    const zip = await JSZip.loadAsync(result.bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).not.toContain('FIELDBOOK-RAW-ROWS');
    const { inspections } = joinInspections(data);
    const recorded = inspections.filter(needsFullRecord);
    expect(recorded.length).toBeLessThan(inspections.length);
    // Assertions on the XML by count, not toContain: a failure would print all of it.
    const rows = body.match(/<w:tr>/g)!.length;
    // The matrix (two tables of 15 items, a header each), each printed object's 30 results and the confirmation list.
    expect(rows).toBeGreaterThan(2 * 334 + recorded.length * 30 + 334);
    expect(rows).toBeLessThan(2 * 334 + recorded.length * 30 + 334 + 3000);
    const marks = (mark: string, fill: string) =>
      body.split(
        `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableTextSmall"/><w:jc w:val="center"/></w:pPr><w:r>${mark === '×' ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${mark}</w:t>`,
      ).length - 1;
    const total = inspections.reduce((n, j) => ({ pass: n.pass + j.counts.pass, fail: n.fail + j.counts.fail }), {
      pass: 0,
      fail: 0,
    });
    expect(marks('√', 'C6E0B4')).toBe(total.pass);
    expect(marks('×', 'F4B084')).toBe(total.fail);
    expect(body.split('个中的 334 个、检查项次 10020 个').length).toBe(2);
    // The 目录 has no page numbers, and says so and how to get them.
    expect(body).toContain(TOC_WITHOUT_PAGES_NOTE);
    const toc = body.slice(body.indexOf('TOC \\'), body.indexOf(TOC_WITHOUT_PAGES_NOTE));
    expect(toc).toContain('检查结果汇总');
    const pageReferences = toc.split('PAGEREF').length - 1;
    expect(pageReferences).toBeGreaterThan(5);
    // Every entry's PAGEREF is empty: its result ends as soon as it starts.
    expect(toc.split('<w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/>').length - 1).toBe(
      pageReferences,
    );
  }, 300_000);
});

describe('missing data', () => {
  it('says what is missing instead of producing empty chapters', () => {
    const empty = emptyFixture();
    const meta = metaFor('requirementsSpec');
    for (const type of documentTypes) {
      const missing = zh(type.missing(empty));
      expect(missing.length, type.key).toBeGreaterThan(0);
      const result = buildDocument(type.key, empty, meta, { allowMissing: false, rasteriseChart });
      expect(result).toEqual({ ok: false, missing: type.missing(empty) });
    }
    expect(zh(documentTypes[0].missing(empty))).toEqual([
      '项目简介未填写（用于“系统概述”）',
      '没有调研记录',
      '运维对象清单为空',
      '没有需求条目',
    ]);
  });

  it('with allowMissing, exports with a visible 待补充 marker for each missing item', async () => {
    const empty = emptyFixture();
    for (const type of documentTypes) {
      const result = await renderDocument(type.key, empty, metaFor(type.key), { allowMissing: true, rasteriseChart });
      if (!result.ok) throw new Error(type.key);
      const missing = zh(type.missing(empty));
      expect([...result.placeholders].sort(), type.key).toEqual([...missing].sort());
      const doc = await readBack(result.bytes);
      for (const message of missing) expect(doc.text, message).toContain(`【待补充：${message}】`);
      expect(await validationErrors(result.bytes)).toEqual([]);
      const styles = await doc.part('word/styles.xml');
      expect(styles).toMatch(/w:styleId="Placeholder"[\s\S]*?<w:color w:val="C00000"\/>/);
    }
  }, 180_000); // 15 documents built and validated: minutes on a loaded 2-core machine

  it('names the exact gaps of partly recorded data', async () => {
    const { data } = richFixture();
    const sla = data.sla!;
    data.sla = {
      ...sla,
      priorities: sla.priorities
        .filter((p) => p.level !== 'P3')
        .map((p) => (p.level === 'P1' ? { ...p, responseMinutes: null } : p)),
      signatories: sla.signatories.filter((s) => s.side === 'customer'),
    };
    data.requirements = data.requirements.map((r) => ({ ...r, status: 'pending', confirmedBy: '', confirmedAt: '' }));
    data.requirements[0]!.acceptanceCriterion = '';
    data.risks[0]!.mitigation = '';
    data.planTasks[2]!.end = '';
    data.members = data.members.filter((m) => m.role !== 'pm');
    data.feasibility = { ...data.feasibility!, teamConclusion: 'unassessed' };
    const firstInspection = data.inspections![0]!;
    const firstAsset = data.assets.find((a) => a.id === firstInspection.assetId)!;
    data.inspections![0] = { ...firstInspection, status: 'inProgress' };
    const rectification = data.rectifications![0]!;
    const failedInspection = data.inspections!.find((i) => i.id === rectification.inspectionId)!;
    const failedAsset = data.assets.find((a) => a.id === failedInspection.assetId)!.name;
    const failedItem = data
      .checklistTemplates!.find((t) => t.id === failedInspection.templateId)!
      .items.find((i) => i.id === rectification.itemId)!.title;
    data.rectifications = data.rectifications!.slice(1);
    data.trainingSessions![1] = { ...data.trainingSessions![1]!, trainer: '' };
    data.pilotRuns![0] = { ...data.pilotRuns![0]!, conclusion: 'pending' };
    data.cutoverPlan = {
      ...data.cutoverPlan!,
      steps: data.cutoverPlan!.steps.map((s, i) => (i === 1 ? { ...s, owner: '' } : s)),
      contacts: [],
    };

    const gaps = Object.fromEntries(documentTypes.map((t) => [t.key, zh(t.missing(data))]));
    expect(gaps.serviceLevelAgreement).toEqual(['SLA 未定义 P1 的响应时限', 'SLA 未定义 P3', '未填写乙方签署人']);
    expect(gaps.requirementsSpec).toEqual(['没有已确认的需求', '需求 REQ-001 缺少验收标准']);
    expect(gaps.feasibilityReport).toEqual([
      '团队能力匹配度未给出结论',
      '高风险“部分设备已过厂商维保期，备件供应不及时”缺少应对措施',
    ]);
    expect(gaps.projectCharter).toEqual(['项目团队没有项目经理']);
    expect(gaps.deliveryPlan).toEqual(['任务“配置基线检查”缺少起止日期']);
    expect([...gaps.baselineReport!].sort()).toEqual(
      [`基线检查“${firstAsset.name}”尚未完成`, `不合格项“${failedAsset}：${failedItem}”缺少整改措施`].sort(),
    );
    expect(gaps.trainingRecord).toEqual(['培训“运维平台与巡检工具使用培训”缺少讲师']);
    expect(gaps.pilotReport).toEqual(['试点“核心业务区试点运行”未给出结论']);
    expect(gaps.cutoverPlan).toEqual(['切换步骤 2 缺少负责人', '没有应急联系人']);

    for (const type of documentTypes) {
      const result = await renderDocument(type.key, data, metaFor(type.key), {
        allowMissing: true,
        files: fixture.files,
        rasteriseChart,
      });
      if (!result.ok) throw new Error(type.key);
      expect([...result.placeholders].sort(), type.key).toEqual([...gaps[type.key]!].sort());
      const text = (await readBack(result.bytes)).text;
      for (const message of gaps[type.key]!) expect(text, message).toContain(`【待补充：${message}】`);
    }
  }, 180_000);

  it('skips deleted rows', () => {
    const { data } = richFixture();
    data.requirements = data.requirements.map((r) => ({ ...r, deleted: true }));
    expect(zh(documentTypes[0].missing(data))).toEqual(['没有需求条目']);
    data.inspections = data.inspections!.map((i) => ({ ...i, deleted: true }));
    expect(zh(documentTypes.find((t) => t.key === 'baselineReport')!.missing(data))).toEqual(['没有基线检查记录']);
  });

  it('treats phase 三 collections a caller did not load as empty', async () => {
    const { data } = richFixture();
    for (const key of [
      'checklistTemplates',
      'inspections',
      'inspectionResults',
      'rectifications',
      'trainingSessions',
      'pilotRuns',
      'cutoverPlan',
    ] as const)
      delete data[key];
    const missing = Object.fromEntries(documentTypes.map((t) => [t.key, zh(t.missing(data))]));
    expect(missing).toMatchObject({
      requirementsSpec: [],
      baselineReport: ['没有基线检查记录'],
      trainingRecord: ['没有培训记录'],
      pilotReport: ['没有试点运行记录'],
      cutoverPlan: ['切换方案未填写'],
    });
    expect(filesNeeded('baselineReport', data)).toEqual([]);
    const result = await renderDocument('baselineReport', data, metaFor('baselineReport'), { allowMissing: true });
    expect(result.ok && result.placeholders).toEqual(['没有基线检查记录']);
  });
});
