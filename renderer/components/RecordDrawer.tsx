import { Drawer, Tabs } from 'antd';
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
}

/** Create or edit one record of a project, with its change history beside the form. */
export function RecordDrawer<T extends ProjectScopedTable>({ table, projectId, row, open, onClose, fields, initialTab }: RecordDrawerProps<T>) {
  const { repo } = useServices();
  const { t, i18n } = useTranslation();
  const type = recordTypes[table];
  const typeLabel = pickLabel(type.label, i18n.language);
  const form = (
    <RecordForm
      key={row?.id ?? 'new'}
      table={table}
      fields={fields}
      initialValues={row ?? undefined}
      onCancel={onClose}
      onSubmit={async (values) => {
        if (row) await repo.update(table, row.id, values as never);
        else await repo.create(table, projectId, values as never);
        onClose();
      }}
    />
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
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
