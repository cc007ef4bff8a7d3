/**
 * SLA 达标统计 for the monthly report (《巡检月报》).
 *
 * Incidents: per month (project local time, by reportedAt — an incident reported on 31 March
 * and resolved on 1 April belongs to March) and priority, how many there were and how many met
 * the response and resolution targets. Each clock is read as sla-clock reads it at `now`:
 * - met: stopped at or before its deadline;
 * - missed: stopped after it, or still running past it (an open incident past its deadline
 *   counts as missed already);
 * - pending: still running and within its deadline — neither met nor missed yet, and left out
 *   of the share.
 * share = met / (met + missed), null when nothing is decided; percent is the same to one
 * decimal. A priority the SLA sets no target for gives 'n/a' for that clock.
 *
 * Availability: per service and month from recorded outages. Only unplanned outages count;
 * each is clipped to the period; overlapping outages of one service are merged so a minute is
 * never counted twice; an outage still open runs to `now` (or the period's end). It is measured
 * over calendar time, not service hours — 99.9 % of a 30-day month allows 43.2 minutes,
 * of a 31-day month 44.64 (domain.md's 43.8 is the average month of 730 hours).
 * percent = 100 × (1 − downtime / period), to three decimals. A target with period 'month'
 * is checked against the month; a 'quarter' or 'year' target against the quarter or year the
 * month lies in, as a budget over the whole period: met while the downtime so far is within
 * what the whole period allows. met compares the unrounded figures.
 */
import { foldForCompare } from '../inspection/text';
import { priorityLevels, type PriorityLevel, type SlaFields } from '../records/sla';
import {
  DEFAULT_TIME_ZONE,
  type LocalPeriod,
  localMonth,
  localMonthRange,
  localMonthsRange,
  MINUTE_MS,
  type TimeZone,
} from '../date-time';
import { mergeIntervals, type ServiceCalendar } from './service-calendar';
import { type ClockReading, type IncidentTiming, incidentClocks, type SlaTargets } from './sla-clock';

export interface ClockCompliance {
  met: number;
  missed: number;
  pending: number;
  /** met / (met + missed); null when none is decided yet. */
  share: number | null;
  /** share as a percentage with one decimal; null likewise. */
  percent: number | null;
}

export interface MonthlyPriorityCompliance {
  /** 'YYYY-MM' in project local time. */
  month: string;
  priority: PriorityLevel;
  count: number;
  response: ClockCompliance | 'n/a';
  resolution: ClockCompliance | 'n/a';
}

export interface ComplianceOptions {
  now: number;
  /** Only these months ('YYYY-MM'); each gets a row per priority even without incidents. Default: the months incidents were reported in. */
  months?: readonly string[];
}

/** SLA compliance per month and priority, months then priorities in order. */
export function monthlyCompliance(
  calendar: ServiceCalendar,
  sla: SlaTargets,
  incidents: readonly IncidentTiming[],
  options: ComplianceOptions,
): MonthlyPriorityCompliance[] {
  const zone = calendar.timeZone;
  const groups = new Map<string, Array<{ response: ClockReading; resolution: ClockReading }>>();
  for (const incident of incidents) {
    const key = `${localMonth(incident.reportedAt, zone)}|${incident.priority}`;
    const clocks = incidentClocks(calendar, sla, incident, { now: options.now });
    const list = groups.get(key) ?? [];
    list.push(clocks);
    groups.set(key, list);
  }
  const months = options.months
    ? [...new Set(options.months)].sort()
    : [...new Set([...groups.keys()].map((key) => key.split('|')[0]!))].sort();
  const rows: MonthlyPriorityCompliance[] = [];
  for (const month of months) {
    for (const priority of priorityLevels) {
      const list = groups.get(`${month}|${priority}`) ?? [];
      if (list.length === 0 && !options.months) continue;
      const target = sla.priorities.find((entry) => entry.level === priority);
      rows.push({
        month,
        priority,
        count: list.length,
        response: positive(target?.responseMinutes) ? tally(list.map((clocks) => clocks.response)) : 'n/a',
        resolution: positive(target?.resolutionMinutes) ? tally(list.map((clocks) => clocks.resolution)) : 'n/a',
      });
    }
  }
  return rows;
}

function tally(readings: readonly ClockReading[]): ClockCompliance {
  let met = 0;
  let missed = 0;
  let pending = 0;
  for (const reading of readings) {
    if (reading.status === 'met') met++;
    else if (reading.status === 'breached') missed++;
    else pending++;
  }
  const decided = met + missed;
  const share = decided === 0 ? null : met / decided;
  return { met, missed, pending, share, percent: share === null ? null : Math.round(share * 1000) / 10 };
}

