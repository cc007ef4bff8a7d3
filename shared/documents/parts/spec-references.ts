/**
 * 引用文件 of the 需求规格说明书: GB/T 8567-2006 asks for the number, title, revision and date of
 * every document the specification cites. Here those are the project's deliverables it refers to
 * (under the 文档编号 of their identity: the register's when issued, else the project's scheme),
 * the standards the delivery process follows, the contract and the customer's documents the
 * requirements were taken from. Nothing is listed that the text does not rest on.
 */
import { documentStatuses, type DocumentExportFields } from '../../records/document-export';
import type { ProjectFields } from '../../records/project';
import type { RequirementFields } from '../../records/requirement';
import { documentType } from '../catalogue/document-types';
import { live, type Row } from '../data';
import { datePart } from '../kit/format';
import { documentNumber, latestIssue, versionText } from '../identity';

export interface ReferencedDocument {
  number: string;
  title: string;
  version: string;
  date: string;
  note: string;
}

/**
 * The deliverables the specification cites in its text: its 尚未解决的问题 refers open risks to
 * the first, its 注解 the P1–P4 definitions to the second.
 */
export const specCitedDeliverables = ['feasibilityReport', 'serviceLevelAgreement'] as const;

/** The standards the process follows (shared/reference: the outline, and the service process). */
export const processStandards: readonly ReferencedDocument[] = [
  {
    number: 'GB/T 8567-2006',
    title: '《计算机软件文档编制规范》',
    version: '2006',
    date: '—',
    note: '国家标准；本文档按其“软件需求规格说明”的章节编写',
  },
  {
    number: '—',
    title: '《IT运维项目服务流程标准》',
    version: '—',
    date: '—',
    note: '项目各阶段的工作内容与交付文档',
  },
];

/** The 文档编号 title of a deliverable the specification cites, with its current issue if any. */
export function citedDeliverable(
  key: (typeof specCitedDeliverables)[number],
  project: Pick<ProjectFields, 'code' | 'documentNumberPattern'>,
  exports: readonly Row<DocumentExportFields>[] | undefined,
): ReferencedDocument {
  const type = documentType(key)!;
  const issue = latestIssue(live(exports), { docType: key, scope: '' });
  return {
    number:
      issue?.documentNumber ||
      documentNumber({
        projectCode: project.code,
        typeCode: type.code,
        scope: '',
        pattern: project.documentNumberPattern,
      }),
    title: `《${type.title}》`,
    version: issue
      ? `${versionText({ version: issue.version, minor: issue.minor ?? 0 })}（${documentStatuses[issue.status ?? 'draft'].zh}）`
      : '未发布',
    date: issue ? datePart(issue.exportedAt) : '—',
    note: '本项目交付文档',
  };
}

export function referencedDocuments(
  project: Pick<ProjectFields, 'code' | 'documentNumberPattern' | 'contractNo'>,
  exports: readonly Row<DocumentExportFields>[] | undefined,
  requirements: readonly Pick<RequirementFields, 'sourceDocument'>[],
): ReferencedDocument[] {
  const sources = [...new Set(requirements.map((r) => r.sourceDocument.trim()).filter(Boolean))];
  return [
    ...(project.contractNo
      ? [{ number: project.contractNo, title: '项目合同', version: '—', date: '—', note: '服务范围与期限的依据' }]
      : []),
    ...specCitedDeliverables.map((key) => citedDeliverable(key, project, exports)),
    ...processStandards,
    ...sources.map((title) => ({ number: '—', title, version: '—', date: '—', note: '需求来源文档' })),
  ];
}
