import { z } from 'zod';
import {
  choice,
  longText,
  multiChoice,
  objectList,
  optionalDate,
  optionalNumber,
  optionalText,
  optionalTime,
  requiredText,
} from './fields';
import { serviceHoursOptions } from './project';
import type { FieldIssue } from './record-type';

export const priorityLevels = ['P1', 'P2', 'P3', 'P4'] as const;
export type PriorityLevel = (typeof priorityLevels)[number];

export const weekdays = {
  '1': { zh: '周一', en: 'Mon' },
  '2': { zh: '周二', en: 'Tue' },
  '3': { zh: '周三', en: 'Wed' },
  '4': { zh: '周四', en: 'Thu' },
  '5': { zh: '周五', en: 'Fri' },
  '6': { zh: '周六', en: 'Sat' },
  '7': { zh: '周日', en: 'Sun' },
};

export const measurementPeriods = {
  month: { zh: '每月', en: 'Monthly' },
  quarter: { zh: '每季度', en: 'Quarterly' },
  year: { zh: '每年', en: 'Yearly' },
};

export const reportingCadences = {
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
};

const minutes = { zh: '分钟', en: 'min' };

const priorityTarget = z.object({
  level: choice(
    { zh: '级别', en: 'Level' },
    { P1: { zh: 'P1', en: 'P1' }, P2: { zh: 'P2', en: 'P2' }, P3: { zh: 'P3', en: 'P3' }, P4: { zh: 'P4', en: 'P4' } },
    'P1',
  ),
  definition: optionalText({ zh: '定义', en: 'Definition' }, 500),
  examples: optionalText({ zh: '示例', en: 'Examples' }, 500),
  responseMinutes: optionalNumber(
    { zh: '响应时间', en: 'Response' },
    { min: 1, max: 100_000, integer: true, unit: minutes },
  ),
  resolutionMinutes: optionalNumber(
    { zh: '解决时限', en: 'Resolution' },
    { min: 1, max: 1_000_000, integer: true, unit: minutes },
  ),
});
export type PriorityTarget = z.infer<typeof priorityTarget>;

const availabilityTarget = z.object({
  service: requiredText({ zh: '服务/系统', en: 'Service' }, 100),
  targetPercent: optionalNumber({ zh: '可用性目标', en: 'Target' }, { min: 0, max: 100, unit: { zh: '%', en: '%' } }),
  period: choice({ zh: '统计周期', en: 'Period' }, measurementPeriods, 'month'),
});

/**
 * What an indicator measures, so a report can compute its actual figure from the records (the
 * 巡检月报's 考核指标): 'other' is judged by hand and reported as stated.
 */
export const indicatorMeasures = {
  responseRate: { zh: '故障响应达标率', en: 'Incidents responded to in time' },
  resolutionRate: { zh: '故障解决达标率', en: 'Incidents resolved in time' },
  availability: { zh: '服务可用性', en: 'Service availability' },
  patrolCompletion: { zh: '巡检完成率', en: 'Patrol rounds completed' },
  other: { zh: '其他（人工评定）', en: 'Other (judged by hand)' },
};
export type IndicatorMeasure = keyof typeof indicatorMeasures;

const indicator = z.object({
  name: requiredText({ zh: '指标', en: 'Indicator' }, 100),
  measure: choice({ zh: '计算口径', en: 'Computed as' }, indicatorMeasures, 'other'),
  targetPercent: optionalNumber({ zh: '目标值', en: 'Target' }, { min: 0, max: 100, unit: { zh: '%', en: '%' } }),
  measurement: optionalText({ zh: '考核方式', en: 'How it is measured' }, 1000),
  /** The deduction the SLA names for a missed month: 2 (% of the monthly fee). */
  deductionPercent: optionalNumber(
    { zh: '未达标扣减月服务费', en: 'Monthly fee deducted if missed' },
    { min: 0, max: 100, unit: { zh: '%', en: '%' } },
  ),
  consequence: optionalText({ zh: '未达标处理', en: 'If missed' }, 1000),
});
export type SlaIndicator = z.infer<typeof indicator>;

