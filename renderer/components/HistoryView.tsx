import { Empty, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldHistoryEntry, rowHistory } from '../../shared/change-log';
import { hlcMillis } from '../../shared/hlc';
import { isTableName, recordTypes, type TableName } from '../../shared/records';
import { useServices } from '../app/services';
import { pickLabel } from '../i18n';
import { formatFieldValue } from './field-widget';
import { useProjectTimeZone } from '../features/projects/use-project-time';
import { formatLocalMinute } from './format-time';
import { defaultMetricCatalogue, metricText } from '../../shared/operations/thresholds';

/** The audit trail of one row, newest first: who changed which field from what to what. */
export function HistoryView({ table, rowId }: { table: TableName; rowId: string }) {
  const timeZone = useProjectTimeZone();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const shape = recordTypes[table].fields.shape as Record<string, z.ZodType>;
  // The change log of the row, and the titles of the records its reference fields point to: the
  // history names an asset or a session by its title, never by its id.
  const data = useLiveQuery(async () => {
    const changes = await db.changes.where({ table, rowId }).toArray();
    const wanted = new Map<TableName, Set<string>>();
    for (const change of changes) {
      for (const [field, value] of Object.entries(change.fields)) {
        const refTable = shape[field]?.meta()?.refTable;
        if (!refTable || !isTableName(refTable)) continue;
        const ids = wanted.get(refTable) ?? new Set<string>();
        for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string' && id) ids.add(id);
        wanted.set(refTable, ids);
      }
    }
    const titles = new Map<string, string>();
    for (const [refTable, idSet] of wanted) {
      const ids = [...idSet];
      const title = recordTypes[refTable].title as (row: unknown) => string;
      const rows = await db.table(refTable).bulkGet(ids);
      rows.forEach((row, index) => row && titles.set(ids[index]!, title(row)));
    }
    return { changes, titles };
  }, [table, rowId, shape]);
  if (!data) return null;
  const { changes, titles } = data;
  if (changes.length === 0) return <Empty description={t('history.empty')} />;
  const entries = rowHistory(changes);
  const byChange = new Map<string, FieldHistoryEntry[]>();
  for (const entry of entries) byChange.set(entry.changeId, [...(byChange.get(entry.changeId) ?? []), entry]);
  const groups = [...byChange.values()].reverse();
  const firstChangeId = entries[0]?.changeId;
  const format = (field: string, value: unknown) => {
    const meta = shape[field]?.meta();
    if (meta?.refTable) {
      const ids = (Array.isArray(value) ? value : [value]).filter(
        (id): id is string => typeof id === 'string' && id !== '',
      );
      return ids.length === 0 ? '—' : ids.map((id) => titles.get(id) ?? t('history.unknownRecord')).join('、');
    }
    if (meta?.widget === 'datetime' && typeof value === 'string') return value.replace('T', ' ') || '—';
    if (meta?.widget === 'metrics' && Array.isArray(value))
      return value.length ? value.map((key) => metricLabel(String(key), i18n.language)).join('、') : '—';
    return formatFieldValue(shape[field], value, i18n.language);
  };

  return (
    <Timeline
      data-testid="history"
      items={groups.map((group) => {
        const head = group[0]!;
        const isCreate = head.changeId === firstChangeId && group.every((e) => e.from === undefined);
        return {
          key: head.changeId,
          children: (
            <div className="history-entry">
              <Typography.Text strong>{head.author}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatLocalMinute(hlcMillis(head.hlc), timeZone)}</Typography.Text>{' '}
              {isCreate && <Tag color="green">{t('history.created')}</Tag>}
              <ul className="history-fields">
                {group
                  .filter(
                    (entry) => !(isCreate && (entry.to === '' || (Array.isArray(entry.to) && entry.to.length === 0))),
                  )
                  .map((entry) =>
                    entry.field === 'deleted' ? (
                      <li key="deleted">{entry.to ? t('history.deletedRow') : t('history.restoredRow')}</li>
                    ) : (
                      <li key={entry.field}>
                        <Typography.Text type="secondary">
                          {pickLabel(shape[entry.field]?.meta()?.label, i18n.language) || entry.field}
                        </Typography.Text>
                        {': '}
                        {!isCreate && (
                          <>
                            <Typography.Text delete>{format(entry.field, entry.from)}</Typography.Text>
                            {' → '}
                          </>
                        )}
                        <Typography.Text>{format(entry.field, entry.to)}</Typography.Text>
                      </li>
                    ),
                  )}
              </ul>
            </div>
          ),
        };
      })}
    />
  );
}

/** A metric key as its catalogue name (CPU 使用率); the key itself when the catalogue lacks it. */
function metricLabel(key: string, language: string): string {
  for (const defs of Object.values(defaultMetricCatalogue)) {
    const def = defs.find((d) => d.key === key);
    if (def) return metricText(def.label, language);
  }
  return key;
}
