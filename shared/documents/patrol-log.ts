import type { FileChild, Paragraph, Table } from 'docx';
import { incidentSources, incidentStatuses, opsTaskKinds } from '../records/operations';
import { PAGE_ESTIMATE_ROW_LIMIT } from './baseline-report';
import { firstWithRole } from './common';
import { projectTimeZone } from '../records/project';
import { type BuildResult, live } from './data';
import { bulkTable } from './kit/bulk-table';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import type { DocumentMeta } from './kit/meta';
import { type SignOffParty, signOffBlock } from './kit/sign-off';
import { colors } from './kit/styles';
import { type Cell, dataTable, keyValueTable } from './kit/table';
import { bodyParagraph, heading, labelled, orDash, placeholder } from './kit/text';
import { assetName, clocksReadAt, incidentClockText, incidentsReportedIn } from './parts/ops-records';
import {
  assetShortName,
  frequencyLabel,
  type JoinedEntry,
  levelFills,
  levelLabels,
  metricDefsFor,
  patrolEntriesIn,
  type ReadingRow,
  readingRows,
  thresholdText,
  timeOnDay,
} from './parts/patrol-data';
import { inPeriod, isValidPeriod, titleWithPeriod, weekdayOf } from './parts/period';
import { PATROL_LOG_TITLE, type PatrolLogData, patrolLogDay, patrolLogMissing } from './catalogue/patrol-log';

interface Round {
  plan: JoinedEntry['plan'];
  round: string;
  entries: JoinedEntry[];
}

function roundsOf(entries: JoinedEntry[]): Round[] {
  const rounds: Round[] = [];
  for (const joined of entries) {
    const last = rounds.at(-1);
    if (last && last.plan.id === joined.plan.id && last.round === joined.entry.round) last.entries.push(joined);
    else rounds.push({ plan: joined.plan, round: joined.entry.round, entries: [joined] });
  }
  return rounds;
}

interface Anomaly {
  joined: JoinedEntry;
  reading: ReadingRow;
}

function statusCell(reading: ReadingRow): Cell {
  const text = [reading.level ? levelLabels[reading.level] : '—', reading.carried ? '（沿用）' : ''].join('\n').trim();
  const fill = reading.level ? levelFills[reading.level] : undefined;
  return { text, fill, align: 'center' };
}

