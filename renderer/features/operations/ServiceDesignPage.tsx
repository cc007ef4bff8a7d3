import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { RoleDisabled } from '../../components/RoleGate';
import { SingletonCard } from '../../components/SingletonForm';
import { defaultServiceDesign } from '../../../shared/operations';

/** 服务设计 (二.1, 二.2): service model and shifts, metric thresholds, fault grading and escalation, change rules. */
export function ServiceDesignPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { repo } = useServices();
  const { t } = useTranslation();
  const cannotWrite = useProjectRights(project.id).whyNot('update', 'serviceDesign');
  return (
    <div className="page">
      <SingletonCard
        table="serviceDesign"
        projectId={project.id}
        title={t('nav.serviceDesign')}
        testId="service-design"
        extra={(design) =>
          (!design || (design.thresholds ?? []).length === 0) && (
            <RoleDisabled reason={cannotWrite}>
              <Button
                style={{ marginBottom: 12 }}
                onClick={() => void repo.saveSingleton('serviceDesign', project.id, defaultServiceDesign())}
              >
                {t('operations.fillCatalogue')}
              </Button>
            </RoleDisabled>
          )
        }
      />
    </div>
  );
}
