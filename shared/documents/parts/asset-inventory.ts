import type { FileChild } from 'docx';
import { assetLocation, type AssetFields, assetTypes, criticalities, vendorModel } from '../../records/asset';
import type { Row } from '../data';
import type { DocumentContext } from '../kit/context';
import { type Cell, dataTable } from '../kit/table';
import { bodyParagraph, orDash, textRuns } from '../kit/text';

/** Asset tables longer than this list the first ones and say where the rest is. */
export const ASSET_TABLE_LIMIT = 500;

/** 服务器 15 个、网络设备 10 个 … in the order of the asset types. */
export function typeCountsSentence(assets: AssetFields[]): string {
  return countByType(assets)
    .map(([type, count]) => `${assetTypes[type].zh} ${count} 个`)
    .join('、')
    .replace(/^/, '其中');
}

export function countByType(assets: AssetFields[]): Array<[AssetFields['type'], number]> {
  const counts = new Map<AssetFields['type'], number>();
  for (const a of assets) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  return (Object.keys(assetTypes) as Array<AssetFields['type']>)
    .filter((t) => counts.has(t))
    .map((t) => [t, counts.get(t)!]);
}

/** The inventory (运维对象): counts by type, then the list (at most ASSET_TABLE_LIMIT rows). */
export function assetSection(ctx: DocumentContext, assets: Row<AssetFields>[]): FileChild[] {
  const out: FileChild[] = [];
  const counts = countByType(assets);
  out.push(bodyParagraph(`运维对象共 ${assets.length} 个，按类型统计如下。`));
  out.push(
    ...dataTable(ctx, {
      caption: '运维对象统计',
      widthShare: 0.8,
      columns: [
        { title: '类型', width: 30, align: 'center' },
        { title: '数量', width: 20, align: 'center' },
        { title: '其中重要程度高', width: 25, align: 'center' },
        { title: '占比', width: 25, align: 'center' },
      ],
      rows: [
        ...counts.map(([type, count]): Cell[] => [
          assetTypes[type].zh,
          String(count),
          String(assets.filter((a) => a.type === type && a.criticality === 'high').length),
          `${((count / assets.length) * 100).toFixed(1)}%`,
        ]),
        [
          { text: '合计', bold: true },
          { text: String(assets.length), bold: true },
          { text: String(assets.filter((a) => a.criticality === 'high').length), bold: true },
          { text: '100%', bold: true },
        ],
      ],
    }),
  );
  const listed = assets.slice(0, ASSET_TABLE_LIMIT);
  // One site for all (the usual case) is said once instead of on every row.
  const sites = [...new Set(assets.map((a) => a.site).filter(Boolean))];
  const oneSite = sites.length === 1 ? sites[0]! : '';
  const location = (a: AssetFields) => assetLocation(oneSite ? { ...a, site: '' } : a);
  const intro =
    assets.length > listed.length
      ? textRuns(
          '运维对象清单较长，',
          ctx.reference('table', 'assets'),
          `列出前 ${listed.length} 个，完整清单以项目运维对象台账为准。`,
        )
      : textRuns('运维对象清单见', ctx.reference('table', 'assets'), '。');
  out.push(bodyParagraph(oneSite ? [...intro, ...textRuns(`所列对象均位于${oneSite}。`)] : intro));
  out.push(
    ...dataTable(ctx, {
      caption: '运维对象清单',
      captionKey: 'assets',
      compact: true,
      columns: [
        { title: '序号', width: 7, align: 'center' },
        { title: '名称', width: 22 },
        { title: '类型', width: 10, align: 'center' },
        { title: '主机名 / IP', width: 18 },
        { title: '厂商型号', width: 19 },
        { title: '位置', width: 16 },
        { title: '重要性', width: 8, align: 'center' },
      ],
      rows: listed.map((a, i) => [
        String(i + 1),
        a.name,
        assetTypes[a.type].zh,
        orDash([a.hostname, ...a.ips].filter(Boolean).join('\n')),
        orDash(vendorModel(a)),
        orDash(location(a)),
        criticalities[a.criticality].zh,
      ]),
    }),
  );
  return out;
}
