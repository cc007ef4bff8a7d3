import { expect, test, type Page } from '@playwright/test';

/**
 * A page that cannot render stops at its own boundary: the workspace stays, the boundary says in
 * Chinese which page failed, offers a way back and the details to copy, and the next navigation
 * clears it.
 */

async function newProject(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('ERR-2026-001');
  await form.getByLabel('项目名称').fill('出错页面演练');
  await form.getByLabel('客户').fill('某城商行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '出错页面演练' })).toBeVisible();
  return /#\/projects\/([^/]+)\//.exec(page.url())![1]!;
}

/**
 * A high risk whose 应对措施 is null: the schema wants text and a sync or a bundle would be
 * refused by the same schema, so only a damaged database holds one. Written with IndexedDB
 * itself, past the app's repository, as damage would be.
 */
async function storeDamagedRisk(page: Page, projectId: string): Promise<void> {
  await page.evaluate(
    (projectId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('risks', 'readwrite');
          tx.objectStore('risks').put({
            id: '0190f0e0-0000-7000-8000-00000000e401',
            projectId,
            live: projectId,
            description: '核心交换机单点故障',
            category: 'technical',
            likelihood: '5',
            impact: '5',
            mitigation: null,
            owner: '',
            status: 'open',
            fieldHlc: {},
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    projectId,
  );
}

test('a page that cannot render shows a Chinese boundary inside the workspace; the way back and the sidebar work; the details can be copied', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const projectId = await newProject(page);
  await storeDamagedRisk(page, projectId);

  const sidebar = page.locator('.workspace-nav');
  await sidebar.getByRole('menuitem', { name: '阶段准备情况' }).click();
  const boundary = page.getByTestId('route-error');
  await expect(boundary).toBeVisible();
  await expect(boundary.getByText('页面出错了：阶段准备情况')).toBeVisible();
  await expect(boundary.getByText('已保存的数据没有受影响，左侧的其他页面仍可使用。')).toBeVisible();
  // No React Router fallback, and the page's error stays inside the workspace.
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
  await expect(sidebar).toBeVisible();
  await expect(page.locator('.shell-header')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('page-error.png'), fullPage: true });

  // The details: where, the message, the stack; copied as shown.
  const details = boundary.getByTestId('route-error-details');
  await expect(details).toContainText(`/projects/${projectId}/readiness`);
  await expect(details).toContainText("reading 'trim'");
  await boundary.getByRole('button', { name: '复制错误详情' }).click();
  await expect(page.getByText('已复制错误详情')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await details.textContent());

  // The way back: the project overview, without the error.
  await boundary.getByRole('button', { name: '返回项目概况' }).click();
  await expect(page).toHaveURL(new RegExp(`#/projects/${projectId}/overview$`));
  await expect(boundary).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '出错页面演练' })).toBeVisible();

  // Reloading the page that still cannot render shows the boundary again …
  await sidebar.getByRole('menuitem', { name: '阶段准备情况' }).click();
  await expect(boundary.getByText('页面出错了：阶段准备情况')).toBeVisible();
  await boundary.getByRole('button', { name: '重新加载此页' }).click();
  await expect(boundary.getByText('页面出错了：阶段准备情况')).toBeVisible();
  // … and any other page in the sidebar clears it.
  await sidebar.getByRole('menuitem', { name: '调研记录' }).click();
  await expect(page).toHaveURL(new RegExp(`#/projects/${projectId}/survey$`));
  await expect(boundary).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新增调研记录' })).toBeVisible();
});

test('an address the app does not have says so in Chinese, with the way back to the projects', async ({ page }) => {
  await page.goto('/#/no-such-page');
  const boundary = page.getByTestId('route-error');
  await expect(boundary.getByText('没有这个页面')).toBeVisible();
  await expect(page.getByText('404 Not Found')).toHaveCount(0);
  await boundary.getByRole('button', { name: '全部项目' }).click();
  await expect(page.getByRole('button', { name: '新建项目' })).toBeVisible();
});
