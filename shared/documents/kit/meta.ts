export { type Classification, classifications } from '../../records/classification';
import type { Classification } from '../../records/classification';

/** A name and a date (YYYY-MM-DD) on the cover's 编制/审核/批准 lines; either may be ''. */
export interface Signatory {
  name: string;
  date: string;
}

/** One row of the 修订记录 table. */
export interface RevisionEntry {
  version: number;
  /** V{version}.{minor}; 0 when absent. */
  minor?: number;
  /** YYYY-MM-DD */
  date: string;
  author: string;
  note: string;
}

/** What the cover, the 修订记录 and the page header say about the document itself. */
export interface DocumentMeta {
  /** The document's title when not its type's usual one (e.g. "需求规格说明书（一期）"). */
  title?: string;
  /** 文档编号, e.g. JNB-OPS-2026-SRS. */
  documentNumber: string;
  /** The version: V{version}.{minor} (V1.0, V1.1 after a correction, V2.0 after a re-approval). */
  version: number;
  minor?: number;
  classification: Classification;
  /** The service provider's company (乙方), on the cover and the sign-off. */
  company: string;
  preparedBy: Signatory;
  reviewedBy: Signatory;
  approvedBy: Signatory;
  /** The document's date, YYYY-MM-DD; also the day "overdue" is judged on. */
  date: string;
  /** Earlier exports and this one, oldest first. */
  revisions: RevisionEntry[];
}

export function versionLabel(version: number, minor = 0): string {
  return `V${version}.${minor}`;
}
