import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { riskLevel, riskLevels, riskScore } from '../../../shared/records/risk';
import { RecordListPage } from '../../components/RecordListPage';
import { SingletonCard } from '../../components/SingletonForm';
import { pickLabel } from '../../i18n';
import { RiskMatrix } from './RiskMatrix';

const levelColour = { low: 'green', medium: 'gold', high: 'red' } as const;

/** 可行性评估 and the 风险登记 with its matrix (process 一.3). */
export function FeasibilityPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="page" style={{ paddingBottom: 0 }}>
        <SingletonCard
          table="feasibility"
          projectId={project.id}
          title={t('initiation.assessment')}
          testId="feasibility"
        />
      </div>
      <RecordListPage
        table="risks"
        title={t('initiation.riskRegister')}
        addLabel={t('initiation.addRisk')}
        searchFields={['description', 'mitigation', 'contingency', 'owner']}
        filterFields={['category', 'status']}
        order={(a, b) => riskScore(b) - riskScore(a)}
        above={(risks) => <RiskMatrix risks={risks} />}
        columns={[
          { field: 'description' },
          { field: 'category', width: 100 },
          { field: 'likelihood', width: 90, render: (r) => r.likelihood },
          { field: 'impact', width: 90, render: (r) => r.impact },
          {
            field: 'status',
            width: 170,
            render: (r) => (
              <>
                <Tag color={levelColour[riskLevel(r)]}>
                  {pickLabel(riskLevels[riskLevel(r)], i18n.language)} · {riskScore(r)}
                </Tag>
                <Typography.Text type="secondary">{r.status === 'closed' ? '✓' : ''}</Typography.Text>
              </>
            ),
            sorter: (a, b) => riskScore(a) - riskScore(b),
          },
          { field: 'owner', width: 100 },
          { field: 'reviewDate', width: 120 },
        ]}
        createFields={['description', 'category', 'likelihood', 'impact', 'owner']}
      />
    </>
  );
}
