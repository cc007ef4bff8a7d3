import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.config';
import { makeTestCertificates } from '../server/helpers/test-certificates';
import { DEFAULT_PASSWORD, startTestServer, type TestServer } from '../server/helpers/test-server';

/**
 * The browser app against the real server over HTTPS, with a certificate from a CA made in the
 * test. Chromium trusts exactly that server key (--ignore-certificate-errors-spki-list), not
 * every certificate: a second server with a key it was not told about is refused. And the
 * warning before a password goes over plain http:// to a machine that is not this one
 * (fieldbook.test, mapped to 127.0.0.1 by the resolver rule, is not loopback by its name).
 */
let server: TestServer;
let stranger: TestServer;
let browser: Browser;
test.beforeAll(async () => {
  const certs = await makeTestCertificates();
  const otherCerts = await makeTestCertificates();
  // A tiny attachment quota, so that a 5 KB file meets it.
  server = await startTestServer('sqlite', { tls: { cert: certs.certPem, key: certs.keyPem }, blobQuotaBytes: 1000 });
  stranger = await startTestServer('sqlite', { tls: { cert: otherCerts.certPem, key: otherCerts.keyPem } });
  await server.addUser('zhang', DEFAULT_PASSWORD, '张工');
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      `--ignore-certificate-errors-spki-list=${certs.spkiSha256}`,
      '--host-resolver-rules=MAP fieldbook.test 127.0.0.1',
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await stranger?.dispose();
});

async function openSettings(baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

async function submitLogin(page: Page, url: string) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('sync-settings');
  await card.getByLabel('服务器地址').fill(url);
  await card.getByLabel('用户名').fill('zhang');
  await card.getByLabel('密码').fill(DEFAULT_PASSWORD);
  await card.getByRole('button', { name: '登录' }).click();
  return card;
}

test('the browser app signs in and syncs to the server over https with a test CA', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const page = await openSettings(baseURL);
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectId = /projects\/([^/]+)/.exec(page.url())![1]!;

  // A server whose key Chromium was not told about: the certificate is refused, nothing is sent.
  const refused = await submitLogin(page, stranger.url);
  await expect(refused).toContainText('无法连接同步服务器');
  expect(await stranger.counts()).toMatchObject({ sessions: 0 });

  const card = await submitLogin(page, server.url);
  // https: no warning about an unencrypted connection.
  await expect(card).toContainText('已登录');
  await expect(page.getByText('连接未加密')).toHaveCount(0);
  await expect(card).toContainText(server.url);

  const indicator = page.getByTestId('sync-indicator');
  const details = page.getByTestId('sync-details');
  await expect(async () => {
    if (!(await details.isVisible())) await indicator.click();
    await details.getByRole('button', { name: '立即同步' }).click({ timeout: 2_000 });
    await expect(details).toContainText('未同步的修改：0 条', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  // The demo project and its 40 assets are on the server, pushed over TLS.
  const assets = await server.store.db
    .selectFrom('rows')
    .select('row_id')
    .where('project_id', '=', projectId)
    .where('table_name', '=', 'assets')
    .execute();
  expect(assets).toHaveLength(40);
  await page.screenshot({ path: test.info().outputPath('sync-over-https.png') });

  // A file past the project's attachment quota: the server refuses it, the app says why in Chinese.
  await page.keyboard.press('Escape');
  await page.goto(`/#/projects/${projectId}/survey`);
  await page.getByRole('button', { name: '新增调研记录' }).click();
  const form = page.getByTestId('form-surveySessions');
  await form.getByLabel('主题').fill('附件配额');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('save-status')).toBeVisible();
  await form
    .getByLabel('照片与附件')
    .setInputFiles([{ name: '纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('记'.repeat(1700)) }]);
  await expect(form.getByTestId('attachment-file')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(async () => {
    await card.getByRole('button', { name: '立即同步' }).click();
    await expect(card).toContainText('项目附件存储已满：已用 0 B，上限 1000 B，这个附件需要 5 KB', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  expect(await server.counts()).toMatchObject({ blobs: 0 });
});

test('before a password goes over http:// to another machine the app warns, and remembers an explicit choice per server', async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const plain = await startTestServer('sqlite');
  try {
    await plain.addUser('zhang', DEFAULT_PASSWORD, '张工');
    const remoteUrl = plain.url.replace('127.0.0.1', 'fieldbook.test');
    const page = await openSettings(baseURL);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(remoteUrl)) sent.push(request.url());
    });

    // Cancel: nothing is sent.
    let card = await submitLogin(page, remoteUrl);
    const warning = page.getByRole('dialog').filter({ hasText: '连接未加密' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('http://fieldbook.test');
    await expect(warning).toContainText('明文');
    await page.screenshot({ path: test.info().outputPath('plain-http-warning-zh.png') });
    await warning
      .getByRole('button', { name: '取 消' })
      .or(warning.getByRole('button', { name: '取消' }))
      .click();
    await expect(card).toContainText('未登录：密码没有发送');
    expect(sent).toEqual([]);

    // Cancel, remembered: the next attempt is refused without asking, until asked again.
    await card.getByRole('button', { name: '登录' }).click();
    await warning.getByRole('checkbox', { name: '记住我对此服务器的选择' }).check();
    await warning
      .getByRole('button', { name: '取 消' })
      .or(warning.getByRole('button', { name: '取消' }))
      .click();
    await card.getByRole('button', { name: '登录' }).click();
    await expect(card).toContainText('你已选择不通过未加密的 http:// 向 http://fieldbook.test');
    await expect(warning).toHaveCount(0);
    expect(sent).toEqual([]);
    await card.getByRole('button', { name: '重新询问' }).click();

    // Sign in anyway, remembered: it signs in, and is not asked again for this server.
    await card.getByRole('button', { name: '登录' }).click();
    await warning.getByRole('checkbox', { name: '记住我对此服务器的选择' }).check();
    await warning.getByRole('button', { name: '仍然登录' }).click();
    await expect(card).toContainText('已登录');
    expect(sent.some((url) => url.endsWith('/v1/auth/login'))).toBe(true);
    await card.getByRole('button', { name: '退出登录' }).click();
    card = await submitLogin(page, remoteUrl);
    await expect(card).toContainText('已登录');
    await expect(warning).toHaveCount(0);
    await card.getByRole('button', { name: '退出登录' }).click();

    // Loopback over http (the server on this machine) is not asked about.
    card = await submitLogin(page, plain.url);
    await expect(card).toContainText('已登录');
    await expect(warning).toHaveCount(0);
    await card.getByRole('button', { name: '退出登录' }).click();

    // In English too.
    await page.getByLabel('界面语言').click();
    await page.getByTitle('English').click();
    card = page.getByTestId('sync-settings');
    await card.getByLabel('Server address').fill(plain.url.replace('127.0.0.1', 'other.fieldbook.test'));
    await card.getByLabel('User name').fill('zhang');
    await card.getByLabel('Password').fill(DEFAULT_PASSWORD);
    await card.getByRole('button', { name: 'Sign in' }).click();
    const english = page.getByRole('dialog').filter({ hasText: 'Unencrypted connection' });
    await expect(english).toContainText('in clear text');
    await page.screenshot({ path: test.info().outputPath('plain-http-warning-en.png') });
    await english.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await plain.dispose();
  }
});
