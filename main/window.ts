import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { appEntryUrl } from './app-url';
import { isAllowedNavigation, shouldOpenExternally } from './navigation-policy';

export const windowTitle = '运维现场手册 Fieldbook';

/**
 * The one app window. The page gets no Node: context isolation keeps the preload's objects out
 * of the page's reach, the sandbox keeps Node out of the renderer process, and the only bridge
 * is window.desktop (see preload/index.ts).
 */
export function createMainWindow(options: { preloadPath: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: windowTitle,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the user does not see an empty white frame first.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

/**
 * Applied to every WebContents the app creates (from app 'web-contents-created'), so a window
 * or frame created some other way cannot slip past the rules:
 * - window.open and target=_blank never create a window; http(s) links open in the system browser;
 * - navigating away from the app is prevented (a web link clicked in place also goes to the browser);
 * - server redirects away from the app are prevented;
 * - <webview> is refused even though webviewTag is off.
 */
export function hardenWebContents(contents: WebContents, log: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (shouldOpenExternally(url)) void shell.openExternal(url);
    else log(`Refused window.open of ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    if (shouldOpenExternally(url)) void shell.openExternal(url);
    else log(`Refused navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log(`Refused redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Refused a <webview>');
  });
}

/**
 * The app needs no camera, microphone, notifications, geolocation, USB, HID or serial access;
 * deny every request and every check so a page cannot even probe for them.
 */
export function denyAllPermissions(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied permission request "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
