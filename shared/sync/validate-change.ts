import type { z } from 'zod';
import type { Change } from '../change-log';
import { isTableName, recordTypes } from '../records';

/**
 * Checks the fields of a change that arrived from elsewhere (a push, a pull, a bundle) against
 * its record type: a known table, known fields, each value valid for its field. Cross-field
 * rules are not checked here: a merge may combine fields written on different devices.
 * Returns the reason in Chinese, or null when the change is acceptable.
 */
export function changeFieldsProblem(change: Change): string | null {
  if (!isTableName(change.table)) return `未知的数据表: ${change.table}`;
  if (change.table === 'projects' && change.rowId !== change.projectId) return '项目记录的 id 必须等于其 projectId';
  const shape = recordTypes[change.table].fields.shape as Record<string, z.ZodType>;
  const entries = Object.entries(change.fields);
  if (entries.length === 0) return '修改中没有字段';
  for (const [field, value] of entries) {
    if (field === 'deleted') {
      if (typeof value !== 'boolean') return '字段 deleted 必须是 true 或 false';
      continue;
    }
    const schema = shape[field];
    if (!schema) return `未知字段: ${change.table}.${field}`;
    const parsed = schema.safeParse(value);
    if (!parsed.success) return `${change.table}.${field}: ${parsed.error.issues[0]?.message ?? '无效'}`;
  }
  return null;
}
