/**
 * 服务日历: when SLA clocks run.
 *
 * 7x24: every minute counts. 5x8: only minutes inside [dayStart, dayEnd) of a working day,
 * where a working day is one of the SLA's weekdays that is not a holiday, or an extra working
 * day (调休上班日, a weekend day worked in exchange for a holiday). Days and times are read in
 * the project's time zone (an IANA name, default Asia/Shanghai), never the machine's.
 *
 * Decisions:
 * - 'custom' service hours are described in free text (customHours), which a program cannot
 *   read. They count as 7x24 by default: a clock that always runs can only make a deadline
 *   earlier than the agreed one, never hide a breach. When the SLA's structured fields do
 *   describe the custom hours (e.g. every day 08:00–20:00: workdays 1–7, dayStart 08:00, dayEnd
 *   20:00), pass `custom: 'hours'` to use them.
 * - A 5x8 definition that cannot be used (no working weekday, a missing or unreadable time,
 *   dayEnd not after dayStart — slaRules reports all of these) also counts as 7x24, for the
 *   same reason; `notes` says so, for the UI to show.
 * - A date listed both as a holiday and as an extra working day (slaRules flags it) is a working
 *   day: again the choice under which the clock runs.
 * - Unreadable dates in the holiday lists are ignored and named in `notes`.
 *
 * Pauses (暂停计时, e.g. waiting for the customer) are [start, end) spans that do not count;
 * they may overlap each other and off-hours. An end of Infinity is a pause still open.
 *
 * Everything steps through whole service intervals (one per working day, or one unbounded
 * interval for 7x24), never minute by minute, so a 72-hour 5x8 target or a year of figures is
 * a few hundred steps at most.
 */
import type { SlaFields } from '../records/sla';
import {
  checkTimeZone,
  DAY_MS,
  DEFAULT_TIME_ZONE,
  instantToWallMs,
  isoWeekdayOfDay,
  localDayNumber,
  localMinuteInstant,
  MINUTE_MS,
  parseClockTime,
  parseLocalDate,
  type TimeZone,
} from '../date-time';

/** The parts of an SLA (slaFields) that define its service hours. */
export type ServiceHoursDefinition = Pick<SlaFields, 'serviceHours'> &
  Partial<Pick<SlaFields, 'workdays' | 'dayStart' | 'dayEnd' | 'holidays' | 'extraWorkdays'>>;

export interface ServiceCalendarOptions {
  /** The project's time zone (projects.timeZone); default Asia/Shanghai. */
  timeZone?: TimeZone;
  /** How to read 'custom' service hours: 'always' (default, as 7x24) or 'hours' (the workdays and times fields). */
  custom?: 'always' | 'hours';
}

export interface ServiceCalendar {
  /** true: every minute counts (7x24, or a fallback — see notes). */
  readonly alwaysOn: boolean;
  readonly timeZone: TimeZone;
  /** ISO weekdays (1 = Monday) that are working days. */
  readonly workdays: ReadonlySet<number>;
  /** Service hours of a working day, in minutes after local midnight: [dayStartMinute, dayEndMinute). */
  readonly dayStartMinute: number;
  readonly dayEndMinute: number;
  /** Local day numbers (days since 1970-01-01). */
  readonly holidays: ReadonlySet<number>;
  readonly extraWorkdays: ReadonlySet<number>;
  /** Assumptions made in reading the SLA, in Chinese ("自定义服务时间按 7x24 计时"). Empty when none. */
  readonly notes: readonly string[];
}

/** A span of time [start, end) in epoch ms; end may be Infinity for a pause still open. */
export interface Interval {
  start: number;
  end: number;
}

