import { addDays } from '../../../shared/date-time';
import type { PatrolPlanFields } from '../../../shared/records/operations';

/** ISO week of a date, as 2026-W48 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The round a date (and shift) falls in, by the plan's frequency. */
export function roundKey(frequency: PatrolPlanFields['frequency'], date: string, shift: string): string {
  switch (frequency) {
    case 'shift':
      return `${date}/${shift}`;
    case 'weekly':
      return isoWeek(date);
    case 'monthly':
      return date.slice(0, 7);
    default:
      return date;
  }
}

/** The round before, whose readings can be carried forward (无变化). */
export function previousRound(
  frequency: PatrolPlanFields['frequency'],
  date: string,
  shift: string,
  shifts: string[],
): string {
  switch (frequency) {
    case 'shift': {
      const index = shifts.indexOf(shift);
      if (index > 0) return `${date}/${shifts[index - 1]}`;
      return `${addDays(date, -1)}/${shifts.at(-1) ?? shift}`;
    }
    case 'weekly':
      return isoWeek(addDays(date, -7));
    case 'monthly': {
      const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
      return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    }
    default:
      return addDays(date, -1);
  }
}
