import { CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page-sized message with an icon, a title, a hint and actions: what antd's Result shows,
 * without its three SVG illustrations (about 32 KB), which every page would otherwise load
 * before the first paint because the shell's error boundary and the workspace frame use it.
 */
export function StatusMessage({
  status,
  title,
  subTitle,
  extra,
}: {
  status: 'error' | 'notFound';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  const icon =
    status === 'error' ? (
      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
    ) : (
      <InfoCircleFilled style={{ color: '#1677ff' }} />
    );
  return (
    <div className="status-message">
      <div className="status-message-icon">{icon}</div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {subTitle && <Typography.Paragraph type="secondary">{subTitle}</Typography.Paragraph>}
      {extra && <div className="status-message-extra">{extra}</div>}
    </div>
  );
}
