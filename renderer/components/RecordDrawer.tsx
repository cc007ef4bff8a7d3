import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../shared/records';
import { recordTypes } from '../../shared/records';
import { useServices } from '../app/services';
import { useProjectRights } from '../app/use-project-rights';
import type { ProjectScopedTable } from '../data/repository';
import { pickLabel } from '../i18n';
import { HistoryView } from './HistoryView';
import { RecordForm, type RecordFormHandle } from './RecordForm';

interface RecordDrawerProps<T extends ProjectScopedTable> {
  table: T;
  projectId: string;
  /** The row to edit; null to create a new one. */
  row: RowOf<T> | null;
  open: boolean;
  onClose(): void;
  fields?: readonly string[];
  /** Which tab to show first. */
  initialTab?: 'edit' | 'history';
  /** Fields for a new record when they differ from those of an existing one. */
  createFields?: readonly string[];
  /** Starting values of a new record. */
  newValues?: object;
  readOnlyFields?: readonly string[];
  /** Whether an existing row is locked (e.g. a signed record). */
  readOnly?(row: RowOf<T>): boolean;
  /** Shown above the form of an existing row: its workflow actions. */
  extra?(row: RowOf<T>): ReactNode;
  /** After a create; by default the drawer closes. */
  onCreated?(row: RowOf<T>): void;
  /** Offers 删除此记录 (a tombstone, after a confirmation): for types nothing else depends on. */
  deletable?: boolean;
  width?: number;
}

/** Create or edit one record of a project, with its change history beside the form. */
export function RecordDrawer<T extends ProjectScopedTable>({
  table,
  projectId,
  row: givenRow,
  open,
  onClose,
  fields,
  initialTab,
  createFields,
  newValues,
  readOnlyFields,
  readOnly,
  extra,
  onCreated,
  deletable = false,
  width = 760,
}: RecordDrawerProps<T>) {
  const { repo, db } = useServices();
  const rights = useProjectRights(projectId);
  // The row as stored now: a sync or an action may change it while the drawer is open, and a
  // caller may hand over the row as it was when clicked. The form then shows what changed.
  const rowId = givenRow?.id;
  const stored = useLiveQuery(
    () => (rowId ? (db.table(table).get(rowId) as Promise<RowOf<T> | undefined>) : undefined),
    [db, table, rowId],
  );
  const row = givenRow && stored?.id === givenRow.id ? stored : givenRow;
  const { t, i18n } = useTranslation();
  const type = recordTypes[table];
  const typeLabel = pickLabel(type.label, i18n.language);
  const { modal, message } = App.useApp();
  const formRef = useRef<RecordFormHandle>(null);
  const asking = useRef(false);
  const rowTitle = row ? (type.title as (r: unknown) => string)(row) : '';

  // Esc, the close button, a click on the mask and 取消 all come here. An existing row's edits
  // are stored first (the form stays open when one is refused, showing why); a new row's typing
  // is thrown away only when the engineer says so.
  async function requestClose() {
    const form = formRef.current;
    if (asking.current) return;
    if (row) {
      if (form && !(await form.flush())) {
        message.error(t('form.fixBeforeClose'));
        return;
      }
      onClose();
      return;
    }
    if (!form?.hasUnsavedInput()) {
      form?.discard();
      onClose();
      return;
    }
    asking.current = true;
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardContent'),
      okText: t('form.discard'),
      okButtonProps: { danger: true },
      cancelText: t('form.keepEditing'),
      autoFocusButton: 'cancel',
      onOk: () => {
        formRef.current?.discard();
        onClose();
      },
      afterClose: () => {
        asking.current = false;
      },
    });
  }

  function confirmDelete() {
    if (!row) return;
    modal.confirm({
      title: t('form.deleteConfirm', { name: rowTitle }),
      content: t('form.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        await formRef.current?.flush();
        await repo.remove(table, row.id);
        message.success(t('form.deleted', { name: rowTitle }));
        onClose();
      },
    });
  }

  const form = row ? (
    <>
      {extra?.(row)}
      <RecordForm
        key={row.id}
        ref={formRef}
        mode="edit"
        table={table}
        projectId={projectId}
        fields={fields}
        readOnlyFields={readOnlyFields}
        readOnly={readOnly?.(row)}
        row={row}
        save={(patch) => repo.update(table, row.id, patch as never, row)}
      />
    </>
  ) : (
    <RecordForm
      key="new"
      ref={formRef}
      mode="create"
      table={table}
      projectId={projectId}
      fields={createFields ?? fields}
      initialValues={newValues}
      draftKey={`${table}:${projectId}`}
      onCancel={() => void requestClose()}
      onSubmit={async (values) => {
        const created = await repo.create(table, projectId, values as never);
        if (onCreated) onCreated(created);
        else onClose();
      }}
    />
  );
  return (
    <Drawer
      open={open}
      onClose={() => void requestClose()}
      width={width}
      destroyOnHidden
      title={
        row ? t('common.recordTitle', { type: typeLabel, title: rowTitle }) : t('common.addRecord', { type: typeLabel })
      }
      extra={
        row && deletable && rights.may('delete', table) ? (
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
            {t('form.deleteRecord')}
          </Button>
        ) : undefined
      }
    >
      {row ? (
        <Tabs
          defaultActiveKey={initialTab ?? 'edit'}
          items={[
            { key: 'edit', label: t('common.edit'), children: form },
            { key: 'history', label: t('common.history'), children: <HistoryView table={table} rowId={row.id} /> },
          ]}
        />
      ) : (
        form
      )}
    </Drawer>
  );
}
