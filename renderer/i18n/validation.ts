import type { z } from 'zod';
import { recordTypes } from '../../shared/records';
import type { Label } from '../../shared/records/fields';

/**
 * Validation messages in the UI language. The schemas (shared/records) write their messages in
 * Chinese, naming the field by its Chinese label ("请填写项目名称", "第 2 行（P2）响应时间：不能小于 1");
 * the English UI reads them back through the patterns below, naming the field by its English
 * label. A message no pattern knows becomes a generic English one on the field's label.
 */
export function localizeValidationMessage(message: string, language: string, field?: Label): string {
  if (!language.startsWith('en') || !CJK.test(message)) return message;
  return englishMessage(message) ?? (field ? `${field.en}: invalid value` : 'Invalid value');
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

type Rule = [RegExp, (label: string, ...rest: string[]) => string];

// The first group is the label, possibly empty: inside a table row the cell's label stands
// before the colon.
const rules: Rule[] = [
  [/^请填写(.+)$/, (l) => `Please enter ${l}`],
  [/^请从列表中选择(.+)$/, (l) => `Choose ${l} from the list`],
  [/^(.*?)的每一项不能超过 (\d+) 个字符$/, (l, n) => `Each ${l || 'item'} must be at most ${n} characters`],
  [/^(.*?)不能超过 (\d+) 个字符$/, (l, n) => subject(l, `must be at most ${n} characters`)],
  [/^(.*?)不是有效日期 \(YYYY-MM-DD\)$/, (l) => subject(l, 'is not a valid date (YYYY-MM-DD)')],
  [/^(.*?)不是有效的日期时间$/, (l) => subject(l, 'is not a valid date and time')],
  [/^(.*?)不是有效的时间 \(HH:mm\)$/, (l) => subject(l, 'is not a valid time (HH:mm)')],
  [/^(.*?)不是有效的时区.*$/, (l) => subject(l, 'is not a valid time zone (an IANA name such as Asia/Shanghai)')],
  [/^(.*?)格式不正确$/, (l) => subject(l, 'is not in a valid format')],
  [/^(.*?)必须是数字$/, (l) => subject(l, 'must be a number')],
  [/^(.*?)必须是整数$/, (l) => subject(l, 'must be a whole number')],
  [/^(.*?)不能小于 (\S+)$/, (l, n) => subject(l, `must be at least ${n}`)],
  [/^(.*?)不能大于 (\S+)$/, (l, n) => subject(l, `must be at most ${n}`)],
  [/^(.*?)最多 (\d+) [项个]$/, (l, n) => subject(l, `can have at most ${n} entries`)],
  [/^(.*?)无效$/, (l) => subject(l, 'is not valid')],
  [/^()不是有效的 IP 地址: (.+)$/, (_, value) => `Not a valid IP address: ${value}`],
];

function subject(label: string, predicate: string): string {
  return label ? `${label} ${predicate}` : `${predicate.charAt(0).toUpperCase()}${predicate.slice(1)}`;
}

function englishMessage(message: string): string | null {
  // 第 2 行（P2）响应时间：不能小于 1 — a cell of a table row.
  const row = /^第 (\d+) 行(?:（(.*?)）)?(.*?)：(.+)$/.exec(message);
  if (row) {
    const [, number, name, cell, rest] = row as unknown as [string, string, string | undefined, string, string];
    const inner = englishMessage(rest) ?? 'invalid value';
    const cellEn = cell ? englishLabel(cell) : '';
    const nameEn = name ? (englishLabel(name) ?? (CJK.test(name) ? '' : name)) : '';
    return `Row ${number}${nameEn ? ` (${nameEn})` : ''}${cellEn ? ` ${cellEn}` : ''}: ${inner}`;
  }
  for (const [pattern, english] of rules) {
    const match = pattern.exec(message);
    if (!match) continue;
    const [, label = '', ...rest] = match;
    const labelEn = label ? englishLabel(label) : '';
    if (labelEn === null) continue;
    return english(labelEn, ...rest);
  }
  // 项目名称: <zod's own message> — a field's label before a message zod wrote.
  const labelled = /^(.+?)[:：]\s*(.+)$/.exec(message);
  if (labelled) {
    const labelEn = englishLabel(labelled[1]!);
    if (labelEn !== null) return `${labelEn}: ${englishMessage(labelled[2]!) ?? 'invalid value'}`;
  }
  return null;
}

let labels: Map<string, string> | null = null;

/** The English of a Chinese label of any record field, item cell or option; null when unknown. */
export function englishLabel(zh: string): string | null {
  if (!labels) {
    labels = new Map();
    for (const type of Object.values(recordTypes)) collectLabels(type.fields as unknown as z.ZodType, labels);
  }
  return labels.get(zh.trim()) ?? null;
}

function collectLabels(schema: z.ZodType, into: Map<string, string>, depth = 0): void {
  if (depth > 8) return;
  const meta = schema.meta?.();
  if (meta?.label && !into.has(meta.label.zh)) into.set(meta.label.zh, meta.label.en);
  for (const option of Object.values(meta?.options ?? {})) if (!into.has(option.zh)) into.set(option.zh, option.en);
  const def = (
    schema as unknown as { def: { innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> } }
  ).def;
  if (def.innerType) collectLabels(def.innerType, into, depth + 1);
  if (def.element) collectLabels(def.element, into, depth + 1);
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? def.shape;
  if (shape && typeof shape === 'object')
    for (const child of Object.values(shape)) collectLabels(child, into, depth + 1);
}
