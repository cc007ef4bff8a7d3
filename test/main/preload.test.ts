import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopChannels } from '../../shared/desktop-api';

// The preload runs against Electron's renderer modules; here they are recorded instead.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, Record<string, (...args: unknown[]) => unknown>][],
  invoked: [] as unknown[][],
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) =>
      electron.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve('answer');
    },
  },
}));

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    electron.exposed.length = 0;
    electron.invoked.length = 0;
    await import('../../preload/index');
  });

  it('exposes exactly one object, window.desktop, with one function per channel and nothing else', () => {
    expect(electron.exposed).toHaveLength(1);
    const [key, api] = electron.exposed[0]!;
    expect(key).toBe('desktop');
    expect(Object.keys(api).sort()).toEqual(Object.keys(desktopChannels).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('each function invokes its own channel with the arguments unchanged', async () => {
    const api = electron.exposed[0]![1];
    const bytes = new Uint8Array([1, 2]);
    expect(await api.setToken!('me@example.com', 'tok')).toBe('answer');
    await api.saveFile!({ suggestedName: 'a.txt', bytes });
    await api.getSettings!();
    expect(electron.invoked).toEqual([
      [desktopChannels.setToken, 'me@example.com', 'tok'],
      [desktopChannels.saveFile, { suggestedName: 'a.txt', bytes }],
      [desktopChannels.getSettings],
    ]);
  });
});
