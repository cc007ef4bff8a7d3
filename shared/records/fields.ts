import { z } from 'zod';

/** A text in both UI languages; Chinese first. */
export interface Label {
  zh: string;
  en: string;
}

export type FieldWidget = 'text' | 'textarea' | 'date' | 'tags' | 'choice' | 'email' | 'phone' | 'ips';

declare module 'zod' {
  interface GlobalMeta {
    label?: Label;
    /** Labels of an enum's values, in the order the UI lists them. */
    options?: Record<string, Label>;
    widget?: FieldWidget;
    placeholder?: Label;
  }
}

// Validation messages are for Chinese-speaking field engineers first.
z.config(z.locales.zhCN());

const MAX_TEXT = 200;
const MAX_LONG_TEXT = 20_000;

export function requiredText(label: Label, max = MAX_TEXT) {
  return z
    .string({ error: `请填写${label.zh}` })
    .trim()
    .min(1, `请填写${label.zh}`)
    .max(max, `${label.zh}不能超过 ${max} 个字符`)
    .meta({ label, widget: 'text' });
}

export function optionalText(label: Label, max = MAX_TEXT) {
  return z
    .string()
    .trim()
    .max(max, `${label.zh}不能超过 ${max} 个字符`)
    .default('')
    .meta({ label, widget: 'text' });
}

export function longText(label: Label) {
  return z
    .string()
    .max(MAX_LONG_TEXT, `${label.zh}不能超过 ${MAX_LONG_TEXT} 个字符`)
    .default('')
    .meta({ label, widget: 'textarea' });
}

/** An enum stored by a stable code, shown by its label. */
export function choice<const T extends string>(label: Label, options: Record<T, Label>, fallback: NoInfer<T>) {
  const codes = Object.keys(options) as [T, ...T[]];
  return z
    .enum(codes, { error: `请从列表中选择${label.zh}` })
    .default(fallback)
    .meta({ label, options, widget: 'choice' });
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date as YYYY-MM-DD, or '' when not known yet. */
export function optionalDate(label: Label) {
  return z
    .string()
    .trim()
    .refine((v) => v === '' || (isoDatePattern.test(v) && isRealDate(v)), `${label.zh}不是有效日期 (YYYY-MM-DD)`)
    .default('')
    .meta({ label, widget: 'date' });
}

export function tagList(label: Label) {
  return z
    .array(z.string().trim().min(1).max(50, `${label.zh}的每一项不能超过 50 个字符`))
    .max(50, `${label.zh}最多 50 项`)
    .default([])
    .meta({ label, widget: 'tags' });
}

export function optionalEmail(label: Label) {
  return z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, `${label.zh}格式不正确`)
    .default('')
    .meta({ label, widget: 'email' });
}

export function optionalPhone(label: Label) {
  return z
    .string()
    .trim()
    .refine((v) => v === '' || /^[+\d][\d\s()-]{4,24}$/.test(v), `${label.zh}格式不正确`)
    .default('')
    .meta({ label, widget: 'phone' });
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpAddress(value: string): boolean {
  return ipv4.test(value) || z.ipv6().safeParse(value).success;
}

export function ipList(label: Label) {
  return z
    .array(
      z
        .string()
        .trim()
        .superRefine((value, ctx) => {
          if (!isIpAddress(value)) ctx.addIssue({ code: 'custom', message: `不是有效的 IP 地址: ${value}` });
        }),
    )
    .max(32, `${label.zh}最多 32 个`)
    .default([])
    .meta({ label, widget: 'ips' });
}

/** The label of a field of a zod object, for messages and history. */
export function fieldLabel(schema: z.ZodObject, field: string): Label {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  return fieldSchema?.meta()?.label ?? { zh: field, en: field };
}

export function optionLabel(schema: z.ZodObject, field: string, value: string): Label | undefined {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  return fieldSchema?.meta()?.options?.[value];
}
