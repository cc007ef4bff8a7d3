import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';

test('Word deliverables: readiness, generate in a worker, download, version recorded, 修订记录 lists every export', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('公司名称（乙方）').fill('恒信科技有限公司');
  await page.getByLabel('公司名称（乙方）').press('Tab');
  await page.getByRole('button', { name: '保存' }).nth(1).click();
  await page.getByRole('menuitem', { name: '项目' }).click();
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  await page.getByRole('menuitem', { name: '交付文档' }).click();
  const table = page.getByTestId('deliverables');
  const row = table.getByRole('row', { name: /需求规格说明书/ });
  await expect(row).toContainText('已齐备');

  for (const version of [1, 2]) {
    await row.getByRole('button', { name: '生成 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '生成 Word' });
    await dialog.getByLabel('本版修改内容').fill(version === 1 ? '首次发布' : '补充调研结论');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '生成 Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`JNB-OPS-2026-需求规格说明书-V${version}.0.docx`);
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await file.path())!) });
    expect(text).toContain('需求规格说明书');
    expect(text).toContain('江南银行数据中心运维服务项目');
    expect(text).toContain('恒信科技有限公司');
    expect(text).toContain('P1 故障 15 分钟内响应、4 小时内恢复');
    expect(text).toContain('修订记录');
    expect(text).toContain('首次发布');
    if (version === 2) expect(text).toContain('补充调研结论');
    await expect(row).toContainText(`V${version}.0`);
  }
  expect(errors).toEqual([]);
});

test('a document whose data is missing says what is missing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('EMPTY-1');
  await form.getByLabel('项目名称').fill('空项目');
  await form.getByLabel('客户').fill('某客户');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: '交付文档' }).click();
  const row = page.getByTestId('deliverables').getByRole('row', { name: /服务级别协议/ });
  await expect(row).toContainText('缺');
  await row.getByRole('button', { name: '生成 Word' }).click();
  await page.getByRole('dialog', { name: '生成 Word' }).getByRole('button', { name: '生成 Word' }).click();
  await expect(page.getByRole('dialog', { name: /还缺少以下数据/ })).toContainText('服务级别协议未填写');
});
