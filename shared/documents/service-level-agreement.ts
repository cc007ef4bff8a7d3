import type { FileChild } from 'docx';
import { percentText } from './parts/sla-targets';
import { houseForms, serviceHoursLabel } from './house-style';
import {
  measurementPeriods,
  type PriorityLevel,
  priorityLevels,
  reportingCadences,
  type SlaFields,
  weekdays,
} from '../records/sla';
import { projectPeriod } from './common';
import { type Gap } from './checks';
import { type BuildResult } from './data';
import { composeDocument } from './kit/compose';
import { type BuildOptions, DocumentContext } from './kit/context';
import { minutesText } from './kit/format';
import type { DocumentMeta } from './kit/meta';
import { type SignOffParty, signOffBlock } from './kit/sign-off';
import { type Cell, type CellSpec, dataTable, keyValueTable } from './kit/table';
import {
  bodyParagraph,
  heading,
  labelled,
  orDash,
  paragraphs,
  placeholder,
  placeholderRun,
  textRuns,
} from './kit/text';
import {
  SERVICE_LEVEL_AGREEMENT_TITLE,
  type ServiceLevelAgreementData,
  serviceLevelAgreementGaps as gaps,
  serviceLevelAgreementMissing,
} from './catalogue/service-level-agreement';

/** Minutes in a measurement period, with the average month (365/12 days): 99.9 % a month allows 43.8 minutes. */
const periodMinutes: Record<keyof typeof measurementPeriods, number> = {
  month: (365 / 12) * 1440,
  quarter: (365 / 4) * 1440,
  year: 365 * 1440,
};

export function allowedDowntime(targetPercent: number, period: keyof typeof measurementPeriods): string {
  const minutes = ((100 - targetPercent) / 100) * periodMinutes[period];
  return minutes >= 120 ? `${(minutes / 60).toFixed(1)} 小时` : `${minutes.toFixed(1)} 分钟`;
}

/** 周一至周五 for a run of days, else 周一、周三、周五. */
export function weekdayText(days: string[]): string {
  const sorted = [...new Set(days)].map(Number).sort((a, b) => a - b);
  const label = (d: number) => weekdays[String(d) as keyof typeof weekdays].zh;
  if (sorted.length === 0) return '';
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (consecutive && sorted.length >= 3) return `${label(sorted[0]!)}至${label(sorted.at(-1)!)}`;
  return sorted.map(label).join('、');
}

/** 7×24 小时 / 5×8（周一至周五 09:00–17:30）/ the custom text, as the SLA agrees it. */
export function serviceHoursText(sla: SlaFields): string {
  if (sla.serviceHours === '7x24') return `${houseForms.roundTheClock} 小时（每天 24 小时，全年无休）`;
  if (sla.serviceHours === 'custom') return sla.customHours;
  return `${houseForms.businessHours}（${weekdayText(sla.workdays)} ${sla.dayStart}–${sla.dayEnd}，法定节假日除外）`;
}

