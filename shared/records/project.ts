import { z } from 'zod';
import { choice, optionalDate, optionalText, requiredText, longText } from './fields';
import type { FieldIssue } from './record-type';

export const serviceModes = {
  onsite: { zh: '驻场', en: 'On-site' },
  remote: { zh: '远程', en: 'Remote' },
  hybrid: { zh: '混合', en: 'Hybrid' },
};

export const serviceHoursOptions = {
  '7x24': { zh: '7x24', en: '7x24' },
  '5x8': { zh: '5x8', en: '5x8' },
  custom: { zh: '自定义', en: 'Custom' },
};

/** The four phases of the service process (process-standard.zh.md 一 to 四). */
export const projectPhases = {
  initiation: { zh: '一 项目启动与需求分析', en: '1 Initiation & requirements' },
  design: { zh: '二 服务设计与规划', en: '2 Service design & planning' },
  deployment: { zh: '三 服务部署与实施', en: '3 Deployment & implementation' },
  operations: { zh: '四 服务运营与交付', en: '4 Operations & delivery' },
};
export type ProjectPhase = keyof typeof projectPhases;

export const projectFields = z.object({
  code: requiredText({ zh: '项目编号', en: 'Project code' }, 50),
  name: requiredText({ zh: '项目名称', en: 'Project name' }),
  customer: requiredText({ zh: '客户', en: 'Customer' }),
  contractNo: optionalText({ zh: '合同编号', en: 'Contract no.' }, 100),
  serviceMode: choice({ zh: '服务模式', en: 'Service mode' }, serviceModes, 'onsite'),
  serviceHours: choice({ zh: '服务时间', en: 'Service hours' }, serviceHoursOptions, '5x8'),
  serviceHoursNote: optionalText({ zh: '服务时间说明', en: 'Service hours note' }),
  startDate: optionalDate({ zh: '开始日期', en: 'Start date' }),
  endDate: optionalDate({ zh: '结束日期', en: 'End date' }),
  phase: choice({ zh: '当前阶段', en: 'Current phase' }, projectPhases, 'initiation'),
  description: longText({ zh: '项目简介', en: 'Description' }),
});
export type ProjectFields = z.infer<typeof projectFields>;

export function projectRules(project: ProjectFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (project.startDate && project.endDate && project.endDate < project.startDate) {
    issues.push({ field: 'endDate', message: '结束日期不能早于开始日期' });
  }
  if (project.serviceHours === 'custom' && !project.serviceHoursNote) {
    issues.push({ field: 'serviceHoursNote', message: '自定义服务时间请写明时段' });
  }
  return issues;
}
