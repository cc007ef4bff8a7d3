import { type MetricDef, defaultMetricsFor } from '../../../shared/operations';
import type { ServiceDesignFields } from '../../../shared/records/operations';

/**
 * The metrics a patrol reads on an asset of a type: the catalogue's, with the numeric levels
 * the project set in its service design (and any metric the project added).
 */
export function metricDefsFor(assetType: string, design: Pick<ServiceDesignFields, 'thresholds'> | null): MetricDef[] {
  const overrides = (design?.thresholds ?? []).filter((t) => t.assetType === assetType);
  const defs: MetricDef[] = defaultMetricsFor(assetType).map((def) => {
    const own = overrides.find((o) => o.key === def.key);
    if (!own || def.kind === 'status') return def;
    return { ...def, label: own.label || def.label, unit: own.unit, direction: own.direction, warning: own.warning, critical: own.critical };
  });
  for (const own of overrides) {
    if (!defs.some((def) => def.key === own.key)) {
      defs.push({ key: own.key, label: own.label, unit: own.unit, direction: own.direction, warning: own.warning, critical: own.critical });
    }
  }
  return defs;
}
