import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../date-time';

/** A text in both UI languages; Chinese first. */
export interface Label {
  zh: string;
  en: string;
}

export type FieldWidget =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'time'
  | 'tags'
  | 'choice'
  | 'multiChoice'
  | 'email'
  | 'phone'
  | 'ips'
  | 'number'
  | 'objectList'
  | 'reference'
  | 'references'
  | 'attachments'
  /** Patrol metrics, picked by name (renderer MetricKeysSelect); stored as their keys. */
  | 'metrics'
  | 'timeZone';

declare module 'zod' {
  interface GlobalMeta {
    label?: Label;
    /** Labels of an enum's values, in the order the UI lists them. */
    options?: Record<string, Label>;
    widget?: FieldWidget;
    placeholder?: Label;
    /** Unit shown after a number, e.g. 分钟, %. */
    unit?: Label;
    /** For reference widgets: the record table the ids point into. */
    refTable?: string;
    /** Help text under the input. */
    help?: Label;
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
  return z.string().trim().max(max, `${label.zh}不能超过 ${max} 个字符`).default('').meta({ label, widget: 'text' });
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

/** A number, or null when not known yet. */
export function optionalNumber(
  label: Label,
  bounds: { min?: number; max?: number; integer?: boolean; unit?: Label } = {},
) {
  let number = z.number({ error: `${label.zh}必须是数字` });
  if (bounds.integer) number = number.int(`${label.zh}必须是整数`);
  if (bounds.min !== undefined) number = number.min(bounds.min, `${label.zh}不能小于 ${bounds.min}`);
  if (bounds.max !== undefined) number = number.max(bounds.max, `${label.zh}不能大于 ${bounds.max}`);
  return number
    .nullable()
    .default(null)
    .meta({ label, widget: 'number', ...(bounds.unit ? { unit: bounds.unit } : {}) });
}

/** A date and time as YYYY-MM-DDTHH:mm (local wall time, as the engineer read it), or ''. */
export function optionalDateTime(label: Label) {
  return z
    .string()
    .trim()
    .refine(
      (v) => v === '' || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) && isRealDate(v.slice(0, 10))),
      `${label.zh}不是有效的日期时间`,
    )
    .default('')
    .meta({ label, widget: 'datetime' });
}

/** A time of day as HH:mm, or ''. */
export function optionalTime(label: Label, fallback = '') {
  return z
    .string()
    .trim()
    .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), `${label.zh}不是有效的时间 (HH:mm)`)
    .default(fallback)
    .meta({ label, widget: 'time' });
}

/** An IANA time zone name ('Asia/Shanghai', the default), as the runtime's Intl knows it. */
export function timeZoneName(label: Label, help?: Label) {
  return z
    .string()
    .trim()
    .refine((v) => isTimeZone(v), `${label.zh}不是有效的时区（IANA 名称，如 Asia/Shanghai）`)
    .default(DEFAULT_TIME_ZONE)
    .meta({ label, widget: 'timeZone', ...(help ? { help } : {}) });
}

/** Several codes of an enum. */
export function multiChoice<const T extends string>(
  label: Label,
  options: Record<T, Label>,
  fallback: NoInfer<T>[] = [],
) {
  const codes = Object.keys(options) as [T, ...T[]];
  return z
    .array(z.enum(codes, { error: `请从列表中选择${label.zh}` }))
    .default(() => [...fallback])
    .meta({ label, options, widget: 'multiChoice' });
}

/** A list of small structured items edited as a table (participants, follow-ups, P1–P4 …). */
export function objectList<Shape extends z.ZodRawShape>(label: Label, item: z.ZodObject<Shape>, max = 200) {
  return z.array(item).max(max, `${label.zh}最多 ${max} 项`).default([]).meta({ label, widget: 'objectList' });
}

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id of another record of the project (e.g. the survey session a requirement came from), or ''. */
export function reference(label: Label, refTable: string) {
  return z
    .string()
    .refine((v) => v === '' || idPattern.test(v), `${label.zh}无效`)
    .default('')
    .meta({ label, widget: 'reference', refTable });
}

/** Ids of other records of the project (e.g. the assets a finding concerns). */
export function references(label: Label, refTable: string, max = 500) {
  return z
    .array(z.string().regex(idPattern, `${label.zh}无效`))
    .max(max, `${label.zh}最多 ${max} 个`)
    .default([])
    .meta({ label, widget: 'references', refTable });
}
