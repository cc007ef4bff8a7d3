import { describe, expect, it } from 'vitest';
import { defaultPriorityTargets, slaFields } from '../../shared/records/sla';
import { formatLocalDateTime, localDateTime } from '../../shared/date-time';
import {
  type EscalationPolicy,
  escalationPolicyFromSteps,
  escalationSchedule,
  incidentTimingFromFields,
  incidentClocks,
  serviceCalendar,
  targetsFor,
} from '../../shared/operations';

const t = (text: string) => localDateTime(text);
const f = (instant: number | null) => (instant === null ? null : formatLocalDateTime(instant));

const office = serviceCalendar(slaFields.parse({ serviceHours: '5x8' })); // 09:00–17:30 Mon–Fri
const always = serviceCalendar(slaFields.parse({ serviceHours: '7x24' }));
// P1 15 min / 4 h, P2 30 min / 8 h, P3 2 h / 24 h, P4 8 h / 72 h.
const sla = { priorities: defaultPriorityTargets() };

// Reported Friday 2026-03-13 17:20.
const friday = { priority: 'P2' as const, reportedAt: t('2026-03-13T17:20') };

describe('SLA clocks: deadlines', () => {
  it('takes the targets of the priority', () => {
    expect(targetsFor(sla, 'P2')).toEqual({ responseMinutes: 30, resolutionMinutes: 480 });
    expect(targetsFor({ priorities: [] }, 'P1')).toEqual({ responseMinutes: null, resolutionMinutes: null });
  });

  it('P2 reported Friday 17:20 on 5x8: response due Monday 09:20, resolution Monday 16:50', () => {
    // Resolution: 10 minutes on Friday, 470 on Monday from 09:00 → 16:50.
    const clocks = incidentClocks(office, sla, friday, { now: t('2026-03-13T17:25') });
    expect(f(clocks.response.deadline)).toBe('2026-03-16T09:20');
    expect(f(clocks.resolution.deadline)).toBe('2026-03-16T16:50');
    expect(clocks.response).toMatchObject({
      kind: 'response',
      targetMinutes: 30,
      status: 'running',
      elapsedMinutes: 5,
      remainingMinutes: 25,
      stoppedAt: null,
      paused: false,
    });
    expect(clocks.response.usedShare).toBeCloseTo(5 / 30, 10);
    expect(clocks.resolution).toMatchObject({ status: 'running', elapsedMinutes: 5, remainingMinutes: 475 });
  });

  it('is at risk from 80 % of the allowed service time used, breached once past the deadline', () => {
    const at = (now: string, atRiskShare?: number) =>
      incidentClocks(office, sla, friday, { now: t(now), ...(atRiskShare ? { atRiskShare } : {}) }).response;
    // Over the weekend nothing is used: still 10 of 30.
    expect(at('2026-03-15T12:00')).toMatchObject({ status: 'running', elapsedMinutes: 10, remainingMinutes: 20 });
    expect(at('2026-03-16T09:13')).toMatchObject({ status: 'running', elapsedMinutes: 23 });
    expect(at('2026-03-16T09:14')).toMatchObject({ status: 'atRisk', elapsedMinutes: 24 }); // 24/30 = 0.8
    expect(at('2026-03-16T09:20')).toMatchObject({ status: 'atRisk', elapsedMinutes: 30, remainingMinutes: 0 });
    expect(at('2026-03-16T09:21')).toMatchObject({ status: 'breached', elapsedMinutes: 31, remainingMinutes: -1 });
    // The threshold is a parameter.
    expect(at('2026-03-16T09:05', 0.5)).toMatchObject({ status: 'atRisk', elapsedMinutes: 15 });
    expect(at('2026-03-16T09:04', 0.5).status).toBe('running');
    expect(() => at('2026-03-16T09:04', 1.5)).toThrow(RangeError);
  });

  it('a stopped clock is met at or before its deadline, breached after it', () => {
    const acked = (when: string) =>
      incidentClocks(office, sla, { ...friday, acknowledgedAt: t(when) }, { now: t('2026-03-20T12:00') }).response;
    expect(acked('2026-03-16T09:20')).toMatchObject({
      status: 'met',
      elapsedMinutes: 30,
      stoppedAt: t('2026-03-16T09:20'),
    });
    expect(acked('2026-03-16T09:21')).toMatchObject({ status: 'breached', elapsedMinutes: 31 });
    // Acknowledged after closing on Friday: 10 service minutes, well within.
    expect(acked('2026-03-13T17:45')).toMatchObject({ status: 'met', elapsedMinutes: 10, remainingMinutes: 20 });
  });

  it('compares instants: a target that ran out at closing time is missed by an acknowledgement the next day', () => {
    const tight = {
      priorities: [
        { level: 'P4' as const, definition: '', examples: '', responseMinutes: 10, resolutionMinutes: null },
      ],
    };
    const incident = {
      priority: 'P4' as const,
      reportedAt: t('2026-03-13T17:20'),
      acknowledgedAt: t('2026-03-14T10:00'),
    };
    const clocks = incidentClocks(office, tight, incident, { now: t('2026-03-14T10:00') });
    expect(f(clocks.response.deadline)).toBe('2026-03-13T17:30');
    // No further service minute passed, but the deadline shown was Friday 17:30.
    expect(clocks.response).toMatchObject({ status: 'breached', elapsedMinutes: 10, remainingMinutes: 0 });
    expect(clocks.resolution).toMatchObject({
      status: 'n/a',
      targetMinutes: null,
      deadline: null,
      remainingMinutes: null,
      usedShare: null,
    });
  });

  it('a resolution stops the response clock when no acknowledgement was recorded', () => {
    const clocks = incidentClocks(
      always,
      sla,
      { priority: 'P1', reportedAt: t('2026-03-16T10:00'), resolvedAt: t('2026-03-16T10:12') },
      { now: t('2026-03-16T12:00') },
    );
    expect(clocks.response).toMatchObject({ status: 'met', stoppedAt: t('2026-03-16T10:12'), elapsedMinutes: 12 });
    expect(clocks.resolution).toMatchObject({ status: 'met', elapsedMinutes: 12, remainingMinutes: 228 });
  });

  it('7x24: every minute counts', () => {
    const clocks = incidentClocks(always, sla, { ...friday, priority: 'P1' }, { now: t('2026-03-13T17:33') });
    expect(f(clocks.response.deadline)).toBe('2026-03-13T17:35');
    expect(f(clocks.resolution.deadline)).toBe('2026-03-13T21:20');
    expect(clocks.response).toMatchObject({ status: 'atRisk', elapsedMinutes: 13 });
    expect(
      incidentClocks(always, sla, { ...friday, priority: 'P1' }, { now: t('2026-03-14T00:00') }).resolution.status,
    ).toBe('breached');
  });

  it('a priority without targets reads n/a', () => {
    const clocks = incidentClocks(office, { priorities: [] }, friday, { now: t('2026-03-16T12:00') });
    expect(clocks.response.status).toBe('n/a');
    expect(clocks.response.elapsedMinutes).toBe(10 + 180);
  });
});

