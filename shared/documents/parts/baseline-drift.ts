/**
 * 与配置基线的对比: where an asset's last patrol reading of a period no longer matches what its
 * signed baseline inspection recorded (drift.ts compares them), for the 巡检月报.
 */
import { type BaselineValues, detectDrift } from '../../operations/drift';
import { formatWithUnit, isStatusMetric, type MetricDef, parseMetricNumber } from '../../operations/thresholds';
import type { AssetFields } from '../../records/asset';
import { live, type ProjectDocumentData, type Row } from '../data';
import type { JoinedEntry } from './patrol-data';

export type BaselineData = Pick<ProjectDocumentData, 'checklistTemplates' | 'inspections' | 'inspectionResults'>;

/**
 * How far a percentage may move from the baseline before it is listed: CPU, memory and disk use
 * move every day, and the report is after the trend, not the noise. Counts and answers (故障盘数,
 * ssh.permitRootLogin) are listed on any change.
 */
export const PERCENT_DRIFT_TOLERANCE = 10;

export interface BaselineDrift {
  asset: Row<AssetFields>;
  label: string;
  baseline: string;
  reading: string;
  /** The day the baseline was signed, and the day of the reading. */
  signedAt: string;
  readOn: string;
}

function shown(value: string | number, def: MetricDef | undefined): string {
  const number = typeof value === 'number' ? value : null;
  if (number !== null && def && !isStatusMetric(def)) return formatWithUnit(number, def.unit);
  return String(value);
}

/** For each asset patrolled in the period that has a signed baseline: the readings of its last round that drifted from it. */
export function baselineDrift(
  data: BaselineData,
  entries: JoinedEntry[],
  defsFor: (assetType: string) => readonly MetricDef[],
): { drifts: BaselineDrift[]; compared: number } {
  const templates = new Map((data.checklistTemplates ?? []).map((t) => [t.id, t]));
  const results = live(data.inspectionResults);
  const signed = live(data.inspections).filter((i) => i.status === 'signed');
  const lastEntry = new Map<string, JoinedEntry>();
  for (const joined of entries) {
    const before = lastEntry.get(joined.asset.id);
    if (!before || `${joined.entry.date}|${joined.entry.round}` > `${before.entry.date}|${before.entry.round}`)
      lastEntry.set(joined.asset.id, joined);
  }
  const drifts: BaselineDrift[] = [];
  let compared = 0;
  for (const joined of lastEntry.values()) {
    const inspection = signed
      .filter((i) => i.assetId === joined.asset.id)
      .sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];
    const template = inspection ? templates.get(inspection.templateId) : undefined;
    if (!inspection || !template) continue;
    const baseline: Record<string, string | number> = {};
    for (const result of results) {
      if (result.inspectionId !== inspection.id) continue;
      const key = template.items.find((item) => item.id === result.itemId)?.parser.trim();
      if (key && (typeof result.value === 'string' || typeof result.value === 'number')) baseline[key] = result.value;
    }
    const defs = defsFor(joined.asset.type);
    const tolerance: Record<string, number> = {};
    for (const def of defs) if (!isStatusMetric(def) && def.unit === '%') tolerance[def.key] = PERCENT_DRIFT_TOLERANCE;
    const readings = Object.fromEntries(
      Object.entries(joined.entry.readings).map(([key, reading]) => [key, reading.value]),
    );
    if (!Object.keys(baseline).some((key) => key in readings)) continue;
    compared++;
    for (const drift of detectDrift(baseline as BaselineValues, readings, tolerance)) {
      const def = defs.find((d) => d.key === drift.key);
      const reading = parseMetricNumber(drift.reading);
      drifts.push({
        asset: joined.asset,
        label: def?.label ?? drift.key,
        baseline: shown(drift.baseline, def),
        reading: shown(reading ?? drift.reading, def),
        signedAt: inspection.signedAt,
        readOn: joined.entry.date,
      });
    }
  }
  return { drifts, compared };
}
