import { basename } from 'node:path';
import {
  accountSchema,
  externalUrlSchema,
  openFilesRequestSchema,
  saveFileRequestSchema,
  tokenSchema,
  type DesktopApi,
  type FileFilter,
} from '../shared/desktop-api';
import { settingsPatchSchema, settingsSchema, type Settings } from '../shared/settings';
import { parseArgument } from './parse-argument';
import { createRateLimit } from './rate-limit';
import type { SettingsStore } from './settings-store';
import type { TokenStore } from './token-store';

/**
 * One main-process function per DesktopApi method. The mapped type makes a missing, extra or
 * mistyped handler a compile error, the same way `satisfies DesktopApi` does in the preload.
 */
export type DesktopHandlers = {
  [K in keyof DesktopApi]: (...args: Parameters<DesktopApi[K]>) => ReturnType<DesktopApi[K]>;
};

/** Everything the handlers touch outside themselves, so they run in Node tests without Electron. */
export interface DesktopHandlerDeps {
  dialog: {
    showSaveDialog(options: {
      defaultPath: string;
      filters?: FileFilter[];
    }): Promise<{ canceled: boolean; filePath?: string }>;
    showOpenDialog(options: {
      properties: ('openFile' | 'multiSelections')[];
      filters?: FileFilter[];
    }): Promise<{ canceled: boolean; filePaths: string[] }>;
  };
  fs: {
    writeFile(path: string, data: Uint8Array): Promise<void>;
    readFile(path: string): Promise<Uint8Array>;
  };
  settings: SettingsStore;
  shell: { openExternal(url: string): Promise<void> };
  clock: { now(): number };
  tokens: TokenStore;
  appInfo: { version: string; dataLocation: string };
}

/** At most this many links per window of time go to the system browser (see rate-limit.ts). */
export const openExternalLimit = { max: 5, windowMs: 10_000 };

export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  const mayOpenExternal = createRateLimit({ ...openExternalLimit, now: () => deps.clock.now() });

  return {
    async getSettings() {
      return deps.settings.get();
    },

    async setSettings(rawPatch) {
      const patch = parseArgument('setSettings', settingsPatchSchema, rawPatch);
      const merged: Settings = { ...deps.settings.get(), ...patch };
      const next = settingsSchema.parse(merged);
      deps.settings.set(next);
      return next;
    },

    async saveFile(rawRequest) {
      const request = parseArgument('saveFile', saveFileRequestSchema, rawRequest);
      const choice = await deps.dialog.showSaveDialog({
        defaultPath: request.suggestedName,
        ...(request.filters ? { filters: request.filters } : {}),
      });
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      await deps.fs.writeFile(choice.filePath, request.bytes);
      return { status: 'saved', path: choice.filePath };
    },

    async openFiles(rawRequest) {
      const request = parseArgument('openFiles', openFilesRequestSchema, rawRequest);
      const choice = await deps.dialog.showOpenDialog({
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(request.filters ? { filters: request.filters } : {}),
      });
      if (choice.canceled) return [];
      const files = [];
      // One at a time: imports can be large, reading them all at once doubles the peak memory.
      for (const path of choice.filePaths) {
        const bytes = await deps.fs.readFile(path);
        // A plain Uint8Array (not a Node Buffer view into a shared pool) crosses IPC cleanly.
        files.push({ name: basename(path), bytes: new Uint8Array(bytes) });
      }
      return files;
    },

    async getAppInfo() {
      return { host: 'electron', ...deps.appInfo };
    },

    async openExternal(rawUrl) {
      const url = parseArgument('openExternal', externalUrlSchema, rawUrl);
      if (!mayOpenExternal()) {
        throw new Error('openExternal: too many links opened at once, try again in a few seconds');
      }
      await deps.shell.openExternal(url);
    },

    async getToken(rawAccount) {
      return deps.tokens.get(parseArgument('getToken', accountSchema, rawAccount));
    },

    async setToken(rawAccount, rawToken) {
      const account = parseArgument('setToken', accountSchema, rawAccount);
      const token = parseArgument('setToken', tokenSchema, rawToken);
      return deps.tokens.set(account, token);
    },

    async deleteToken(rawAccount) {
      await deps.tokens.delete(parseArgument('deleteToken', accountSchema, rawAccount));
    },
  };
}
