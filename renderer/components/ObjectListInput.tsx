import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
// The form item's error status reaches every input inside it; these let the table pass on only
// the status of the cell that is wrong.
import { FormItemInputContext, NoFormStyle } from 'antd/es/form/context';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { pickLabel } from '../i18n';
import { FieldWidget } from './field-widget';

interface ObjectListInputProps {
  /** The zod array of objects (objectList field). */
  schema: z.ZodType;
  value?: Array<Record<string, unknown>>;
  onChange?(next: Array<Record<string, unknown>>): void;
  language: string;
  disabled?: boolean;
  id?: string;
}

/** Edits a list of small structured items as a table: each column is one field of the item. */
export function ObjectListInput({ schema, value = [], onChange, language, disabled, id }: ObjectListInputProps) {
  const { t } = useTranslation();
  const item = itemSchemaOf(schema);
  const shape = item.shape as Record<string, z.ZodType>;
  const fields = Object.keys(shape).filter((name) => shape[name]!.meta()?.label);
  const emit = (next: Array<Record<string, unknown>>) => onChange?.(next);
  const update = (index: number, field: string, fieldValue: unknown) =>
    emit(value.map((row, i) => (i === index ? { ...row, [field]: fieldValue } : row)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    emit(next);
  };

  return (
    <div id={id} className="object-list">
      <NoFormStyle status override>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, index) => String(index)}
          dataSource={value}
          locale={{ emptyText: <Typography.Text type="secondary">{t('form.noRows')}</Typography.Text> }}
          scroll={{ x: 'max-content' }}
          columns={[
            ...fields.map((field) => ({
              key: field,
              title: pickLabel(shape[field]!.meta()?.label, language),
              render: (_: unknown, row: Record<string, unknown>, index: number) => (
                <div
                  style={{ minWidth: widthOf(shape[field]!) }}
                  data-invalid={isInvalid(shape[field]!, row[field]) || undefined}
                >
                  <FormItemInputContext.Provider
                    value={isInvalid(shape[field]!, row[field]) ? { status: 'error' } : {}}
                  >
                    <FieldWidget
                      schema={inline(shape[field]!)}
                      language={language}
                      aria-label={`${pickLabel(shape[field]!.meta()?.label, language)} ${index + 1}`}
                      value={row[field]}
                      disabled={disabled}
                      onChange={(next) => update(index, field, unwrapEvent(next))}
                    />
                  </FormItemInputContext.Provider>
                </div>
              ),
            })),
            ...(disabled
              ? []
              : [
                  {
                    key: 'actions',
                    width: 112,
                    render: (_: unknown, __: unknown, index: number) => (
                      <Space size={0}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('form.moveUp')}
                          disabled={index === 0}
                          onClick={() => move(index, -1)}
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('form.moveDown')}
                          disabled={index === value.length - 1}
                          onClick={() => move(index, 1)}
                        />
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('form.removeRow')}
                          onClick={() => emit(value.filter((_, i) => i !== index))}
                        />
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
      </NoFormStyle>
      {!disabled && (
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => emit([...value, defaultsOf(shape)])}
        >
          {t('form.addRow')}
        </Button>
      )}
    </div>
  );
}

function itemSchemaOf(schema: z.ZodType): z.ZodObject {
  // objectList fields are ZodDefault<ZodArray<ZodObject>>.
  let inner = schema as unknown as { def: { innerType?: unknown; element?: unknown; type: string } };
  while (inner.def.innerType) inner = inner.def.innerType as typeof inner;
  return inner.def.element as z.ZodObject;
}

function defaultsOf(shape: Record<string, z.ZodType>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(shape).map(([name, field]) => {
      const result = field.safeParse(undefined);
      return [name, result.success ? result.data : ''];
    }),
  );
}

/** Inside a table row a long text is a one-line input that grows. */
function inline(field: z.ZodType): z.ZodType {
  return field;
}

function widthOf(field: z.ZodType): number {
  const widget = field.meta()?.widget;
  if (widget === 'references') return 220;
  if (widget === 'choice' || widget === 'date' || widget === 'number') return 120;
  return 160;
}

/** Inputs hand over change events, selects hand over values. */
function unwrapEvent(value: unknown): unknown {
  if (value && typeof value === 'object' && 'target' in value)
    return (value as { target: { value: unknown } }).target.value;
  return value;
}

/** A filled-in cell whose value its own schema refuses (a number out of range, a bad time). A
 * blank cell is not marked while the row is being filled: the form's message names it on save. */
function isInvalid(field: z.ZodType, value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !field.safeParse(value).success;
}
