import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { createAppProtocolHandler } from './app-protocol';
import { appScheme } from './app-url';
import { createElectronDeps } from './desktop-deps';
import { createDesktopHandlers } from './ipc-handlers';
import { registerDesktopHandlers } from './register-ipc';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// The built layout: out/main/index.js (this file), out/preload/index.cjs, out/renderer/.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererDir = join(import.meta.dirname, '../renderer');
const log = (message: string) => console.warn(`[fieldbook] ${message}`);

// Must happen before 'ready'. standard: a real origin, so relative URLs and IndexedDB work;
// secure: counts as a secure context like https; supportFetchAPI: fetch()/workers can load app
// files; codeCache: V8 caches compiled scripts. corsEnabled is deliberately left out, so no
// other origin may read app:// responses.
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openMainWindow() {
  mainWindow = createMainWindow({ preloadPath });
  mainWindow.on('closed', () => (mainWindow = null));
}

// A second launch (double-clicking the icon again) focuses the running window: two instances
// would write the same settings files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window until the user quits them.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession, log);
    protocol.handle(appScheme, createAppProtocolHandler({ rootDir: rendererDir, readFile, log }));
    registerDesktopHandlers(ipcMain, createDesktopHandlers(createElectronDeps(log)), log);
    openMainWindow();
  });
}
