import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The body of the 文档没有生成 dialog: what failed, what to do, the details to copy. */
export function BuildFailure({ summary, details }: { summary: string; details: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="build-failure">
      <Typography.Paragraph strong data-testid="build-failure-summary">
        {summary}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('deliverables.failure.hint')}</Typography.Paragraph>
      <Typography.Text strong copyable={{ text: details, tooltips: [t('errors.copyDetails'), t('errors.copied')] }}>
        {t('deliverables.failure.details')}
      </Typography.Text>
      <pre className="build-failure-details" data-testid="build-failure-details">
        {details}
      </pre>
    </div>
  );
}
