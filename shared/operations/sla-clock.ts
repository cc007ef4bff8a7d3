/**
 * SLA 计时: the response and resolution clocks of one incident, and when it must be escalated.
 *
 *   response   从报障到工程师确认（acknowledgedAt）
 *   resolution 从报障到恢复服务（resolvedAt）
 *
 * Both run on the service calendar from reportedAt, for the minutes the SLA gives the
 * incident's priority. Rules, and why:
 * - A deadline is the instant the allowed service time runs out (addServiceMinutes). A clock
 *   stopped at or before its deadline is 'met', after it 'breached'. Comparing instants, not
 *   service minutes, keeps the verdict in line with the deadline the engineer was shown: a
 *   target that ran out at Friday 17:30 is missed by an acknowledgement on Saturday, although
 *   no further service minute passed in between.
 * - A running clock is 'breached' once now is past its deadline, 'atRisk' once it has used at
 *   least `atRiskShare` (default 0.8) of its allowed service time, else 'running'. A priority
 *   without a target gives 'n/a'.
 * - Pauses stop both clocks (a pause counts only where it overlaps a clock's running span).
 *   A pause still open (no end) is taken as ending now: the deadline shown is the one that
 *   holds if the clock restarts now, and the reading says `paused`. On a stopped clock a pause
 *   left open ends when the clock stopped.
 * - Resolving implies a response: with no acknowledgedAt, resolvedAt stops the response clock.
 * - elapsed/remaining are service minutes (fractional when instants carry seconds);
 *   remaining is target − elapsed, negative once more service time than allowed has passed.
 *
 * Escalation (升级): the fault-grading definition gives per priority steps { to, label,
 * afterMinutes }, measured like the clocks in service time from reportedAt (pauses shift them
 * too). A step is reached once its due time has come, unless the incident was resolved at or
 * before it.
 */
import type { PriorityLevel, SlaFields } from '../records/sla';
import { DEFAULT_TIME_ZONE, parseLocalDateTime, type TimeZone } from '../date-time';
import { addServiceMinutes, type Interval, type ServiceCalendar, serviceMinutesBetween } from './service-calendar';

export interface Pause {
  start: number;
  /** null or absent while the pause is still open. */
  end?: number | null;
  reason?: string;
}

export interface IncidentTiming {
  priority: PriorityLevel;
  reportedAt: number;
  acknowledgedAt?: number | null;
  resolvedAt?: number | null;
  pauses?: readonly Pause[];
}

/** The parts of an SLA the clocks need. */
export type SlaTargets = Pick<SlaFields, 'priorities'>;

export type ClockStatus = 'met' | 'breached' | 'running' | 'atRisk' | 'n/a';

export const clockStatusLabels: Record<ClockStatus, string> = {
  met: '达标',
  breached: '超时',
  running: '计时中',
  atRisk: '即将超时',
  'n/a': '无时限',
};

export interface ClockReading {
  kind: 'response' | 'resolution';
  /** Allowed service minutes for the priority; null when the SLA sets none. */
  targetMinutes: number | null;
  /** When the allowed time runs out (pauses known so far included); null without a target. */
  deadline: number | null;
  status: ClockStatus;
  /** When the clock stopped (acknowledged / resolved), null while it runs. */
  stoppedAt: number | null;
  /** Service minutes used from reportedAt to stoppedAt (or now), pauses excluded. */
  elapsedMinutes: number;
  /** targetMinutes − elapsedMinutes; null without a target. */
  remainingMinutes: number | null;
  /** elapsedMinutes / targetMinutes; null without a target. */
  usedShare: number | null;
  /** A pause is open now (and the clock is still running). */
  paused: boolean;
}

export interface ClockOptions {
  /** The instant to read running clocks at. */
  now: number;
  /** Share of the allowed time from which a running clock is 'atRisk'; default 0.8. */
  atRiskShare?: number;
}

