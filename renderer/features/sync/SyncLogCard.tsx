import { Card, Empty, List, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../shared/date-time';
import { useServices } from '../../app/services';
import { readSyncLog } from '../../data/sync/sync-log';
import { useProjectTimeZone } from '../projects/use-project-time';

/** What sync repaired in this project on this device (renderer/data/sync/sync-log.ts), latest first. */
export function SyncLogCard({ projectId }: { projectId: string }) {
  const { db } = useServices();
  const { t } = useTranslation();
  const timeZone = useProjectTimeZone();
  const entries = useLiveQuery(async () => (await readSyncLog(db, projectId)).reverse(), [projectId]);
  return (
    <Card title={t('sync.log')} style={{ marginTop: 16 }} data-testid="sync-log">
      <Typography.Paragraph type="secondary">{t('sync.logHint')}</Typography.Paragraph>
      {entries && entries.length === 0 ? (
        <Empty description={t('sync.noLog')} />
      ) : (
        <List
          size="small"
          dataSource={entries ?? []}
          renderItem={(entry) => (
            <List.Item>
              <Typography.Text type={entry.kind === 'digestRepaired' ? undefined : 'danger'}>
                {formatInstant(entry.at, timeZone)}{' '}
                {t(entry.kind === 'digestRepaired' ? 'sync.logRepaired' : 'sync.logStillDiffers', {
                  rows: entry.rowsFixed,
                })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('sync.logDigests', { local: entry.localDigest, server: entry.serverDigest })}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
