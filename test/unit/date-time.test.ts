import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkTimeZone,
  DEFAULT_TIME_ZONE,
  displayDateTime,
  formatInstant,
  formatLocalDateTime,
  isTimeZone,
  localDate,
  localDateTime,
  localDayStart,
  localMonthRange,
  nowIn,
  parseDateInput,
  parseDateTimeInput,
  parseLocalDate,
  parseLocalDateTime,
  thisMonthIn,
  todayIn,
  zoneOffsetMinutes,
} from '../../shared/date-time';
import { addServiceMinutes, isServiceTime, serviceCalendar, serviceMinutesBetween } from '../../shared/operations';
import { projectFields, projectTimeZone } from '../../shared/records/project';
import { slaFields } from '../../shared/records/sla';

// 23:30 UTC on 7 December is 07:30 on 8 December in China: the hour that gave confirmations yesterday's date.
const lateUtc = Date.UTC(2026, 11, 7, 23, 30);

describe('today and now in a time zone', () => {
  it('takes the date in the zone, not in UTC, around midnight in China', () => {
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-12-08');
    expect(todayIn(DEFAULT_TIME_ZONE, lateUtc)).toBe('2026-12-08');
    expect(todayIn('UTC', lateUtc)).toBe('2026-12-07');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-12-07');
    // 15:59:59.999 UTC is still the 7th in Shanghai, 16:00 is the 8th.
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 11, 7, 15, 59, 59, 999))).toBe('2026-12-07');
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 11, 7, 16, 0))).toBe('2026-12-08');
    expect(nowIn('Asia/Shanghai', lateUtc)).toBe('2026-12-08T07:30');
    expect(nowIn('UTC', lateUtc)).toBe('2026-12-07T23:30');
    expect(thisMonthIn('Asia/Shanghai', Date.UTC(2026, 10, 30, 16, 0))).toBe('2026-12');
    expect(thisMonthIn('UTC', Date.UTC(2026, 10, 30, 16, 0))).toBe('2026-11');
  });

  it('reads the clock of the machine only as an instant', () => {
    const before = Date.now();
    const today = todayIn('Asia/Shanghai');
    const after = Date.now();
    expect([localDate(before, 'Asia/Shanghai'), localDate(after, 'Asia/Shanghai')]).toContain(today);
    expect(nowIn('Asia/Shanghai')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });
});

