import { describe, expect, it } from 'vitest';
import { slaFields } from '../../shared/records/sla';
import { localDateTime, localMonthRange } from '../../shared/date-time';
import {
  type IncidentTiming,
  monthlyAvailability,
  monthlyCompliance,
  type Outage,
  serviceAvailability,
  serviceCalendar,
} from '../../shared/operations';

const t = (text: string) => localDateTime(text);
const always = serviceCalendar(slaFields.parse({ serviceHours: '7x24' }));

const sla = {
  priorities: [
    { level: 'P1' as const, definition: '', examples: '', responseMinutes: 15, resolutionMinutes: 240 },
    { level: 'P2' as const, definition: '', examples: '', responseMinutes: 30, resolutionMinutes: 480 },
    { level: 'P3' as const, definition: '', examples: '', responseMinutes: 120, resolutionMinutes: 1440 },
    // P4: no response target.
    { level: 'P4' as const, definition: '', examples: '', responseMinutes: null, resolutionMinutes: 4320 },
  ],
};

const incidents: IncidentTiming[] = [
  // P1: met / met.
  {
    priority: 'P1',
    reportedAt: t('2026-03-02T10:00'),
    acknowledgedAt: t('2026-03-02T10:10'),
    resolvedAt: t('2026-03-02T13:00'),
  },
  // P1: response 20 > 15 missed; resolution 210 ≤ 240 met.
  {
    priority: 'P1',
    reportedAt: t('2026-03-05T22:00'),
    acknowledgedAt: t('2026-03-05T22:20'),
    resolvedAt: t('2026-03-06T01:30'),
  },
  // P1 reported 31 March 23:50, handled in April: response 10 met, resolution 310 > 240 missed — a March incident.
  {
    priority: 'P1',
    reportedAt: t('2026-03-31T23:50'),
    acknowledgedAt: t('2026-04-01T00:00'),
    resolvedAt: t('2026-04-01T05:00'),
  },
  // P2 still open long past its 8-hour deadline: resolution missed already.
  { priority: 'P2', reportedAt: t('2026-03-20T09:00'), acknowledgedAt: t('2026-03-20T09:10') },
  // P4: resolved in 24 h of 72.
  { priority: 'P4', reportedAt: t('2026-03-10T09:00'), resolvedAt: t('2026-03-11T09:00') },
  // April P2, open and within its deadline at `now`: pending.
  { priority: 'P2', reportedAt: t('2026-04-02T10:00'), acknowledgedAt: t('2026-04-02T10:05') },
  // 1 April 07:30 in Beijing is still 31 March in UTC.
  {
    priority: 'P3',
    reportedAt: t('2026-04-01T07:30'),
    acknowledgedAt: t('2026-04-01T08:00'),
    resolvedAt: t('2026-04-01T09:00'),
  },
];
const now = t('2026-04-02T12:00');

