/**
 * The deliverables as the app's screens know them, without docx: the catalogue (key, title,
 * 文档编号 code, phase, what is missing, the period), the version and file name of the next
 * export, the register, the pre-issue check. The builders are in ../render.ts and ../builders.ts.
 */
export type { ProjectDocumentData, Row } from '../data';
export type { BuildOptions, DocumentPeriod, FileBytes } from '../kit/context';
export type { Classification, DocumentMeta, RevisionEntry, Signatory } from '../kit/meta';
export { classifications, versionLabel } from '../kit/meta';
export { defaultClassification, sensitiveDocumentTypes } from '../classification';
export {
  DEFAULT_DOCUMENT_NUMBER_PATTERN,
  defaultRevisionKind,
  documentNumber,
  documentRegister,
  documentScope,
  type DocumentIdentity,
  nextVersionOf,
  type RegisterEntry,
  revisionEntries,
  type RevisionKind,
  scopePeriod,
  versionText,
} from '../identity';
export { documentType, type DocumentType, type DocumentTypeKey, documentTypes } from './document-types';
export {
  documentFileName,
  documentPeriodLabel,
  documentTitle,
  type ExportRequest,
  filesNeeded,
  prepareExport,
} from '../prepare-export';
export type { HouseTemplateSummary } from '../house-template';
export {
  type ConsistencyFinding,
  type FindingKind,
  findingKinds,
  preIssueCheck,
  type PreIssueOptions,
} from '../consistency';
export { dayPeriod, monthPeriod, periodLabel, titleWithPeriod } from '../parts/period';
