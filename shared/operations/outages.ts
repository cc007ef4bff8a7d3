import type { ChangeRecordFields, IncidentFields } from '../records/operations';
import { parseLocalDateTime, type TimeZone } from '../date-time';
import type { Outage } from './compliance';

/**
 * The outages on record: an incident that names the service it interrupted (unplanned), and a
 * change with a planned outage of a service (its implementation window; planned downtime does
 * not count against availability but is shown).
 */
export function outagesOf(
  incidents: ReadonlyArray<
    Pick<IncidentFields, 'affectedService' | 'outageStart' | 'outageEnd'> & { deleted?: boolean }
  >,
  changes: ReadonlyArray<
    Pick<ChangeRecordFields, 'affectedService' | 'plannedOutage' | 'windowStart' | 'windowEnd'> & { deleted?: boolean }
  >,
  timeZone?: TimeZone,
): Outage[] {
  const at = (text: string) => (text ? parseLocalDateTime(text, timeZone) : null);
  const outages: Outage[] = [];
  for (const incident of incidents) {
    const start = at(incident.outageStart);
    if (incident.deleted || !incident.affectedService.trim() || start === null) continue;
    outages.push({ service: incident.affectedService, start, end: at(incident.outageEnd), planned: false });
  }
  for (const change of changes) {
    const start = at(change.windowStart);
    if (change.deleted || change.plannedOutage !== 'yes' || !change.affectedService.trim() || start === null) continue;
    outages.push({ service: change.affectedService, start, end: at(change.windowEnd), planned: true });
  }
  return outages;
}
