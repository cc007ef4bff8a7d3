import type JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocument,
  type DocumentPeriod,
  type DocumentTypeKey,
  documentType,
  prepareExport,
  type ProjectDocumentData,
  renderDocument,
} from '../../shared/documents';
import { imageInfo } from '../../shared/documents/kit/figure';
import { chartLayout, niceScale } from '../../shared/documents/kit/line-chart';
import { lineChartSvg } from '../../shared/documents/kit/line-chart-svg';
import { monthPeriod, periodDays } from '../../shared/documents/parts/period';
import { formatWithUnit, incidentTimingFromFields, monthlyCompliance, serviceCalendar } from '../../shared/operations';
import { minutesText } from '../../shared/documents/kit/format';
import { changeTypes, patrolFrequencies } from '../../shared/records/operations';
import { changeStatusText } from '../../shared/documents/house-style';
import { emptyFixture, OPERATIONS_TODAY, richFixture } from './helpers/fixture';
import { readBack, validationErrors } from './helpers/read-docx';
import { zh } from '../unit/helpers/gaps';
import { nodeChartRasteriser } from '../../scripts/node-chart-rasteriser';

/** Draws the 巡检月报's chart fallbacks, as the app's document Worker does. */
const rasteriseChart = await nodeChartRasteriser();

/** 巡检日志, 巡检月报 and 变更记录: documents that cover a day, a month or a range. */
const keys = ['patrolLog', 'patrolMonthlyReport', 'changeRecord'] as const satisfies readonly DocumentTypeKey[];
type Key = (typeof keys)[number];

const fixture = richFixture();
const data = fixture.data;
const company = '恒信科技有限公司';
/** The reports are exported the day after the fixture's month of operations ends. */
const exportedAt = '2026-04-01T10:00';

function exportFor(key: Key, period?: DocumentPeriod) {
  return prepareExport({
    docType: key,
    project: data.project,
    exports: fixture.exports,
    exportedBy: '陈立',
    exportedAt,
    company,
    period,
  });
}

async function render(key: Key, of: ProjectDocumentData, period?: DocumentPeriod, allowMissing = false) {
  const result = await renderDocument(key, of, exportFor(key, period).meta, {
    allowMissing,
    files: fixture.files,
    period,
    rasteriseChart,
  });
  if (!result.ok) throw new Error(`${key}: ${zh(result.missing).join('; ')}`);
  return { ...result, doc: await readBack(result.bytes) };
}