describe('monthly SLA compliance', () => {
  it('counts met, missed and pending per month and priority (hand-worked)', () => {
    const rows = monthlyCompliance(always, sla, incidents, { now });
    expect(rows.map((row) => `${row.month} ${row.priority} ${row.count}`)).toEqual([
      '2026-03 P1 3',
      '2026-03 P2 1',
      '2026-03 P4 1',
      '2026-04 P2 1',
      '2026-04 P3 1',
    ]);
    const [marchP1, marchP2, marchP4, aprilP2, aprilP3] = rows;
    expect(marchP1!.response).toEqual({ met: 2, missed: 1, pending: 0, share: 2 / 3, percent: 66.7 });
    expect(marchP1!.resolution).toEqual({ met: 2, missed: 1, pending: 0, share: 2 / 3, percent: 66.7 });
    expect(marchP2!.response).toEqual({ met: 1, missed: 0, pending: 0, share: 1, percent: 100 });
    expect(marchP2!.resolution).toEqual({ met: 0, missed: 1, pending: 0, share: 0, percent: 0 });
    expect(marchP4!.response).toBe('n/a');
    expect(marchP4!.resolution).toEqual({ met: 1, missed: 0, pending: 0, share: 1, percent: 100 });
    expect(aprilP2!.resolution).toEqual({ met: 0, missed: 0, pending: 1, share: null, percent: null });
    expect(aprilP3!.response).toEqual({ met: 1, missed: 0, pending: 0, share: 1, percent: 100 });
  });

  it('attributes by reportedAt in the project zone, not UTC', () => {
    const utc = serviceCalendar(slaFields.parse({ serviceHours: '7x24' }), { timeZone: 'UTC' });
    const rows = monthlyCompliance(utc, sla, incidents.slice(-1), { now });
    expect(rows.map((row) => row.month)).toEqual(['2026-03']);
    expect(monthlyCompliance(always, sla, incidents.slice(-1), { now }).map((row) => row.month)).toEqual(['2026-04']);
  });

  it('with months given, lists every priority of those months, empty ones too', () => {
    const rows = monthlyCompliance(always, sla, incidents, { now, months: ['2026-05', '2026-03'] });
    expect(rows.map((row) => `${row.month} ${row.priority} ${row.count}`)).toEqual([
      '2026-03 P1 3',
      '2026-03 P2 1',
      '2026-03 P3 0',
      '2026-03 P4 1',
      '2026-05 P1 0',
      '2026-05 P2 0',
      '2026-05 P3 0',
      '2026-05 P4 0',
    ]);
    expect(rows[4]!.response).toEqual({ met: 0, missed: 0, pending: 0, share: null, percent: null });
    expect(rows[7]!.response).toBe('n/a');
  });

  it('runs the clocks on the service calendar (5x8)', () => {
    const office = serviceCalendar(slaFields.parse({ serviceHours: '5x8' }));
    // P2 reported Friday 17:20, acknowledged Monday 09:20: 30 service minutes, met.
    const friday: IncidentTiming = {
      priority: 'P2',
      reportedAt: t('2026-03-13T17:20'),
      acknowledgedAt: t('2026-03-16T09:20'),
      resolvedAt: t('2026-03-16T16:50'),
    };
    const [row] = monthlyCompliance(office, sla, [friday], { now });
    expect(row!.response).toMatchObject({ met: 1, missed: 0 });
    expect(row!.resolution).toMatchObject({ met: 1, missed: 0 });
    // On 7x24 the same incident missed both.
    const [strict] = monthlyCompliance(always, sla, [friday], { now });
    expect(strict!.response).toMatchObject({ met: 0, missed: 1 });
  });
});

