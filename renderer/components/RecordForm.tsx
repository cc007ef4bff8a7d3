import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Row, Space, Typography, message } from 'antd';
import { type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recordTypes, type TableName } from '../../shared/records';
import { pickLabel } from '../i18n';
import { useProjectRights } from '../app/use-project-rights';
import { FieldWidget } from './field-widget';
import { recheckChangedFields, showErrors } from './form-errors';
import { clearDraft, differsFrom, readDraft, writeDraft } from './form-draft';
import { RecordFormContext } from './record-form-context';
import { readUnsaved } from './unsaved-edits';
import { type SaveState, useAutosave } from './use-autosave';

const WIDE_WIDGETS = new Set(['textarea', 'tags', 'ips', 'objectList', 'attachments', 'references', 'multiChoice']);

/** What the drawer holding a form asks of it when it closes. */
export interface RecordFormHandle {
  /** Writes every edit still waiting; resolves false when some were refused (the form shows why). */
  flush(): Promise<boolean>;
  /** Whether a new record's form holds typed values that were not created yet. */
  hasUnsavedInput(): boolean;
  /** Forgets a new record's typed values (its draft), after the engineer chose to discard them. */
  discard(): void;
}

interface CommonProps {
  table: TableName;
  projectId: string;
  /** Which fields to show, in order; every field of the schema when omitted. */
  fields?: readonly string[];
  /** Fields shown but not editable here (e.g. a status that moves only by its actions). */
  readOnlyFields?: readonly string[];
  readOnly?: boolean;
  ref?: Ref<RecordFormHandle>;
}

interface CreateProps extends CommonProps {
  mode: 'create';
  initialValues?: object;
  /** Creates the record through the repository; resolves once it is durable. */
  onSubmit(values: Record<string, unknown>): Promise<unknown>;
  onCancel?(): void;
  submitLabel?: string;
  /** Keeps what was typed in localStorage until it is saved, so a closed window loses nothing. */
  draftKey?: string;
}

interface EditProps extends CommonProps {
  mode: 'edit';
  /** The stored row. */
  row: object;
  /**
   * The id of the row the form writes, when the row may not exist yet (a singleton's is the
   * project's id); by default row.id. With it, edits not yet stored survive a reload.
   */
  rowId?: string;
  /** Saves changed fields through the repository; resolves once durable. */
  save(patch: Record<string, unknown>): Promise<unknown>;
}

export type RecordFormProps = CreateProps | EditProps;

/**
 * A form generated from a record type's schema: labels, inputs and options come from the zod
 * meta, and the repository's validation errors land on the fields they concern (and leave as
 * soon as the field is valid). A new record is created with its button; an existing one saves
 * itself as the user goes (see useAutosave) and says truthfully whether it is stored.
 */
