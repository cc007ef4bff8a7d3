import type { TFunction } from 'i18next';
import type { ProjectDocumentData } from '../../../shared/documents/catalogue';
import { type TableName, recordTypes } from '../../../shared/records';
import { fieldLabel } from '../../../shared/records/fields';
import { issueOnField } from '../../../shared/records/issue-message';
import { pickLabel } from '../../i18n';

/** A stored row that its own schema refuses: the likeliest reason a builder threw. */
export interface InvalidField {
  table: TableName;
  rowId: string;
  /** The row as its list names it (运维对象 web01, 需求 REQ-003 …); its id when even that fails. */
  rowTitle: string;
  field: string;
  /** What the schema says is wrong, in Chinese (zod's zh-CN messages). */
  problem: string;
}

/** What went wrong while building, as the worker or the loading reported it. */
export interface BuildError {
  message: string;
  stack?: string;
}

/**
 * The first row of the project's data that its record type's schema refuses, in the order the
 * data names its tables. Singletons are left out: the loader has already parsed them (one that
 * fails to parse reads as not started). Run only after a failure: it parses every row.
 */
export function firstInvalidField(data: ProjectDocumentData): InvalidField | null {
  const tables: Array<[TableName, readonly unknown[] | undefined]> = [['projects', [data.project]]];
  for (const [key, value] of Object.entries(data)) {
    if (key in recordTypes && Array.isArray(value)) tables.push([key as TableName, value]);
  }
  for (const [table, rows] of tables) {
    const type = recordTypes[table];
    for (const row of rows ?? []) {
      const values = row as Record<string, unknown>;
      if (values.deleted) continue;
      const parsed = type.fields.safeParse(values);
      if (parsed.success) continue;
      const issue = issueOnField(type.fields, values, parsed.error.issues[0]!);
      const label = fieldLabel(type.fields, issue.field).zh;
      const message = issue.message.startsWith(`${label}: `) ? issue.message.slice(label.length + 2) : issue.message;
      // zod's zh-CN text repeats the JavaScript type after the Chinese one: 空值(null).
      const problem = message.replace(/\s*\([a-z]+\)/g, '');
      return { table, rowId: String(values.id ?? ''), rowTitle: rowTitle(table, values), field: issue.field, problem };
    }
  }
  return null;
}

function rowTitle(table: TableName, row: Record<string, unknown>): string {
  try {
    const title = (recordTypes[table].title as (row: unknown) => string)(row).trim();
    if (title) return title;
  } catch {
    // The title reads the very field that is damaged: name the row by its id instead.
  }
  return String(row.id ?? '');
}

/**
 * What the user reads when a document could not be built: which document and, when a stored
 * record explains it, which record and field, in the UI language; the details (the error and
 * its stack) to copy into a bug report.
 */
export function describeBuildFailure(
  documentTitle: string,
  error: BuildError,
  invalid: InvalidField | null,
  t: TFunction,
  language: string,
): { summary: string; details: string } {
  const reason = invalid
    ? t('deliverables.failure.invalidField', {
        record: invalid.rowTitle,
        table: pickLabel(recordTypes[invalid.table].label, language),
        field: pickLabel(fieldLabel(recordTypes[invalid.table].fields, invalid.field), language),
        // zod speaks Chinese (z.config in shared/records/fields.ts): other languages say it plainly.
        problem: language.startsWith('zh') ? invalid.problem : t('deliverables.failure.invalidValue'),
      })
    : error.message || t('deliverables.failure.unknown');
  const summary = t('deliverables.failure.summary', { title: documentTitle, reason });
  // The refused record first: it stays in view above a long stack.
  const lines = [
    documentTitle,
    ...(invalid ? [`${invalid.table} ${invalid.rowId} ${invalid.field}: ${invalid.problem}`] : []),
  ];
  lines.push(
    error.stack && error.stack.includes(error.message)
      ? error.stack
      : [error.message, error.stack].filter(Boolean).join('\n'),
  );
  return { summary, details: lines.join('\n') };
}
