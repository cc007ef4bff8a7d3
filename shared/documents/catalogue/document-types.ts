/**
 * The deliverables the app can export: key, title, 文档编号 code, phase, what each still needs
 * and the period a periodic one covers. No docx here: the app's screens load this list, and the
 * builders (../builders.ts) are loaded only where a document is built (the Web Worker, the CLI).
 */
import type { DocumentPeriod } from '../kit/context';
import type { Gap } from '../checks';
import type { ProjectDocumentData } from '../data';
import type { ProjectPhase } from '../../records/project';
import { BASELINE_REPORT_TITLE, baselineReportMissing } from './baseline-report';
import { CHANGE_RECORD_TITLE, changeRecordMissing, changeRecordPeriod } from './change-record';
import { CUTOVER_PLAN_TITLE, cutoverPlanMissing } from './cutover-plan';
import { DELIVERY_PLAN_TITLE, deliveryPlanMissing } from './delivery-plan';
import { FEASIBILITY_REPORT_TITLE, feasibilityReportMissing } from './feasibility-report';
import { HANDOVER_TITLE, handoverMissing } from './handover';
import { OPS_MANUAL_TITLE, opsManualMissing } from './ops-manual';
import { OPS_TECHNICAL_PLAN_TITLE, opsTechnicalPlanMissing } from './ops-technical-plan';
import { PATROL_LOG_TITLE, patrolLogMissing, patrolLogDay } from './patrol-log';
import { PATROL_MONTHLY_REPORT_TITLE, patrolMonthlyReportMissing, patrolReportMonth } from './patrol-monthly-report';
import { PILOT_REPORT_TITLE, pilotReportMissing } from './pilot-report';
import { PROJECT_CHARTER_TITLE, projectCharterMissing } from './project-charter';
import { REQUIREMENTS_SPEC_TITLE, requirementsSpecMissing } from './requirements-spec';
import { SERVICE_LEVEL_AGREEMENT_TITLE, serviceLevelAgreementMissing } from './service-level-agreement';
import { TRAINING_RECORD_TITLE, trainingRecordMissing } from './training-record';

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
  /** A periodic document covers one day, one calendar month or any range of days (BuildOptions.period). */
  period?: 'day' | 'month' | 'range';
  /** The period covered when none is given: the latest day or month with data; null when there is none. */
  defaultPeriod?: (data: ProjectDocumentData) => DocumentPeriod | null;
  /** Draws charts, so its builder needs BuildOptions.rasteriseChart (kit/chart-raster.ts). */
  drawsCharts?: true;
}

/** The Word deliverables, in the order a project produces them (process-standard 一, 二.4 and 三). */
export const documentTypes = [
  {
    key: 'requirementsSpec',
    title: REQUIREMENTS_SPEC_TITLE,
    code: 'SRS',
    phase: 'initiation',
    missing: requirementsSpecMissing,
  },
  {
    key: 'feasibilityReport',
    title: FEASIBILITY_REPORT_TITLE,
    code: 'FRA',
    phase: 'initiation',
    missing: feasibilityReportMissing,
  },
  {
    key: 'projectCharter',
    title: PROJECT_CHARTER_TITLE,
    code: 'PCH',
    phase: 'initiation',
    missing: projectCharterMissing,
  },
  {
    key: 'serviceLevelAgreement',
    title: SERVICE_LEVEL_AGREEMENT_TITLE,
    code: 'SLA',
    phase: 'initiation',
    missing: serviceLevelAgreementMissing,
  },
  { key: 'deliveryPlan', title: DELIVERY_PLAN_TITLE, code: 'PLAN', phase: 'design', missing: deliveryPlanMissing },
  {
    key: 'opsTechnicalPlan',
    title: OPS_TECHNICAL_PLAN_TITLE,
    code: 'OTP',
    phase: 'design',
    missing: opsTechnicalPlanMissing,
  },
  { key: 'opsManual', title: OPS_MANUAL_TITLE, code: 'OPM', phase: 'design', missing: opsManualMissing },
  {
    key: 'baselineReport',
    title: BASELINE_REPORT_TITLE,
    code: 'BCR',
    phase: 'deployment',
    missing: baselineReportMissing,
  },
  {
    key: 'trainingRecord',
    title: TRAINING_RECORD_TITLE,
    code: 'TRN',
    phase: 'deployment',
    missing: trainingRecordMissing,
  },
  { key: 'pilotReport', title: PILOT_REPORT_TITLE, code: 'PILOT', phase: 'deployment', missing: pilotReportMissing },
  { key: 'cutoverPlan', title: CUTOVER_PLAN_TITLE, code: 'CUT', phase: 'deployment', missing: cutoverPlanMissing },
  // Periodic operations documents (process-standard 四.1).
  {
    key: 'patrolLog',
    title: PATROL_LOG_TITLE,
    code: 'PLOG',
    phase: 'operations',
    missing: patrolLogMissing,
    period: 'day',
    defaultPeriod: (data) => patrolLogDay(data),
  },
  {
    key: 'patrolMonthlyReport',
    title: PATROL_MONTHLY_REPORT_TITLE,
    drawsCharts: true,
    code: 'PMR',
    phase: 'operations',
    missing: patrolMonthlyReportMissing,
    period: 'month',
    defaultPeriod: (data) => patrolReportMonth(data),
  },
  {
    key: 'changeRecord',
    title: CHANGE_RECORD_TITLE,
    code: 'CHG',
    phase: 'operations',
    missing: changeRecordMissing,
    period: 'range',
    defaultPeriod: (data) => changeRecordPeriod(data),
  },
  // The handover lists the documents delivered under the titles and codes given here (builders.ts).
  { key: 'handover', title: HANDOVER_TITLE, code: 'HO', phase: 'operations', missing: handoverMissing },
] as const satisfies readonly DocumentType[];

export type DocumentTypeKey = (typeof documentTypes)[number]['key'];

export function documentType(key: string): DocumentType | undefined {
  return documentTypes.find((t) => t.key === key);
}
