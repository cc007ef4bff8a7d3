import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSyncStatus } from '../../app/use-sync';
import { saveJson } from '../../data/save-json';

/** Sign in to the team server; the token goes to the host's secure token store. */
export function SyncSettingsCard() {
  const { sync, api, db, settings, updateSettings } = useServices();
  const status = useSyncStatus();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const orphaned = useLiveQuery(() => db.orphanedChanges.toArray());

  async function login(values: { serverUrl: string; username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const serverUrl = values.serverUrl.trim().replace(/\/+$/, '');
      const account = await sync.login(serverUrl, values.username, values.password);
      await updateSettings({ syncServerUrl: serverUrl, ...(settings.userName ? {} : { userName: account.displayName }) });
      message.success(t('sync.loggedIn'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('sync.title')} style={{ marginTop: 16 }} data-testid="sync-settings">
      {status.account ? (
        <Space direction="vertical">
          <Typography.Text>{t('sync.signedInAs', { name: status.account.displayName, server: status.account.serverUrl })}</Typography.Text>
          {status.error && <Alert type="error" showIcon message={status.error} />}
          <Space>
            <Button type="primary" icon={<SyncOutlined spin={status.running} />} onClick={() => void sync.syncNow()}>
              {t('sync.syncNow')}
            </Button>
            <Button onClick={() => void sync.logout()}>{t('sync.logout')}</Button>
          </Space>
        </Space>
      ) : (
        <Form layout="vertical" style={{ maxWidth: 480 }} onFinish={login} initialValues={{ serverUrl: settings.syncServerUrl }}>
          <Form.Item
            name="serverUrl"
            label={t('sync.serverUrl')}
            rules={[{ required: true, type: 'url', message: t('sync.serverUrlInvalid') }]}
          >
            <Input placeholder="https://fieldbook.example.com" />
          </Form.Item>
          <Form.Item name="username" label={t('sync.username')} rules={[{ required: true, message: t('sync.usernameRequired') }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('sync.password')} rules={[{ required: true, message: t('sync.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('sync.login')}
          </Button>
        </Form>
      )}
      {orphaned && orphaned.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          message={t('sync.orphaned')}
          action={
            <Button size="small" onClick={() => void saveJson(api, 'fieldbook-unsent-changes.json', orphaned)}>
              {t('sync.exportOrphaned', { count: orphaned.length })}
            </Button>
          }
        />
      )}
    </Card>
  );
}
