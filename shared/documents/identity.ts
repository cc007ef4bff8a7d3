/**
 * A document's identity is (project, type, scope): the scope is the day of a 巡检日志, the month
 * of a 巡检月报, the period of a 变更记录, and '' for the one-off documents. Each identity has its
 * own 文档编号, its own versions and its own 修订记录, so exporting three days of 巡检日志 gives
 * three documents at V1.0, not one document at V3.0.
 *
 * Versions follow document control: V1.0 is the first issue; a correction of an issue the
 * customer has not signed yet is V1.1, V1.2 …; once an issue is 已签署, the next one needs a
 * re-approval and is V2.0. The user chooses in the export dialog; the default follows that rule.
 */
import type { DocumentExportFields, DocumentStatus } from '../records/document-export';
import type { DocumentPeriod } from './kit/context';
import type { RevisionEntry } from './kit/meta';
import { datePart } from './kit/format';
import { monthPeriod, type PeriodKind } from './parts/period';

type ExportRow = Pick<DocumentExportFields, 'docType' | 'version' | 'exportedBy' | 'exportedAt' | 'note'> &
  Partial<Pick<DocumentExportFields, 'scope' | 'minor' | 'status' | 'documentNumber' | 'fileName'>> & {
    deleted?: boolean;
    id?: string;
  };

export interface DocumentIdentity {
  docType: string;
  scope: string;
}

export type RevisionKind = 'correction' | 'reapproval';

export interface VersionNumber {
  version: number;
  minor: number;
}

/** The scope of a document covering `period` ('' for a document that covers none). */
export function documentScope(kind: PeriodKind | undefined, period: DocumentPeriod | undefined): string {
  if (!kind || !period) return '';
  if (kind === 'day') return period.from;
  if (kind === 'month') return period.from.slice(0, 7);
  return `${period.from}~${period.to}`;
}

/** The period a scope stands for (null for a one-off document's ''). */
export function scopePeriod(scope: string): DocumentPeriod | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(scope)) return { from: scope, to: scope };
  if (/^\d{4}-\d{2}$/.test(scope)) return monthPeriod(scope);
  const [from, to] = scope.split('~');
  return from && to ? { from, to } : null;
}

export const DEFAULT_DOCUMENT_NUMBER_PATTERN = '{项目编号}-{文档代码}-{期间}';

/**
 * 文档编号 from the project's scheme: {项目编号} {文档代码} {期间} {年}. The period is written
 * without separators (202603, 20260315, 20260301-20260320); where a document has none, the
 * token goes with the separator before it (JNB-OPS-2026-SRS).
 */
export function documentNumber(input: {
  projectCode: string;
  typeCode: string;
  scope: string;
  pattern?: string;
  year?: string;
}): string {
  const pattern = input.pattern?.trim() || DEFAULT_DOCUMENT_NUMBER_PATTERN;
  const period = periodToken(input.scope);
  const year = input.scope.slice(0, 4) || input.year || '';
  const fill = (text: string, token: string, value: string) =>
    value
      ? text.replaceAll(token, value)
      : text.replace(new RegExp(`[-_/.\\s]?${token.replace(/[{}]/g, '\\$&')}`, 'g'), '');
  return fill(
    fill(fill(fill(pattern, '{期间}', period), '{年}', year), '{项目编号}', input.projectCode),
    '{文档代码}',
    input.typeCode,
  );
}

/**
 * A scope as 文档编号 writes it: 20260315, 202603, 20260301-20260320. A range that is exactly one
 * calendar month (a 变更记录 of March) is written as the month, like a 巡检月报's: shorter, and
 * it keeps the number in one line of a table column.
 */
function periodToken(scope: string): string {
  const period = scopePeriod(scope);
  if (period && scope.includes('~')) {
    const month = monthPeriod(period.from.slice(0, 7));
    if (month.from === period.from && month.to === period.to) return period.from.slice(0, 7).replace('-', '');
  }
  return scope.replaceAll('-', '').replace('~', '-');
}

export function versionText(version: VersionNumber): string {
  return `V${version.version}.${version.minor}`;
}

/** The issues of one identity, oldest first (deleted ones left out). */
export function issuesOf(exports: readonly ExportRow[], identity: DocumentIdentity): ExportRow[] {
  return exports
    .filter((e) => !e.deleted && e.docType === identity.docType && (e.scope ?? '') === identity.scope)
    .sort((a, b) => compareVersions(versionOf(a), versionOf(b)) || a.exportedAt.localeCompare(b.exportedAt));
}

