import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { z } from 'zod';
import { type RowOf, recordTypes } from '../../shared/records';
import { useServices } from '../app/services';
import { useProjectRights } from '../app/use-project-rights';
import type { ProjectScopedTable } from '../data/repository';
import { fieldTitle, pickLabel } from '../i18n';
import { formatFieldValue } from './field-widget';
import { RecordDrawer } from './RecordDrawer';
import { naturalCompare } from '../../shared/natural-compare';
import { ListHeading } from './ListHeading';

export interface ListColumn<Row> {
  field: string;
  width?: number;
  /** Custom cell; by default the field's value as a person reads it. */
  render?(row: Row): ReactNode;
  /** Custom sort; by default by the stored value. */
  sorter?(a: Row, b: Row): number;
}

interface RecordListPageProps<T extends ProjectScopedTable> {
  table: T;
  title: string;
  columns: ListColumn<RowOf<T>>[];
  /** Fields the search box looks in. */
  searchFields: string[];
  /** Enum fields offered as filters. */
  filterFields?: string[];
  /** Rows to show beyond the search and filters (e.g. incidents about to breach). */
  rowFilter?(row: RowOf<T>): boolean;
  /** Default order of the rows. */
  order?(a: RowOf<T>, b: RowOf<T>): number;
  addLabel: string;
  /** Drawer options (see RecordDrawer). */
  fields?: readonly string[];
  createFields?: readonly string[];
  newValues?(rows: RowOf<T>[]): object;
  readOnlyFields?: readonly string[];
  readOnly?(row: RowOf<T>): boolean;
  extra?(row: RowOf<T>): ReactNode;
  /** Rows may be deleted from their drawer (see RecordDrawer). */
  deletable?: boolean;
  /** Shown between the toolbar and the table (a chart, a timeline). */
  above?(rows: RowOf<T>[]): ReactNode;
  rowClassName?(row: RowOf<T>): string;
  drawerWidth?: number;
  /** Open the drawer for a new row right away (e.g. "add a requirement from this session"). */
  startWithNew?: boolean;
  testId?: string;
}

/**
 * The list screen of a project-scoped record type: search, filters, sortable columns and a
 * drawer to add, edit (saving as the user goes) and see the history of a row. These lists stay
 * small (tens to hundreds per project), so they read the project's live rows in one query.
 */
export function RecordListPage<T extends ProjectScopedTable>(props: RecordListPageProps<T>) {
  const { table } = props;
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const rights = useProjectRights(project.id);
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [text, setText] = useState('');
  const needle = useDeferredValue(text).trim().toLowerCase();
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const [editing, setEditing] = useState<{ id: string | null } | null>(props.startWithNew ? { id: null } : null);
  const shape = recordTypes[table].fields.shape as Record<string, z.ZodType>;

  const rows = useLiveQuery(
    () =>
      db
        .table(table)
        .where('projectId')
        .equals(project.id)
        .filter((row) => !row.deleted)
        .toArray() as Promise<RowOf<T>[]>,
    [table, project.id],
  );
  const visible = useMemo(() => {
    const list = (rows ?? []).filter((row) => {
      const record = row as unknown as Record<string, unknown>;
      if (Object.entries(filters).some(([field, value]) => value && record[field] !== value)) return false;
      if (props.rowFilter && !props.rowFilter(row)) return false;
      if (!needle) return true;
      return props.searchFields.some((field) =>
        formatFieldValue(shape[field], record[field], lang).toLowerCase().includes(needle),
      );
    });
    return props.order ? list.sort(props.order) : list;
  }, [rows, filters, needle, props, shape, lang]);
  const current = editing?.id ? ((rows ?? []).find((row) => row.id === editing.id) ?? null) : null;

  const columns: ColumnType<RowOf<T>>[] = props.columns.map((column) => ({
    key: column.field,
    title: fieldTitle(table, column.field, lang),
    width: column.width,
    ellipsis: true,
    render: (_: unknown, row: RowOf<T>) =>
      column.render?.(row) ??
      formatFieldValue(shape[column.field], (row as unknown as Record<string, unknown>)[column.field], lang),
    sorter:
      column.sorter ??
      ((a: RowOf<T>, b: RowOf<T>) =>
        compareValues(
          (a as unknown as Record<string, unknown>)[column.field],
          (b as unknown as Record<string, unknown>)[column.field],
        )),
  }));

  return (
    <div className="page" data-testid={props.testId ?? `list-${table}`}>
      <ListHeading title={props.title} count={visible.length} />
      <Space className="page-toolbar" wrap>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('common.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('common.search')}
        />
        {(props.filterFields ?? []).map((field) => (
          <Select
            key={field}
            allowClear
            style={{ minWidth: 130 }}
            placeholder={fieldTitle(table, field, lang)}
            aria-label={fieldTitle(table, field, lang)}
            value={filters[field]}
            onChange={(value: string | undefined) => setFilters((f) => ({ ...f, [field]: value }))}
            options={Object.entries(shape[field]?.meta()?.options ?? {}).map(([value, label]) => ({
              value,
              label: pickLabel(label, lang),
            }))}
          />
        ))}
        {rights.may('create', table) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
            {props.addLabel}
          </Button>
        )}
      </Space>
      {props.above?.(rows ?? [])}
      <Table
        rowKey="id"
        size="middle"
        loading={rows === undefined}
        dataSource={visible}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowClassName={props.rowClassName}
        onRow={(row) => ({ onClick: () => setEditing({ id: row.id }), style: { cursor: 'pointer' } })}
      />
      <RecordDrawer
        table={table}
        projectId={project.id}
        row={current}
        // A new row's defaults (e.g. the next code) need the rows, so wait for them.
        open={editing !== null && rows !== undefined}
        onClose={() => setEditing(null)}
        onCreated={(row) => setEditing({ id: row.id })}
        fields={props.fields}
        createFields={props.createFields}
        newValues={props.newValues?.(rows ?? [])}
        readOnlyFields={props.readOnlyFields}
        readOnly={props.readOnly}
        extra={props.extra}
        deletable={props.deletable}
        width={props.drawerWidth}
      />
    </div>
  );
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalCompare(String(a ?? ''), String(b ?? ''));
}