describe('SLA clocks: pauses', () => {
  it('an open pause ends now: the deadline is the one that holds if the clock restarts now', () => {
    // P3 (120 min) reported Monday 09:00, paused since 09:30, read at 10:30: 30 used, 90 left → 12:00.
    const incident = {
      priority: 'P3' as const,
      reportedAt: t('2026-03-16T09:00'),
      pauses: [{ start: t('2026-03-16T09:30'), end: null }],
    };
    const clocks = incidentClocks(office, sla, incident, { now: t('2026-03-16T10:30') });
    expect(clocks.response).toMatchObject({
      status: 'running',
      elapsedMinutes: 30,
      remainingMinutes: 90,
      paused: true,
    });
    expect(f(clocks.response.deadline)).toBe('2026-03-16T12:00');
    // An hour later, still paused: the deadline moves on with it.
    const later = incidentClocks(office, sla, incident, { now: t('2026-03-16T11:30') });
    expect(f(later.response.deadline)).toBe('2026-03-16T13:00');
    expect(later.response.status).toBe('running');
  });

  it('a pause left open on a resolved incident ends at the resolution, not now', () => {
    // P1 (240 min) reported Monday 09:00, paused at 09:30 and never closed, resolved 14:00, read Tuesday 16:00.
    // The pause counts until 14:00: 30 minutes to 09:30, then 210 from 14:00 → Monday 17:30
    // (closed at "now" it would have pushed the deadline to Wednesday).
    const incident = {
      priority: 'P1' as const,
      reportedAt: t('2026-03-16T09:00'),
      resolvedAt: t('2026-03-16T14:00'),
      pauses: [{ start: t('2026-03-16T09:30') }],
    };
    const clocks = incidentClocks(office, sla, incident, { now: t('2026-03-17T16:00') });
    expect(f(clocks.resolution.deadline)).toBe('2026-03-16T17:30');
    expect(clocks.resolution).toMatchObject({ status: 'met', elapsedMinutes: 30, paused: false });
  });

  it('a pause spanning the weekend shifts the resolution deadline by its service hours only', () => {
    // P1 (240 min) reported Friday 16:00, paused Friday 17:00 → Monday 10:00: 60 + 180 → Monday 13:00.
    const incident = {
      priority: 'P1' as const,
      reportedAt: t('2026-03-13T16:00'),
      acknowledgedAt: t('2026-03-13T16:10'),
      pauses: [{ start: t('2026-03-13T17:00'), end: t('2026-03-16T10:00'), reason: '等待客户确认停机窗口' }],
    };
    const clocks = incidentClocks(office, sla, incident, { now: t('2026-03-16T12:00') });
    expect(f(clocks.resolution.deadline)).toBe('2026-03-16T13:00');
    expect(clocks.resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 180,
      remainingMinutes: 60,
      paused: false,
    });
    expect(clocks.response).toMatchObject({ status: 'met', elapsedMinutes: 10 });
    const resolved = incidentClocks(
      office,
      sla,
      { ...incident, resolvedAt: t('2026-03-16T12:59') },
      { now: t('2026-03-17T12:00') },
    );
    expect(resolved.resolution.status).toBe('met');
  });
});

