import { expect, test, type Page } from '@playwright/test';
import { bankInventoryXlsx } from '../fixtures/import/make-fixtures';

async function importFile(page: Page, name: string, bytes: Uint8Array) {
  await page.getByRole('button', { name: '导入 Excel/CSV' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

test('import a customer spreadsheet: guessed columns, bad rows with row numbers, re-import updates nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('XX-BANK');
  await form.getByLabel('项目名称').fill('XX银行运维');
  await form.getByLabel('客户').fill('XX银行');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: '运维对象清单' }).click();

  const bytes = await bankInventoryXlsx();
  await importFile(page, '设备清单.xlsx', bytes);
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('row', { name: /主机名/ })).toContainText('主机名');
  await expect(mapping.getByRole('row', { name: /管理IP/ })).toContainText('IP 地址');
  await page.getByRole('button', { name: '下一步' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('新增 7');
  await expect(summary).toContainText('有问题 4 行');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row', { name: /^12 / })).toContainText('不是有效的 IP 地址: 10.0.0.300');
  await expect(errors.getByRole('row', { name: /^11 / })).toContainText('与第 5 行重复');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 7 条');
  await expect(page.getByTestId('asset-table')).toContainText('core-sw-01');

  // The same file again: everything matches, nothing to write.
  await importFile(page, '设备清单.xlsx', bytes);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(summary).toContainText('新增 0');
  await expect(summary).toContainText('无变化 7');
  await expect(page.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByTestId('asset-count')).toHaveText('共 7 条');
});

test('export the inventory to .xlsx', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('JNB-OPS-2026-运维对象清单.xlsx');
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const sheet = workbook.worksheets[0]!;
  // A title row naming the project, then the header, then one row per asset.
  expect(String(sheet.getCell(1, 1).value)).toContain('江南银行数据中心运维服务项目');
  const header = (sheet.getRow(2).values as unknown[]).filter(Boolean);
  expect(header).toEqual(expect.arrayContaining(['名称', '主机名', 'IP 地址', '序列号']));
  expect(sheet.actualRowCount).toBe(42);
});
