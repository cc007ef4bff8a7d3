import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { requirementStatuses, revisionPatch } from '../../../shared/records/requirement';
import { todayIn } from '../../../shared/date-time';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { DateInput } from '../../components/date-inputs';
import { RecordListPage } from '../../components/RecordListPage';
import { RecordValidationError } from '../../data/repository';
import { fieldTitle, pickLabel } from '../../i18n';
import { useProjectTimeZone } from '../projects/use-project-time';
import { naturalCompare } from '../../../shared/natural-compare';

type Requirement = RowOf<'requirements'>;

const statusColour = { draft: 'default', pending: 'gold', confirmed: 'green', changed: 'orange' } as const;
const CONTENT_FIELDS = [
  'code',
  'category',
  'topic',
  'statement',
  'priority',
  'sourceSessionId',
  'sourceDocument',
  'acceptanceCriterion',
];

/** 需求条目 with their confirmation workflow: draft → 待确认 → 已确认, and revisions after that. */
export function RequirementsPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const fromSession = params.get('from') ?? '';
  return (
    <RecordListPage
      table="requirements"
      title={t('nav.requirements')}
      addLabel={t('initiation.addRequirement')}
      searchFields={['code', 'statement', 'acceptanceCriterion', 'sourceDocument', 'confirmedBy']}
      filterFields={['category', 'priority', 'status']}
      order={(a, b) => naturalCompare(a.code, b.code)}
      columns={[
        { field: 'code', width: 100 },
        { field: 'category', width: 110 },
        { field: 'statement' },
        { field: 'priority', width: 80 },
        {
          field: 'status',
          width: 150,
          render: (r) => (
            <Space size={4}>
              <Tag color={statusColour[r.status]}>{pickLabel(requirementStatuses[r.status], i18n.language)}</Tag>
              {r.revision > 1 && (
                <Typography.Text type="secondary">{t('initiation.revision', { revision: r.revision })}</Typography.Text>
              )}
            </Space>
          ),
        },
        { field: 'sourceSessionId', width: 90, render: (r) => (r.sourceSessionId ? '✓' : '—') },
      ]}
      fields={[...CONTENT_FIELDS, 'status', 'confirmedBy', 'confirmedAt']}
      createFields={CONTENT_FIELDS}
      readOnlyFields={['status', 'confirmedBy', 'confirmedAt']}
      readOnly={(r) => r.status === 'confirmed'}
      newValues={(rows) => ({ code: nextCode(rows), sourceSessionId: fromSession })}
      extra={(r) => <RequirementActions requirement={r} />}
      startWithNew={Boolean(fromSession)}
      key={fromSession}
      drawerWidth={900}
    />
  );
}

/** REQ-001, REQ-002 …: one more than the highest number in use. */
function nextCode(rows: Requirement[]): string {
  const highest = Math.max(0, ...rows.map((r) => Number(/(\d+)$/.exec(r.code)?.[1] ?? 0)));
  return `REQ-${String(highest + 1).padStart(3, '0')}`;
}

function RequirementActions({ requirement }: { requirement: Requirement }) {
  const { repo } = useServices();
  const rights = useProjectRights(requirement.projectId);
  const maySet = (status: Requirement['status']) => rights.maySet('requirements', 'status', status);
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<'confirm' | 'revise' | null>(null);
  const [error, setError] = useState<string>();
  const move = async (patch: Partial<Requirement>) => {
    setError(undefined);
    try {
      await repo.update('requirements', requirement.id, patch);
      setDialog(null);
    } catch (failure) {
      setError(failure instanceof RecordValidationError ? failure.message : String(failure));
    }
  };
  // The customer confirms on the project's calendar: 07:30 in Shanghai is already tomorrow in UTC terms.
  const today = todayIn(useProjectTimeZone());

  return (
    <div style={{ marginBottom: 12 }}>
      <Space wrap>
        {requirement.status === 'draft' && maySet('pending') && (
          <Button type="primary" onClick={() => void move({ status: 'pending' })}>
            {t('initiation.submit')}
          </Button>
        )}
        {(requirement.status === 'pending' || requirement.status === 'changed') && maySet('confirmed') && (
          <Button type="primary" onClick={() => setDialog('confirm')}>
            {t('initiation.confirm')}
          </Button>
        )}
        {requirement.status === 'pending' && maySet('draft') && (
          <Button onClick={() => void move({ status: 'draft' })}>{t('initiation.backToDraft')}</Button>
        )}
        {requirement.status === 'confirmed' && maySet('changed') && (
          <Button onClick={() => setDialog('revise')}>{t('initiation.revise')}</Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {requirement.revisions.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          title={() => t('initiation.revisions')}
          rowKey="revision"
          pagination={false}
          dataSource={requirement.revisions}
          data-testid="requirement-revisions"
          columns={[
            { title: '#', dataIndex: 'revision', width: 50 },
            { title: fieldTitle('requirements', 'statement', i18n.language), dataIndex: 'statement' },
            { title: t('initiation.confirmedBy'), render: (_, r) => `${r.confirmedBy} ${r.confirmedAt}` },
            {
              title: t('initiation.reviseReason'),
              render: (_, r) => t('initiation.reasonOn', { reason: r.reason, date: r.changedAt }),
            },
          ]}
        />
      )}
      <Modal
        open={dialog === 'confirm'}
        title={t('initiation.confirmTitle')}
        footer={null}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{ confirmedAt: today }}
          onFinish={(values: { confirmedBy: string; confirmedAt: string }) =>
            void move({ status: 'confirmed', ...values })
          }
        >
          <Form.Item
            name="confirmedBy"
            label={t('initiation.confirmedBy')}
            rules={[{ required: true, message: t('initiation.confirmedByRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="confirmedAt" label={t('initiation.confirmedAt')} rules={[{ required: true }]}>
            <DateInput allowClear={false} />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'revise'}
        title={t('initiation.reviseTitle')}
        footer={null}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        width={680}
      >
        <Typography.Paragraph type="secondary">{t('initiation.reviseHint')}</Typography.Paragraph>
        <Form
          layout="vertical"
          initialValues={{ statement: requirement.statement, acceptanceCriterion: requirement.acceptanceCriterion }}
          onFinish={(values: { statement: string; acceptanceCriterion: string; reason: string }) =>
            void move(
              revisionPatch(
                requirement,
                { statement: values.statement, acceptanceCriterion: values.acceptanceCriterion },
                values.reason,
                today,
              ),
            )
          }
        >
          <Form.Item
            name="statement"
            label={fieldTitle('requirements', 'statement', i18n.language)}
            rules={[{ required: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            name="acceptanceCriterion"
            label={fieldTitle('requirements', 'acceptanceCriterion', i18n.language)}
            rules={[{ required: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('initiation.reviseReason')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit">
            {t('common.save')}
          </Button>
        </Form>
      </Modal>
    </div>
  );
}
