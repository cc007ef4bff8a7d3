import { filesNeeded, type DocumentPeriod, type ProjectDocumentData, documentTypes } from '../../../shared/documents';
import { baselineDrift } from '../../../shared/documents/parts/baseline-drift';
import {
  joinInspections,
  answerText,
  passRate,
  emptyCounts,
  addCounts,
} from '../../../shared/documents/parts/inspection-data';
import { baselineReportFiles } from '../../../shared/documents/parts/baseline-findings';
import { openChanges, openIncidents, openNonConformities } from '../../../shared/documents/parts/open-items';
import { patrolDates, patrolEntriesIn, readingRows } from '../../../shared/documents/parts/patrol-data';
import {
  dailyCompletion,
  metricTrends,
  planExecution,
  shiftsPerDay,
} from '../../../shared/documents/parts/patrol-statistics';
import { periodDays } from '../../../shared/documents/parts/period';
import {
  anomaliesOf,
  carryForward,
  checkMetricDef,
  detectDrift,
  escalationPolicyFromSteps,
  escalationSchedule,
  evaluateEntry,
  evaluateMetric,
  incidentClocks,
  incidentFromAnomaly,
  incidentTimingFromFields,
  metricDefsFor,
  missingToLeave,
  monthlyAvailability,
  monthlyCompliance,
  nextChangeStates,
  outagesOf,
  parseMetricNumber,
  serviceCalendar,
} from '../../../shared/operations';
import { phaseOneReadiness } from '../../../shared/readiness/phase-one';
import type { RowOf } from '../../../shared/records';
import { slaFields } from '../../../shared/records/sla';
import { isRectificationOverdue } from '../../../shared/records/inspection';
import { isMilestoneOverdue, isTaskOverdue } from '../../../shared/records/plan';
import { riskLevel } from '../../../shared/records/risk';
import type { FieldbookDb } from '../../../renderer/data/db';
import { describeRule, formatAnswer, verdictOf } from '../../../renderer/features/deployment/inspections/rules';
import { progressOf } from '../../../renderer/features/deployment/inspections/inspection-queries';
import { assetHistory, completionByDay, roundView } from '../../../renderer/features/operations/patrol-queries';
import { previousRound, roundKey } from '../../../renderer/features/operations/patrol-rounds';

/**
 * Every count, readiness check and statistic the screens and documents compute from a
 * project's rows, called the way the screens call them (ReadinessPage, CompliancePage,
 * IncidentsPage, TrendsPage, PatrolRoundPage, InspectionsPage, NonconformitiesPage,
 * RiskMatrix, PlanTimeline, ChangesPage). Returns nothing: what matters is that none throws.
 */
