import { type FileChild, TextRun } from 'docx';
import { defaultFaultRules, type FaultRule } from '../../operations/anomaly';
import { changePath } from '../../operations/change-workflow';
import {
  describeLevel,
  isStatusMetric,
  type MetricDef,
  metricDefsFor,
  metricLevelLabels,
} from '../../operations/thresholds';
import { type AssetFields, type AssetType, assetTypes, criticalities } from '../../records/asset';
import { type MemberFields } from '../../records/member';
import {
  changeStates,
  changeTypes,
  escalationTargets,
  metricDirections,
  type ServiceDesignFields,
} from '../../records/operations';
import { type PriorityLevel, priorityLevels, type SlaFields } from '../../records/sla';
import { live, type Row } from '../data';
import type { DocumentContext } from '../kit/context';
import { minutesText } from '../kit/format';
import { type Cell, type CellSpec, dataTable } from '../kit/table';
import { orDash, placeholderRun } from '../kit/text';
import { designGaps } from '../catalogue/service-design';

export { metricDefsFor };

/**
 * The service design (服务设计, process-standard 二.1 and 二.2) as the 运维技术方案 states it and
 * the 运维操作手册 applies it: the metrics and thresholds a patrol judges readings by, how an
 * anomaly is graded P1–P4, who an incident is escalated to and when, and the change rules.
 */

type Design = ServiceDesignFields;

// Metrics ---------------------------------------------------------------------------------------

/** Asset types the monitoring covers: those with project thresholds or assets in scope, in the usual order. */
export function monitoredAssetTypes(
  design: Pick<Design, 'thresholds'> | null | undefined,
  assets: readonly AssetFields[],
): AssetType[] {
  const used = new Set<string>([...(design?.thresholds ?? []).map((t) => t.assetType), ...assets.map((a) => a.type)]);
  return (Object.keys(assetTypes) as AssetType[]).filter(
    (type) => used.has(type) && metricDefsFor(type, design).length > 0,
  );
}

/** The label of a metric key anywhere in the design or the catalogue ("磁盘使用率"), else the key. */
export function metricLabel(key: string, design: Pick<Design, 'thresholds'> | null | undefined): string {
  for (const type of Object.keys(assetTypes)) {
    const def = metricDefsFor(type, design).find((d) => d.key === key);
    if (def) return def.label;
  }
  return key;
}

/** The options of a status metric that are critical: every one not normal and not a warning. */
function criticalOptions(def: MetricDef): string[] {
  if (!isStatusMetric(def)) return [];
  return def.options.filter((o) => !def.normal.includes(o) && !(def.warning ?? []).includes(o));
}

/**
 * One row per metric: 指标, 单位, 告警条件, 警告, 严重, 读取说明. A project metric with neither
 * level set cannot raise anything: its levels are marked 待补充.
 */
export function metricRows(ctx: DocumentContext, assetType: AssetType, defs: readonly MetricDef[]): Cell[][] {
  return defs.map((def) => {
    if (isStatusMetric(def)) {
      return [
        def.label,
        '—',
        `状态（正常值：${def.normal.join('/')}）`,
        orDash((def.warning ?? []).join('/')),
        orDash(criticalOptions(def).join('/')),
        orDash(def.hint),
      ];
    }
    const levels: Cell[] =
      def.warning === null && def.critical === null
        ? [{ runs: [placeholderRun(ctx, designGaps.levels(assetTypes[assetType], def.label))], columnSpan: 2 }]
        : [
            def.warning === null ? '—' : describeLevel(def, 'warning'),
            def.critical === null ? '—' : describeLevel(def, 'critical'),
          ];
    return [def.label, orDash(def.unit), metricDirections[def.direction].zh, ...levels, orDash(def.hint)];
  });
}

/** The captions of the design's tables, for references to them in the text (ctx.reference). */
export const designTableKeys = {
  grading: 'grading-rules',
  escalation: 'escalation',
  changeRules: 'change-rules',
  metrics: (assetType: AssetType) => `metrics-${assetType}`,
} as const;

export function metricTable(
  ctx: DocumentContext,
  caption: string,
  assetType: AssetType,
  defs: readonly MetricDef[],
): FileChild[] {
  return dataTable(ctx, {
    caption,
    captionKey: designTableKeys.metrics(assetType),
    keepTogether: true,
    columns: [
      { title: '指标', width: 19 },
      { title: '单位', width: 8, align: 'center' },
      { title: '告警条件', width: 20, align: 'center' },
      { title: metricLevelLabels.warning, width: 12, align: 'center' },
      { title: '严重', width: 12, align: 'center' },
      { title: '读取说明', width: 29 },
    ],
    rows: metricRows(ctx, assetType, defs),
  });
}

// Fault grading ----------------------------------------------------------------------------------

interface GradingRow {
  rule: FaultRule;
  projectRule: boolean;
}

const anyMetric = (key: string) => key.trim() === '' || key.trim() === '*';
const sameCondition = (a: FaultRule, b: FaultRule) =>
  (anyMetric(a.metricKey) ? '' : a.metricKey.trim()) === (anyMetric(b.metricKey) ? '' : b.metricKey.trim()) &&
  a.level === b.level &&
  (a.assetCriticality || '') === (b.assetCriticality || '');

/**
 * The grading rules in the order they are tried (first match wins, anomaly.ts): the project's,
 * then the defaults a project rule does not already decide. A default shadowed by a project
 * rule with the same condition never applies, so it is not listed.
 */
