import { Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { isMilestoneOverdue, isTaskOverdue } from '../../../shared/records/plan';
import { todayIn } from '../../../shared/date-time';
import { projectTimeZone } from '../../../shared/records/project';
import { useServices } from '../../app/services';
import { RecordListPage } from '../../components/RecordListPage';
import { PlanTimeline } from './PlanTimeline';


/** 交付计划与里程碑 (process 二.4): tasks, milestones, a timeline, and what is overdue. */
export function PlanPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t } = useTranslation();
  const today = todayIn(projectTimeZone(project)); // YYYY-MM-DD in the project's zone
  const milestones = useLiveQuery(() => db.milestones.where('projectId').equals(project.id).filter((m) => !m.deleted).toArray(), [project.id]);
  const overdueTag = <Tag color="red">{t('initiation.overdue')}</Tag>;
  return (
    <>
      <RecordListPage
        table="planTasks"
        title={t('nav.plan')}
        addLabel={t('initiation.addTask')}
        searchFields={['name', 'owner', 'deliverable', 'notes']}
        filterFields={['phase', 'status']}
        order={(a, b) => (a.start || '9999').localeCompare(b.start || '9999')}
        above={(tasks) => <PlanTimeline tasks={tasks} milestones={milestones ?? []} today={today} />}
        rowClassName={(task) => (isTaskOverdue(task, today) ? 'row-overdue' : '')}
        columns={[
          { field: 'name', render: (task) => <>{task.name} {isTaskOverdue(task, today) && overdueTag}</> },
          { field: 'phase', width: 170 },
          { field: 'owner', width: 100 },
          { field: 'start', width: 110 },
          { field: 'end', width: 110 },
          { field: 'deliverable' },
          { field: 'status', width: 90 },
        ]}
        createFields={['name', 'phase', 'owner', 'start', 'end', 'deliverable']}
        testId="list-planTasks"
      />
      <RecordListPage
        table="milestones"
        title={t('initiation.milestones')}
        addLabel={t('initiation.addMilestone')}
        searchFields={['name', 'acceptance']}
        filterFields={['status']}
        order={(a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999')}
        rowClassName={(m) => (isMilestoneOverdue(m, today) ? 'row-overdue' : '')}
        columns={[
          { field: 'name', render: (m) => <>{m.name} {isMilestoneOverdue(m, today) && overdueTag}</> },
          { field: 'dueDate', width: 120 },
          { field: 'acceptance' },
          { field: 'status', width: 100 },
          { field: 'achievedAt', width: 120 },
        ]}
        createFields={['name', 'dueDate', 'acceptance']}
        testId="list-milestones"
      />
    </>
  );
}
