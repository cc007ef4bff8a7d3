import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';
import { naturalCompare } from '../../../shared/natural-compare';

/** 干系人与联系人 of the customer. */
export function StakeholdersPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      table="stakeholders"
      title={t('nav.stakeholders')}
      addLabel={t('initiation.addStakeholder')}
      searchFields={['name', 'organisation', 'title', 'phone', 'email', 'concerns']}
      filterFields={['influence', 'stance']}
      order={(a, b) => naturalCompare(a.name, b.name)}
      columns={[
        { field: 'name', width: 120 },
        { field: 'organisation' },
        { field: 'title' },
        { field: 'phone', width: 150 },
        { field: 'email' },
        { field: 'influence', width: 90 },
        { field: 'stance', width: 100 },
      ]}
      createFields={['name', 'organisation', 'title', 'phone', 'email', 'influence']}
    />
  );
}
