import { Alert, Button, Card, Empty, Space, Table, Typography, message } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { z } from 'zod';
import { formatInstant, todayIn } from '../../../shared/date-time';
import { hlcMillis } from '../../../shared/hlc';
import { projectTimeZone } from '../../../shared/records/project';
import { type RowOf, type TableName, isTableName, recordTypes } from '../../../shared/records';
import { useServices } from '../../app/services';
import { useUnsentCount } from '../../app/use-sync';
import { formatFieldValue } from '../../components/field-widget';
import { exportProjectBundle } from '../../data/bundle-io';
import type { ConflictRow } from '../../data/db';
import { refusedChanges } from '../../data/outbox';
import { saveJson } from '../../data/save-json';
import { fieldTitle, pickLabel } from '../../i18n';
import { serverReasonText } from '../../i18n/role-refusal';
import { SyncLogCard } from './SyncLogCard';
import { useProjectTimeZone } from '../projects/use-project-time';
import { authorName } from '../../app/author';
import { useProjectRights } from '../../app/use-project-rights';
import { RoleDisabled } from '../../components/RoleGate';

/** Conflicts to look at and restore, refused changes, and the project as a bundle file. */
export function SyncPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, api, settings } = useServices();
  const { t, i18n } = useTranslation();
  const unsent = useUnsentCount(project.id);
  const rejected = useLiveQuery(() => refusedChanges(db, project.id), [project.id]);

  async function exportBundle() {
    const bytes = await exportProjectBundle(db, project.id, authorName(settings.userName));
    const result = await api.saveFile({
      suggestedName: `${project.code}-${todayIn(projectTimeZone(project))}.fieldbook`,
      bytes,
      filters: [{ name: 'Fieldbook', extensions: ['fieldbook'] }],
    });
    if (result.status === 'saved') message.success(t('assets.exported', { path: result.path }));
  }

  return (
    <div className="page">
      <Typography.Title level={4}>{t('sync.page')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sync.unsent', { count: unsent ?? 0 })}</Typography.Paragraph>
      <ConflictsCard projectId={project.id} />
      <Card
        title={t('sync.rejected')}
        style={{ marginTop: 16 }}
        extra={
          rejected?.length ? (
            <Button onClick={() => saveJson(api, `${project.code}-rejected-changes.json`, rejected)}>
              {t('sync.exportRejected')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary">{t('sync.rejectedHint')}</Typography.Paragraph>
        {rejected && rejected.length === 0 ? (
          <Empty description={t('sync.noRejected')} />
        ) : (
          <Table
            rowKey="changeId"
            size="small"
            dataSource={rejected ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: t('sync.record'),
                render: (_, c) =>
                  `${isTableName(c.table) ? pickLabel(recordTypes[c.table].label, i18n.language) : c.table} · ${Object.keys(c.fields).join(', ')}`,
              },
              { title: t('history.when'), render: (_, c) => formatInstant(hlcMillis(c.hlc), projectTimeZone(project)) },
              {
                title: t('sync.reason'),
                render: (_, c) => (
                  <Typography.Text type="danger">
                    {c.rejected && serverReasonText(c.rejected.reason, c.rejected.code, i18n.language)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )}
      </Card>
      <SyncLogCard projectId={project.id} />
      <Card title={t('sync.bundle')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('sync.bundleHint')}</Typography.Paragraph>
        <Button onClick={() => void exportBundle()}>{t('sync.exportBundle')}</Button>
      </Card>
    </div>
  );
}

function ConflictsCard({ projectId }: { projectId: string }) {
  const timeZone = useProjectTimeZone();
  const { db, repo } = useServices();
  const { t, i18n } = useTranslation();
  const rights = useProjectRights(projectId);
  const conflicts = useLiveQuery(async () => {
    const open = await db.conflicts.where('[projectId+resolved]').equals([projectId, 0]).toArray();
    return Promise.all(
      open.map(async (conflict) => ({
        conflict,
        row: isTableName(conflict.table)
          ? ((await db.table(conflict.table).get(conflict.rowId)) as Record<string, unknown> | undefined)
          : undefined,
      })),
    );
  }, [projectId]);

  async function restore(conflict: ConflictRow) {
    await repo.update(conflict.table as TableName, conflict.rowId, { [conflict.field]: conflict.value } as never);
    await db.conflicts.update(conflict.id, { resolved: 1 });
    message.success(t('sync.restored'));
  }

  const schemaOf = (c: ConflictRow) =>
    isTableName(c.table) ? (recordTypes[c.table].fields.shape as Record<string, z.ZodType>)[c.field] : undefined;

  return (
    <Card title={t('sync.conflicts')}>
      <Typography.Paragraph type="secondary">{t('sync.conflictsHint')}</Typography.Paragraph>
      {conflicts && conflicts.length === 0 ? (
        <Empty description={t('sync.noConflicts')} />
      ) : (
        <Table
          data-testid="conflicts-table"
          rowKey={(item) => item.conflict.id}
          size="small"
          dataSource={(conflicts ?? []).sort((a, b) => b.conflict.detectedAt - a.conflict.detectedAt)}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('sync.record'),
              render: (_, { conflict, row }) =>
                `${isTableName(conflict.table) ? pickLabel(recordTypes[conflict.table].label, i18n.language) : conflict.table}：${row && isTableName(conflict.table) ? (recordTypes[conflict.table].title as (r: unknown) => string)(row) : conflict.rowId}`,
            },
            {
              title: t('history.field'),
              render: (_, { conflict }) =>
                isTableName(conflict.table)
                  ? fieldTitle(conflict.table, conflict.field, i18n.language)
                  : conflict.field,
            },
            {
              title: t('sync.lostValue'),
              render: (_, { conflict }) => (
                <Typography.Text delete>
                  {formatFieldValue(schemaOf(conflict), conflict.value, i18n.language)}
                </Typography.Text>
              ),
            },
            {
              title: t('sync.currentValue'),
              render: (_, { conflict, row }) =>
                formatFieldValue(schemaOf(conflict), row?.[conflict.field], i18n.language),
            },
            { title: t('history.who'), render: (_, { conflict }) => conflict.author ?? '—' },
            { title: t('history.when'), render: (_, { conflict }) => formatInstant(hlcMillis(conflict.hlc), timeZone) },
            {
              title: t('common.actions'),
              render: (_, { conflict }) => (
                <Space>
                  <RoleDisabled
                    reason={isTableName(conflict.table) ? rights.whyNot('update', conflict.table) : undefined}
                  >
                    <Button size="small" type="primary" onClick={() => void restore(conflict)}>
                      {t('sync.restore')}
                    </Button>
                  </RoleDisabled>
                  <Button size="small" onClick={() => void db.conflicts.update(conflict.id, { resolved: 1 })}>
                    {t('sync.dismiss')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {conflicts === undefined && <Alert type="info" message={t('common.loading')} />}
    </Card>
  );
}