export function latestIssue(exports: readonly ExportRow[], identity: DocumentIdentity): ExportRow | undefined {
  return issuesOf(exports, identity).at(-1);
}

/** Re-approval once the latest issue is signed; a correction while it is not. */
export function defaultRevisionKind(exports: readonly ExportRow[], identity: DocumentIdentity): RevisionKind {
  return latestIssue(exports, identity)?.status === 'signed' ? 'reapproval' : 'correction';
}

/** The version of the next issue: V1.0 first; then V{n}.{m+1} for a correction, V{n+1}.0 after a re-approval. */
export function nextVersionOf(
  exports: readonly ExportRow[],
  identity: DocumentIdentity,
  kind: RevisionKind = defaultRevisionKind(exports, identity),
): VersionNumber {
  const latest = latestIssue(exports, identity);
  if (!latest) return { version: 1, minor: 0 };
  const current = versionOf(latest);
  return kind === 'reapproval'
    ? { version: current.version + 1, minor: 0 }
    : { version: current.version, minor: current.minor + 1 };
}

/** The note of an issue when the user gave none. */
export function defaultNote(version: VersionNumber, kind: RevisionKind): string {
  if (version.version === 1 && version.minor === 0) return '首次发布';
  return kind === 'reapproval' ? '根据项目最新记录修订，重新审批' : '根据项目最新记录更正';
}

/**
 * The 修订记录 of one identity: its earlier issues plus the one being made, oldest first. Two
 * devices exporting offline may both have made, say, V1.2; both rows are listed.
 */
export function revisionEntries(
  exports: readonly ExportRow[],
  identity: DocumentIdentity,
  current: RevisionEntry,
): RevisionEntry[] {
  const earlier = issuesOf(exports, identity).map((e) => ({
    version: e.version,
    minor: e.minor ?? 0,
    date: datePart(e.exportedAt),
    author: e.exportedBy,
    note: e.note || defaultNote(versionOf(e), (e.minor ?? 0) === 0 ? 'reapproval' : 'correction'),
  }));
  return [...earlier, current].sort(
    (a, b) => compareVersions(versionOf(a), versionOf(b)) || a.date.localeCompare(b.date),
  );
}

/** One line of the 文档登记表: an identity, its current issue and every file issued. */
export interface RegisterEntry extends DocumentIdentity {
  documentNumber: string;
  current: VersionNumber;
  status: DocumentStatus;
  issuedBy: string;
  issuedAt: string;
  /** The id of the current issue's row (to change its status). */
  currentId: string | undefined;
  files: Array<{ version: string; fileName: string; exportedAt: string; status: DocumentStatus }>;
}

/**
 * The document register of a project: every identity that has been issued, in the order of
 * `typeOrder` (the registry's order) then scope, each with its current version and status.
 */
export function documentRegister(
  exports: readonly ExportRow[],
  typeOrder: readonly string[],
  numberOf: (identity: DocumentIdentity) => string,
): RegisterEntry[] {
  const identities = new Map<string, DocumentIdentity>();
  for (const e of exports)
    if (!e.deleted) identities.set(`${e.docType}\u0000${e.scope ?? ''}`, { docType: e.docType, scope: e.scope ?? '' });
  const rank = (docType: string) => (typeOrder.includes(docType) ? typeOrder.indexOf(docType) : typeOrder.length);
  return [...identities.values()]
    .sort(
      (a, b) =>
        rank(a.docType) - rank(b.docType) || a.docType.localeCompare(b.docType) || a.scope.localeCompare(b.scope),
    )
    .map((identity) => {
      const issues = issuesOf(exports, identity);
      const latest = issues.at(-1)!;
      return {
        ...identity,
        documentNumber: latest.documentNumber || numberOf(identity),
        current: versionOf(latest),
        status: latest.status ?? 'draft',
        issuedBy: latest.exportedBy,
        issuedAt: latest.exportedAt,
        currentId: latest.id,
        files: issues.map((e) => ({
          version: versionText(versionOf(e)),
          fileName: e.fileName ?? '',
          exportedAt: e.exportedAt,
          status: e.status ?? 'draft',
        })),
      };
    });
}

function versionOf(row: { version: number; minor?: number }): VersionNumber {
  return { version: row.version, minor: row.minor ?? 0 };
}

function compareVersions(a: VersionNumber, b: VersionNumber): number {
  return a.version - b.version || a.minor - b.minor;
}
