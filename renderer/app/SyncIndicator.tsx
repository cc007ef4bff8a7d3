import {
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Badge, Button, Popover, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from './services';
import { useSyncErrorText } from './sync-error-text';
import { useSyncStatus, useUnsentCount } from './use-sync';

/** The header's view of sync: online or not, what is unsent, when it last worked, what failed. */
export function SyncIndicator() {
  const { sync } = useServices();
  const status = useSyncStatus();
  const unsent = useUnsentCount() ?? 0;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorText = useSyncErrorText(status);
  const icon = status.running ? (
    <CloudSyncOutlined spin />
  ) : status.error ? (
    <ExclamationCircleOutlined />
  ) : status.online ? (
    <CloudOutlined />
  ) : (
    <DisconnectOutlined />
  );
  const state = !status.account
    ? t('sync.notSignedIn')
    : status.running
      ? t('sync.running')
      : status.online
        ? t('sync.online')
        : t('sync.offline');
  const content = (
    <Space direction="vertical" style={{ maxWidth: 320 }} data-testid="sync-details">
      <Typography.Text>
        {status.account
          ? t('sync.signedInAs', { name: status.account.displayName, server: status.account.serverUrl })
          : t('sync.notSignedInHint')}
      </Typography.Text>
      <Typography.Text>{t('sync.unsent', { count: unsent })}</Typography.Text>
      {status.lastSyncAt && (
        <Typography.Text type="secondary" data-testid="last-sync" data-at={status.lastSyncAt}>
          {t('sync.lastSync', { time: new Date(status.lastSyncAt).toLocaleString(i18n.language) })}
        </Typography.Text>
      )}
      {errorText && <Typography.Text type="danger">{errorText}</Typography.Text>}
      {status.lastReport && status.lastReport.deferred.length > 0 && (
        <Typography.Text type="warning">{status.lastReport.deferred[0]!.reason}</Typography.Text>
      )}
      <Space>
        {status.account && (
          <Button
            type="primary"
            size="small"
            icon={<SyncOutlined spin={status.running} />}
            onClick={() => void sync.syncNow(true)}
          >
            {t('sync.syncNow')}
          </Button>
        )}
        <Button size="small" onClick={() => navigate('/settings')}>
          {t('sync.settings')}
        </Button>
      </Space>
    </Space>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button
        type="text"
        className="sync-indicator"
        data-testid="sync-indicator"
        icon={icon}
        danger={Boolean(status.error)}
      >
        <Space size={6}>
          <span data-testid="sync-state">{state}</span>
          <Badge
            count={unsent}
            overflowCount={9999}
            color={unsent ? '#faad14' : undefined}
            showZero={false}
            title={t('sync.unsent', { count: unsent })}
          />
        </Space>
      </Button>
    </Popover>
  );
}
