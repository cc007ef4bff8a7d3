import { expect, type Browser, type Page } from '@playwright/test';
import { DEFAULT_PASSWORD } from '../../server/helpers/test-server';

/** One engineer's device: a browser context of its own (its own IndexedDB), in Chinese. */
export async function openDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

/** 设置 → 团队同步: signs in to the test server as a user added with DEFAULT_PASSWORD. */
export async function signIn(page: Page, serverUrl: string, username: string): Promise<void> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('sync-settings');
  await card.getByLabel('服务器地址').fill(serverUrl);
  await card.getByLabel('用户名').fill(username);
  await card.getByLabel('密码').fill(DEFAULT_PASSWORD);
  await card.getByRole('button', { name: '登录' }).click();
  await expect(card).toContainText('已登录');
}
