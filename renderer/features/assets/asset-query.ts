import Dexie, { type Collection } from 'dexie';
import type { RowOf } from '../../../shared/records';
import type { FieldbookDb } from '../../data/db';
import { naturallySortedColumns } from '../../data/sort-keys';

export type AssetRow = RowOf<'assets'>;

/**
 * Columns the asset table can sort by: text columns by their natural-order index
 * [live+sortKey.column], the two choice columns by [live+column] (see db.ts).
 */
export const sortableAssetColumns = [
  'name',
  'type',
  'hostname',
  'serialNumber',
  'model',
  'room',
  'criticality',
] as const;
export type AssetSortColumn = (typeof sortableAssetColumns)[number];

export interface AssetQuery {
  projectId: string;
  text: string;
  type?: string;
  criticality?: string;
  sort: AssetSortColumn;
  descending: boolean;
}

/**
 * The asset list as an indexed range scan in the sort column's order. The [live+column] index
 * holds only rows that are not deleted, so without a filter, counting and paging never touch a
 * row; filters run on the cursor, still without materialising the whole inventory.
 */
export function assetCollection(db: FieldbookDb, query: AssetQuery): Collection<AssetRow, string> {
  const index = (naturallySortedColumns.assets as readonly string[]).includes(query.sort)
    ? `[live+sortKey.${query.sort}]`
    : `[live+${query.sort}]`;
  let collection = db.assets.where(index).between([query.projectId, Dexie.minKey], [query.projectId, Dexie.maxKey]);
  if (query.descending) collection = collection.reverse();
  const needle = query.text.trim().toLowerCase();
  if (!needle && !query.type && !query.criticality) return collection;
  return collection.filter(
    (asset) =>
      (!query.type || asset.type === query.type) &&
      (!query.criticality || asset.criticality === query.criticality) &&
      (!needle || assetSearchText(asset).includes(needle)),
  );
}

function assetSearchText(asset: AssetRow): string {
  return [
    asset.name,
    asset.hostname,
    ...asset.ips,
    asset.serialNumber,
    asset.vendor,
    asset.model,
    asset.site,
    asset.room,
    asset.rack,
    asset.owner,
    asset.osVersion,
    ...asset.tags,
  ]
    .join('\u0000')
    .toLowerCase();
}
