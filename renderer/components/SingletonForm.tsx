import { Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
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
