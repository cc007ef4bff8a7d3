import { afterEach, beforeAll, expect, it } from 'vitest';
import { SyncService } from '../../renderer/data/sync/sync-service';
import { initI18n } from '../../renderer/i18n';
import type { DesktopApi } from '../../shared/desktop-api';
import { sha256Hex } from '../../shared/sha256';
import { bytesOf, DEFAULT_PASSWORD, startTestServer, type TestServer } from '../server/helpers/test-server';
import { openSyncClient, unsentCount } from './helpers/sync-client';

if (typeof navigator === 'undefined')
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });

let server: TestServer;
beforeAll(() => initI18n('zh-CN'));
afterEach(async () => server?.dispose());

it('a photo past the project’s quota on the server: the round stops with the quota’s figures for the app to show, and the record waits unsent', async () => {
  server = await startTestServer('sqlite', { blobQuotaBytes: 50_000 });
  await server.addUser('zhang');
  const device = await openSyncClient(server, 'zhang');
  const project = await device.repo.createProject({ code: 'QUOTA', name: '配额', customer: '测试' });
  await device.sync(); // the project is on the server, its creator a member
  const bytes = bytesOf(80_000, 3);
  const sha256 = await sha256Hex(bytes);
  await device.db.blobs.put({
    sha256,
    type: 'image/jpeg',
    size: bytes.byteLength,
    bytes: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    pendingUpload: 1,
  });
  await device.repo.create('surveySessions', project.id, {
    title: '机房查看',
    attachments: [{ sha256, name: 'rack.jpg', type: 'image/jpeg', size: bytes.byteLength }],
  });

  const tokens = new Map<string, string>();
  const api = {
    getToken: async (account: string) => tokens.get(account) ?? null,
    setToken: async (account: string, token: string) => void tokens.set(account, token),
    deleteToken: async (account: string) => void tokens.delete(account),
  } as unknown as DesktopApi;
  const service = new SyncService({ db: device.db, clock: device.clock, api });
  await service.login(server.url, 'zhang', DEFAULT_PASSWORD);
  await service.syncNow();

  const status = service.getStatus();
  expect(status.quotaExceeded).toMatchObject({
    error: 'quota_exceeded',
    usedBytes: 0,
    quotaBytes: 50_000,
    neededBytes: 80_000,
  });
  expect(status.error).toContain('项目附件存储已满');
  expect(status.error).toMatch(/（请求编号 [\w-]{8,64}，可交给服务器管理员查日志）$/);
  expect((await device.db.blobs.get(sha256))?.pendingUpload).toBe(1);
  expect(await unsentCount(device.db)).toBeGreaterThan(0);
  expect(await server.counts()).toMatchObject({ blobs: 0 });
});
