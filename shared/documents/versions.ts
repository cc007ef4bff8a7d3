import type { DocumentExportFields } from '../records/document-export';
import { datePart } from './kit/format';
import type { RevisionEntry } from './kit/meta';

type ExportRow = DocumentExportFields & { deleted?: boolean };

/** The version the next export of this document type gets: one more than the highest so far. */
export function nextVersion(exports: readonly ExportRow[], docType: string): number {
  return exports.filter((e) => !e.deleted && e.docType === docType).reduce((max, e) => Math.max(max, e.version), 0) + 1;
}

/** The note of an export when the user gave none. */
export function defaultNote(version: number): string {
  return version === 1 ? '首次发布' : '根据项目最新记录更新';
}

/**
 * The 修订记录 of this document type: its earlier exports plus the one being made, oldest
 * first. Two devices exporting offline may both have made, say, V3; both rows are listed.
 */
export function revisionEntries(exports: readonly ExportRow[], docType: string, current: RevisionEntry): RevisionEntry[] {
  const earlier = exports
    .filter((e) => !e.deleted && e.docType === docType)
    .map((e) => ({ version: e.version, date: datePart(e.exportedAt), author: e.exportedBy, note: e.note || defaultNote(e.version) }));
  return [...earlier, current].sort((a, b) => a.version - b.version || a.date.localeCompare(b.date));
}
