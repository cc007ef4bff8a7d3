import { useTranslation } from 'react-i18next';
import { displayDateTime, nowIn } from '../../../shared/date-time';
import { RecordListPage } from '../../components/RecordListPage';
import { useProjectTimeZone } from '../projects/use-project-time';

/** 日常运维记录: backups checked, logs cleaned, performance watched — who, when, result, evidence. */
export function OpsLogPage() {
  const { t } = useTranslation();
  const timeZone = useProjectTimeZone();
  return (
    <RecordListPage
      table="opsLogs"
      title={t('nav.opsLog')}
      addLabel={t('operations.addOpsLog')}
      searchFields={['title', 'doneBy', 'notes']}
      filterFields={['kind', 'result']}
      order={(a, b) => b.doneAt.localeCompare(a.doneAt)}
      columns={[
        { field: 'doneAt', width: 170, render: (o) => displayDateTime(o.doneAt) || '—' },
        { field: 'kind', width: 110 },
        { field: 'title' },
        { field: 'doneBy', width: 100 },
        { field: 'result', width: 90 },
      ]}
      newValues={() => ({ doneAt: nowIn(timeZone) })}
      createFields={['kind', 'title', 'doneAt', 'doneBy', 'result', 'notes']}
    />
  );
}
