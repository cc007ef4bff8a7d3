/**
 * Dates and times, the one module for them (every runtime: renderer, Web Worker, Node server).
 *
 * Instants are epoch milliseconds. Calendar questions — which day is today, which month an
 * incident falls in, is it 09:00 yet — are answered in a time zone given by its IANA name
 * (`Asia/Shanghai`, the default of every project). The zone is the PROJECT's (projects.timeZone),
 * never the machine's: a laptop set to UTC at a customer's site, or a server in another region,
 * must show the same "today" and compute the same deadlines. So nothing here uses Date's local
 * getters, `toLocaleString` or the Date(string) parser: a zone's offset at an instant comes from
 * Intl.DateTimeFormat with `timeZone` (cached per zone), and all arithmetic is on UTC fields of
 * shifted instants.
 *
 * Stored forms (what record fields hold, see docs/ARCHITECTURE.md "Dates and times"):
 *   date       'YYYY-MM-DD'          a calendar day in the project's zone
 *   date-time  'YYYY-MM-DDTHH:mm'    a wall time in the project's zone (→ an instant with
 *                                    wallTimeToInstant / parseLocalDateTime)
 *   time       'HH:mm'               a time of day
 * Shown as 'YYYY-MM-DD' and 'YYYY-MM-DD HH:mm' in both UI languages (24-hour clock).
 *
 * Wall times that do not exist or exist twice (a daylight-saving change; never in China) are read
 * like Temporal's 'compatible': a skipped time moves forward by the gap, a repeated one is the
 * earlier instant.
 */

export type TimeZone = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** China Standard Time (UTC+8, no daylight saving), the zone of every project unless it says otherwise. */
export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Shanghai';

/** The zones the project form offers (any other IANA name is accepted too). */
export const COMMON_TIME_ZONES: ReadonlyArray<{ zone: TimeZone; zh: string; en: string }> = [
  { zone: 'Asia/Shanghai', zh: '北京时间 (UTC+8) Asia/Shanghai', en: 'China Standard Time (UTC+8) Asia/Shanghai' },
  { zone: 'Asia/Hong_Kong', zh: '香港 (UTC+8) Asia/Hong_Kong', en: 'Hong Kong (UTC+8) Asia/Hong_Kong' },
  { zone: 'Asia/Taipei', zh: '台北 (UTC+8) Asia/Taipei', en: 'Taipei (UTC+8) Asia/Taipei' },
  { zone: 'Asia/Macau', zh: '澳门 (UTC+8) Asia/Macau', en: 'Macau (UTC+8) Asia/Macau' },
  { zone: 'Asia/Urumqi', zh: '乌鲁木齐 (UTC+6) Asia/Urumqi', en: 'Urumqi (UTC+6) Asia/Urumqi' },
  { zone: 'Asia/Singapore', zh: '新加坡 (UTC+8) Asia/Singapore', en: 'Singapore (UTC+8) Asia/Singapore' },
  { zone: 'Asia/Tokyo', zh: '东京 (UTC+9) Asia/Tokyo', en: 'Tokyo (UTC+9) Asia/Tokyo' },
  { zone: 'Asia/Seoul', zh: '首尔 (UTC+9) Asia/Seoul', en: 'Seoul (UTC+9) Asia/Seoul' },
  { zone: 'Asia/Bangkok', zh: '曼谷 (UTC+7) Asia/Bangkok', en: 'Bangkok (UTC+7) Asia/Bangkok' },
  { zone: 'Asia/Kolkata', zh: '印度 (UTC+5:30) Asia/Kolkata', en: 'India (UTC+5:30) Asia/Kolkata' },
  { zone: 'Asia/Dubai', zh: '迪拜 (UTC+4) Asia/Dubai', en: 'Dubai (UTC+4) Asia/Dubai' },
  { zone: 'Europe/Moscow', zh: '莫斯科 (UTC+3) Europe/Moscow', en: 'Moscow (UTC+3) Europe/Moscow' },
  { zone: 'Europe/Berlin', zh: '柏林 (UTC+1/+2) Europe/Berlin', en: 'Berlin (UTC+1/+2) Europe/Berlin' },
  { zone: 'Europe/London', zh: '伦敦 (UTC+0/+1) Europe/London', en: 'London (UTC+0/+1) Europe/London' },
  { zone: 'UTC', zh: '协调世界时 UTC', en: 'Coordinated Universal Time UTC' },
  { zone: 'America/New_York', zh: '纽约 (UTC−5/−4) America/New_York', en: 'New York (UTC−5/−4) America/New_York' },
  {
    zone: 'America/Los_Angeles',
    zh: '洛杉矶 (UTC−8/−7) America/Los_Angeles',
    en: 'Los Angeles (UTC−8/−7) America/Los_Angeles',
  },
];

