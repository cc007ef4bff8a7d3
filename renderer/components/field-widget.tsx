import { Checkbox, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { pickLabel } from '../i18n';
import { COMMON_TIME_ZONES, displayDateTime } from '../../shared/date-time';
import { RecordAttachmentsField } from './attachments';
import { DateInput, DateTimeInput, TimeInput } from './date-inputs';
import { MetricKeysSelect } from './MetricKeysSelect';
import { ObjectListInput } from './ObjectListInput';
import { ReferenceSelect } from './ReferenceSelect';

interface FieldWidgetProps {
  schema: z.ZodType;
  language: string;
  id?: string;
  value?: unknown;
  onChange?(value: unknown): void;
  disabled?: boolean;
  /** For inputs without a visible label of their own (cells of a structured list). */
  'aria-label'?: string;
}

const tokenSeparators = [',', '，', ';', '；', '、'];

/** The input for one schema field, chosen by its meta.widget. */
export function FieldWidget({ schema, language, ...props }: FieldWidgetProps): ReactNode {
  const meta = schema.meta() ?? {};
  const placeholder = pickLabel(meta.placeholder, language);
  const common = { id: props.id, disabled: props.disabled, 'aria-label': props['aria-label'] };
  const value = props.value as never;
  const onChange = props.onChange as never;
  switch (meta.widget) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={value}
          onChange={onChange}
          autoSize={{ minRows: 2, maxRows: 10 }}
          placeholder={placeholder}
        />
      );
    case 'date':
      return <DateInput {...common} value={value} onChange={onChange} style={{ width: '100%' }} />;
    case 'datetime':
      return <DateTimeInput {...common} value={value} onChange={onChange} style={{ width: '100%' }} />;
    case 'time':
      return <TimeInput {...common} value={value} onChange={onChange} style={{ width: '100%' }} />;
    case 'timeZone':
      return (
        <Select
          {...common}
          value={value}
          onChange={onChange}
          showSearch
          options={timeZoneOptions(props.value, language)}
        />
      );
    case 'number':
      return (
        <InputNumber
          {...common}
          value={value}
          onChange={(next) => props.onChange?.(next ?? null)}
          style={{ width: '100%' }}
          addonAfter={meta.unit ? pickLabel(meta.unit, language) : undefined}
        />
      );
    case 'choice':
      return <Select {...common} value={value} onChange={onChange} options={optionsOf(meta.options, language)} />;
    case 'multiChoice':
      return (
        <Checkbox.Group {...common} value={value} onChange={onChange} options={optionsOf(meta.options, language)} />
      );
    case 'metrics':
      return <MetricKeysSelect {...common} language={language} value={value} onChange={onChange} />;
    case 'tags':
      return (
        <Select
          {...common}
          value={value}
          onChange={onChange}
          mode="tags"
          tokenSeparators={tokenSeparators}
          open={false}
          suffixIcon={null}
        />
      );
    case 'ips':
      return (
        <Select
          {...common}
          value={value}
          onChange={onChange}
          mode="tags"
          tokenSeparators={[...tokenSeparators, ' ']}
          open={false}
          suffixIcon={null}
        />
      );
    case 'email':
      return <Input {...common} value={value} onChange={onChange} type="email" placeholder={placeholder} />;
    case 'phone':
      return <Input {...common} value={value} onChange={onChange} type="tel" placeholder={placeholder} />;
    case 'objectList':
      return <ObjectListInput {...common} schema={schema} value={value} onChange={onChange} language={language} />;
    case 'attachments':
      return <RecordAttachmentsField {...common} value={value} onChange={onChange} />;
    case 'reference':
    case 'references':
      return (
        <ReferenceSelect
          {...common}
          refTable={meta.refTable ?? ''}
          multiple={meta.widget === 'references'}
          value={value}
          onChange={onChange}
        />
      );
    default:
      return <Input {...common} value={value} onChange={onChange} placeholder={placeholder} />;
  }
}

/** The common zones, and the stored one when it is another. */
function timeZoneOptions(current: unknown, language: string) {
  const options = COMMON_TIME_ZONES.map((entry) => ({
    value: entry.zone,
    label: language.startsWith('en') ? entry.en : entry.zh,
  }));
  if (typeof current === 'string' && current && !options.some((option) => option.value === current))
    options.push({ value: current, label: current });
  return options;
}

function optionsOf(options: Record<string, { zh: string; en: string }> | undefined, language: string) {
  return Object.entries(options ?? {}).map(([value, label]) => ({ value, label: pickLabel(label, language) }));
}

/** A stored value as a person reads it (enum labels, lists joined). */
export function formatFieldValue(schema: z.ZodType | undefined, value: unknown, language: string): string {
  if (value === undefined || value === null || value === '') return '—';
  const meta = schema?.meta();
  const options = meta?.options;
  if (options && typeof value === 'string') return pickLabel(options[value], language) || value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (options) return value.map((v) => pickLabel(options[String(v)], language) || String(v)).join('、');
    if (typeof value[0] === 'object' && value[0] !== null)
      return value.map((item) => summarise(item as Record<string, unknown>)).join('；');
    return value.join(', ');
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number' && meta?.unit) return `${value} ${pickLabel(meta.unit, language)}`;
  if (meta?.widget === 'datetime' && typeof value === 'string') return displayDateTime(value);
  return String(value);
}

/** One structured item as a short line, e.g. a participant "王建国 · 客户方 · 信息科技部". */
function summarise(item: Record<string, unknown>): string {
  if ('sha256' in item) return String(item.name ?? '');
  return Object.values(item)
    .filter((v) => (typeof v === 'string' ? v !== '' : typeof v === 'number'))
    .slice(0, 3)
    .join(' · ');
}
