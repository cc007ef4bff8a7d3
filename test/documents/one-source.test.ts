import { describe, expect, it } from 'vitest';
import {
  type DocumentPeriod,
  type DocumentTypeKey,
  documentType,
  prepareExport,
  type ProjectDocumentData,
  renderDocument,
} from '../../shared/documents';
import { chapterRef } from '../../shared/documents/chapters';
import { richFixture } from './helpers/fixture';
import { readBack } from './helpers/read-docx';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

/** Every figure, term, contact and target in the documents comes from one record (issue 13 §2). */
const base = richFixture();
const fresh = () => structuredClone(base);

async function text(key: DocumentTypeKey, data: ProjectDocumentData = fresh().data): Promise<string> {
  const type = documentType(key)!;
  const period: DocumentPeriod | undefined = type.defaultPeriod?.(data) ?? undefined;
  const { meta } = prepareExport({
    docType: key,
    project: data.project,
    exports: base.exports,
    exportedBy: '陈立',
    exportedAt: '2026-04-01T10:00',
    company: '恒信科技有限公司',
    period,
  });
  const result = await renderDocument(key, data, meta, {
    allowMissing: false,
    files: base.files,
    period,
    rasteriseChart,
  });
  if (!result.ok) throw new Error(`${key}: ${result.missing.join('; ')}`);
  // mammoth puts each table cell on lines of its own: one space for every run of white space.
  return (await readBack(result.bytes)).text.replace(/\s+/g, ' ');
}

/** The 巡检月报 of the fixture as it is, rendered once for the tests that only read it. */
let monthly: Promise<string> | undefined;
const monthlyReport = () => (monthly ??= text('patrolMonthlyReport'));

