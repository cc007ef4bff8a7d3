import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Space, Typography, message } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSyncErrorText } from '../../app/sync-error-text';
import { useSyncStatus } from '../../app/use-sync';
import { saveJson } from '../../data/save-json';
import {
  forgetPlainHttpChoice,
  rememberedPlainHttpChoice,
  rememberPlainHttpChoice,
  sendsPasswordInClear,
  serverOrigin,
} from '../../data/sync/plain-http';

/** Sign in to the team server; the token goes to the host's secure token store. */
export function SyncSettingsCard() {
  const { sync, api, db, settings, updateSettings } = useServices();
  const status = useSyncStatus();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const orphaned = useLiveQuery(() => db.orphanedChanges.toArray());
  const [modal, modalHolder] = Modal.useModal();
  /** A server the user chose never to send their password to over http (remembered). */
  const [refusedServer, setRefusedServer] = useState<string>();
  const errorText = useSyncErrorText(status);

  /**
   * Before a password goes over plain http:// to another machine: asks, unless the user asked
   * for their choice for that server to be remembered. Cancel is the default button.
   */
  async function mayUsePlainHttp(serverUrl: string): Promise<boolean> {
    if (!sendsPasswordInClear(serverUrl)) return true;
    const remembered = await rememberedPlainHttpChoice(db, serverUrl);
    if (remembered === 'send') return true;
    if (remembered === 'refuse') {
      setRefusedServer(serverUrl);
      return false;
    }
    let remember = false;
    const send = await modal.confirm({
      title: t('sync.plainHttp.title'),
      content: (
        <Space direction="vertical" data-testid="plain-http-warning">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('sync.plainHttp.body', { origin: serverOrigin(serverUrl) })}
          </Typography.Paragraph>
          <Checkbox onChange={(event) => (remember = event.target.checked)}>{t('sync.plainHttp.remember')}</Checkbox>
        </Space>
      ),
      okText: t('sync.plainHttp.send'),
      okButtonProps: { danger: true },
      cancelText: t('sync.plainHttp.cancel'),
      autoFocusButton: 'cancel',
    });
    if (remember) await rememberPlainHttpChoice(db, serverUrl, send ? 'send' : 'refuse');
    if (!send) setError(t('sync.plainHttp.notSent'));
    return send;
  }

  async function askAgain(serverUrl: string) {
    await forgetPlainHttpChoice(db, serverUrl);
    setRefusedServer(undefined);
  }

  async function login(values: { serverUrl: string; username: string; password: string }) {
    setBusy(true);
    setError(undefined);
    setRefusedServer(undefined);
    try {
      const serverUrl = values.serverUrl.trim().replace(/\/+$/, '');
      if (!(await mayUsePlainHttp(serverUrl))) return;
      const account = await sync.login(serverUrl, values.username, values.password);
      await updateSettings({
        syncServerUrl: serverUrl,
        ...(settings.userName ? {} : { userName: account.displayName }),
      });
      message.success(t('sync.loggedIn'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('sync.title')} style={{ marginTop: 16 }} data-testid="sync-settings">
      {modalHolder}
      {status.account ? (
        <Space direction="vertical">
          <Typography.Text>
            {t('sync.signedInAs', { name: status.account.displayName, server: status.account.serverUrl })}
          </Typography.Text>
          {errorText && <Alert type="error" showIcon message={errorText} />}
          <Space>
            <Button
              type="primary"
              icon={<SyncOutlined spin={status.running} />}
              onClick={() => void sync.syncNow(true)}
            >
              {t('sync.syncNow')}
            </Button>
            <Button onClick={() => void sync.logout()}>{t('sync.logout')}</Button>
          </Space>
        </Space>
      ) : (
        <Form
          layout="vertical"
          style={{ maxWidth: 480 }}
          onFinish={login}
          initialValues={{ serverUrl: settings.syncServerUrl }}
        >
          <Form.Item
            name="serverUrl"
            label={t('sync.serverUrl')}
            rules={[{ required: true, type: 'url', message: t('sync.serverUrlInvalid') }]}
          >
            <Input placeholder="https://fieldbook.example.com" />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('sync.username')}
            rules={[{ required: true, message: t('sync.usernameRequired') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('sync.password')}
            rules={[{ required: true, message: t('sync.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          {refusedServer && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('sync.plainHttp.refused', { origin: serverOrigin(refusedServer) })}
              action={
                <Button size="small" onClick={() => void askAgain(refusedServer)}>
                  {t('sync.plainHttp.askAgain')}
                </Button>
              }
            />
          )}
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