// ---------------------------------------------------------------------------------------------
// Zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the text names a time zone this runtime knows (an IANA name such as 'Asia/Shanghai', or 'UTC'). */
export function isTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== 'string' || zone.trim() === '' || zone !== zone.trim()) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone itself, or a RangeError (in Chinese) when it is not one. */
export function checkTimeZone(zone: TimeZone): TimeZone {
  if (!isTimeZone(zone)) throw new RangeError(`不是有效的时区（IANA 名称，如 Asia/Shanghai）：${String(zone)}`);
  return zone;
}

/**
 * Offsets are memoised per zone, by UTC week and then by UTC day: a span whose first and last
 * second have the same offset has it throughout (no zone changes its offset and back within a
 * week); a day with a change is computed exactly at each instant. SLA clocks over years of days
 * then cost a few Intl calls a week.
 */
const WEEK_MS = 7 * DAY_MS;
const offsetCache = new Map<string, { weeks: Map<number, number | null>; days: Map<number, number | null> }>();

function spanOffset(
  cache: Map<number, number | null>,
  index: number,
  length: number,
  zone: TimeZone,
): number | null | undefined {
  const cached = cache.get(index);
  if (cached !== undefined) return cached;
  const first = computeOffsetMs(index * length, zone);
  const last = computeOffsetMs(index * length + length - 1000, zone);
  if (cache.size > 50_000) cache.clear();
  const value = first === last ? first : null;
  cache.set(index, value);
  return value;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = { weeks: new Map(), days: new Map() }));
  const week = spanOffset(cache.weeks, Math.floor(instant / WEEK_MS), WEEK_MS, zone);
  if (typeof week === 'number') return week;
  const day = spanOffset(cache.days, Math.floor(instant / DAY_MS), DAY_MS, zone);
  return typeof day === 'number' ? day : computeOffsetMs(instant, zone);
}

/** The zone's offset from UTC at an instant, in minutes (fractional for old local mean times). */
export function zoneOffsetMinutes(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  return zoneOffsetMs(instant, zone) / MINUTE_MS;
}

