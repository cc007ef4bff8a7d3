/**
 * Project local time as a fixed UTC offset.
 *
 * Instants are epoch milliseconds. Calendar questions (which day, which month, is it 09:00 yet)
 * are answered in the PROJECT's local time, given as a fixed offset from UTC in minutes
 * (default +480, China Standard Time, which has no daylight saving). The machine's own time
 * zone never enters: a laptop set to UTC at a customer's site, or a server in another region,
 * must compute the same deadlines. So this file never uses Date's local getters or the
 * Date(string) parser — only Date.UTC and getUTC* on a shifted instant — and no Intl, whose
 * time-zone data differs between runtimes.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** China Standard Time (UTC+8), the default for every project. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** Real offsets lie between UTC−14:00 and UTC+14:00. */
export function checkUtcOffset(offsetMinutes: number): number {
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < -840 || offsetMinutes > 840) {
    throw new RangeError(`UTC 偏移应为 -840 到 840 之间的整数分钟，收到 ${offsetMinutes}`);
  }
  return offsetMinutes;
}

/** The local day an instant falls on, as days since 1970-01-01 (local). */
export function localDayNumber(instant: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return Math.floor((instant + offsetMinutes * MINUTE_MS) / DAY_MS);
}

/** The instant local midnight starts the given local day. */
export function localDayStart(dayNumber: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return dayNumber * DAY_MS - offsetMinutes * MINUTE_MS;
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7 + 1;
}

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  isoWeekday: number;
}

/** The local calendar fields of an instant. */
export function localParts(instant: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): LocalParts {
  // Shift the instant by the offset and read it as if it were UTC: that is the local wall time.
  const shifted = new Date(instant + offsetMinutes * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    isoWeekday: isoWeekdayOfDay(localDayNumber(instant, offsetMinutes)),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 of a calendar date, or null when the date does not exist (2026-02-30). */
export function dayNumberOfDate(year: number, month: number, day: number): number | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return Math.floor(utc.getTime() / DAY_MS);
}

/** 'YYYY-MM-DD' as a local day number, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A local day number as 'YYYY-MM-DD'. */
export function formatLocalDay(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The local date of an instant, 'YYYY-MM-DD'. */
export function localDate(instant: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return formatLocalDay(localDayNumber(instant, offsetMinutes));
}

/**
 * 'YYYY-MM-DDTHH:mm' (the form the app's date-time fields store; a space instead of the T and
 * trailing ':ss' are accepted too) in project local time → epoch ms. null when it is not a
 * real date and time.
 */
export function parseLocalDateTime(text: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const day = dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  return localDayStart(day, checkUtcOffset(offsetMinutes)) + (hour * 60 + minute) * MINUTE_MS + second * 1000;
}

/** Like parseLocalDateTime, but throws on text that is not a date and time (for literals in code and tests). */
export function localDateTime(text: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  const instant = parseLocalDateTime(text, offsetMinutes);
  if (instant === null) throw new Error(`不是有效的日期时间（YYYY-MM-DDTHH:mm）：${text}`);
  return instant;
}

/** Epoch ms → 'YYYY-MM-DDTHH:mm' in project local time (seconds are dropped, not rounded). */
export function formatLocalDateTime(instant: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const p = localParts(instant, checkUtcOffset(offsetMinutes));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'HH:mm' as minutes after local midnight; '24:00' is accepted as the end of the day. null otherwise. */
export function parseClockTime(text: string | null | undefined): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec((text ?? '').trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24 && minute === 0) return 24 * 60;
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

/** The month ('YYYY-MM') an instant falls in, in project local time. */
export function localMonth(instant: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const p = localParts(instant, offsetMinutes);
  return `${pad(p.year, 4)}-${pad(p.month)}`;
}

export interface LocalPeriod {
  /** First instant of the period (local midnight of its first day). */
  start: number;
  /** First instant after it. */
  end: number;
}

/** A month 'YYYY-MM' as [start, end) instants in project local time; null when malformed. */
export function localMonthRange(month: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): LocalPeriod | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]);
  if (index < 1 || index > 12) return null;
  return localMonthsRange(year, index, 1, offsetMinutes);
}

/** `count` months starting with year/month (1–12), as [start, end) in project local time. */
export function localMonthsRange(year: number, month: number, count: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): LocalPeriod {
  const first = dayNumberOfDate(year, month, 1);
  const endMonthIndex = month - 1 + count;
  const last = dayNumberOfDate(year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1, 1);
  if (first === null || last === null) throw new RangeError(`无效的月份：${year}-${month}`);
  checkUtcOffset(offsetMinutes);
  return { start: localDayStart(first, offsetMinutes), end: localDayStart(last, offsetMinutes) };
}
