import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PASSWORD, startTestServer, type TestServer } from '../server/helpers/test-server';
import { openDevice, signIn } from './helpers/team-device';

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer('sqlite');
  await server.addUser('zhang', DEFAULT_PASSWORD, '张工');
  await server.addUser('li', DEFAULT_PASSWORD, '李工');
  await server.addUser('wang', DEFAULT_PASSWORD, '王工');
});
test.afterAll(async () => server?.dispose());

/**
 * 立即同步 in the header's popover, then waits for a round that finished after the click (the
 * last-sync line carries its time in ms; it moves even when there was nothing to send). A click
 * while the popover is still moving into place can miss (seen in CI: no round followed), so the
 * popover is opened and the button clicked again until a round has finished; an extra click only
 * queues one more round.
 */
async function syncNow(page: Page) {
  const indicator = page.getByTestId('sync-indicator');
  const details = page.getByTestId('sync-details');
  const lastSync = details.getByTestId('last-sync');
  const finishedAt = async () => ((await lastSync.count()) > 0 ? await lastSync.getAttribute('data-at') : null);
  let before: { at: string | null } | undefined;
  await expect(async () => {
    if (!(await details.isVisible())) await indicator.click();
    await expect(details).toBeVisible({ timeout: 2_000 });
    before ??= { at: await finishedAt() };
    if ((await finishedAt()) === before.at)
      await details.getByRole('button', { name: '立即同步' }).click({ timeout: 2_000 });
    await expect.poll(finishedAt, { timeout: 5_000 }).not.toBe(before.at);
  }).toPass({ timeout: 60_000 });
  await expect(details).toContainText('未同步的修改：0 条');
  await expect(async () => {
    if (await details.isVisible()) await indicator.click();
    await expect(details).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function editAsset(page: Page, name: string, label: string, value: string) {
  await page.getByTestId('asset-table').getByText(name, { exact: true }).click();
  const form = page.getByTestId('form-assets');
  await form.getByLabel(label, { exact: true }).fill(value);
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
}

test('two engineers sync through a real server: both edits survive, a lost value can be restored', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const zhang = await openDevice(browser);
  await zhang.getByRole('button', { name: '载入示例项目' }).click();
  await expect(zhang.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectId = /projects\/([^/]+)/.exec(zhang.url())![1]!;
  await signIn(zhang, server.url, 'zhang');
  await syncNow(zhang); // the project created in the field is registered on the server
  await server.addMember(projectId, 'li', 'engineer');

  const li = await openDevice(browser);
  await signIn(li, server.url, 'li');
  await syncNow(li);
  await li.getByRole('menuitem', { name: '项目' }).click();
  await li.getByTestId('project-card').getByText('江南银行数据中心运维服务项目').click();
  await li.getByRole('menuitem', { name: '运维对象清单' }).click();
  await expect(li.getByTestId('asset-count')).toHaveText('共 40 条');

  await zhang.goto(`/#/projects/${projectId}/assets`);
  const asset = (await li.getByTestId('asset-table').getByRole('row').nth(1).getByRole('cell').first().textContent())!;
  // Different fields of the same asset, edited on both machines before either syncs.
  await editAsset(li, asset, '机柜', 'LI-07');
  await editAsset(zhang, asset, '负责人', '张工');
  // The same field on both: 张工's edit is the later one.
  await editAsset(li, asset, '备注', '李工的备注');
  await editAsset(zhang, asset, '备注', '张工的备注');
  await syncNow(li);
  await syncNow(zhang);
  await syncNow(li);

  for (const page of [zhang, li]) {
    await page.getByTestId('asset-table').getByText(asset, { exact: true }).click();
    const form = page.getByTestId('form-assets');
    await expect(form.getByLabel('机柜', { exact: true })).toHaveValue('LI-07');
    await expect(form.getByLabel('负责人', { exact: true })).toHaveValue('张工');
    await expect(form.getByLabel('备注', { exact: true })).toHaveValue('张工的备注');
    await page.keyboard.press('Escape');
  }

  // 李工's note lost; it is kept, shown on his machine, and he restores it.
  await li.getByRole('menuitem', { name: '同步与冲突' }).click();
  const conflicts = li.getByTestId('conflicts-table');
  await expect(conflicts).toContainText('李工的备注');
  await expect(conflicts).toContainText('张工的备注');
  await conflicts.getByRole('button', { name: '恢复此值' }).click();
  await expect(li.getByText('没有未处理的冲突')).toBeVisible();
  await syncNow(li);
  // 张工 has the asset open when his network comes back: the round that starts brings the
  // restored value, and the open form shows it.
  await zhang.getByTestId('asset-table').getByText(asset, { exact: true }).click();
  const zhangNotes = zhang.getByTestId('form-assets').getByLabel('备注', { exact: true });
  await expect(zhangNotes).toHaveValue('张工的备注');
  await zhang.context().setOffline(true);
  await zhang.context().setOffline(false);
  await expect(zhangNotes).toHaveValue('李工的备注');
});

test('a row changed behind the app is found by the next sync, repaired from the server and told in 同步日志', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await openDevice(browser);
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectId = /projects\/([^/]+)/.exec(page.url())![1]!;
  await signIn(page, server.url, 'wang');
  await syncNow(page);

  // An asset's name changed with IndexedDB's own API: neither the repository nor Dexie sees it.
  const original = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('assets', 'readwrite').objectStore('assets').openCursor();
          request.onsuccess = () => {
            const cursor = request.result!;
            const row = cursor.value as { name: string };
            cursor.update({ ...row, name: `${row.name}（被改）` });
            resolve(row.name);
          };
        };
      }),
  );
  await syncNow(page);
  await page.goto(`/#/projects/${projectId}/assets`);
  await expect(page.getByTestId('asset-table').getByText(original, { exact: true })).toBeVisible();
  await expect(page.getByText(`${original}（被改）`)).toHaveCount(0);

  await page.getByRole('menuitem', { name: '同步与冲突' }).click();
  const log = page.getByTestId('sync-log');
  await expect(log).toContainText(
    '本机数据与服务器不一致（1 条记录），已从服务器重新拉取本项目并重新应用未同步的修改，现已一致。',
  );
  await log.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('sync-log-zh.png'), fullPage: true });

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('界面语言').click();
  await page.getByTitle('English').click();
  await page.goto(`/#/projects/${projectId}/sync`);
  await expect(page.getByTestId('sync-log')).toContainText(
    'This device’s data differed from the server’s (records affected: 1)',
  );
  await page.screenshot({ path: test.info().outputPath('sync-log-en.png'), fullPage: true });
});