function computeOffsetMs(instant: number, zone: TimeZone): number {
  const second = Math.floor(instant / 1000) * 1000;
  // format() and a pattern: a few times faster than formatToParts. en-US: "12/8/2026, 07:30:00".
  const text = formatterFor(zone).format(second);
  const match = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/.exec(text);
  if (!match) {
    const fields: Record<string, number> = {};
    for (const part of formatterFor(zone).formatToParts(second))
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    return utcOf(fields.year!, fields.month!, fields.day!, fields.hour! % 24, fields.minute!, fields.second!) - second;
  }
  const [, month, day, year, hour, minute, sec] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return utcOf(year, month, day, hour % 24, minute, sec) - second;
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
function utcOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * The instant of a wall time in a zone. `wallMs` is the wall time read as if it were UTC
 * (days since 1970 × DAY_MS + time of day). Skipped wall times move forward by the gap,
 * repeated ones give the earlier instant.
 */
export function wallMsToInstant(wallMs: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  const before = zoneOffsetMs(wallMs - DAY_MS, zone);
  const after = zoneOffsetMs(wallMs + DAY_MS, zone);
  const early = wallMs - before;
  if (before === after) return early;
  const late = wallMs - after;
  const earlyFits = zoneOffsetMs(early, zone) === before;
  const lateFits = zoneOffsetMs(late, zone) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early; // in the gap: the offset before it, i.e. later on the wall clock
}

/** The wall time of an instant in a zone, read as if it were UTC (the inverse of wallMsToInstant). */
export function instantToWallMs(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  return instant + zoneOffsetMs(instant, zone);
}

// ---------------------------------------------------------------------------------------------
// Days

/** The local day an instant falls on in the zone, as days since 1970-01-01. */
export function localDayNumber(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  return Math.floor(instantToWallMs(instant, zone) / DAY_MS);
}

/** The instant the given local day starts in the zone (its midnight, or the first instant after a skipped one). */
export function localDayStart(dayNumber: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  return wallMsToInstant(dayNumber * DAY_MS, zone);
}

/** The instant of `minuteOfDay` minutes after local midnight (as the clock on the wall says) of a day; 1440 is the next midnight. */
export function localMinuteInstant(dayNumber: number, minuteOfDay: number, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  return wallMsToInstant(dayNumber * DAY_MS + minuteOfDay * MINUTE_MS, zone);
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDay(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
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

/** The calendar fields of an instant in the zone. */
export function localParts(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): LocalParts {
  const wall = instantToWallMs(instant, zone);
  const shifted = new Date(wall);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    isoWeekday: isoWeekdayOfDay(Math.floor(wall / DAY_MS)),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 of a calendar date, or null when the date does not exist (2026-02-30). */
export function dayNumberOfDate(year: number, month: number, day: number): number | null {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const utc = new Date(utcOf(year, month, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return Math.floor(utc.getTime() / DAY_MS);
}

/** 'YYYY-MM-DD' as a day number, or null when it is not a real date. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A day number as 'YYYY-MM-DD'. */
export function formatLocalDay(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The date of an instant in the zone, 'YYYY-MM-DD'. */
export function localDate(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  return formatLocalDay(localDayNumber(instant, zone));
}

/** Today in the zone, 'YYYY-MM-DD' (2026-12-07T23:30Z is 2026-12-08 in Asia/Shanghai). */
export function todayIn(zone: TimeZone = DEFAULT_TIME_ZONE, now: number = Date.now()): string {
  return localDate(now, zone);
}

/** This month in the zone, 'YYYY-MM'. */
export function thisMonthIn(zone: TimeZone = DEFAULT_TIME_ZONE, now: number = Date.now()): string {
  return localMonth(now, zone);
}

/** Now as a wall time in the zone, 'YYYY-MM-DDTHH:mm' (the stored form of a date-time field). */
export function nowIn(zone: TimeZone = DEFAULT_TIME_ZONE, now: number = Date.now()): string {
  return formatLocalDateTime(now, zone);
}

/** A date 'YYYY-MM-DD' moved by whole days (negative: back); throws on a malformed date. */
export function addDays(date: string, days: number): string {
  const day = parseLocalDate(date);
  if (day === null) throw new Error(`不是有效的日期（YYYY-MM-DD）：${date}`);
  return formatLocalDay(day + days);
}

// ---------------------------------------------------------------------------------------------
// Date-times

/**
 * 'YYYY-MM-DDTHH:mm' (the form date-time fields store; a space instead of the T and trailing
 * ':ss' are accepted too), a wall time in the zone → epoch ms. null when it is not a real date
 * and time.
 */
export function parseLocalDateTime(text: string, zone: TimeZone = DEFAULT_TIME_ZONE): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const day = dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  return wallMsToInstant(day * DAY_MS + (hour * 60 + minute) * MINUTE_MS + second * 1000, checkTimeZone(zone));
}

/** The stored wall time → the instant it names in the project's zone (null when unreadable). */
export const wallTimeToInstant = parseLocalDateTime;

/** Like parseLocalDateTime, but throws on text that is not a date and time (for literals in code and tests). */
export function localDateTime(text: string, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  const instant = parseLocalDateTime(text, zone);
  if (instant === null) throw new Error(`不是有效的日期时间（YYYY-MM-DDTHH:mm）：${text}`);
  return instant;
}

/** Epoch ms → 'YYYY-MM-DDTHH:mm' in the zone (seconds are dropped, not rounded). */
export function formatLocalDateTime(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(instant, checkTimeZone(zone));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** An instant → the stored wall-time form in the project's zone. */
export const instantToWallTime = formatLocalDateTime;

/** An instant as people read it: 'YYYY-MM-DD HH:mm' in the zone (both UI languages). */
export function formatInstant(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  return formatLocalDateTime(instant, zone).replace('T', ' ');
}

/** A stored date, date-time or time as people read it: 'YYYY-MM-DD HH:mm' (the T becomes a space, seconds go). Other text is returned as it is. */
export function displayDateTime(stored: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(stored.trim());
  return match ? `${match[1]} ${match[2]}` : stored;
}

/**
 * What a person typed for a date-time, in any of the forms people use — '2026-12-07 14:07',
 * '2026-12-07T14:07', '2026/12/7 14:07', '2026年12月7日 14:07' — as the stored form
 * 'YYYY-MM-DDTHH:mm'; null when it is not a real date and time.
 */
export function parseDateTimeInput(text: string): string | null {
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*|\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?$/.exec(
      text.trim(),
    );
  if (!match) return null;
  const day = dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  if (day === null || hour > 23 || minute > 59) return null;
  return `${formatLocalDay(day)}T${pad(hour)}:${pad(minute)}`;
}

/** What a person typed for a date ('2026-12-07', '2026/12/7', '2026年12月7日', '20261207') as 'YYYY-MM-DD'; null when it is not a real date. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  const match = compact ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  if (!match) return null;
  const day = dayNumberOfDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return day === null ? null : formatLocalDay(day);
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

// ---------------------------------------------------------------------------------------------
// Months

/** The month ('YYYY-MM') an instant falls in, in the zone. */
export function localMonth(instant: number, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(instant, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}`;
}

export interface LocalPeriod {
  /** First instant of the period (local midnight of its first day). */
  start: number;
  /** First instant after it. */
  end: number;
}

/** A month 'YYYY-MM' as [start, end) instants in the zone; null when malformed. */
export function localMonthRange(month: string, zone: TimeZone = DEFAULT_TIME_ZONE): LocalPeriod | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]);
  if (index < 1 || index > 12) return null;
  return localMonthsRange(year, index, 1, zone);
}

/** `count` months starting with year/month (1–12), as [start, end) in the zone. */
export function localMonthsRange(
  year: number,
  month: number,
  count: number,
  zone: TimeZone = DEFAULT_TIME_ZONE,
): LocalPeriod {
  const first = dayNumberOfDate(year, month, 1);
  const endMonthIndex = month - 1 + count;
  const last = dayNumberOfDate(year + Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1, 1);
  if (first === null || last === null) throw new RangeError(`无效的月份：${year}-${month}`);
  checkTimeZone(zone);
  return { start: localDayStart(first, zone), end: localDayStart(last, zone) };
}
