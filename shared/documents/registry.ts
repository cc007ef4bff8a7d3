/** The deliverables the app can export: key, title, 文档编号 code, phase, readiness and builder of each. */
import type { ProjectPhase } from '../records/project';
import { BASELINE_REPORT_TITLE, baselineReportMissing, buildBaselineReport } from './baseline-report';
import { buildChangeRecord, CHANGE_RECORD_TITLE, changeRecordMissing, changeRecordPeriod } from './change-record';
import { buildCutoverPlan, CUTOVER_PLAN_TITLE, cutoverPlanMissing } from './cutover-plan';
import type { Gap } from './checks';
import type { BuildResult, ProjectDocumentData } from './data';
import { buildDeliveryPlan, DELIVERY_PLAN_TITLE, deliveryPlanMissing } from './delivery-plan';
import { buildFeasibilityReport, FEASIBILITY_REPORT_TITLE, feasibilityReportMissing } from './feasibility-report';
import { buildHandover, HANDOVER_TITLE, handoverMissing } from './handover';
import type { BuildOptions, DocumentPeriod } from './kit/context';
import type { DocumentMeta } from './kit/meta';
import { buildOpsManual, OPS_MANUAL_TITLE, opsManualMissing } from './ops-manual';
import { buildOpsTechnicalPlan, OPS_TECHNICAL_PLAN_TITLE, opsTechnicalPlanMissing } from './ops-technical-plan';
import { buildPatrolLog, PATROL_LOG_TITLE, patrolLogDay, patrolLogMissing } from './patrol-log';
import { buildPatrolMonthlyReport, PATROL_MONTHLY_REPORT_TITLE, patrolMonthlyReportMissing, patrolReportMonth } from './patrol-monthly-report';
import { buildPilotReport, PILOT_REPORT_TITLE, pilotReportMissing } from './pilot-report';
import { buildProjectCharter, PROJECT_CHARTER_TITLE, projectCharterMissing } from './project-charter';
import { buildRequirementsSpec, REQUIREMENTS_SPEC_TITLE, requirementsSpecMissing } from './requirements-spec';
import { buildServiceLevelAgreement, SERVICE_LEVEL_AGREEMENT_TITLE, serviceLevelAgreementMissing } from './service-level-agreement';
import { buildTrainingRecord, TRAINING_RECORD_TITLE, trainingRecordMissing } from './training-record';

export interface DocumentType {
  /** Stable code, stored as documentExports.docType. */
  key: string;
  title: string;
  /** 文档编号 suffix: JNB-OPS-2026-SRS. */
  code: string;
  phase: ProjectPhase;
  /**
   * What is missing for a complete document (empty when it can be exported as is). A periodic
   * document is judged for the period given, else for its default period.
   */
  missing: (data: ProjectDocumentData, period?: DocumentPeriod) => Gap[];
  /** Builds the document; a periodic one covers options.period, else its default period. */
  build: (data: ProjectDocumentData, meta: DocumentMeta, options: BuildOptions) => BuildResult;
  /** A periodic document covers one day, one calendar month or any range of days (BuildOptions.period). */
  period?: 'day' | 'month' | 'range';
  /** The period covered when none is given: the latest day or month with data; null when there is none. */
  defaultPeriod?: (data: ProjectDocumentData) => DocumentPeriod | null;
}

/** The Word deliverables, in the order a project produces them (process-standard 一, 二.4 and 三). */
export const documentTypes = [
  { key: 'requirementsSpec', title: REQUIREMENTS_SPEC_TITLE, code: 'SRS', phase: 'initiation', missing: requirementsSpecMissing, build: buildRequirementsSpec },
  { key: 'feasibilityReport', title: FEASIBILITY_REPORT_TITLE, code: 'FRA', phase: 'initiation', missing: feasibilityReportMissing, build: buildFeasibilityReport },
  { key: 'projectCharter', title: PROJECT_CHARTER_TITLE, code: 'PCH', phase: 'initiation', missing: projectCharterMissing, build: buildProjectCharter },
  { key: 'serviceLevelAgreement', title: SERVICE_LEVEL_AGREEMENT_TITLE, code: 'SLA', phase: 'initiation', missing: serviceLevelAgreementMissing, build: buildServiceLevelAgreement },
  { key: 'deliveryPlan', title: DELIVERY_PLAN_TITLE, code: 'PLAN', phase: 'design', missing: deliveryPlanMissing, build: buildDeliveryPlan },
  { key: 'opsTechnicalPlan', title: OPS_TECHNICAL_PLAN_TITLE, code: 'OTP', phase: 'design', missing: opsTechnicalPlanMissing, build: buildOpsTechnicalPlan },
  { key: 'opsManual', title: OPS_MANUAL_TITLE, code: 'OPM', phase: 'design', missing: opsManualMissing, build: buildOpsManual },
  { key: 'baselineReport', title: BASELINE_REPORT_TITLE, code: 'BCR', phase: 'deployment', missing: baselineReportMissing, build: buildBaselineReport },
  { key: 'trainingRecord', title: TRAINING_RECORD_TITLE, code: 'TRN', phase: 'deployment', missing: trainingRecordMissing, build: buildTrainingRecord },
  { key: 'pilotReport', title: PILOT_REPORT_TITLE, code: 'PILOT', phase: 'deployment', missing: pilotReportMissing, build: buildPilotReport },
  { key: 'cutoverPlan', title: CUTOVER_PLAN_TITLE, code: 'CUT', phase: 'deployment', missing: cutoverPlanMissing, build: buildCutoverPlan },
  // Periodic operations documents (process-standard 四.1).
  { key: 'patrolLog', title: PATROL_LOG_TITLE, code: 'PLOG', phase: 'operations', missing: patrolLogMissing, build: buildPatrolLog, period: 'day', defaultPeriod: (data) => patrolLogDay(data) },
  { key: 'patrolMonthlyReport', title: PATROL_MONTHLY_REPORT_TITLE, code: 'PMR', phase: 'operations', missing: patrolMonthlyReportMissing, build: buildPatrolMonthlyReport, period: 'month', defaultPeriod: (data) => patrolReportMonth(data) },
  { key: 'changeRecord', title: CHANGE_RECORD_TITLE, code: 'CHG', phase: 'operations', missing: changeRecordMissing, build: buildChangeRecord, period: 'range', defaultPeriod: (data) => changeRecordPeriod(data) },
  // The handover lists the documents delivered under the titles and codes given here.
  { key: 'handover', title: HANDOVER_TITLE, code: 'HO', phase: 'operations', missing: handoverMissing, build: (data, meta, options) => buildHandover(data, meta, options, deliverables()) },
] as const satisfies readonly DocumentType[];

export type DocumentTypeKey = (typeof documentTypes)[number]['key'];

/** The list above, typed, for a builder that needs it at build time (a function: the list refers to itself). */
function deliverables(): readonly DocumentType[] {
  return documentTypes;
}

export function documentType(key: string): DocumentType | undefined {
  return documentTypes.find((t) => t.key === key);
}