export async function computeEveryFigure(
  db: FieldbookDb,
  data: ProjectDocumentData,
  period: DocumentPeriod,
  now: number,
): Promise<void> {
  const today = period.to;
  const month = period.from.slice(0, 7);

  // 一: ReadinessPage, RiskMatrix, PlanTimeline.
  phaseOneReadiness({ ...data, assetCount: data.assets.length }, today);
  data.risks.forEach((risk) => riskLevel(risk));
  data.planTasks.forEach((task) => isTaskOverdue(task, today));
  data.milestones.forEach((milestone) => isMilestoneOverdue(milestone, today));

  // 三: InspectionsPage (progress), InspectionRunner (verdicts), NonconformitiesPage, the report's joins.
  // The rows came from the database (loadDocumentData), so they are whole stored rows.
  await progressOf(db, (data.inspections ?? []) as RowOf<'inspections'>[]);
  const joined = joinInspections(data);
  let total = emptyCounts();
  for (const inspection of joined.inspections) {
    total = addCounts(total, inspection.counts);
    for (const section of inspection.sections) {
      for (const checked of section.items) {
        describeRule(checked.item);
        answerText(checked.item, checked.result?.value ?? null, checked.result?.photos);
        if (checked.result)
          verdictOf(checked.item, {
            value: checked.result.value,
            verdict: checked.result.verdict,
            photos: checked.result.photos,
          });
      }
    }
  }
  passRate(total);
  openNonConformities(data);
  baselineReportFiles(data);
  (data.inspectionResults ?? []).forEach((result) => formatAnswer(result.value));
  (data.rectifications ?? []).forEach((rectification) => isRectificationOverdue(rectification, today));
  for (const type of documentTypes) filesNeeded(type.key, data);

  // 四: CompliancePage and IncidentsPage (SLA clocks, escalation).
  const sla = slaFields.parse(data.sla ?? {});
  const calendar = serviceCalendar(sla);
  const incidents = data.incidents ?? [];
  const timings = incidents.flatMap((incident) => {
    const timing = incidentTimingFromFields(incident);
    return timing ? [timing] : [];
  });
  const policy = escalationPolicyFromSteps(data.serviceDesign?.escalation ?? []);
  for (const timing of timings) {
    incidentClocks(calendar, sla, timing, { now });
    escalationSchedule(calendar, policy, timing, { now });
  }
  monthlyCompliance(calendar, sla, timings, { now, months: [month] });
  monthlyAvailability(sla, outagesOf(incidents, data.changeRecords ?? []), [month], { now });
  openIncidents(data.incidents);
  openChanges(data.changeRecords);

  // ChangesPage: what each change still needs and where it may go.
  for (const change of data.changeRecords ?? []) {
    missingToLeave(change, change.state);
    nextChangeStates(change.type, change.state);
  }

  // PatrolRoundPage and TrendsPage: metric definitions, cell verdicts, anomalies, carry-forward, drift.
  const design = data.serviceDesign ?? null;
  const rules = (design?.faultGrading ?? []).map((g) => ({ ...g, assetCriticality: g.assetCriticality || undefined }));
  const shifts = (design?.shifts ?? []).map((shift) => shift.name);
  for (const plan of data.patrolPlans ?? []) {
    const round = roundKey(plan.frequency, today, shifts[0] ?? '白班');
    const view = await roundView(db, plan, round, previousRound(plan.frequency, today, shifts[0] ?? '白班', shifts));
    await completionByDay(db, plan.id, month);
    for (const asset of view.assets) {
      const all = metricDefsFor(asset.type, design);
      const defs = plan.metricKeys.length ? all.filter((def) => plan.metricKeys.includes(def.key)) : all;
      defs.forEach((def) => checkMetricDef(def));
      const entry = view.entries.get(asset.id);
      const previous = view.previous.get(asset.id);
      carryForward(
        previous?.readings ?? null,
        entry?.readings ?? {},
        defs.map((def) => def.key),
      );
      for (const def of defs) evaluateMetric(def, entry?.readings[def.key]?.value ?? null);
      for (const anomaly of anomaliesOf(evaluateEntry(defs, entry?.readings ?? {}))) {
        incidentFromAnomaly({ name: asset.hostname || asset.name, criticality: asset.criticality }, anomaly, { rules });
      }
    }
  }
  for (const asset of data.assets) {
    const history = await assetHistory(db, asset.id, period.from);
    const latest = [...history].sort((a, b) => b.date.localeCompare(a.date))[0];
    for (const entry of history) for (const reading of Object.values(entry.readings)) parseMetricNumber(reading.value);
    if (latest)
      detectDrift(
        {},
        Object.fromEntries(Object.entries(latest.readings).map(([key, reading]) => [key, reading.value])),
      );
  }

  // The 巡检月报's statistics over the period.
  const entries = patrolEntriesIn(data, period);
  const readingsOf = (j: (typeof entries)[number]) => readingRows(j.entry, metricDefsFor(j.asset.type, design));
  const executions = planExecution(data, period, entries);
  dailyCompletion(executions, entries, readingsOf, shiftsPerDay(design));
  metricTrends(entries, readingsOf, periodDays(period), { maxCharts: 6, maxSeries: 8 });
  baselineDrift(data, entries, (type) => metricDefsFor(type, design));
  patrolDates(data);
}