const signatory = z.object({
  side: choice(
    { zh: '签署方', en: 'Party' },
    { customer: { zh: '甲方', en: 'Customer' }, provider: { zh: '乙方', en: 'Provider' } },
    'customer',
  ),
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  title: optionalText({ zh: '职务', en: 'Title' }, 100),
  date: optionalDate({ zh: '签署日期', en: 'Date' }),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 服务级别协议: one per project (its id is the project's id). */
export const slaFields = z.object({
  serviceHours: choice({ zh: '服务时间', en: 'Service hours' }, serviceHoursOptions, '5x8'),
  workdays: multiChoice({ zh: '工作日', en: 'Working days' }, weekdays, ['1', '2', '3', '4', '5']),
  dayStart: optionalTime({ zh: '每日开始', en: 'Day starts' }, '09:00'),
  dayEnd: optionalTime({ zh: '每日结束', en: 'Day ends' }, '17:30'),
  holidays: z
    .array(isoDate)
    .max(400)
    .default([])
    .meta({ label: { zh: '节假日（不计时）', en: 'Holidays (clock stops)' }, widget: 'tags' }),
  extraWorkdays: z
    .array(isoDate)
    .max(100)
    .default([])
    .meta({ label: { zh: '调休上班日', en: 'Extra working days' }, widget: 'tags' }),
  customHours: optionalText({ zh: '自定义服务时间说明', en: 'Custom hours' }, 500),
  priorities: objectList({ zh: '故障级别与时限', en: 'Priority levels and targets' }, priorityTarget, 4),
  availability: objectList({ zh: '可用性目标', en: 'Availability targets' }, availabilityTarget),
  indicators: objectList({ zh: '考核指标', en: 'Indicators' }, indicator),
  penalties: longText({ zh: '未达标处理（总则）', en: 'Consequences of a miss' }),
  reportingCadence: choice({ zh: '报告周期', en: 'Reporting cadence' }, reportingCadences, 'monthly'),
  pausesAllowed: longText({ zh: '可暂停计时的情形', en: 'When the clock may pause' }),
  signatories: objectList({ zh: '签署人', en: 'Signatories' }, signatory, 10),
  effectiveDate: optionalDate({ zh: '生效日期', en: 'Effective from' }),
});
export type SlaFields = z.infer<typeof slaFields>;

export function slaRules(sla: SlaFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  // Each message names the row (第 2 行（P2）…): a long table must not just turn red.
  const rowOf = (target: PriorityTarget) => `第 ${sla.priorities.indexOf(target) + 1} 行（${target.level}）`;
  for (const target of sla.priorities) {
    if (seen.has(target.level))
      issues.push({ field: 'priorities', message: `${rowOf(target)}级别重复：${target.level} 已定义` });
    seen.add(target.level);
    if (
      target.responseMinutes !== null &&
      target.resolutionMinutes !== null &&
      target.resolutionMinutes < target.responseMinutes
    ) {
      issues.push({ field: 'priorities', message: `${rowOf(target)}解决时限：不能短于响应时间` });
    }
  }
  const ordered = priorityLevels
    .map((level) => sla.priorities.find((p) => p.level === level))
    .filter((p) => p !== undefined);
  for (let i = 1; i < ordered.length; i++) {
    const higher = ordered[i - 1]!;
    const lower = ordered[i]!;
    if (
      higher.responseMinutes !== null &&
      lower.responseMinutes !== null &&
      higher.responseMinutes > lower.responseMinutes
    ) {
      issues.push({ field: 'priorities', message: `${rowOf(higher)}响应时间：不应长于 ${lower.level}` });
    }
  }
  if (sla.serviceHours === '5x8') {
    if (sla.workdays.length === 0) issues.push({ field: 'workdays', message: '5x8 服务请选择工作日' });
    if (!sla.dayStart || !sla.dayEnd) issues.push({ field: 'dayStart', message: '5x8 服务请填写每日服务时段' });
    else if (sla.dayEnd <= sla.dayStart) issues.push({ field: 'dayEnd', message: '每日结束时间须晚于开始时间' });
  }
  if (sla.serviceHours === 'custom' && !sla.customHours.trim()) {
    issues.push({ field: 'customHours', message: '自定义服务时间请写明时段' });
  }
  const overlap = sla.holidays.filter((day) => sla.extraWorkdays.includes(day));
  if (overlap.length)
    issues.push({ field: 'extraWorkdays', message: `同一天不能既是节假日又是调休上班日: ${overlap.join(', ')}` });
  return issues;
}

/** The usual starting point: P1–P4 with typical targets (domain.md), edited per customer. */
export function defaultPriorityTargets(language = 'zh-CN'): PriorityTarget[] {
  if (language.startsWith('en')) {
    return [
      {
        level: 'P1',
        definition: 'Core business down or widely unavailable',
        examples: 'Core system down, network down across the bank',
        responseMinutes: 15,
        resolutionMinutes: 240,
      },
      {
        level: 'P2',
        definition: 'Important business affected or badly degraded',
        examples: 'A node failed, a backup failed',
        responseMinutes: 30,
        resolutionMinutes: 480,
      },
      {
        level: 'P3',
        definition: 'Ordinary fault with a workaround',
        examples: 'Alarm on a non-core service, one disk failed',
        responseMinutes: 120,
        resolutionMinutes: 1440,
      },
      {
        level: 'P4',
        definition: 'Question or minor issue',
        examples: 'Configuration question, report request',
        responseMinutes: 480,
        resolutionMinutes: 4320,
      },
    ];
  }
  return [
    {
      level: 'P1',
      definition: '核心业务中断或大面积不可用',
      examples: '核心系统宕机、全行网络中断',
      responseMinutes: 15,
      resolutionMinutes: 240,
    },
    {
      level: 'P2',
      definition: '重要业务受影响或性能严重下降',
      examples: '单节点故障、备份失败',
      responseMinutes: 30,
      resolutionMinutes: 480,
    },
    {
      level: 'P3',
      definition: '一般故障，有替代方案',
      examples: '非核心服务告警、单盘故障',
      responseMinutes: 120,
      resolutionMinutes: 1440,
    },
    {
      level: 'P4',
      definition: '咨询或轻微问题',
      examples: '配置咨询、报表需求',
      responseMinutes: 480,
      resolutionMinutes: 4320,
    },
  ];
}
