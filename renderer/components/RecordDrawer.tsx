import { Drawer, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../shared/records';
import { recordTypes } from '../../shared/records';
import { useServices } from '../app/services';
import type { ProjectScopedTable } from '../data/repository';
import { pickLabel } from '../i18n';
import { HistoryView } from './HistoryView';
import { RecordForm } from './RecordForm';

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
  width = 760,
}: RecordDrawerProps<T>) {
  const { repo, db } = useServices();
  // The row as stored now: a sync or an action may change it while the drawer is open, and a
  // caller may hand over the row as it was when clicked. The form then shows what changed.
  const rowId = givenRow?.id;
  const stored = useLiveQuery(() => (rowId ? (db.table(table).get(rowId) as Promise<RowOf<T> | undefined>) : undefined), [db, table, rowId]);
  const row = givenRow && stored?.id === givenRow.id ? stored : givenRow;
  const { t, i18n } = useTranslation();
  const type = recordTypes[table];
  const typeLabel = pickLabel(type.label, i18n.language);
  const form = row ? (
    <>
      {extra?.(row)}
      <RecordForm
        key={row.id}
        mode="edit"
        table={table}
        projectId={projectId}
        fields={fields}
        readOnlyFields={readOnlyFields}
        readOnly={readOnly?.(row)}
        row={row}
        save={(patch) => repo.update(table, row.id, patch as never)}
      />
    </>
  ) : (
    <RecordForm
      key="new"
      mode="create"
      table={table}
      projectId={projectId}
      fields={createFields ?? fields}
      initialValues={newValues}
      draftKey={`${table}:${projectId}`}
      onCancel={onClose}
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
      onClose={onClose}
      width={width}
      destroyOnHidden
      title={row ? `${typeLabel}：${(type.title as (r: unknown) => string)(row)}` : `${t('common.add')}${typeLabel}`}
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
