import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A list page's first line: its title and 「共 N 条」 for the rows it shows. */
export function ListHeading({ title, count }: { title: ReactNode; count: number }): ReactNode {
  const { t } = useTranslation();
  return (
    <Space className="page-toolbar" wrap>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="list-count">
        {t('common.total', { count })}
      </Typography.Text>
    </Space>
  );
}
