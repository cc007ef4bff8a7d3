import { expect, test, type Page } from '@playwright/test';
import { builtinTemplate } from '../../shared/inspection';
import { chooseFile } from './helpers/choose-file';
import { chooseOption } from './helpers/choose-option';

const linux = builtinTemplate('linux-server')!;
const photoItem = linux.items.find((item) => item.kind === 'photo')!;

/** A small real JPEG drawn by the browser. */
async function photo(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(160, 120);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ff4d4f';
    ctx.fillRect(0, 0, 160, 120);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test('a photo on a photo item is evidence: the item stays unjudged until the engineer says 合格 or 不合格', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条', { timeout: 90_000 }); // the demo's month of operations takes a while on a busy machine

  await page.getByRole('menuitem', { name: '检查模板（配置基线）' }).click();
  await page.getByRole('button', { name: '从内置模板复制' }).hover();
  await page.getByRole('menuitem', { name: new RegExp(`^${linux.name}`) }).click();
  await expect(page.getByTestId('templates')).toContainText(linux.name);
  await page.getByRole('menuitem', { name: '基线检查', exact: true }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await chooseOption(page, page.getByLabel('检查模板'), linux.name, { partial: true });
  await page.getByTestId('start-assets').locator('.ant-table-row').first().locator('input[type=checkbox]').check();
  await page.getByRole('dialog').getByRole('button', { name: '开始检查' }).click();
  await page.getByTestId('inspections').locator('.ant-table-row').first().click();

  // The photo of the panel: a red warning light on it.
  const row = page.getByTestId(`item-${photoItem.id}`);
  await row.click();
  const panel = page.getByTestId('answer-panel');
  const buffer = await photo(page);
  await chooseFile(page, panel.getByRole('button', { name: /拖放照片或文件到这里/ }), {
    name: 'panel.jpg',
    mimeType: 'image/jpeg',
    buffer,
  });
  await expect(panel.locator('img')).toHaveCount(1, { timeout: 30_000 });

  // Stored with the photo, yet not judged: no 合格 by itself.
  await expect(panel.getByText('未填写')).toBeVisible();
  await expect(row.locator('[data-verdict]')).toHaveAttribute('data-verdict', '');

  // The engineer judges what the photo shows.
  await panel.getByRole('button', { name: '2 不合格' }).click();
  await expect(row.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'fail');
  await expect(page.getByTestId('runner-failures')).toHaveText('不合格 1');
});