export function buildServiceLevelAgreement(
  data: ServiceLevelAgreementData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  const missing = serviceLevelAgreementMissing(data);
  if (missing.length > 0 && !options.allowMissing) return { ok: false, missing };

  const ctx = new DocumentContext(options);
  const { project, sla } = data;
  const body: FileChild[] = [];
  const gapCell = (message: Gap): CellSpec => ({ runs: [placeholderRun(ctx, message)] });

  // 1 总则 ------------------------------------------------------------------------------------
  body.push(heading('总则', 1, { newPage: true }), heading('协议双方', 2));
  body.push(
    ...keyValueTable(
      ctx,
      [
        ['甲方', project.customer],
        ['乙方', meta.company],
        ['项目名称', project.name],
        ['合同编号', orDash(project.contractNo)],
        ['生效日期', sla?.effectiveDate || '双方签署之日'],
        ['服务期限', orDash(projectPeriod(project))],
      ],
      { caption: '协议双方与期限' },
    ),
  );
  body.push(heading('目的与适用范围', 2));
  body.push(
    bodyParagraph(
      `本协议约定乙方为甲方“${project.name}”提供运维服务的服务时间、故障分级与处理时限、可用性目标、考核指标及未达标处理，是衡量服务质量与双方结算的依据。本协议未约定的事项，以双方签订的合同为准。`,
    ),
  );
  if (!sla) body.push(placeholder(ctx, gaps.sla));

  // 2 服务时间 ----------------------------------------------------------------------------------
  body.push(heading('服务时间', 1));
  if (sla) {
    const hoursGap =
      sla.serviceHours === '5x8' && (sla.workdays.length === 0 || !sla.dayStart || !sla.dayEnd)
        ? gaps.hours
        : sla.serviceHours === 'custom' && !sla.customHours.trim()
          ? gaps.customHours
          : '';
    body.push(hoursGap ? placeholder(ctx, hoursGap) : labelled('服务时间', serviceHoursText(sla)));
    body.push(
      ...keyValueTable(
        ctx,
        [
          ['服务时间类型', serviceHoursLabel(sla.serviceHours)],
          ['工作日', sla.serviceHours === '7x24' ? '每天' : orDash(weekdayText(sla.workdays))],
          [
            '每日服务时段',
            sla.serviceHours === '7x24'
              ? '00:00–24:00'
              : sla.dayStart && sla.dayEnd
                ? `${sla.dayStart}–${sla.dayEnd}`
                : '—',
          ],
          ['节假日（不计时）', sla.serviceHours === '7x24' ? '不适用（全天候服务）' : orDash(sla.holidays.join('、'))],
          ['调休上班日', sla.serviceHours === '7x24' ? '不适用' : orDash(sla.extraWorkdays.join('、'))],
        ],
        { caption: '服务时间与日历' },
      ),
    );
    body.push(heading('计时规则', 2));
    body.push(
      bodyParagraph(
        sla.serviceHours === '7x24'
          ? '响应时间与解决时限全天候连续计算，不因夜间、周末或节假日中止。'
          : '响应时间与解决时限只在服务时间内计算：服务时间外报告的故障，从下一个服务时段开始计时；节假日不计时，调休上班日按工作日计时。',
      ),
    );
    if (sla.pausesAllowed.trim()) body.push(labelled('可暂停计时的情形', ''), ...paragraphs(sla.pausesAllowed));
  } else body.push(placeholder(ctx, gaps.sla));

  // 3 故障分级与处理时限 ---------------------------------------------------------------------------
  body.push(heading('故障分级与处理时限', 1));
  body.push(
    bodyParagraph(
      textRuns(
        '响应时间指从甲方报告故障（或监控告警）到乙方工程师确认受理的时间；解决时限指从报告故障到服务恢复的时间。故障级别由双方按',
        // Without an SLA the table is its 待补充 marker.
        sla ? ctx.reference('table', 'priorities') : '下表',
        '定义确定，有争议时先按较高级别处理。',
      ),
    ),
  );
  if (sla) {
    body.push(
      ...dataTable(ctx, {
        caption: '故障级别与处理时限',
        captionKey: 'priorities',
        columns: [
          { title: '级别', width: 8, align: 'center' },
          { title: '定义', width: 30 },
          { title: '示例', width: 30 },
          { title: '响应时间', width: 16, align: 'center' },
          { title: '解决时限', width: 16, align: 'center' },
        ],
        rows: priorityLevels.map((level: PriorityLevel): Cell[] => {
          const target = sla.priorities.find((p) => p.level === level);
          if (!target)
            return [
              { text: level, bold: true },
              { ...gapCell(gaps.level(level)), columnSpan: 4 },
            ];
          return [
            { text: level, bold: true },
            target.definition.trim() ? target.definition : gapCell(gaps.definition(level)),
            orDash(target.examples),
            target.responseMinutes === null ? gapCell(gaps.response(level)) : minutesText(target.responseMinutes),
            target.resolutionMinutes === null ? gapCell(gaps.resolution(level)) : minutesText(target.resolutionMinutes),
          ];
        }),
      }),
    );
  } else body.push(placeholder(ctx, gaps.sla));

  // 4 可用性 ------------------------------------------------------------------------------------
  body.push(heading('可用性', 1));
  body.push(
    bodyParagraph(
      '可用性 =（统计周期总时间 − 非计划停机时间）÷ 统计周期总时间 × 100%。经甲方批准的计划停机（变更窗口）不计入非计划停机时间。',
    ),
  );
  if (!sla || sla.availability.length === 0) body.push(placeholder(ctx, sla ? gaps.availability : gaps.sla));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '可用性目标',
        columns: [
          { title: '服务/系统', width: 34 },
          { title: '可用性目标', width: 20, align: 'center' },
          { title: '统计周期', width: 16, align: 'center' },
          { title: '允许的非计划停机时间', width: 30, align: 'center' },
        ],
        rows: sla.availability.map((a) => [
          a.service,
          a.targetPercent === null ? gapCell(gaps.availabilityTarget(a.service)) : `≥ ${a.targetPercent}%`,
          measurementPeriods[a.period].zh,
          a.targetPercent === null ? '—' : `约 ${allowedDowntime(a.targetPercent, a.period)}`,
        ]),
      }),
    );

  // 5 考核指标与未达标处理 ---------------------------------------------------------------------------
  body.push(heading('考核指标与未达标处理', 1), heading('考核指标', 2));
  if (!sla || sla.indicators.length === 0) body.push(placeholder(ctx, sla ? gaps.indicators : gaps.sla));
  else
    body.push(
      ...dataTable(ctx, {
        caption: '考核指标',
        captionKey: 'indicators',
        columns: [
          { title: '指标', width: 20 },
          { title: '目标', width: 11, align: 'center' },
          { title: '考核方式', width: 33 },
          { title: '未达标处理', width: 36 },
        ],
        // The target and deduction are the figures the 巡检月报's 考核指标 computes against.
        rows: sla.indicators.map((i) => [
          i.name,
          i.targetPercent === null ? '—' : `≥ ${percentText(i.targetPercent)}`,
          i.measurement.trim() ? i.measurement : gapCell(gaps.measurement(i.name)),
          i.consequence.trim()
            ? i.deductionPercent !== null && !i.consequence.includes(`${i.deductionPercent}%`)
              ? `${i.consequence}（扣减当月服务费 ${i.deductionPercent}%）`
              : i.consequence
            : i.deductionPercent !== null
              ? `扣减当月服务费 ${i.deductionPercent}%`
              : sla.penalties.trim()
                ? '按 5.2 节总则处理'
                : gapCell(gaps.consequence(i.name)),
        ]),
      }),
    );
  body.push(heading('未达标处理总则', 2));
  body.push(
    ...(sla?.penalties.trim()
      ? paragraphs(sla.penalties)
      : [
          bodyParagraph(
            sla && sla.indicators.length > 0
              ? textRuns('各指标的未达标处理按', ctx.reference('table', 'indicators'), '执行。')
              : '各指标的未达标处理按上表执行。',
          ),
        ]),
  );

  // 6 服务报告 ----------------------------------------------------------------------------------
  body.push(heading('服务报告', 1));
  const cadence = sla ? reportingCadences[sla.reportingCadence].zh : '定期';
  body.push(
    bodyParagraph(
      `乙方${cadence}向甲方提交服务报告，内容包括：各级别故障的数量及响应时间、解决时限的达成情况；各服务/系统的可用性；各考核指标的达成情况及未达标的原因与改进措施。甲方在收到报告后五个工作日内确认或提出异议。`,
    ),
  );

  // 签署 --------------------------------------------------------------------------------------
  const signatories: SignOffParty[] = (sla?.signatories ?? []).map((s) => ({
    side: s.side,
    organisation: s.side === 'customer' ? project.customer : meta.company,
    name: s.name,
    title: s.title,
    date: s.date,
  }));
  if (sla && !signatories.some((s) => s.side === 'customer')) body.push(placeholder(ctx, gaps.customer));
  if (sla && !signatories.some((s) => s.side === 'provider')) body.push(placeholder(ctx, gaps.provider));
  body.push(
    ...signOffBlock(ctx, '甲乙双方同意本协议的全部条款，自生效日期起执行。', signatories, {
      customer: project.customer,
      provider: meta.company,
    }),
  );

  const document = composeDocument({
    ctx,
    meta,
    title: SERVICE_LEVEL_AGREEMENT_TITLE,
    projectName: project.name,
    projectCode: project.code,
    customer: project.customer,
    body,
  });
  return { ok: true, document, placeholders: ctx.placeholders, warnings: ctx.warnings };
}