describe('escalation', () => {
  const policy: EscalationPolicy = {
    P2: [
      { to: 'customer', label: '通报客户', afterMinutes: 240 },
      { to: 'secondLine', afterMinutes: 30 },
      { to: 'pm', afterMinutes: 120 },
    ],
  };

  it('gives due times in service time from the report, earliest first', () => {
    // Friday 17:20 on 5x8: 30 → Monday 09:20; 120 → 10 + 110 → Monday 10:50; 240 → 10 + 230 → Monday 12:50.
    const schedule = escalationSchedule(office, policy, friday, { now: t('2026-03-16T11:00') });
    expect(schedule.map((due) => [due.label, f(due.dueAt), due.state, due.reached])).toEqual([
      ['二线专家', '2026-03-16T09:20', 'reached', true],
      ['项目经理', '2026-03-16T10:50', 'reached', true],
      ['通报客户', '2026-03-16T12:50', 'pending', false],
    ]);
  });

  it('a step is not needed once the incident was resolved at or before it', () => {
    const schedule = escalationSchedule(
      office,
      policy,
      { ...friday, resolvedAt: t('2026-03-16T10:50') },
      { now: t('2026-03-16T15:00') },
    );
    expect(schedule.map((due) => due.state)).toEqual(['reached', 'notNeeded', 'notNeeded']);
    expect(schedule.map((due) => due.reached)).toEqual([true, false, false]);
  });

  it('pauses shift escalations too; a priority without steps has none', () => {
    const paused = { ...friday, pauses: [{ start: t('2026-03-16T09:00'), end: t('2026-03-16T10:00') }] };
    expect(f(escalationSchedule(office, policy, paused, { now: t('2026-03-16T09:30') })[0]!.dueAt)).toBe(
      '2026-03-16T10:20',
    );
    expect(escalationSchedule(office, policy, { ...friday, priority: 'P4' }, { now: t('2026-03-16T09:30') })).toEqual(
      [],
    );
    // 7x24: plain minutes.
    expect(f(escalationSchedule(always, policy, friday, { now: t('2026-03-13T17:20') })[0]!.dueAt)).toBe(
      '2026-03-13T17:50',
    );
  });
});

describe('from form fields', () => {
  it('reads local date-time text in the project zone; no report time, no clock', () => {
    const timing = incidentTimingFromFields({
      priority: 'P2',
      reportedAt: '2026-03-13T17:20',
      acknowledgedAt: '',
      resolvedAt: '2026-03-16T11:00',
      pauses: [
        { start: '2026-03-16T09:00', end: '2026-03-16T09:30', reason: '等待客户' },
        { start: '2026-03-16T10:00', end: '' },
        { start: '', end: '2026-03-16T10:30' },
      ],
    });
    expect(timing).toEqual({
      priority: 'P2',
      reportedAt: t('2026-03-13T17:20'),
      acknowledgedAt: null,
      resolvedAt: t('2026-03-16T11:00'),
      pauses: [
        { start: t('2026-03-16T09:00'), end: t('2026-03-16T09:30'), reason: '等待客户' },
        { start: t('2026-03-16T10:00'), end: null },
      ],
    });
    expect(incidentTimingFromFields({ priority: 'P2', reportedAt: '2026-03-13T17:20' }, 'UTC')!.reportedAt).toBe(
      Date.UTC(2026, 2, 13, 17, 20),
    );
    expect(incidentTimingFromFields({ priority: 'P2', reportedAt: '' })).toBeNull();
    expect(incidentTimingFromFields({ priority: 'P2', reportedAt: '昨天' })).toBeNull();
  });

  it('builds an escalation policy from a flat list of steps', () => {
    const policy = escalationPolicyFromSteps([
      { priority: 'P1', to: 'secondLine', afterMinutes: 15 },
      { priority: 'P1', to: 'pm', afterMinutes: 60, label: '电话通知项目经理' },
      { priority: 'P2', to: 'secondLine', afterMinutes: null },
    ]);
    expect(policy).toEqual({
      P1: [
        { to: 'secondLine', afterMinutes: 15 },
        { to: 'pm', afterMinutes: 60, label: '电话通知项目经理' },
      ],
    });
  });
});
