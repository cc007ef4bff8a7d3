import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { SingletonCard } from '../../components/SingletonForm';

/** 切换方案及应急预案 and the 服务启动通知 (三.4). */
export function CutoverPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <SingletonCard table="cutoverPlan" projectId={project.id} title={t('nav.cutover')} testId="cutover" />
    </div>
  );
}
