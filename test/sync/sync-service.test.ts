import i18next from 'i18next';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { changeLanguage, initI18n } from '../../renderer/i18n';
import { SyncService } from '../../renderer/data/sync/sync-service';
import { setDisabled } from '../../server/admin/commands';
import type { DesktopApi } from '../../shared/desktop-api';
import { DEFAULT_PASSWORD, startTestServer, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, unsentCount } from './helpers/sync-client';

// Messages for the user come in the UI language, as in the app (main.tsx starts i18n first).
beforeAll(() => initI18n('zh-CN'));

// The service reads navigator.onLine, which Node 20 lacks (Node 21+ has a navigator).
if (typeof navigator === 'undefined')
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });

let server: TestServer;
afterEach(async () => server?.dispose());

/** The token store of the host, kept in memory (what the browser host does without a keychain). */
function memoryTokens(): Pick<DesktopApi, 'getToken' | 'setToken' | 'deleteToken'> {
  const tokens = new Map<string, string>();
  return {
    getToken: async (account) => tokens.get(account) ?? null,
    setToken: async (account, token) => {
      tokens.set(account, token);
      return 'memory';
    },
    deleteToken: async (account) => void tokens.delete(account),
  };
}

it('立即同步 while a round is running runs one more round, so an edit saved meanwhile reaches the server', async () => {
  server = await startTestServer('sqlite');
  await server.addUser('zhang');
  const device = await openSyncClient(server, 'zhang');
  const project = await device.repo.createProject({ code: 'S-01', name: '同步按钮', customer: '测试' });

  // Pulls wait at a gate the test opens, so an edit lands after the round has pushed.
  let openGate!: () => void;
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  let pushes = 0;
  let pulls = 0;
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input).includes('/v1/sync/push')) pushes++;
    if (String(input).includes('/v1/sync/pull')) {
      pulls++;
      await gate;
    }
    return fetch(input, init);
  };
  const service = new SyncService({ db: device.db, clock: device.clock, api: memoryTokens() as DesktopApi, fetchImpl });
  await service.login(server.url, 'zhang', DEFAULT_PASSWORD); // starts a round; its pull waits
  await expect.poll(() => pulls, { timeout: 15_000 }).toBe(1);
  expect(pushes).toBe(1);

  await device.repo.create('assets', project.id, { name: 'saved-during-the-round' });
  const clicked = service.syncNow();
  openGate();
  await clicked;

  expect(await unsentCount(device.db)).toBe(0);
  expect(pushes).toBe(2);
  expect(service.getStatus().error).toBeUndefined();
  await service.logout(); // clears the next scheduled round
});

it('a round that fails with an error carrying no message still says it failed, and logs the error', async () => {
  server = await startTestServer('sqlite');
  await server.addUser('zhang');
  const device = await openSyncClient(server, 'zhang');
  await device.repo.createProject({ code: 'S-02', name: '无消息的错误', customer: '测试' });
  const tokens = memoryTokens();
  // The token store breaks after login, with an error that has no message.
  let broken = false;
  const api = {
    ...tokens,
    getToken: async (account: string) => (broken ? Promise.reject(new Error()) : tokens.getToken(account)),
  } as DesktopApi;
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const service = new SyncService({ db: device.db, clock: device.clock, api });
    await service.login(server.url, 'zhang', DEFAULT_PASSWORD);
    await service.syncNow();
    broken = true;
    // Said in the UI language: here English (the Chinese is the same key's other side).
    await changeLanguage('en');
    try {
      await service.syncNow();
    } finally {
      await changeLanguage('zh-CN');
    }
    expect(service.getStatus()).toMatchObject({ running: false, error: 'Sync failed (Error)' });
    expect(i18next.t('syncErrors.failed', { name: 'Error' })).toBe('同步失败（Error）');
    expect(logged).toHaveBeenCalledWith('sync round failed', expect.any(Error));
    await service.logout();
  } finally {
    logged.mockRestore();
  }
});

it('a round the server refuses shows the request id the server logged it under (同步失败 → 请求编号)', async () => {
  server = await startTestServer('sqlite');
  await server.addUser('zhang');
  const device = await openSyncClient(server, 'zhang');
  await device.repo.createProject({ code: 'S-03', name: '请求编号', customer: '测试' });
  const ids: string[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    ids.push(response.headers.get('x-request-id') ?? '');
    return response;
  };
  const service = new SyncService({ db: device.db, clock: device.clock, api: memoryTokens() as DesktopApi, fetchImpl });
  await service.login(server.url, 'zhang', DEFAULT_PASSWORD);
  await service.syncNow();
  expect(service.getStatus().error).toBeUndefined();
  // The administrator disables the account: the next round is refused (401).
  await setDisabled(server.store, { username: 'zhang', disabled: true });
  await service.syncNow();
  const refusedId = ids.at(-1)!;
  expect(refusedId).toMatch(/^[0-9a-f-]{36}$/);
  expect(service.getStatus().error).toBe(
    `登录已失效（令牌无效、过期或已注销），请重新登录 / token invalid, expired or revoked（请求编号 ${refusedId}，可交给服务器管理员查日志）`,
  );
  await service.logout();
});
