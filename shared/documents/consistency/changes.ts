/**
 * A change names what it changes: a change whose title speaks of a 交换机 must affect a network
 * device, and a closed change says who implemented and who checked it, and when it really ran.
 */
import type { AssetType } from '../../records/asset';
import { assetTypes } from '../../records/asset';
import { changeFieldLabels, missingToLeave } from '../../operations/change-workflow';
import { live, type ProjectDocumentData } from '../data';
import type { ConsistencyFinding } from './finding';

/** Words in a change's title that name a kind of asset. */
const typeWords: Array<[RegExp, AssetType]> = [
  [/交换机|路由器|网络设备/, 'network'],
  [/防火墙|安全设备|WAF|堡垒机/i, 'security'],
  [/服务器|主机/, 'server'],
  [/存储|磁盘阵列/, 'storage'],
  [/数据库/, 'database'],
];

export function changeFindings(data: ProjectDocumentData): ConsistencyFinding[] {
  const assets = new Map(live(data.assets).map((a) => [a.id, a]));
  const findings: ConsistencyFinding[] = [];
  for (const change of live(data.changeRecords)) {
    const affected = change.assetIds.map((id) => assets.get(id)).filter((a) => a !== undefined);
    const named = typeWords.filter(([pattern]) => pattern.test(change.title)).map(([, type]) => type);
    if (named.length && affected.length && !affected.some((a) => named.includes(a.type))) {
      findings.push({
        kind: 'changeAssets',
        message: {
          zh: `变更“${change.title}”的影响对象为 ${affected.map((a) => `${a.name}（${assetTypes[a.type].zh}）`).join('、')}，与标题所说的${named.map((t) => assetTypes[t].zh).join('/')}不符`,
          en: `Change "${change.title}" is filed against ${affected.map((a) => `${a.name} (${assetTypes[a.type].en})`).join(', ')}, not the ${named.map((t) => assetTypes[t].en).join('/')} its title names`,
        },
        documents: ['changeRecord', 'patrolMonthlyReport'],
        route: 'changes',
      });
    }
    if (change.state === 'closed') {
      // The same fields the workflow asks for before closing (a change closed before that rule, or merged from elsewhere).
      const lacking = missingToLeave(change, 'implementation');
      if (lacking.length) {
        findings.push({
          kind: 'changeRecord',
          message: {
            zh: `已关闭的变更“${change.title}”缺少${lacking.map((f) => changeFieldLabels[f].zh).join('、')}`,
            en: `Closed change "${change.title}" lacks: ${lacking.map((f) => changeFieldLabels[f].en.toLowerCase()).join(', ')}`,
          },
          documents: ['changeRecord'],
          route: 'changes',
        });
      }
    }
  }
  return findings;
}
