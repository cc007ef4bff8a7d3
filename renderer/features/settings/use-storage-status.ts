import { useCallback, useEffect, useState } from 'react';

export interface StorageStatus {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** What the browser says about this origin's storage: usage, quota, and whether it may evict it. */
export function useStorageStatus(): { status: StorageStatus; requestPersist(): Promise<void> } {
  const [status, setStatus] = useState<StorageStatus>({});
  const refresh = useCallback(async () => {
    if (!navigator.storage) return;
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    setStatus({ usage: estimate.usage, quota: estimate.quota, persisted });
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return {
    status,
    requestPersist: async () => {
      await navigator.storage?.persist();
      await refresh();
    },
  };
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
