import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';

/** 知识转移与培训 (三.2): sessions with their sign-in list, materials and feedback. */
export function TrainingPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      table="trainingSessions"
      title={t('nav.training')}
      addLabel={t('deployment.addTraining')}
      searchFields={['topic', 'trainer', 'place', 'feedback', 'followUp']}
      filterFields={['kind']}
      order={(a, b) => b.date.localeCompare(a.date)}
      columns={[
        { field: 'date', width: 120 },
        { field: 'topic' },
        { field: 'kind', width: 120 },
        { field: 'trainer', width: 100 },
        {
          field: 'attendees',
          width: 120,
          render: (s) => `${s.attendees.filter((a) => a.signed === 'yes').length} / ${s.attendees.length}`,
        },
        { field: 'materials', width: 100, render: (s) => (s.materials.length ? String(s.materials.length) : '—') },
      ]}
      createFields={['topic', 'kind', 'trainer', 'date', 'place']}
      drawerWidth={960}
    />
  );
}
