import type { AssetType } from '../records/asset';
import type { ServiceDesignFields } from '../records/operations';
import { defaultFaultRules } from './anomaly';
import { type MetricDef, defaultMetricCatalogue } from './thresholds';

/** The starting point of a service design: the catalogue's levels, grading, escalation, change rules. */
export function defaultServiceDesign(): Partial<ServiceDesignFields> {
  const thresholds = (Object.entries(defaultMetricCatalogue) as [AssetType, readonly MetricDef[]][]).flatMap(
    ([assetType, defs]) =>
      defs.flatMap((def) =>
        def.kind === 'status'
          ? []
          : [
              {
                assetType,
                key: def.key,
                label: def.label,
                unit: def.unit,
                direction: def.direction,
                warning: def.warning,
                critical: def.critical,
              },
            ],
      ),
  );
  return {
    shifts: [
      { name: '白班', start: '08:30', end: '17:30', staff: '' },
      { name: '夜班', start: '17:30', end: '08:30', staff: '' },
    ],
    thresholds,
    faultGrading: defaultFaultRules.map((rule) => ({
      metricKey: rule.metricKey === '*' ? '' : rule.metricKey,
      level: rule.level,
      assetCriticality: rule.assetCriticality ?? '',
      priority: rule.priority,
    })),
    escalation: [
      { priority: 'P1', to: 'secondLine', afterMinutes: 15 },
      { priority: 'P1', to: 'pm', afterMinutes: 30 },
      { priority: 'P1', to: 'customer', afterMinutes: 60 },
      { priority: 'P2', to: 'secondLine', afterMinutes: 60 },
      { priority: 'P2', to: 'pm', afterMinutes: 120 },
      { priority: 'P3', to: 'secondLine', afterMinutes: 480 },
    ],
    changeRules: [
      {
        type: 'standard',
        approver: '技术负责人',
        testRequired: 'no',
        rollbackRequired: 'yes',
        notes: '预先批准的常规操作，按操作手册执行',
      },
      {
        type: 'normal',
        approver: '项目经理、客户运维负责人',
        testRequired: 'yes',
        rollbackRequired: 'yes',
        notes: '提前 3 个工作日提交',
      },
      {
        type: 'emergency',
        approver: '项目经理（事后补批）',
        testRequired: 'no',
        rollbackRequired: 'yes',
        notes: '故障抢修时使用，24 小时内补齐审批',
      },
    ],
  };
}
