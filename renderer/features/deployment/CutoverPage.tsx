import { Card, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { SingletonForm, SingletonHistory } from '../../components/SingletonForm';

/** 切换方案及应急预案 and the 服务启动通知 (三.4). */
export function CutoverPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <Card title={t('nav.cutover')} data-testid="cutover">
        <SingletonForm table="cutoverPlan" projectId={project.id} />
        <Collapse
          ghost
          items={[
            {
              key: 'h',
              label: t('common.history'),
              children: <SingletonHistory table="cutoverPlan" projectId={project.id} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
