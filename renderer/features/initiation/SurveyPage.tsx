import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { RecordListPage } from '../../components/RecordListPage';

/** 调研记录: interviews, workshops, site visits and document reviews. */
export function SurveyPage() {
  const { t } = useTranslation();
  const project = useOutletContext<RowOf<'projects'>>();
  const navigate = useNavigate();
  return (
    <RecordListPage
      table="surveySessions"
      title={t('nav.survey')}
      addLabel={t('initiation.addSession')}
      searchFields={['title', 'place', 'notes', 'participants', 'painPoints', 'statedNeeds', 'unstatedNeeds']}
      filterFields={['kind']}
      order={(a, b) => b.startAt.localeCompare(a.startAt)}
      columns={[
        { field: 'startAt', width: 170, render: (s) => s.startAt.replace('T', ' ') || '—' },
        { field: 'kind', width: 110 },
        { field: 'title' },
        { field: 'place', width: 180 },
        { field: 'participants', render: (s) => s.participants.map((p) => p.name).join('、') || '—' },
        { field: 'attachments', width: 110, render: (s) => (s.attachments.length ? `${s.attachments.length}` : '—') },
      ]}
      createFields={['title', 'kind', 'startAt', 'endAt', 'place']}
      drawerWidth={1000}
      extra={(session) => (
        <Button
          style={{ marginBottom: 12 }}
          onClick={() => navigate(`/projects/${project.id}/requirements?from=${session.id}`)}
        >
          {t('initiation.deriveRequirement')}
        </Button>
      )}
    />
  );
}
