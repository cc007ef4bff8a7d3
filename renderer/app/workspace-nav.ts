import type { ProjectPhase } from '../../shared/records/project';

/**
 * The project workspace's pages, grouped by the phase of the process they belong to. Only what
 * exists is listed: a phase without pages does not appear in the navigation.
 */
export interface WorkspacePage {
  path: string;
  /** i18n key of the page's name. */
  titleKey: string;
  /** null: about the whole project, shown above the phases. */
  phase: ProjectPhase | null;
}

export const workspacePages: WorkspacePage[] = [
  { path: 'overview', titleKey: 'nav.overview', phase: null },
  { path: 'assets', titleKey: 'nav.assets', phase: 'initiation' },
  { path: 'sync', titleKey: 'sync.page', phase: null },
];
