import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberRoleKeys, memberRoles } from '../../../shared/records/member';
import type { MemberRole } from '../../../shared/roles';
import type { ProjectMember } from '../../../shared/sync/protocol';
import { useServices } from '../../app/services';
import { useSyncStatus } from '../../app/use-sync';
import { useProjectRights } from '../../app/use-project-rights';
import { SyncHttpError } from '../../data/sync/sync-http';
import { pickLabel } from '../../i18n';

/**
 * Who has an account in this project on the team server, and their role there: what the server
 * lets each of them do (shared/roles.ts). A project manager adds an existing server user,
 * changes a role or removes a member here; everyone else sees the list. Shown only for a
 * project the signed-in user is a member of on the server.
 */
export function ServerMembersCard({ projectId }: { projectId: string }) {
  const { sync } = useServices();
  const { account } = useSyncStatus();
  const rights = useProjectRights(projectId);
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [members, setMembers] = useState<ProjectMember[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; role: MemberRole }>();
  const mayManage = rights.may('manageMembers', 'members');
  const roleOptions = memberRoleKeys.map((role) => ({
    value: role,
    label: pickLabel(memberRoles[role], i18n.language),
  }));

  const explain = useCallback(
    (failure: unknown) => {
      if (failure instanceof SyncHttpError && failure.code === 'user_not_found') return t('team.server.userNotFound');
      if (failure instanceof SyncHttpError && failure.code === 'last_manager') return t('team.server.lastManager');
      if (failure instanceof SyncHttpError && failure.status === 403) return t('team.server.forbidden');
      return failure instanceof Error ? failure.message : String(failure);
    },
    [t],
  );

  const load = useCallback(async () => {
    const api = sync.serverApi();
    if (!api) return;
    try {
      setMembers(await api.members(projectId));
      setError(undefined);
    } catch (failure) {
      setError(explain(failure));
    }
  }, [sync, projectId, explain]);

  useEffect(() => {
    if (account && rights.role) void load();
  }, [account, rights.role, load]);

  // A role changed here changes what this device may do once the next round brings it.
  async function change(what: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    try {
      await what();
      message.success(done);
      await load();
      void sync.syncNow();
      return true;
    } catch (failure) {
      setError(explain(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (!account || !rights.role) return null;
  const api = () => sync.serverApi()!;
  const roleName = (role: MemberRole) => pickLabel(memberRoles[role], i18n.language);

  return (
    <Card title={t('team.server.title')} style={{ marginTop: 16 }} data-testid="server-members">
      <Typography.Paragraph type="secondary">
        {t('team.server.intro', { server: account.serverUrl, role: roleName(rights.role) })}
      </Typography.Paragraph>
      {mayManage && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ role: 'engineer' }}
          style={{ marginBottom: 12 }}
          onFinish={async ({ username, role }) => {
            const name = username.trim();
            if (
              await change(
                () => api().putMember(projectId, name, role),
                t('team.server.added', { username: name, role: roleName(role) }),
              )
            )
              form.resetFields(['username']);
          }}
        >
          <Form.Item
            name="username"
            label={t('team.server.username')}
            rules={[{ required: true, whitespace: true, message: t('team.server.usernameRequired') }]}
          >
            <Input style={{ width: 200 }} placeholder={t('team.server.usernamePlaceholder')} />
          </Form.Item>
          <Form.Item name="role" label={t('team.server.role')}>
            <Select style={{ width: 180 }} options={roleOptions} aria-label={t('team.server.role')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('team.server.add')}
          </Button>
        </Form>
      )}
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="server-members-error" />
      )}
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        loading={members === undefined && !error}
        dataSource={members ?? []}
        data-testid="server-members-table"
        columns={[
          {
            title: t('team.server.username'),
            dataIndex: 'username',
            render: (username: string, member) => (
              <Space size={4}>
                {username}
                {member.displayName && member.displayName !== username && (
                  <Typography.Text type="secondary">{member.displayName}</Typography.Text>
                )}
                {username === account.username && <Tag color="blue">{t('identity.currentUser')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('team.server.role'),
            dataIndex: 'role',
            render: (role: MemberRole, member) =>
              mayManage ? (
                <Select
                  size="small"
                  style={{ width: 180 }}
                  value={role}
                  disabled={busy}
                  aria-label={t('team.server.roleOf', { username: member.username })}
                  options={roleOptions}
                  onChange={(next: MemberRole) =>
                    void change(
                      () => api().putMember(projectId, member.username, next),
                      t('team.server.roleChanged', { username: member.username, role: roleName(next) }),
                    )
                  }
                />
              ) : (
                roleName(role)
              ),
          },
          ...(mayManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, member: ProjectMember) => (
                    <Popconfirm
                      title={t('team.server.removeConfirm', { username: member.username })}
                      onConfirm={() =>
                        void change(
                          () => api().removeMember(projectId, member.username),
                          t('team.server.removed', { username: member.username }),
                        )
                      }
                    >
                      <Button size="small" danger disabled={busy}>
                        {t('team.server.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
