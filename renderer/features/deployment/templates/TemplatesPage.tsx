import { DownloadOutlined, DownOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Table, Tag, Typography, message } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../../shared/records';
import { assetTypes } from '../../../../shared/records/asset';
import { useServices } from '../../../app/services';
import { useProjectRights } from '../../../app/use-project-rights';
import { ReadOnlyNote, RoleDisabled } from '../../../components/RoleGate';
import { fieldTitle, pickLabel } from '../../../i18n';
import { builtinTemplates, exportTemplate, importTemplate } from './builtins';
import { TemplateEditor } from './TemplateEditor';
import { type TemplateRow, createTemplate, inspectionCountsByTemplate } from './template-ops';
import { naturalCompare } from '../../../../shared/natural-compare';

/**
 * 检查模板: the project's configuration baselines. Copy a built-in one and adapt it, or share
 * one between teams as .xlsx. Old versions stay for the inspections that use them.
 */
export function TemplatesPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, repo, api } = useServices();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState<TemplateRow | null>(null);
  const rights = useProjectRights(project.id);
  const cannotCreate = rights.whyNot('create', 'checklistTemplates');
  const cannotEdit = rights.whyNot('update', 'checklistTemplates');
  const data = useLiveQuery(async () => {
    const templates = await db.checklistTemplates
      .where('projectId')
      .equals(project.id)
      .filter((x) => !x.deleted)
      .toArray();
    return { templates, usage: await inspectionCountsByTemplate(db, project.id) };
  }, [project.id]);
  const current = (data?.templates ?? []).filter((x) => !x.supersededBy).sort((a, b) => naturalCompare(a.name, b.name));
  const versionsOf = (familyId: string) =>
    (data?.templates ?? []).filter((x) => x.familyId === familyId).sort((a, b) => b.version - a.version);

  async function copyBuiltin(key: string) {
    const builtin = builtinTemplates.find((b) => b.key === key)!;
    const row = await createTemplate(repo, project.id, builtin, builtin.key);
    message.success(`${row.name} V1`);
  }

  async function importXlsx() {
    const [file] = await api.openFiles({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    if (!file) return;
    try {
      const content = await importTemplate(file.bytes);
      const row = await createTemplate(repo, project.id, content);
      message.success(`${row.name} V1`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  async function exportXlsx(template: TemplateRow) {
    const bytes = await exportTemplate(template);
    await api.saveFile({
      suggestedName: `${template.name}-V${template.version}.xlsx`,
      bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  }

  return (
    <div className="page" data-testid="templates">
      <Space className="page-toolbar" wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.templates')}
        </Typography.Title>
      </Space>
      {cannotCreate && cannotEdit && <ReadOnlyNote role={rights.role} />}
      <Space className="page-toolbar" wrap>
        <Dropdown
          disabled={cannotCreate !== undefined}
          menu={{
            items: builtinTemplates.map((b) => ({
              key: b.key,
              label: `${b.name}（${t('deployment.items', { count: b.items.length })}）`,
            })),
            onClick: ({ key }) => void copyBuiltin(key),
          }}
        >
          <RoleDisabled reason={cannotCreate}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('deployment.fromBuiltin')} <DownOutlined />
            </Button>
          </RoleDisabled>
        </Dropdown>
        <RoleDisabled reason={cannotCreate}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              void createTemplate(repo, project.id, {
                name: t('deployment.newTemplate'),
                assetTypes: [],
                description: '',
                sections: [{ id: 'general', title: '通用' }],
                items: [],
              }).then(setEditing)
            }
          >
            {t('deployment.newTemplate')}
          </Button>
        </RoleDisabled>
        <RoleDisabled reason={cannotCreate}>
          <Button icon={<UploadOutlined />} onClick={() => void importXlsx()}>
            {t('deployment.import')}
          </Button>
        </RoleDisabled>
      </Space>
      <Table
        rowKey="id"
        loading={!data}
        dataSource={current}
        pagination={false}
        onRow={(row) => ({ onClick: () => setEditing(row), style: { cursor: 'pointer' } })}
        expandable={{
          rowExpandable: (row) => versionsOf(row.familyId).length > 1,
          expandedRowRender: (row) => (
            <Space direction="vertical">
              {versionsOf(row.familyId)
                .slice(1)
                .map((old) => (
                  <span key={old.id}>
                    V{old.version} · {t('deployment.items', { count: old.items.length })} ·{' '}
                    {t('deployment.usedBy', { count: data?.usage.get(old.id) ?? 0 })}
                  </span>
                ))}
            </Space>
          ),
        }}
        columns={[
          { title: fieldTitle('checklistTemplates', 'name', lang), dataIndex: 'name' },
          {
            title: fieldTitle('checklistTemplates', 'version', lang),
            width: 80,
            render: (_, row) => `V${row.version}`,
          },
          {
            title: fieldTitle('checklistTemplates', 'assetTypes', lang),
            render: (_, row) => row.assetTypes.map((type) => <Tag key={type}>{pickLabel(assetTypes[type], lang)}</Tag>),
          },
          {
            title: fieldTitle('checklistTemplates', 'items', lang),
            width: 100,
            render: (_, row) => t('deployment.items', { count: row.items.length }),
          },
          {
            title: t('deployment.usage'),
            width: 150,
            render: (_, row) => t('deployment.usedBy', { count: data?.usage.get(row.id) ?? 0 }),
          },
          {
            title: t('common.actions'),
            width: 140,
            render: (_, row) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={(e) => (e.stopPropagation(), void exportXlsx(row))}
              >
                {t('deployment.export')}
              </Button>
            ),
          },
        ]}
      />
      <TemplateEditor template={editing} onClose={() => setEditing(null)} readOnlyReason={cannotEdit} />
    </div>
  );
}
