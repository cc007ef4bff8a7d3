/** Dates and durations as Chinese documents write them. */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** 2026-01-15 → 2026年1月15日 ('' stays ''). */
export function chineseDate(value: string): string {
  const match = isoDate.exec(value);
  if (!match) return value;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 2026-01-15 → 2026年1月, for the cover. */
export function chineseMonth(value: string): string {
  const match = isoDate.exec(value);
  if (!match) return value;
  return `${match[1]}年${Number(match[2])}月`;
}

/** The date part of a date or date-time: 2026-01-15T10:00 → 2026-01-15. */
export function datePart(value: string): string {
  return isoDate.exec(value)?.[0] ?? value;
}

/** 2026-01-06T10:00 and 2026-01-06T11:30 → 2026-01-06 10:00–11:30. */
export function timeSpan(start: string, end: string): string {
  if (!start) return end.replace('T', ' ');
  const from = start.replace('T', ' ');
  if (!end) return from;
  if (datePart(start) === datePart(end)) return `${from}–${end.slice(11)}`;
  return `${from} 至 ${end.replace('T', ' ')}`;
}

/** 15 → 15 分钟, 240 → 4 小时, 90 → 1 小时 30 分钟, 4320 → 72 小时. */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

/** Whole days from start to end, both included (a task on one day takes 1 day). */
export function daysInclusive(start: string, end: string): number | null {
  if (!isoDate.test(start) || !isoDate.test(end)) return null;
  const ms = Date.parse(`${datePart(end)}T00:00:00Z`) - Date.parse(`${datePart(start)}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}
