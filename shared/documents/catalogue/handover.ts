import { type Gap, gap } from '../checks';
import { live, type ProjectDocumentData } from '../data';
import { documentNumber, documentRegister, type RegisterEntry } from '../identity';

export const HANDOVER_TITLE = '交接文档';

/** This document's key in the registry: the 交接文档 does not list its own earlier versions as delivered. */
const HANDOVER_KEY = 'handover';

export type HandoverData = Pick<
  ProjectDocumentData,
  | 'project'
  | 'members'
  | 'stakeholders'
  | 'assets'
  | 'incidents'
  | 'changeRecords'
  | 'checklistTemplates'
  | 'inspections'
  | 'inspectionResults'
  | 'rectifications'
  | 'documentExports'
  | 'trainingSessions'
>;

/**
 * A deliverable as the registry describes it. The registry hands its list in (rather than this
 * file importing the registry, which imports this file) so the titles and 文档编号 of the
 * documents delivered come from one place, in the registry's order.
 */
export interface Deliverable {
  key: string;
  title: string;
  code: string;
}

/** The current issue of every document identity but this one: what the customer holds. */
export function issuedDocuments(
  data: Pick<HandoverData, 'documentExports' | 'project'>,
  deliverables: readonly Deliverable[],
): RegisterEntry[] {
  const code = (docType: string) => deliverables.find((d) => d.key === docType)?.code ?? docType;
  const exports = live(data.documentExports).filter((e) => e.docType !== HANDOVER_KEY);
  return documentRegister(
    exports,
    deliverables.map((d) => d.key),
    (identity) =>
      documentNumber({
        projectCode: data.project.code,
        typeCode: code(identity.docType),
        scope: identity.scope,
        pattern: data.project.documentNumberPattern,
      }),
  );
}

const gaps = {
  assets: gap('运维对象清单为空', 'The asset inventory is empty'),
  contacts: gap('没有客户联系人', 'No customer contact'),
  team: gap('没有服务团队成员', 'No service team member'),
  documents: gap('没有已交付的文档', 'No document issued yet'),
  training: gap('没有培训记录', 'No training record'),
};

export function serviceTeam(data: Pick<HandoverData, 'members'>) {
  return live(data.members).filter((m) => m.role !== 'customerContact');
}

export function handoverMissing(data: HandoverData): Gap[] {
  const missing: Gap[] = [];
  if (live(data.assets).length === 0) missing.push(gaps.assets);
  if (live(data.stakeholders).length === 0) missing.push(gaps.contacts);
  if (serviceTeam(data).length === 0) missing.push(gaps.team);
  if (live(data.documentExports).every((e) => e.docType === HANDOVER_KEY)) missing.push(gaps.documents);
  if (live(data.trainingSessions).length === 0) missing.push(gaps.training);
  return missing;
}

export { gaps as handoverGaps };
