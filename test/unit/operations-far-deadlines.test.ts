import { describe, expect, it } from 'vitest';
import { addServiceMinutes, escalationSchedule, serviceCalendar } from '../../shared/operations';

/**
 * Escalation steps take any whole number of minutes the schema accepts (no upper bound), so a
 * deadline may lie further than any calendar reaches: it is never due, and saying so must not
 * step through every working day up to it (found by documents-accept-any-row: the incidents
 * screen and the ops documents hung on an afterMinutes of 8127306808287235).
 */
describe('deadlines beyond a century', () => {
  const fiveByEight = serviceCalendar({
    serviceHours: '5x8',
    workdays: ['1', '2', '3', '4', '5'],
    dayStart: '09:00',
    dayEnd: '17:30',
    holidays: [],
    extraWorkdays: [],
  });
  const always = serviceCalendar({ serviceHours: '7x24' });
  const reportedAt = Date.UTC(2026, 10, 23, 1, 0);

  it('are never due, on 5x8 and on 7x24, and are known so at once', () => {
    const started = performance.now();
    expect(addServiceMinutes(always, reportedAt, 8_127_306_808_287_235)).toBe(Number.POSITIVE_INFINITY);
    expect(addServiceMinutes(fiveByEight, reportedAt, 8_127_306_808_287_235)).toBe(Number.POSITIVE_INFINITY);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('leave nearer deadlines as they were', () => {
    expect(addServiceMinutes(always, reportedAt, 60)).toBe(reportedAt + 3_600_000);
    expect(addServiceMinutes(always, reportedAt, 99 * 365 * 24 * 60)).toBe(reportedAt + 99 * 365 * 86_400_000);
  });

  it('an escalation step that far is pending, never reached', () => {
    const schedule = escalationSchedule(
      fiveByEight,
      { P3: [{ to: 'secondLine', afterMinutes: 8_127_306_808_287_235 }] },
      { priority: 'P3', reportedAt },
      { now: reportedAt + 86_400_000 },
    );
    expect(schedule.map((due) => [due.state, due.dueAt])).toEqual([['pending', Number.POSITIVE_INFINITY]]);
  });
});
