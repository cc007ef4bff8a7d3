/**
 * The patrol of a period in figures, for the 巡检月报: rounds planned against rounds done per
 * plan, completion per day, and the daily series of the key metrics per asset for the charts.
 */
import { isStatusMetric, type NumericMetricDef } from '../../operations/thresholds';
import { type AssetFields, assetTypes } from '../../records/asset';
import type { PatrolPlanFields, ServiceDesignFields } from '../../records/operations';
import { live, type ProjectDocumentData, type Row } from '../data';
import type { DocumentPeriod } from '../kit/context';
import type { JoinedEntry, ReadingRow } from './patrol-data';
import { isoWeek, periodDays } from './period';

export interface PlanExecution {
  plan: Row<PatrolPlanFields>;
  /** Live assets of the plan. */
  assets: number;
  /** The days of the period the plan was due on: from its first recorded round on (a plan is not due before it started). */
  dueDays: string[];
  plannedRounds: number;
  doneRounds: number;
  plannedEntries: number;
  entries: number;
  /** doneRounds / plannedRounds, at most 1; null when nothing was due. */
  completion: number | null;
}

/** Rounds a plan of this frequency has on the due days (a shift plan one per shift and day). */
function roundsDue(plan: PatrolPlanFields, dueDays: string[], shifts: number): number {
  switch (plan.frequency) {
    case 'shift':
      return dueDays.length * shifts;
    case 'weekly':
      return new Set(dueDays.map(isoWeek)).size;
    case 'monthly':
      return new Set(dueDays.map((d) => d.slice(0, 7))).size;
    default:
      return dueDays.length;
  }
}

/** Shifts a day has: as the service design lists them, at least one. */
export function shiftsPerDay(design: Pick<ServiceDesignFields, 'shifts'> | null | undefined): number {
  return Math.max(1, design?.shifts.length ?? 0);
}

/**
 * Every plan that was active or patrolled in the period, with what was due and what was done.
 * A plan is due from the day of its first recorded round (the plan has no start date of its
 * own), so a plan started mid-month is not counted as missing the days before.
 */
