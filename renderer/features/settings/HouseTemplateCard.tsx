import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography, message } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, displayDateTime, nowIn } from '../../../shared/date-time';
import { useServices } from '../../app/services';
import { loadHouseTemplate, removeHouseTemplate, saveHouseTemplate } from '../../data/house-template';

// The placeholders are written in Chinese in the template itself, in either UI language.
const placeholderNames = ['项目名称', '文档名称', '文档编号', '版本号', '密级', '日期', '公司', '编制', '审核', '批准'];

/**
 * 公司文档模板: the company's own .docx (cover, header, footer, logo, styles) with {{占位符}};
 * checked on upload, kept on this device, and offered when a deliverable is generated.
 */
export function HouseTemplateCard() {
  const { db, api } = useServices();
  const { t, i18n } = useTranslation();
  const examplePlaceholders = placeholderNames
    .map((name) => `{{${name}}}`)
    .join(i18n.language.startsWith('en') ? ', ' : '、');
  const [error, setError] = useState<string>();
  const template = useLiveQuery(() => loadHouseTemplate(db), [db]);

  async function upload() {
    setError(undefined);
    const [file] = await api.openFiles({ filters: [{ name: 'Word', extensions: ['docx'] }] });
    if (!file) return;
    try {
      // JSZip is loaded when a template is checked, not with the settings page (docx never: the check is docx-free).
      const { inspectHouseTemplate } = await import('../../../shared/documents/house-template-check');
      const summary = await inspectHouseTemplate(file.bytes);
      await saveHouseTemplate(db, {
        name: file.name,
        bytes: file.bytes,
        uploadedAt: displayDateTime(nowIn(DEFAULT_TIME_ZONE)),
        summary,
      });
      message.success(t('houseTemplate.saved', { name: file.name }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <Card title={t('houseTemplate.title')} style={{ marginTop: 16 }} data-testid="house-template">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('houseTemplate.hint', { content: '{{正文}}', examples: examplePlaceholders })}
        </Typography.Paragraph>
        {template && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('houseTemplate.file')}>
              <FileWordOutlined /> {template.name} ({template.uploadedAt.replace('T', ' ')})
            </Descriptions.Item>
            <Descriptions.Item label={t('houseTemplate.placeholders')}>
              {template.summary.known.map((name) => (
                <Tag key={name} color="blue">{`{{${name}}}`}</Tag>
              ))}
            </Descriptions.Item>
            {template.summary.unknown.length > 0 && (
              <Descriptions.Item label={t('houseTemplate.unknown')}>
                {template.summary.unknown.map((name) => (
                  <Tag key={name} color="warning">{`{{${name}}}`}</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        <Space>
          <Button type="primary" onClick={() => void upload()}>
            {template ? t('houseTemplate.replace') : t('houseTemplate.upload')}
          </Button>
          {template && <Button onClick={() => void removeHouseTemplate(db)}>{t('houseTemplate.remove')}</Button>}
        </Space>
      </Space>
    </Card>
  );
}
