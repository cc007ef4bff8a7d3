import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';
import { naturalCompare } from '../../../shared/natural-compare';

/** 巡检计划: which assets, which items, how often, by whom. */
export function PatrolPlansPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      table="patrolPlans"
      title={t('nav.patrolPlans')}
      addLabel={t('operations.addPlan')}
      searchFields={['name', 'assignee']}
      filterFields={['frequency', 'active']}
      order={(a, b) => naturalCompare(a.name, b.name)}
      columns={[
        { field: 'name' },
        { field: 'frequency', width: 100 },
        { field: 'assetIds', width: 120, render: (p) => String(p.assetIds.length) },
        { field: 'metricKeys', width: 120, render: (p) => String(p.metricKeys.length) },
        { field: 'assignee', width: 120 },
        { field: 'active', width: 80 },
      ]}
      createFields={['name', 'frequency', 'assignee', 'assetIds', 'metricKeys']}
      drawerWidth={900}
      deletable
    />
  );
}
