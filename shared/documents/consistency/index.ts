/**
 * 交付前检查: before documents are issued, the contradictions and gaps between the project's
 * records and the documents built from them — each with the page where the record is fixed. A
 * pure function of the data: the generate dialog, `npm run export:sample` and the tests run it.
 */
import type { ProjectDocumentData } from '../data';
import { baselineFindings } from './baseline';
import { changeFindings } from './changes';
import { hotlineFindings } from './contacts';
import type { ConsistencyFinding } from './finding';
import { patrolFindings } from './patrol';
import { planFindings } from './plan';
import { referenceFindings } from './references';
import { targetFindings } from './targets';

export { type ConsistencyFinding, type FindingKind, findingKinds } from './finding';

export interface PreIssueOptions {
  /** The day the documents are issued (YYYY-MM-DD, the project's zone): a training dated later has not been held. */
  today: string;
  /** Only findings that affect these documents (registry keys); all when absent. */
  documents?: readonly string[];
}

export function preIssueCheck(data: ProjectDocumentData, options: PreIssueOptions): ConsistencyFinding[] {
  const all = [
    ...hotlineFindings(data),
    ...targetFindings(data),
    ...planFindings(data, options.today),
    ...patrolFindings(data),
    ...baselineFindings(data),
    ...changeFindings(data),
    ...referenceFindings(data),
  ];
  const wanted = options.documents;
  return wanted ? all.filter((f) => f.documents.some((d) => wanted.includes(d))) : all;
}
