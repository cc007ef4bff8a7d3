import type { DesktopApi } from '../../shared/desktop-api';
import { createWebDesktopApi } from './web-desktop-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    desktop?: DesktopApi;
  }
}

declare const __APP_VERSION__: string;

/** The host's DesktopApi: Electron's preload bridge when present, else the browser's own. */
export function getDesktopApi(): DesktopApi {
  return window.desktop ?? createWebDesktopApi(__APP_VERSION__);
}
