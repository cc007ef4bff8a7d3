import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import {
  type ClockCompliance,
  incidentTimingFromFields,
  monthlyAvailability,
  monthlyCompliance,
  outagesOf,
  serviceCalendar,
} from '../../../shared/operations';
import { thisMonthIn } from '../../../shared/date-time';
import type { RowOf } from '../../../shared/records';
import { slaFields } from '../../../shared/records/sla';
import { useServices } from '../../app/services';
import { MonthInput } from '../../components/date-inputs';
import { useProjectTimeZone } from '../projects/use-project-time';

const share = (c: ClockCompliance | 'n/a') =>
  c === 'n/a' ? '—' : c.percent === null ? `— (${c.pending})` : `${c.percent}%（${c.met}/${c.met + c.missed}）`;

/** SLA 达成: per month and priority, the share met for response and resolution; availability per service. */
export function CompliancePage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db } = useServices();
  const { t } = useTranslation();
  const timeZone = useProjectTimeZone();
  const [month, setMonth] = useState(() => thisMonthIn(timeZone));
  const figures = useLiveQuery(async () => {
    const sla = slaFields.parse((await db.sla.get(project.id)) ?? {});
    const [incidents, changes] = await Promise.all([
      db.incidents
        .where('projectId')
        .equals(project.id)
        .filter((i) => !i.deleted)
        .toArray(),
      db.changeRecords
        .where('projectId')
        .equals(project.id)
        .filter((c) => !c.deleted)
        .toArray(),
    ]);
    const now = Date.now();
    const timings = incidents.flatMap((i) => {
      const timing = incidentTimingFromFields(i, timeZone);
      return timing ? [timing] : [];
    });
    return {
      compliance: monthlyCompliance(serviceCalendar(sla, { timeZone }), sla, timings, { now, months: [month] }),
      availability: monthlyAvailability(sla, outagesOf(incidents, changes, timeZone), [month], { now, timeZone }),
    };
  }, [project.id, month, timeZone]);

  return (
    <div className="page" data-testid="compliance">
      <Typography.Title level={4}>{t('nav.compliance')}</Typography.Title>
      <MonthInput
        aria-label={t('operations.month')}
        value={month}
        onChange={(next) => next && setMonth(next)}
        allowClear={false}
        style={{ width: 180, marginBottom: 12 }}
      />
      <Card size="small" title={t('nav.compliance')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="priority"
          pagination={false}
          dataSource={figures?.compliance ?? []}
          data-testid="compliance-table"
          columns={[
            { title: t('operations.priority'), dataIndex: 'priority', width: 80 },
            { title: t('operations.count'), dataIndex: 'count', width: 90 },
            { title: t('operations.responseMet'), render: (_, row) => share(row.response) },
            { title: t('operations.resolutionMet'), render: (_, row) => share(row.resolution) },
          ]}
        />
      </Card>
      <Card size="small" title={t('operations.availability')}>
        {figures && figures.availability.length === 0 ? (
          <Empty description={t('operations.noData')} />
        ) : (
          <Table
            size="small"
            rowKey="service"
            pagination={false}
            dataSource={figures?.availability ?? []}
            data-testid="availability-table"
            columns={[
              { title: t('operations.service'), dataIndex: 'service' },
              {
                title: t('operations.availability'),
                render: (_, row) => `${row.percent.toFixed(3)}%（${row.downtimeMinutes.toFixed(1)} min）`,
              },
              {
                title: t('operations.target'),
                render: (_, row) =>
                  row.target ? (
                    <>
                      {row.target.targetPercent}%{' '}
                      <Tag color={row.target.met ? 'green' : 'red'}>
                        {row.target.met ? t('operations.met') : t('operations.breached')}
                      </Tag>
                    </>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
