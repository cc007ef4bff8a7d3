/**
 * One service hotline: the number the 项目章程's communication plan names (a 沟通渠道) is the one
 * every other record gives — the 切换方案's contacts and 报障渠道, the service design. A hotline
 * number anywhere else that is not the charter's is a contradiction.
 */
import { live, type ProjectDocumentData } from '../data';
import { charterHotlines, hotlineNumbers } from '../parts/hotline';
import type { ConsistencyFinding } from './finding';

const digits = (n: string) => n.replace(/\D/g, '');

export function hotlineFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const official = new Set(charterHotlines(data).map(digits));
  const places: Array<{ route: string; zh: string; en: string; documents: string[]; text: string }> = [];
  const cutover = data.cutoverPlan;
  if (cutover) {
    places.push({
      route: 'cutover',
      zh: '切换方案',
      en: 'the cutover plan',
      documents: ['cutoverPlan', 'handover'],
      text: [cutover.faultReporting, cutover.serviceInterface, ...cutover.contacts.map((c) => c.phone)].join('\n'),
    });
  }
  if (data.serviceDesign)
    places.push({
      route: 'service-design',
      zh: '服务设计',
      en: 'the service design',
      documents: ['opsTechnicalPlan'],
      text: data.serviceDesign.coverage,
    });
  places.push({
    route: 'stakeholders',
    zh: '干系人',
    en: 'the stakeholders',
    documents: ['requirementsSpec'],
    text: live(data.stakeholders)
      .map((s) => s.phone)
      .join('\n'),
  });
  const findings: ConsistencyFinding[] = [];
  for (const place of places) {
    const numbers = [...new Set(hotlineNumbers(place.text))];
    for (const number of numbers.filter((n) => !official.has(digits(n)))) {
      const charter = [...official].length
        ? `项目章程的值班热线为 ${charterHotlines(data).join('、')}`
        : '项目章程的沟通计划没有写明服务热线';
      const charterEn = [...official].length
        ? `the charter's hotline is ${charterHotlines(data).join(', ')}`
        : "the charter's communication plan names no hotline";
      findings.push({
        kind: 'hotline',
        message: {
          zh: `${place.zh}写的热线 ${number} 与章程不一致：${charter}`,
          en: `${place.en} gives the hotline ${number}, but ${charterEn}`,
        },
        documents: ['projectCharter', ...place.documents],
        route: official.size ? place.route : 'charter',
      });
    }
  }
  return findings;
}
