import type { ParseKeys } from 'i18next';
import type { ProjectPhase } from '../../shared/records/project';

/**
 * The project workspace's pages, grouped by the phase of the process they belong to. Only what
 * exists is listed: a phase without pages does not appear in the navigation.
 */
export interface WorkspacePage {
  path: string;
  /** i18n key of the page's name (typed: a key missing from zh-CN.ts fails the typecheck). */
  titleKey: ParseKeys;
  /** 'project': about the whole project, above the phases; 'tools': below them. */
  group: ProjectPhase | 'project' | 'tools';
}

export const workspacePages: WorkspacePage[] = [
  { path: 'overview', titleKey: 'nav.overview', group: 'project' },
  { path: 'readiness', titleKey: 'nav.readiness', group: 'project' },
  { path: 'survey', titleKey: 'nav.survey', group: 'initiation' },
  { path: 'stakeholders', titleKey: 'nav.stakeholders', group: 'initiation' },
  { path: 'requirements', titleKey: 'nav.requirements', group: 'initiation' },
  { path: 'assets', titleKey: 'nav.assets', group: 'initiation' },
  { path: 'feasibility', titleKey: 'nav.feasibility', group: 'initiation' },
  { path: 'sla', titleKey: 'nav.sla', group: 'initiation' },
  { path: 'charter', titleKey: 'nav.charter', group: 'initiation' },
  { path: 'plan', titleKey: 'nav.plan', group: 'design' },
  { path: 'templates', titleKey: 'nav.templates', group: 'design' },
  { path: 'service-design', titleKey: 'nav.serviceDesign', group: 'design' },
  { path: 'patrol-plans', titleKey: 'nav.patrolPlans', group: 'design' },
  { path: 'inspections', titleKey: 'nav.inspections', group: 'deployment' },
  { path: 'nonconformities', titleKey: 'nav.nonconformities', group: 'deployment' },
  { path: 'training', titleKey: 'nav.training', group: 'deployment' },
  { path: 'pilot', titleKey: 'nav.pilot', group: 'deployment' },
  { path: 'cutover', titleKey: 'nav.cutover', group: 'deployment' },
  { path: 'patrol', titleKey: 'nav.patrol', group: 'operations' },
  { path: 'incidents', titleKey: 'nav.incidents', group: 'operations' },
  { path: 'changes', titleKey: 'nav.changes', group: 'operations' },
  { path: 'ops-log', titleKey: 'nav.opsLog', group: 'operations' },
  { path: 'trends', titleKey: 'nav.trends', group: 'operations' },
  { path: 'compliance', titleKey: 'nav.compliance', group: 'operations' },
  { path: 'deliverables', titleKey: 'nav.deliverables', group: 'tools' },
  { path: 'sync', titleKey: 'sync.page', group: 'tools' },
];
