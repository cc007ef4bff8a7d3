import { Alert, Button, Card, Descriptions, Form, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/desktop-api';
import { settingsPatchSchema } from '../../../shared/settings';
import { useServices } from '../../app/services';
import { HouseTemplateCard } from './HouseTemplateCard';
import { SavedTextSetting } from './SavedTextSetting';
import { SyncSettingsCard } from './SyncSettingsCard';
import { formatBytes, useStorageStatus } from './use-storage-status';

export function SettingsPage() {
  const { api, settings, updateSettings, deviceId } = useServices();
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
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
          <SavedTextSetting
            id="settings-user-name"
            label={t('settings.userName')}
            extra={t('settings.userNameHint')}
            stored={settings.userName}
            maxLength={50}
            onSave={(userName) => updateSettings({ userName, identityAsked: true })}
          />
          <SavedTextSetting
            id="settings-user-phone"
            label={t('identity.phone')}
            type="tel"
            stored={settings.userPhone}
            maxLength={25}
            normalize={(typed) => typed.trim()}
            invalid={(phone) =>
              settingsPatchSchema.shape.userPhone.safeParse(phone).success ? undefined : t('identity.phoneInvalid')
            }
            onSave={(userPhone) => updateSettings({ userPhone })}
          />
          <SavedTextSetting
            id="settings-company"
            label={t('settings.companyName')}
            extra={t('settings.companyNameHint')}
            stored={settings.companyName}
            maxLength={100}
            onSave={(companyName) => updateSettings({ companyName })}
          />
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
