import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingsPatchSchema } from '../../../shared/settings';
import { useServices } from '../../app/services';

/**
 * The first-start question: who is this engineer (name, mobile phone)? Every change is signed
 * with the name. It sits on the start page instead of a dialog, so it never stands in the way;
 * answered or skipped, it is not asked again (设置 changes the name later, and so does
 * 设为当前用户 on a project's team).
 */
export function IdentityPrompt() {
  const { settings, updateSettings } = useServices();
  const { t } = useTranslation();
  if (settings.userName || settings.identityAsked) return null;
  const validPhone = (phone: string) => settingsPatchSchema.shape.userPhone.safeParse(phone.trim()).success;
  return (
    <Card data-testid="identity-prompt" title={t('identity.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('identity.hint')}</Typography.Paragraph>
      <Form
        layout="inline"
        onFinish={(values: { userName: string; userPhone?: string }) =>
          void updateSettings({
            userName: values.userName.trim(),
            userPhone: values.userPhone?.trim() ?? '',
            identityAsked: true,
          })
        }
      >
        <Form.Item
          name="userName"
          label={t('identity.name')}
          rules={[{ required: true, whitespace: true, message: t('identity.nameRequired') }]}
        >
          <Input maxLength={50} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="userPhone"
          label={t('identity.phone')}
          rules={[
            {
              validator: async (_, value?: string) =>
                !value || validPhone(value) ? undefined : Promise.reject(new Error(t('identity.phoneInvalid'))),
            },
          ]}
        >
          <Input type="tel" maxLength={25} style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('identity.confirm')}
          </Button>
          <Button onClick={() => void updateSettings({ identityAsked: true })}>{t('identity.skip')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
