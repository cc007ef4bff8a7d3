/**
 * The Word builders (docx) of the deliverables in catalogue/document-types.ts, by key. Loaded only
 * where documents are built: the document Web Worker, the CLI and scripts, the tests; never by
 * the app's screens (eslint.config.js forbids it), which stay free of docx's 1.3 MB.
 */
import { buildBaselineReport } from './baseline-report';
import { buildChangeRecord } from './change-record';
import { buildCutoverPlan } from './cutover-plan';
import { buildDeliveryPlan } from './delivery-plan';
import { buildFeasibilityReport } from './feasibility-report';
import { buildHandover } from './handover';
import { buildOpsManual } from './ops-manual';
import { buildOpsTechnicalPlan } from './ops-technical-plan';
import { buildPatrolLog } from './patrol-log';
import { buildPatrolMonthlyReport } from './patrol-monthly-report';
import { buildPilotReport } from './pilot-report';
import { buildProjectCharter } from './project-charter';
import { buildRequirementsSpec } from './requirements-spec';
import { buildServiceLevelAgreement } from './service-level-agreement';
import { buildTrainingRecord } from './training-record';
import { documentTypes, type DocumentTypeKey } from './catalogue/document-types';
import type { BuildResult, ProjectDocumentData } from './data';
import type { BuildOptions } from './kit/context';
import type { DocumentMeta } from './kit/meta';

/** Builds a document; a periodic one covers options.period, else its default period. */
export type DocumentBuilder = (data: ProjectDocumentData, meta: DocumentMeta, options: BuildOptions) => BuildResult;

export const documentBuilders: Record<DocumentTypeKey, DocumentBuilder> = {
  requirementsSpec: buildRequirementsSpec,
  feasibilityReport: buildFeasibilityReport,
  projectCharter: buildProjectCharter,
  serviceLevelAgreement: buildServiceLevelAgreement,
  deliveryPlan: buildDeliveryPlan,
  opsTechnicalPlan: buildOpsTechnicalPlan,
  opsManual: buildOpsManual,
  baselineReport: buildBaselineReport,
  trainingRecord: buildTrainingRecord,
  pilotReport: buildPilotReport,
  cutoverPlan: buildCutoverPlan,
  patrolLog: buildPatrolLog,
  patrolMonthlyReport: buildPatrolMonthlyReport,
  changeRecord: buildChangeRecord,
  // The handover lists the documents delivered under the catalogue's titles and codes.
  handover: (data, meta, options) => buildHandover(data, meta, options, documentTypes),
};

export function buildDocument(
  key: DocumentTypeKey,
  data: ProjectDocumentData,
  meta: DocumentMeta,
  options: BuildOptions,
): BuildResult {
  return documentBuilders[key](data, meta, options);
}
