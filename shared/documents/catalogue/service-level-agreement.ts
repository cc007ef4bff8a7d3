import { priorityLevels } from '../../records/sla';
import { type DocumentCheck, documentCheck, type Gap, gap, missingOf } from '../checks';
import type { ProjectDocumentData } from '../data';

export const SERVICE_LEVEL_AGREEMENT_TITLE = '服务级别协议';

export type ServiceLevelAgreementData = Pick<ProjectDocumentData, 'project' | 'sla'>;

const gaps = {
  sla: gap('服务级别协议未填写', 'The service level agreement is not filled in'),
  level: (level: string) => gap(`SLA 未定义 ${level}`, `The SLA does not define ${level}`),
  definition: (level: string) => gap(`SLA 未写明 ${level} 的定义`, `The SLA does not state what ${level} means`),
  response: (level: string) => gap(`SLA 未定义 ${level} 的响应时限`, `The SLA has no response time for ${level}`),
  resolution: (level: string) => gap(`SLA 未定义 ${level} 的解决时限`, `The SLA has no resolution time for ${level}`),
  hours: gap('未设定每日服务时段', 'No daily service hours set'),
  customHours: gap('自定义服务时间未说明', 'The custom service hours are not described'),
  availability: gap('未设定可用性目标', 'No availability target'),
  availabilityTarget: (service: string) =>
    gap(`“${service}”未设定可用性目标值`, `“${service}” has no availability target value`),
  indicators: gap('未设定考核指标', 'No performance indicator'),
  measurement: (name: string) =>
    gap(`考核指标“${name}”未写明考核方式`, `Indicator “${name}” does not state how it is measured`),
  consequence: (name: string) =>
    gap(`考核指标“${name}”未写明未达标处理`, `Indicator “${name}” does not state what happens when it is missed`),
  customer: gap('未填写甲方签署人', 'No customer signatory'),
  provider: gap('未填写乙方签署人', 'No provider signatory'),
};
/** What the 服务级别协议 needs, check by check (阶段准备情况 ticks these). */
export function serviceLevelAgreementChecks(data: Pick<ServiceLevelAgreementData, 'sla'>): DocumentCheck[] {
  const sla = data.sla;
  const started = Boolean(sla);
  const hours = !sla
    ? [gaps.sla]
    : sla.serviceHours === '5x8' && (sla.workdays.length === 0 || !sla.dayStart || !sla.dayEnd)
      ? [gaps.hours]
      : sla.serviceHours === 'custom' && !sla.customHours.trim()
        ? [gaps.customHours]
        : [];
  const levels: Gap[] = [];
  const availability: Gap[] = [];
  const indicators: Gap[] = [];
  const signatories: Gap[] = [];
  if (sla) {
    for (const level of priorityLevels) {
      const target = sla.priorities.find((p) => p.level === level);
      if (!target) {
        levels.push(gaps.level(level));
        continue;
      }
      if (!target.definition.trim()) levels.push(gaps.definition(level));
      if (target.responseMinutes === null) levels.push(gaps.response(level));
      if (target.resolutionMinutes === null) levels.push(gaps.resolution(level));
    }
    if (sla.availability.length === 0) availability.push(gaps.availability);
    for (const a of sla.availability)
      if (a.targetPercent === null) availability.push(gaps.availabilityTarget(a.service));
    if (sla.indicators.length === 0) indicators.push(gaps.indicators);
    for (const i of sla.indicators) {
      if (!i.measurement.trim()) indicators.push(gaps.measurement(i.name));
      if (!i.consequence.trim() && !sla.penalties.trim()) indicators.push(gaps.consequence(i.name));
    }
    if (!sla.signatories.some((s) => s.side === 'customer')) signatories.push(gaps.customer);
    if (!sla.signatories.some((s) => s.side === 'provider')) signatories.push(gaps.provider);
  }
  return [
    documentCheck('已设定服务时间', 'Service hours set', hours),
    documentCheck(
      'P1–P4 均已定义，并有响应和解决时限',
      'P1–P4 defined, with response and resolution targets',
      levels,
      started && levels.length === 0,
    ),
    documentCheck('已设定可用性目标', 'Availability targets set', availability, started && availability.length === 0),
    documentCheck(
      '已设定考核指标及考核方式',
      'Indicators set, with how they are measured',
      indicators,
      started && indicators.length === 0,
    ),
    documentCheck(
      '甲乙双方签署人已填写',
      'Signatories of both parties named',
      signatories,
      started && signatories.length === 0,
    ),
  ];
}

export function serviceLevelAgreementMissing(data: ServiceLevelAgreementData): Gap[] {
  return missingOf(serviceLevelAgreementChecks(data));
}

export { gaps as serviceLevelAgreementGaps };
