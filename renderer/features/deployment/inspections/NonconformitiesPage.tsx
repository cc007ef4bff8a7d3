import { Drawer, Descriptions, Select, Space, Switch, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../../shared/records';
import { severities, verdicts } from '../../../../shared/records/checklist';
import { isRectificationOverdue, rectificationStatuses } from '../../../../shared/records/inspection';
import { todayIn } from '../../../../shared/date-time';
import { projectTimeZone } from '../../../../shared/records/project';
import { useServices } from '../../../app/services';
import { RecordForm } from '../../../components/RecordForm';
import { fieldTitle, pickLabel } from '../../../i18n';
import { formatAnswer } from './rules';
import { naturalCompare } from '../../../../shared/natural-compare';
import { ListHeading } from '../../../components/ListHeading';

const severityColour = { critical: 'red', major: 'orange', minor: 'gold' } as const;
const statusColour = { open: 'red', inProgress: 'processing', done: 'blue', verified: 'green' } as const;

interface NonConformity {
  result: RowOf<'inspectionResults'>;
  rectification: RowOf<'rectifications'> | undefined;
  assetName: string;
  itemTitle: string;
  severity: keyof typeof severities;
  inspectionId: string;
}

/**
 * 不合格项 across all inspections of the project, with their 整改: owner, due date, action,
 * status and a re-check that records the new value and verdict. Overdue ones stand out.
 */
export function NonconformitiesPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, repo } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = todayIn(projectTimeZone(project));
  const [severity, setSeverity] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const rows = useLiveQuery(async (): Promise<NonConformity[]> => {
    const failed = await db.inspectionResults.where('[live+verdict]').equals([project.id, 'fail']).toArray();
    const inspections = new Map(
      (await db.inspections.bulkGet([...new Set(failed.map((r) => r.inspectionId))]))
        .filter(Boolean)
        .map((i) => [i!.id, i!]),
    );
    const [assets, templates, rectifications] = await Promise.all([
      db.assets.bulkGet([...new Set([...inspections.values()].map((i) => i.assetId))]),
      db.checklistTemplates.bulkGet([...new Set([...inspections.values()].map((i) => i.templateId))]),
      db.rectifications.bulkGet(failed.map((r) => r.id)),
    ]);
    const assetById = new Map(assets.filter(Boolean).map((a) => [a!.id, a!]));
    const templateById = new Map(templates.filter(Boolean).map((x) => [x!.id, x!]));
    return failed
      .filter((result) => inspections.get(result.inspectionId) && !inspections.get(result.inspectionId)!.deleted)
      .map((result, index) => {
        const inspection = inspections.get(result.inspectionId)!;
        const item = templateById.get(inspection.templateId)?.items.find((i) => i.id === result.itemId);
        return {
          result,
          rectification: rectifications[index] ?? undefined,
          assetName: assetById.get(inspection.assetId)?.name ?? '—',
          itemTitle: item?.title ?? result.itemId,
          severity: item?.severity ?? 'major',
          inspectionId: inspection.id,
        };
      });
  }, [project.id]);

  const visible = (rows ?? []).filter((nc) => {
    const rectStatus = nc.rectification?.status ?? 'open';
    if (severity && nc.severity !== severity) return false;
    if (status && rectStatus !== status) return false;
    if (overdueOnly && !(nc.rectification && isRectificationOverdue(nc.rectification, today))) return false;
    return true;
  });
  const order = { critical: 0, major: 1, minor: 2 };
  visible.sort((a, b) => order[a.severity] - order[b.severity] || naturalCompare(a.assetName, b.assetName));
  const open = (rows ?? []).find((nc) => nc.result.id === openId);

  return (
    <div className="page" data-testid="nonconformities">
      <ListHeading title={t('nav.nonconformities')} count={visible.length} />
      <Space className="page-toolbar" wrap>
        <Select
          allowClear
          placeholder={t('deployment.severity')}
          aria-label={t('deployment.severity')}
          style={{ width: 130 }}
          value={severity}
          onChange={setSeverity}
          options={Object.entries(severities).map(([value, label]) => ({ value, label: pickLabel(label, lang) }))}
        />
        <Select
          allowClear
          placeholder={t('deployment.rectificationStatus')}
          aria-label={t('deployment.rectificationStatus')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(rectificationStatuses).map(([value, label]) => ({
            value,
            label: pickLabel(label, lang),
          }))}
        />
        <Space>
          <Switch checked={overdueOnly} onChange={setOverdueOnly} aria-label={t('deployment.overdue')} />
          {t('deployment.overdue')}
        </Space>
      </Space>
      <Table
        rowKey={(nc) => nc.result.id}
        loading={!rows}
        dataSource={visible}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(nc) =>
          nc.rectification && isRectificationOverdue(nc.rectification, today) ? 'row-overdue' : ''
        }
        onRow={(nc) => ({ onClick: () => setOpenId(nc.result.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('deployment.severity'),
            width: 90,
            render: (_, nc) => (
              <Tag color={severityColour[nc.severity]}>{pickLabel(severities[nc.severity], lang)}</Tag>
            ),
          },
          { title: t('deployment.asset'), render: (_, nc) => nc.assetName },
          { title: t('deployment.item'), render: (_, nc) => nc.itemTitle },
          {
            title: t('deployment.foundValue'),
            render: (_, nc) => formatAnswer(nc.result.value) || nc.result.remark || '—',
          },
          {
            title: t('deployment.rectificationStatus'),
            width: 150,
            render: (_, nc) => {
              const s = nc.rectification?.status ?? 'open';
              return (
                <Space size={4}>
                  <Tag color={statusColour[s]}>{pickLabel(rectificationStatuses[s], lang)}</Tag>
                  {nc.rectification && isRectificationOverdue(nc.rectification, today) && (
                    <Tag color="red">{t('deployment.overdue')}</Tag>
                  )}
                </Space>
              );
            },
          },
          { title: t('deployment.owner'), width: 100, render: (_, nc) => nc.rectification?.owner || '—' },
          { title: t('deployment.due'), width: 120, render: (_, nc) => nc.rectification?.dueDate || '—' },
          {
            title: fieldTitle('rectifications', 'recheckVerdict', lang),
            width: 90,
            render: (_, nc) =>
              nc.rectification?.recheckVerdict ? pickLabel(verdicts[nc.rectification.recheckVerdict], lang) : '—',
          },
        ]}
      />
      <Drawer
        open={Boolean(open)}
        width={760}
        onClose={() => setOpenId(null)}
        title={open ? `${open.assetName} · ${open.itemTitle}` : ''}
        destroyOnHidden
      >
        {open && (
          <>
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('deployment.foundValue')}>
                {formatAnswer(open.result.value) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('deployment.remark')}>{open.result.remark || '—'}</Descriptions.Item>
            </Descriptions>
            <RecordForm
              key={open.result.id}
              mode="edit"
              table="rectifications"
              projectId={project.id}
              fields={[
                'owner',
                'dueDate',
                'status',
                'action',
                'recheckValue',
                'recheckVerdict',
                'recheckAt',
                'recheckBy',
                'recheckPhotos',
              ]}
              row={open.rectification ?? { severity: open.severity }}
              save={(patch) =>
                repo.saveKeyed('rectifications', open.result.id, project.id, {
                  ...(open.rectification
                    ? {}
                    : { inspectionId: open.inspectionId, itemId: open.result.itemId, severity: open.severity }),
                  ...patch,
                })
              }
            />
          </>
        )}
      </Drawer>
    </div>
  );
}
