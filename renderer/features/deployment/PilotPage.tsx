import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';

/** 试点运行 (三.3): scope, problems and their fixes, indicators against the SLA, conclusion. */
export function PilotPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      table="pilotRuns"
      title={t('nav.pilot')}
      addLabel={t('deployment.addPilot')}
      searchFields={['name', 'scenarios', 'customerFeedback', 'conclusionNote']}
      filterFields={['conclusion']}
      order={(a, b) => b.start.localeCompare(a.start)}
      columns={[
        { field: 'name' },
        { field: 'start', width: 120 },
        { field: 'end', width: 120 },
        {
          field: 'problems',
          width: 140,
          render: (p) => `${p.problems.filter((x) => x.status === 'fixed').length} / ${p.problems.length}`,
        },
        { field: 'conclusion', width: 160 },
      ]}
      createFields={['name', 'start', 'end', 'scenarios']}
      drawerWidth={1000}
    />
  );
}