export function buildPatrolLog(data: PatrolLogData, meta: DocumentMeta, options: BuildOptions): BuildResult {
  const missing = patrolLogMissing(data, options.period);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project } = data;
  const day = patrolLogDay(data, options.period);
  const valid = day !== null && isValidPeriod(day);
  const date = valid ? day.from : '';
  const entries = valid ? patrolEntriesIn(data, day) : [];
  const gap = missing[0];
  const body: FileChild[] = [];
  const defsByType = new Map<string, ReturnType<typeof metricDefsFor>>();
  const readingsOf = (joined: JoinedEntry) => {
    if (!defsByType.has(joined.asset.type))
      defsByType.set(joined.asset.type, metricDefsFor(joined.asset.type, data.serviceDesign));
    return readingRows(joined.entry, defsByType.get(joined.asset.type)!);
  };
  const rounds = roundsOf(entries);
  const readings = entries.flatMap((joined) => readingsOf(joined).map((reading) => ({ joined, reading })));
  const anomalies: Anomaly[] = readings.filter(
    ({ reading }) => reading.level === 'warning' || reading.level === 'critical',
  );
  const count = (level: string) => anomalies.filter((a) => a.reading.level === level).length;
  const incidents = valid ? incidentsReportedIn(data.incidents, day) : [];
  const handovers = live(data.shiftHandovers)
    .filter((h) => valid && h.date === date)
    .sort((a, b) => a.round.localeCompare(b.round));
  const tasks = live(data.opsLogs)
    .filter((t) => valid && inPeriod(t.doneAt, day))
    .sort((a, b) => a.doneAt.localeCompare(b.doneAt));
  const engineers = [...new Set(entries.map((j) => j.entry.enteredBy.trim()).filter(Boolean))];
  const onDuty =
    engineers.length > 0 ? engineers : [...new Set(rounds.map((r) => r.plan.assignee.trim()).filter(Boolean))];

  // 1 概述 ------------------------------------------------------------------------------------
  body.push(heading('概述', 1, { newPage: true }));
  if (gap) body.push(placeholder(ctx, gap));
  if (entries.length > 0) {
    const planned = new Set(rounds.flatMap((r) => r.plan.assetIds));
    const patrolled = new Set(entries.map((j) => j.asset.id));
    const carried = readings.filter((r) => r.reading.carried).length;
    body.push(
      ...keyValueTable(
        ctx,
        [
          ['日期', `${date}（${weekdayOf(date)}）`],
          ['巡检计划', [...new Set(rounds.map((r) => `${r.plan.name}（${frequencyLabel(r.plan)}）`))].join('\n')],
          ['巡检对象', `${patrolled.size} 个（计划 ${planned.size} 个）`],
          ['值班工程师', orDash(onDuty.join('、'))],
          ['巡检读数', `${readings.length} 项${carried ? `（其中沿用 ${carried} 项）` : ''}`],
          ['异常', anomalies.length ? `警告 ${count('warning')} 项，严重 ${count('critical')} 项` : '无'],
          ['当日故障', `${incidents.length} 起`],
          ['交接班记录', `${handovers.length} 次`],
        ],
        { perRow: 2, caption: '当日巡检概况' },
      ),
    );
    body.push(
      bodyParagraph(
        `${date} 按${[...new Set(rounds.map((r) => `“${r.plan.name}”`))].join('、')}对 ${patrolled.size} 个运维对象进行了巡检，记录读数 ${readings.length} 项，${anomalies.length ? `发现警告 ${count('warning')} 项、严重 ${count('critical')} 项` : '未发现异常'}；当日报告故障 ${incidents.length} 起${tasks.length ? `，完成日常运维任务 ${tasks.length} 项` : ''}。`,
      ),
    );
  }

  // 2 巡检记录 ----------------------------------------------------------------------------------
  body.push(heading('巡检记录', 1));
  if (gap) body.push(placeholder(ctx, gap));
  const plans = [...new Map(rounds.map((r) => [r.plan.id, r.plan])).values()];
  for (const plan of plans) {
    const planRounds = rounds.filter((r) => r.plan.id === plan.id);
    body.push(heading(plan.name, 2));
    body.push(
      labelled(
        '巡检频率',
        `${frequencyLabel(plan)}${plan.assignee ? `；负责工程师：${plan.assignee}` : ''}；巡检对象 ${plan.assetIds.length} 个`,
      ),
    );
    for (const round of planRounds) {
      if (planRounds.length > 1 || round.round !== date) body.push(heading(`轮次 ${round.round}`, 3));
      body.push(...roundTable(ctx, round, readingsOf, date));
      const seen = new Set(round.entries.map((j) => j.asset.id));
      const skipped = plan.assetIds
        .filter((id) => !seen.has(id))
        .map((id) => assetName(data.assets, id))
        .filter(Boolean);
      if (skipped.length) body.push(labelled('本轮未巡检', `${skipped.length} 个：${skipped.join('、')}`));
      const notes = round.entries.filter((j) => j.entry.note.trim());
      for (const j of notes) body.push(labelled(`${assetShortName(j.asset)} 备注`, j.entry.note.trim()));
    }
  }
  if (readings.some((r) => r.reading.carried)) {
    body.push(
      bodyParagraph(
        '状态后注“（沿用）”的读数：巡检工程师确认该项与上一轮相比无变化，沿用上一轮的数值，并非本轮重新读取。',
      ),
    );
  }

  // 3 异常情况 ----------------------------------------------------------------------------------
  body.push(heading('异常情况', 1));
  if (gap) body.push(placeholder(ctx, gap));
  else if (anomalies.length === 0) body.push(bodyParagraph('当日巡检未发现超过阈值的读数。'));
  else {
    const raised = live(data.incidents);
    body.push(
      ...dataTable(ctx, {
        caption: '当日巡检异常',
        compact: true,
        columns: [
          { title: '运维对象', width: 18 },
          { title: '巡检项', width: 16 },
          { title: '读数', width: 12, align: 'center' },
          { title: '级别', width: 10, align: 'center' },
          { title: '阈值', width: 20 },
          { title: '转为故障', width: 24 },
        ],
        rows: [...anomalies]
          .sort((a, b) => (a.reading.level === b.reading.level ? 0 : a.reading.level === 'critical' ? -1 : 1))
          .map(({ joined, reading }) => {
            const incident = raised.find((i) => i.patrolEntryId === joined.entry.id);
            return [
              assetShortName(joined.asset),
              reading.label,
              orDash(reading.valueText),
              statusCell(reading),
              orDash(thresholdText(reading.def, '\n')),
              incident ? `${incident.priority} ${incident.title}` : '—',
            ];
          }),
      }),
    );
  }

  // 4 故障报告 ----------------------------------------------------------------------------------
  body.push(heading('故障报告', 1));
  if (!valid) body.push(placeholder(ctx, gap!));
  else if (incidents.length === 0) body.push(bodyParagraph('当日未报告故障。'));
  else {
    const zone = projectTimeZone(data.project);
    const now = clocksReadAt(meta.date, day, zone);
    body.push(
      ...dataTable(ctx, {
        caption: '当日报告的故障',
        compact: true,
        columns: [
          { title: '时间', width: 8, align: 'center' },
          { title: '故障', width: 23 },
          { title: '级别', width: 7, align: 'center' },
          { title: '来源', width: 11, align: 'center' },
          { title: '运维对象', width: 16 },
          { title: '负责人', width: 9, align: 'center' },
          { title: '状态', width: 9, align: 'center' },
          { title: 'SLA 响应/解决', width: 17, align: 'center' },
        ],
        rows: incidents.map((i) => {
          const clocks = incidentClockText(i, data.sla, now, zone);
          return [
            timeOnDay(i.reportedAt, date),
            i.title,
            i.priority,
            incidentSources[i.source].zh,
            orDash(assetName(data.assets, i.assetId)),
            orDash(i.owner),
            incidentStatuses[i.status].zh,
            clocks.response ? `${clocks.response} / ${clocks.resolution}` : '—',
          ];
        }),
      }),
    );
  }

  // 5 交接班记录 --------------------------------------------------------------------------------
  body.push(heading('交接班记录', 1));
  if (!valid) body.push(placeholder(ctx, gap!));
  else if (handovers.length === 0) body.push(bodyParagraph('当日无交接班记录。'));
  else {
    body.push(
      ...dataTable(ctx, {
        caption: '交接班记录',
        columns: [
          { title: '轮次', width: 18, align: 'center' },
          { title: '交班人', width: 12, align: 'center' },
          { title: '接班人', width: 12, align: 'center' },
          { title: '交接内容', width: 58 },
        ],
        rows: handovers.map((h) => [h.round, orDash(h.handedOverBy), orDash(h.takenOverBy), orDash(h.note)]),
      }),
    );
  }

  // 6 日常运维工作 -------------------------------------------------------------------------------
  body.push(heading('日常运维工作', 1));
  if (!valid) body.push(placeholder(ctx, gap!));
  else if (tasks.length === 0) body.push(bodyParagraph('当日无日常运维任务记录。'));
  else {
    body.push(
      ...dataTable(ctx, {
        caption: '当日完成的日常运维任务',
        columns: [
          { title: '时间', width: 9, align: 'center' },
          { title: '任务', width: 12, align: 'center' },
          { title: '内容', width: 26 },
          { title: '涉及对象', width: 14 },
          { title: '执行人', width: 10, align: 'center' },
          { title: '结果', width: 9, align: 'center' },
          { title: '说明', width: 20 },
        ],
        rows: tasks.map((t) => [
          timeOnDay(t.doneAt, date),
          opsTaskKinds[t.kind].zh,
          t.title,
          orDash(
            t.assetIds
              .map((id) => assetName(data.assets, id))
              .filter(Boolean)
              .join('、'),
          ),
          orDash(t.doneBy),
          t.result === 'ok' ? '正常' : { text: '有问题', fill: levelFills.warning },
          orDash(t.notes),
        ]),
      }),
    );
  }

  // 签字 --------------------------------------------------------------------------------------
  const customer = firstWithRole(data.members, 'customerContact');
  const parties: SignOffParty[] = [
    { side: 'customer', organisation: project.customer, name: customer?.name ?? '' },
    ...(onDuty.length ? onDuty : ['']).map((name): SignOffParty => ({
      side: 'provider',
      organisation: meta.company,
      name,
      title: '值班工程师',
      date,
    })),
  ];
  body.push(
    ...signOffBlock(ctx, '值班工程师对以上巡检记录的真实、完整负责；甲方确认已知悉当日巡检情况。', parties, {
      customer: project.customer,
      provider: meta.company,
    }),
  );

  const title = titleWithPeriod(PATROL_LOG_TITLE, valid ? day : null);
  // A large site's log (hundreds of assets) is left for Word to paginate, as the baseline report is.
  const estimatePages = readings.length <= PAGE_ESTIMATE_ROW_LIMIT;
  const document = composeDocument({
    ctx,
    meta,
    title,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
    estimatePages,
  });
  if (!estimatePages)
    ctx.warn(`日志较长（${readings.length} 项读数），目录页码未计算：在 Word 中右键目录选择“更新域”即可生成`);
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}

