import { Button, Card, Popconfirm, Space, Table, Tabs, Tag, message } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { memberRoles } from '../../../shared/records/member';
import { naturalCompare } from '../../../shared/natural-compare';
import { settingsPatchSchema } from '../../../shared/settings';
import { useServices } from '../../app/services';
import { useProjectRights } from '../../app/use-project-rights';
import { ServerMembersCard } from './ServerMembersCard';
import { HistoryView } from '../../components/HistoryView';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordForm } from '../../components/RecordForm';
import { fieldTitle, pickLabel } from '../../i18n';

export function OverviewPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { repo } = useServices();
  const { t } = useTranslation();
  return (
    <div className="page">
      <Card title={t('project.info')}>
        <Tabs
          items={[
            {
              key: 'edit',
              label: t('common.edit'),
              children: (
                <RecordForm
                  key={project.id}
                  mode="edit"
                  table="projects"
                  projectId={project.id}
                  row={project}
                  save={(patch) => repo.update('projects', project.id, patch as never)}
                />
              ),
            },
            {
              key: 'history',
              label: t('common.history'),
              children: <HistoryView table="projects" rowId={project.id} />,
            },
          ]}
        />
      </Card>
      <TeamCard projectId={project.id} />
      <ServerMembersCard projectId={project.id} />
    </div>
  );
}

function TeamCard({ projectId }: { projectId: string }) {
  const { db, repo, settings, updateSettings } = useServices();
  // The team list is the project manager's (manageMembers in shared/roles.ts).
  const mayManage = useProjectRights(projectId).may('manageMembers', 'members');
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ row: RowOf<'members'> | null } | null>(null);
  const members = useLiveQuery(
    async () =>
      (
        await db.members.where('[live+name]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).toArray()
      ).sort((a, b) => naturalCompare(a.name, b.name)),
    [projectId],
  );
  const isMe = (member: RowOf<'members'>) => settings.userName !== '' && member.name.trim() === settings.userName;
  // The engineer picks themselves from the team: their name signs every change from now on.
  const becomeMe = (member: RowOf<'members'>) => {
    const phone = settingsPatchSchema.shape.userPhone.safeParse(member.phone);
    void updateSettings({
      userName: member.name.trim(),
      identityAsked: true,
      ...(phone.success && phone.data ? { userPhone: phone.data } : {}),
    });
    message.success(t('identity.nowYou', { name: member.name.trim() }));
  };
  return (
    <Card
      title={t('team.title')}
      style={{ marginTop: 16 }}
      extra={
        mayManage && (
          <Button type="primary" onClick={() => setEditing({ row: null })}>
            {t('team.add')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members ?? []}
        data-testid="team-table"
        columns={[
          {
            title: fieldTitle('members', 'name', i18n.language),
            dataIndex: 'name',
            render: (name: string, member) => (
              <Space size={4}>
                {name}
                {isMe(member) && <Tag color="blue">{t('identity.currentUser')}</Tag>}
              </Space>
            ),
          },
          {
            title: fieldTitle('members', 'role', i18n.language),
            dataIndex: 'role',
            render: (role: keyof typeof memberRoles) => pickLabel(memberRoles[role], i18n.language),
          },
          { title: fieldTitle('members', 'organisation', i18n.language), dataIndex: 'organisation' },
          { title: fieldTitle('members', 'phone', i18n.language), dataIndex: 'phone' },
          { title: fieldTitle('members', 'email', i18n.language), dataIndex: 'email' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, member) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ row: member })}>
                  {mayManage ? t('common.edit') : t('common.view')}
                </Button>
                {!isMe(member) && (
                  <Button size="small" onClick={() => becomeMe(member)}>
                    {t('identity.setCurrent')}
                  </Button>
                )}
                {mayManage && (
                  <Popconfirm
                    title={t('common.confirmDelete', { name: member.name })}
                    onConfirm={() => repo.remove('members', member.id)}
                  >
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RecordDrawer
        table="members"
        projectId={projectId}
        row={editing?.row ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
