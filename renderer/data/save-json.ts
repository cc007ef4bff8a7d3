import type { DesktopApi } from '../../shared/desktop-api';

/** Saves data as a readable JSON file through the host (save dialog or download). */
export async function saveJson(api: DesktopApi, suggestedName: string, data: unknown) {
  const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2));
  return api.saveFile({ suggestedName, bytes, filters: [{ name: 'JSON', extensions: ['json'] }] });
}
