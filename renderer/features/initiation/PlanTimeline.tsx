import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowOf } from '../../../shared/records';
import { isMilestoneOverdue, isTaskOverdue } from '../../../shared/records/plan';
import { EChart } from '../../components/EChart';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00`);

/**
 * A Gantt-style view of the delivery plan: one bar per task from start to end (red when
 * overdue, green when done), milestones as diamonds, and today as a line.
 */
export function PlanTimeline({
  tasks,
  milestones,
  today,
}: {
  tasks: RowOf<'planTasks'>[];
  milestones: RowOf<'milestones'>[];
  today: string;
}) {
  const { t } = useTranslation();
  const scheduled = tasks.filter((task) => task.start && task.end).sort((a, b) => a.start.localeCompare(b.start));
  const dated = milestones.filter((m) => m.dueDate);
  const option = useMemo(() => {
    const rows = [...scheduled.map((task) => task.name), ...(dated.length ? [t('initiation.milestones')] : [])];
    const colour = (task: RowOf<'planTasks'>) =>
      task.status === 'done' ? '#73d13d' : isTaskOverdue(task, today) ? '#ff4d4f' : '#4096ff';
    return {
      tooltip: { formatter: (p: { data: { tip: string } }) => p.data.tip },
      grid: { left: 160, right: 24, top: 24, bottom: 40, containLabel: false },
      xAxis: { type: 'time', position: 'top', splitLine: { show: true } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'custom',
          renderItem: (
            params: unknown,
            api: {
              value(i: number): number;
              coord(v: number[]): number[];
              size(v: number[]): number[];
              style(o: object): object;
            },
          ) => {
            const [x0, y] = api.coord([api.value(1), api.value(0)]);
            const [x1] = api.coord([api.value(2), api.value(0)]);
            const height = api.size([0, 1])[1]! * 0.5;
            return {
              type: 'rect',
              shape: { x: x0, y: y! - height / 2, width: Math.max(2, x1! - x0!), height },
              style: api.style({}),
            };
          },
          encode: { x: [1, 2], y: 0 },
          data: scheduled.map((task, index) => ({
            value: [index, day(task.start), day(task.end) + DAY],
            itemStyle: { color: colour(task) },
            tip: `${task.name}<br/>${task.start} → ${task.end}${task.owner ? `<br/>${task.owner}` : ''}`,
          })),
        },
        {
          type: 'custom',
          renderItem: (
            params: unknown,
            api: { value(i: number): number; coord(v: number[]): number[]; style(o: object): object },
          ) => {
            const [x, y] = api.coord([api.value(1), api.value(0)]);
            const r = 8;
            return {
              type: 'polygon',
              shape: {
                points: [
                  [x, y! - r],
                  [x! + r, y],
                  [x, y! + r],
                  [x! - r, y],
                ],
              },
              style: api.style({}),
            };
          },
          encode: { x: 1, y: 0 },
          data: dated.map((m) => ({
            value: [scheduled.length, day(m.dueDate)],
            itemStyle: {
              color: m.status === 'achieved' ? '#73d13d' : isMilestoneOverdue(m, today) ? '#ff4d4f' : '#faad14',
            },
            tip: `◆ ${m.name}<br/>${m.dueDate}`,
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: t('initiation.today') },
            lineStyle: { color: '#ff4d4f', type: 'dashed' },
            data: [{ xAxis: day(today) }],
          },
        },
      ],
    };
  }, [scheduled, dated, today, t]);
  if (scheduled.length === 0 && dated.length === 0) return null;
  return (
    <Card size="small" title={t('initiation.timeline')} style={{ marginBottom: 12 }}>
      {scheduled.length + dated.length > 0 ? (
        <EChart
          option={option}
          style={{ height: Math.max(160, 60 + (scheduled.length + 1) * 32) }}
          testId="plan-timeline"
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
