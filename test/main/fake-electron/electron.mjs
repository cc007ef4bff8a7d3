// Just enough of Electron's main-process API for main/index.ts to start; every call the app
// makes is recorded on globalThis.fakeElectron for run-main-bundle.mjs to inspect.
import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';
import process from 'node:process';
import { setImmediate } from 'node:timers';

const recorded = {
  privilegedSchemes: null,
  sandboxEnabled: false,
  protocolHandlers: {},
  ipcHandlers: {},
  windows: [],
  permissions: {},
  openedExternally: [],
};
globalThis.fakeElectron = recorded;

class App extends EventEmitter {
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve));
  }
  enableSandbox() {
    recorded.sandboxEnabled = true;
  }
  quit() {}
  getPath() {
    return process.env.FAKE_ELECTRON_USER_DATA;
  }
  getVersion() {
    return '0.0.0-test';
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => (recorded.privilegedSchemes = schemes),
  handle: (scheme, handler) => (recorded.protocolHandlers[scheme] = handler),
};

export const ipcMain = {
  handle: (channel, listener) => (recorded.ipcHandlers[channel] = listener),
  on: () => {},
};

class WebContents extends EventEmitter {
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  static getFocusedWindow() {
    return null;
  }
  static getAllWindows() {
    return recorded.windows;
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (recorded.permissions.request = handler),
    setPermissionCheckHandler: (handler) => (recorded.permissions.check = handler),
    setDevicePermissionHandler: (handler) => (recorded.permissions.device = handler),
  },
};

export const dialog = {};
export const shell = { openExternal: async (url) => void recorded.openedExternally.push(url) };

// A Linux desktop with a keyring: tokens are "encrypted" (base64 here) and kept on disk.
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => Buffer.from(`enc:${text}`),
  decryptStringAsync: async (bytes) => ({ result: bytes.toString().slice(4), shouldReEncrypt: false }),
};

export default { app, protocol, ipcMain, BrowserWindow, session, dialog, shell, safeStorage };
