/**
 * The patrol as the periodic documents read it: entries joined with their plan and asset, each
 * reading with its metric's label, unit, level and thresholds.
 */
import {
  describeLevel,
  evaluateMetric,
  formatWithUnit,
  isStatusMetric,
  type MetricDef,
  type MetricLevel,
  metricDefsFor,
  metricLevelLabels,
  parseMetricNumber,
} from '../../operations/thresholds';

export { metricDefsFor };
import type { AssetFields } from '../../records/asset';
import {
  patrolFrequencies,
  type PatrolEntryFields,
  type PatrolPlanFields,
  type PatrolReading,
} from '../../records/operations';
import { live, type ProjectDocumentData, type Row } from '../data';
import type { DocumentPeriod } from '../kit/context';
import { inPeriod } from './period';

export type PatrolData = Pick<ProjectDocumentData, 'assets' | 'serviceDesign' | 'patrolPlans' | 'patrolEntries'>;

/** jnb-srv-0004 — what the engineers and the customer call it: the hostname, else the asset's name. */
export function assetShortName(asset: Pick<AssetFields, 'name' | 'hostname'>): string {
  return asset.hostname.trim() || asset.name;
}

/** 柜面渠道服务器-0004（jnb-srv-0004）. */
export function assetLabel(asset: Pick<AssetFields, 'name' | 'hostname'>): string {
  return asset.hostname && asset.hostname !== asset.name ? `${asset.name}（${asset.hostname}）` : asset.name;
}

export interface JoinedEntry {
  entry: Row<PatrolEntryFields>;
  plan: Row<PatrolPlanFields>;
  asset: Row<AssetFields>;
}

/** Live entries of live plans and assets dated in the period, by plan name, round and the plan's asset order. */
export function patrolEntriesIn(data: PatrolData, period: DocumentPeriod): JoinedEntry[] {
  const plans = new Map(live(data.patrolPlans).map((p) => [p.id, p]));
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const joined: JoinedEntry[] = [];
  for (const entry of live(data.patrolEntries)) {
    if (!inPeriod(entry.date, period)) continue;
    const plan = plans.get(entry.planId);
    const asset = assets.get(entry.assetId);
    if (plan && asset) joined.push({ entry, plan, asset });
  }
  const order = (j: JoinedEntry) => {
    const index = j.plan.assetIds.indexOf(j.asset.id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return joined.sort(
    (a, b) =>
      a.plan.name.localeCompare(b.plan.name, 'zh-CN') ||
      a.plan.id.localeCompare(b.plan.id) ||
      a.entry.date.localeCompare(b.entry.date) ||
      a.entry.round.localeCompare(b.entry.round) ||
      order(a) - order(b) ||
      a.asset.name.localeCompare(b.asset.name, 'zh-CN', { numeric: true }),
  );
}

/** The dates patrol entries were made on (of live plans and assets). */
export function patrolDates(data: PatrolData): string[] {
  const plans = new Set(live(data.patrolPlans).map((p) => p.id));
  const assets = new Set(live(data.assets).map((a) => a.id));
  return live(data.patrolEntries)
    .filter((e) => plans.has(e.planId) && assets.has(e.assetId))
    .map((e) => e.date);
}

export type ReadingLevel = MetricLevel;

/** 正常/警告/严重 as the service design names the levels; 无效 for a reading that is no valid value. */
export const levelLabels: Record<ReadingLevel, string> = metricLevelLabels;
/** Cell fills that print in grey and keep black text readable (the baseline report's). */
export const levelFills: Partial<Record<ReadingLevel, string>> = {
  warning: 'FFE699',
  critical: 'F4B084',
  invalid: 'E7E6E6',
};

export interface ReadingRow {
  key: string;
  label: string;
  unit: string;
  def: MetricDef | undefined;
  /** "75 %", "正常", '' when nothing was read. */
  valueText: string;
  /** The number, for statistics and charts; null for status answers and blanks. */
  number: number | null;
  level: ReadingLevel | null;
  /** Taken over from the previous round under the engineer's 无变化 attestation. */
  carried: boolean;
  /** When it was read, 'YYYY-MM-DDTHH:mm' or ''. */
  at: string;
}

const storedLevels = new Set<string>(['normal', 'warning', 'critical', 'invalid']);

/**
 * The readings of an entry in the order of the asset type's metrics, then any other key. The
 * level is the one recorded with the reading (judged against the thresholds of that day); a
 * reading recorded without one is judged against today's definition.
 */
export function readingRows(entry: Pick<PatrolEntryFields, 'readings'>, defs: readonly MetricDef[]): ReadingRow[] {
  const keys = [
    ...defs.map((d) => d.key).filter((key) => key in entry.readings),
    ...Object.keys(entry.readings)
      .filter((key) => !defs.some((d) => d.key === key))
      .sort(),
  ];
  return keys.map((key) => {
    const reading: PatrolReading = entry.readings[key]!;
    const def = defs.find((d) => d.key === key);
    const unit = def && !isStatusMetric(def) ? def.unit : '';
    const number = def && isStatusMetric(def) ? null : parseMetricNumber(reading.value);
    const valueText =
      reading.value === null || reading.value === ''
        ? ''
        : number !== null
          ? formatWithUnit(number, unit)
          : String(reading.value);
    const level = storedLevels.has(reading.status)
      ? (reading.status as ReadingLevel)
      : def
        ? evaluateMetric(def, reading.value)
        : null;
    return {
      key,
      label: def?.label ?? key,
      unit,
      def,
      valueText,
      number,
      level,
      carried: reading.carried,
      at: reading.at,
    };
  });
}

/** 警告 ≥ 80 %；严重 ≥ 90 % (or a line each, for a narrow column) — 正常值：运行 for a status metric; '' without a definition. */
export function thresholdText(def: MetricDef | undefined, separator = '；'): string {
  if (!def) return '';
  if (isStatusMetric(def)) return describeLevel(def, 'critical');
  return [
    def.warning !== null ? `警告 ${describeLevel(def, 'warning')}` : '',
    def.critical !== null ? `严重 ${describeLevel(def, 'critical')}` : '',
  ]
    .filter(Boolean)
    .join(separator);
}

export function frequencyLabel(plan: Pick<PatrolPlanFields, 'frequency'>): string {
  return patrolFrequencies[plan.frequency].zh;
}

/** 09:10 for a time on the day itself, else the date and time. */
export function timeOnDay(at: string, day: string): string {
  if (!at) return '';
  return at.startsWith(day) ? at.slice(11, 16) : at.replace('T', ' ').slice(0, 16);
}
