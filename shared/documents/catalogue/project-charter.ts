import { type DocumentCheck, documentCheck, type Gap, gap, missingOf } from '../checks';
import { live, type ProjectDocumentData } from '../data';

export const PROJECT_CHARTER_TITLE = '项目章程';

export type ProjectCharterData = Pick<ProjectDocumentData, 'project' | 'members' | 'charter'>;

const gaps = {
  charter: gap('项目章程未填写', 'The project charter is not filled in'),
  background: gap('项目背景未填写', 'The project background is not filled in'),
  objectives: gap('项目目标未填写', 'The project objectives are not filled in'),
  scopeIn: gap('服务范围（范围内事项）未填写', 'The service scope (in scope) is not filled in'),
  members: gap('项目团队（乙方）没有成员', 'The project team (provider) has no member'),
  pm: gap('项目团队没有项目经理', 'The project team has no project manager'),
  communication: gap('沟通计划未制定', 'No communication plan'),
};
/** What the 项目章程 needs, check by check (阶段准备情况 ticks these). */
export function projectCharterChecks(data: ProjectCharterData): DocumentCheck[] {
  const c = data.charter;
  const team = live(data.members).filter((m) => m.role !== 'customerContact');
  const written = (list: readonly unknown[] | undefined, missing: Gap) => (c && !list?.length ? [missing] : []);
  return [
    documentCheck(
      '已写明项目背景',
      'Background written',
      c ? (c.background.trim() ? [] : [gaps.background]) : [gaps.charter],
    ),
    documentCheck(
      '已写明项目目标',
      'Objectives stated',
      written(c?.objectives, gaps.objectives),
      Boolean(c?.objectives.length),
    ),
    documentCheck('已界定服务范围', 'Scope defined', written(c?.scopeIn, gaps.scopeIn), Boolean(c?.scopeIn.length)),
    documentCheck(
      '项目团队有项目经理',
      'The team has a project manager',
      team.length === 0 ? [gaps.members] : team.some((m) => m.role === 'pm') ? [] : [gaps.pm],
    ),
    documentCheck(
      '已制定沟通计划',
      'Communication plan made',
      written(c?.communication, gaps.communication),
      Boolean(c?.communication.length),
    ),
  ];
}

export function projectCharterMissing(data: ProjectCharterData): Gap[] {
  return missingOf(projectCharterChecks(data));
}

export { gaps as projectCharterGaps };
