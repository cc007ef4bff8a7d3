import { Button, Card, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { defaultPriorityTargets } from '../../../shared/records/sla';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { RoleDisabled } from '../../components/RoleGate';
import { SingletonForm, SingletonHistory } from '../../components/SingletonForm';

/** 服务级别协议: hours and calendar, P1–P4 targets, availability, measurement, consequences. */
export function SlaPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { repo } = useServices();
  const { t, i18n } = useTranslation();
  const cannotWrite = useProjectRights(project.id).whyNot('update', 'sla');
  return (
    <div className="page">
      <Card title={t('nav.sla')} data-testid="sla">
        <SingletonForm table="sla" projectId={project.id}>
          {(sla) =>
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
        </SingletonForm>
        <Collapse
          ghost
          items={[
            { key: 'h', label: t('common.history'), children: <SingletonHistory table="sla" projectId={project.id} /> },
          ]}
        />
      </Card>
    </div>
  );
}
