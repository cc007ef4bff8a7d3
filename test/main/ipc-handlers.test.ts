import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDesktopHandlers, openExternalLimit } from '../../main/ipc-handlers';
import { desktopChannels } from '../../shared/desktop-api';
import { fakeDeps } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Calls a handler with arbitrary (possibly ill-typed) arguments, as a hostile renderer could. */
function callUntyped(handler: unknown, ...args: unknown[]): Promise<unknown> {
  return (handler as (...a: unknown[]) => Promise<unknown>)(...args);
}

describe('createDesktopHandlers', () => {
  it('has exactly one handler per DesktopApi channel', () => {
    const handlers = createDesktopHandlers(fakeDeps().deps);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(desktopChannels).sort());
  });

  describe('settings', () => {
    it('returns the stored settings and applies a valid patch', async () => {
      const { deps, stored } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      expect(await handlers.getSettings()).toEqual({
        language: 'zh-CN',
        userName: '',
        syncServerUrl: '',
        companyName: '',
        userPhone: '',
        identityAsked: false,
      });
      const next = await handlers.setSettings({ userName: '  张工  ', syncServerUrl: 'https://sync.example.com' });
      expect(next).toEqual({
        language: 'zh-CN',
        userName: '张工',
        syncServerUrl: 'https://sync.example.com',
        companyName: '',
        userPhone: '',
        identityAsked: false,
      });
      expect(stored()).toEqual(next);
    });

    it('changes only the keys sent (zod defaults inside the partial patch do not wipe others)', async () => {
      const { deps } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      await handlers.setSettings({ userName: '李工', syncServerUrl: 'https://sync.example.com' });
      const next = await handlers.setSettings({ language: 'en' });
      expect(next).toEqual({
        language: 'en',
        userName: '李工',
        syncServerUrl: 'https://sync.example.com',
        companyName: '',
        userPhone: '',
        identityAsked: false,
      });
    });

    it('refuses bad values with a message naming the field, and stores nothing', async () => {
      const { deps, stored } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      await expect(callUntyped(handlers.setSettings, { language: 'fr' })).rejects.toThrow(
        /Invalid argument to setSettings:[\s\S]*language/,
      );
      await expect(callUntyped(handlers.setSettings, { syncServerUrl: 'ftp://files.example.com' })).rejects.toThrow(
        /syncServerUrl/,
      );
      await expect(callUntyped(handlers.setSettings, { userName: 'x'.repeat(51) })).rejects.toThrow(/userName/);
      expect(stored().language).toBe('zh-CN');
    });

    it('refuses unknown keys and non-objects', async () => {
      const handlers = createDesktopHandlers(fakeDeps().deps);
      await expect(callUntyped(handlers.setSettings, { language: 'en', theme: 'dark' })).rejects.toThrow(
        /Unrecognized key: "theme"/,
      );
      await expect(callUntyped(handlers.setSettings, 'language=en')).rejects.toThrow(/Invalid argument/);
      await expect(callUntyped(handlers.setSettings, null)).rejects.toThrow(/Invalid argument/);
    });
  });

  describe('saveFile', () => {
    it('writes the bytes where the user chose, with the suggested name and filters', async () => {
      const target = join(dir, 'export.xlsx');
      const { deps, calls } = fakeDeps();
      deps.dialog.showSaveDialog = async (options) => {
        calls.saveDialog.push(options);
        return { canceled: false, filePath: target };
      };
      const handlers = createDesktopHandlers(deps);
      const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
      const result = await handlers.saveFile({
        suggestedName: '资产清单.xlsx',
        bytes: new Uint8Array([1, 2, 3]),
        filters,
      });
      expect(result).toEqual({ status: 'saved', path: target });
      expect(calls.saveDialog).toEqual([{ defaultPath: '资产清单.xlsx', filters }]);
      expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    });

    it('reports a cancelled dialog and writes nothing', async () => {
      const handlers = createDesktopHandlers(fakeDeps().deps);
      expect(await handlers.saveFile({ suggestedName: 'a.txt', bytes: new Uint8Array([1]) })).toEqual({
        status: 'cancelled',
      });
    });

    it('refuses names with paths, missing bytes and bad filters before any dialog opens', async () => {
      const { deps, calls } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      for (const request of [
        { suggestedName: '../../.bashrc', bytes: new Uint8Array([1]) },
        { suggestedName: 'C:\\Windows\\evil.dll', bytes: new Uint8Array([1]) },
        { suggestedName: 'ok.txt', bytes: 'not bytes' },
        { suggestedName: 'ok.txt', bytes: new Uint8Array([1]), filters: [{ name: 'x', extensions: ['../x'] }] },
        undefined,
      ]) {
        await expect(callUntyped(handlers.saveFile, request)).rejects.toThrow(/Invalid argument to saveFile/);
      }
      expect(calls.saveDialog).toEqual([]);
    });
  });

  describe('openFiles', () => {
    it('reads the chosen files into plain Uint8Arrays named by their base name', async () => {
      const first = join(dir, '设备.csv');
      const second = join(dir, 'b.json');
      await writeFile(first, 'a,b\n1,2\n');
      await writeFile(second, '{}');
      const { deps, calls } = fakeDeps();
      deps.dialog.showOpenDialog = async (options) => {
        calls.openDialog.push(options);
        return { canceled: false, filePaths: [first, second] };
      };
      const handlers = createDesktopHandlers(deps);
      const files = await handlers.openFiles({
        multiple: true,
        filters: [{ name: 'CSV', extensions: ['csv', 'json'] }],
      });
      expect(calls.openDialog).toEqual([
        { properties: ['openFile', 'multiSelections'], filters: [{ name: 'CSV', extensions: ['csv', 'json'] }] },
      ]);
      expect(files.map((f) => f.name)).toEqual(['设备.csv', 'b.json']);
      expect(new TextDecoder().decode(files[0]!.bytes)).toBe('a,b\n1,2\n');
      expect(Object.getPrototypeOf(files[0]!.bytes)).toBe(Uint8Array.prototype);
    });

    it('allows a single file unless multiple is asked for, and returns [] when cancelled', async () => {
      const { deps, calls } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      expect(await handlers.openFiles({})).toEqual([]);
      expect(calls.openDialog).toEqual([{ properties: ['openFile'] }]);
    });

    it('refuses a malformed request', async () => {
      const handlers = createDesktopHandlers(fakeDeps().deps);
      await expect(callUntyped(handlers.openFiles, { multiple: 'yes' })).rejects.toThrow(
        /Invalid argument to openFiles/,
      );
    });
  });

  it('getAppInfo reports the Electron host', async () => {
    const handlers = createDesktopHandlers(fakeDeps().deps);
    expect(await handlers.getAppInfo()).toEqual({
      host: 'electron',
      version: '9.9.9',
      dataLocation: '/home/someone/.config/Fieldbook',
    });
  });

  describe('openExternal', () => {
    it('opens http(s) links and refuses every other scheme', async () => {
      const { deps, calls } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      await handlers.openExternal('https://example.com/docs?a=1');
      await handlers.openExternal('http://intranet.local/');
      for (const url of [
        'file:///etc/passwd',
        'javascript:alert(1)',
        'smb://server/share',
        'app://fieldbook/index.html',
        'not a url',
        42,
      ]) {
        await expect(callUntyped(handlers.openExternal, url)).rejects.toThrow(/Invalid argument to openExternal/);
      }
      expect(calls.openExternal).toEqual(['https://example.com/docs?a=1', 'http://intranet.local/']);
    });

    it('limits how many links can be opened in a short time', async () => {
      const { deps, calls, advanceClock } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      for (let i = 0; i < openExternalLimit.max; i++) await handlers.openExternal(`https://example.com/${i}`);
      await expect(handlers.openExternal('https://example.com/too-many')).rejects.toThrow(/too many links/);
      advanceClock(openExternalLimit.windowMs);
      await handlers.openExternal('https://example.com/later');
      expect(calls.openExternal).toHaveLength(openExternalLimit.max + 1);
    });
  });

  describe('tokens', () => {
    it('stores, reads and deletes through the token store', async () => {
      const { deps, tokenMap } = fakeDeps();
      const handlers = createDesktopHandlers(deps);
      expect(await handlers.setToken('engineer@example.com', 'secret-token')).toBe('keychain');
      expect(tokenMap.get('engineer@example.com')).toBe('secret-token');
      expect(await handlers.getToken('engineer@example.com')).toBe('secret-token');
      await handlers.deleteToken('engineer@example.com');
      expect(await handlers.getToken('engineer@example.com')).toBeNull();
    });

    it('refuses empty or non-string accounts and tokens', async () => {
      const handlers = createDesktopHandlers(fakeDeps().deps);
      await expect(callUntyped(handlers.getToken, '')).rejects.toThrow(/Invalid argument to getToken/);
      await expect(callUntyped(handlers.setToken, 'a', '')).rejects.toThrow(/Invalid argument to setToken/);
      await expect(callUntyped(handlers.setToken, 'a', { token: 'x' })).rejects.toThrow(/Invalid argument to setToken/);
      await expect(callUntyped(handlers.setToken, 'a', 'x'.repeat(4097))).rejects.toThrow(/Invalid argument/);
      await expect(callUntyped(handlers.deleteToken, 7)).rejects.toThrow(/Invalid argument to deleteToken/);
    });
  });
});