describe('availability', () => {
  const availabilitySla = {
    availability: [
      { service: '核心业务系统', targetPercent: 99.9, period: 'month' as const },
      { service: 'OA 系统', targetPercent: 99.5, period: 'quarter' as const },
      { service: '邮件系统', targetPercent: null, period: 'month' as const },
    ],
  };
  const core = (start: string, end: string, planned = false): Outage => ({
    service: '核心业务系统',
    start: t(start),
    end: t(end),
    planned,
  });
  const outages: Outage[] = [
    // Two overlapping records of one outage: 10:00–10:45, 45 minutes.
    core('2026-04-03T10:00', '2026-04-03T10:30'),
    core('2026-04-03T10:20', '2026-04-03T10:45'),
    // A maintenance window: planned, does not count.
    core('2026-04-10T02:00', '2026-04-10T06:00', true),
    // Across the month boundary: 10 minutes in April, 30 in May.
    core('2026-04-30T23:50', '2026-05-01T00:30'),
    // 14.4 minutes (14 min 24 s) in May.
    { service: '核心业务系统 ', start: t('2026-05-20T08:00'), end: t('2026-05-20T08:14') + 24_000, planned: false },
    // OA: 300 min in April, 300 in May, 60 in June.
    { service: 'OA 系统', start: t('2026-04-08T01:00'), end: t('2026-04-08T06:00'), planned: false },
    { service: 'oa 系统', start: t('2026-05-08T01:00'), end: t('2026-05-08T06:00'), planned: false },
    { service: 'OA 系统', start: t('2026-06-08T01:00'), end: t('2026-06-08T02:00'), planned: false },
    // A service without a target, outage still open.
    { service: '视频会议', start: t('2026-06-30T23:00'), end: null, planned: false },
  ];

  it('99.9 % of a 30-day month allows 43.2 minutes, of a 31-day month 44.64', () => {
    const rows = monthlyAvailability(availabilitySla, outages, ['2026-04', '2026-05']);
    const april = rows.find((row) => row.month === '2026-04' && row.service === '核心业务系统')!;
    // 45 + 10 = 55 minutes of 43 200: 100 × (1 − 55/43200) = 99.87268… → 99.873.
    expect(april).toMatchObject({ periodMinutes: 43_200, downtimeMinutes: 55, percent: 99.873 });
    expect(april.target).toMatchObject({
      targetPercent: 99.9,
      period: 'month',
      allowedDowntimeMinutes: 43.2,
      met: false,
    });
    const may = rows.find((row) => row.month === '2026-05' && row.service === '核心业务系统')!;
    // 30 + 14.4 = 44.4 of 44 640: 99.90053… → 99.901, within 44.64.
    expect(may.periodMinutes).toBe(44_640);
    expect(may.downtimeMinutes).toBeCloseTo(44.4, 10);
    expect(may.percent).toBe(99.901);
    expect(may.target).toMatchObject({ allowedDowntimeMinutes: 44.64, met: true });
  });

  it('met compares the unrounded downtime: 43.2 minutes meets 99.9 %, one second more does not', () => {
    const june = localMonthRange('2026-06')!;
    const exactly: Outage = {
      service: '核心业务系统',
      start: t('2026-06-10T10:00'),
      end: t('2026-06-10T10:43') + 12_000,
      planned: false,
    };
    const [row] = monthlyAvailability({ availability: [availabilitySla.availability[0]!] }, [exactly], ['2026-06']);
    expect(row).toMatchObject({ downtimeMinutes: 43.2, percent: 99.9 });
    expect(row!.target!.met).toBe(true);
    const over = { ...exactly, end: exactly.end! + 1000 };
    const [late] = monthlyAvailability({ availability: [availabilitySla.availability[0]!] }, [over], ['2026-06']);
    expect(late!.percent).toBe(99.9); // 99.89996… rounds to 99.9
    expect(late!.target!.met).toBe(false);
    expect(serviceAvailability([exactly], '核心业务系统', june).downtimeMinutes).toBe(43.2);
  });

  it('checks a quarterly target over the whole quarter', () => {
    const rows = monthlyAvailability(availabilitySla, outages, ['2026-04', '2026-05', '2026-06']).filter(
      (row) => row.service === 'OA 系统',
    );
    // Per month: 300/43200 → 99.306, 300/44640 → 99.328, 60/43200 → 99.861.
    expect(rows.map((row) => row.percent)).toEqual([99.306, 99.328, 99.861]);
    // Q2 = 91 days = 131 040 minutes; 99.5 % allows 655.2; 660 were down → 99.49633… → 99.496, missed.
    for (const row of rows) {
      expect(row.target).toMatchObject({ period: 'quarter', allowedDowntimeMinutes: 655.2, met: false });
      expect(row.target!.measured).toMatchObject({ periodMinutes: 131_040, downtimeMinutes: 660, percent: 99.496 });
    }
    // Without June's hour the quarter is within budget even though April alone is below 99.5 %.
    const withoutJune = monthlyAvailability(
      availabilitySla,
      outages.filter((outage) => outage.start !== t('2026-06-08T01:00')),
      ['2026-04'],
    );
    expect(withoutJune.find((row) => row.service === 'OA 系统')!.target).toMatchObject({ met: true });
  });

  it('lists services with a target or an outage; no target → null; open outages run to now or the month end', () => {
    const rows = monthlyAvailability(availabilitySla, outages, ['2026-06'], { now: t('2026-06-30T23:30') });
    expect(rows.map((row) => row.service)).toEqual(['核心业务系统', 'OA 系统', '邮件系统', '视频会议']);
    const mail = rows.find((row) => row.service === '邮件系统')!;
    expect(mail).toMatchObject({ downtimeMinutes: 0, percent: 100, target: null });
    expect(rows.find((row) => row.service === '视频会议')).toMatchObject({ downtimeMinutes: 30, target: null });
    const untilMonthEnd = monthlyAvailability(availabilitySla, outages, ['2026-06']);
    expect(untilMonthEnd.find((row) => row.service === '视频会议')!.downtimeMinutes).toBe(60);
    expect(() => monthlyAvailability(availabilitySla, outages, ['2026-6'])).toThrow('不是有效的月份');
  });

  it('a yearly target is measured over the calendar year', () => {
    const yearly = { availability: [{ service: '核心业务系统', targetPercent: 99.99, period: 'year' as const }] };
    const [row] = monthlyAvailability(yearly, outages, ['2026-04']);
    // 2026 has 365 days = 525 600 minutes; 0.01 % = 52.56 minutes; 55 + 30 + 14.4 = 99.4 were down.
    expect(row!.target).toMatchObject({ period: 'year', allowedDowntimeMinutes: 52.56, met: false });
    expect(row!.target!.measured.periodMinutes).toBe(525_600);
    expect(row!.target!.measured.downtimeMinutes).toBeCloseTo(99.4, 10);
  });
});
