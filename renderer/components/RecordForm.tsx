import { Button, Col, Form, Row, Space, message } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recordTypes, type TableName } from '../../shared/records';
import { RecordValidationError } from '../data/repository';
import { pickLabel } from '../i18n';
import { FieldWidget } from './field-widget';

interface RecordFormProps {
  table: TableName;
  /** Which fields to show, in order; every field of the schema when omitted. */
  fields?: readonly string[];
  initialValues?: object;
  /** Writes through the repository; resolves once the write is durable in IndexedDB. */
  onSubmit(values: Record<string, unknown>): Promise<unknown>;
  onCancel?(): void;
  submitLabel?: string;
}

const WIDE_WIDGETS = new Set(['textarea', 'tags', 'ips']);

/**
 * A form generated from a record type's schema: labels, inputs and options come from the zod
 * meta, and the repository's validation errors land on the fields they concern.
 */
export function RecordForm({ table, fields, initialValues, onSubmit, onCancel, submitLabel }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  // A form name makes antd prefix input ids with it, so two forms on one page never share ids.
  const formName = `${table}-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [saving, setSaving] = useState(false);
  const shape = recordTypes[table].fields.shape as Record<string, z.ZodType>;
  const fieldNames = fields ?? Object.keys(shape);

  async function submit(values: Record<string, unknown>) {
    setSaving(true);
    try {
      await onSubmit(values);
      message.success(t('common.saved'));
    } catch (error) {
      if (error instanceof RecordValidationError) {
        const known = error.issues.filter((issue) => fieldNames.includes(issue.field));
        form.setFields(
          fieldNames.map((name) => ({ name, errors: known.filter((i) => i.field === name).map((i) => i.message) })),
        );
        const other = error.issues.filter((issue) => !fieldNames.includes(issue.field));
        if (other.length) message.error(t('common.saveFailed', { message: other.map((i) => i.message).join('；') }));
      } else {
        message.error(t('common.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      initialValues={initialValues ?? schemaDefaults(shape, fieldNames)}
      onFinish={submit}
      data-testid={`form-${table}`}
    >
      <Row gutter={16}>
        {fieldNames.map((name) => {
          const schema = shape[name]!;
          const meta = schema.meta() ?? {};
          return (
            <Col key={name} span={WIDE_WIDGETS.has(meta.widget ?? '') ? 24 : 12}>
              <Form.Item
                name={name}
                label={pickLabel(meta.label, i18n.language)}
                required={!schema.safeParse(undefined).success}
              >
                <FieldWidget schema={schema} language={i18n.language} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel ?? t('common.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}

/** The schema's default of each field that has one, for a new record. */
function schemaDefaults(shape: Record<string, z.ZodType>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const result = shape[name]!.safeParse(undefined);
      return result.success ? [[name, result.data]] : [];
    }),
  );
}
