import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import type { RowOf } from '../../../shared/records';
import { useServices } from '../../app/services';

/** The project of the current route (undefined while loading, null when it does not exist). */
export function useCurrentProject(): RowOf<'projects'> | null | undefined {
  const { projectId } = useParams();
  const { db } = useServices();
  return useLiveQuery(async () => {
    const project = projectId ? await db.projects.get(projectId) : undefined;
    return project && !project.deleted ? project : null;
  }, [projectId]);
}
