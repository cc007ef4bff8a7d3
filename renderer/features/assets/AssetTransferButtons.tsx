import type { RowOf } from '../../../shared/records';

/** Import from and export to spreadsheets (filled in once the importer lands). */
export function AssetTransferButtons(_props: { project: RowOf<'projects'> }) {
  return null;
}
