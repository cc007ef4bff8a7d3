import { Tag, Tooltip } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { isMilestoneOverdue, isTaskOverdue, type PlanTaskFields, taskStatuses } from '../../../shared/records/plan';
import { type PlanProgressData, taskProgress } from '../../../shared/documents/parts/plan-progress';
import { loadSingleton } from '../deliverables/load-document-data';
import { pickLabel } from '../../i18n';
import { todayIn } from '../../../shared/date-time';
import { projectTimeZone } from '../../../shared/records/project';
import { useServices } from '../../app/services';
import { RecordListPage } from '../../components/RecordListPage';
import { PlanTimeline } from './PlanTimeline';

/** 交付计划与里程碑 (process 二.4): tasks, milestones, a timeline, and what is overdue. */
export function PlanPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t, i18n } = useTranslation();
  const today = todayIn(projectTimeZone(project)); // YYYY-MM-DD in the project's zone
  const milestones = useLiveQuery(
    () =>
      db.milestones
        .where('projectId')
        .equals(project.id)
        .filter((m) => !m.deleted)
        .toArray(),
    [project.id],
  );
  // The records that prove a task's progress (a signed baseline inspection, a training held …).
  const evidence = useLiveQuery(async (): Promise<PlanProgressData> => {
    const of = <T extends { deleted?: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);
    const [inspections, trainingSessions, pilotRuns, cutoverPlan] = await Promise.all([
      db.inspections.where('projectId').equals(project.id).toArray(),
      db.trainingSessions.where('projectId').equals(project.id).toArray(),
      db.pilotRuns.where('projectId').equals(project.id).toArray(),
      loadSingleton(db, 'cutoverPlan', project.id),
    ]);
    return {
      inspections: of(inspections),
      trainingSessions: of(trainingSessions),
      pilotRuns: of(pilotRuns),
      cutoverPlan,
    };
  }, [project.id]);
  /** The task as the 交付计划 shows it: status and progress from the records unless set by hand. */
  const effective = <T extends PlanTaskFields>(task: T) => {
    const progress = taskProgress(task, evidence ?? {}, today);
    return { ...task, status: progress.status, progress: progress.progress, basis: progress };
  };
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
        rowClassName={(task) => (isTaskOverdue(effective(task), today) ? 'row-overdue' : '')}
        columns={[
          {
            field: 'name',
            render: (task) => (
              <>
                {task.name} {isTaskOverdue(effective(task), today) && overdueTag}
              </>
            ),
          },
          { field: 'phase', width: 170 },
          { field: 'owner', width: 100 },
          { field: 'start', width: 110 },
          { field: 'end', width: 110 },
          { field: 'deliverable' },
          {
            field: 'status',
            width: 190,
            render: (task) => {
              const shown = effective(task);
              return (
                <span data-testid={`task-status-${task.name}`}>
                  {pickLabel(taskStatuses[shown.status], i18n.language)}
                  {shown.progress !== null ? ` ${shown.progress}%` : ''}{' '}
                  {shown.basis.source !== 'typed' && (
                    <Tooltip title={shown.basis.proof}>
                      <Tag color={shown.basis.source === 'records' ? 'blue' : 'orange'}>
                        {t(shown.basis.source === 'records' ? 'initiation.fromRecords' : 'initiation.setByHand')}
                      </Tag>
                    </Tooltip>
                  )}
                </span>
              );
            },
          },
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
          {
            field: 'name',
            render: (m) => (
              <>
                {m.name} {isMilestoneOverdue(m, today) && overdueTag}
              </>
            ),
          },
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
