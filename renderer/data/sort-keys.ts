import { naturalSortKey } from '../../shared/natural-compare';
import type { TableName } from '../../shared/records';

/** Columns whose list index orders by naturalSortKey ("R2" before "R10"), per table. */
export const naturallySortedColumns = {
  assets: ['name', 'hostname', 'serialNumber', 'model', 'room'],
} as const satisfies Partial<Record<TableName, readonly string[]>>;

/**
 * Sets `sortKey` (one naturalSortKey per column above) on a row about to be stored, so indexes of
 * the form [live+sortKey.column] list rows in natural order. Derived, never synced.
 */
export function withSortKeys<Row extends Record<string, unknown>>(table: string, row: Row): Row {
  const columns = (naturallySortedColumns as Partial<Record<string, readonly string[]>>)[table];
  if (!columns) return row;
  const sortKey: Record<string, string> = {};
  for (const column of columns)
    sortKey[column] = naturalSortKey(typeof row[column] === 'string' ? (row[column] as string) : '');
  return { ...row, sortKey };
}
