import { Alert, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/desktop-api';
import { settingsPatchSchema } from '../../../shared/settings';
import { useServices } from '../../app/services';
import { HouseTemplateCard } from './HouseTemplateCard';
import { SyncSettingsCard } from './SyncSettingsCard';
import { formatBytes, useStorageStatus } from './use-storage-status';

export function SettingsPage() {
  const { api, settings, updateSettings, deviceId } = useServices();
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
  const [userName, setUserName] = useState(settings.userName);
  const [companyName, setCompanyName] = useState(settings.companyName);
  const [userPhone, setUserPhone] = useState(settings.userPhone);
  const phoneValid = settingsPatchSchema.shape.userPhone.safeParse(userPhone.trim()).success;
  const { status, requestPersist } = useStorageStatus();
  useEffect(() => void api.getAppInfo().then(setInfo), [api]);

  return (
    <div className="page settings-page">
      <Card title={t('settings.title')}>
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item label={t('settings.language')} htmlFor="settings-language">
            <Select
              id="settings-language"
              value={settings.language}
              onChange={(language) => updateSettings({ language })}
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('settings.userName')} extra={t('settings.userNameHint')} htmlFor="settings-user-name">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="settings-user-name"
                value={userName}
                maxLength={50}
                onChange={(event) => setUserName(event.target.value)}
              />
              <Button
                type="primary"
                disabled={userName === settings.userName}
                onClick={() => updateSettings({ userName, identityAsked: true })}
              >
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item
            label={t('identity.phone')}
            htmlFor="settings-user-phone"
            validateStatus={phoneValid ? undefined : 'error'}
            help={phoneValid ? undefined : t('identity.phoneInvalid')}
          >
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="settings-user-phone"
                type="tel"
                value={userPhone}
                maxLength={25}
                onChange={(event) => setUserPhone(event.target.value)}
              />
              <Button
                type="primary"
                disabled={!phoneValid || userPhone.trim() === settings.userPhone}
                onClick={() => updateSettings({ userPhone: userPhone.trim() })}
              >
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('settings.companyName')} extra={t('settings.companyNameHint')} htmlFor="settings-company">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="settings-company"
                value={companyName}
                maxLength={100}
                onChange={(event) => setCompanyName(event.target.value)}
              />
              <Button
                type="primary"
                disabled={companyName === settings.companyName}
                onClick={() => updateSettings({ companyName })}
              >
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Card>
      <SyncSettingsCard />
      <HouseTemplateCard />
      <Card title={t('settings.storage')} style={{ marginTop: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <span data-testid="storage-usage">
            {t('settings.storageUsed', { used: formatBytes(status.usage), quota: formatBytes(status.quota) })}
          </span>
          {status.persisted !== undefined && (
            <Alert
              type={status.persisted ? 'success' : 'warning'}
              showIcon
              message={status.persisted ? t('settings.persisted') : t('settings.notPersisted')}
              action={!status.persisted && <Button onClick={requestPersist}>{t('settings.requestPersist')}</Button>}
            />
          )}
        </Space>
      </Card>
      <Card title={t('settings.appInfo')} style={{ marginTop: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.version')}>{info?.version}</Descriptions.Item>
          <Descriptions.Item label={t('settings.host')}>
            {info && (info.host === 'electron' ? t('settings.hostElectron') : t('settings.hostWeb'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataLocation')}>{info?.dataLocation}</Descriptions.Item>
          <Descriptions.Item label={t('settings.deviceId')}>{deviceId}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