export interface IncidentClocks {
  priority: PriorityLevel;
  response: ClockReading;
  resolution: ClockReading;
}

export const DEFAULT_AT_RISK_SHARE = 0.8;

/** An incident as a form stores it: local 'YYYY-MM-DDTHH:mm' text, '' where not yet known. */
export interface IncidentLocalFields {
  priority: PriorityLevel;
  reportedAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  pauses?: ReadonlyArray<{ start: string; end?: string; reason?: string }>;
}

/**
 * The timing of an incident from its local date-time fields (wall times in the project's zone).
 * null when reportedAt is missing or unreadable — no clock can run without it. Other unreadable
 * times count as not recorded, and a pause without a readable start is left out.
 */
export function incidentTimingFromFields(
  fields: IncidentLocalFields,
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): IncidentTiming | null {
  const read = (text: string | undefined) => (text ? parseLocalDateTime(text, timeZone) : null);
  const reportedAt = read(fields.reportedAt);
  if (reportedAt === null) return null;
  const pauses: Pause[] = [];
  for (const pause of fields.pauses ?? []) {
    const start = read(pause.start);
    if (start === null) continue;
    pauses.push({ start, end: read(pause.end), ...(pause.reason ? { reason: pause.reason } : {}) });
  }
  return {
    priority: fields.priority,
    reportedAt,
    acknowledgedAt: read(fields.acknowledgedAt),
    resolvedAt: read(fields.resolvedAt),
    pauses,
  };
}

/** The response and resolution targets of a priority (null where the SLA has none). */
export function targetsFor(
  sla: SlaTargets,
  priority: PriorityLevel,
): { responseMinutes: number | null; resolutionMinutes: number | null } {
  const target = sla.priorities.find((entry) => entry.level === priority);
  return {
    responseMinutes: positiveOrNull(target?.responseMinutes),
    resolutionMinutes: positiveOrNull(target?.resolutionMinutes),
  };
}

export function incidentClocks(
  calendar: ServiceCalendar,
  sla: SlaTargets,
  incident: IncidentTiming,
  options: ClockOptions,
): IncidentClocks {
  const targets = targetsFor(sla, incident.priority);
  const acknowledged = incident.acknowledgedAt ?? incident.resolvedAt ?? null;
  return {
    priority: incident.priority,
    response: readClock(calendar, 'response', targets.responseMinutes, incident, acknowledged, options),
    resolution: readClock(
      calendar,
      'resolution',
      targets.resolutionMinutes,
      incident,
      incident.resolvedAt ?? null,
      options,
    ),
  };
}

/** One clock: target minutes from reportedAt, stopped at `stoppedAt` (null while running). */
export function readClock(
  calendar: ServiceCalendar,
  kind: ClockReading['kind'],
  targetMinutes: number | null,
  incident: Pick<IncidentTiming, 'reportedAt' | 'pauses'>,
  stoppedAt: number | null,
  options: ClockOptions,
): ClockReading {
  const threshold = options.atRiskShare ?? DEFAULT_AT_RISK_SHARE;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`atRiskShare 应在 (0, 1] 之间，收到 ${threshold}`);
  const until = stoppedAt ?? options.now;
  // A pause left open on a stopped clock ends when the clock stopped: it cannot move a deadline after the fact.
  const pauses = closedPauses(incident.pauses, stoppedAt ?? options.now);
  const paused =
    stoppedAt === null &&
    (incident.pauses ?? []).some(
      (pause) => pause.start <= options.now && (pause.end ?? Number.POSITIVE_INFINITY) > options.now,
    );
  const elapsedMinutes = serviceMinutesBetween(
    calendar,
    incident.reportedAt,
    Math.max(until, incident.reportedAt),
    pauses,
  );
  const target = positiveOrNull(targetMinutes);
  if (target === null) {
    return {
      kind,
      targetMinutes: null,
      deadline: null,
      status: 'n/a',
      stoppedAt,
      elapsedMinutes,
      remainingMinutes: null,
      usedShare: null,
      paused,
    };
  }
  const deadline = addServiceMinutes(calendar, incident.reportedAt, target, pauses);
  const usedShare = elapsedMinutes / target;
  let status: ClockStatus;
  if (stoppedAt !== null) status = stoppedAt <= deadline ? 'met' : 'breached';
  else if (options.now > deadline) status = 'breached';
  else status = usedShare >= threshold ? 'atRisk' : 'running';
  return {
    kind,
    targetMinutes: target,
    deadline,
    status,
    stoppedAt,
    elapsedMinutes,
    remainingMinutes: target - elapsedMinutes,
    usedShare,
    paused,
  };
}

