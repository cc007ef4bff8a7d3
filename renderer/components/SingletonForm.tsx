import { Card, Collapse, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../shared/records';
import { useServices } from '../app/services';
import type { ProjectScopedTable } from '../data/repository';
import { HistoryView } from './HistoryView';
import { RecordForm } from './RecordForm';

/**
 * The project's one row of a singleton type (feasibility, SLA, charter), edited in place and
 * saved as the user goes; created by its first save.
 */
export function SingletonForm<T extends ProjectScopedTable>({
  table,
  projectId,
  fields,
  children,
}: {
  table: T;
  projectId: string;
  fields?: readonly string[];
  children?(row: RowOf<T> | null): ReactNode;
}) {
  const { db, repo } = useServices();
  const row = useLiveQuery(
    async () => ((await db.table(table).get(projectId)) as RowOf<T> | undefined) ?? null,
    [table, projectId],
  );
  if (row === undefined) return <Spin />;
  return (
    <>
      {children?.(row)}
      <RecordForm
        mode="edit"
        table={table}
        projectId={projectId}
        fields={fields}
        row={row ?? {}}
        rowId={projectId}
        save={(patch) => repo.saveSingleton(table, projectId, patch as never)}
      />
    </>
  );
}

export function SingletonHistory({ table, projectId }: { table: ProjectScopedTable; projectId: string }) {
  return <HistoryView table={table} rowId={projectId} />;
}

/**
 * A singleton's page card: its title, the form (with `extra` above it, given the row) and the
 * row's history folded away below.
 */
export function SingletonCard<T extends ProjectScopedTable>({
  table,
  projectId,
  title,
  testId,
  extra,
}: {
  table: T;
  projectId: string;
  title: ReactNode;
  testId: string;
  extra?(row: RowOf<T> | null): ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card title={title} data-testid={testId}>
      <SingletonForm table={table} projectId={projectId}>
        {extra}
      </SingletonForm>
      <Collapse
        ghost
        items={[
          { key: 'h', label: t('common.history'), children: <SingletonHistory table={table} projectId={projectId} /> },
        ]}
      />
    </Card>
  );
}
