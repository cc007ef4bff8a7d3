import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import {
  type EscalationDue,
  type IncidentClocks,
  escalationPolicyFromSteps,
  escalationSchedule,
  incidentClocks,
  incidentTimingFromFields,
  serviceCalendar,
} from '../../../shared/operations';
import type { TimeZone } from '../../../shared/date-time';
import type { RowOf } from '../../../shared/records';
import { slaFields } from '../../../shared/records/sla';
import { useServices } from '../../app/services';

export interface IncidentSla {
  clocks: IncidentClocks;
  escalation: EscalationDue[];
}

/** Minute-by-minute "now", so clocks on screen move without a reload. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The SLA clocks of a project's incidents, from its SLA (hours, calendar, P1–P4 targets) and its
 * service design's escalation path, read in the project's time zone.
 */
export function useSlaContext(projectId: string, timeZone: TimeZone) {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const stored = await db.sla.get(projectId);
    const sla = slaFields.parse(stored ?? {});
    const design = await db.serviceDesign.get(projectId);
    return {
      sla,
      calendar: serviceCalendar(sla, { timeZone }),
      policy: escalationPolicyFromSteps(design?.escalation ?? []),
    };
  }, [projectId, timeZone]);
}

export function incidentSla(
  context: NonNullable<ReturnType<typeof useSlaContext>>,
  incident: RowOf<'incidents'>,
  now: number,
): IncidentSla | null {
  const timing = incidentTimingFromFields(incident, context.calendar.timeZone);
  if (!timing) return null;
  return {
    clocks: incidentClocks(context.calendar, context.sla, timing, { now }),
    escalation: escalationSchedule(context.calendar, context.policy, timing, { now }),
  };
}
