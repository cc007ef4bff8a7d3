import type { z } from 'zod';
import type { FieldIssue } from './record-type';

/** What zod reports about one value: where in the record, and what is wrong. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A schema issue as the engineer reads it, on the field it concerns. Inside a table of items
 * (the P1–P4 targets of an SLA, the participants of a survey) it names the row by its number and
 * its first filled-in cell, e.g. 第 2 行（P2）响应时间：不能小于 1, so a long table does not just
 * turn red.
 */
export function issueOnField(fields: z.ZodObject, values: Record<string, unknown>, issue: SchemaIssue): FieldIssue {
  const [first, index, cell] = issue.path;
  const field = String(first ?? '');
  const schema = (fields.shape as Record<string, z.ZodType>)[field];
  const label = schema?.meta()?.label?.zh ?? field;
  const item = itemShape(schema);
  if (typeof index === 'number' && item && typeof cell === 'string' && item[cell]) {
    const row = (values[field] as Array<Record<string, unknown>> | undefined)?.[index] ?? {};
    const name = rowName(item, row);
    const cellLabel = item[cell].meta()?.label?.zh ?? cell;
    return {
      field,
      message: `第 ${index + 1} 行${name ? `（${name}）` : ''}${cellLabel}：${withoutLabel(issue.message, cellLabel)}`,
    };
  }
  return { field, message: issue.message.includes(label) ? issue.message : `${label}: ${issue.message}` };
}

/** The fields of the items of a list-of-objects field (objectList), or null for any other field. */
export function itemShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | null {
  let inner = schema as unknown as
    { def: { innerType?: unknown; element?: unknown; shape?: unknown; type: string } } | undefined;
  while (inner?.def.innerType) inner = inner.def.innerType as typeof inner;
  if (inner?.def.type !== 'array') return null;
  const element = inner.def.element as { def: { type: string }; shape?: Record<string, z.ZodType> };
  return element.def.type === 'object' && element.shape ? element.shape : null;
}

/** A row's first filled-in labelled cell, as shown (a choice by its label): P2, 王建国 … */
export function rowName(item: Record<string, z.ZodType>, row: Record<string, unknown>): string {
  for (const [name, schema] of Object.entries(item)) {
    const meta = schema.meta();
    if (!meta?.label) continue;
    const value = row[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    return (meta.options?.[value]?.zh ?? value).slice(0, 20);
  }
  return '';
}

/** 响应时间不能小于 1 → 不能小于 1 (the label is said once, before the colon). */
function withoutLabel(message: string, label: string): string {
  return message.startsWith(label) && message.length > label.length
    ? message.slice(label.length).replace(/^[:：\s]+/, '')
    : message;
}
