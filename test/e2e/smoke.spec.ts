import { expect, test } from '@playwright/test';

test('the start screen loads the demo project', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto('/');
  await expect(page.getByText('还没有项目')).toBeVisible();
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  await page.screenshot({ path: 'test-results/demo-assets.png' });
  expect(errors).toEqual([]);
});
