import { desktopChannels, type DesktopApi } from '../shared/desktop-api';
import type { DesktopHandlers } from './ipc-handlers';
import { describeSender, isTrustedSender, type IpcSenderEvent } from './trusted-sender';

/** The part of Electron's ipcMain used here; a fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
}

/**
 * Registers every handler on its channel from the shared table, so a channel name cannot differ
 * between preload and main. Each call is checked for its sender before anything else runs: a
 * foreign frame is logged and refused (the renderer's promise rejects).
 */
export function registerDesktopHandlers(
  ipcMain: IpcMainLike,
  handlers: DesktopHandlers,
  log: (message: string) => void,
): void {
  for (const method of Object.keys(desktopChannels) as (keyof DesktopApi)[]) {
    const channel = desktopChannels[method];
    const handler = handlers[method] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event)) {
        log(`Refused IPC "${channel}" from ${describeSender(event)}`);
        throw new Error(`Refused: "${channel}" may only be called by the app itself`);
      }
      return handler(...args);
    });
  }
}
