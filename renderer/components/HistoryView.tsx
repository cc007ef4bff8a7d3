import { Empty, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type FieldHistoryEntry, rowHistory } from '../../shared/change-log';
import { hlcMillis } from '../../shared/hlc';
import { recordTypes, type TableName } from '../../shared/records';
import { useServices } from '../app/services';
import { pickLabel } from '../i18n';
import { formatFieldValue } from './field-widget';

/** The audit trail of one row, newest first: who changed which field from what to what. */
export function HistoryView({ table, rowId }: { table: TableName; rowId: string }) {
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const changes = useLiveQuery(() => db.changes.where({ table, rowId }).toArray(), [table, rowId]);
  if (!changes) return null;
  if (changes.length === 0) return <Empty description={t('history.empty')} />;
  const shape = recordTypes[table].fields.shape as Record<string, z.ZodType>;
  const entries = rowHistory(changes);
  const byChange = new Map<string, FieldHistoryEntry[]>();
  for (const entry of entries) byChange.set(entry.changeId, [...(byChange.get(entry.changeId) ?? []), entry]);
  const groups = [...byChange.values()].reverse();
  const firstChangeId = entries[0]?.changeId;
  const format = (field: string, value: unknown) => formatFieldValue(shape[field], value, i18n.language);

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
              <Typography.Text type="secondary">{new Date(hlcMillis(head.hlc)).toLocaleString(i18n.language)}</Typography.Text>{' '}
              {isCreate && <Tag color="green">{t('history.created')}</Tag>}
              <ul className="history-fields">
                {group
                  .filter((entry) => !(isCreate && (entry.to === '' || (Array.isArray(entry.to) && entry.to.length === 0))))
                  .map((entry) =>
                    entry.field === 'deleted' ? (
                      <li key="deleted">{entry.to ? t('history.deletedRow') : t('history.restoredRow')}</li>
                    ) : (
                      <li key={entry.field}>
                        <Typography.Text type="secondary">{pickLabel(shape[entry.field]?.meta()?.label, i18n.language) || entry.field}</Typography.Text>
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
