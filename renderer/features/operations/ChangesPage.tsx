import { Alert, Button, Space, Steps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingToLeave, nextChangeStates } from '../../../shared/operations';
import type { RowOf } from '../../../shared/records';
import { changeStates } from '../../../shared/records/operations';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { RecordListPage } from '../../components/RecordListPage';
import { RecordValidationError } from '../../data/repository';
import { fieldTitle, pickLabel } from '../../i18n';

type Change = RowOf<'changeRecords'>;
const path = ['assessment', 'approval', 'testing', 'implementation', 'closed'] as const;
const stateColour: Record<string, string> = {
  assessment: 'default',
  approval: 'gold',
  testing: 'blue',
  implementation: 'purple',
  closed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** 变更记录: every change assessed, approved and tested before it is implemented, in that order. */
export function ChangesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <RecordListPage
      table="changeRecords"
      title={t('nav.changes')}
      addLabel={t('operations.addChange')}
      searchFields={['title', 'reason', 'description', 'approver']}
      filterFields={['type', 'state']}
      order={(a, b) => (b.windowStart || '').localeCompare(a.windowStart || '')}
      columns={[
        { field: 'title' },
        { field: 'type', width: 110 },
        {
          field: 'state',
          width: 100,
          render: (c) => <Tag color={stateColour[c.state]}>{pickLabel(changeStates[c.state], lang)}</Tag>,
        },
        { field: 'windowStart', width: 150, render: (c) => c.windowStart.replace('T', ' ') || '—' },
        { field: 'approver', width: 100 },
      ]}
      createFields={['title', 'type', 'reason', 'description', 'assetIds']}
      readOnlyFields={['state']}
      readOnly={(c) => c.state === 'closed' || c.state === 'rejected' || c.state === 'cancelled'}
      drawerWidth={1000}
      extra={(change) => <ChangeActions change={change} />}
    />
  );
}

function ChangeActions({ change }: { change: Change }) {
  const { repo } = useServices();
  // 驳回 is the approver's; moving on along the path is an edit (shared/roles.ts).
  const rights = useProjectRights(change.projectId);
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [error, setError] = useState<string>();
  const next = nextChangeStates(change.type, change.state);
  const missing = missingToLeave(change, change.state);
  async function move(state: Change['state']) {
    setError(undefined);
    try {
      await repo.update('changeRecords', change.id, { state });
    } catch (failure) {
      setError(failure instanceof RecordValidationError ? failure.message : String(failure));
    }
  }
  const current = path.indexOf(change.state as (typeof path)[number]);
  return (
    <div style={{ marginBottom: 12 }} data-testid="change-actions">
      <Steps
        size="small"
        current={current < 0 ? 0 : current}
        status={change.state === 'rejected' || change.state === 'cancelled' ? 'error' : undefined}
        items={path.map((s) => ({ title: pickLabel(changeStates[s], lang) }))}
        style={{ marginBottom: 12 }}
      />
      <Space wrap>
        {next
          .filter((s) => s !== 'cancelled' && rights.maySet('changeRecords', 'state', s))
          .map((s) => (
            <Button
              key={s}
              type={s === 'rejected' ? 'default' : 'primary'}
              danger={s === 'rejected'}
              onClick={() => void move(s)}
            >
              {t('operations.advance', { state: pickLabel(changeStates[s], lang) })}
            </Button>
          ))}
        {next.includes('cancelled') && rights.maySet('changeRecords', 'state', 'cancelled') && (
          <Button onClick={() => void move('cancelled')}>{t('operations.cancel')}</Button>
        )}
      </Space>
      {missing.length > 0 && next.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          message={`${pickLabel(changeStates[change.state], lang)}：${missing.map((f) => fieldTitle('changeRecords', f, lang)).join('、')}`}
        />
      )}
      {error && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          message={t('operations.refused', { reason: error })}
          data-testid="change-refused"
        />
      )}
    </div>
  );
}
