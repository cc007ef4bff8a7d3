import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../data/attachments';
import type { SyncStatus } from '../data/sync/sync-service';

/** The last sync failure in the UI language: the server's attachment quota is told with its figures, anything else as the sync layer worded it. */
export function useSyncErrorText(status: SyncStatus): string | undefined {
  const { t } = useTranslation();
  if (status.quotaExceeded) {
    const { usedBytes, quotaBytes, neededBytes } = status.quotaExceeded;
    return t('sync.serverErrors.quotaExceeded', {
      used: formatFileSize(usedBytes),
      quota: formatFileSize(quotaBytes),
      needed: formatFileSize(neededBytes),
    });
  }
  return status.error;
}
