import type { FormInstance } from 'antd';
import i18next from 'i18next';
import type { z } from 'zod';
import { fieldLabel } from '../../shared/records/fields';
import { issueOnField } from '../../shared/records/issue-message';
import { RecordValidationError } from '../data/repository';
import { localizeValidationMessage } from '../i18n/validation';

/** Puts validation messages on their fields, in the UI language; returns them as one line. */
export function showErrors(
  form: FormInstance,
  fields: z.ZodObject,
  fieldNames: readonly string[],
  error: unknown,
  other: (text: string) => void,
): string {
  if (error instanceof RecordValidationError) {
    const say = (issue: { field: string; message: string }) =>
      localizeValidationMessage(issue.message, i18next.language, fieldLabel(fields, issue.field));
    const mine = error.issues.filter((issue) => fieldNames.includes(issue.field));
    form.setFields(
      fieldNames
        .filter((name) => mine.some((i) => i.field === name))
        .map((name) => ({ name, errors: mine.filter((i) => i.field === name).map(say) })),
    );
    const rest = error.issues.filter((issue) => !fieldNames.includes(issue.field));
    if (rest.length) other(rest.map(say).join('；'));
    return error.issues.map(say).join('；');
  }
  const text = error instanceof Error ? error.message : String(error);
  other(text);
  return text;
}

/**
 * A field that shows an error is checked again as soon as it changes: the message goes once the
 * value is valid on its own (a rule across fields is judged again by the next save), or becomes
 * the value's current problem. Fields without an error are left alone while being typed in.
 */
export function recheckChangedFields(form: FormInstance, fields: z.ZodObject, changed: Record<string, unknown>): void {
  const shape = fields.shape as Record<string, z.ZodType>;
  const updates = Object.keys(changed)
    .filter((name) => shape[name] && form.getFieldError(name).length > 0)
    .map((name) => {
      const result = shape[name]!.safeParse(changed[name]);
      const issue = result.success
        ? null
        : issueOnField(
            fields,
            { [name]: changed[name] },
            { ...result.error.issues[0]!, path: [name, ...result.error.issues[0]!.path] },
          );
      const errors = issue
        ? [localizeValidationMessage(issue.message, i18next.language, fieldLabel(fields, name))]
        : [];
      return { name, errors };
    });
  if (updates.length) form.setFields(updates);
}
