import { readFile, writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron';
import type { DesktopHandlerDeps } from './ipc-handlers';
import { openSettingsStore, openTokenBacking } from './persistent-stores';
import { createTokenStore } from './token-store';

/** The real Electron implementations behind the IPC handlers. Call after the app is ready. */
export function createElectronDeps(log: (message: string) => void): DesktopHandlerDeps {
  return {
    dialog: {
      // Attached to the focused window so the dialog is modal to it, not a free-floating one.
      showSaveDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow();
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
      },
      showOpenDialog: (options) => {
        const parent = BrowserWindow.getFocusedWindow();
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
      },
    },
    fs: { writeFile: (path, data) => writeFile(path, data), readFile: (path) => readFile(path) },
    settings: openSettingsStore(),
    shell: { openExternal: (url) => shell.openExternal(url) },
    clock: { now: () => Date.now() },
    tokens: createTokenStore({
      safeStorage,
      platform: process.platform,
      backing: openTokenBacking(),
      log,
    }),
    appInfo: { version: app.getVersion(), dataLocation: app.getPath('userData') },
  };
}
