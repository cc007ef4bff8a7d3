import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';

/** 日常运维记录: backups checked, logs cleaned, performance watched — who, when, result, evidence. */
export function OpsLogPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      table="opsLogs"
      title={t('nav.opsLog')}
      addLabel={t('operations.addOpsLog')}
      searchFields={['title', 'doneBy', 'notes']}
      filterFields={['kind', 'result']}
      order={(a, b) => b.doneAt.localeCompare(a.doneAt)}
      columns={[
        { field: 'doneAt', width: 170, render: (o) => o.doneAt.replace('T', ' ') || '—' },
        { field: 'kind', width: 110 },
        { field: 'title' },
        { field: 'doneBy', width: 100 },
        { field: 'result', width: 90 },
      ]}
      newValues={() => ({ doneAt: new Date().toLocaleString('sv-SE').slice(0, 16).replace(' ', 'T') })}
      createFields={['kind', 'title', 'doneAt', 'doneBy', 'result', 'notes']}
    />
  );
}
