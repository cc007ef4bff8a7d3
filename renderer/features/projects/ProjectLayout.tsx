import { ArrowLeftOutlined } from '@ant-design/icons';
import { Layout, Menu, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { projectPhases } from '../../../shared/records/project';
import { PageLoading } from '../../app/lazy-page';
import { workspacePages } from '../../app/workspace-nav';
import { StatusMessage } from '../../components/StatusMessage';
import { pickLabel } from '../../i18n';
import { useCurrentProject } from './use-project';

export function ProjectLayout() {
  const project = useCurrentProject();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  if (project === undefined) return <Spin className="page" />;
  if (project === null)
    return (
      <StatusMessage
        status="notFound"
        title={t('project.notFound')}
        extra={<Link to="/">{t('nav.backToProjects')}</Link>}
      />
    );

  // /projects/:id/<page>[/...]: the page is the third segment.
  const segment = location.pathname.split('/')[3] ?? '';
  const selected = workspacePages.find((page) => page.path === segment)?.path ?? 'overview';
  const phases = (Object.keys(projectPhases) as (keyof typeof projectPhases)[]).filter((phase) =>
    workspacePages.some((page) => page.group === phase),
  );
  const item = (page: (typeof workspacePages)[number]) => ({ key: page.path, label: t(page.titleKey) });

  return (
    <Layout className="workspace">
      <Layout.Sider width={232} theme="light" className="workspace-nav">
        <div className="workspace-title">
          <Link to="/">
            <ArrowLeftOutlined /> {t('nav.backToProjects')}
          </Link>
          <Typography.Title level={5} ellipsis={{ tooltip: project.name }} style={{ margin: '8px 0 0' }}>
            {project.name}
          </Typography.Title>
          <Typography.Text type="secondary">{project.customer}</Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(`/projects/${project.id}/${key}`)}
          items={[
            ...workspacePages.filter((page) => page.group === 'project').map(item),
            ...phases.map((phase) => ({
              key: phase,
              type: 'group' as const,
              label: pickLabel(projectPhases[phase], i18n.language),
              children: workspacePages.filter((page) => page.group === phase).map(item),
            })),
            { type: 'divider' as const },
            ...workspacePages.filter((page) => page.group === 'tools').map(item),
          ]}
        />
      </Layout.Sider>
      <Layout.Content className="workspace-content">
        {/* The sidebar stays while a page's chunk loads (app/lazy-page.tsx). */}
        <Suspense fallback={<PageLoading />}>
          <Outlet context={project} />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
