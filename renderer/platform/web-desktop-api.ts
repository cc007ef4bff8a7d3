import {
  type AppInfo,
  type DesktopApi,
  type OpenedFile,
  type SaveFileResult,
  accountSchema,
  externalUrlSchema,
  openFilesRequestSchema,
  saveFileRequestSchema,
  tokenSchema,
} from '../../shared/desktop-api';
import { type Settings, coerceSettings, settingsPatchSchema } from '../../shared/settings';

const SETTINGS_KEY = 'fieldbook.settings';

/**
 * DesktopApi for a plain browser: the same contract the Electron preload implements, with the
 * browser's means. Settings in localStorage, saving as a download, opening through a file input.
 */
export function createWebDesktopApi(appVersion: string): DesktopApi {
  // The browser has no keychain: a sync token lives in sessionStorage, so it survives a reload
  // but is gone when the tab closes.
  const tokenKey = (account: string) => `fieldbook.token.${accountSchema.parse(account)}`;

  function readSettings(): Settings {
    try {
      return coerceSettings(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}'));
    } catch {
      return coerceSettings({});
    }
  }

  return {
    async getSettings() {
      return readSettings();
    },
    async setSettings(patch) {
      const valid = settingsPatchSchema.parse(patch);
      const next = { ...readSettings(), ...valid };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    async saveFile(request): Promise<SaveFileResult> {
      const { suggestedName, bytes } = saveFileRequestSchema.parse(request);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        link.style.display = 'none';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Give the download a moment to start before the blob goes away.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { status: 'saved', path: suggestedName };
    },
    async openFiles(request): Promise<OpenedFile[]> {
      const { filters, multiple } = openFilesRequestSchema.parse(request);
      const files = await pickFiles(
        filters?.flatMap((f) => f.extensions.map((ext) => `.${ext}`)) ?? [],
        multiple ?? false,
      );
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
    },
    async getAppInfo(): Promise<AppInfo> {
      return { host: 'web', version: appVersion, dataLocation: `IndexedDB · ${location.origin}` };
    },
    async openExternal(url) {
      window.open(externalUrlSchema.parse(url), '_blank', 'noopener,noreferrer');
    },
    async getToken(account) {
      return sessionStorage.getItem(tokenKey(account));
    },
    async setToken(account, token) {
      sessionStorage.setItem(tokenKey(account), tokenSchema.parse(token));
      return 'browser';
    },
    async deleteToken(account) {
      sessionStorage.removeItem(tokenKey(account));
    },
  } satisfies DesktopApi;
}

function pickFiles(accept: string[], multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}
