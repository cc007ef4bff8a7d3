import { isAppUrl } from './app-url';

/** The part of Electron's IpcMainInvokeEvent the check needs; a plain object in tests. */
export interface IpcSenderEvent {
  /** null when the frame has navigated away or been destroyed since it sent the message. */
  senderFrame: { url: string } | null;
}

/**
 * Every IPC call must come from a frame showing the app itself. Without this, any page that ever
 * ended up in a window (an injected iframe, a navigation the guards missed, devtools) could read
 * and write settings and tokens through the preload's channels.
 */
export function isTrustedSender(event: IpcSenderEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

/** The URL to log for a refused sender ('(no frame)' when the frame is gone). */
export function describeSender(event: IpcSenderEvent): string {
  return event.senderFrame?.url ?? '(no frame)';
}
