import type { z } from 'zod';
import { type TableName, recordTypes, tableNames } from './index';

/**
 * A stored row holds only the fields someone wrote: a keyed or singleton row's first write
 * records just the fields it sets, a row synced from an older version lacks fields added since.
 * Every reader gets the row as its schema promises (`RowOf<T>`), because the data layer fills
 * the schema's defaults in one place (renderer/data/db.ts applies this on every read and write
 * of a record table). Only defaults are filled: a required field has no default, and a value
 * that is present is never touched.
 */

type DefaultEntry = readonly [field: string, value: unknown];

const defaultsByTable = new Map<TableName, readonly DefaultEntry[]>(
  tableNames.map((table) => [table, defaultEntriesOf(recordTypes[table].fields)]),
);

function defaultEntriesOf(schema: z.ZodObject): DefaultEntry[] {
  const entries: DefaultEntry[] = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = fieldSchema.safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) entries.push([field, parsed.data]);
  }
  return entries;
}

/**
 * The schema's default of each field that has one, shared and frozen: for readers that only
 * compare (a role check per pushed change), where fieldDefaults' fresh copies were a tenth of
 * the server's work on a push.
 */
export function sharedFieldDefaults(table: TableName): Readonly<Record<string, unknown>> {
  let defaults = sharedDefaults.get(table);
  if (!defaults) {
    defaults = Object.freeze(Object.fromEntries(defaultsByTable.get(table) ?? []));
    sharedDefaults.set(table, defaults);
  }
  return defaults;
}
const sharedDefaults = new Map<TableName, Readonly<Record<string, unknown>>>();

/** The schema's default of each field that has one (a fresh copy of arrays and objects). */
export function fieldDefaults(table: TableName): Record<string, unknown> {
  return Object.fromEntries((defaultsByTable.get(table) ?? []).map(([field, value]) => [field, copyOf(value)]));
}

/**
 * Fills, in place, every field of `row` that is missing (undefined) and has a default in its
 * record type's schema. Returns the same object. Cheap enough for every read: one pass over
 * the defaulted fields, no parsing.
 */
export function applyRecordDefaults<Row extends Record<string, unknown>>(table: TableName, row: Row): Row {
  const entries = defaultsByTable.get(table);
  // A get() that found nothing reads as undefined; leave it so.
  if (!entries || typeof row !== 'object' || row === null) return row;
  for (const [field, value] of entries) {
    if ((row as Record<string, unknown>)[field] === undefined) (row as Record<string, unknown>)[field] = copyOf(value);
  }
  return row;
}

/** Whether the row lacks a defaulted field (rows written before this fill existed). */
export function lacksDefaults(table: TableName, row: Record<string, unknown>): boolean {
  return (defaultsByTable.get(table) ?? []).some(([field]) => row[field] === undefined);
}

function copyOf(value: unknown): unknown {
  // Defaults are JSON values (schemas of stored rows); a copy keeps rows from sharing one array.
  return typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value;
}
