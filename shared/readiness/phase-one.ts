import type { Label } from '../records/fields';
import type { CharterFields } from '../records/charter';
import type { FeasibilityFields } from '../records/feasibility';
import type { MemberFields } from '../records/member';
import { type MilestoneFields, type PlanTaskFields, isMilestoneOverdue, isTaskOverdue } from '../records/plan';
import type { RequirementFields } from '../records/requirement';
import { type RiskFields, riskLevel } from '../records/risk';
import { type SlaFields, priorityLevels } from '../records/sla';

/** What phase 一 (and the 二.4 plan) has recorded, as the readiness checks read it. */
export interface PhaseOneData {
  members: Pick<MemberFields, 'role'>[];
  assetCount: number;
  surveySessionCount: number;
  requirements: Pick<RequirementFields, 'status' | 'acceptanceCriterion'>[];
  feasibility: Pick<FeasibilityFields, 'technicalConclusion' | 'teamConclusion' | 'resourceConclusion' | 'overallConclusion'> | null;
  risks: Pick<RiskFields, 'likelihood' | 'impact' | 'mitigation' | 'status'>[];
  sla: Pick<SlaFields, 'priorities' | 'availability' | 'signatories' | 'serviceHours'> | null;
  charter: Pick<CharterFields, 'objectives' | 'scopeIn' | 'communication'> | null;
  planTasks: Pick<PlanTaskFields, 'start' | 'end' | 'status'>[];
  milestones: Pick<MilestoneFields, 'dueDate' | 'status'>[];
}

export interface ReadinessCheck {
  ok: boolean;
  label: Label;
}

export interface DeliverableReadiness {
  deliverable: Label;
  /** The workspace page where the missing data is entered. */
  page: string;
  checks: ReadinessCheck[];
}

const check = (ok: boolean, zh: string, en: string): ReadinessCheck => ({ ok, label: { zh, en } });

/**
 * For each deliverable of phase 一, what is recorded and what is still missing, so a project
 * manager sees at a glance whether the phase can close.
 */
export function phaseOneReadiness(data: PhaseOneData, today: string): DeliverableReadiness[] {
  const confirmed = data.requirements.filter((r) => r.status === 'confirmed');
  const awaiting = data.requirements.filter((r) => r.status === 'pending' || r.status === 'changed');
  const sla = data.sla;
  const target = (level: string) => sla?.priorities.find((p) => p.level === level);
  const p1 = target('P1');
  const f = data.feasibility;
  const highRisks = data.risks.filter((r) => r.status !== 'closed' && riskLevel(r) === 'high');
  return [
    {
      deliverable: { zh: '需求规格说明书', en: 'Requirements specification' },
      page: 'requirements',
      checks: [
        check(data.surveySessionCount > 0, '至少一次调研记录', 'At least one survey session'),
        check(data.assetCount > 0, '运维对象清单不为空', 'The asset inventory is not empty'),
        check(data.requirements.length > 0, '已整理需求条目', 'Requirements are recorded'),
        check(confirmed.length > 0, '至少一条需求已经客户确认', 'At least one requirement is confirmed by the customer'),
        check(awaiting.length === 0, '没有等待确认的需求', 'No requirement awaits confirmation'),
      ],
    },
    {
      deliverable: { zh: '可行性评估与风险报告', en: 'Feasibility and risk report' },
      page: 'feasibility',
      checks: [
        check(Boolean(f && f.technicalConclusion !== 'unassessed' && f.teamConclusion !== 'unassessed' && f.resourceConclusion !== 'unassessed'), '技术、团队、资源均已给出结论', 'Technical, team and resource conclusions given'),
        check(Boolean(f && f.overallConclusion !== 'unassessed'), '已给出总体结论', 'Overall conclusion given'),
        check(data.risks.length > 0, '已登记风险', 'Risks are registered'),
        check(highRisks.every((r) => r.mitigation.trim() !== ''), '每个高风险都有应对措施', 'Every high risk has a mitigation'),
      ],
    },
    {
      deliverable: { zh: '项目章程', en: 'Project charter' },
      page: 'charter',
      checks: [
        check(Boolean(data.charter?.objectives.length), '已写明项目目标', 'Objectives stated'),
        check(Boolean(data.charter?.scopeIn.length), '已界定服务范围', 'Scope defined'),
        check(data.members.some((m) => m.role === 'pm'), '项目团队有项目经理', 'The team has a project manager'),
        check(Boolean(data.charter?.communication.length), '已制定沟通计划', 'Communication plan made'),
      ],
    },
    {
      deliverable: { zh: '服务级别协议', en: 'Service level agreement' },
      page: 'sla',
      checks: [
        check(Boolean(p1 && p1.responseMinutes !== null && p1.resolutionMinutes !== null), 'P1 已有响应和解决时限', 'P1 has response and resolution targets'),
        check(priorityLevels.every((level) => target(level)), 'P1–P4 均已定义', 'P1–P4 all defined'),
        check(Boolean(sla?.availability.length), '已设定可用性目标', 'Availability targets set'),
        check(Boolean(sla && sla.signatories.some((s) => s.side === 'customer') && sla.signatories.some((s) => s.side === 'provider')), '甲乙双方签署人已填写', 'Signatories of both parties named'),
      ],
    },
    {
      deliverable: { zh: '交付计划', en: 'Delivery plan' },
      page: 'plan',
      checks: [
        check(data.planTasks.some((t) => t.start && t.end), '已排定任务起止时间', 'Tasks are scheduled'),
        check(data.milestones.length > 0, '已设置里程碑', 'Milestones set'),
        check(!data.planTasks.some((t) => isTaskOverdue(t, today)) && !data.milestones.some((m) => isMilestoneOverdue(m, today)), '没有逾期的任务或里程碑', 'Nothing overdue'),
      ],
    },
  ];
}