describe('instants and wall times in a zone', () => {
  it('converts both ways in zones with and without daylight saving', () => {
    expect(localDateTime('2026-12-08T07:30', 'Asia/Shanghai')).toBe(lateUtc);
    expect(formatLocalDateTime(lateUtc, 'Asia/Shanghai')).toBe('2026-12-08T07:30');
    expect(localDateTime('2026-12-07T23:30', 'UTC')).toBe(lateUtc);
    expect(localDateTime('2026-07-01T09:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 7, 0));
    expect(localDateTime('2026-12-01T09:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 1, 8, 0));
    expect(localDateTime('2026-06-15T12:00', 'Asia/Kolkata')).toBe(Date.UTC(2026, 5, 15, 6, 30));
    expect(zoneOffsetMinutes(lateUtc, 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), 'America/New_York')).toBe(-300);
  });

  it('reads a skipped wall time forward by the gap and a repeated one as the earlier instant', () => {
    // New York, 2026-03-08: 02:00 EST → 03:00 EDT; 2026-11-01: 02:00 EDT → 01:00 EST.
    expect(formatLocalDateTime(localDateTime('2026-03-08T02:30', 'America/New_York'), 'America/New_York')).toBe(
      '2026-03-08T03:30',
    );
    expect(localDateTime('2026-03-08T03:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 0));
    expect(localDateTime('2026-11-01T01:30', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(localDateTime('2026-11-01T02:30', 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 7, 30));
    // A day of 23 hours.
    const day = parseLocalDate('2026-03-08')!;
    expect(localDayStart(day + 1, 'America/New_York') - localDayStart(day, 'America/New_York')).toBe(23 * 3_600_000);
    // March in Berlin has 31 days less one hour.
    const march = localMonthRange('2026-03', 'Europe/Berlin')!;
    expect(march.end - march.start).toBe(31 * 86_400_000 - 3_600_000);
  });

  it('knows IANA zones through Intl and refuses the rest', () => {
    for (const zone of ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])
      expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', ' Asia/Shanghai', 'Mars/Olympus', 'CST+8', 42, null]) expect(isTimeZone(zone)).toBe(false);
    expect(() => checkTimeZone('Mars/Olympus')).toThrow('不是有效的时区');
    expect(() => parseLocalDateTime('2026-12-08T07:30', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('dates, display and typed input', () => {
  it('moves dates by days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-07', 0)).toBe('2026-12-07');
    expect(addDays('2026-12-07', -365)).toBe('2025-12-07');
    expect(() => addDays('2026-02-30', 1)).toThrow('不是有效的日期');
  });

  it('shows instants and stored date-times as YYYY-MM-DD HH:mm, 24-hour', () => {
    expect(formatInstant(Date.UTC(2026, 11, 7, 6, 7), 'Asia/Shanghai')).toBe('2026-12-07 14:07');
    expect(displayDateTime('2026-12-07T14:07')).toBe('2026-12-07 14:07');
    expect(displayDateTime('2026-12-07T14:07:33')).toBe('2026-12-07 14:07');
    expect(displayDateTime('2026-12-07')).toBe('2026-12-07');
    expect(displayDateTime('')).toBe('');
  });

  it('parses what people type into the stored forms', () => {
    expect(parseDateInput('2026-12-07')).toBe('2026-12-07');
    expect(parseDateInput('2026/12/7')).toBe('2026-12-07');
    expect(parseDateInput('2026年12月7日')).toBe('2026-12-07');
    expect(parseDateInput('20261207')).toBe('2026-12-07');
    expect(parseDateInput('12/07/2026')).toBeNull();
    expect(parseDateInput('2026-02-30')).toBeNull();
    expect(parseDateTimeInput('2026-12-07 14:07')).toBe('2026-12-07T14:07');
    expect(parseDateTimeInput('2026-12-07T14:07')).toBe('2026-12-07T14:07');
    expect(parseDateTimeInput('2026/12/7 9:05')).toBe('2026-12-07T09:05');
    expect(parseDateTimeInput('2026年12月7日 14:07')).toBe('2026-12-07T14:07');
    expect(parseDateTimeInput('2026-12-07 2:07 PM')).toBeNull();
    expect(parseDateTimeInput('2026-12-07 24:00')).toBeNull();
  });
});

describe('SLA clocks in the project zone', () => {
  it('keep 09:00–17:30 on the wall clock across a daylight-saving change', () => {
    const newYork = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }), { timeZone: 'America/New_York' });
    const at = (text: string) => localDateTime(text, 'America/New_York');
    // Friday 6 March EST, Monday 9 March EDT: opening is 09:00 local both days.
    expect(isServiceTime(newYork, at('2026-03-09T09:00'))).toBe(true);
    expect(isServiceTime(newYork, at('2026-03-09T08:59'))).toBe(false);
    expect(formatLocalDateTime(addServiceMinutes(newYork, at('2026-03-06T17:00'), 60), 'America/New_York')).toBe(
      '2026-03-09T09:30',
    );
    expect(serviceMinutesBetween(newYork, at('2026-03-06T09:00'), at('2026-03-09T17:30'))).toBe(2 * 510);
    // Every day worked: on the 23-hour Sunday itself, the day still opens at 09:00 on the wall.
    const everyDay = serviceCalendar(
      slaFields.parse({ serviceHours: '5x8', workdays: ['1', '2', '3', '4', '5', '6', '7'] }),
      { timeZone: 'America/New_York' },
    );
    expect(isServiceTime(everyDay, at('2026-03-08T09:00'))).toBe(true);
    expect(isServiceTime(everyDay, at('2026-03-08T17:29'))).toBe(true);
    expect(isServiceTime(everyDay, at('2026-03-08T17:30'))).toBe(false);
    expect(formatLocalDateTime(addServiceMinutes(everyDay, at('2026-03-07T17:00'), 60), 'America/New_York')).toBe(
      '2026-03-08T09:30',
    );
  });

  it('are the same for the same wall times whatever zone the project is in', () => {
    const shanghai = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }));
    const utc = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }), { timeZone: 'UTC' });
    expect(formatLocalDateTime(addServiceMinutes(shanghai, localDateTime('2026-12-07T17:20'), 30))).toBe(
      '2026-12-08T09:20',
    );
    expect(formatLocalDateTime(addServiceMinutes(utc, localDateTime('2026-12-07T17:20', 'UTC'), 30), 'UTC')).toBe(
      '2026-12-08T09:20',
    );
  });
});

describe('the project time zone', () => {
  const base = { code: 'JNB-OPS', name: '江南银行运维', customer: '江南银行' };

  it('defaults to Asia/Shanghai and accepts any IANA zone', () => {
    expect(projectFields.parse(base).timeZone).toBe('Asia/Shanghai');
    expect(projectFields.parse({ ...base, timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
  });

  it('refuses what is not a zone, in Chinese', () => {
    const result = projectFields.safeParse({ ...base, timeZone: 'UTC+8' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('项目时区不是有效的时区（IANA 名称，如 Asia/Shanghai）');
  });

  it('reads as Asia/Shanghai for a row written before the field existed', () => {
    expect(projectTimeZone({})).toBe('Asia/Shanghai');
    expect(projectTimeZone(null)).toBe('Asia/Shanghai');
    expect(projectTimeZone({ timeZone: 'Mars/Olympus' })).toBe('Asia/Shanghai');
    expect(projectTimeZone({ timeZone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
  });
});
