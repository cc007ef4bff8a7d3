/**
 * References typed into records ("整理为《运维操作手册》第 6 章") must name the chapter that is
 * there: the chapter number and its title, from the same list the document is built from.
 */
import { chapterTitles } from '../chapters';
import type { ProjectDocumentData } from '../data';
import { documentTypes } from '../catalogue/document-types';
import type { ConsistencyFinding } from './finding';

/** The page each collection is edited on, and the documents that print its text. */
const places: Partial<Record<keyof ProjectDocumentData, { route: string; documents: string[] }>> = {
  trainingSessions: { route: 'training', documents: ['trainingRecord'] },
  pilotRuns: { route: 'pilot', documents: ['pilotReport'] },
  cutoverPlan: { route: 'cutover', documents: ['cutoverPlan'] },
  requirements: { route: 'requirements', documents: ['requirementsSpec'] },
  risks: { route: 'feasibility', documents: ['feasibilityReport'] },
  charter: { route: 'charter', documents: ['projectCharter'] },
  sla: { route: 'sla', documents: ['serviceLevelAgreement'] },
  serviceDesign: { route: 'service-design', documents: ['opsTechnicalPlan', 'opsManual'] },
  incidents: { route: 'incidents', documents: ['patrolMonthlyReport'] },
  changeRecords: { route: 'changes', documents: ['changeRecord'] },
  opsLogs: { route: 'ops-log', documents: ['opsManual'] },
  planTasks: { route: 'plan', documents: ['deliveryPlan'] },
};

function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    if ((value as { deleted?: boolean }).deleted) return out;
    for (const v of Object.values(value)) texts(v, out);
  }
  return out;
}

export function referenceFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const [collection, place] of Object.entries(places)) {
    for (const text of texts(data[collection as keyof ProjectDocumentData])) {
      for (const match of text.matchAll(/《([^》]+)》\s*第\s*(\d+)\s*章([^。；;\n]{0,20})/g)) {
        const type = documentTypes.find((t) => t.title === match[1]);
        const chapters = type ? chapterTitles(type.key) : [];
        if (chapters.length === 0) continue;
        const number = Number(match[2]);
        const real = chapters[number - 1];
        if (real && (match[3] ?? '').includes(real)) continue;
        const quoted = match[0].slice(0, 40);
        findings.push({
          kind: 'crossReference',
          message: real
            ? {
                zh: `“${quoted}”：《${match[1]}》第 ${number} 章是「${real}」，引用未写明该章或所指不符`,
                en: `"${quoted}": chapter ${number} of ${match[1]} is 「${real}」; the reference does not name it`,
              }
            : {
                zh: `“${quoted}”：《${match[1]}》只有 ${chapters.length} 章`,
                en: `"${quoted}": ${match[1]} has only ${chapters.length} chapters`,
              },
          documents: place.documents,
          route: place.route,
        });
      }
    }
  }
  return findings;
}
