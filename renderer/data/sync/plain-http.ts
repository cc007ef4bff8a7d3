import type { FieldbookDb } from '../db';

/**
 * Whether signing in to this server address would send the password unencrypted over the
 * network: plain http:// to anything but this computer (loopback: localhost, 127.0.0.0/8, ::1,
 * where nothing crosses a wire). Such a sign-in is asked about first (SyncSettingsCard).
 */
export function sendsPasswordInClear(serverUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return false; // not an address at all: the form refuses it before anything is sent
  }
  if (url.protocol !== 'http:') return false;
  return !isLoopback(url.hostname);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The key a choice is remembered under: the server's origin (scheme, host and port). */
export function serverOrigin(serverUrl: string): string {
  return new URL(serverUrl).origin;
}

/**
 * What the user chose for a server when warned, if they asked for it to be remembered: send
 * the password anyway, or never send it there over http. Kept per origin in the meta table.
 */
export type PlainHttpChoice = 'send' | 'refuse';

const choiceKey = (serverUrl: string) => `plainHttpChoice:${serverOrigin(serverUrl)}`;

export async function rememberedPlainHttpChoice(
  db: FieldbookDb,
  serverUrl: string,
): Promise<PlainHttpChoice | undefined> {
  const value = (await db.meta.get(choiceKey(serverUrl)))?.value;
  return value === 'send' || value === 'refuse' ? value : undefined;
}

export async function rememberPlainHttpChoice(
  db: FieldbookDb,
  serverUrl: string,
  choice: PlainHttpChoice,
): Promise<void> {
  await db.meta.put({ key: choiceKey(serverUrl), value: choice });
}

export async function forgetPlainHttpChoice(db: FieldbookDb, serverUrl: string): Promise<void> {
  await db.meta.delete(choiceKey(serverUrl));
}