export function serviceCalendar(sla: ServiceHoursDefinition, options: ServiceCalendarOptions = {}): ServiceCalendar {
  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const notes: string[] = [];
  const always = (note?: string): ServiceCalendar => {
    if (note) notes.push(note);
    return {
      alwaysOn: true,
      timeZone,
      workdays: new Set([1, 2, 3, 4, 5, 6, 7]),
      dayStartMinute: 0,
      dayEndMinute: 24 * 60,
      holidays: new Set(),
      extraWorkdays: new Set(),
      notes,
    };
  };

  if (sla.serviceHours === '7x24') return always();
  if (sla.serviceHours === 'custom' && options.custom !== 'hours')
    return always('自定义服务时间无法自动识别，按 7x24 计时');
  if (sla.serviceHours !== '5x8' && sla.serviceHours !== 'custom')
    return always(`未知的服务时间“${String(sla.serviceHours)}”，按 7x24 计时`);

  const workdays = new Set(
    (sla.workdays ?? []).map(Number).filter((day) => Number.isInteger(day) && day >= 1 && day <= 7),
  );
  const dayStartMinute = parseClockTime(sla.dayStart);
  const dayEndMinute = parseClockTime(sla.dayEnd);
  if (workdays.size === 0) return always('服务时间未选择工作日，按 7x24 计时');
  if (dayStartMinute === null || dayEndMinute === null) return always('每日服务时段未填写完整，按 7x24 计时');
  if (dayEndMinute <= dayStartMinute) return always('每日结束时间不晚于开始时间，按 7x24 计时');

  const readDays = (list: readonly string[] | undefined): Set<number> => {
    const days = new Set<number>();
    for (const text of list ?? []) {
      const day = parseLocalDate(text);
      if (day === null) notes.push(`忽略无效日期：${text}`);
      else days.add(day);
    }
    return days;
  };
  return {
    alwaysOn: false,
    timeZone,
    workdays,
    dayStartMinute,
    dayEndMinute,
    holidays: readDays(sla.holidays),
    extraWorkdays: readDays(sla.extraWorkdays),
    notes,
  };
}

/** Whether a local day number is a working day of the calendar (every day is, for 7x24). */
export function isWorkingDayNumber(calendar: ServiceCalendar, dayNumber: number): boolean {
  if (calendar.alwaysOn) return true;
  if (calendar.extraWorkdays.has(dayNumber)) return true;
  return calendar.workdays.has(isoWeekdayOfDay(dayNumber)) && !calendar.holidays.has(dayNumber);
}

/** Whether a local date 'YYYY-MM-DD' is a working day; throws on a malformed date. */
export function isWorkingDay(calendar: ServiceCalendar, date: string): boolean {
  const day = parseLocalDate(date);
  if (day === null) throw new Error(`不是有效的日期（YYYY-MM-DD）：${date}`);
  return isWorkingDayNumber(calendar, day);
}

/** Whether the clock runs at this instant (pauses aside). */
export function isServiceTime(calendar: ServiceCalendar, instant: number): boolean {
  checkInstant(instant, 'instant');
  if (calendar.alwaysOn) return true;
  const wall = instantToWallMs(instant, calendar.timeZone);
  const day = Math.floor(wall / DAY_MS);
  if (!isWorkingDayNumber(calendar, day)) return false;
  // Read on the wall clock: on a daylight-saving day 09:00 is still 09:00.
  const sinceMidnight = wall - day * DAY_MS;
  return sinceMidnight >= calendar.dayStartMinute * MINUTE_MS && sinceMidnight < calendar.dayEndMinute * MINUTE_MS;
}

/** The first instant at or after `instant` when the clock runs: `instant` itself inside service hours, else the next opening. */
export function nextServiceStart(calendar: ServiceCalendar, instant: number): number {
  checkInstant(instant, 'instant');
  for (const [start] of serviceSpans(calendar, instant)) return start;
  throw new Error('服务日历没有服务时间');
}

/**
 * Service time between two instants, in minutes (fractional when the instants carry seconds),
 * less the pauses. 0 when end ≤ start.
 */
export function serviceMinutesBetween(
  calendar: ServiceCalendar,
  start: number,
  end: number,
  pauses: readonly Interval[] = [],
): number {
  checkInstant(start, 'start');
  checkInstant(end, 'end');
  if (end <= start) return 0;
  let total = 0;
  for (const [from, to] of effectiveSpans(calendar, start, pauses)) {
    if (from >= end) break;
    total += Math.min(to, end) - from;
    if (to >= end) break;
  }
  return total / MINUTE_MS;
}

