import { externalUrlSchema } from '../shared/desktop-api';
import { isAppUrl } from './app-url';

/**
 * What a window may load. The app is one page at app://fieldbook/; nothing else ever runs in an
 * app window, because whatever runs there can reach the preload's API. Links to the web are
 * handed to the system browser instead of being followed.
 */

/** A page may navigate only within the app itself. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Only http(s) goes to the system browser; file:, javascript:, custom schemes never do. */
export function shouldOpenExternally(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}
