import { AppstoreAddOutlined, ExperimentOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Modal, Space, Tag, Typography, message } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { projectPhases } from '../../../shared/records/project';
import { useServices } from '../../app/services';
import { RecordForm } from '../../components/RecordForm';
import { importProjectBundle } from '../../data/bundle-io';
import { loadDemoProject } from '../../data/load-demo';
import { pickLabel } from '../../i18n';
import { IdentityPrompt } from '../settings/IdentityPrompt';
import { naturalCompare } from '../../../shared/natural-compare';

const NEW_PROJECT_FIELDS = [
  'code',
  'name',
  'customer',
  'contractNo',
  'serviceMode',
  'serviceHours',
  'startDate',
  'endDate',
];

export function StartPage() {
  const { db, repo, api, clock } = useServices();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const projects = useLiveQuery(async () => {
    const rows = (await db.projects.toArray()).filter((p) => !p.deleted).sort((a, b) => naturalCompare(a.name, b.name));
    return Promise.all(
      rows.map(async (project) => ({
        project,
        assetCount: await db.assets
          .where('[live+name]')
          .between([project.id, Dexie.minKey], [project.id, Dexie.maxKey])
          .count(),
      })),
    );
  });

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      const projectId = await loadDemoProject(repo);
      message.success(t('start.demoLoaded'));
      navigate(`/projects/${projectId}/assets`);
    } finally {
      setLoadingDemo(false);
    }
  }

  async function importBundle() {
    const [file] = await api.openFiles({ filters: [{ name: 'Fieldbook', extensions: ['fieldbook', 'zip'] }] });
    if (!file) return;
    try {
      const result = await importProjectBundle(db, clock, file.bytes);
      message.success(
        t('sync.imported', {
          name: result.projectName,
          applied: result.applied,
          known: result.known,
          conflicts: result.conflicts,
        }),
      );
      navigate(`/projects/${result.projectId}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="page start-page">
      <IdentityPrompt />
      <Space className="page-toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('start.title')}
        </Typography.Title>
        <Button type="primary" icon={<AppstoreAddOutlined />} onClick={() => setCreating(true)}>
          {t('start.newProject')}
        </Button>
        <Button icon={<ExperimentOutlined />} loading={loadingDemo} onClick={loadDemo}>
          {t('start.loadDemo')}
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => void importBundle()}>
          {t('sync.importBundle')}
        </Button>
      </Space>
      {/* One empty state: the list's own "no data" is not shown next to ours. */}
      {projects && projects.length === 0 && <Empty description={t('start.empty')} />}
      {projects && projects.length > 0 && (
        <List
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={projects ?? []}
          renderItem={({ project, assetCount }) => (
            <List.Item>
              <Card
                hoverable
                data-testid="project-card"
                title={project.name}
                onClick={() => navigate(`/projects/${project.id}`)}
                extra={<Tag>{project.code}</Tag>}
              >
                <Typography.Paragraph>{project.customer}</Typography.Paragraph>
                <Space wrap>
                  <Tag color="blue">{pickLabel(projectPhases[project.phase], i18n.language)}</Tag>
                  <Typography.Text type="secondary">{t('start.assetCount', { count: assetCount })}</Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={creating}
        title={t('start.newProject')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        width={720}
      >
        <RecordForm
          mode="create"
          projectId=""
          draftKey="projects:new"
          table="projects"
          fields={NEW_PROJECT_FIELDS}
          onCancel={() => setCreating(false)}
          onSubmit={async (values) => {
            const project = await repo.createProject(values as never);
            setCreating(false);
            navigate(`/projects/${project.id}`);
          }}
        />
      </Modal>
    </div>
  );
}
