/**
 * What is still abnormal at the end of a period: each asset's latest reading of every metric,
 * numeric or status (a 告警灯 still 告警 counts as much as a disk at 85 %), with the advice that
 * fits the metric — capacity is expanded or cleaned, packet errors are traced on the link.
 */
import { isStatusMetric, type MetricDef, metricLevelLabels } from '../../operations/thresholds';
import { assetShortName, type JoinedEntry, type ReadingRow } from './patrol-data';

export interface WatchItem {
  /** "jnb-srv-0001 磁盘使用率 85 %（警告）". */
  text: string;
  level: 'warning' | 'critical';
  advice: string;
}

const advice: Array<[RegExp, string]> = [
  [/disk|inode|pool|tablespace|usedpercent|freespace|filesystem/i, '扩容或清理'],
  [/error|crc|drop|discard/i, '排查链路、端口与光模块'],
  [/temperature|temp/i, '检查散热与机房环境'],
  [/cpu|load/i, '分析负载来源并优化'],
  [/backup/i, '核查备份作业并补做备份'],
];

export function adviceFor(key: string, def: MetricDef | undefined): string {
  if (def && isStatusMetric(def)) return '现场排查并按故障流程处理';
  return advice.find(([pattern]) => pattern.test(key))?.[1] ?? '跟踪处理';
}

export function monthEndWatch(
  entries: readonly JoinedEntry[],
  readingsOf: (joined: JoinedEntry) => ReadingRow[],
): WatchItem[] {
  const latest = new Map<string, JoinedEntry>();
  for (const joined of entries) {
    const before = latest.get(joined.asset.id);
    if (!before || joined.entry.round > before.entry.round) latest.set(joined.asset.id, joined);
  }
  const items: WatchItem[] = [];
  for (const joined of latest.values()) {
    for (const reading of readingsOf(joined)) {
      if (reading.level !== 'warning' && reading.level !== 'critical') continue;
      items.push({
        text: `${assetShortName(joined.asset)} ${reading.label} ${reading.valueText}（${metricLevelLabels[reading.level]}）`,
        level: reading.level,
        advice: adviceFor(reading.key, reading.def),
      });
    }
  }
  return items.sort((a, b) =>
    a.level === b.level ? a.text.localeCompare(b.text, 'zh-CN') : a.level === 'critical' ? -1 : 1,
  );
}

/** One sentence per advice: "…，建议扩容或清理". */
export function watchSentences(items: readonly WatchItem[], limit = 8): string[] {
  const byAdvice = new Map<string, WatchItem[]>();
  for (const item of items) byAdvice.set(item.advice, [...(byAdvice.get(item.advice) ?? []), item]);
  return [...byAdvice.entries()].map(
    ([what, list]) =>
      `${list
        .slice(0, limit)
        .map((i) => i.text)
        .join('；')}${list.length > limit ? ` 等 ${list.length} 项` : ''}，建议${what}`,
  );
}
