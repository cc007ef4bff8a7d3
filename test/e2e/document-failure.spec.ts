import { expect, test, type Page } from '@playwright/test';

/**
 * A document that cannot be built says which one, and which stored record and field its schema
 * refuses, in Chinese; the dialog closes and the page stays usable.
 */

async function newProject(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('ERR-2026-002');
  await form.getByLabel('项目名称').fill('文档出错演练');
  await form.getByLabel('客户').fill('某城商行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '文档出错演练' })).toBeVisible();
  return /#\/projects\/([^/]+)\//.exec(page.url())![1]!;
}

/** An asset whose IP addresses are null: no form, sync or bundle writes one (the schema refuses it); only damage does. */
async function storeDamagedAsset(page: Page, projectId: string): Promise<void> {
  await page.evaluate(
    (projectId) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('assets', 'readwrite');
          tx.objectStore('assets').put({
            id: '0190f0e0-0000-7000-8000-00000000e402',
            projectId,
            live: projectId,
            name: 'web01',
            type: 'server',
            ips: null,
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

test('a document that cannot be built names the record and field in Chinese; the page stays usable', async ({
  page,
}) => {
  const projectId = await newProject(page);
  await storeDamagedAsset(page, projectId);
  await page.locator('.workspace-nav').getByRole('menuitem', { name: '交付文档' }).click();

  const row = page.getByTestId('deliverables').getByRole('row', { name: /需求规格说明书/ });
  await row.getByRole('button', { name: '生成 Word' }).click();
  const dialog = page.getByRole('dialog', { name: '生成 Word' });
  await dialog.getByLabel('数据不全也生成（缺失处标注“待补充”）').check();
  await dialog.getByRole('button', { name: '生成 Word' }).click();

  const failure = page.getByTestId('build-failure');
  await expect(page.locator('.ant-modal-confirm-title')).toHaveText('文档没有生成');
  await expect(failure.getByTestId('build-failure-summary')).toHaveText(
    '生成《需求规格说明书》时出错：记录「web01」（运维对象）的字段「IP 地址」无效：无效输入：期望 数组，实际接收 空值',
  );
  await expect(failure.getByTestId('build-failure-details')).toContainText(
    'assets 0190f0e0-0000-7000-8000-00000000e402 ips',
  );
  // The picture once the dialog has zoomed in.
  await expect(page.locator('.ant-modal[class*="ant-zoom"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('document-failure.png') });

  // The way out: the dialog closes, nothing is left running, every button is back.
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(failure).toHaveCount(0);
  await expect(page.getByTestId('document-progress')).toHaveCount(0);
  await expect(row.getByRole('button', { name: '生成 Word' })).toBeEnabled();

  // 阶段准备情况 counts what 交付文档 counts, for the same records.
  await expect(
    page
      .getByTestId('deliverables')
      .getByRole('row', { name: /可行性评估与风险报告/ })
      .getByTestId('missing-feasibilityReport'),
  ).toHaveText('缺 2 项');
  await page.locator('.workspace-nav').getByRole('menuitem', { name: '阶段准备情况' }).click();
  const feasibility = page.getByTestId('readiness-feasibility');
  await expect(feasibility.getByTestId('document-status')).toHaveText('缺 2 项');
  await expect(feasibility.locator('.check-missing')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('readiness.png'), fullPage: true });
});
