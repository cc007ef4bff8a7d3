/**
 * What the generate dialog needs before a document is built: the next version's DocumentMeta and
 * documentExports record, the file name, the period's label, the files to load. No docx here.
 */
import type { DocumentExportFields } from '../records/document-export';
import type { ProjectFields } from '../records/project';
import { defaultClassification } from './classification';
import { type DocumentType, documentTypes, type DocumentTypeKey } from './catalogue/document-types';
import type { ProjectDocumentData } from './data';
import {
  defaultNote,
  defaultRevisionKind,
  documentNumber,
  documentScope,
  nextVersionOf,
  type RevisionKind,
  revisionEntries,
} from './identity';
import type { DocumentPeriod } from './kit/context';
import { type Classification, type DocumentMeta, type Signatory, versionLabel } from './kit/meta';
import { baselineReportFiles } from './parts/baseline-findings';
import { fitPeriod, periodLabel, titleWithPeriod } from './parts/period';

export interface ExportRequest {
  docType: DocumentTypeKey;
  project: Pick<ProjectFields, 'code'> &
    Partial<
      Pick<ProjectFields, 'documentNumberPattern' | 'documentClassification' | 'sensitiveDocumentClassification'>
    >;
  /** The project's documentExports rows (all types; deleted ones are ignored). */
  exports: ReadonlyArray<
    Omit<DocumentExportFields, 'scope' | 'minor' | 'status' | 'documentNumber'> &
      Partial<DocumentExportFields> & { deleted?: boolean }
  >;
  /** Who exports (settings.userName). */
  exportedBy: string;
  /** Local wall time, YYYY-MM-DDTHH:mm. Its date is the document's date. */
  exportedAt: string;
  /** 修改内容 of this version; a default is used when empty. */
  note?: string;
  /** The provider's company, for the cover and 乙方. */
  company: string;
  classification?: Classification;
  reviewedBy?: Signatory;
  approvedBy?: Signatory;
  /**
   * The period a periodic document (巡检日志, 巡检月报, 变更记录) covers: it goes into the file
   * name as the builder puts it into the title (巡检月报（2026年3月）). Ignored for other documents.
   */
  period?: DocumentPeriod;
  /** A correction (V1.1) or a re-approval (V2.0); by default a re-approval once the latest issue is signed. */
  revision?: RevisionKind;
}

/**
 * The DocumentMeta of the next export of a document type, and the documentExports record to
 * write once the file is saved: version = highest so far + 1, the 修订记录 = earlier exports
 * plus this one, the cover's 编制 = who exports.
 */
export function prepareExport(request: ExportRequest): { meta: DocumentMeta; record: DocumentExportFields } {
  const type: DocumentType = documentTypes.find((t) => t.key === request.docType)!;
  const period = type.period && request.period ? fitPeriod(type.period, request.period) : undefined;
  const identity = { docType: type.key, scope: documentScope(type.period, period) };
  const revision = request.revision ?? defaultRevisionKind(request.exports, identity);
  const { version, minor } = nextVersionOf(request.exports, identity, revision);
  const date = request.exportedAt.slice(0, 10);
  const note = request.note?.trim() || defaultNote({ version, minor }, revision);
  const firstIssue = request.exports.find(
    (e) => !e.deleted && e.docType === identity.docType && (e.scope ?? '') === identity.scope,
  );
  const number = documentNumber({
    projectCode: request.project.code,
    typeCode: type.code,
    scope: identity.scope,
    pattern: request.project.documentNumberPattern,
    year: (firstIssue?.exportedAt ?? date).slice(0, 4),
  });
  const meta: DocumentMeta = {
    documentNumber: firstIssue?.documentNumber || number,
    version,
    minor,
    classification: request.classification ?? defaultClassification(type.key as DocumentTypeKey, request.project),
    company: request.company,
    preparedBy: { name: request.exportedBy, date },
    reviewedBy: request.reviewedBy ?? { name: '', date: '' },
    approvedBy: request.approvedBy ?? { name: '', date: '' },
    date,
    revisions: revisionEntries(request.exports, identity, { version, minor, date, author: request.exportedBy, note }),
  };
  const record: DocumentExportFields = {
    docType: type.key,
    scope: identity.scope,
    version,
    minor,
    documentNumber: meta.documentNumber,
    status: 'draft',
    exportedBy: request.exportedBy,
    exportedAt: request.exportedAt,
    note,
    fileName: documentFileName(request.project.code, documentTitle(type, request.period), version, minor),
  };
  return { meta, record };
}

/** The title of a document for a period: 巡检日志（2026-03-15）; the type's title for a document that covers none. */
export function documentTitle(type: Pick<DocumentType, 'title' | 'period'>, period?: DocumentPeriod): string {
  return type.period && period ? titleWithPeriod(type.title, fitPeriod(type.period, period)) : type.title;
}

/** How the UI names the period of a document type: 2026-03-15, 2026年3月, 2026-03-01 至 2026-03-20. */
export function documentPeriodLabel(key: DocumentTypeKey, period: DocumentPeriod): string {
  const kind = (documentTypes.find((t) => t.key === key) as DocumentType | undefined)?.period;
  return periodLabel(kind ? fitPeriod(kind, period) : period);
}

/** JNB-OPS-2026-需求规格说明书-V1.1.docx (characters Windows forbids in names replaced). */
export function documentFileName(projectCode: string, title: string, version: number, minor = 0): string {
  return `${projectCode}-${title}-${versionLabel(version, minor)}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}

/**
 * The sha256 of every file a document embeds — survey photos in the 需求规格说明书; evidence
 * photos of failures, re-check photos and the customers' drawn signatures in the 配置基线检查报告
 * — so the caller loads only those bytes into BuildOptions.files.
 */
export function filesNeeded(
  key: DocumentTypeKey,
  data: Pick<ProjectDocumentData, 'surveySessions'> &
    Partial<
      Pick<
        ProjectDocumentData,
        'assets' | 'checklistTemplates' | 'inspections' | 'inspectionResults' | 'rectifications'
      >
    >,
): string[] {
  if (key === 'baselineReport') return baselineReportFiles(data);
  if (key !== 'requirementsSpec') return [];
  const hashes = data.surveySessions
    .filter((s) => !s.deleted)
    .flatMap((s) => s.attachments.filter((a) => a.type.startsWith('image/')).map((a) => a.sha256));
  return [...new Set(hashes)];
}
