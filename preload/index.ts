import { contextBridge, ipcRenderer } from 'electron';
import { desktopChannels, type DesktopApi } from '../shared/desktop-api';

/**
 * The page's only way into the host: window.desktop, one function per DesktopApi method, each a
 * single ipcRenderer.invoke on the channel from the shared table. ipcRenderer itself is never
 * exposed: with it a page could send on any channel, including electron-store's and Electron's
 * internal ones. `satisfies` makes a missing or mistyped method a compile error.
 */
const api = {
  getSettings: () => ipcRenderer.invoke(desktopChannels.getSettings),
  setSettings: (patch) => ipcRenderer.invoke(desktopChannels.setSettings, patch),
  saveFile: (request) => ipcRenderer.invoke(desktopChannels.saveFile, request),
  openFiles: (request) => ipcRenderer.invoke(desktopChannels.openFiles, request),
  getAppInfo: () => ipcRenderer.invoke(desktopChannels.getAppInfo),
  openExternal: (url) => ipcRenderer.invoke(desktopChannels.openExternal, url),
  getToken: (account) => ipcRenderer.invoke(desktopChannels.getToken, account),
  setToken: (account, token) => ipcRenderer.invoke(desktopChannels.setToken, account, token),
  deleteToken: (account) => ipcRenderer.invoke(desktopChannels.deleteToken, account),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