// ---------------------------------------------------------------------------------------------
// Availability

export interface Outage {
  service: string;
  start: number;
  /** null while the outage lasts. */
  end: number | null;
  /** 计划内停机 (an agreed maintenance window) does not count against availability. */
  planned: boolean;
}

export interface PeriodAvailability {
  start: number;
  end: number;
  periodMinutes: number;
  downtimeMinutes: number;
  /** 100 × (1 − downtime / period), three decimals. */
  percent: number;
}

export interface AvailabilityTargetCheck {
  targetPercent: number;
  period: 'month' | 'quarter' | 'year';
  /** The figure for the target's period (the month itself for a monthly target). */
  measured: PeriodAvailability;
  /** Downtime the target allows over its whole period, in minutes (six decimals). */
  allowedDowntimeMinutes: number;
  met: boolean;
}

export interface MonthlyAvailability extends PeriodAvailability {
  service: string;
  month: string;
  /** null when the SLA has no target for the service. */
  target: AvailabilityTargetCheck | null;
}

export interface AvailabilityOptions {
  /** Open outages run until now; default: until the end of the period. */
  now?: number;
  /** The project's time zone; default Asia/Shanghai. */
  timeZone?: TimeZone;
}

/**
 * Availability of every service with a target in the SLA or an outage on record, for each of
 * the months ('YYYY-MM'), services in SLA order then the others by name.
 */
export function monthlyAvailability(
  sla: Pick<SlaFields, 'availability'>,
  outages: readonly Outage[],
  months: readonly string[],
  options: AvailabilityOptions = {},
): MonthlyAvailability[] {
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const services: string[] = [];
  const seen = new Set<string>();
  const addService = (name: string) => {
    const key = foldForCompare(name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    services.push(name.trim());
  };
  sla.availability.forEach((target) => addService(target.service));
  [...outages.map((outage) => outage.service)].sort().forEach(addService);

  const rows: MonthlyAvailability[] = [];
  for (const month of [...new Set(months)].sort()) {
    const range = localMonthRange(month, zone);
    if (!range) throw new Error(`不是有效的月份（YYYY-MM）：${month}`);
    for (const service of services) {
      const measured = serviceAvailability(outages, service, range, options.now);
      const target = sla.availability.find(
        (entry) => foldForCompare(entry.service) === foldForCompare(service) && typeof entry.targetPercent === 'number',
      );
      let check: AvailabilityTargetCheck | null = null;
      if (target && typeof target.targetPercent === 'number') {
        const period = target.period;
        const periodRange = period === 'month' ? range : enclosingPeriod(month, period, zone);
        const periodFigure =
          period === 'month' ? measured : serviceAvailability(outages, service, periodRange, options.now);
        const allowed = round((periodFigure.periodMinutes * (100 - target.targetPercent)) / 100, 6);
        check = {
          targetPercent: target.targetPercent,
          period,
          measured: periodFigure,
          allowedDowntimeMinutes: allowed,
          met: round(periodFigure.downtimeMinutes, 6) <= allowed,
        };
      }
      rows.push({ service, month, ...measured, target: check });
    }
  }
  return rows;
}

/** Unplanned downtime of one service within [start, end), overlapping outages merged. */
export function serviceAvailability(
  outages: readonly Outage[],
  service: string,
  period: LocalPeriod,
  now?: number,
): PeriodAvailability {
  const key = foldForCompare(service);
  const spans = mergeIntervals(
    outages
      .filter((outage) => !outage.planned && foldForCompare(outage.service) === key)
      .map((outage) => ({
        start: Math.max(outage.start, period.start),
        end: Math.min(outage.end ?? now ?? period.end, period.end),
      })),
  );
  const downtimeMs = spans.reduce((sum, span) => sum + (span.end - span.start), 0);
  const periodMs = period.end - period.start;
  return {
    start: period.start,
    end: period.end,
    periodMinutes: periodMs / MINUTE_MS,
    downtimeMinutes: downtimeMs / MINUTE_MS,
    percent: round(100 * (1 - downtimeMs / periodMs), 3),
  };
}

/** The quarter or year a month lies in. */
function enclosingPeriod(month: string, period: 'quarter' | 'year', zone: TimeZone): LocalPeriod {
  const [yearText, monthText] = month.split('-');
  const year = Number(yearText);
  const index = Number(monthText);
  if (period === 'year') return localMonthsRange(year, 1, 12, zone);
  return localMonthsRange(year, Math.floor((index - 1) / 3) * 3 + 1, 3, zone);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function positive(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
