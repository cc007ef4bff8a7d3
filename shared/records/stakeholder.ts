import { z } from 'zod';
import { choice, longText, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';

export const influenceLevels = {
  high: { zh: '高', en: 'High' },
  medium: { zh: '中', en: 'Medium' },
  low: { zh: '低', en: 'Low' },
};

export const stances = {
  supportive: { zh: '支持', en: 'Supportive' },
  neutral: { zh: '中立', en: 'Neutral' },
  resistant: { zh: '有顾虑', en: 'Resistant' },
};

/** 干系人与联系人 of the customer. */
export const stakeholderFields = z.object({
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  organisation: optionalText({ zh: '单位/部门', en: 'Organisation' }),
  title: optionalText({ zh: '职务/角色', en: 'Role' }, 100),
  phone: optionalPhone({ zh: '电话', en: 'Phone' }),
  email: optionalEmail({ zh: '邮箱', en: 'Email' }),
  influence: choice({ zh: '影响力', en: 'Influence' }, influenceLevels, 'medium'),
  stance: choice({ zh: '态度', en: 'Stance' }, stances, 'neutral'),
  concerns: longText({ zh: '关注点', en: 'Concerns' }),
});
export type StakeholderFields = z.infer<typeof stakeholderFields>;