export function gradingRules(design: Pick<Design, 'faultGrading'> | null | undefined): GradingRow[] {
  const own: GradingRow[] = (design?.faultGrading ?? []).map((rule) => ({ rule, projectRule: true }));
  const defaults = defaultFaultRules
    .filter((d) => !own.some((o) => sameCondition(o.rule, d)))
    .map((rule) => ({ rule, projectRule: false }));
  return [...own, ...defaults];
}

export function gradingTable(ctx: DocumentContext, design: Design | null | undefined): FileChild[] {
  return dataTable(ctx, {
    caption: '巡检异常的故障分级规则',
    captionKey: designTableKeys.grading,
    keepTogether: true,
    columns: [
      { title: '顺序', width: 8, align: 'center' },
      { title: '指标', width: 26 },
      { title: '告警级别', width: 14, align: 'center' },
      { title: '对象重要程度', width: 18, align: 'center' },
      { title: '定为', width: 12, align: 'center' },
      { title: '规则来源', width: 22, align: 'center' },
    ],
    rows: gradingRules(design).map(({ rule, projectRule }, i) => [
      String(i + 1),
      anyMetric(rule.metricKey) ? '任意指标' : metricLabel(rule.metricKey, design),
      metricLevelLabels[rule.level],
      rule.assetCriticality ? criticalities[rule.assetCriticality].zh : '任意',
      { text: rule.priority, bold: true },
      projectRule ? '本项目约定' : '默认规则',
    ]),
  });
}

// Escalation -------------------------------------------------------------------------------------

const targetRoles: Record<keyof typeof escalationTargets, MemberFields['role']> = {
  secondLine: 'expert',
  pm: 'pm',
  customer: 'customerContact',
};

/** 二线专家（赵静）: the target and who that is in this project, when the team says. */
export function escalationTargetText(to: keyof typeof escalationTargets, members: Row<MemberFields>[]): string {
  const names = live(members)
    .filter((m) => m.role === targetRoles[to])
    .map((m) => m.name);
  return names.length ? `${escalationTargets[to].zh}（${names.join('、')}）` : escalationTargets[to].zh;
}

/** The escalation steps of a priority, earliest first. */
export function escalationSteps(
  design: Pick<Design, 'escalation'> | null | undefined,
  priority: PriorityLevel,
): Design['escalation'] {
  return (design?.escalation ?? [])
    .filter((s) => s.priority === priority)
    .sort((a, b) => (a.afterMinutes ?? Infinity) - (b.afterMinutes ?? Infinity));
}

/**
 * Per priority: the SLA's response and resolution targets and the escalation steps, e.g.
 * "报障后 15 分钟未恢复：升级至二线专家（赵静）". A step without minutes is marked 待补充.
 */
export function escalationTable(
  ctx: DocumentContext,
  design: Design | null | undefined,
  sla: SlaFields | null | undefined,
  members: Row<MemberFields>[],
): FileChild[] {
  const target = (level: PriorityLevel) => sla?.priorities.find((p) => p.level === level);
  return dataTable(ctx, {
    caption: '各级故障的处理时限与升级路径',
    captionKey: designTableKeys.escalation,
    keepTogether: true,
    columns: [
      { title: '级别', width: 8, align: 'center' },
      { title: '响应时间', width: 13, align: 'center' },
      { title: '解决时限', width: 13, align: 'center' },
      { title: '升级路径（从报障起计，服务时间）', width: 66 },
    ],
    rows: priorityLevels.map((level): Cell[] => {
      const steps = escalationSteps(design, level);
      const path: CellSpec = steps.length
        ? {
            runs: steps.flatMap((s, i) => [
              // One step per line.
              ...(i > 0 ? [new TextRun({ break: 1 })] : []),
              s.afterMinutes === null
                ? placeholderRun(ctx, designGaps.escalationMinutes(level, escalationTargets[s.to]))
                : new TextRun(
                    `报障后 ${minutesText(s.afterMinutes)}未恢复：升级至${escalationTargetText(s.to, members)}`,
                  ),
            ]),
          }
        : { text: '不升级，由责任工程师处理至关闭' };
      return [
        { text: level, bold: true },
        orDash(minutesText(target(level)?.responseMinutes ?? null)),
        orDash(minutesText(target(level)?.resolutionMinutes ?? null)),
        path,
      ];
    }),
  });
}

// Change management -----------------------------------------------------------------------------

/** 评估 → 审批 → 测试 → 实施 → 关闭, as the change workflow enforces it. */
export function changePathText(): string {
  return changePath.map((state) => changeStates[state].zh).join(' → ');
}

const yesNo = (value: 'yes' | 'no') => (value === 'yes' ? '是' : '否');

export function changeRulesTable(ctx: DocumentContext, design: Design): FileChild[] {
  return dataTable(ctx, {
    caption: '变更类型与审批要求',
    captionKey: designTableKeys.changeRules,
    keepTogether: true,
    columns: [
      { title: '变更类型', width: 14, align: 'center' },
      { title: '审批人', width: 24 },
      { title: '须测试', width: 10, align: 'center' },
      { title: '须回退方案', width: 12, align: 'center' },
      { title: '说明', width: 40 },
    ],
    rows: design.changeRules.map((rule) => [
      { text: changeTypes[rule.type].zh, bold: true },
      rule.approver.trim()
        ? rule.approver
        : { runs: [placeholderRun(ctx, designGaps.approver(changeTypes[rule.type]))] },
      yesNo(rule.testRequired),
      yesNo(rule.rollbackRequired),
      orDash(rule.notes),
    ]),
  });
}
