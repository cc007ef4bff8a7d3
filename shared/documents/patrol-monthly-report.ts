import { type FileChild, Paragraph, TextRun } from 'docx';
import { type ClockCompliance, monthlyAvailability, monthlyCompliance } from '../operations/compliance';
import { formatLocalDateTime, type TimeZone } from '../date-time';
import { outagesOf } from '../operations/outages';
import { serviceCalendar } from '../operations/service-calendar';
import { incidentTimingFromFields, type IncidentTiming } from '../operations/sla-clock';
import { formatWithUnit, metricLevelLabels } from '../operations/thresholds';
import { assetTypes } from '../records/asset';
import { changeTypes, incidentSources, incidentStatuses } from '../records/operations';
import { changeStatusText } from './house-style';
import { priorityLevels } from '../records/sla';
import { firstWithRole, roleLabel } from './common';
import { projectTimeZone } from '../records/project';
import { type BuildResult, live } from './data';
import { bulkTable } from './kit/bulk-table';
import { chartFigure } from './kit/chart-figure';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext, type DocumentPeriod } from './kit/context';
import { minutesText, timeSpan } from './kit/format';
import type { ThresholdLine } from './kit/line-chart';
import type { DocumentMeta } from './kit/meta';
import { signOffBlock } from './kit/sign-off';
import { colors } from './kit/styles';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, bulletList, heading, orDash, placeholder, textRuns } from './kit/text';
import { styleIds } from './kit/styles';
import { baselineDrift, PERCENT_DRIFT_TOLERANCE } from './parts/baseline-drift';
import { gradedAnomalies } from './parts/anomaly-incidents';
import { assetName, changesIn, clocksReadAt, incidentClockText, incidentsReportedIn } from './parts/ops-records';
import { indicatorResults, measureLabel } from './parts/sla-indicators';
import { monthEndWatch, watchSentences, type WatchItem } from './parts/month-end';
import { chapterRef } from './chapters';
import {
  assetShortName,
  frequencyLabel,
  type JoinedEntry,
  levelFills,
  metricDefsFor,
  patrolEntriesIn,
  type ReadingRow,
  readingRows,
} from './parts/patrol-data';
import {
  dailyCompletion,
  type MetricTrend,
  metricTrends,
  planExecution,
  shiftsPerDay,
} from './parts/patrol-statistics';
import { isValidPeriod, periodDays, periodLabel, titleWithPeriod, weekdayOf } from './parts/period';
import {
  PATROL_MONTHLY_REPORT_TITLE,
  type PatrolMonthlyReportData,
  patrolMonthlyReportGaps as gaps,
  patrolReportMonth,
  patrolMonthlyReportMissing,
} from './catalogue/patrol-monthly-report';

/** Charts per report and lines per chart: enough to see the month, few enough to read. */
const MAX_CHARTS = 10;
const MAX_SERIES = 6;

/** 03-25 09:20 within the period's year, else the full date and time. */
function shortDateTime(value: string, period: DocumentPeriod): string {
  if (!value) return '';
  return value.startsWith(period.from.slice(0, 4))
    ? value.slice(5, 16).replace('T', ' ')
    : value.slice(0, 16).replace('T', ' ');
}

