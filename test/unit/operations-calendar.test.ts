import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slaFields } from '../../shared/records/sla';
import {
  formatLocalDateTime,
  localDate,
  localDateTime,
  localMonth,
  localMonthRange,
  localParts,
  parseLocalDateTime,
} from '../../shared/date-time';
import {
  addServiceMinutes,
  isServiceTime,
  isWorkingDay,
  mergeIntervals,
  nextServiceStart,
  serviceCalendar,
  serviceIntervals,
  serviceMinutesBetween,
} from '../../shared/operations';

const t = (text: string) => localDateTime(text);
const f = (instant: number) => formatLocalDateTime(instant);

// 5x8: 09:00–17:30 Monday to Friday (slaFields' defaults), 510 minutes a day.
const office = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }));
// The same with 国庆 2026: 10-01…10-07 off, Sunday 09-27 and Saturday 10-10 worked (调休).
const guoqing = serviceCalendar(
  slaFields.parse({
    serviceHours: '5x8',
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    extraWorkdays: ['2026-09-27', '2026-10-10'],
  }),
);
const always = serviceCalendar(slaFields.parse({ serviceHours: '7x24' }));

describe('project local time in the project zone', () => {
  it('converts local wall time to epoch ms and back, by the zone and never the machine zone', () => {
    // 17:20 China Standard Time is 09:20 UTC.
    expect(t('2026-03-13T17:20')).toBe(Date.UTC(2026, 2, 13, 9, 20));
    expect(localDateTime('2026-03-13T17:20', 'UTC')).toBe(Date.UTC(2026, 2, 13, 17, 20));
    expect(localDateTime('2026-03-13T17:20', 'Etc/GMT+5')).toBe(Date.UTC(2026, 2, 13, 22, 20));
    expect(f(Date.UTC(2026, 2, 13, 9, 20))).toBe('2026-03-13T17:20');
    expect(formatLocalDateTime(Date.UTC(2026, 2, 13, 9, 20), 'Etc/GMT+5')).toBe('2026-03-13T04:20');
    // Local midnight: Sunday 16:30 UTC is already Monday in Beijing.
    expect(localDate(Date.UTC(2026, 2, 15, 16, 30))).toBe('2026-03-16');
    expect(localDate(Date.UTC(2026, 2, 15, 16, 30), 'UTC')).toBe('2026-03-15');
    expect(localParts(Date.UTC(2026, 2, 15, 16, 30))).toEqual({
      year: 2026,
      month: 3,
      day: 16,
      hour: 0,
      minute: 30,
      second: 0,
      isoWeekday: 1,
    });
    expect(localMonth(Date.UTC(2026, 2, 31, 16, 0))).toBe('2026-04');
    expect(localMonth(Date.UTC(2026, 2, 31, 16, 0), 'UTC')).toBe('2026-03');
  });

  it('accepts a space and seconds, refuses what is not a real date and time', () => {
    expect(parseLocalDateTime('2026-03-13 17:20')).toBe(t('2026-03-13T17:20'));
    expect(parseLocalDateTime('2026-03-13T17:20:30')).toBe(t('2026-03-13T17:20') + 30_000);
    for (const bad of [
      '2026-02-29T10:00',
      '2026-13-01T10:00',
      '2026-03-13T24:00',
      '2026-03-13T10:60',
      '2026-3-13T10:00',
      '',
      'yesterday',
    ]) {
      expect(parseLocalDateTime(bad)).toBeNull();
    }
    expect(parseLocalDateTime('2028-02-29T10:00')).not.toBeNull();
    expect(() => localDateTime('nope')).toThrow('不是有效的日期时间');
    expect(() => parseLocalDateTime('2026-03-13T10:00', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('gives months as local [start, end)', () => {
    expect(localMonthRange('2026-04')).toEqual({ start: Date.UTC(2026, 2, 31, 16), end: Date.UTC(2026, 3, 30, 16) });
    expect(localMonthRange('2026-12')).toEqual({ start: Date.UTC(2026, 10, 30, 16), end: Date.UTC(2026, 11, 31, 16) });
    expect(localMonthRange('2026-13')).toBeNull();
  });

  it('never uses the machine time zone: no Date local getters, no Intl, no Date string parsing in shared/operations', () => {
    const dir = `${import.meta.dirname}/../../shared/operations`;
    const forbidden =
      /\.(getHours|getMinutes|getSeconds|getDay|getDate|getMonth|getFullYear|getYear|getTimezoneOffset|setHours|setDate|setMonth|setFullYear|toLocale\w*|toDateString|toTimeString)\(|\bIntl\b|Date\.parse|new Date\(\s*['"`]/;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const code = readFileSync(`${dir}/${file}`, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
      expect(forbidden.exec(code)?.[0] ?? null, file).toBeNull();
    }
  });
});

describe('service calendar: 5x8', () => {
  it('runs only inside [dayStart, dayEnd) on working days', () => {
    expect(isServiceTime(office, t('2026-03-16T09:00'))).toBe(true);
    expect(isServiceTime(office, t('2026-03-16T08:59'))).toBe(false);
    expect(isServiceTime(office, t('2026-03-16T17:29'))).toBe(true);
    expect(isServiceTime(office, t('2026-03-16T17:30'))).toBe(false);
    expect(isServiceTime(office, t('2026-03-14T10:00'))).toBe(false); // Saturday
    expect(nextServiceStart(office, t('2026-03-14T10:00'))).toBe(t('2026-03-16T09:00'));
    expect(nextServiceStart(office, t('2026-03-16T07:00'))).toBe(t('2026-03-16T09:00'));
    expect(nextServiceStart(office, t('2026-03-16T10:15'))).toBe(t('2026-03-16T10:15'));
    expect(nextServiceStart(office, t('2026-03-16T17:30'))).toBe(t('2026-03-17T09:00'));
  });

  it('Friday 17:20 with a 30-minute response target is due Monday 09:20', () => {
    // 10 minutes on Friday (17:20–17:30), 20 on Monday (09:00–09:20).
    expect(f(addServiceMinutes(office, t('2026-03-13T17:20'), 30))).toBe('2026-03-16T09:20');
    expect(serviceMinutesBetween(office, t('2026-03-13T17:20'), t('2026-03-16T09:20'))).toBe(30);
    // A target that runs out exactly at closing time is due at closing time.
    expect(f(addServiceMinutes(office, t('2026-03-13T17:20'), 10))).toBe('2026-03-13T17:30');
  });

  it('crosses nights and starts counting at the next opening', () => {
    // Tuesday 16:00 + 120: 90 minutes on Tuesday, 30 on Wednesday.
    expect(f(addServiceMinutes(office, t('2026-03-17T16:00'), 120))).toBe('2026-03-18T09:30');
    // Reported on Saturday: counting starts Monday 09:00.
    expect(f(addServiceMinutes(office, t('2026-03-14T10:00'), 15))).toBe('2026-03-16T09:15');
    // Reported at 07:00: counting starts at 09:00.
    expect(f(addServiceMinutes(office, t('2026-03-16T07:00'), 60))).toBe('2026-03-16T10:00');
    expect(serviceMinutesBetween(office, t('2026-03-16T07:00'), t('2026-03-16T20:00'))).toBe(510);
    // A whole week: 5 × 510.
    expect(serviceMinutesBetween(office, t('2026-03-16T00:00'), t('2026-03-23T00:00'))).toBe(2550);
    expect(serviceMinutesBetween(office, t('2026-03-16T10:00'), t('2026-03-16T10:00'))).toBe(0);
    expect(serviceMinutesBetween(office, t('2026-03-16T11:00'), t('2026-03-16T10:00'))).toBe(0);
    expect(addServiceMinutes(office, t('2026-03-14T10:00'), 0)).toBe(t('2026-03-14T10:00'));
    expect(() => addServiceMinutes(office, t('2026-03-14T10:00'), -1)).toThrow(RangeError);
    expect(() => serviceMinutesBetween(office, Number.NaN, 0)).toThrow(RangeError);
  });

  it('skips a Chinese holiday and counts its 调休 working days', () => {
    expect(isWorkingDay(guoqing, '2026-09-27')).toBe(true); // Sunday, worked
    expect(isWorkingDay(guoqing, '2026-09-26')).toBe(false); // Saturday
    expect(isWorkingDay(guoqing, '2026-10-01')).toBe(false); // Thursday, 国庆
    expect(isWorkingDay(guoqing, '2026-10-07')).toBe(false);
    expect(isWorkingDay(guoqing, '2026-10-08')).toBe(true);
    expect(isWorkingDay(guoqing, '2026-10-10')).toBe(true); // Saturday, worked
    expect(isWorkingDay(guoqing, '2026-10-11')).toBe(false); // Sunday
    // Friday 09-25 17:00 + 60: 30 on Friday, then Sunday 09-27 is a working day.
    expect(f(addServiceMinutes(guoqing, t('2026-09-25T17:00'), 60))).toBe('2026-09-27T09:30');
    // Wednesday 09-30 17:00 + 60: 30 on Wednesday, the holiday week, 30 on Thursday 10-08.
    expect(f(addServiceMinutes(guoqing, t('2026-09-30T17:00'), 60))).toBe('2026-10-08T09:30');
    // Friday 10-09 17:00 + 60: Saturday 10-10 is worked.
    expect(f(addServiceMinutes(guoqing, t('2026-10-09T17:00'), 60))).toBe('2026-10-10T09:30');
    // Reported during the holiday.
    expect(f(addServiceMinutes(guoqing, t('2026-10-03T12:00'), 30))).toBe('2026-10-08T09:30');
    expect(isServiceTime(guoqing, t('2026-10-02T10:00'))).toBe(false);
    // Wednesday 09-30 and Thursday 10-08 are the only working days in between.
    expect(serviceMinutesBetween(guoqing, t('2026-09-30T09:00'), t('2026-10-09T09:00'))).toBe(1020);
    // Without the holiday list the same dates are ordinary days.
    expect(f(addServiceMinutes(office, t('2026-09-30T17:00'), 60))).toBe('2026-10-01T09:30');
  });

  it('runs a 72-hour resolution target on 5x8 over weeks', () => {
    // 4320 min = 8 full days of 510 (4080) + 240: the 9th working day at 13:00.
    // Monday 03-16: 16–20, 23–25 are the 8 days; Thursday 03-26 13:00.
    expect(f(addServiceMinutes(office, t('2026-03-16T09:00'), 4320))).toBe('2026-03-26T13:00');
    // Across 国庆: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (Sat), 10-12, 10-13; then Wednesday 10-14.
    const due = addServiceMinutes(guoqing, t('2026-09-28T09:00'), 4320);
    expect(f(due)).toBe('2026-10-14T13:00');
    expect(serviceMinutesBetween(guoqing, t('2026-09-28T09:00'), due)).toBe(4320);
    // A very long span is still quick (days are stepped whole): about 8 years of 5x8.
    const started = performance.now();
    const far = addServiceMinutes(office, t('2026-01-05T09:00'), 1_000_000);
    expect(serviceMinutesBetween(office, t('2026-01-05T09:00'), far)).toBeCloseTo(1_000_000, 6);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('lists its service intervals', () => {
    expect(
      serviceIntervals(office, t('2026-03-13T17:00'), t('2026-03-16T10:00')).map((span) => [
        f(span.start),
        f(span.end),
      ]),
    ).toEqual([
      ['2026-03-13T17:00', '2026-03-13T17:30'],
      ['2026-03-16T09:00', '2026-03-16T10:00'],
    ]);
  });
});

describe('service calendar: 7x24, custom and unusable definitions', () => {
  it('counts every minute on 7x24', () => {
    expect(f(addServiceMinutes(always, t('2026-03-13T17:20'), 30))).toBe('2026-03-13T17:50');
    expect(serviceMinutesBetween(always, t('2026-03-13T17:20'), t('2026-03-16T09:20'))).toBe(2 * 1440 + 16 * 60);
    expect(f(addServiceMinutes(always, t('2026-03-13T09:00'), 4320))).toBe('2026-03-16T09:00');
    expect(isServiceTime(always, t('2026-10-01T03:00'))).toBe(true);
    expect(always.notes).toEqual([]);
  });

  it('reads custom hours as 7x24 unless told the structured fields describe them', () => {
    const custom = slaFields.parse({
      serviceHours: 'custom',
      customHours: '每天 08:00–20:00',
      workdays: ['1', '2', '3', '4', '5', '6', '7'],
      dayStart: '08:00',
      dayEnd: '20:00',
    });
    const asAlways = serviceCalendar(custom);
    expect(asAlways.alwaysOn).toBe(true);
    expect(asAlways.notes).toEqual(['自定义服务时间无法自动识别，按 7x24 计时']);
    const asHours = serviceCalendar(custom, { custom: 'hours' });
    expect(asHours.alwaysOn).toBe(false);
    // Saturday 19:30 + 60: 30 on Saturday, 30 from Sunday 08:00.
    expect(f(addServiceMinutes(asHours, t('2026-03-14T19:30'), 60))).toBe('2026-03-15T08:30');
  });

  it('falls back to 7x24, and says so, when a 5x8 definition cannot be used', () => {
    expect(serviceCalendar({ serviceHours: '5x8', workdays: [], dayStart: '09:00', dayEnd: '17:30' }).notes).toEqual([
      '服务时间未选择工作日，按 7x24 计时',
    ]);
    expect(serviceCalendar({ serviceHours: '5x8', workdays: ['1'], dayStart: '', dayEnd: '17:30' }).notes).toEqual([
      '每日服务时段未填写完整，按 7x24 计时',
    ]);
    const reversed = serviceCalendar({ serviceHours: '5x8', workdays: ['1'], dayStart: '18:00', dayEnd: '09:00' });
    expect(reversed.alwaysOn).toBe(true);
    expect(reversed.notes).toEqual(['每日结束时间不晚于开始时间，按 7x24 计时']);
    const badDate = serviceCalendar({
      serviceHours: '5x8',
      workdays: ['1'],
      dayStart: '09:00',
      dayEnd: '24:00',
      holidays: ['2026-02-30'],
    });
    expect(badDate.alwaysOn).toBe(false);
    expect(badDate.dayEndMinute).toBe(1440);
    expect(badDate.notes).toEqual(['忽略无效日期：2026-02-30']);
  });

  it('treats a date that is both holiday and extra working day as a working day', () => {
    const both = serviceCalendar({
      serviceHours: '5x8',
      workdays: ['1', '2', '3', '4', '5'],
      dayStart: '09:00',
      dayEnd: '17:30',
      holidays: ['2026-10-01'],
      extraWorkdays: ['2026-10-01'],
    });
    expect(isWorkingDay(both, '2026-10-01')).toBe(true);
  });
});

describe('service calendar: pauses', () => {
  it('subtracts overlapping pauses once', () => {
    const pauses = [
      { start: t('2026-03-16T10:30'), end: t('2026-03-16T11:00') },
      { start: t('2026-03-16T10:45'), end: t('2026-03-16T11:15') },
    ];
    expect(mergeIntervals(pauses)).toEqual([{ start: t('2026-03-16T10:30'), end: t('2026-03-16T11:15') }]);
    // 7x24 from 10:00, 120 minutes, 45 of them paused → 12:45.
    expect(f(addServiceMinutes(always, t('2026-03-16T10:00'), 120, pauses))).toBe('2026-03-16T12:45');
    expect(serviceMinutesBetween(always, t('2026-03-16T10:00'), t('2026-03-16T12:45'), pauses)).toBe(120);
  });

  it('a pause spanning a weekend costs only its service hours', () => {
    // Friday 16:00, 240 minutes. Without a pause: 90 on Friday, then Monday 09:00 + 150 = 11:30.
    expect(f(addServiceMinutes(office, t('2026-03-13T16:00'), 240))).toBe('2026-03-16T11:30');
    // Paused Friday 17:00 → Monday 10:00: 60 on Friday, then from Monday 10:00 + 180 = 13:00.
    const weekend = [{ start: t('2026-03-13T17:00'), end: t('2026-03-16T10:00') }];
    expect(f(addServiceMinutes(office, t('2026-03-13T16:00'), 240, weekend))).toBe('2026-03-16T13:00');
    expect(serviceMinutesBetween(office, t('2026-03-13T16:00'), t('2026-03-16T12:00'), weekend)).toBe(180);
    // A pause entirely outside service hours changes nothing.
    const offHours = [{ start: t('2026-03-14T10:00'), end: t('2026-03-15T20:00') }];
    expect(f(addServiceMinutes(office, t('2026-03-13T16:00'), 240, offHours))).toBe('2026-03-16T11:30');
    // A pause before the start or after the deadline changes nothing either.
    const outside = [
      { start: t('2026-03-12T10:00'), end: t('2026-03-13T16:00') },
      { start: t('2026-03-16T12:00'), end: t('2026-03-16T14:00') },
    ];
    expect(f(addServiceMinutes(office, t('2026-03-13T16:00'), 240, outside))).toBe('2026-03-16T11:30');
  });

  it('an open pause stops the clock for good', () => {
    const open = [{ start: t('2026-03-16T10:00'), end: Number.POSITIVE_INFINITY }];
    expect(addServiceMinutes(office, t('2026-03-16T09:00'), 120, open)).toBe(Number.POSITIVE_INFINITY);
    expect(addServiceMinutes(always, t('2026-03-16T09:00'), 120, open)).toBe(Number.POSITIVE_INFINITY);
    expect(f(addServiceMinutes(office, t('2026-03-16T09:00'), 60, open))).toBe('2026-03-16T10:00');
    expect(serviceMinutesBetween(office, t('2026-03-16T09:00'), t('2026-03-20T09:00'), open)).toBe(60);
  });

  it('gives the same wall-clock answers in another project zone', () => {
    const london = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }), { timeZone: 'UTC' });
    const due = addServiceMinutes(london, localDateTime('2026-03-13T17:20', 'UTC'), 30);
    expect(formatLocalDateTime(due, 'UTC')).toBe('2026-03-16T09:20');
    // The same instant is service time in Beijing (Friday 09:30) but not in London (01:30).
    expect(isServiceTime(office, Date.UTC(2026, 2, 13, 1, 30))).toBe(true);
    expect(isServiceTime(london, Date.UTC(2026, 2, 13, 1, 30))).toBe(false);
    const newYork = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }), { timeZone: 'Etc/GMT+5' });
    // Friday 14:00 UTC: 22:00 in Beijing (closed), 09:00 in New York (open).
    expect(isServiceTime(office, Date.UTC(2026, 2, 13, 14, 0))).toBe(false);
    expect(isServiceTime(newYork, Date.UTC(2026, 2, 13, 14, 0))).toBe(true);
    expect(() => serviceCalendar({ serviceHours: '7x24' }, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