export function planExecution(
  data: Pick<ProjectDocumentData, 'assets' | 'serviceDesign' | 'patrolPlans' | 'patrolEntries'>,
  period: DocumentPeriod,
  entries: JoinedEntry[],
): PlanExecution[] {
  const liveAssets = new Set(live(data.assets).map((a) => a.id));
  const firstRound = new Map<string, string>();
  for (const e of live(data.patrolEntries)) {
    const first = firstRound.get(e.planId);
    if (!first || e.date < first) firstRound.set(e.planId, e.date);
  }
  const days = periodDays(period);
  const shifts = shiftsPerDay(data.serviceDesign);
  return live(data.patrolPlans)
    .filter((plan) => plan.active === 'yes' || entries.some((j) => j.plan.id === plan.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((plan) => {
      const start = firstRound.get(plan.id) ?? period.from;
      const dueDays = days.filter((d) => d >= start);
      const own = entries.filter((j) => j.plan.id === plan.id);
      const assets = plan.assetIds.filter((id) => liveAssets.has(id)).length;
      const plannedRounds = roundsDue(plan, dueDays, shifts);
      const doneRounds = new Set(own.map((j) => j.entry.round)).size;
      return {
        plan,
        assets,
        dueDays,
        plannedRounds,
        doneRounds,
        plannedEntries: plannedRounds * assets,
        entries: own.length,
        completion: plannedRounds === 0 ? null : Math.min(1, doneRounds / plannedRounds),
      };
    });
}

export interface DayCompletion {
  date: string;
  plan: Row<PatrolPlanFields>;
  expected: number;
  done: number;
  warning: number;
  critical: number;
}

/** Completion per day of the plans that are due every day (每日, 每班): assets × rounds a day against entries made. */
export function dailyCompletion(
  executions: PlanExecution[],
  entries: JoinedEntry[],
  readingsOf: (joined: JoinedEntry) => ReadingRow[],
  shifts: number,
): DayCompletion[] {
  const rows: DayCompletion[] = [];
  for (const execution of executions) {
    const { plan } = execution;
    if (plan.frequency !== 'daily' && plan.frequency !== 'shift') continue;
    const perDay = plan.frequency === 'shift' ? shifts : 1;
    for (const date of execution.dueDays) {
      const own = entries.filter((j) => j.plan.id === plan.id && j.entry.date === date);
      const levels = own.flatMap((j) => readingsOf(j).map((r) => r.level));
      rows.push({
        date,
        plan,
        expected: execution.assets * perDay,
        done: own.length,
        warning: levels.filter((l) => l === 'warning').length,
        critical: levels.filter((l) => l === 'critical').length,
      });
    }
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.plan.name.localeCompare(b.plan.name, 'zh-CN'));
}

/** The metrics every monthly report charts when they were read: capacity first, then load. */
export const KEY_METRICS = [
  'disk.maxUsePercent',
  'cpu.usedPercent',
  'memory.usedPercent',
  'storage.poolMaxUsedPercent',
  'db.tablespaceMaxUsedPercent',
] as const;

export interface TrendSeries {
  asset: Row<AssetFields>;
  /** One value per day of the period: the day's worst reading, null when none. */
  values: Array<number | null>;
  /** The worst value of the period. */
  worst: number;
}

export interface MetricTrend {
  key: string;
  assetType: AssetFields['type'];
  def: NumericMetricDef;
  /** The assets charted: those whose worst value came closest to (or beyond) the thresholds. */
  series: TrendSeries[];
  /** How many assets had readings of the metric. */
  assetCount: number;
  anomalies: number;
}

const typeOrder = Object.keys(assetTypes);

/**
 * Daily series of the numeric metrics, one trend per metric and asset type (thresholds differ
 * between types): the key metrics, then any other metric that had anomalies (most first), at
 * most `maxCharts`, each with its `maxSeries` worst assets. A day with several rounds (每班)
 * shows its worst reading: the one that matters against a threshold.
 */
export function metricTrends(
  entries: JoinedEntry[],
  readingsOf: (joined: JoinedEntry) => ReadingRow[],
  days: string[],
  options: { maxCharts: number; maxSeries: number },
): MetricTrend[] {
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const groups = new Map<
    string,
    {
      key: string;
      assetType: AssetFields['type'];
      def: NumericMetricDef;
      perAsset: Map<string, TrendSeries>;
      anomalies: number;
    }
  >();
  for (const joined of entries) {
    const index = dayIndex.get(joined.entry.date);
    if (index === undefined) continue;
    for (const reading of readingsOf(joined)) {
      if (!reading.def || isStatusMetric(reading.def) || reading.number === null || reading.level === 'invalid')
        continue;
      const def = reading.def;
      const id = `${reading.key}|${joined.asset.type}`;
      const group = groups.get(id) ?? {
        key: reading.key,
        assetType: joined.asset.type,
        def,
        perAsset: new Map(),
        anomalies: 0,
      };
      groups.set(id, group);
      if (reading.level === 'warning' || reading.level === 'critical') group.anomalies++;
      const series = group.perAsset.get(joined.asset.id) ?? {
        asset: joined.asset,
        values: days.map(() => null),
        worst: reading.number,
      };
      group.perAsset.set(joined.asset.id, series);
      const worse = (a: number, b: number) => (def.direction === 'below' ? Math.min(a, b) : Math.max(a, b));
      const before = series.values[index];
      series.values[index] = before === null || before === undefined ? reading.number : worse(before, reading.number);
      series.worst = worse(series.worst, reading.number);
    }
  }
  const keyRank = (key: string) => {
    const rank = (KEY_METRICS as readonly string[]).indexOf(key);
    return rank < 0 ? KEY_METRICS.length : rank;
  };
  const chosen = [...groups.values()]
    .filter((g) => keyRank(g.key) < KEY_METRICS.length || g.anomalies > 0)
    .sort(
      (a, b) =>
        keyRank(a.key) - keyRank(b.key) ||
        b.anomalies - a.anomalies ||
        typeOrder.indexOf(a.assetType) - typeOrder.indexOf(b.assetType) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, options.maxCharts);
  return chosen.map((g) => {
    const all = [...g.perAsset.values()];
    const series = all
      .sort(
        (a, b) =>
          (g.def.direction === 'below' ? a.worst - b.worst : b.worst - a.worst) ||
          a.asset.name.localeCompare(b.asset.name, 'zh-CN', { numeric: true }),
      )
      .slice(0, options.maxSeries);
    return { key: g.key, assetType: g.assetType, def: g.def, series, assetCount: all.length, anomalies: g.anomalies };
  });
}
