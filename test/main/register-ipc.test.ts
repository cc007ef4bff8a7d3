import { describe, expect, it } from 'vitest';
import { createDesktopHandlers } from '../../main/ipc-handlers';
import { registerDesktopHandlers, type IpcMainLike } from '../../main/register-ipc';
import type { IpcSenderEvent } from '../../main/trusted-sender';
import { desktopChannels } from '../../shared/desktop-api';
import { fakeDeps } from './fakes';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  return { ipcMain, listeners };
}

describe('registerDesktopHandlers', () => {
  it('registers one handler on every channel of the shared table', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerDesktopHandlers(ipcMain, createDesktopHandlers(fakeDeps().deps), () => {});
    expect([...listeners.keys()].sort()).toEqual(Object.values(desktopChannels).sort());
  });

  it('passes the arguments of a call from the app to the handler', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { deps, stored } = fakeDeps();
    registerDesktopHandlers(ipcMain, createDesktopHandlers(deps), () => {});
    const setSettings = listeners.get(desktopChannels.setSettings)!;
    const result = await setSettings({ senderFrame: { url: 'app://fieldbook/index.html' } }, { language: 'en' });
    expect(result).toMatchObject({ language: 'en' });
    expect(stored().language).toBe('en');
  });

  it('refuses and logs a call from a foreign frame before the handler runs', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { deps, stored, tokenMap } = fakeDeps();
    const logged: string[] = [];
    registerDesktopHandlers(ipcMain, createDesktopHandlers(deps), (message) => logged.push(message));
    tokenMap.set('me', 'secret');

    const getToken = listeners.get(desktopChannels.getToken)!;
    expect(() => getToken({ senderFrame: { url: 'https://evil.example/' } }, 'me')).toThrow(/Refused/);
    const setSettings = listeners.get(desktopChannels.setSettings)!;
    expect(() => setSettings({ senderFrame: null }, { language: 'en' })).toThrow(/Refused/);

    expect(stored().language).toBe('zh-CN');
    expect(logged).toEqual([
      'Refused IPC "token:get" from https://evil.example/',
      'Refused IPC "settings:set" from (no frame)',
    ]);
  });
});
