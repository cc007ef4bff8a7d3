import { openChangeStates } from '../../operations/change-workflow';
import type { Severity } from '../../records/checklist';
import type { ChangeRecordFields, IncidentFields, incidentStatuses } from '../../records/operations';
import { priorityLevels } from '../../records/sla';
import { live, type Row } from '../data';
import {
  type CheckedItem,
  failureSeverity,
  type InspectionData,
  type JoinedInspection,
  joinInspections,
} from './inspection-data';
import { severityOrder } from './checklist-baselines';

/**
 * What is still open on a given day — incidents not yet restored, failed baseline items whose
 * rectification is not closed, changes not yet closed — as a handover lists them.
 */

/** 待响应 and 处理中: the service is not restored yet. 已恢复 and 已关闭 are done for a handover. */
const openIncidentStatuses: ReadonlyArray<keyof typeof incidentStatuses> = ['open', 'acknowledged'];

/** Open incidents, most urgent first (P1 before P4, then oldest first). */
export function openIncidents(incidents: Row<IncidentFields>[] | undefined): Row<IncidentFields>[] {
  return live(incidents)
    .filter((i) => openIncidentStatuses.includes(i.status))
    .sort(
      (a, b) =>
        priorityLevels.indexOf(a.priority) - priorityLevels.indexOf(b.priority) ||
        a.reportedAt.localeCompare(b.reportedAt),
    );
}

/** Changes still in 评估, 审批, 测试 or 实施. */
export function openChanges(changes: Row<ChangeRecordFields>[] | undefined): Row<ChangeRecordFields>[] {
  return live(changes).filter((c) => openChangeStates.includes(c.state));
}

export interface OpenNonConformity {
  joined: JoinedInspection;
  checked: CheckedItem;
  severity: Severity;
}

/**
 * A failed item is closed once its rectification was re-checked (已复查) and the re-check did
 * not fail — the rule the 配置基线检查报告 counts 已整改 by. Everything else is still open:
 * no rectification yet, 待整改, 整改中, or 已整改 but not re-checked.
 */
export function isNonConformityClosed(checked: CheckedItem): boolean {
  const r = checked.rectification;
  return r?.status === 'verified' && r.recheckVerdict !== 'fail';
}

/** Failed baseline items not closed, most severe first. */
export function openNonConformities(data: InspectionData): OpenNonConformity[] {
  return joinInspections(data)
    .inspections.flatMap((joined) =>
      joined.sections.flatMap((s) =>
        s.items
          .filter((c) => c.verdict === 'fail' && !isNonConformityClosed(c))
          .map((checked) => ({ joined, checked, severity: failureSeverity(checked) })),
      ),
    )
    .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
}