/** The text with every run of white space made one space: mammoth puts each table cell on lines of its own. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const assetById = new Map(data.assets.map((a) => [a.id, a]));
const shortName = (assetId: string) => {
  const asset = assetById.get(assetId)!;
  return asset.hostname || asset.name;
};
const entries = data.patrolEntries!;
const patrolDays = [...new Set(entries.map((e) => e.date))].sort();
const month = OPERATIONS_TODAY.slice(0, 7);
const levelText = { normal: '正常', warning: '警告', critical: '严重', invalid: '无效', '': '—' } as const;

describe('巡检日志', () => {
  // A day in the middle of the month with an anomaly, so the log has something to report.
  const day = patrolDays.find(
    (d) =>
      d > patrolDays[0]! &&
      entries.some((e) => e.date === d && Object.values(e.readings).some((r) => r.status === 'critical')),
  )!;
  const period = { from: day, to: day };

  it('defaults to the latest day with a patrol entry', () => {
    const type = documentType('patrolLog')!;
    expect(type.period).toBe('day');
    expect(type.defaultPeriod!(data)).toEqual({ from: patrolDays.at(-1), to: patrolDays.at(-1) });
    expect(zh(type.missing(data))).toEqual([]);
  });

  it('lists every reading of the day by asset, with its level and thresholds, and the anomalies', async () => {
    const { doc, placeholders, warnings } = await render('patrolLog', data, period);
    expect(placeholders).toEqual([]);
    expect(warnings).toEqual([]);
    const text = squash(doc.text);
    expect(text).toContain(`巡检日志（${day}）`);
    const ofDay = entries.filter((e) => e.date === day);
    expect(text).toContain(`${ofDay.length} 个（计划 ${data.patrolPlans![0]!.assetIds.length} 个）`);

    // The first asset's disk reading, in its row: 巡检项, 读数 with unit, 状态.
    const entry = ofDay.find((e) => 'disk.maxUsePercent' in e.readings)!;
    const disk = entry.readings['disk.maxUsePercent']!;
    const table = text.slice(text.indexOf('巡检读数'));
    const row = table.slice(table.indexOf(shortName(entry.assetId)));
    expect(row).toMatch(
      new RegExp(
        `^${shortName(entry.assetId)} CPU 使用率 .*? 磁盘使用率 ${formatWithUnit(disk.value as number, '%')} ${levelText[disk.status]} 警告 ≥ 80% 严重 ≥ 90%`,
      ),
    );

    // Every warning and critical reading of the day appears in 异常情况.
    const anomalies = text.slice(text.indexOf('当日巡检异常'), text.indexOf('故障报告', text.indexOf('当日巡检异常')));
    const found = ofDay.flatMap((e) =>
      Object.entries(e.readings)
        .filter(([, r]) => r.status === 'warning' || r.status === 'critical')
        .map(([, r]) => ({ e, r })),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const { e, r } of found) {
      expect(anomalies).toContain(shortName(e.assetId));
      expect(anomalies).toContain(String(r.value));
    }
    expect(anomalies.split(' 严重 ').length - 1).toBeGreaterThanOrEqual(
      found.filter((f) => f.r.status === 'critical').length,
    );
  });

  it('marks readings carried over under 无变化, and shows the handover, incidents and routine tasks of the day', async () => {
    const { data: copy } = richFixture();
    // A day with a routine task and an incident reported.
    const task = copy.opsLogs!.find((t) =>
      copy.incidents!.some((i) => i.reportedAt.slice(0, 10) === t.doneAt.slice(0, 10)),
    )!;
    const taskDay = task.doneAt.slice(0, 10);
    const entry = copy.patrolEntries!.find((e) => e.date === taskDay)!;
    const [key] = Object.keys(entry.readings);
    entry.readings[key!] = { ...entry.readings[key!]!, carried: true };
    copy.shiftHandovers = [
      {
        id: 'h1',
        planId: entry.planId,
        round: taskDay,
        date: taskDay,
        handedOverBy: '刘洋',
        takenOverBy: '孙鹏',
        note: '夜间关注 jnb-srv-0001 的备份作业',
      },
      {
        id: 'h2',
        planId: entry.planId,
        round: patrolDays[0]!,
        date: patrolDays[0]!,
        handedOverBy: '刘洋',
        takenOverBy: '孙鹏',
        note: '另一天的交接',
      },
    ];
    const incidents = copy.incidents!.filter((i) => i.reportedAt.startsWith(taskDay));
    const { doc } = await render('patrolLog', copy, { from: taskDay, to: taskDay });
    const text = squash(doc.text);
    expect(text).toContain('正常 （沿用）');
    expect(text).toContain('沿用上一轮的数值');
    expect(text).toMatch(new RegExp(`${taskDay} 刘洋 孙鹏 夜间关注 jnb-srv-0001 的备份作业`));
    expect(text).not.toContain('另一天的交接');
    expect(text).toContain(task.title);
    expect(text).toContain(task.notes);
    expect(incidents.length).toBeGreaterThan(0);
    for (const incident of incidents) expect(text).toContain(`${incident.reportedAt.slice(11, 16)} ${incident.title}`);
    expect(text).toContain(`当日故障 ${incidents.length} 起`);
    expect(text).toContain(`${entry.enteredBy}（值班工程师）`);
  });

  it('reports a day without entries as missing, and writes 待补充 for it only when asked', async () => {
    const before =
      periodDays({ from: `${month}-01`, to: patrolDays[0]! }).find((d) => !patrolDays.includes(d)) ?? '2026-02-15';
    const type = documentType('patrolLog')!;
    expect(zh(type.missing(data, { from: before, to: before }))).toEqual([`${before} 没有巡检记录`]);
    const meta = exportFor('patrolLog').meta;
    expect(
      buildDocument('patrolLog', data, meta, { allowMissing: false, period: { from: before, to: before } }),
    ).toMatchObject({ ok: false, missing: [{ zh: `${before} 没有巡检记录`, en: `No patrol record on ${before}` }] });
    const { doc, placeholders } = await render('patrolLog', data, { from: before, to: before }, true);
    expect(placeholders).toEqual([`${before} 没有巡检记录`]);
    expect(doc.text).toContain(`【待补充：${before} 没有巡检记录】`);
  });
});

describe('巡检月报', () => {
  const period = monthPeriod(month);
  let text = '';
  let zip: JSZip;
  let bytes: Uint8Array;

  beforeAll(async () => {
    const result = await render('patrolMonthlyReport', data, period);
    expect(result.placeholders).toEqual([]);
    expect(result.warnings).toEqual([]);
    text = squash(result.doc.text);
    zip = result.doc.zip;
    bytes = result.bytes;
  }, 60_000);

  it('defaults to the latest month with a patrol entry and carries the month in its title and file name', () => {
    const type = documentType('patrolMonthlyReport')!;
    expect(type.defaultPeriod!(data)).toEqual(monthPeriod(patrolDays.at(-1)!));
    const [year, m] = month.split('-');
    const label = `${year}年${Number(m)}月`;
    expect(exportFor('patrolMonthlyReport', period).record.fileName).toBe(
      `${data.project.code}-巡检月报（${label}）-V3.0.docx`,
    );
    expect(text).toContain(`巡检月报（${label}）`);
  });

  it('counts rounds planned by the plan frequency against rounds done, and entries and anomalies by level', () => {
    const inMonth = entries.filter((e) => e.date.startsWith(month));
    // A daily plan is due every day from its first round to the month's end.
    const due = periodDays({ from: patrolDays[0]! > period.from ? patrolDays[0]! : period.from, to: period.to }).length;
    const done = new Set(inMonth.map((e) => e.round)).size;
    const plan = data.patrolPlans![0]!;
    expect(text).toContain(
      `${plan.name} ${patrolFrequencies[plan.frequency].zh} ${plan.assetIds.length} ${due} ${done} `,
    );
    expect(text).toContain(`${inMonth.length} 条`);
    const readings = inMonth.flatMap((e) => Object.values(e.readings));
    const count = (status: string) => readings.filter((r) => r.status === status).length;
    expect(text).toContain(`警告 ${count('warning')}，严重 ${count('critical')}`);
    // One row per day with the day's entries.
    const first = patrolDays.find((d) => d.startsWith(month))!;
    expect(text).toMatch(
      new RegExp(
        `${first} 周. ${data.patrolPlans![0]!.assetIds.length} ${inMonth.filter((e) => e.date === first).length} `,
      ),
    );
  });

  it('states incidents by priority with SLA compliance computed on the service calendar', () => {
    const sla = data.sla!;
    const reported = data.incidents!.filter((i) => i.reportedAt.startsWith(month));
    const p2 = reported.filter((i) => i.priority === 'P2');
    expect(p2.length).toBeGreaterThan(0);
    const table = text.slice(text.indexOf('故障数量与 SLA 达成'));
    expect(table).toContain(
      `P2 ${p2.length} ${minutesText(sla.priorities.find((p) => p.level === 'P2')!.responseMinutes)}`,
    );
    // Clocks read at the end of the export day.
    const now = Date.parse(`${exportedAt.slice(0, 10)}T00:00:00+08:00`) + 86_400_000;
    const timings = data.incidents!.map((i) => incidentTimingFromFields(i)!).filter(Boolean);
    const rows = monthlyCompliance(serviceCalendar(sla), sla, timings, { now, months: [month] });
    for (const row of rows) {
      if (row.response === 'n/a' || row.response.percent === null) continue;
      expect(table).toContain(`${row.priority} ${row.count}`);
      expect(table).toContain(
        `${row.response.percent}%（${row.response.met}/${row.response.met + row.response.missed}）`,
      );
    }
    for (const incident of reported) expect(text).toContain(incident.title);
  });

  it('measures availability per service from the recorded outages', () => {
    const outage = data.incidents!.find((i) => i.affectedService && i.outageStart.startsWith(month))!;
    const minutes = (Date.parse(`${outage.outageEnd}:00Z`) - Date.parse(`${outage.outageStart}:00Z`)) / 60_000;
    const monthMinutes = periodDays(period).length * 1440;
    const availability = (100 * (1 - minutes / monthMinutes)).toFixed(3);
    const target = data.sla!.availability.find((a) => a.service === outage.affectedService)!.targetPercent!;
    expect(text).toContain(
      `${outage.affectedService} ${minutesText(minutes)} ${availability}% ≥ ${target}% ${Number(availability) >= target ? '达标' : '未达标'}`,
    );
  });

  it('compares the last readings of the month with the signed baselines', () => {
    const drifted = data
      .inspections!.filter((i) => i.status === 'signed')
      .flatMap((inspection) => {
        const template = data.checklistTemplates!.find((t) => t.id === inspection.templateId)!;
        const item = template.items.find((i) => i.parser === 'disk.maxUsePercent');
        const result =
          item && data.inspectionResults!.find((r) => r.inspectionId === inspection.id && r.itemId === item.id);
        const last = entries
          .filter((e) => e.assetId === inspection.assetId && e.date.startsWith(month))
          .sort((a, b) => a.date.localeCompare(b.date))
          .at(-1);
        const reading = last?.readings['disk.maxUsePercent']?.value;
        if (typeof result?.value !== 'number' || typeof reading !== 'number' || Math.abs(reading - result.value) <= 10)
          return [];
        return [
          `${shortName(inspection.assetId)} 磁盘使用率 ${formatWithUnit(result.value, '%')} ${inspection.signedAt} ${formatWithUnit(reading, '%')} ${last!.date}`,
        ];
      });
    expect(drifted.length).toBeGreaterThan(0);
    const table = text.slice(text.indexOf('偏离配置基线的巡检读数'));
    for (const row of drifted) expect(table).toContain(row);
  });

  it('lists the changes of the month', () => {
    const changes = data.changeRecords!.filter((c) => c.windowStart.startsWith(month));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes)
      expect(text).toContain(`${change.title} ${changeTypes[change.type].zh} ${changeStatusText(change.state)}`);
  });

  it('draws the key metrics as SVG charts with a PNG fallback, thresholds drawn in', async () => {
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    expect(pngs.length).toBe(svgs.length);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body.match(/<asvg:svgBlip /g)?.length).toBe(svgs.length);
    expect(text).toContain('图 1 服务器磁盘使用率逐日走势');

    // The first chart is the servers' disk usage: the SVG the document shows first, its dashed lines the levels.
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    // <a:blip r:embed="the PNG"><a:extLst><a:ext …><asvg:svgBlip r:embed="the SVG"/>: Word's picture with its fallback.
    const [, pngId, svgId] =
      /<a:blip r:embed="(rId\d+)"[^>]*><a:extLst><a:ext [^>]*><asvg:svgBlip [^>]*r:embed="(rId\d+)"/.exec(body)!;
    const part = (id: string) => `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
    const svg = await zip.file(part(svgId!))!.async('string');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('警告 80%');
    expect(svg).toContain('严重 90%');
    expect(svg).toMatch(/stroke="#E08A00"[^>]*stroke-dasharray/);
    expect(svg).toMatch(/stroke="#C8102E"[^>]*stroke-dasharray/);
    expect(svg).not.toContain('<style');

    // Its lines are the six servers whose disks came closest to the thresholds, named in the legend under it.
    const maxOf = (hostname: string) => {
      const asset = data.assets.find((a) => a.hostname === hostname)!;
      return Math.max(
        ...entries
          .filter((e) => e.assetId === asset.id && e.date.startsWith(month))
          .map((e) => e.readings['disk.maxUsePercent']!.value as number),
      );
    };
    const servers = data.assets
      .filter((a) => a.type === 'server' && entries.some((e) => e.assetId === a.id && e.date.startsWith(month)))
      .map((a) => a.hostname);
    const legend = text
      .slice(text.indexOf('■'), text.indexOf('图 1 '))
      .split('■')
      .map((name) => name.trim())
      .filter(Boolean);
    expect(legend).toHaveLength(6);
    const left = servers.filter((name) => !legend.includes(name));
    for (const name of legend) for (const other of left) expect(maxOf(name)).toBeGreaterThanOrEqual(maxOf(other));
    expect(maxOf(legend[0]!)).toBe(Math.max(...servers.map(maxOf)));
    expect(text).toContain(`服务器磁盘使用率：本月最高为 ${legend[0]} 的 ${maxOf(legend[0]!)}%`);
    expect(text).toContain(`取最接近阈值的 6 台，共 ${servers.length} 台`);

    const png = await zip.file(part(pngId!))!.async('uint8array');
    expect(imageInfo(png)).toMatchObject({ kind: 'png' });
  });

  it('passes the Open XML SDK validator', async () => {
    expect(await validationErrors(bytes)).toEqual([]);
  }, 60_000);
});

describe('变更记录', () => {
  it('records each change of the period with its assessment, approval, test, implementation and notice', async () => {
    const change = data.changeRecords!.find((c) => c.windowStart)!;
    const period = monthPeriod(change.windowStart.slice(0, 7));
    expect(documentType('changeRecord')!.defaultPeriod!(data)).toEqual(period);
    const { doc, placeholders, bytes } = await render('changeRecord', data, period);
    expect(placeholders).toEqual([]);
    const text = squash(doc.text);
    const details = text.slice(text.indexOf(`变更“${change.title}”记录`));
    for (const value of [
      change.reason,
      change.description,
      change.riskAssessment,
      change.impactAssessment,
      change.testPlan,
      change.steps,
      change.implementationResult,
      change.rollbackPlan,
    ]) {
      expect(details).toContain(value);
    }
    expect(details).toContain(`审批人 ${change.approver}`);
    expect(details).toContain(`审批时间 ${change.approvedAt.replace('T', ' ')}`);
    expect(details).toContain(`影响的对象 ${change.assetIds.map(shortName).join('、')}`);
    expect(details).toContain(`已通知（${change.notifiedAt.replace('T', ' ')}）`);
    // The summary table comes first.
    expect(text.indexOf('变更汇总')).toBeLessThan(text.indexOf(`变更“${change.title}”记录`));
    expect(await validationErrors(bytes)).toEqual([]);
  });

  it('takes a change by its window overlapping the period, or by when it was created, approved or announced', async () => {
    const { data: copy } = richFixture();
    const [windowed, undated] = copy.changeRecords!;
    const created = `${month}-05`;
    // A change as the database returns it: the hlc of its first write is its creation.
    Object.assign(undated!, {
      fieldHlc: { title: `${String(Date.parse(`${created}T09:00:00+08:00`)).padStart(15, '0')}-000000-device` },
    });
    const type = documentType('changeRecord')!;
    const { doc } = await render('changeRecord', copy, { from: created, to: created });
    expect(squash(doc.text)).toContain(undated!.title);
    expect(squash(doc.text)).not.toContain(windowed!.title);
    const windowDay = windowed!.windowStart.slice(0, 10);
    expect(zh(type.missing(copy, { from: windowDay, to: windowDay }))).toEqual([]);
    expect(zh(type.missing(copy, { from: `${month}-01`, to: `${month}-02` }))).toEqual([
      `${month}-01 至 ${month}-02 没有变更记录`,
    ]);
  });

  it('names the data a change lacks for the state it has reached', async () => {
    const { data: copy } = richFixture();
    const closed = copy.changeRecords!.find((c) => c.state === 'closed')!;
    closed.implementationResult = '';
    closed.approvedAt = '';
    const period = monthPeriod(closed.windowStart.slice(0, 7));
    const gaps = [`变更“${closed.title}”缺少审批时间`, `变更“${closed.title}”缺少实施结果`];
    expect(zh(documentType('changeRecord')!.missing(copy, period))).toEqual(gaps);
    const { doc, placeholders } = await render('changeRecord', copy, period, true);
    expect([...placeholders].sort()).toEqual([...gaps].sort());
    for (const gap of gaps) expect(doc.text).toContain(`【待补充：${gap}】`);
  });
});

describe('periodic documents without data', () => {
  it.each(keys)(
    '%s: says what is missing, refuses without allowMissing, marks 待补充 with it',
    async (key) => {
      const empty = emptyFixture();
      const type = documentType(key)!;
      const missing = zh(type.missing(empty));
      expect(missing.length).toBeGreaterThan(0);
      expect(type.defaultPeriod!(empty)).toBeNull();
      expect(buildDocument(key, empty, exportFor(key).meta, { allowMissing: false, rasteriseChart })).toEqual({
        ok: false,
        missing: type.missing(empty),
      });
      const { doc, placeholders, bytes } = await render(key, empty, undefined, true);
      expect([...placeholders].sort()).toEqual([...missing].sort());
      for (const message of missing) expect(doc.text).toContain(`【待补充：${message}】`);
      expect(await validationErrors(bytes)).toEqual([]);
    },
    60_000,
  );

  it('a patrol month without entries is missing, and so is the SLA the report judges against', () => {
    const { data: copy } = richFixture();
    copy.sla = null;
    const before = monthPeriod('2026-02');
    expect(zh(documentType('patrolMonthlyReport')!.missing(copy, before))).toEqual([
      '2026年2月 没有巡检记录',
      '服务级别协议未填写',
    ]);
  });
});

describe('chart drawing', () => {
  it('scales the y axis in steps a reader can add up', () => {
    expect(niceScale(0, 93)).toEqual({ min: 0, max: 100, interval: 20 });
    expect(niceScale(0, 0.74)).toEqual({ min: 0, max: 0.8, interval: 0.2 });
  });

  it('rasterises the fallback from the SVG at twice the layout size', () => {
    const spec = {
      categories: ['03-01', '03-02', '03-03'],
      series: [{ name: 'a', values: [40, null, 60] }],
      thresholds: [{ level: 'warning' as const, value: 80, label: '警告 80 %' }],
      unit: '%',
      bounds: { min: 0, max: 100 },
    };
    const layout = chartLayout(spec);
    const info = imageInfo(rasteriseChart(lineChartSvg(spec, layout), layout.width * 2))!;
    expect(info).toEqual({ kind: 'png', width: layout.width * 2, height: layout.height * 2 });
  });
});
