import fc from 'fast-check';
import { documentTypes } from '../../../shared/documents';
import { defaultMetricCatalogue } from '../../../shared/operations';
import { isSingleton, recordTypes, type TableName, tableNames } from '../../../shared/records';
import { resultId } from '../../../shared/records/inspection';
import { handoverId, patrolEntryId } from '../../../shared/records/operations';
import { objectArbitrary, realDate, type SchemaArbitraryOptions } from './schema-arbitrary';

/**
 * A whole project made of generated rows, one array per record table, as a database may hold
 * them: every row passes its schema (cross-field rules may be broken: rows that arrive by sync
 * or from older versions are not checked against them), references point at generated rows
 * most of the time and dangle now and then.
 */

export const PROJECT_ID = '0190a000-0000-7000-8000-000000000001';

export type StoredRow = Record<string, unknown> & {
  id: string;
  projectId: string;
  deleted: boolean;
  fieldHlc: Record<string, string>;
};
export type GeneratedProject = Record<TableName, StoredRow[]>;

/** How many rows of a table a project may hold (patrol entries and results join in many). */
const maxRows: Partial<Record<TableName, number>> = {
  assets: 4,
  inspectionResults: 8,
  patrolEntries: 10,
  rectifications: 4,
};
const DEFAULT_MAX_ROWS = 3;

/** The id of the n-th row of a table: known before the rows are, so references can point at them. */
export function poolId(table: TableName, n: number): string {
  return `${(tableNames.indexOf(table) + 1).toString(16).padStart(8, '0')}-0000-4000-8000-${(n + 1).toString(16).padStart(12, '0')}`;
}

function idsOf(refTable: string): string[] {
  const table = refTable as TableName;
  if (!tableNames.includes(table)) return [];
  return isSingleton(table)
    ? [PROJECT_ID]
    : Array.from({ length: maxRows[table] ?? DEFAULT_MAX_ROWS }, (_, n) => poolId(table, n));
}

// Values that join rows to each other, so the joins are exercised and not only the misses.
const metricKeys = [...new Set(Object.values(defaultMetricCatalogue).flatMap((defs) => defs.map((def) => def.key)))];
const itemIds = ['ssh.root', 'disk.usage', 'ntp', 'i1', 'i2'];
const sectionIds = ['s1', 's2', 'access'];
const anyText = (maxLength: number, minLength = 0) => fc.string({ minLength, maxLength });
const often = <T>(joined: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: joined, weight: 4 }, { arbitrary: other, weight: 1 });
const roundOf = often(
  fc.tuple(realDate(), fc.constantFrom('', '/白班', '/夜班')).map(([day, shift]) => `${day}${shift}`),
  fc.oneof(fc.constantFrom('2026-W48', '2026-12'), anyText(40, 1)),
);

function overrides(table: TableName): (path: string) => fc.Arbitrary<unknown> | undefined {
  const metricKey = often(fc.constantFrom(...metricKeys), anyText(64, 1));
  return (path) => {
    switch (`${table}:${path}`) {
      case 'checklistTemplates:items[].id':
      case 'inspectionResults:itemId':
      case 'rectifications:itemId':
        return often(fc.constantFrom(...itemIds), fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/));
      case 'checklistTemplates:items[].sectionId':
      case 'checklistTemplates:sections[].id':
        return often(fc.constantFrom(...sectionIds), fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/));
      case 'checklistTemplates:items[].parser':
        return often(fc.constantFrom(...metricKeys, ''), anyText(50));
      case 'patrolEntries:date':
      case 'shiftHandovers:date':
        return often(realDate(), anyText(10, 1));
      case 'patrolEntries:round':
      case 'shiftHandovers:round':
        return roundOf;
      case 'patrolEntries:readings{}':
      case 'patrolPlans:metricKeys[]':
      case 'serviceDesign:thresholds[].key':
        return metricKey;
      case 'serviceDesign:faultGrading[].metricKey':
        return often(fc.constantFrom(...metricKeys, ''), anyText(64));
      case 'sla:holidays[]':
      case 'sla:extraWorkdays[]':
        // The schema asks only for the shape YYYY-MM-DD: 2026-13-45 is a holiday it accepts.
        return often(realDate(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
      case 'documentExports:docType':
        return often(fc.constantFrom(...documentTypes.map((type) => type.key)), anyText(50, 1));
      default:
        return undefined;
    }
  };
}

function rowsArbitrary(
  table: TableName,
  mode: SchemaArbitraryOptions['mode'],
  raw: boolean,
): fc.Arbitrary<StoredRow[]> {
  const row = objectArbitrary(recordTypes[table].fields, {
    mode,
    raw,
    ids: idsOf,
    override: overrides(table),
    maxItems: 4,
  });
  const stored = (fields: Record<string, unknown>, id: string): StoredRow => ({
    ...fields,
    id,
    projectId: PROJECT_ID,
    deleted: false,
    fieldHlc: {},
  });
  if (table === 'projects') return row.map((fields) => [stored(fields, PROJECT_ID)]);
  if (isSingleton(table))
    return fc.option(row, { nil: null }).map((fields) => (fields ? [stored(fields, PROJECT_ID)] : []));
  return fc
    .array(row, { maxLength: maxRows[table] ?? DEFAULT_MAX_ROWS })
    .map((rows) => rows.map((fields, n) => stored(fields, keyedId(table, fields) ?? poolId(table, n))));
}

/** Keyed rows take the id the app derives from their content (see RecordType.keyed). */
function keyedId(table: TableName, row: Record<string, unknown>): string | undefined {
  const text = (field: string) => String(row[field] ?? '');
  switch (table) {
    case 'inspectionResults':
    case 'rectifications':
      return resultId(text('inspectionId'), text('itemId'));
    case 'patrolEntries':
      return patrolEntryId(text('planId'), text('round'), text('assetId'));
    case 'shiftHandovers':
      return handoverId(text('planId'), text('round'));
    default:
      return undefined;
  }
}

/** A project: rows of every record table, minimal (only required fields) or arbitrary; raw: as sync may store them (SchemaArbitraryOptions.raw). */
export function projectArbitrary(mode: SchemaArbitraryOptions['mode'], raw = false): fc.Arbitrary<GeneratedProject> {
  return fc.record(
    Object.fromEntries(tableNames.map((table) => [table, rowsArbitrary(table, mode, raw)])) as Record<
      TableName,
      fc.Arbitrary<StoredRow[]>
    >,
  );
}
