import { App, Button, Descriptions, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { formatInstant, nowIn } from '../../../shared/date-time';
import { type ClockReading, type ClockStatus, escalationTargets } from '../../../shared/operations';
import type { RowOf } from '../../../shared/records';
import { useServices } from '../../app/services';
import { RecordListPage } from '../../components/RecordListPage';
import { pickLabel } from '../../i18n';
import { useProjectTimeZone } from '../projects/use-project-time';
import { incidentSla, useNow, useSlaContext } from './use-sla-clocks';
import { authorName } from '../../app/author';
import { useProjectRights } from '../../app/use-project-rights';
import { RoleDisabled } from '../../components/RoleGate';

type Incident = RowOf<'incidents'>;
const clockColour = { met: 'green', breached: 'red', running: 'blue', atRisk: 'orange', 'n/a': 'default' } as const;
const clockText = {
  met: 'met',
  breached: 'breached',
  running: 'running',
  atRisk: 'atRisk',
  'n/a': 'none',
} as const satisfies Record<ClockStatus, string>;

/** 故障与问题 on their SLA clocks: what is about to breach, what breached, who it escalates to. */
export function IncidentsPage() {
  const project = useOutletContext<RowOf<'projects'>>();
  const { db, repo, settings } = useServices();
  const { t, i18n } = useTranslation();
  const timeZone = useProjectTimeZone();
  const context = useSlaContext(project.id, timeZone);
  const now = useNow();
  const [clockFilter, setClockFilter] = useState<'atRisk' | 'breached'>();
  const slaOf = (incident: Incident) => (context ? incidentSla(context, incident, now) : null);
  const clockTag = (reading: ClockReading | undefined) =>
    reading ? <Tag color={clockColour[reading.status]}>{t(`operations.clock.${clockText[reading.status]}`)}</Tag> : '—';
  const by = authorName(settings.userName);
  const cannotStep = useProjectRights(project.id).whyNot('update', 'incidents');
  const { message } = App.useApp();
  // A step the rules refuse (关闭 without 根本原因 and 解决措施) says why instead of doing nothing.
  const step = (id: string, patch: Partial<Incident>) =>
    repo
      .update('incidents', id, patch)
      .catch((error: unknown) => void message.error(error instanceof Error ? error.message : String(error)));

  // 响应 takes the incident on: the owner becomes this engineer only when nobody is named. The
  // row is read as stored now, after a 负责人 typed a moment ago (leaving the field to click here
  // saves it first, in a transaction this read waits for), never as the drawer last showed it.
  async function acknowledge(id: string) {
    const current = await db.incidents.get(id);
    await repo.update('incidents', id, {
      status: 'acknowledged',
      acknowledgedAt: nowIn(timeZone),
      ...(current?.owner?.trim() ? {} : { owner: by }),
    });
  }

  return (
    <>
      <div className="page" style={{ paddingBottom: 0 }}>
        <Space>
          <Select
            allowClear
            aria-label={t('operations.slaStatus')}
            placeholder={t('operations.slaStatus')}
            style={{ width: 160 }}
            value={clockFilter}
            onChange={setClockFilter}
            options={[
              { value: 'atRisk', label: t('operations.aboutToBreach') },
              { value: 'breached', label: t('operations.breachedOnly') },
            ]}
          />
        </Space>
      </div>
      <RecordListPage
        key={`${clockFilter ?? ''}`}
        table="incidents"
        title={t('nav.incidents')}
        addLabel={t('operations.addIncident')}
        searchFields={['title', 'description', 'owner', 'rootCause', 'resolution']}
        filterFields={['priority', 'status', 'source']}
        order={(a, b) => b.reportedAt.localeCompare(a.reportedAt)}
        rowFilter={(incident) => {
          if (!clockFilter) return true;
          const sla = slaOf(incident);
          return Boolean(sla && [sla.clocks.response.status, sla.clocks.resolution.status].includes(clockFilter));
        }}
        columns={[
          { field: 'priority', width: 70 },
          { field: 'title' },
          { field: 'status', width: 90 },
          { field: 'reportedAt', width: 150, render: (i) => i.reportedAt.replace('T', ' ') },
          { field: 'acknowledgedAt', width: 110, render: (i) => clockTag(slaOf(i)?.clocks.response) },
          { field: 'resolvedAt', width: 110, render: (i) => clockTag(slaOf(i)?.clocks.resolution) },
          { field: 'owner', width: 90 },
        ]}
        newValues={() => ({ reportedAt: nowIn(timeZone) })}
        createFields={['title', 'priority', 'source', 'assetId', 'reportedAt', 'description']}
        drawerWidth={1000}
        extra={(incident) => {
          const sla = slaOf(incident);
          return (
            <div style={{ marginBottom: 12 }} data-testid="incident-sla">
              <Space wrap style={{ marginBottom: 8 }}>
                {incident.status === 'open' && (
                  <RoleDisabled reason={cannotStep}>
                    <Button type="primary" onClick={() => void acknowledge(incident.id)}>
                      {t('operations.acknowledge')}
                    </Button>
                  </RoleDisabled>
                )}
                {incident.status === 'acknowledged' && (
                  <RoleDisabled reason={cannotStep}>
                    <Button
                      type="primary"
                      onClick={() => void step(incident.id, { status: 'resolved', resolvedAt: nowIn(timeZone) })}
                    >
                      {t('operations.resolve')}
                    </Button>
                  </RoleDisabled>
                )}
                {incident.status === 'resolved' && (
                  <RoleDisabled reason={cannotStep}>
                    <Button onClick={() => void step(incident.id, { status: 'closed' })}>
                      {t('operations.close')}
                    </Button>
                  </RoleDisabled>
                )}
              </Space>
              {sla && (
                <Descriptions size="small" column={2} bordered>
                  <Descriptions.Item label={t('operations.responseDue')}>
                    {sla.clocks.response.deadline ? formatInstant(sla.clocks.response.deadline, timeZone) : '—'}{' '}
                    {clockTag(sla.clocks.response)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operations.resolutionDue')}>
                    {sla.clocks.resolution.deadline ? formatInstant(sla.clocks.resolution.deadline, timeZone) : '—'}{' '}
                    {clockTag(sla.clocks.resolution)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('operations.escalation')} span={2}>
                    {sla.escalation.length === 0 ? (
                      '—'
                    ) : (
                      <Timeline
                        style={{ marginTop: 8 }}
                        items={sla.escalation.map((e) => ({
                          color: e.state === 'reached' ? 'red' : e.state === 'notNeeded' ? 'gray' : 'blue',
                          children: (
                            <Typography.Text>
                              {e.step.label?.trim() || pickLabel(escalationTargets[e.step.to], i18n.language)} ·{' '}
                              {formatInstant(e.dueAt, timeZone)}
                            </Typography.Text>
                          ),
                        }))}
                      />
                    )}
                  </Descriptions.Item>
                </Descriptions>
              )}
            </div>
          );
        }}
      />
    </>
  );
}
