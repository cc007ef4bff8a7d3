import type { Classification } from '../records/classification';
import type { ProjectFields } from '../records/project';
import type { DocumentTypeKey } from './catalogue/document-types';

/**
 * The documents that list the customer's IP addresses, configuration weaknesses or emergency
 * procedures (运维对象 with addresses, 不合格项, 回退与应急操作): an attacker's map, so not 内部
 * by default. The project's 敏感文档密级 applies to them, its 文档密级 to the others.
 */
export const sensitiveDocumentTypes: ReadonlySet<DocumentTypeKey> = new Set<DocumentTypeKey>([
  'requirementsSpec',
  'opsManual',
  'baselineReport',
  'pilotReport',
  'handover',
]);

export type ClassificationSettings = Partial<
  Pick<ProjectFields, 'documentClassification' | 'sensitiveDocumentClassification'>
>;

/** The 密级 a document of this type gets unless the engineer chooses another when generating it. */
export function defaultClassification(key: DocumentTypeKey, project: ClassificationSettings = {}): Classification {
  return sensitiveDocumentTypes.has(key)
    ? (project.sensitiveDocumentClassification ?? 'secret')
    : (project.documentClassification ?? 'internal');
}
