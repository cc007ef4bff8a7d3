/**
 * Patrol anomalies against incidents: every anomaly the grading rules make an incident has one
 * or a 未转故障 reason; every incident raised from a patrol points at a reading that was abnormal.
 */
import { live, type ProjectDocumentData } from '../data';
import { gradedAnomalies } from '../parts/anomaly-incidents';
import { assetShortName, readingRows } from '../parts/patrol-data';
import { metricDefsFor, metricLevelLabels, metricText } from '../../operations/thresholds';
import type { ConsistencyFinding } from './finding';

export function patrolFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const findings: ConsistencyFinding[] = [];
  // One finding per asset and metric: the days it was abnormal without incident or reason.
  const open = new Map<string, { name: string; label: string; level: string; days: string[]; priority: string }>();
  for (const a of gradedAnomalies(data)) {
    if (a.incidentId || a.reason) continue;
    const key = `${a.assetId}/${a.reading.key}`;
    const group = open.get(key) ?? {
      name: assetShortName(assets.get(a.assetId)!),
      label: a.reading.label,
      level: metricLevelLabels[a.level],
      days: [],
      priority: a.priority,
    };
    group.days.push(a.entry.date);
    if (a.level === 'critical') group.level = metricLevelLabels.critical;
    if (a.priority < group.priority) group.priority = a.priority;
    open.set(key, group);
  }
  for (const group of open.values()) {
    const days = [...new Set(group.days)].sort();
    const when = days.length === 1 ? days[0]! : `${days[0]} 等 ${days.length} 天`;
    findings.push({
      kind: 'anomalyWithoutIncident',
      message: {
        zh: `${group.name} ${group.label} ${group.level}（${when}），按故障分级规则为 ${group.priority} 故障，既未转故障也未写明未转故障原因`,
        en: `${group.name} ${metricText(group.label, 'en')} abnormal (${days[0]}${days.length > 1 ? ` and ${days.length - 1} more days` : ''}): a ${group.priority} incident by the grading rules, with neither an incident nor a reason`,
      },
      documents: ['patrolLog', 'patrolMonthlyReport'],
      route: `patrol?date=${days[0]}`,
    });
  }
  const entries = new Map(live(data.patrolEntries).map((e) => [e.id, e]));
  for (const incident of live(data.incidents)) {
    if (incident.source !== 'patrol') continue;
    const [entryId, metricKey] = incident.patrolEntryId.split('#');
    const entry = entryId ? entries.get(entryId) : undefined;
    const asset = entry ? assets.get(entry.assetId) : undefined;
    const reading =
      entry && asset && metricKey
        ? readingRows(entry, metricDefsFor(asset.type, data.serviceDesign)).find((r) => r.key === metricKey)
        : undefined;
    if (reading && (reading.level === 'warning' || reading.level === 'critical')) continue;
    findings.push({
      kind: 'incidentWithoutAnomaly',
      message: reading
        ? {
            zh: `故障“${incident.title}”来自巡检，但所关联的读数 ${reading.label} ${reading.valueText} 为${metricLevelLabels[reading.level ?? 'normal']}`,
            en: `Incident "${incident.title}" came from a patrol, but the reading it links (${reading.label} ${reading.valueText}) is not abnormal`,
          }
        : {
            zh: `故障“${incident.title}”的来源为巡检发现，但未关联任何巡检异常读数`,
            en: `Incident "${incident.title}" is a patrol finding but links no abnormal patrol reading`,
          },
      documents: ['patrolMonthlyReport', 'patrolLog'],
      route: 'incidents',
    });
  }
  return findings;
}
