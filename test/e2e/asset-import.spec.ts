import { expect, test, type Page } from '@playwright/test';
import { bankInventoryXlsx, duplicatesXlsx } from '../fixtures/import/make-fixtures';
import { chooseFile } from './helpers/choose-file';
import { chooseOption } from './helpers/choose-option';

async function pickFile(
  page: Page,
  name: string,
  bytes: Uint8Array,
  labels = { open: '导入 Excel/CSV', pick: '选择文件' },
) {
  await page.getByRole('button', { name: labels.open }).click();
  await chooseFile(page, page.getByRole('button', { name: labels.pick }), {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(bytes),
  });
}

async function importFile(page: Page, name: string, bytes: Uint8Array) {
  await pickFile(page, name, bytes);
  await expect(page.getByTestId('import-mapping')).toBeVisible();
}

async function newProject(page: Page, code: string, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill(code);
  await form.getByLabel('项目名称').fill(name);
  await form.getByLabel('客户').fill('XX银行');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: '运维对象清单' }).click();
}

test('import a customer spreadsheet: guessed columns, bad rows with row numbers, re-import updates nothing', async ({
  page,
}) => {
  await newProject(page, 'XX-BANK', 'XX银行运维');

  const bytes = await bankInventoryXlsx();
  await importFile(page, '设备清单.xlsx', bytes);
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('row', { name: /主机名/ })).toContainText('主机名');
  await expect(mapping.getByRole('row', { name: /管理IP/ })).toContainText('IP 地址');
  await page.getByRole('button', { name: '下一步' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('新增 7');
  await expect(summary).toContainText('有问题 3 行');
  await expect(summary).toContainText('跳过 1');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row', { name: /^12 / })).toContainText('不是有效的 IP 地址: 10.0.0.300');
  // The repeated serial number is no error any more: a choice, skipped by default as it contradicts row 5.
  const repeated = page.getByTestId('import-duplicates').getByRole('row', { name: /^11 / });
  await expect(repeated).toContainText('与第 5 行序列号相同');
  await expect(repeated).toContainText('主机名「core-sw-01」≠「core-sw-01b」');
  await expect(repeated.locator('.ant-select')).toHaveText('跳过');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 7 条');
  await expect(page.getByTestId('asset-table')).toContainText('core-sw-01');

  // The same file again: everything matches, nothing to write.
  await importFile(page, '设备清单.xlsx', bytes);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(summary).toContainText('新增 0');
  await expect(summary).toContainText('无变化 7');
  await expect(page.getByTestId('import-changes')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByTestId('asset-count')).toHaveText('共 7 条');
});

test('a repeated serial number: merge, import anyway or skip per row; a totals row is said to be one; a re-import shows each field it changes', async ({
  page,
}) => {
  test.setTimeout(300_000); // two imports with real IndexedDB work, on a shared two-core machine
  await newProject(page, 'DUP-01', '重复设备项目');
  await importFile(page, '重复设备.xlsx', await duplicatesXlsx());
  await page.getByRole('button', { name: '下一步' }).click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('新增 2');
  await expect(summary).toContainText('合并 1');
  await expect(summary).toContainText('跳过 1');
  await expect(summary).not.toContainText('有问题');
  const duplicates = page.getByTestId('import-duplicates');
  // Row 4 only adds a second IP to row 2: merged by default.
  const row4 = duplicates.getByRole('row', { name: /^4 / });
  await expect(row4).toContainText('与第 2 行序列号相同');
  await expect(row4.locator('.ant-select')).toHaveText('合并到第 2 行');
  // Row 5 is another box with row 3's serial number: skipped until the user says otherwise.
  const row5 = duplicates.getByRole('row', { name: /^5 / });
  await expect(row5).toContainText('与第 3 行序列号相同');
  await expect(row5).toContainText('名称「DB服务器01」≠「备份服务器」');
  await expect(row5.locator('.ant-select')).toHaveText('跳过');
  // The 合计 row is reported as what it is, not as a row without a name.
  await expect(page.getByTestId('import-totals')).toHaveText('合计行，已跳过：第 6 行');
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await page.getByRole('dialog').screenshot({ path: 'test-results/asset-import-duplicates.png' });

  await chooseOption(page, page.getByLabel('第 5 行的处理'), '仍然导入（新建）');
  await expect(summary).toContainText('新增 3');
  await expect(summary).not.toContainText('跳过');
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 3 条');
  const table = page.getByTestId('asset-table');
  await expect(table).toContainText('bak-01');
  await expect(table.getByRole('row', { name: /web-01/ })).toContainText('10.1.0.12');

  // The customer's next version: web-01 moved to A-05 and handed over to 赵六.
  await importFile(page, '重复设备-客户更新.xlsx', await duplicatesXlsx({ edited: true }));
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(summary).toContainText('更新 1');
  await expect(summary).toContainText('无变化 1');
  const changes = page.getByTestId('import-changes');
  const web = changes.getByRole('row', { name: /^2 / });
  await expect(web).toContainText('Web服务器01');
  await expect(web).toContainText('序列号相同');
  await expect(web).toContainText('机柜：A-01 → A-05');
  await expect(web).toContainText('负责人：张三 → 赵六');
  await expect(web.locator('.ant-select')).toHaveText('更新现有对象「Web服务器01」');
  await expect(changes.getByRole('row')).toHaveCount(2); // the header and web-01: db-01 is unchanged
  await page.getByRole('dialog').screenshot({ path: 'test-results/asset-import-changes.png' });
  // Skip it, and there is nothing to import; take the update back.
  const run = page.getByRole('button', { name: '导入', exact: true });
  await chooseOption(page, page.getByLabel('第 2 行的处理'), '跳过');
  await expect(run).toBeDisabled();
  await chooseOption(page, page.getByLabel('第 2 行的处理'), '更新现有对象「Web服务器01」');
  await run.click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 3 条');
  await expect(table.getByRole('row', { name: /web-01/ })).toContainText('A-05');
});

test("a file that is not a workbook gets a plain message in the UI language, never the zip library's", async ({
  page,
}) => {
  await newProject(page, 'BAD-01', '坏文件项目');
  await expect(page.getByTestId('asset-count')).toBeVisible();
  const assetsUrl = page.url();
  const notAWorkbook = new TextEncoder().encode('这其实是一个文本文件\n');
  await pickFile(page, '设备清单.xlsx', notAWorkbook);
  const alert = page.locator('.ant-modal .ant-alert-error');
  await expect(alert).toHaveText('文件不是有效的 Excel 工作簿（.xlsx），请在 Excel/WPS 中另存为 .xlsx 后重试');
  await page.keyboard.press('Escape');

  await page.goto('/#/settings');
  await chooseOption(page, page.locator('#settings-language'), 'English');
  await page.goto(assetsUrl);
  await pickFile(page, 'assets.xlsx', notAWorkbook, { open: 'Import Excel/CSV', pick: 'Choose file' });
  await expect(alert).toHaveText(
    'The file is not a valid Excel workbook (.xlsx). Save it as .xlsx in Excel or WPS and try again.',
  );
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
