/**
 * 巡检指标与阈值: what a daily patrol reads on each asset and when a reading is an anomaly.
 *
 * A numeric metric has a direction: 'above' (higher is worse: CPU %, temperature) or 'below'
 * (lower is worse: free space, remaining days). Levels are inclusive — a value equal to the
 * critical level is critical, equal to the warning level is warning — because thresholds are
 * written as "达到 90 % 即严重". Either level may be null (not checked). A value outside the
 * metric's plausible `range` (a percentage of 850) is 'invalid', as is text that is not a
 * number, so a typo is questioned instead of raising an incident.
 *
 * A status metric (告警灯 正常/告警, 备份 成功/失败, 服务 运行/停止) lists its options and which
 * of them are normal; options listed under `warning` are warnings, every other option is
 * critical, and an answer that is no option is 'invalid'. Answers compare ignoring case,
 * full-width forms and spaces.
 *
 * evaluateMetric returns null for no reading at all (null, '', blank): nothing to judge yet.
 *
 * Keys reuse the baseline-inspection value keys (shared/inspection valueKeyLabels) where the
 * patrol reads the same fact — cpu.usedPercent, memory.usedPercent, disk.maxUsePercent,
 * storage.poolMaxUsedPercent, storage.faultDisks — so a patrol reading can be compared with the
 * signed baseline (drift.ts). The others are patrol-only keys.
 */
import type { AssetType } from '../records/asset';
import type { MetricThreshold } from '../records/operations';
import { foldForCompare, formatNumber, parseNumberText, withUnit } from '../inspection/text';

export type MetricDirection = 'above' | 'below';
export type MetricLevel = 'normal' | 'warning' | 'critical' | 'invalid';
export type MetricValue = string | number | null | undefined;

/** One metric of a patrol entry: the value, and whether it was carried from the previous round (无变化). */
export interface MetricReading {
  value: MetricValue;
  carried?: boolean;
}

/** The value of a reading given either bare or as a MetricReading. */
export function readingValue(reading: MetricValue | MetricReading): MetricValue {
  return reading !== null && typeof reading === 'object' ? reading.value : reading;
}

export const metricLevelLabels: Record<MetricLevel, string> = {
  normal: '正常',
  warning: '警告',
  critical: '严重',
  invalid: '无效',
};

export interface NumericMetricDef {
  kind?: 'number';
  key: string;
  label: string;
  /** Shown after the value: '%', '℃', 'ms', '个', '' for a bare number. */
  unit: string;
  direction: MetricDirection;
  warning: number | null;
  critical: number | null;
  /** Values outside [min, max] are 'invalid' (typos); either bound may be absent. */
  range?: { min?: number; max?: number };
  /** How to read it, for the patrol form ("取各挂载点中的最高值"). */
  hint?: string;
}

export interface StatusMetricDef {
  kind: 'status';
  key: string;
  label: string;
  options: readonly string[];
  /** Options that are normal. */
  normal: readonly string[];
  /** Options that are a warning; every other option is critical. */
  warning?: readonly string[];
  hint?: string;
}

export type MetricDef = NumericMetricDef | StatusMetricDef;

export function isStatusMetric(def: MetricDef): def is StatusMetricDef {
  return def.kind === 'status';
}

/** Whether nothing was read: null, undefined, NaN or blank text. */
export function isEmptyValue(value: MetricValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return value.trim() === '';
}

/**
 * A number as typed: 85, "85", "85%", "85 %", "８５", "1,024", "-3.5 ℃". null for anything else
 * (an empty field, "约 85", "85/100", ±∞).
 */
export function parseMetricNumber(value: MetricValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  return parseNumberText(value);
}

/** The level of a reading; null when there is none. */
export function evaluateMetric(def: MetricDef, value: MetricValue): MetricLevel | null {
  if (isEmptyValue(value)) return null;
  if (isStatusMetric(def)) {
    const answer = foldForCompare(String(value));
    const matches = (list: readonly string[] | undefined) =>
      (list ?? []).some((option) => foldForCompare(option) === answer);
    if (!matches(def.options)) return 'invalid';
    if (matches(def.normal)) return 'normal';
    if (matches(def.warning)) return 'warning';
    return 'critical';
  }
  const number = parseMetricNumber(value);
  if (number === null) return 'invalid';
  if (def.range?.min !== undefined && number < def.range.min) return 'invalid';
  if (def.range?.max !== undefined && number > def.range.max) return 'invalid';
  const reaches = (level: number | null) =>
    level !== null && (def.direction === 'above' ? number >= level : number <= level);
  if (reaches(def.critical)) return 'critical';
  if (reaches(def.warning)) return 'warning';
  return 'normal';
}

/** The threshold a level was judged against, for messages ("≥ 90%", "≤ 10%"); '' when none. */
export function describeLevel(def: MetricDef, level: 'warning' | 'critical'): string {
  if (isStatusMetric(def)) return `正常值：${def.normal.join('/')}`;
  const bound = level === 'critical' ? def.critical : def.warning;
  if (bound === null) return '';
  return `${def.direction === 'above' ? '≥' : '≤'} ${formatWithUnit(bound, def.unit)}`;
}