// ---------------------------------------------------------------------------------------------
// Escalation

export const escalationTargets = {
  secondLine: { zh: '二线专家', en: 'Second-line expert' },
  pm: { zh: '项目经理', en: 'Project manager' },
  customer: { zh: '客户', en: 'Customer' },
};
export type EscalationTarget = keyof typeof escalationTargets;

export interface EscalationStep {
  to: EscalationTarget;
  /** How the step reads in the UI ("升级至二线专家"); defaults to the target's name. */
  label?: string;
  /** Service minutes after reportedAt. */
  afterMinutes: number;
}

/** The escalation part of a fault-grading definition: steps per priority. */
export type EscalationPolicy = Partial<Record<PriorityLevel, readonly EscalationStep[]>>;

/** A policy from a flat list of steps that each name their priority (a form's table); steps without minutes are left out. */
export function escalationPolicyFromSteps(
  steps: ReadonlyArray<{ priority: PriorityLevel; to: EscalationTarget; afterMinutes: number | null; label?: string }>,
): EscalationPolicy {
  const policy: Partial<Record<PriorityLevel, EscalationStep[]>> = {};
  for (const { priority, to, afterMinutes, label } of steps) {
    if (afterMinutes === null || !Number.isFinite(afterMinutes) || afterMinutes < 0) continue;
    (policy[priority] ??= []).push(label === undefined ? { to, afterMinutes } : { to, afterMinutes, label });
  }
  return policy;
}

export interface EscalationDue {
  step: EscalationStep;
  label: string;
  dueAt: number;
  /** The due time has come and the incident was not resolved at or before it. */
  reached: boolean;
  /** 'notNeeded': resolved at or before the due time. */
  state: 'reached' | 'pending' | 'notNeeded';
}

/** The escalation steps of the incident's priority with their due times, earliest first. */
export function escalationSchedule(
  calendar: ServiceCalendar,
  policy: EscalationPolicy,
  incident: IncidentTiming,
  options: Pick<ClockOptions, 'now'>,
): EscalationDue[] {
  const steps = policy[incident.priority] ?? [];
  const resolvedAt = incident.resolvedAt ?? null;
  const pauses = closedPauses(incident.pauses, resolvedAt ?? options.now);
  return steps
    .filter((step) => Number.isFinite(step.afterMinutes) && step.afterMinutes >= 0)
    .map((step) => {
      const dueAt = addServiceMinutes(calendar, incident.reportedAt, step.afterMinutes, pauses);
      const state: EscalationDue['state'] =
        resolvedAt !== null && resolvedAt <= dueAt ? 'notNeeded' : options.now >= dueAt ? 'reached' : 'pending';
      return {
        step,
        label: step.label?.trim() || escalationTargets[step.to].zh,
        dueAt,
        reached: state === 'reached',
        state,
      };
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}

// ---------------------------------------------------------------------------------------------

/**
 * Pauses as intervals the calendar can use. An open pause ends now (so the deadline is the one
 * that holds if the clock restarts now); recorded ends are kept as recorded.
 */
function closedPauses(pauses: readonly Pause[] | undefined, now: number): Interval[] {
  return (pauses ?? []).map((pause) => ({ start: pause.start, end: pause.end ?? Math.max(now, pause.start) }));
}

function positiveOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
