/**
 * Incidents, changes, routine tasks and handovers of a period, as the periodic documents list
 * them, and the SLA clocks of an incident read for a document.
 */
import { hlcMillis, isHlc } from '../../hlc';
import { DEFAULT_TIME_ZONE, localDate, localDayStart, parseLocalDate, type TimeZone } from '../../date-time';
import { serviceCalendar } from '../../operations/service-calendar';
import {
  clockStatusLabels,
  type ClockReading,
  incidentClocks,
  incidentTimingFromFields,
} from '../../operations/sla-clock';
import type { ChangeRecordFields, IncidentFields } from '../../records/operations';
import type { SlaFields } from '../../records/sla';
import { live, type ProjectDocumentData, type Row } from '../data';
import type { DocumentPeriod } from '../kit/context';
import { datePart } from '../kit/format';
import { assetShortName } from './patrol-data';
import { inPeriod } from './period';

/** Incidents reported in the period (an incident belongs to the day or month it was reported in), oldest first. */
export function incidentsReportedIn(
  incidents: ProjectDocumentData['incidents'],
  period: DocumentPeriod,
): Array<Row<IncidentFields>> {
  return live(incidents)
    .filter((i) => inPeriod(i.reportedAt, period))
    .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}

/** Names of the assets (hostnames where known), in the given order; ids of deleted assets are left out. */
export function assetNames(assets: ProjectDocumentData['assets'], ids: readonly string[]): string[] {
  const byId = new Map(live(assets).map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const asset = byId.get(id);
    return asset ? [assetShortName(asset)] : [];
  });
}

export function assetName(assets: ProjectDocumentData['assets'], id: string): string {
  return assetNames(assets, id ? [id] : [])[0] ?? '';
}

/**
 * The moment the SLA clocks are read at for a document dated `date` about `period`: the end of
 * the period, so a periodic document is frozen there and the March report exported in April or in
 * December says the same (an incident still open at 03-31 24:00 reads 计时中 as it was then).
 * Exported before its period has ended, the document reads them at the end of its own day (the
 * period's end is still in the future); back-dated before its period, at the period's end.
 */
export function clocksReadAt(date: string, period: DocumentPeriod, zone: TimeZone = DEFAULT_TIME_ZONE): number {
  const endOf = (day: string) => localDayStart((parseLocalDate(day) ?? 0) + 1, zone);
  const documentEnd = endOf(date);
  const periodEnd = endOf(period.to);
  return documentEnd <= localDayStart(parseLocalDate(period.from) ?? 0, zone)
    ? periodEnd
    : Math.min(documentEnd, periodEnd);
}

export interface IncidentClockText {
  response: string;
  resolution: string;
  responseStatus: ClockReading['status'] | null;
  resolutionStatus: ClockReading['status'] | null;
}

/** 达标 / 超时 / 计时中 of an incident's response and resolution clocks ('' without an SLA or a report time). */
export function incidentClockText(
  incident: IncidentFields,
  sla: SlaFields | null | undefined,
  now: number,
  zone: TimeZone = DEFAULT_TIME_ZONE,
): IncidentClockText {
  const timing = sla ? incidentTimingFromFields(incident, zone) : null;
  if (!sla || !timing) return { response: '', resolution: '', responseStatus: null, resolutionStatus: null };
  const clocks = incidentClocks(serviceCalendar(sla, { timeZone: zone }), sla, timing, { now });
  return {
    response: clockStatusLabels[clocks.response.status],
    resolution: clockStatusLabels[clocks.resolution.status],
    responseStatus: clocks.response.status,
    resolutionStatus: clocks.resolution.status,
  };
}

/**
 * When a change was first recorded: the earliest write time of its fields, which the stored row
 * carries (RowMeta.fieldHlc) and the document rows keep when loaded from the database. null for
 * a row without them (built in code).
 */
export function changeCreatedOn(change: object, zone: TimeZone = DEFAULT_TIME_ZONE): string | null {
  const stamps = Object.values((change as { fieldHlc?: Record<string, unknown> }).fieldHlc ?? {}).filter(isHlc);
  if (stamps.length === 0) return null;
  return localDate(Math.min(...stamps.map(hlcMillis)), zone);
}

/**
 * Whether a change belongs to the period: its implementation window overlaps it, or it was
 * created, approved or announced to the customer in it. A change with none of these dates
 * belongs to no period.
 */
export function changeInPeriod(
  change: Row<ChangeRecordFields>,
  period: DocumentPeriod,
  zone: TimeZone = DEFAULT_TIME_ZONE,
): boolean {
  const start = datePart(change.windowStart);
  const end = datePart(change.windowEnd) || start;
  if (start && start <= period.to && end >= period.from) return true;
  const created = changeCreatedOn(change, zone);
  return [created ?? '', change.approvedAt, change.notifiedAt].some((value) => inPeriod(value, period));
}

/** The date a change is listed under: its window's start, else its creation, approval or notice. */
export function changeDate(change: Row<ChangeRecordFields>, zone: TimeZone = DEFAULT_TIME_ZONE): string {
  return (
    datePart(change.windowStart) ||
    changeCreatedOn(change, zone) ||
    datePart(change.approvedAt) ||
    datePart(change.notifiedAt)
  );
}

/** Changes of the period, by date then title. */
export function changesIn(
  changes: ProjectDocumentData['changeRecords'],
  period: DocumentPeriod,
  zone: TimeZone = DEFAULT_TIME_ZONE,
): Array<Row<ChangeRecordFields>> {
  return live(changes)
    .filter((c) => changeInPeriod(c, period, zone))
    .sort((a, b) => changeDate(a, zone).localeCompare(changeDate(b, zone)) || a.title.localeCompare(b.title, 'zh-CN'));
}

/** The dates changes are listed under (for the default period: the latest month with a change). */
export function changeDates(
  changes: ProjectDocumentData['changeRecords'],
  zone: TimeZone = DEFAULT_TIME_ZONE,
): string[] {
  return live(changes)
    .map((change) => changeDate(change, zone))
    .filter(Boolean);
}
