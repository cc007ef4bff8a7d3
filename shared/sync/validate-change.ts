import { z } from 'zod';
import { type Change, hasNul, NUL_MESSAGE } from '../change-log';
import { type TableName, isTableName, recordTypes } from '../records';

/**
 * Per table, one object schema accepting any subset of its fields (and `deleted`) and nothing
 * else: one parse per change instead of one per field, which is what a pull of thousands of
 * changes spends its validation time on. A change it refuses is checked field by field again,
 * only to word the reason.
 */
const subsetSchemas = new Map<TableName, z.ZodType>();
function subsetSchemaOf(table: TableName): z.ZodType {
  let schema = subsetSchemas.get(table);
  if (!schema) {
    schema = recordTypes[table].fields.partial().extend({ deleted: z.boolean().optional() }).strict();
    subsetSchemas.set(table, schema);
  }
  return schema;
}

/**
 * Checks the fields of a change that arrived from elsewhere (a push, a pull, a bundle) against
 * its record type: a known table, known fields, each value valid for its field. Cross-field
 * rules are not checked here: a merge may combine fields written on different devices.
 * Returns the reason in Chinese, or null when the change is acceptable.
 */
export function changeFieldsProblem(change: Change): string | null {
  const read = readChangeFields(change);
  return 'problem' in read ? read.problem : null;
}

/**
 * The fields of a change as its table's schema reads them, or the reason they are refused. A
 * value keeps exactly what was sent but for what the schema adds: the defaults of fields inside
 * it (an item of a list that an older version wrote without a field added since) and trimmed
 * text. Only the fields the change holds are returned: a change never writes a default of a
 * field it did not set. A receiver merges these, so rows hold what local writes would hold.
 */
export function readChangeFields(change: Change): { fields: Record<string, unknown> } | { problem: string } {
  const early = problemBeforeFields(change);
  if (early) return { problem: early };
  // One parse of the whole subset; only a change it refuses (or one holding an undefined value,
  // which the subset's optional fields would let through) is looked at again, to word why.
  const parsed = subsetSchemaOf(change.table as TableName).safeParse(change.fields);
  const entries = Object.entries(change.fields);
  if (!parsed.success || entries.some(([, value]) => value === undefined)) {
    const problem = fieldProblem(change, entries);
    if (problem) return { problem };
    if (!parsed.success) return { problem: `${change.table}: 字段无效` };
  }
  const read = parsed.data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [field] of entries) fields[field] = read[field];
  return { fields };
}

/** What is wrong with a change before its fields are parsed: its table, its id, no fields, NUL in a project's names. */
function problemBeforeFields(change: Change): string | null {
  if (!isTableName(change.table)) return `未知的数据表: ${change.table}`;
  if (change.table === 'projects' && change.rowId !== change.projectId) return '项目记录的 id 必须等于其 projectId';
  if (Object.keys(change.fields).length === 0) return '修改中没有字段';
  if (change.table === 'projects') {
    // A project's code and name are also the server's projects columns (see NUL_MESSAGE).
    for (const field of ['code', 'name']) {
      const value = change.fields[field];
      if (typeof value === 'string' && hasNul(value)) return `projects.${field}: ${NUL_MESSAGE}`;
    }
  }
  return null;
}

/** The first field the change's table refuses, worded for the user, or null. */
function fieldProblem(change: Change, entries: ReadonlyArray<[string, unknown]>): string | null {
  const shape = recordTypes[change.table as TableName].fields.shape as Record<string, z.ZodType>;
  for (const [field, value] of entries) {
    if (field === 'deleted') {
      if (typeof value !== 'boolean') return '字段 deleted 必须是 true 或 false';
      continue;
    }
    const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
    if (!schema) return `未知字段: ${change.table}.${field}`;
    const parsed = schema.safeParse(value);
    if (!parsed.success) return `${change.table}.${field}: ${parsed.error.issues[0]?.message ?? '无效'}`;
  }
  return null;
}
