import { readFile, writeFile } from 'node:fs/promises';
import type { DesktopHandlerDeps } from '../../main/ipc-handlers';
import type { SettingsStore } from '../../main/settings-store';
import type { TokenStore } from '../../main/token-store';
import { defaultSettings, type Settings } from '../../shared/settings';

/** Handler dependencies for tests: real node:fs, fakes for everything that needs Electron. */
export function fakeDeps(overrides: Partial<DesktopHandlerDeps> = {}) {
  const calls = {
    saveDialog: [] as unknown[],
    openDialog: [] as unknown[],
    openExternal: [] as string[],
  };
  let stored: Settings = { ...defaultSettings };
  const settings: SettingsStore = {
    get: () => ({ ...stored }),
    set: (next) => {
      stored = { ...next };
    },
  };
  const tokenMap = new Map<string, string>();
  const tokens: TokenStore = {
    get: async (account) => tokenMap.get(account) ?? null,
    set: async (account, token) => {
      tokenMap.set(account, token);
      return 'keychain';
    },
    delete: async (account) => {
      tokenMap.delete(account);
    },
  };
  let now = 1_000_000;
  const deps: DesktopHandlerDeps = {
    dialog: {
      showSaveDialog: async (options) => {
        calls.saveDialog.push(options);
        return { canceled: true };
      },
      showOpenDialog: async (options) => {
        calls.openDialog.push(options);
        return { canceled: true, filePaths: [] };
      },
    },
    fs: { writeFile: (path, data) => writeFile(path, data), readFile: (path) => readFile(path) },
    settings,
    shell: {
      openExternal: async (url) => {
        calls.openExternal.push(url);
      },
    },
    clock: { now: () => now },
    tokens,
    appInfo: { version: '9.9.9', dataLocation: '/home/someone/.config/Fieldbook' },
    ...overrides,
  };
  return {
    deps,
    calls,
    tokenMap,
    stored: () => stored,
    advanceClock: (ms: number) => {
      now += ms;
    },
  };
}