describe('one source of truth across documents', { timeout: 120_000 }, () => {
  it('配置基线检查报告 states "M of N objects checked" and the same rectification counts in 表2, 表3 and its conclusion', async () => {
    const data = fresh().data;
    // One rectification done but not re-checked: 已整改 in its record, still open in the counts.
    const open = data.rectifications!.filter((r) => r.status !== 'verified');
    expect(open.length).toBeGreaterThan(0);
    Object.assign(open[0]!, { status: 'done', recheckVerdict: '' });
    const report = await text('baselineReport', data);
    const inScope = data.assets.filter((a) => !a.deleted).length;
    const checked = new Set(data.inspections!.filter((i) => !i.deleted).map((i) => i.assetId)).size;
    expect(checked).toBeLessThan(inScope);
    expect(report).toContain(
      `项目运维对象清单共 ${inScope} 个，本次检查其中 ${checked} 个（其余 ${inScope - checked} 个未在本次检查范围内）`,
    );
    expect(report).toContain(`运维对象清单 ${inScope} 个 本次检查对象 ${checked} 个`);
    const figure = (label: string) =>
      Number(new RegExp(`${label} (\\d+)`).exec(report.slice(report.indexOf('运维对象清单 ')))![1]);
    const table2 = {
      verified: figure('已复查合格'),
      awaiting: figure('已整改待复查'),
      open: figure('待整改/整改中'),
      overdue: figure('其中逾期'),
    };
    expect(table2.awaiting).toBeGreaterThanOrEqual(1);
    // 表3's 合计 row: 不合格项, 已复查合格, 已整改待复查, 待整改/整改中, 其中逾期.
    const total = /合计 (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(report)!.slice(1).map(Number);
    expect(total).toEqual([
      table2.verified + table2.awaiting + table2.open,
      table2.verified,
      table2.awaiting,
      table2.open,
      table2.overdue,
    ]);
    expect(report).toContain(`本次检查运维对象清单 ${inScope} 个中的 ${checked} 个`);
    expect(report).toContain(
      `尚有 ${table2.awaiting + table2.open} 个不合格项未完成整改或复查（已复查合格 ${table2.verified}、已整改待复查 ${table2.awaiting}、待整改/整改中 ${table2.open}）`,
    );
  });

  it('巡检月报 computes its 考核指标 from the SLA: target, actual, verdict and the deduction the SLA names', async () => {
    const report = await monthlyReport();
    const overview = /响应达标率 (\d+(?:\.\d)?)%（(\d+)\/(\d+)）/.exec(report)!;
    const [, share, met, all] = overview;
    expect(Number(met) / Number(all)).toBeLessThan(0.95);
    // The same figure as the overview's, against the SLA's 95 %, missed, with its 2 % deduction.
    expect(report).toContain(`故障响应达标率 ≥ 95% ${Number(share)}%（${met}/${all}） 未达标 扣减当月服务费 2%`);
    expect(report).toMatch(/故障恢复达标率 （故障解决达标率） ≥ 90% [\d.]+%（\d+\/\d+） 达标/);
    expect(report).toContain('未达标的考核指标 1 项（故障响应达标率），按服务级别协议扣减当月服务费合计 2%');
  });

  it('巡检月报 follows the SLA when its target changes', async () => {
    const data = fresh().data;
    data.sla!.indicators[0]!.targetPercent = 90;
    data.sla!.indicators[0]!.deductionPercent = 5;
    const report = await text('patrolMonthlyReport', data);
    expect(report).toMatch(/故障响应达标率 ≥ 90% [\d.]+%（\d+\/\d+） 达标 扣减当月服务费 5%/);
    expect(report).toContain('考核指标均达标');
  });

  it('巡检月报 lists every anomaly not raised as an incident with its reason, and says which have none', async () => {
    const data = fresh().data;
    const withReasons = data.patrolEntries!.filter((e) => Object.keys(e.noIncidentReasons).length > 0);
    const kept = withReasons[0]!;
    const cleared = withReasons[1]!;
    cleared.noIncidentReasons = {};
    const report = await text('patrolMonthlyReport', data);
    expect(report).toMatch(/上述 \d+ 项异常读数均应登记为故障：\d+ 项已转故障（\d+ 起/);
    expect(report).toContain('未转故障的异常读数');
    expect(report).toContain(Object.values(kept.noIncidentReasons)[0]!);
    expect(report).toMatch(new RegExp(`${cleared.date} \\S+ [^（]+ 警告（P4） 未说明原因`));
  });

  it('巡检月报 names what is still abnormal at month end, status metrics included, with advice that fits the metric', async () => {
    const report = await monthlyReport();
    const watch = /月末仍处于警告及以上的读数：([^。]*)。/.exec(report)![1]!;
    expect(watch).toMatch(/告警灯 告警（严重），建议现场排查并按故障流程处理/);
    expect(watch).toMatch(/接口错包 \d+ 个（警告），建议排查链路、端口与光模块/);
    expect(watch).not.toMatch(/接口错包[^；]*扩容/);
  });

  it('切换方案 gives the charter’s hotline', async () => {
    const data = fresh().data;
    expect(await text('cutoverPlan', data)).toContain('服务热线：400-800-1234（见《项目章程》沟通计划）');
    data.charter!.communication = data.charter!.communication.map((c) =>
      c.kind === 'channel' ? { ...c, channel: '电话 400-820-5555' } : c,
    );
    expect(await text('cutoverPlan', data)).toContain('服务热线：400-820-5555（见《项目章程》沟通计划）');
  });

  it('试点运行报告 cites the SLA’s targets, not figures typed into the pilot', async () => {
    const data = fresh().data;
    data.sla!.priorities = data.sla!.priorities.map((p) => (p.level === 'P1' ? { ...p, responseMinutes: 20 } : p));
    const report = await text('pilotReport', data);
    expect(report).toContain('P1 响应时间 ≤ 20 分钟');
    expect(report).toContain('告警误报率 非 SLA 指标');
  });

  it('交付计划 takes a task’s progress from the records that prove it, or from the hand-set status with its reason', async () => {
    const data = fresh().data;
    const signed = data.inspections!.filter((i) => i.status === 'signed').length;
    const plan = await text('deliveryPlan', data);
    expect(plan).toContain(`配置基线检查：基线检查已签字 ${signed}/${data.inspections!.length}`);
    expect(plan).toContain('试点运行：试点已出结论 1/1');
    expect(plan).toMatch(/试点运行 陈立 2026-03-02 2026-03-27 \d+ 试点运行报告 已完成 100%/);
    const task = data.planTasks.find((t) => t.name === '试点运行')!;
    Object.assign(task, {
      statusOverride: 'yes',
      status: 'inProgress',
      progress: 80,
      overrideReason: '试点报告待客户签字',
    });
    expect(await text('deliveryPlan', data)).toContain('试点运行：人工指定，试点报告待客户签字');
  });

  it('运维操作手册 and 运维技术方案 refer to chapters by the list that builds them, and say 警告 as the logs do', async () => {
    const manual = await text('opsManual');
    expect(manual).toContain(`须按${chapterRef('opsManual', 'changes')}的流程执行`);
    expect(chapterRef('opsManual', 'changes')).toBe('第 6 章「变更操作」');
    expect(manual).toMatch(/\n?6 变更操作/);
    const plan = await text('opsTechnicalPlan');
    expect(plan).toContain(`按${chapterRef('opsTechnicalPlan', 'grading')}的规则定级为故障`);
    for (const doc of [manual, plan]) {
      expect(doc).not.toContain('预警');
      expect(doc).toContain('警告');
    }
  });

  it('变更记录 says who implemented and checked a closed change and when it ran', async () => {
    const record = await text('changeRecord');
    expect(record).toMatch(/实施人 孙鹏 复核人 周明 实际实施时间 \d{4}-\d\d-\d\d 22:05–23:10/);
  });
});
