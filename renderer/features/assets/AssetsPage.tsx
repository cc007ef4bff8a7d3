import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { assetLocation, assetTypes, criticalities, vendorModel } from '../../../shared/records/asset';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { RecordDrawer } from '../../components/RecordDrawer';
import { type SortState, type VirtualColumn, VirtualTable } from '../../components/VirtualTable';
import { useWindowedQuery } from '../../components/use-windowed-query';
import { fieldTitle, pickLabel } from '../../i18n';
import { type AssetRow, type AssetSortColumn, assetCollection } from './asset-query';
import { AssetTransferButtons } from './AssetTransferButtons';

const criticalityColour = { high: 'red', medium: 'orange', low: 'default' } as const;

export function AssetsPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, repo } = useServices();
  const rights = useProjectRights(project.id);
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const [type, setType] = useState<string>();
  const [criticality, setCriticality] = useState<string>();
  const [sort, setSort] = useState<SortState>({ key: 'name', descending: false });
  const [drawer, setDrawer] = useState<{ row: AssetRow | null; tab: 'edit' | 'history' } | null>(null);

  const query = useMemo(
    () => ({
      projectId: project.id,
      text: deferredText,
      type,
      criticality,
      sort: sort.key as AssetSortColumn,
      descending: sort.descending,
    }),
    [project.id, deferredText, type, criticality, sort],
  );
  const data = useWindowedQuery(() => assetCollection(db, query), [query]);

  function confirmDelete(asset: AssetRow) {
    Modal.confirm({
      title: t('common.confirmDelete', { name: asset.name }),
      okType: 'danger',
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: () => repo.remove('assets', asset.id),
    });
  }

  const title = (field: string) => fieldTitle('assets', field, lang);
  const columns: VirtualColumn<AssetRow>[] = [
    {
      key: 'name',
      title: title('name'),
      width: { flex: 2 },
      sortable: true,
      render: (a) => <Typography.Text strong>{a.name}</Typography.Text>,
    },
    {
      key: 'type',
      title: title('type'),
      width: 100,
      sortable: true,
      render: (a) => pickLabel(assetTypes[a.type], lang),
    },
    { key: 'hostname', title: title('hostname'), width: { flex: 1.5 }, sortable: true, render: (a) => a.hostname },
    { key: 'ips', title: title('ips'), width: { flex: 1.5 }, render: (a) => a.ips.join(', ') },
    { key: 'model', title: title('model'), width: { flex: 2 }, sortable: true, render: (a) => vendorModel(a) },
    {
      key: 'serialNumber',
      title: title('serialNumber'),
      width: { flex: 1.5 },
      sortable: true,
      render: (a) => a.serialNumber,
    },
    { key: 'room', title: t('assets.location'), width: { flex: 2 }, sortable: true, render: (a) => assetLocation(a) },
    {
      key: 'criticality',
      title: title('criticality'),
      width: 96,
      sortable: true,
      render: (a) => (
        <Tag color={criticalityColour[a.criticality]}>{pickLabel(criticalities[a.criticality], lang)}</Tag>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (a) => (
        <Space size={4} onClick={(event) => event.stopPropagation()}>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setDrawer({ row: a, tab: 'edit' })}
            />
          </Tooltip>
          <Tooltip title={t('common.history')}>
            <Button
              size="small"
              type="text"
              icon={<HistoryOutlined />}
              aria-label={t('common.history')}
              onClick={() => setDrawer({ row: a, tab: 'history' })}
            />
          </Tooltip>
          {rights.may('delete', 'assets') && (
            <Tooltip title={t('common.delete')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => confirmDelete(a)}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  const options = (labels: Record<string, { zh: string; en: string }>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label: pickLabel(label, lang) }));

  return (
    <div className="page">
      <Space className="page-toolbar" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assets.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="asset-count">
          {t('common.total', { count: data.count ?? 0 })}
        </Typography.Text>
      </Space>
      <Space className="page-toolbar" wrap>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('assets.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={t('common.search')}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('assets.filterType')}
          value={type}
          onChange={setType}
          options={options(assetTypes)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('assets.filterCriticality')}
          value={criticality}
          onChange={setCriticality}
          options={options(criticalities)}
        />
        {rights.may('create', 'assets') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ row: null, tab: 'edit' })}>
            {t('assets.add')}
          </Button>
        )}
        <AssetTransferButtons project={project} />
      </Space>
      <VirtualTable
        testId="asset-table"
        columns={columns}
        data={data}
        rowKey={(a) => a.id}
        sort={sort}
        onSortChange={setSort}
        onRowClick={(a) => setDrawer({ row: a, tab: 'edit' })}
      />
      <RecordDrawer
        table="assets"
        projectId={project.id}
        row={drawer?.row ?? null}
        open={drawer !== null}
        initialTab={drawer?.tab}
        onClose={() => setDrawer(null)}
      />
    </div>
  );
}
