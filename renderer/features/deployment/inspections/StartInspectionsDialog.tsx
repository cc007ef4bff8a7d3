import { Alert, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetLocation, assetTypes } from '../../../../shared/records/asset';
import { nowIn, thisMonthIn } from '../../../../shared/date-time';
import { useServices } from '../../../app/services';
import { useProjectTimeZone } from '../../projects/use-project-time';
import type { WriteOp } from '../../../data/repository';
import { fieldTitle, pickLabel } from '../../../i18n';
import { currentTemplates } from './inspection-queries';

/**
 * Starts inspections for one asset or many: pick a template, narrow the inventory by type or
 * room, select, and every selected asset gets an inspection of that template version.
 */
export function StartInspectionsDialog({
  projectId,
  open,
  onClose,
}: {
  projectId: string;
  open: boolean;
  onClose(): void;
}) {
  const { db, repo, settings } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const templates = useLiveQuery(() => currentTemplates(db, projectId), [projectId]);
  const assets = useLiveQuery(
    () => db.assets.where('[live+name]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).toArray(),
    [projectId],
  );
  const [templateId, setTemplateId] = useState<string>();
  const [type, setType] = useState<string>();
  const [room, setRoom] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const timeZone = useProjectTimeZone();
  const [batch, setBatch] = useState(`${thisMonthIn(timeZone)} 基线检查`);
  const [busy, setBusy] = useState(false);
  const template = templates?.find((x) => x.id === templateId);
  const rooms = useMemo(() => [...new Set((assets ?? []).map((a) => a.room).filter(Boolean))].sort(), [assets]);
  const visible = (assets ?? []).filter((a) => (!type || a.type === type) && (!room || a.room === room));

  async function start() {
    if (!template || selected.length === 0) return;
    setBusy(true);
    try {
      const startedAt = nowIn(timeZone);
      const ops: WriteOp[] = selected.map((assetId) => ({
        kind: 'create',
        table: 'inspections',
        projectId,
        values: { assetId, templateId: template.id, batch, inspector: settings.userName, startedAt },
      }));
      await repo.writeMany(ops);
      message.success(t('deployment.started', { count: ops.length }));
      setSelected([]);
      onClose();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      width={980}
      title={t('deployment.startTitle')}
      okText={t('deployment.startInspections')}
      okButtonProps={{ disabled: !template || selected.length === 0, loading: busy }}
      onOk={() => void start()}
      onCancel={onClose}
      destroyOnHidden
    >
      {templates && templates.length === 0 && <Alert type="warning" showIcon message={t('deployment.noTemplate')} />}
      <Form layout="vertical">
        <Space wrap align="end">
          <Form.Item label={t('deployment.template')} htmlFor="start-template" style={{ minWidth: 320 }}>
            <Select
              id="start-template"
              value={templateId}
              onChange={(id: string) => {
                setTemplateId(id);
                const chosen = templates?.find((x) => x.id === id);
                if (chosen?.assetTypes.length === 1) setType(chosen.assetTypes[0]);
              }}
              options={(templates ?? []).map((x) => ({ value: x.id, label: `${x.name} V${x.version}` }))}
            />
          </Form.Item>
          <Form.Item label={t('deployment.batch')} htmlFor="start-batch">
            <Input id="start-batch" value={batch} onChange={(e) => setBatch(e.target.value)} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={t('deployment.byType')} htmlFor="start-type">
            <Select
              id="start-type"
              allowClear
              value={type}
              onChange={setType}
              style={{ width: 140 }}
              options={Object.entries(assetTypes).map(([value, label]) => ({ value, label: pickLabel(label, lang) }))}
            />
          </Form.Item>
          <Form.Item label={t('deployment.byRoom')} htmlFor="start-room">
            <Select
              id="start-room"
              allowClear
              value={room}
              onChange={setRoom}
              style={{ width: 160 }}
              options={rooms.map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
        </Space>
      </Form>
      <Typography.Text type="secondary">{t('deployment.selected', { count: selected.length })}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        data-testid="start-assets"
        dataSource={visible}
        pagination={false}
        scroll={{ y: 360 }}
        virtual
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('deployment.asset'), dataIndex: 'name', width: 260 },
          {
            title: fieldTitle('assets', 'type', lang),
            width: 100,
            render: (_, a) => <Tag>{pickLabel(assetTypes[a.type], lang)}</Tag>,
          },
          { title: fieldTitle('assets', 'hostname', lang), dataIndex: 'hostname', width: 160 },
          { title: t('assets.location'), render: (_, a) => assetLocation(a) },
        ]}
      />
    </Modal>
  );
}