export function RecordForm(props: RecordFormProps) {
  const { table, projectId } = props;
  // What the user's role may not write is shown, not editable (shared/roles.ts).
  const rights = useProjectRights(projectId);
  const roleLocked = (field: string) =>
    !rights.mayWriteField(table, field, props.mode === 'create' ? 'create' : 'update');
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  // A form name makes antd prefix input ids with it, so two forms on one page never share ids.
  const formName = `${table}-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const type = recordTypes[table];
  const shape = type.fields.shape as Record<string, z.ZodType>;
  const fieldNames = props.fields ?? Object.keys(shape);
  const readOnly = (props.readOnly ?? false) || fieldNames.every(roleLocked);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [creating, setCreating] = useState(false);
  const editRowId = props.mode === 'edit' ? (props.rowId ?? (props.row as { id?: string }).id) : undefined;
  const target = editRowId ? { table, id: editRowId, projectId } : null;
  const autosave = useAutosave(
    props.mode === 'edit' ? props.save : null,
    target,
    form,
    type.fields,
    fieldNames,
    setState,
  );
  const storedRow = props.mode === 'edit' ? props.row : null;

  // Where the form starts, read once: the stored row with what the last session typed but had
  // not stored (edit), or the defaults with a draft typed before a reload (create).
  const [start] = useState(() => {
    const defaults = {
      ...schemaDefaults(shape, fieldNames),
      ...(props.mode === 'create' ? props.initialValues : pick(props.row, fieldNames)),
    };
    const carried =
      props.mode === 'create'
        ? pick(readDraft(props.draftKey), fieldNames)
        : target
          ? pick(readUnsaved(target) ?? {}, fieldNames)
          : {};
    return { defaults, carried, values: { ...defaults, ...carried } };
  });
  const [draftShown, setDraftShown] = useState(
    () => props.mode === 'create' && differsFrom(start.values, start.defaults, fieldNames),
  );

  // Edits the last session typed but could not store go again now, with their error if refused.
  useEffect(() => {
    if (props.mode === 'edit' && Object.keys(start.carried).length > 0) {
      autosave.queue(start.carried);
      void autosave.flush();
    }
    // Once, for the values the form started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The stored row changes under the form (an action, a sync): show the new values of every
  // field the user is not in the middle of editing.
  const latest = useRef({ shape, fieldNames, autosave });
  latest.current = { shape, fieldNames, autosave };
  useEffect(() => {
    if (!storedRow) return;
    const { shape: fieldShape, fieldNames: names, autosave: saver } = latest.current;
    const stored = { ...schemaDefaults(fieldShape, names), ...pick(storedRow, names) };
    const updates = names.filter(
      (name) => !saver.isPending(name) && JSON.stringify(form.getFieldValue(name)) !== JSON.stringify(stored[name]),
    );
    if (updates.length) form.setFields(updates.map((name) => ({ name, value: stored[name] })));
  }, [storedRow, form]);

  const draftKey = props.mode === 'create' ? props.draftKey : undefined;
  const discard = () => {
    clearDraft(draftKey);
    form.setFieldsValue(Object.fromEntries(fieldNames.map((name) => [name, start.defaults[name]])));
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    setDraftShown(false);
  };
  useImperativeHandle(props.ref, () => ({
    flush: () => autosave.flush(),
    hasUnsavedInput: () =>
      props.mode === 'create' && differsFrom(form.getFieldsValue([...fieldNames]), start.defaults, fieldNames),
    discard: () => clearDraft(draftKey),
  }));

  async function create(values: Record<string, unknown>) {
    if (props.mode !== 'create') return;
    setCreating(true);
    try {
      await props.onSubmit(values);
      clearDraft(props.draftKey);
      message.success(t('common.saved'));
    } catch (error) {
      showErrors(form, type.fields, fieldNames, error, (text) =>
        message.error(t('common.saveFailed', { message: text })),
      );
    } finally {
      setCreating(false);
    }
  }

  return (
    <RecordFormContext.Provider value={{ projectId, readOnly }}>
      <Form
        form={form}
        name={formName}
        layout="vertical"
        disabled={readOnly}
        initialValues={start.values}
        onFinish={create}
        onValuesChange={(changed: Record<string, unknown>, all: Record<string, unknown>) => {
          recheckChangedFields(form, type.fields, changed);
          if (props.mode === 'edit') autosave.queue(changed);
          else writeDraft(props.draftKey, all);
        }}
        onBlur={() => void autosave.flush()}
        data-testid={`form-${table}`}
      >
        {draftShown && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('form.draftRestored')}
            action={
              <Button size="small" onClick={discard}>
                {t('form.clearDraft')}
              </Button>
            }
          />
        )}
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
                  extra={meta.help ? pickLabel(meta.help, i18n.language) : undefined}
                >
                  <FieldWidget
                    schema={schema}
                    language={i18n.language}
                    disabled={readOnly || props.readOnlyFields?.includes(name) || roleLocked(name)}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
        {props.mode === 'create' ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={creating}>
              {props.submitLabel ?? t('common.save')}
            </Button>
            {props.onCancel && <Button onClick={() => props.onCancel?.()}>{t('common.cancel')}</Button>}
          </Space>
        ) : (
          <SaveStatus state={state} />
        )}
      </Form>
    </RecordFormContext.Provider>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="save-status" data-testid="save-status" aria-live="polite">
      {state.kind === 'saving' && (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('form.saving')}
        </Typography.Text>
      )}
      {state.kind === 'saved' && (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('form.savedAt', { time: state.at.toLocaleTimeString(i18n.language) })}
        </Typography.Text>
      )}
      {state.kind === 'error' && (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('form.notSaved', { message: state.message })}
        </Typography.Text>
      )}
      {state.kind === 'idle' && <Typography.Text type="secondary">{t('form.autosaveHint')}</Typography.Text>}
    </div>
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

function pick(row: object, names: readonly string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(names.filter((name) => source[name] !== undefined).map((name) => [name, source[name]]));
}
