import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { unsentCount } from '../data/outbox';
import type { SyncStatus } from '../data/sync/sync-service';
import { useServices } from './services';

export function useSyncStatus(): SyncStatus {
  const { sync } = useServices();
  return useSyncExternalStore(sync.subscribe, sync.getStatus);
}

/** How many changes wait to be sent to the server. */
export function useUnsentCount(projectId?: string): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => unsentCount(db, projectId), [projectId]);
}
