/**
 * The app's own origin. The renderer is served from app://fieldbook/ rather than file:// so that
 * it has a real origin: IndexedDB and localStorage are scoped to it, the CSP's 'self' means only
 * the built renderer, and an IPC sender or a navigation can be checked against one exact origin.
 */
export const appScheme = 'app';
export const appHost = 'fieldbook';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether a URL belongs to the app itself. Compared on the parsed URL, not by string prefix, so
 * app://fieldbook.evil/ or app://fieldbook@evil/ cannot pass; credentials and ports never occur
 * in our own URLs, so any URL carrying them is foreign.
 */
export function isAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
}
