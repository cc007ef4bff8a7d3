import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../data/sync/sync-service';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The last sync failure in the UI language: the server's attachment quota is told with its figures, anything else as the sync layer worded it. */
export function useSyncErrorText(status: SyncStatus): string | undefined {
  const { t } = useTranslation();
  if (status.quotaExceeded) {
    const { usedBytes, quotaBytes, neededBytes } = status.quotaExceeded;
    return t('sync.serverErrors.quotaExceeded', { used: mb(usedBytes), quota: mb(quotaBytes), needed: mb(neededBytes) });
  }
  return status.error;
}
