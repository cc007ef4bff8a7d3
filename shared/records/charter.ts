import { z } from 'zod';
import { choice, longText, objectList, optionalDate, optionalText, requiredText } from './fields';

export const communicationKinds = {
  meeting: { zh: '会议', en: 'Meeting' },
  report: { zh: '报告', en: 'Report' },
  channel: { zh: '沟通渠道', en: 'Channel' },
};

const listItem = (zh: string, en: string) => z.object({ text: requiredText({ zh, en }, 1000) });

const communication = z.object({
  kind: choice({ zh: '形式', en: 'Kind' }, communicationKinds, 'meeting'),
  name: requiredText({ zh: '名称', en: 'Name' }, 100),
  frequency: optionalText({ zh: '频率', en: 'Frequency' }, 50),
  participants: optionalText({ zh: '参与方/受众', en: 'Participants' }, 200),
  owner: optionalText({ zh: '负责人', en: 'Owner' }, 50),
  channel: optionalText({ zh: '方式/渠道', en: 'Medium' }, 100),
});

/** 项目章程: one per project (its id is the project's id). The team comes from 项目团队. */
export const charterFields = z.object({
  background: longText({ zh: '项目背景', en: 'Background' }),
  objectives: objectList({ zh: '项目目标', en: 'Objectives' }, listItem('目标', 'Objective'), 50),
  scopeIn: objectList({ zh: '范围内', en: 'In scope' }, listItem('范围内事项', 'In scope'), 100),
  scopeOut: objectList({ zh: '范围外', en: 'Out of scope' }, listItem('范围外事项', 'Out of scope'), 100),
  customerResponsibilities: objectList(
    { zh: '客户方职责', en: "Customer's responsibilities" },
    listItem('职责', 'Responsibility'),
    50,
  ),
  communication: objectList({ zh: '沟通计划', en: 'Communication plan' }, communication, 50),
  approvedBy: optionalText({ zh: '批准人', en: 'Approved by' }, 50),
  approvedAt: optionalDate({ zh: '批准日期', en: 'Approved on' }),
});
export type CharterFields = z.infer<typeof charterFields>;
