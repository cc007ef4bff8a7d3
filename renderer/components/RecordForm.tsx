import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormInstance, Row, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recordTypes, type TableName } from '../../shared/records';
import { RecordValidationError } from '../data/repository';
import { pickLabel } from '../i18n';
import { FieldWidget } from './field-widget';
import { RecordFormContext } from './record-form-context';

const WIDE_WIDGETS = new Set(['textarea', 'tags', 'ips', 'objectList', 'attachments', 'references', 'multiChoice']);
const AUTOSAVE_DELAY_MS = 1200;

interface CommonProps {
  table: TableName;
  projectId: string;
  /** Which fields to show, in order; every field of the schema when omitted. */
  fields?: readonly string[];
  /** Fields shown but not editable here (e.g. a status that moves only by its actions). */
  readOnlyFields?: readonly string[];
  readOnly?: boolean;
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
  /** Saves changed fields through the repository; resolves once durable. */
  save(patch: Record<string, unknown>): Promise<unknown>;
}

export type RecordFormProps = CreateProps | EditProps;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/**
 * A form generated from a record type's schema: labels, inputs and options come from the zod
 * meta, and the repository's validation errors land on the fields they concern. A new record
 * is created with its button; an existing one saves itself as the user goes (a moment after
 * typing stops, on leaving a field, and when the window is hidden or closed) and says when.
 */
export function RecordForm(props: RecordFormProps) {
  const { table, projectId, readOnly = false } = props;
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  // A form name makes antd prefix input ids with it, so two forms on one page never share ids.
  const formName = `${table}-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const shape = recordTypes[table].fields.shape as Record<string, z.ZodType>;
  const fieldNames = props.fields ?? Object.keys(shape);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [creating, setCreating] = useState(false);
  const autosave = useAutosave(props.mode === 'edit' ? props.save : null, form, fieldNames, setState);
  const storedRow = props.mode === 'edit' ? props.row : null;

  // The stored row changes under the form (an action, a sync): show the new values of every
  // field the user is not in the middle of editing.
  const latest = useRef({ shape, fieldNames, autosave });
  latest.current = { shape, fieldNames, autosave };
  useEffect(() => {
    if (!storedRow) return;
    const { shape: fieldShape, fieldNames: names, autosave: saver } = latest.current;
    const stored = { ...schemaDefaults(fieldShape, names), ...pick(storedRow, names) };
    const updates = names.filter((name) => !saver.isPending(name) && JSON.stringify(form.getFieldValue(name)) !== JSON.stringify(stored[name]));
    if (updates.length) form.setFields(updates.map((name) => ({ name, value: stored[name] })));
  }, [storedRow, form]);

  const initialValues =
    props.mode === 'edit'
      ? { ...schemaDefaults(shape, fieldNames), ...pick(props.row, fieldNames) }
      : { ...schemaDefaults(shape, fieldNames), ...props.initialValues, ...readDraft(props.draftKey) };

  async function create(values: Record<string, unknown>) {
    if (props.mode !== 'create') return;
    setCreating(true);
    try {
      await props.onSubmit(values);
      clearDraft(props.draftKey);
      message.success(t('common.saved'));
    } catch (error) {
      showErrors(form, fieldNames, error, (text) => message.error(t('common.saveFailed', { message: text })));
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
        initialValues={initialValues}
        onFinish={create}
        onValuesChange={(changed: Record<string, unknown>, all: Record<string, unknown>) => {
          if (props.mode === 'edit') autosave.queue(changed);
          else writeDraft(props.draftKey, all);
        }}
        onBlur={() => void autosave.flush()}
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
                  extra={meta.help ? pickLabel(meta.help, i18n.language) : undefined}
                >
                  <FieldWidget schema={schema} language={i18n.language} disabled={readOnly || props.readOnlyFields?.includes(name)} />
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
            {props.onCancel && (
              <Button
                onClick={() => {
                  clearDraft(props.draftKey);
                  props.onCancel?.();
                }}
              >
                {t('common.cancel')}
              </Button>
            )}
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

/**
 * Collects changed fields and writes them a moment after the last change, or right away on
 * flush. Saves run one after another, each taking what is queued when it starts: a patch the
 * repository refused goes back into the queue before the next save reads it, so it travels with
 * the change that makes it valid (a status that needs another field) instead of racing it.
 */
function useAutosave(
  save: ((patch: Record<string, unknown>) => Promise<unknown>) | null,
  form: FormInstance,
  fieldNames: readonly string[],
  setState: (state: SaveState) => void,
) {
  const pending = useRef<Record<string, unknown>>({});
  /** Fields of the save under way: still the user's values until it has been stored. */
  const saving = useRef<Record<string, unknown>>({});
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const saveQueued = useCallback(async () => {
    const patch = pending.current;
    pending.current = {};
    if (!saveRef.current || Object.keys(patch).length === 0) return;
    saving.current = patch;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(patch);
      form.setFields(Object.keys(patch).map((name) => ({ name, errors: [] })));
      setState({ kind: 'saved', at: new Date() });
    } catch (error) {
      // Keep what was refused queued: it goes again with the next change (which may be the one
      // that makes it valid, e.g. a status that needs another field), so no input is dropped.
      pending.current = { ...patch, ...pending.current };
      const text = showErrors(form, fieldNames, error, () => undefined);
      setState({ kind: 'error', message: text });
    } finally {
      saving.current = {};
    }
  }, [form, fieldNames, setState]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const run = chain.current.then(saveQueued);
    chain.current = run.catch(() => undefined);
    return run;
  }, [saveQueued]);

  const queue = useCallback(
    (changed: Record<string, unknown>) => {
      Object.assign(pending.current, changed);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Save before the window goes away: closing, switching away, the laptop going to sleep.
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  const isPending = useCallback((name: string) => name in pending.current || name in saving.current, []);
  return useMemo(() => ({ queue, flush, isPending }), [queue, flush, isPending]);
}

/** Puts validation messages on their fields; returns them as one line. */
function showErrors(form: FormInstance, fieldNames: readonly string[], error: unknown, other: (text: string) => void): string {
  if (error instanceof RecordValidationError) {
    const mine = error.issues.filter((issue) => fieldNames.includes(issue.field));
    form.setFields(fieldNames.filter((name) => mine.some((i) => i.field === name)).map((name) => ({ name, errors: mine.filter((i) => i.field === name).map((i) => i.message) })));
    const rest = error.issues.filter((issue) => !fieldNames.includes(issue.field));
    if (rest.length) other(rest.map((i) => i.message).join('；'));
    return error.message;
  }
  const text = error instanceof Error ? error.message : String(error);
  other(text);
  return text;
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

function readDraft(key: string | undefined): Record<string, unknown> {
  if (!key) return {};
  try {
    return JSON.parse(localStorage.getItem(`fieldbook.draft.${key}`) ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

function writeDraft(key: string | undefined, values: Record<string, unknown>) {
  if (key) localStorage.setItem(`fieldbook.draft.${key}`, JSON.stringify(values));
}

function clearDraft(key: string | undefined) {
  if (key) localStorage.removeItem(`fieldbook.draft.${key}`);
}
