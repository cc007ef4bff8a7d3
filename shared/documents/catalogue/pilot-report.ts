import { type Gap, gap } from '../checks';
import type { PilotRunFields } from '../../records/deployment';
import { live, type ProjectDocumentData, type Row } from '../data';

export const PILOT_REPORT_TITLE = '试点运行报告';

export type PilotReportData = Pick<ProjectDocumentData, 'project' | 'members' | 'assets' | 'pilotRuns'> &
  Partial<Pick<ProjectDocumentData, 'sla'>>;

const gaps = {
  pilots: gap('没有试点运行记录', 'No pilot run'),
  period: (name: string) => gap(`试点“${name}”缺少起止日期`, `Pilot “${name}” has no start and end dates`),
  scope: (name: string) => gap(`试点“${name}”未选择试点范围`, `Pilot “${name}” has no scope selected`),
  scenarios: (name: string) => gap(`试点“${name}”未填写试点场景`, `Pilot “${name}” has no scenarios`),
  indicators: (name: string) => gap(`试点“${name}”没有指标表现记录`, `Pilot “${name}” has no indicator results`),
  conclusion: (name: string) => gap(`试点“${name}”未给出结论`, `Pilot “${name}” has no conclusion`),
};
export function inOrder(pilots: Row<PilotRunFields>[] | undefined): Row<PilotRunFields>[] {
  return [...live(pilots)].sort((a, b) => (a.start || '9999').localeCompare(b.start || '9999'));
}

export function pilotReportMissing(data: PilotReportData): Gap[] {
  const pilots = inOrder(data.pilotRuns);
  if (pilots.length === 0) return [gaps.pilots];
  const missing: Gap[] = [];
  for (const p of pilots) {
    if (!p.start || !p.end) missing.push(gaps.period(p.name));
    if (p.systems.length === 0) missing.push(gaps.scope(p.name));
    if (!p.scenarios.trim()) missing.push(gaps.scenarios(p.name));
    if (p.indicators.length === 0) missing.push(gaps.indicators(p.name));
    if (p.conclusion === 'pending') missing.push(gaps.conclusion(p.name));
  }
  return missing;
}

export { gaps as pilotReportGaps };