/** The instant the clocks are read at: 2026-04-01 24:00 for the end of that day. */
function readAtText(instant: number, zone: TimeZone): string {
  const text = formatLocalDateTime(instant, zone).replace('T', ' ');
  return text.endsWith(' 00:00') ? `${formatLocalDateTime(instant - 60_000, zone).slice(0, 10)} 24:00` : text;
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

function complianceCell(c: ClockCompliance | 'n/a'): string {
  if (c === 'n/a') return '无时限';
  const pending = c.pending ? `\n计时中 ${c.pending}` : '';
  return c.percent === null ? `—${pending}` : `${c.percent}%（${c.met}/${c.met + c.missed}）${pending}`;
}

export function buildPatrolMonthlyReport(
  data: PatrolMonthlyReportData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  const missing = patrolMonthlyReportMissing(data, options.period);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project, sla } = data;
  const requested = patrolReportMonth(data, options.period);
  const period = requested && isValidPeriod(requested) ? requested : null;
  const label = period ? periodLabel(period) : '';
  const patrolGap = missing.find((m) => m !== gaps.sla);
  const body: FileChild[] = [];

  const entries = period ? patrolEntriesIn(data, period) : [];
  const defsByType = new Map<string, ReturnType<typeof metricDefsFor>>();
  const defsOf = (assetType: string) => {
    if (!defsByType.has(assetType)) defsByType.set(assetType, metricDefsFor(assetType, data.serviceDesign));
    return defsByType.get(assetType)!;
  };
  const readingCache = new Map<JoinedEntry, ReadingRow[]>();
  const readingsOf = (joined: JoinedEntry) => {
    let rows = readingCache.get(joined);
    if (!rows) {
      rows = readingRows(joined.entry, defsOf(joined.asset.type));
      readingCache.set(joined, rows);
    }
    return rows;
  };
  const readings = entries.flatMap((joined) => readingsOf(joined).map((reading) => ({ joined, reading })));
  const anomalies = readings.filter(({ reading }) => reading.level === 'warning' || reading.level === 'critical');
  const countLevel = (level: string) => anomalies.filter((a) => a.reading.level === level).length;
  const executions = period ? planExecution(data, period, entries) : [];
  const plannedRounds = executions.reduce((n, e) => n + e.plannedRounds, 0);
  const doneRounds = executions.reduce((n, e) => n + Math.min(e.doneRounds, e.plannedRounds), 0);
  const completion = plannedRounds ? doneRounds / plannedRounds : null;

  const incidents = period ? incidentsReportedIn(data.incidents, period) : [];
  const zone = projectTimeZone(project);
  const now = period ? clocksReadAt(meta.date, period, zone) : 0;
  const month = period?.from.slice(0, 7) ?? '';
  const timings = live(data.incidents).flatMap((i): IncidentTiming[] => {
    const timing = incidentTimingFromFields(i, zone);
    return timing ? [timing] : [];
  });
  const compliance =
    sla && period
      ? monthlyCompliance(serviceCalendar(sla, { timeZone: zone }), sla, timings, { now, months: [month] })
      : [];
  const decided = (kind: 'response' | 'resolution') =>
    compliance.reduce(
      (sum, row) => {
        const c = row[kind];
        return c === 'n/a' ? sum : { met: sum.met + c.met, all: sum.all + c.met + c.missed };
      },
      { met: 0, all: 0 },
    );
  const response = decided('response');
  const resolution = decided('resolution');
  const availability =
    sla && period
      ? monthlyAvailability(sla, outagesOf(live(data.incidents), live(data.changeRecords), zone), [month], {
          now,
          timeZone: zone,
        })
      : [];
  const changes = period ? changesIn(data.changeRecords, period, zone) : [];
  const trends = period
    ? metricTrends(entries, readingsOf, periodDays(period), { maxCharts: MAX_CHARTS, maxSeries: MAX_SERIES })
    : [];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }));
  if (patrolGap) body.push(placeholder(ctx, patrolGap));
  if (period && entries.length > 0) {
    const assets = new Set(entries.map((j) => j.asset.id));
    const byPriority = priorityLevels
      .map((p) => [p, incidents.filter((i) => i.priority === p).length] as const)
      .filter(([, n]) => n > 0)
      .map(([p, n]) => `${p} ${n}`)
      .join('、');
    body.push(
      ...keyValueTable(
        ctx,
        [
          ['统计期间', `${period.from} 至 ${period.to.slice(5)}`],
          ['巡检计划', `${executions.length} 个`],
          ['巡检对象', `${assets.size} 个`],
          ['巡检完成率', completion === null ? '—' : `${percent(completion)}（${doneRounds}/${plannedRounds} 轮）`],
          ['巡检记录', `${entries.length} 条（读数 ${readings.length} 项）`],
          ['异常读数', `警告 ${countLevel('warning')}，严重 ${countLevel('critical')}`],
          ['故障', incidents.length ? `${incidents.length} 起（${byPriority}）` : '无'],
          [
            '响应达标率',
            response.all ? `${percent(response.met / response.all)}（${response.met}/${response.all}）` : '—',
          ],
          [
            '解决达标率',
            resolution.all ? `${percent(resolution.met / resolution.all)}（${resolution.met}/${resolution.all}）` : '—',
          ],
          ['变更', `${changes.length} 项`],
        ],
        { perRow: 2, caption: `${label}运维概况` },
      ),
    );
    body.push(
      bodyParagraph(
        `${label}，乙方按 ${executions.length} 个巡检计划对 ${assets.size} 个运维对象进行日常巡检，应巡检 ${plannedRounds} 轮、实际完成 ${doneRounds} 轮，完成率 ${percent(completion)}；记录读数 ${readings.length} 项，其中警告 ${countLevel('warning')} 项、严重 ${countLevel('critical')} 项。本月报告故障 ${incidents.length} 起，记录变更 ${changes.length} 项。`,
      ),
    );
  }

  // 2 巡检执行情况 -------------------------------------------------------------------------------
  body.push(heading('巡检执行情况', 1), heading('巡检计划执行', 2));
  if (patrolGap) body.push(placeholder(ctx, patrolGap));
  else {
    body.push(
      bodyParagraph(
        '应巡检轮次按计划频率计算：每日计划每天一轮，每班计划每班一轮，每周计划每周一轮，每月计划每月一轮；计划自其第一次巡检之日起计。',
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '巡检计划执行情况',
        columns: [
          { title: '巡检计划', width: 24 },
          { title: '频率', width: 8, align: 'center' },
          { title: '对象数', width: 9, align: 'center' },
          { title: '应巡检\n轮次', width: 10, align: 'center' },
          { title: '实际\n轮次', width: 9, align: 'center' },
          { title: '完成率', width: 13, align: 'center' },
          { title: '巡检记录\n（实际/应）', width: 15, align: 'center' },
          { title: '负责人', width: 12, align: 'center' },
        ],
        rows: executions.map((e) => [
          e.plan.name,
          frequencyLabel(e.plan),
          String(e.assets),
          String(e.plannedRounds),
          String(e.doneRounds),
          e.completion !== null && e.completion < 1
            ? { text: percent(e.completion), fill: levelFills.warning }
            : percent(e.completion),
          `${e.entries}/${e.plannedEntries}`,
          orDash(e.plan.assignee),
        ]),
      }),
    );
    const days = dailyCompletion(executions, entries, readingsOf, shiftsPerDay(data.serviceDesign));
    if (days.length > 0) {
      const manyPlans = new Set(days.map((d) => d.plan.id)).size > 1;
      body.push(heading('每日完成情况', 2));
      body.push(
        ...bulkTable(ctx, {
          caption: '每日巡检完成情况',
          compact: true,
          columns: [
            { title: '日期', width: 15, align: 'center' },
            { title: '星期', width: 9, align: 'center' },
            ...(manyPlans ? [{ title: '巡检计划', width: 24 }] : []),
            { title: '应巡检', width: 11, align: 'center' as const },
            { title: '已巡检', width: 11, align: 'center' as const },
            { title: '完成率', width: 12, align: 'center' as const },
            { title: '警告', width: 9, align: 'center' as const },
            { title: '严重', width: 9, align: 'center' as const },
          ],
          rows: days.map((d) => {
            const share = d.expected ? Math.min(1, d.done / d.expected) : null;
            return [
              d.date,
              weekdayOf(d.date),
              ...(manyPlans ? [d.plan.name] : []),
              String(d.expected),
              String(d.done),
              share !== null && share < 1 ? { text: percent(share), fill: levelFills.warning } : percent(share),
              d.warning ? { text: String(d.warning), fill: levelFills.warning } : '0',
              d.critical ? { text: String(d.critical), fill: levelFills.critical } : '0',
            ];
          }),
        }),
      );
    }
    body.push(heading('异常统计', 2));
    if (anomalies.length === 0) body.push(bodyParagraph(`${label}巡检未发现超过阈值的读数。`));
    else {
      const byMetric = new Map<
        string,
        { label: string; type: string; warning: number; critical: number; assets: Set<string> }
      >();
      const byAsset = new Map<string, { name: string; warning: number; critical: number; last: string }>();
      for (const { joined, reading } of anomalies) {
        const metric = byMetric.get(`${reading.key}|${joined.asset.type}`) ?? {
          label: reading.label,
          type: assetTypes[joined.asset.type].zh,
          warning: 0,
          critical: 0,
          assets: new Set<string>(),
        };
        byMetric.set(`${reading.key}|${joined.asset.type}`, metric);
        metric[reading.level as 'warning' | 'critical']++;
        metric.assets.add(joined.asset.id);
        const asset = byAsset.get(joined.asset.id) ?? {
          name: assetShortName(joined.asset),
          warning: 0,
          critical: 0,
          last: '',
        };
        byAsset.set(joined.asset.id, asset);
        asset[reading.level as 'warning' | 'critical']++;
        const seen = `${joined.entry.date} ${reading.label} ${reading.valueText}`;
        if (seen > asset.last) asset.last = seen;
      }
      body.push(
        bodyParagraph(
          `${label}巡检共发现异常读数 ${anomalies.length} 项：警告 ${countLevel('warning')} 项，严重 ${countLevel('critical')} 项。按巡检项与对象统计如下。`,
        ),
      );
      body.push(
        ...dataTable(ctx, {
          caption: '异常读数按巡检项统计',
          columns: [
            { title: '巡检项', width: 30 },
            { title: '对象类型', width: 16, align: 'center' },
            { title: '警告', width: 14, align: 'center' },
            { title: '严重', width: 14, align: 'center' },
            { title: '涉及对象', width: 14, align: 'center' },
          ],
          rows: [...byMetric.values()]
            .sort((a, b) => b.critical - a.critical || b.warning - a.warning)
            .map((m) => [
              m.label,
              m.type,
              String(m.warning),
              m.critical ? { text: String(m.critical), fill: levelFills.critical } : '0',
              `${m.assets.size} 个`,
            ]),
        }),
      );
      body.push(
        ...dataTable(ctx, {
          caption: '异常较多的运维对象',
          columns: [
            { title: '运维对象', width: 24 },
            { title: '警告', width: 12, align: 'center' },
            { title: '严重', width: 12, align: 'center' },
            { title: '最近一次异常', width: 52 },
          ],
          rows: [...byAsset.values()]
            .sort((a, b) => b.critical + b.warning - (a.critical + a.warning) || b.critical - a.critical)
            .slice(0, 10)
            .map((a) => [a.name, String(a.warning), String(a.critical), a.last]),
        }),
      );
    }
  }

  // What became of the anomalies: the grading rules make each an incident, or a reason says why not.
  if (period && !patrolGap) {
    const graded = gradedAnomalies(data).filter((a) => a.entry.date >= period.from && a.entry.date <= period.to);
    if (graded.length > 0) {
      body.push(heading('异常转故障情况', 2));
      const raised = graded.filter((a) => a.incidentId);
      const notRaised = graded.filter((a) => !a.incidentId);
      const incidentCount = new Set(raised.map((a) => a.incidentId)).size;
      body.push(
        bodyParagraph(
          textRuns(
            `按《运维技术方案》${chapterRef('opsTechnicalPlan', 'grading')}的故障分级规则，上述 ${graded.length} 项异常读数均应登记为故障：${raised.length} 项已转故障（${incidentCount} 起，同一对象同一指标连续异常计为一起）`,
            ...(notRaised.length
              ? [`，${notRaised.length} 项未转故障，原因见`, ctx.reference('table', 'anomalies-not-raised')]
              : []),
            '。',
          ),
        ),
      );
      if (notRaised.length) {
        const assetsById = new Map(live(data.assets).map((a) => [a.id, a]));
        body.push(
          ...dataTable(ctx, {
            caption: '未转故障的异常读数',
            captionKey: 'anomalies-not-raised',
            columns: [
              { title: '日期', width: 14, align: 'center' },
              { title: '运维对象', width: 18 },
              { title: '巡检项与读数', width: 21 },
              // 警告（P4） on one line.
              { title: '级别', width: 14, align: 'center' },
              { title: '未转故障原因', width: 33 },
            ],
            rows: notRaised.map((a): Cell[] => [
              a.entry.date,
              assetShortName(assetsById.get(a.assetId)!),
              `${a.reading.label} ${a.reading.valueText}`,
              { text: `${metricLevelLabels[a.level]}（${a.priority}）`, fill: levelFills[a.level] },
              a.reason ? a.reason : { text: '未说明原因', color: colors.overdue, bold: true },
            ]),
          }),
        );
      }
    }
  }

  // 3 趋势分析 ----------------------------------------------------------------------------------
  body.push(heading('趋势分析', 1));
  if (patrolGap) body.push(placeholder(ctx, patrolGap));
  else {
    body.push(heading('关键指标走势', 2));
    if (trends.length === 0) body.push(bodyParagraph(`${label}没有可绘制趋势的数值型巡检读数。`));
    else {
      body.push(
        bodyParagraph(
          `以下各图为${label}关键指标的逐日走势（每台对象每日取最不利的读数），每图最多列出最接近或超过阈值的 ${MAX_SERIES} 台对象；橙色虚线为警告阈值，红色虚线为严重阈值。`,
        ),
      );
      for (const trend of trends) body.push(...trendFigure(ctx, trend, period!));
    }
    body.push(heading('与配置基线的对比', 2));
    const { drifts, compared } = baselineDrift(data, entries, defsOf);
    if (compared === 0) body.push(bodyParagraph('巡检对象尚无签字确认的配置基线可供对比。'));
    else if (drifts.length === 0) {
      body.push(
        bodyParagraph(
          `${compared} 个有签字基线的对象，${label}最后一轮巡检读数与基线一致（百分比指标相差不超过 ${PERCENT_DRIFT_TOLERANCE} 个百分点）。`,
        ),
      );
    } else {
      body.push(
        bodyParagraph(
          `将 ${compared} 个有签字基线的对象${label}最后一轮的巡检读数与其配置基线检查的结果对比，下列读数已偏离基线（百分比指标相差超过 ${PERCENT_DRIFT_TOLERANCE} 个百分点，其他指标有任何变化），宜核实是否为计划内的变化，必要时更新基线或安排整改。`,
        ),
      );
      body.push(
        ...dataTable(ctx, {
          caption: '偏离配置基线的巡检读数',
          columns: [
            { title: '运维对象', width: 20 },
            { title: '巡检项', width: 22 },
            { title: '基线值', width: 16, align: 'center' },
            { title: '基线签字', width: 14, align: 'center' },
            { title: '最后读数', width: 14, align: 'center' },
            { title: '读数日期', width: 14, align: 'center' },
          ],
          rows: drifts.map((d) => [
            assetShortName(d.asset),
            d.label,
            d.baseline,
            orDash(d.signedAt),
            d.reading,
            d.readOn,
          ]),
        }),
      );
    }
  }

  // 4 故障与 SLA 达成 ----------------------------------------------------------------------------
  body.push(heading('故障与 SLA 达成', 1), heading('SLA 达成情况', 2));
  if (!sla) body.push(placeholder(ctx, gaps.sla));
  else if (!period) body.push(placeholder(ctx, patrolGap!));
  else {
    body.push(
      bodyParagraph(
        `按报障时间统计${label}报告的故障；响应与解决是否达标按服务级别协议的时限${sla.serviceHours === '7x24' ? '全天候' : '在服务时间内'}计时判定，计时截至 ${readAtText(now, zone)}，尚在时限内计时的故障不计入达标率。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '故障数量与 SLA 达成（按级别）',
        keepTogether: true,
        columns: [
          { title: '级别', width: 10, align: 'center' },
          { title: '故障数', width: 12, align: 'center' },
          { title: '响应时限', width: 14, align: 'center' },
          { title: '响应达标', width: 25, align: 'center' },
          { title: '解决时限', width: 14, align: 'center' },
          { title: '解决达标', width: 25, align: 'center' },
        ],
        rows: compliance.map((row) => {
          const target = sla.priorities.find((p) => p.level === row.priority);
          const missed = (c: ClockCompliance | 'n/a') => c !== 'n/a' && c.missed > 0;
          const cell = (c: ClockCompliance | 'n/a'): Cell =>
            missed(c) ? { text: complianceCell(c), color: colors.overdue, bold: true } : complianceCell(c);
          return [
            { text: row.priority, bold: true },
            String(row.count),
            orDash(minutesText(target?.responseMinutes ?? null)),
            cell(row.response),
            orDash(minutesText(target?.resolutionMinutes ?? null)),
            cell(row.resolution),
          ];
        }),
      }),
    );
  }
  body.push(heading('故障清单', 2));
  if (!period) body.push(placeholder(ctx, patrolGap ?? gaps.noPatrol));
  else if (incidents.length === 0) body.push(bodyParagraph(`${label}未报告故障。`));
  else {
    body.push(
      ...dataTable(ctx, {
        caption: '本月故障清单',
        compact: true,
        columns: [
          { title: '报障时间', width: 13, align: 'center' },
          { title: '故障', width: 26 },
          { title: '级别', width: 7, align: 'center' },
          { title: '运维对象', width: 15 },
          { title: '恢复时间', width: 13, align: 'center' },
          { title: '状态', width: 9, align: 'center' },
          { title: '响应', width: 8, align: 'center' },
          { title: '解决', width: 9, align: 'center' },
        ],
        rows: incidents.map((i) => {
          const clocks = incidentClockText(i, sla, now, zone);
          const clock = (text: string, status: string | null): Cell =>
            status === 'breached' ? { text, color: colors.overdue, bold: true } : orDash(text);
          return [
            shortDateTime(i.reportedAt, period),
            `${i.title}（${incidentSources[i.source].zh}）`,
            i.priority,
            orDash(assetName(data.assets, i.assetId)),
            orDash(shortDateTime(i.resolvedAt, period)),
            incidentStatuses[i.status].zh,
            clock(clocks.response, clocks.responseStatus),
            clock(clocks.resolution, clocks.resolutionStatus),
          ];
        }),
      }),
    );
  }
  body.push(heading('服务可用性', 2));
  if (!sla) body.push(placeholder(ctx, gaps.sla));
  else if (!period) body.push(placeholder(ctx, patrolGap!));
  else if (availability.length === 0)
    body.push(bodyParagraph('服务级别协议未设定可用性目标，本月也没有记录服务中断。'));
  else {
    body.push(
      bodyParagraph(
        '可用性 =（本月总时间 − 非计划中断时间）÷ 本月总时间 × 100%，中断时间取故障记录的中断起止时间；经批准的变更窗口内的计划中断不计入。',
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '服务可用性',
        keepTogether: true,
        columns: [
          { title: '服务/系统', width: 30 },
          { title: '非计划中断', width: 18, align: 'center' },
          { title: '可用性', width: 16, align: 'center' },
          { title: '目标', width: 16, align: 'center' },
          { title: '结论', width: 20, align: 'center' },
        ],
        rows: availability.map((a) => [
          a.service,
          a.downtimeMinutes === 0 ? '无' : minutesText(Math.round(a.downtimeMinutes)),
          `${a.percent.toFixed(3)}%`,
          a.target
            ? `≥ ${a.target.targetPercent}%${a.target.period === 'month' ? '' : `（${a.target.period === 'quarter' ? '季度' : '年度'}）`}`
            : '—',
          a.target ? (a.target.met ? '达标' : { text: '未达标', color: colors.overdue, bold: true }) : '—',
        ]),
      }),
    );
  }

  body.push(heading('考核指标', 2));
  const indicators =
    sla && period
      ? indicatorResults(sla, {
          response,
          resolution,
          availability: availability.map((a) => ({ service: a.service, percent: a.percent })),
          patrol: plannedRounds ? { done: doneRounds, planned: plannedRounds } : null,
        })
      : [];
  if (!sla) body.push(placeholder(ctx, gaps.sla));
  else if (!period) body.push(placeholder(ctx, patrolGap!));
  else if (indicators.length === 0) body.push(bodyParagraph('服务级别协议未设定考核指标。'));
  else {
    body.push(
      bodyParagraph(
        `按服务级别协议的考核指标，以本章统计的${label}数据计算实际值并与目标对照；未达标的按协议约定处理。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '考核指标达成',
        keepTogether: true,
        columns: [
          { title: '考核指标', width: 20 },
          { title: '目标', width: 12, align: 'center' },
          { title: '本月实际', width: 22, align: 'center' },
          { title: '结论', width: 11, align: 'center' },
          { title: '未达标处理', width: 35 },
        ],
        rows: indicators.map((r): Cell[] => [
          r.indicator.measure === 'other' || measureLabel(r.indicator) === r.indicator.name
            ? r.indicator.name
            : `${r.indicator.name}\n（${measureLabel(r.indicator)}）`,
          orDash(r.target),
          r.actual,
          r.met === null ? '—' : r.met ? '达标' : { text: '未达标', color: colors.overdue, bold: true },
          // The deduction is the SLA's figure; the consequence in words only when no figure is set.
          orDash(
            r.indicator.deductionPercent !== null
              ? `扣减当月服务费 ${r.indicator.deductionPercent}%`
              : r.indicator.consequence,
          ),
        ]),
      }),
    );
    const missedIndicators = indicators.filter((r) => r.met === false);
    const deduction = missedIndicators.reduce((sum, r) => sum + r.deduction, 0);
    body.push(
      bodyParagraph(
        missedIndicators.length === 0
          ? `${label}考核指标均达标${indicators.some((r) => r.met === null) ? '（无可判定数据的指标不作结论）' : ''}。`
          : `${label}未达标的考核指标 ${missedIndicators.length} 项（${missedIndicators.map((r) => r.indicator.name).join('、')}）${deduction ? `，按服务级别协议扣减当月服务费合计 ${deduction}%` : ''}${sla.penalties.trim() ? `；${sla.penalties.trim()}` : '。'}`,
      ),
    );
  }

  // 5 变更情况 ----------------------------------------------------------------------------------
  body.push(heading('变更情况', 1));
  if (!period) body.push(placeholder(ctx, patrolGap ?? gaps.noPatrol));
  else if (changes.length === 0) body.push(bodyParagraph(`${label}无变更。`));
  else {
    body.push(
      bodyParagraph(
        `${label}的变更 ${changes.length} 项如下，每项变更的评估、审批、测试、实施与回退情况见《变更记录》。`,
      ),
    );
    body.push(
      ...dataTable(ctx, {
        caption: '本月变更',
        columns: [
          { title: '变更', width: 28 },
          { title: '类型', width: 11, align: 'center' },
          { title: '状态', width: 9, align: 'center' },
          { title: '实施窗口', width: 24, align: 'center' },
          { title: '审批人', width: 12, align: 'center' },
          { title: '回退', width: 8, align: 'center' },
        ],
        rows: changes.map((c) => [
          c.title,
          changeTypes[c.type].zh,
          changeStatusText(c.state),
          orDash(timeSpan(c.windowStart, c.windowEnd)),
          orDash(c.approver),
          c.state === 'closed' ? (c.rollbackUsed === 'yes' ? '已回退' : '否') : '—',
        ]),
      }),
    );
  }

  // 6 总结与建议 --------------------------------------------------------------------------------
  body.push(heading('总结与建议', 1));
  if (patrolGap) body.push(placeholder(ctx, patrolGap));
  else
    body.push(
      ...bulletList(
        conclusions({
          label,
          completion,
          plannedRounds,
          doneRounds,
          anomalies: anomalies.length,
          watch: monthEndWatch(entries, readingsOf),
          incidents: incidents.length,
          compliance,
          availability,
          changes: changes.length,
        }),
      ),
    );

  const customer = firstWithRole(data.members, 'customerContact');
  const pm = firstWithRole(data.members, 'pm');
  body.push(
    ...signOffBlock(
      ctx,
      `甲乙双方确认本月报所列${label}巡检、故障、SLA 达成与变更情况。`,
      [
        { side: 'customer', organisation: project.customer, name: customer?.name ?? '' },
        { side: 'provider', organisation: meta.company, name: pm?.name ?? '', title: pm ? roleLabel(pm.role) : '' },
      ],
      { customer: project.customer, provider: meta.company },
    ),
  );

  const title = titleWithPeriod(PATROL_MONTHLY_REPORT_TITLE, period);
  const document = composeDocument({
    ctx,
    meta,
    title,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

/** A body paragraph kept on the page of what follows it (the chart it introduces). */
function keptWithNext(text: string): Paragraph {
  return new Paragraph({ style: styleIds.body, keepNext: true, children: [new TextRun(text)] });
}

/** One metric's chart, with a sentence on its worst asset before it. */
function trendFigure(ctx: DocumentContext, trend: MetricTrend, period: DocumentPeriod): FileChild[] {
  const { def } = trend;
  const type = assetTypes[trend.assetType].zh;
  const levels: ThresholdLine[] = [
    ...(def.warning !== null
      ? [{ level: 'warning' as const, value: def.warning, label: `警告 ${formatWithUnit(def.warning, def.unit)}` }]
      : []),
    ...(def.critical !== null
      ? [{ level: 'critical' as const, value: def.critical, label: `严重 ${formatWithUnit(def.critical, def.unit)}` }]
      : []),
  ];
  const percentScale = def.unit === '%' && def.range?.max === 100;
  // A level far above everything read (接口错包: 警告 1, 严重 1000, readings under 20) would squash
  // the lines flat against the axis: it is left out of the picture and named in the caption.
  const dataMax = Math.max(0, ...trend.series.map((s) => s.worst));
  const reach =
    3 *
    Math.max(
      dataMax,
      ...levels.map((l) => l.value).filter((v) => v <= 3 * dataMax),
      Math.min(...levels.map((l) => l.value)),
    );
  const thresholds = percentScale ? levels : levels.filter((l) => l.value <= reach);
  const offChart = levels.filter((l) => !thresholds.includes(l));
  const worst = trend.series[0];
  const levelText = [
    ...thresholds.map((t) => t.label),
    ...offChart.map((t) => `${t.label}（高于图示范围，未画出）`),
  ].join('，');
  const subset =
    trend.assetCount > trend.series.length
      ? `，取最接近阈值的 ${trend.series.length} 台，共 ${trend.assetCount} 台`
      : '';
  const out: FileChild[] = [];
  if (worst) {
    out.push(
      keptWithNext(
        `${type}${def.label}：本月${def.direction === 'below' ? '最低' : '最高'}为 ${assetShortName(worst.asset)} 的 ${formatWithUnit(worst.worst, def.unit)}${trend.anomalies ? `，共 ${trend.anomalies} 次读数达到警告及以上` : '，均在阈值以内'}。`,
      ),
    );
  }
  out.push(
    ...chartFigure(ctx, {
      spec: {
        categories: periodDays(period).map((d) => d.slice(5)),
        series: trend.series.map((s) => ({ name: assetShortName(s.asset), values: s.values })),
        thresholds,
        unit: def.unit,
        bounds: percentScale ? { min: 0, max: 100 } : undefined,
      },
      caption: `${type}${def.label}逐日走势（${periodLabel(period)}${subset}${levelText ? `；${levelText}` : ''}）`,
      description: `${periodLabel(period)}${type}${def.label}每日读数折线图，${trend.series.map((s) => assetShortName(s.asset)).join('、')}`,
    }),
  );
  return out;
}

interface ConclusionInput {
  label: string;
  completion: number | null;
  plannedRounds: number;
  doneRounds: number;
  anomalies: number;
  watch: WatchItem[];
  incidents: number;
  compliance: ReturnType<typeof monthlyCompliance>;
  availability: ReturnType<typeof monthlyAvailability>;
  changes: number;
}

/** The closing points, from the figures above: what went well, what was missed, what to watch. */
function conclusions(input: ConclusionInput): string[] {
  const points: string[] = [];
  points.push(
    input.completion === null
      ? `${input.label}没有应执行的巡检轮次。`
      : input.completion >= 1
        ? `巡检按计划全部完成（${input.doneRounds}/${input.plannedRounds} 轮）。`
        : `巡检完成率 ${percent(input.completion)}，缺 ${input.plannedRounds - input.doneRounds} 轮，建议核实原因并在交接班中跟踪补巡。`,
  );
  const missed = input.compliance
    .filter(
      (row) =>
        (row.response !== 'n/a' && row.response.missed > 0) || (row.resolution !== 'n/a' && row.resolution.missed > 0),
    )
    .map((row) => row.priority);
  if (input.incidents === 0) points.push('本月未报告故障。');
  else if (missed.length === 0) points.push(`本月故障 ${input.incidents} 起，已判定的响应与解决均在 SLA 时限内。`);
  else
    points.push(
      `${missed.join('、')} 故障有超出 SLA 时限的情况，建议复盘超时原因（人员到场、备件、升级是否及时）并落实改进措施。`,
    );
  const unmet = input.availability.filter((a) => a.target && !a.target.met).map((a) => a.service);
  if (unmet.length) points.push(`${unmet.join('、')}的可用性未达到目标，建议分析中断原因并纳入下月重点。`);
  if (input.watch.length) points.push(`月末仍处于警告及以上的读数：${watchSentences(input.watch).join('；')}。`);
  else if (input.anomalies > 0) points.push('本月出现的异常读数在月末均已恢复到阈值以内。');
  points.push(
    input.changes ? `本月变更 ${input.changes} 项，各项的审批、测试、实施与回退情况见《变更记录》。` : '本月无变更。',
  );
  return points;
}
