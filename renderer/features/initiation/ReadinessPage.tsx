import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Card, Col, List, Popover, Progress, Row, Space, Tag, Typography } from 'antd';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import type { RowOf, TableName } from '../../../shared/records';
import { phaseOneReadiness } from '../../../shared/readiness/phase-one';
import { todayIn } from '../../../shared/date-time';
import { projectTimeZone } from '../../../shared/records/project';
import { useServices } from '../../app/services';
import { pickLabel } from '../../i18n';
import { loadSingleton } from '../deliverables/load-document-data';
import { GapList } from '../../components/GapList';
import type { Gap } from '../../../shared/documents/checks';

/** What each deliverable of phase 一 still lacks (the phase overview). */
export function ReadinessPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const items = useLiveQuery(async () => {
    const live = <T,>(table: TableName) =>
      db
        .table(table)
        .where('projectId')
        .equals(project.id)
        .filter((r) => !r.deleted)
        .toArray() as Promise<T[]>;
    const [members, surveySessions, requirements, risks, planTasks, milestones] = await Promise.all([
      live<RowOf<'members'>>('members'),
      live<RowOf<'surveySessions'>>('surveySessions'),
      live<RowOf<'requirements'>>('requirements'),
      live<RowOf<'risks'>>('risks'),
      live<RowOf<'planTasks'>>('planTasks'),
      live<RowOf<'milestones'>>('milestones'),
    ]);
    const assetCount = await db.assets
      .where('[live+name]')
      .between([project.id, Dexie.minKey], [project.id, Dexie.maxKey])
      .count();
    // Read as 交付文档 reads them, so both pages judge the same records.
    const [feasibility, sla, charter] = await Promise.all([
      loadSingleton(db, 'feasibility', project.id),
      loadSingleton(db, 'sla', project.id),
      loadSingleton(db, 'charter', project.id),
    ]);
    return phaseOneReadiness(
      {
        project,
        members,
        assetCount,
        surveySessions,
        requirements,
        risks,
        planTasks,
        milestones,
        feasibility,
        sla,
        charter,
      },
      todayIn(projectTimeZone(project)),
    );
  }, [project.id, project.timeZone, project.description]);

  return (
    <div className="page">
      <Typography.Title level={4}>{t('readiness.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('readiness.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {(items ?? []).map((item) => {
          const done = item.checks.filter((c) => c.ok).length;
          return (
            <Col key={item.page} xs={24} lg={12} xl={8}>
              <Card
                data-testid={`readiness-${item.page}`}
                title={pickLabel(item.deliverable, i18n.language)}
                extra={
                  <Space size={4}>
                    <DocumentStatus missing={item.missing} />
                    <Button size="small" onClick={() => navigate(`/projects/${project.id}/${item.page}`)}>
                      {t('readiness.open')}
                    </Button>
                  </Space>
                }
              >
                <Progress
                  percent={Math.round((done / item.checks.length) * 100)}
                  size="small"
                  status={done === item.checks.length ? 'success' : 'active'}
                />
                <List
                  size="small"
                  dataSource={item.checks}
                  renderItem={(c) => (
                    <List.Item>
                      {c.ok ? (
                        <CheckCircleFilled style={{ color: '#52c41a' }} />
                      ) : (
                        <ExclamationCircleFilled style={{ color: '#faad14' }} />
                      )}{' '}
                      <span className={c.ok ? 'check-ok' : 'check-missing'}>{pickLabel(c.label, i18n.language)}</span>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}

/** The document's state as 交付文档 shows it: 已齐备, or 缺 N 项 with the list. */
function DocumentStatus({ missing }: { missing: Gap[] }) {
  const { t } = useTranslation();
  if (missing.length === 0)
    return (
      <Tag icon={<CheckCircleFilled />} color="success" data-testid="document-status">
        {t('readiness.ready')}
      </Tag>
    );
  return (
    <Popover content={<GapList gaps={missing} />} title={t('readiness.missing')}>
      <Tag icon={<ExclamationCircleFilled />} color="warning" data-testid="document-status">
        {t('deliverables.missingCount', { count: missing.length })}
      </Tag>
    </Popover>
  );
}
