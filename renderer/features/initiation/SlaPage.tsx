import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { defaultPriorityTargets } from '../../../shared/records/sla';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { RoleDisabled } from '../../components/RoleGate';
import { SingletonCard } from '../../components/SingletonForm';

/** 服务级别协议: hours and calendar, P1–P4 targets, availability, measurement, consequences. */
export function SlaPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { repo } = useServices();
  const { t, i18n } = useTranslation();
  const cannotWrite = useProjectRights(project.id).whyNot('update', 'sla');
  return (
    <div className="page">
      <SingletonCard
        table="sla"
        projectId={project.id}
        title={t('nav.sla')}
        testId="sla"
        extra={(sla) =>
          (!sla || sla.priorities.length === 0) && (
            <RoleDisabled reason={cannotWrite}>
              <Button
                style={{ marginBottom: 12 }}
                onClick={() =>
                  void repo.saveSingleton('sla', project.id, { priorities: defaultPriorityTargets(i18n.language) })
                }
              >
                {t('initiation.fillDefaults')}
              </Button>
            </RoleDisabled>
          )
        }
      />
    </div>
  );
}
