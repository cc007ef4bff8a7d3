/**
 * 巡检异常 → 故障: which readings of a patrol entry are anomalies, and the incident each becomes.
 *
 * An anomaly is a reading at 'warning' or 'critical' (thresholds.ts). 'invalid' readings are
 * not anomalies — they are typos to correct — and are returned separately by evaluateEntry.
 *
 * Priority comes from the project's fault-grading rules (故障分级), first match wins:
 *   { metricKey: key or '*', level, assetCriticality?, priority }
 * A rule without assetCriticality matches any asset ('' in a form field means the same). The project's rules are tried first, then
 * the defaults, so a project needs to write only its exceptions:
 *   严重 on a high-criticality asset → P2
 *   严重                             → P3
 *   警告                             → P4
 * No default gives P1: P1 means 核心业务中断, which one patrol reading cannot establish — the
 * engineer raises it by hand, or a project rule says so for a metric it trusts (e.g. an
 * application's 服务状态 停止 on a high-criticality asset).
 */
import type { PriorityLevel } from '../records/sla';
import { DEFAULT_TIME_ZONE, formatInstant, type TimeZone } from '../date-time';
import {
  describeLevel,
  evaluateMetric,
  formatWithUnit,
  isStatusMetric,
  type MetricDef,
  type MetricLevel,
  metricLevelLabels,
  type MetricReading,
  type MetricValue,
  parseMetricNumber,
  readingValue,
} from './thresholds';

export type AssetCriticality = 'high' | 'medium' | 'low';
export type AnomalyLevel = 'warning' | 'critical';

const criticalityLabels: Record<AssetCriticality, string> = { high: '高', medium: '中', low: '低' };

export interface EvaluatedMetric {
  def: MetricDef;
  value: MetricValue;
  /** null: nothing was read. */
  level: MetricLevel | null;
  carried: boolean;
}

/** Every metric of the definitions with its reading and level, in definition order. */
export function evaluateEntry(
  defs: readonly MetricDef[],
  values: Readonly<Record<string, MetricValue | MetricReading>>,
): EvaluatedMetric[] {
  return defs.map((def) => {
    const reading = values[def.key];
    const value = reading === undefined ? null : readingValue(reading);
    const carried = reading !== null && typeof reading === 'object' && reading.carried === true;
    return { def, value, level: evaluateMetric(def, value), carried };
  });
}

export interface Anomaly {
  key: string;
  label: string;
  level: AnomalyLevel;
  value: MetricValue;
  def: MetricDef;
  carried: boolean;
}

