import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Select, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import type { RowOf } from '../../../../shared/records';
import { inspectionStatuses } from '../../../../shared/records/inspection';
import { useServices } from '../../../app/services';
import { fieldTitle, pickLabel } from '../../../i18n';
import { progressOf } from './inspection-queries';
import { StartInspectionsDialog } from './StartInspectionsDialog';
import { naturalCompare } from '../../../../shared/natural-compare';
import { ListHeading } from '../../../components/ListHeading';

const statusColour = { inProgress: 'processing', completed: 'blue', signed: 'green' } as const;

/** 基线检查: every inspection of the project, by batch, with its progress and failures. */
export function InspectionsPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [batch, setBatch] = useState<string>();
  const data = useLiveQuery(async () => {
    const inspections = await db.inspections
      .where('projectId')
      .equals(project.id)
      .filter((i) => !i.deleted)
      .toArray();
    const [assets, templates, progress] = await Promise.all([
      db.assets.bulkGet([...new Set(inspections.map((i) => i.assetId))]),
      db.checklistTemplates.bulkGet([...new Set(inspections.map((i) => i.templateId))]),
      progressOf(db, inspections),
    ]);
    return {
      inspections,
      assets: new Map(assets.filter(Boolean).map((a) => [a!.id, a!])),
      templates: new Map(templates.filter(Boolean).map((x) => [x!.id, x!])),
      progress,
    };
  }, [project.id]);
  const batches = useMemo(() => [...new Set((data?.inspections ?? []).map((i) => i.batch))].sort().reverse(), [data]);
  const rows = (data?.inspections ?? [])
    .filter((i) => !batch || i.batch === batch)
    .sort((a, b) => naturalCompare(data!.assets.get(a.assetId)?.name, data!.assets.get(b.assetId)?.name));
  const totals = rows.reduce(
    (sum, i) => {
      const p = data!.progress.get(i.id)!;
      return { answered: sum.answered + p.answered, total: sum.total + p.total, failed: sum.failed + p.failed };
    },
    { answered: 0, total: 0, failed: 0 },
  );

  return (
    <div className="page" data-testid="inspections">
      <ListHeading title={t('nav.inspections')} count={rows.length} />
      <Space className="page-toolbar" wrap>
        <Select
          allowClear
          placeholder={t('deployment.batch')}
          aria-label={t('deployment.batch')}
          style={{ minWidth: 240 }}
          value={batch}
          onChange={setBatch}
          options={batches.map((b) => ({ value: b, label: b || '—' }))}
        />
        <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setStarting(true)}>
          {t('deployment.startInspections')}
        </Button>
      </Space>
      {rows.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="batch-progress">
          <Space size="large" wrap>
            <span>{t('deployment.batchProgress')}</span>
            <Progress
              style={{ width: 320 }}
              percent={totals.total ? Math.round((totals.answered / totals.total) * 100) : 0}
            />
            <span>{t('deployment.answered', { answered: totals.answered, total: totals.total })}</span>
            <Tag color={totals.failed ? 'red' : 'default'}>{t('deployment.failures', { count: totals.failed })}</Tag>
          </Space>
        </Card>
      )}
      <Table
        rowKey="id"
        size="middle"
        loading={!data}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(inspection) => ({
          onClick: () => navigate(`/projects/${project.id}/inspections/${inspection.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('deployment.asset'), render: (_, i) => data!.assets.get(i.assetId)?.name ?? '—' },
          {
            title: t('deployment.template'),
            render: (_, i) => {
              const x = data!.templates.get(i.templateId);
              return x ? `${x.name} V${x.version}` : '—';
            },
          },
          { title: fieldTitle('inspections', 'batch', lang), dataIndex: 'batch' },
          {
            title: fieldTitle('inspections', 'status', lang),
            width: 110,
            render: (_, i) => <Tag color={statusColour[i.status]}>{pickLabel(inspectionStatuses[i.status], lang)}</Tag>,
          },
          {
            title: t('deployment.progress'),
            width: 220,
            render: (_, i) => {
              const p = data!.progress.get(i.id)!;
              return (
                <Space>
                  <Progress
                    size="small"
                    style={{ width: 100 }}
                    percent={p.total ? Math.round((p.answered / p.total) * 100) : 0}
                    showInfo={false}
                  />
                  <span>{t('deployment.answered', { answered: p.answered, total: p.total })}</span>
                </Space>
              );
            },
          },
          {
            title: t('deployment.failuresHeader'),
            width: 100,
            render: (_, i) => {
              const f = data!.progress.get(i.id)!.failed;
              return f ? <Tag color="red">{f}</Tag> : '—';
            },
          },
          { title: fieldTitle('inspections', 'inspector', lang), dataIndex: 'inspector', width: 100 },
        ]}
      />
      <StartInspectionsDialog projectId={project.id} open={starting} onClose={() => setStarting(false)} />
    </div>
  );
}