/** One round's readings: a row per asset and metric, each naming its asset (bold on the asset's first row). */
function roundTable(
  ctx: DocumentContext,
  round: Round,
  readingsOf: (joined: JoinedEntry) => ReadingRow[],
  date: string,
): Array<Paragraph | Table> {
  const rows: Cell[][] = [];
  for (const joined of round.entries) {
    const list = readingsOf(joined);
    const name = assetShortName(joined.asset);
    if (list.length === 0) rows.push([name, { text: '（无读数）', columnSpan: 4 }, '', orDash(joined.entry.enteredBy)]);
    list.forEach((reading, i) => {
      // An entry's readings are mostly taken at one time: the time is written when it changes.
      const time = timeOnDay(reading.at, date);
      const shown = i === 0 || time !== timeOnDay(list[i - 1]!.at, date) ? time : '';
      // Every row names its object and engineer: a row continued on a new page must say whose it is
      // (blank or merged cells would leave it anonymous). Repeats are grey so the groups still show.
      const repeat = (text: string): Cell => (i === 0 ? { text, bold: true } : { text, color: colors.muted });
      rows.push([
        repeat(name),
        reading.label,
        orDash(reading.valueText),
        statusCell(reading),
        orDash(thresholdText(reading.def, '\n')),
        shown || { text: time, color: colors.muted },
        i === 0 ? orDash(joined.entry.enteredBy) : repeat(orDash(joined.entry.enteredBy)),
      ]);
    });
  }
  return bulkTable(ctx, {
    caption: `${round.plan.name} ${round.round} 巡检读数`,
    compact: true,
    columns: [
      { title: '运维对象', width: 18 },
      { title: '巡检项', width: 20 },
      { title: '读数', width: 12, align: 'center' },
      { title: '状态', width: 10, align: 'center' },
      { title: '阈值', width: 21 },
      { title: '时间', width: 9, align: 'center' },
      { title: '巡检人', width: 10, align: 'center' },
    ],
    rows,
  });
}