/**
 * The instant at which `minutes` of service time have elapsed since `start`: a start outside
 * service hours begins counting at the next opening, and the pauses known so far push the
 * result on. The earliest such instant, so a target that runs out exactly at closing time is
 * due at closing time (Friday 17:20 + 10 min on 09:00–17:30 → Friday 17:30), not at the next
 * opening. 0 minutes → `start`. Infinity when an open pause (end Infinity) stops the clock
 * before the time is used up, or when the time is not used up within a century (MAX_DEADLINE_MS):
 * an escalation step of 10^15 minutes, which the schema accepts, is never due.
 */
export function addServiceMinutes(
  calendar: ServiceCalendar,
  start: number,
  minutes: number,
  pauses: readonly Interval[] = [],
): number {
  checkInstant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`服务时长应为非负数（分钟），收到 ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  if (remaining === 0) return start;
  // Service time never runs faster than the wall clock: a target beyond the horizon is never due,
  // and is known so at once rather than after stepping through every day up to it.
  const horizon = start + MAX_DEADLINE_MS;
  if (start + remaining > horizon) return Number.POSITIVE_INFINITY;
  for (const [from, to] of effectiveSpans(calendar, start, pauses)) {
    if (from >= horizon) break;
    if (remaining <= to - from) return from + remaining <= horizon ? from + remaining : Number.POSITIVE_INFINITY;
    remaining -= to - from;
  }
  return Number.POSITIVE_INFINITY;
}

/** The service intervals in [from, to), for timelines and reports. */
export function serviceIntervals(
  calendar: ServiceCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[] = [],
): Interval[] {
  checkInstant(from, 'from');
  checkInstant(to, 'to');
  const result: Interval[] = [];
  if (to <= from) return result;
  for (const [start, end] of effectiveSpans(calendar, from, pauses)) {
    if (start >= to) break;
    result.push({ start, end: Math.min(end, to) });
    if (end >= to) break;
  }
  return result;
}

/** Pauses as sorted, disjoint, non-empty spans (overlapping and touching ones joined); unreadable ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((span) => Number.isFinite(span.start) && !Number.isNaN(span.end) && span.end > span.start)
    .map((span) => ({ start: span.start, end: span.end }))
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push(span);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------

/** No deadline lies further than a century from its start; beyond it, nothing is due (and nothing is stepped through). */
const MAX_DEADLINE_MS = 36_525 * DAY_MS;

/** No real calendar has ten years without a working day; this only stops a runaway loop. */
const MAX_IDLE_DAYS = 3660;

/** Service hours from `from` on, as [start, end) pairs in order; the last one of 7x24 is unbounded. */
function* serviceSpans(calendar: ServiceCalendar, from: number): Generator<[number, number]> {
  if (calendar.alwaysOn) {
    yield [from, Number.POSITIVE_INFINITY];
    return;
  }
  let day = localDayNumber(from, calendar.timeZone);
  let idle = 0;
  for (;;) {
    if (isWorkingDayNumber(calendar, day)) {
      const start = Math.max(from, localMinuteInstant(day, calendar.dayStartMinute, calendar.timeZone));
      const end = localMinuteInstant(day, calendar.dayEndMinute, calendar.timeZone);
      if (end > start) {
        idle = 0;
        yield [start, end];
      }
    }
    if (++idle > MAX_IDLE_DAYS) throw new Error(`服务日历在 ${MAX_IDLE_DAYS} 天内没有服务时间`);
    day += 1;
  }
}

/** Service spans from `from` on with the pauses cut out. */
function* effectiveSpans(
  calendar: ServiceCalendar,
  from: number,
  pauses: readonly Interval[],
): Generator<[number, number]> {
  const cuts = mergeIntervals(pauses).filter((pause) => pause.end > from);
  let first = 0;
  for (const [start, end] of serviceSpans(calendar, from)) {
    let cursor = start;
    // Pauses that ended before this span matter no more.
    while (first < cuts.length && cuts[first]!.end <= cursor) first++;
    for (let k = first; k < cuts.length && cuts[k]!.start < end && cursor < end; k++) {
      const cut = cuts[k]!;
      if (cut.start > cursor) yield [cursor, cut.start];
      cursor = Math.max(cursor, cut.end);
    }
    // An open pause: the clock never runs again.
    if (cursor === Number.POSITIVE_INFINITY) return;
    if (cursor < end) yield [cursor, end];
  }
}

function checkInstant(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} 应为有效的时间（epoch 毫秒），收到 ${value}`);
}
