import { Input, Select } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { pickLabel } from '../i18n';

/** The input for one schema field, chosen by its meta.widget. */
export function FieldWidget({ schema, language, ...props }: { schema: z.ZodType; language: string; id?: string }): ReactNode {
  const meta = schema.meta() ?? {};
  const placeholder = pickLabel(meta.placeholder, language);
  switch (meta.widget) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={placeholder} {...props} />;
    case 'date':
      return <Input type="date" {...props} />;
    case 'choice':
      return (
        <Select
          {...props}
          options={Object.entries(meta.options ?? {}).map(([value, label]) => ({ value, label: pickLabel(label, language) }))}
        />
      );
    case 'tags':
      return <Select mode="tags" tokenSeparators={[',', '，', ';', '；', '、']} open={false} suffixIcon={null} {...props} />;
    case 'ips':
      return <Select mode="tags" tokenSeparators={[',', '，', ';', '；', ' ', '、']} open={false} suffixIcon={null} {...props} />;
    case 'email':
      return <Input type="email" placeholder={placeholder} {...props} />;
    case 'phone':
      return <Input type="tel" placeholder={placeholder} {...props} />;
    default:
      return <Input placeholder={placeholder} {...props} />;
  }
}

/** A stored value as a person reads it (enum labels, lists joined). */
export function formatFieldValue(schema: z.ZodType | undefined, value: unknown, language: string): string {
  if (value === undefined || value === null || value === '') return '—';
  const options = schema?.meta()?.options;
  if (options && typeof value === 'string') return pickLabel(options[value], language) || value;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}
