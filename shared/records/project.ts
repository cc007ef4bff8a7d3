import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone, type TimeZone } from '../date-time';
import { classifications } from './classification';
import { choice, optionalDate, optionalText, requiredText, longText, timeZoneName } from './fields';
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
  timeZone: timeZoneName(
    { zh: '项目时区', en: 'Project time zone' },
    {
      zh: '“今天”、SLA 计时和录入的时间都按此时区计算，与本机时区无关',
      en: '"Today", SLA clocks and the times entered are read in this zone, whatever the computer\'s own zone',
    },
  ),
  documentNumberPattern: optionalText({ zh: '文档编号规则', en: 'Document number scheme' }, 100).meta({
    label: { zh: '文档编号规则', en: 'Document number scheme' },
    widget: 'text',
    placeholder: { zh: '{项目编号}-{文档代码}-{期间}', en: '{项目编号}-{文档代码}-{期间}' },
    help: {
      zh: '可用 {项目编号} {文档代码} {期间} {年}；留空即 {项目编号}-{文档代码}-{期间}，如 JNB-OPS-2026-PMR-202603；没有期间的文档省去 -{期间}',
      en: 'Tokens {项目编号} (project code), {文档代码} (document code), {期间} (period), {年} (year); empty means {项目编号}-{文档代码}-{期间}, e.g. JNB-OPS-2026-PMR-202603; a document without a period drops -{期间}',
    },
  }),
  documentClassification: choice({ zh: '文档密级', en: 'Document classification' }, classifications, 'internal').meta({
    label: { zh: '文档密级', en: 'Document classification' },
    options: classifications,
    widget: 'choice',
    help: {
      zh: '封面上的密级：项目章程、计划、方案、巡检与变更记录等',
      en: 'The classification on the cover of the charter, plans, designs, patrol and change records',
    },
  }),
  sensitiveDocumentClassification: choice(
    { zh: '敏感文档密级', en: 'Sensitive document classification' },
    classifications,
    'secret',
  ).meta({
    label: { zh: '敏感文档密级', en: 'Sensitive document classification' },
    options: classifications,
    widget: 'choice',
    help: {
      zh: '列出 IP 地址清单、配置缺陷或应急操作的文档：需求规格说明书、运维操作手册、配置基线检查报告、试点运行报告、交接文档',
      en: 'Documents listing IP addresses, configuration weaknesses or emergency procedures: requirements specification, operations manual, baseline report, pilot report, handover',
    },
  }),
  description: longText({ zh: '项目简介', en: 'Description' }),
});
export type ProjectFields = z.infer<typeof projectFields>;

/**
 * The zone a project's dates and times are in: its timeZone, or Asia/Shanghai for a project
 * without one (rows written before the field existed) or with one this runtime does not know.
 */
export function projectTimeZone(project: { timeZone?: string } | null | undefined): TimeZone {
  const zone = project?.timeZone;
  return zone && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

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
