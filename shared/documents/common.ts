import { memberRoles, type MemberFields } from '../records/member';
import { type ProjectFields, serviceHoursOptions, serviceModes } from '../records/project';
import { serviceHoursLabel } from './house-style';
import type { Paragraph, Table } from 'docx';
import type { Row } from './data';
import { live } from './data';
import type { DocumentContext } from './kit/context';
import { signOffBlock } from './kit/sign-off';

/** 驻场服务，服务时间 7×24 (with the note for custom hours). */
export function serviceDescription(
  project: Pick<ProjectFields, 'serviceMode' | 'serviceHours' | 'serviceHoursNote'>,
): string {
  const hours =
    project.serviceHours === 'custom'
      ? project.serviceHoursNote || serviceHoursOptions.custom.zh
      : serviceHoursLabel(project.serviceHours);
  return `${serviceModes[project.serviceMode].zh}服务，服务时间 ${hours}`;
}

/** 2026-01-01 至 2028-12-31, or what is known of it. */
export function projectPeriod(project: Pick<ProjectFields, 'startDate' | 'endDate'>): string {
  if (project.startDate && project.endDate) return `${project.startDate} 至 ${project.endDate}`;
  if (project.startDate) return `自 ${project.startDate} 起`;
  if (project.endDate) return `至 ${project.endDate}`;
  return '';
}

export function roleLabel(role: MemberFields['role']): string {
  return memberRoles[role].zh;
}

/** The first live member with the role, e.g. the project manager who signs for 乙方. */
export function firstWithRole(members: Row<MemberFields>[], role: MemberFields['role']): Row<MemberFields> | undefined {
  return live(members).find((m) => m.role === role);
}

/**
 * The provider's company as the team records it: the organisation of the project manager (or
 * of any team member). The cover and 乙方 sign-off use DocumentMeta.company; this is a default.
 */
export function providerOrganisation(members: Row<MemberFields>[]): string {
  const team = live(members).filter((m) => m.role !== 'customerContact');
  return (team.find((m) => m.role === 'pm') ?? team.find((m) => m.organisation))?.organisation ?? '';
}

/**
 * The 甲方/乙方 sign-off most deliverables end with: the customer's contact signs for 甲方, the
 * project manager (with the role as title, unless `providerTitle` is false) for 乙方.
 */
export function projectSignOff(
  ctx: DocumentContext,
  statement: string,
  parties: { customer: string; company: string; members: Row<MemberFields>[] },
  options: { providerTitle?: boolean } = {},
): Array<Paragraph | Table> {
  const customerContact = firstWithRole(parties.members, 'customerContact');
  const pm = firstWithRole(parties.members, 'pm');
  return signOffBlock(
    ctx,
    statement,
    [
      { side: 'customer', organisation: parties.customer, name: customerContact?.name ?? '' },
      {
        side: 'provider',
        organisation: parties.company,
        name: pm?.name ?? '',
        ...(options.providerTitle === false ? {} : { title: pm ? roleLabel(pm.role) : '' }),
      },
    ],
    { customer: parties.customer, provider: parties.company },
  );
}
