/**
 * Patrol anomalies and the incidents they became. The service design's fault-grading rules give
 * every 警告 or 严重 reading a priority (shared/operations/anomaly.ts), so each anomaly either has
 * its incident or an engineer's reason why not (未转故障, entry.noIncidentReasons). An anomaly is
 * covered by an incident raised from it, from an earlier reading of the same run (the same
 * asset and metric abnormal round after round), or by an incident on the same asset still open
 * when it was read.
 */
import { type AssetCriticality, priorityForAnomaly } from '../../operations/anomaly';
import type { PriorityLevel } from '../../records/sla';
import type { PatrolEntryFields } from '../../records/operations';
import { live, type ProjectDocumentData, type Row } from '../data';
import { type ReadingRow, readingRows } from './patrol-data';
import { metricDefsFor } from '../../operations/thresholds';

export type AnomalyData = Pick<ProjectDocumentData, 'assets'> &
  Partial<Pick<ProjectDocumentData, 'serviceDesign' | 'patrolPlans' | 'patrolEntries' | 'incidents'>>;

export interface GradedAnomaly {
  entry: Row<PatrolEntryFields>;
  assetId: string;
  reading: ReadingRow;
  level: 'warning' | 'critical';
  priority: PriorityLevel;
  /** The incident that covers it, if any. */
  incidentId: string | null;
  /** The engineer's 未转故障 reason ('' when none). */
  reason: string;
}

/** The incident link a patrol anomaly is raised with (PatrolRoundPage): entry id # metric key. */
export function anomalyLink(entryId: string, metricKey: string): string {
  return `${entryId}#${metricKey}`;
}

/** Every 警告/严重 reading of the live entries (of live plans and assets), graded, with what covers it. */
export function gradedAnomalies(data: AnomalyData): GradedAnomaly[] {
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const plans = new Set(live(data.patrolPlans).map((p) => p.id));
  const incidents = live(data.incidents);
  const byLink = new Map(incidents.filter((i) => i.patrolEntryId).map((i) => [i.patrolEntryId, i.id]));
  const rules = (data.serviceDesign?.faultGrading ?? []).map((g) => ({
    ...g,
    assetCriticality: (g.assetCriticality || undefined) as AssetCriticality | undefined,
  }));
  const entries = live(data.patrolEntries)
    .filter((e) => plans.has(e.planId) && assets.has(e.assetId))
    .sort(
      (a, b) =>
        a.planId.localeCompare(b.planId) || a.assetId.localeCompare(b.assetId) || a.round.localeCompare(b.round),
    );
  const defsByType = new Map<string, ReturnType<typeof metricDefsFor>>();
  const found: Array<GradedAnomaly & { run: string }> = [];
  // A run: the same plan, asset and metric abnormal round after round, until a normal reading.
  const currentRun = new Map<string, string>();
  const runIncident = new Map<string, string>();
  for (const entry of entries) {
    const asset = assets.get(entry.assetId)!;
    if (!defsByType.has(asset.type)) defsByType.set(asset.type, metricDefsFor(asset.type, data.serviceDesign));
    for (const reading of readingRows(entry, defsByType.get(asset.type)!)) {
      const metric = `${entry.planId}/${entry.assetId}/${reading.key}`;
      if (reading.level !== 'warning' && reading.level !== 'critical') {
        if (reading.level === 'normal') currentRun.delete(metric);
        continue;
      }
      const level = reading.level;
      const run = currentRun.get(metric) ?? `${metric}/${entry.round}`;
      currentRun.set(metric, run);
      const priority = priorityForAnomaly({ key: reading.key, level }, asset.criticality, rules).priority;
      const own = byLink.get(anomalyLink(entry.id, reading.key)) ?? null;
      if (own && !runIncident.has(run)) runIncident.set(run, own);
      const open =
        incidents.find(
          (i) =>
            i.assetId === entry.assetId &&
            i.reportedAt.slice(0, 10) <= entry.date &&
            (!i.resolvedAt || i.resolvedAt.slice(0, 10) >= entry.date),
        )?.id ?? null;
      found.push({
        entry,
        assetId: entry.assetId,
        reading,
        level,
        priority,
        incidentId: own ?? open,
        reason: (entry.noIncidentReasons[reading.key] ?? '').trim(),
        run,
      });
    }
  }
  return found.map(({ run, ...anomaly }) => ({
    ...anomaly,
    incidentId: anomaly.incidentId ?? runIncident.get(run) ?? null,
  }));
}