/** "92%", "41 ℃", "3" — a number and its unit, as the UI and titles show them (withUnit). */
export function formatWithUnit(value: number, unit: string): string {
  return withUnit(formatNumber(value), unit);
}

/** Problems with a definition, in Chinese; empty when it is usable. */
export function checkMetricDef(def: MetricDef): string[] {
  const issues: string[] = [];
  if (!def.key.trim()) issues.push('指标缺少键名');
  if (!def.label.trim()) issues.push('指标缺少名称');
  if (isStatusMetric(def)) {
    if (def.options.length === 0) issues.push(`${def.label}：请列出可选状态`);
    if (def.normal.length === 0) issues.push(`${def.label}：请指定哪些状态为正常`);
    const folded = def.options.map(foldForCompare);
    for (const option of [...def.normal, ...(def.warning ?? [])]) {
      if (!folded.includes(foldForCompare(option))) issues.push(`${def.label}：“${option}”不是可选状态`);
    }
    return issues;
  }
  if (def.warning === null && def.critical === null) issues.push(`${def.label}：未设置警告值或严重值`);
  if (def.warning !== null && def.critical !== null) {
    if (def.direction === 'above' && def.warning >= def.critical) issues.push(`${def.label}：警告值应低于严重值`);
    if (def.direction === 'below' && def.warning <= def.critical) issues.push(`${def.label}：警告值应高于严重值`);
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Default catalogue

const percent = { min: 0, max: 100 };
const alarmLight: StatusMetricDef = {
  kind: 'status',
  key: 'hw.alarmLight',
  label: '告警灯',
  options: ['正常', '告警'],
  normal: ['正常'],
  hint: '面板/前面板指示灯，或管理界面的硬件告警',
};

function cpu(warning: number, critical: number): NumericMetricDef {
  return {
    key: 'cpu.usedPercent',
    label: 'CPU 使用率',
    unit: '%',
    direction: 'above',
    warning,
    critical,
    range: percent,
  };
}
function memory(warning: number, critical: number): NumericMetricDef {
  return {
    key: 'memory.usedPercent',
    label: '内存使用率',
    unit: '%',
    direction: 'above',
    warning,
    critical,
    range: percent,
  };
}

/**
 * The metrics a patrol reads per asset type, with the levels most delivery teams start from;
 * a project edits them in its 运维技术方案. 'other' has none: define them per project.
 */
export const defaultMetricCatalogue: Readonly<Record<AssetType, readonly MetricDef[]>> = {
  server: [
    cpu(80, 90),
    memory(85, 95),
    {
      key: 'disk.maxUsePercent',
      label: '磁盘使用率',
      unit: '%',
      direction: 'above',
      warning: 80,
      critical: 90,
      range: percent,
      hint: '取各挂载点/盘符中的最高值',
    },
    {
      key: 'hw.temperature',
      label: '进风口温度',
      unit: '℃',
      direction: 'above',
      warning: 35,
      critical: 40,
      range: { min: -40, max: 150 },
      hint: 'BMC/带外管理读数',
    },
    {
      key: 'cpu.loadPerCore',
      label: '系统负载（每核）',
      unit: '',
      direction: 'above',
      warning: 1,
      critical: 2,
      range: { min: 0 },
      hint: '15 分钟平均负载 ÷ CPU 核数',
    },
  ],
  network: [
    cpu(70, 90),
    memory(80, 90),
    {
      key: 'net.interfaceErrors',
      label: '接口错包',
      unit: '个',
      direction: 'above',
      warning: 1,
      critical: 1000,
      range: { min: 0 },
      hint: '自上次巡检以来各接口新增的错包（CRC/input errors）之和',
    },
    {
      key: 'hw.temperature',
      label: '设备温度',
      unit: '℃',
      direction: 'above',
      warning: 60,
      critical: 70,
      range: { min: -40, max: 150 },
    },
    alarmLight,
  ],
  storage: [
    {
      key: 'storage.poolMaxUsedPercent',
      label: '容量使用率',
      unit: '%',
      direction: 'above',
      warning: 80,
      critical: 90,
      range: percent,
      hint: '取各存储池中的最高值',
    },
    {
      key: 'storage.faultDisks',
      label: '故障盘数',
      unit: '块',
      direction: 'above',
      warning: null,
      critical: 1,
      range: { min: 0 },
    },
    alarmLight,
    {
      kind: 'status',
      key: 'storage.replicationStatus',
      label: '复制/快照状态',
      options: ['正常', '延迟', '中断'],
      normal: ['正常'],
      warning: ['延迟'],
    },
  ],
  database: [
    {
      key: 'db.tablespaceMaxUsedPercent',
      label: '表空间使用率',
      unit: '%',
      direction: 'above',
      warning: 85,
      critical: 95,
      range: percent,
      hint: '取各表空间中的最高值（已计自动扩展上限）',
    },
    {
      key: 'db.backupAgeHours',
      label: '最近成功备份距今',
      unit: '小时',
      direction: 'above',
      warning: 26,
      critical: 48,
      range: { min: 0 },
      hint: '每日备份：超过 26 小时说明漏了一次',
    },
    {
      key: 'db.connectionUsePercent',
      label: '连接数使用率',
      unit: '%',
      direction: 'above',
      warning: 80,
      critical: 90,
      range: percent,
      hint: '当前连接数 ÷ 最大连接数',
    },
    { kind: 'status', key: 'db.instanceStatus', label: '实例状态', options: ['运行', '停止'], normal: ['运行'] },
  ],
  application: [
    { kind: 'status', key: 'app.serviceStatus', label: '服务状态', options: ['运行', '停止'], normal: ['运行'] },
    {
      key: 'app.responseTimeMs',
      label: '响应时间',
      unit: 'ms',
      direction: 'above',
      warning: 1000,
      critical: 3000,
      range: { min: 0 },
    },
  ],
  security: [
    cpu(70, 90),
    {
      key: 'sec.sessionUsePercent',
      label: '会话数使用率',
      unit: '%',
      direction: 'above',
      warning: 80,
      critical: 90,
      range: percent,
      hint: '当前并发会话数 ÷ 设备规格',
    },
    alarmLight,
  ],
  other: [],
};

/**
 * The English of the catalogue's Chinese words: metric names, status options, units and hints.
 * The catalogue is written in Chinese (its words go into the Word documents and are stored as
 * readings); the English UI shows these instead. A project's own names are its data and stay.
 */
export const metricTextEn: Readonly<Record<string, string>> = {
  'CPU 使用率': 'CPU usage',
  内存使用率: 'Memory usage',
  磁盘使用率: 'Disk usage',
  进风口温度: 'Inlet temperature',
  '系统负载（每核）': 'Load per core',
  接口错包: 'Interface errors',
  设备温度: 'Device temperature',
  告警灯: 'Alarm light',
  容量使用率: 'Capacity usage',
  故障盘数: 'Failed disks',
  '复制/快照状态': 'Replication/snapshot status',
  表空间使用率: 'Tablespace usage',
  最近成功备份距今: 'Since last good backup',
  连接数使用率: 'Connection usage',
  实例状态: 'Instance status',
  服务状态: 'Service status',
  响应时间: 'Response time',
  会话数使用率: 'Session usage',
  正常: 'Normal',
  告警: 'Alarm',
  延迟: 'Delayed',
  中断: 'Broken',
  运行: 'Running',
  停止: 'Stopped',
  个: '',
  块: '',
  小时: 'h',
  '面板/前面板指示灯，或管理界面的硬件告警': 'Front-panel lights, or hardware alarms in the management interface',
  '取各挂载点/盘符中的最高值': 'The highest of all mount points / drives',
  'BMC/带外管理读数': 'Reading from the BMC / out-of-band management',
  '15 分钟平均负载 ÷ CPU 核数': '15-minute load average ÷ CPU cores',
  '自上次巡检以来各接口新增的错包（CRC/input errors）之和':
    'New errors (CRC/input errors) on all interfaces since the last patrol',
  取各存储池中的最高值: 'The highest of all storage pools',
  '取各表空间中的最高值（已计自动扩展上限）': 'The highest of all tablespaces (counting autoextend limits)',
  '每日备份：超过 26 小时说明漏了一次': 'Daily backups: over 26 hours means one was missed',
  '当前连接数 ÷ 最大连接数': 'Current connections ÷ maximum connections',
  '当前并发会话数 ÷ 设备规格': 'Current concurrent sessions ÷ device capacity',
};

/** A catalogue word in the UI language: its English in 'en' when the catalogue has it, else as is. */
export function metricText(text: string, language: string): string {
  return language.startsWith('en') && Object.hasOwn(metricTextEn, text) ? metricTextEn[text]! : text;
}

/** The default metrics of an asset type (none for an unknown type). */
export function defaultMetricsFor(assetType: string): readonly MetricDef[] {
  return (defaultMetricCatalogue as Record<string, readonly MetricDef[] | undefined>)[assetType] ?? [];
}

/**
 * The metrics a patrol reads on an asset of a type: the catalogue's (status metrics such as
 * 告警灯 included), with the numeric levels the project set in its service design, plus any
 * metric the project added. The patrol screens and the documents share it, so a document
 * describes what the patrol judges.
 */
export function metricDefsFor(
  assetType: string,
  design: { thresholds: readonly MetricThreshold[] } | null | undefined,
): MetricDef[] {
  const overrides = (design?.thresholds ?? []).filter((t) => t.assetType === assetType);
  const defs: MetricDef[] = defaultMetricsFor(assetType).map((def) => {
    const own = overrides.find((o) => o.key === def.key);
    if (!own || isStatusMetric(def)) return def;
    return {
      ...def,
      label: own.label || def.label,
      unit: own.unit,
      direction: own.direction,
      warning: own.warning,
      critical: own.critical,
    };
  });
  for (const own of overrides) {
    if (!defs.some((def) => def.key === own.key))
      defs.push({
        key: own.key,
        label: own.label,
        unit: own.unit,
        direction: own.direction,
        warning: own.warning,
        critical: own.critical,
      });
  }
  return defs;
}
