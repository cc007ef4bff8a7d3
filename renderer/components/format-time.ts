import { DEFAULT_TIME_ZONE, formatInstant, type TimeZone } from '../../shared/date-time';

/** A moment as the engineer reads a clock on site: 2026-12-07 14:07 in the project's zone (not the device's). */
export function formatLocalMinute(millis: number, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  return formatInstant(millis, zone);
}
