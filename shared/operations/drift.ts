/**
 * 配置漂移: where a patrol reading no longer matches the asset's signed baseline inspection.
 *
 * Both sides are keyed by inspection value key ('ssh.permitRootLogin', 'disk.maxUsePercent').
 * Only keys with a value on both sides are compared — a metric not read today is not drift.
 * - When either side is a number (a JS number, as the parsers and the number fields store
 *   them), both are read as numbers ("40 %" and "４０" read as 40) and differ when they are
 *   further apart than the key's tolerance (absolute, default 0; '*' sets a default for every
 *   key). A number against text that is not a number differs.
 * - Two texts compare folded (case, full-width forms, runs of white space ignored): 'no' = 'No',
 *   but '3.10' ≠ '3.1' — text is never read as a number, or version strings would collide.
 */
import { foldForCompare } from '../inspection/text';
import { isEmptyValue, type MetricReading, type MetricValue, parseMetricNumber, readingValue } from './thresholds';

export type BaselineValues = Readonly<Record<string, string | number | null | undefined>>;

export interface Drift {
  key: string;
  baseline: string | number;
  reading: string | number;
}

export function detectDrift(
  baseline: BaselineValues,
  reading: Readonly<Record<string, MetricValue | MetricReading>>,
  tolerance: Readonly<Record<string, number>> = {},
): Drift[] {
  const drifts: Drift[] = [];
  for (const [key, expected] of Object.entries(baseline)) {
    if (key.startsWith('note:') || isEmptyValue(expected) || !(key in reading)) continue;
    const actual = readingValue(reading[key]!);
    if (isEmptyValue(actual)) continue;
    if (differs(expected!, actual!, tolerance[key] ?? tolerance['*'] ?? 0))
      drifts.push({ key, baseline: expected!, reading: actual! });
  }
  return drifts;
}

function differs(expected: string | number, actual: string | number, tolerance: number): boolean {
  if (typeof expected === 'number' || typeof actual === 'number') {
    const a = parseMetricNumber(expected);
    const b = parseMetricNumber(actual);
    if (a === null || b === null) return true;
    // Rounded to absorb float noise (0.1 + 0.2), so a tolerance of 0.3 means 0.3.
    return Math.round(Math.abs(a - b) * 1e9) / 1e9 > Math.max(0, tolerance);
  }
  return foldForCompare(expected) !== foldForCompare(actual);
}
