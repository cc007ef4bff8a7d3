import { z } from 'zod';
import { choice, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';

export const memberRoles = {
  pm: { zh: '项目经理', en: 'Project manager' },
  techLead: { zh: '技术负责人', en: 'Technical lead' },
  engineer: { zh: '一线工程师', en: 'First-line engineer' },
  expert: { zh: '二线专家', en: 'Second-line expert' },
  customerContact: { zh: '客户联系人', en: 'Customer contact' },
  /** Reads the project and writes nothing (an auditor, a customer's manager). */
  observer: { zh: '观察者', en: 'Observer' },
};
export type MemberRole = keyof typeof memberRoles;
/** The roles in the order people read them; also the server's membership roles (shared/roles.ts). */
export const memberRoleKeys = Object.keys(memberRoles) as [MemberRole, ...MemberRole[]];

export const memberFields = z.object({
  name: requiredText({ zh: '姓名', en: 'Name' }, 50),
  role: choice({ zh: '角色', en: 'Role' }, memberRoles, 'engineer'),
  organisation: optionalText({ zh: '单位', en: 'Organisation' }),
  phone: optionalPhone({ zh: '电话', en: 'Phone' }),
  email: optionalEmail({ zh: '邮箱', en: 'Email' }),
  duties: optionalText({ zh: '职责', en: 'Duties' }, 500),
  authority: optionalText({ zh: '权限', en: 'Authority' }, 500),
});
export type MemberFields = z.infer<typeof memberFields>;
