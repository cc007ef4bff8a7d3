/**
 * The period a periodic document covers (巡检日志: a day, 巡检月报: a calendar month, 变更记录:
 * any range), as local dates, both ends included. Dates are compared as 'YYYY-MM-DD' text, which
 * sorts as the calendar does; day arithmetic goes through local day numbers, never the
 * machine's time zone.
 */
import { dayNumberOfDate, formatLocalDay, parseLocalDate } from '../../date-time';
import type { DocumentPeriod } from '../kit/context';
import { chineseMonth, datePart } from '../kit/format';

export type PeriodKind = 'day' | 'month' | 'range';

export function isValidPeriod(period: DocumentPeriod): boolean {
  return parseLocalDate(period.from) !== null && parseLocalDate(period.to) !== null && period.from <= period.to;
}

export function dayPeriod(date: string): DocumentPeriod {
  return { from: date, to: date };
}

/** The calendar month 'YYYY-MM' (or the month of a date) as a period. */
export function monthPeriod(month: string): DocumentPeriod {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  const first = dayNumberOfDate(year, index, 1);
  const next = index === 12 ? dayNumberOfDate(year + 1, 1, 1) : dayNumberOfDate(year, index + 1, 1);
  if (first === null || next === null) return { from: `${month.slice(0, 7)}-01`, to: `${month.slice(0, 7)}-01` };
  return { from: formatLocalDay(first), to: formatLocalDay(next - 1) };
}

/**
 * A requested period fitted to what the document covers: a day is the period's first day, a
 * month the whole calendar month its first day lies in, a range is kept as given.
 */
export function fitPeriod(kind: PeriodKind, period: DocumentPeriod): DocumentPeriod {
  if (kind === 'day') return dayPeriod(period.from);
  if (kind === 'month') return monthPeriod(period.from);
  return period;
}

/** Every day of the period, in order. */
export function periodDays(period: DocumentPeriod): string[] {
  const first = parseLocalDate(period.from);
  const last = parseLocalDate(period.to);
  if (first === null || last === null) return [];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => formatLocalDay(first + i));
}

/** Whether a date or date-time ('YYYY-MM-DD…') lies in the period. */
export function inPeriod(value: string, period: DocumentPeriod): boolean {
  if (!value) return false;
  const date = datePart(value);
  return date >= period.from && date <= period.to;
}

/** Whether the period is exactly one calendar month. */
export function isCalendarMonth(period: DocumentPeriod): boolean {
  const month = monthPeriod(period.from);
  return month.from === period.from && month.to === period.to;
}

/** 2026-03-15 (a day), 2026年3月 (a calendar month), 2026-03-01 至 2026-03-20 (any other range). */
export function periodLabel(period: DocumentPeriod): string {
  if (period.from === period.to) return period.from;
  if (isCalendarMonth(period)) return chineseMonth(period.from);
  return `${period.from} 至 ${period.to}`;
}

/** The document's title with its period: 巡检日志（2026-03-15）, 巡检月报（2026年3月）. */
export function titleWithPeriod(title: string, period: DocumentPeriod | null | undefined): string {
  return period ? `${title}（${periodLabel(period)}）` : title;
}

/** The latest of some dates or date-times, as a date; null when there are none. */
export function latestDate(values: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const value of values) {
    const date = value ? datePart(value) : '';
    if (parseLocalDate(date) !== null && (latest === null || date > latest)) latest = date;
  }
  return latest;
}

/** ISO week of a date, as 2026-W48 (the round key of a weekly patrol plan). */
export function isoWeek(date: string): string {
  const day = parseLocalDate(date);
  if (day === null) return '';
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1 = Monday; 1970-01-01 was a Thursday
  const thursday = day + 4 - weekday; // the Thursday of the week decides its year
  const year = Number(formatLocalDay(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOfDate(year, 1, 1)!) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 周一 … 周日 of a date. */
export function weekdayOf(date: string): string {
  const day = parseLocalDate(date);
  return day === null ? '' : weekdayNames[(((day + 3) % 7) + 7) % 7]!;
}
