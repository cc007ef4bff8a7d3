/** The deliverables the app can export: key, title, 文档编号 code, phase, readiness and builder of each. */
import type { ProjectPhase } from '../records/project';
import { BASELINE_REPORT_TITLE, baselineReportMissing, buildBaselineReport } from './baseline-report';
import { buildCutoverPlan, CUTOVER_PLAN_TITLE, cutoverPlanMissing } from './cutover-plan';
import type { BuildResult, ProjectDocumentData } from './data';
import { buildDeliveryPlan, DELIVERY_PLAN_TITLE, deliveryPlanMissing } from './delivery-plan';
import { buildFeasibilityReport, FEASIBILITY_REPORT_TITLE, feasibilityReportMissing } from './feasibility-report';
import type { BuildOptions } from './kit/context';
import type { DocumentMeta } from './kit/meta';
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
  /** What is missing for a complete document (empty when it can be exported as is). */
  missing: (data: ProjectDocumentData) => string[];
  build: (data: ProjectDocumentData, meta: DocumentMeta, options: BuildOptions) => BuildResult;
}

/** The Word deliverables, in the order a project produces them (process-standard 一, 二.4 and 三). */
export const documentTypes = [
  { key: 'requirementsSpec', title: REQUIREMENTS_SPEC_TITLE, code: 'SRS', phase: 'initiation', missing: requirementsSpecMissing, build: buildRequirementsSpec },
  { key: 'feasibilityReport', title: FEASIBILITY_REPORT_TITLE, code: 'FRA', phase: 'initiation', missing: feasibilityReportMissing, build: buildFeasibilityReport },
  { key: 'projectCharter', title: PROJECT_CHARTER_TITLE, code: 'PCH', phase: 'initiation', missing: projectCharterMissing, build: buildProjectCharter },
  { key: 'serviceLevelAgreement', title: SERVICE_LEVEL_AGREEMENT_TITLE, code: 'SLA', phase: 'initiation', missing: serviceLevelAgreementMissing, build: buildServiceLevelAgreement },
  { key: 'deliveryPlan', title: DELIVERY_PLAN_TITLE, code: 'PLAN', phase: 'design', missing: deliveryPlanMissing, build: buildDeliveryPlan },
  { key: 'baselineReport', title: BASELINE_REPORT_TITLE, code: 'BCR', phase: 'deployment', missing: baselineReportMissing, build: buildBaselineReport },
  { key: 'trainingRecord', title: TRAINING_RECORD_TITLE, code: 'TRN', phase: 'deployment', missing: trainingRecordMissing, build: buildTrainingRecord },
  { key: 'pilotReport', title: PILOT_REPORT_TITLE, code: 'PILOT', phase: 'deployment', missing: pilotReportMissing, build: buildPilotReport },
  { key: 'cutoverPlan', title: CUTOVER_PLAN_TITLE, code: 'CUT', phase: 'deployment', missing: cutoverPlanMissing, build: buildCutoverPlan },
] as const satisfies readonly DocumentType[];

export type DocumentTypeKey = (typeof documentTypes)[number]['key'];

export function documentType(key: string): DocumentType | undefined {
  return documentTypes.find((t) => t.key === key);
}
