import type { DocumentCheck, Gap } from '../documents/checks';
import type { ProjectDocumentData } from '../documents/data';
import { type DeliveryPlanData, deliveryPlanChecks } from '../documents/catalogue/delivery-plan';
import { feasibilityReportChecks } from '../documents/catalogue/feasibility-report';
import { projectCharterChecks } from '../documents/catalogue/project-charter';
import type { DocumentTypeKey } from '../documents/catalogue/document-types';
import { type RequirementsSpecCheckData, requirementsSpecChecks } from '../documents/catalogue/requirements-spec';
import { serviceLevelAgreementChecks } from '../documents/catalogue/service-level-agreement';
import type { Label } from '../records/fields';
import { isMilestoneOverdue, isTaskOverdue } from '../records/plan';

/**
 * What phase 一 (and the 二.4 plan) has recorded, as the readiness checks read it: the records the
 * deliverables read, loaded the same way (singletons parsed, null until started), except the
 * asset inventory, counted rather than read.
 */
export type PhaseOneData = RequirementsSpecCheckData &
  Pick<ProjectDocumentData, 'members' | 'feasibility' | 'risks' | 'sla' | 'charter'> &
  Pick<DeliveryPlanData, 'planTasks' | 'milestones'>;

export interface ReadinessCheck {
  ok: boolean;
  label: Label;
  /**
   * A condition of the deliverable itself (its document's own check, worded and judged as
   * 交付文档 judges it), or false for one the phase needs beyond the document: no requirement
   * waiting for confirmation, nothing overdue.
   */
  ofDocument: boolean;
}

export interface DeliverableReadiness {
  deliverable: Label;
  /** The Word deliverable these checks are the rules of (交付文档 lists the same gaps). */
  documentKey: DocumentTypeKey;
  /** The workspace page where the missing data is entered. */
  page: string;
  checks: ReadinessCheck[];
  /** What 交付文档 says is missing for the document, in Chinese (empty when it can be generated). */
  missing: Gap[];
}

function fromDocument(
  deliverable: Label,
  documentKey: DocumentTypeKey,
  page: string,
  checks: DocumentCheck[],
  phaseChecks: ReadinessCheck[] = [],
): DeliverableReadiness {
  return {
    deliverable,
    documentKey,
    page,
    checks: [...checks.map((c) => ({ ok: c.ok, label: c.label, ofDocument: true })), ...phaseChecks],
    missing: checks.flatMap((c) => c.missing),
  };
}

const phaseCheck = (ok: boolean, zh: string, en: string): ReadinessCheck => ({
  ok,
  label: { zh, en },
  ofDocument: false,
});

/**
 * For each deliverable of phase 一, what is recorded and what is still missing, so a project
 * manager sees at a glance whether the phase can close. The document's checks are the very
 * checks its builder's `missing` is made of (shared/documents/*), so this page and 交付文档
 * always agree; a few checks of the phase itself follow them.
 */
export function phaseOneReadiness(data: PhaseOneData, today: string): DeliverableReadiness[] {
  const awaiting = data.requirements.filter((r) => !r.deleted && (r.status === 'pending' || r.status === 'changed'));
  const overdue =
    data.planTasks.some((t) => !t.deleted && isTaskOverdue(t, today)) ||
    data.milestones.some((m) => !m.deleted && isMilestoneOverdue(m, today));
  return [
    fromDocument(
      { zh: '需求规格说明书', en: 'Requirements specification' },
      'requirementsSpec',
      'requirements',
      requirementsSpecChecks(data),
      [phaseCheck(awaiting.length === 0, '没有等待确认的需求', 'No requirement awaits confirmation')],
    ),
    fromDocument(
      { zh: '可行性评估与风险报告', en: 'Feasibility and risk report' },
      'feasibilityReport',
      'feasibility',
      feasibilityReportChecks(data),
    ),
    fromDocument({ zh: '项目章程', en: 'Project charter' }, 'projectCharter', 'charter', projectCharterChecks(data)),
    fromDocument(
      { zh: '服务级别协议', en: 'Service level agreement' },
      'serviceLevelAgreement',
      'sla',
      serviceLevelAgreementChecks(data),
    ),
    fromDocument({ zh: '交付计划', en: 'Delivery plan' }, 'deliveryPlan', 'plan', deliveryPlanChecks(data), [
      phaseCheck(!overdue, '没有逾期的任务或里程碑', 'Nothing overdue'),
    ]),
  ];
}