/** The anomalies of an evaluated entry, critical ones first (then in definition order). */
export function anomaliesOf(evaluated: readonly EvaluatedMetric[]): Anomaly[] {
  const found: Anomaly[] = [];
  for (const metric of evaluated) {
    if (metric.level !== 'warning' && metric.level !== 'critical') continue;
    found.push({
      key: metric.def.key,
      label: metric.def.label,
      level: metric.level,
      value: metric.value,
      def: metric.def,
      carried: metric.carried,
    });
  }
  return found.sort((a, b) => (a.level === b.level ? 0 : a.level === 'critical' ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Fault grading

export interface FaultRule {
  /** A metric key; '*' or '' (an empty form field) for any metric. */
  metricKey: string;
  level: AnomalyLevel;
  /** Absent or '': any asset. */
  assetCriticality?: AssetCriticality | '';
  priority: PriorityLevel;
}

function anyMetric(rule: FaultRule): boolean {
  return rule.metricKey.trim() === '' || rule.metricKey.trim() === '*';
}

export const defaultFaultRules: readonly FaultRule[] = [
  { metricKey: '*', level: 'critical', assetCriticality: 'high', priority: 'P2' },
  { metricKey: '*', level: 'critical', priority: 'P3' },
  { metricKey: '*', level: 'warning', priority: 'P4' },
];

export interface GradedPriority {
  priority: PriorityLevel;
  /** The rule that decided it. */
  rule: FaultRule;
  /** Whether it came from the project's rules (false: a default). */
  projectRule: boolean;
}

export function priorityForAnomaly(
  anomaly: Pick<Anomaly, 'key' | 'level'>,
  assetCriticality: AssetCriticality | undefined,
  rules: readonly FaultRule[] = [],
): GradedPriority {
  const matches = (rule: FaultRule) =>
    (anyMetric(rule) || rule.metricKey.trim() === anomaly.key) &&
    rule.level === anomaly.level &&
    (!rule.assetCriticality || rule.assetCriticality === assetCriticality);
  const own = rules.find(matches);
  if (own) return { priority: own.priority, rule: own, projectRule: true };
  const fallback = defaultFaultRules.find(matches)!;
  return { priority: fallback.priority, rule: fallback, projectRule: false };
}

/** A rule in one line: "磁盘使用率 严重 · 重要程度高 → P2" ('*' reads 任意指标). */
export function describeFaultRule(rule: FaultRule, metricLabel?: string): string {
  const metric = anyMetric(rule) ? '任意指标' : (metricLabel ?? rule.metricKey);
  const asset = rule.assetCriticality ? ` · 重要程度${criticalityLabels[rule.assetCriticality]}` : '';
  return `${metric} ${metricLevelLabels[rule.level]}${asset} → ${rule.priority}`;
}

// ---------------------------------------------------------------------------------------------
// The incident

export interface PatrolAsset {
  /** What the customer calls it: hostname or asset name ("jnb-srv-0012"). */
  name: string;
  criticality?: AssetCriticality;
}

export interface AnomalyIncident {
  priority: PriorityLevel;
  title: string;
  description: string;
  metricKey: string;
  level: AnomalyLevel;
  value: MetricValue;
  grading: GradedPriority;
}

export interface AnomalyIncidentOptions {
  rules?: readonly FaultRule[];
  /** When the reading was taken; named in the description. */
  observedAt?: number;
  timeZone?: TimeZone;
}

/**
 * The incident an anomaly becomes: priority by the fault-grading rules, and Chinese text —
 * "jnb-srv-0012 磁盘使用率 92%（严重，阈值 90%）", "jnb-sw-01 告警灯 告警（严重）".
 */
export function incidentFromAnomaly(
  asset: PatrolAsset,
  anomaly: Anomaly,
  options: AnomalyIncidentOptions = {},
): AnomalyIncident {
  const grading = priorityForAnomaly(anomaly, asset.criticality, options.rules);
  const levelText = metricLevelLabels[anomaly.level];
  const def = anomaly.def;
  let reading: string;
  let title: string;
  let finding: string;
  if (isStatusMetric(def)) {
    reading = String(anomaly.value ?? '').trim();
    title = `${asset.name} ${def.label} ${reading}（${levelText}）`;
    finding = `${def.label}为“${reading}”（${levelText}，${describeLevel(def, anomaly.level)}）`;
  } else {
    const number = parseMetricNumber(anomaly.value);
    reading = number === null ? String(anomaly.value ?? '') : formatWithUnit(number, def.unit);
    const bound = anomaly.level === 'critical' ? def.critical : def.warning;
    const boundText =
      bound === null ? '' : `，${def.direction === 'below' ? '下限阈值' : '阈值'} ${formatWithUnit(bound, def.unit)}`;
    title = `${asset.name} ${def.label} ${reading}（${levelText}${boundText}）`;
    const levels = [
      def.warning !== null ? `${metricLevelLabels.warning} ${describeLevel(def, 'warning')}` : '',
      def.critical !== null ? `${metricLevelLabels.critical} ${describeLevel(def, 'critical')}` : '',
    ].filter(Boolean);
    finding = `${def.label}为 ${reading}，达到${levelText}级别（阈值：${levels.join('，')}）`;
  }
  const when =
    options.observedAt === undefined
      ? ''
      : `${formatInstant(options.observedAt, options.timeZone ?? DEFAULT_TIME_ZONE)} `;
  const lines = [`${when}巡检发现 ${asset.name} 的${finding}。`];
  if (anomaly.carried) lines.push('该数值沿用上次巡检（已确认无变化），请核实现场实际情况。');
  if (asset.criticality) lines.push(`资产重要程度：${criticalityLabels[asset.criticality]}。`);
  lines.push(
    `按故障分级规则（${describeFaultRule(grading.rule, def.label)}${grading.projectRule ? '' : '，默认规则'}）定为 ${grading.priority}。`,
  );
  return {
    priority: grading.priority,
    title,
    description: lines.join('\n'),
    metricKey: anomaly.key,
    level: anomaly.level,
    value: anomaly.value,
    grading,
  };
}
