/**
 * 沿用上次 (carry forward): most of a patrol round reads what the last one read, but a patrol
 * log is evidence, so nothing is copied silently. The engineer attests 无变化 per metric; only
 * attested metrics take the previous round's value, and they are marked `carried: true` so the
 * log and the report can say which values were looked at anew and which were confirmed as
 * unchanged.
 *
 *   - a value typed today always wins (even for an attested key: the reading is better evidence
 *     than the attestation, which is then listed in `ignored`);
 *   - an attested key with no value today takes the previous value, carried: true;
 *   - an attested key the previous round has no value for stays empty and is listed in
 *     `unavailable` (nothing to carry: it must be read);
 *   - every other metric without a value today stays empty — including those the previous
 *     round had, which appear with value null so the form still shows them to fill in.
 */
import { isEmptyValue, type MetricReading, type MetricValue, readingValue } from './thresholds';

export type EntryValues = Readonly<Record<string, MetricValue | MetricReading>>;

export interface CarryForwardResult {
  values: Record<string, MetricReading>;
  /** Attested keys that took the previous value. */
  carried: string[];
  /** Attested keys with nothing to carry (the previous round has no value). */
  unavailable: string[];
  /** Attested keys that had a value today, which was kept. */
  ignored: string[];
}

export function carryForward(
  previous: EntryValues | null | undefined,
  current: EntryValues,
  attestedKeys: Iterable<string>,
): CarryForwardResult {
  const attested = new Set(attestedKeys);
  const values: Record<string, MetricReading> = {};
  const result: CarryForwardResult = { values, carried: [], unavailable: [], ignored: [] };
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous ?? {}), ...attested])];
  for (const key of keys) {
    const today = key in current ? readingValue(current[key]!) : null;
    if (!isEmptyValue(today)) {
      // A value typed today is today's reading, whatever it was marked before.
      values[key] = { value: today, carried: false };
      if (attested.has(key)) result.ignored.push(key);
      continue;
    }
    if (attested.has(key)) {
      const before = previous && key in previous ? readingValue(previous[key]!) : null;
      if (!isEmptyValue(before)) {
        values[key] = { value: before, carried: true };
        result.carried.push(key);
        continue;
      }
      result.unavailable.push(key);
    }
    values[key] = { value: null, carried: false };
  }
  return result;
}
