import { expect, test, type Page } from '@playwright/test';
import { generateDemoProject } from '../../shared/demo/demo-project';
import { addOption } from './helpers/choose-option';

const servers = generateDemoProject().assets.filter((a) => a.type === 'server');
const [first, second] = servers;

async function loadDemo(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条', { timeout: 90_000 }); // the demo's month of operations takes a while on a busy machine
}

/** The tags an antd multiple select holds. */
function chosenTags(form: ReturnType<Page['getByTestId']>, label: string) {
  return form
    .getByLabel(label)
    .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
    .locator('.ant-select-selection-item');
}

test('a new patrol plan starts empty on every open, asks before throwing typing away, and cannot be saved without assets', async ({ page }) => {
  await loadDemo(page);
  await page.getByRole('menuitem', { name: '巡检计划' }).click();
  const plans = page.getByTestId('list-patrolPlans');

  // Pick two assets, then close the drawer with Esc: it asks first; 继续编辑 keeps the typing.
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  let form = page.getByTestId('form-patrolPlans');
  await form.getByLabel('计划名称').fill('机房夜间巡检');
  await addOption(page, form.getByLabel('巡检对象'), first!.name);
  await addOption(page, form.getByLabel('巡检对象'), second!.name);
  await form.getByLabel('计划名称').click(); // closes the list
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: '放弃未保存的内容？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续编辑' }).click();
  await expect(confirm).toBeHidden();
  await expect(form.getByLabel('计划名称')).toHaveValue('机房夜间巡检');
  await expect(chosenTags(form, '巡检对象')).toHaveCount(2);

  // The close button asks too; 放弃 closes the drawer.
  await page.locator('.ant-drawer-close').click();
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();

  // Opened again, the form is fresh: nothing of the abandoned plan is there.
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  form = page.getByTestId('form-patrolPlans');
  await expect(form.getByLabel('计划名称')).toHaveValue('');
  await expect(chosenTags(form, '巡检对象')).toHaveCount(0);

  // Without an asset the plan is refused, with the reason on the field, and nothing is stored.
  await form.getByLabel('计划名称').fill('机房夜间巡检');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请至少选择一个巡检对象')).toBeVisible();
  await expect(plans.getByRole('row', { name: /机房夜间巡检/ })).toHaveCount(0);

  // Choosing the same two assets now adds them (they were not silently preloaded), and it saves.
  await addOption(page, form.getByLabel('巡检对象'), first!.name);
  await addOption(page, form.getByLabel('巡检对象'), second!.name);
  await expect(form.getByText('请至少选择一个巡检对象')).toBeHidden();
  await form.getByLabel('计划名称').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-patrolPlans').getByTestId('save-status')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(plans.getByRole('row', { name: /机房夜间巡检/ })).toContainText('2');

  // Closing an untouched new form asks nothing.
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  await expect(page.getByTestId('form-patrolPlans').getByLabel('计划名称')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('form-patrolPlans')).toBeHidden();
  await expect(confirm).toBeHidden();
});

test('typing is kept through an immediate reload, and the form says 已保存 only once it is stored', async ({ page }) => {
  await loadDemo(page);
  const asset = servers[2]!;

  // An asset's drawer: typed, then the page reloads at once (well within the autosave delay).
  await page.getByPlaceholder('搜索名称').fill(asset.hostname);
  await page.getByTestId('asset-table').getByText(asset.name).click();
  let form = page.getByTestId('form-assets');
  await form.getByLabel('机柜').fill('Z-99');
  // Read once, at once: never the idle hint (修改会自动保存) while an edit waits to be written.
  expect(await form.getByTestId('save-status').textContent()).toMatch(/正在保存|已保存/);
  await page.reload();
  await expect(page.getByTestId('asset-count')).toBeVisible();
  await page.getByPlaceholder('搜索名称').fill(asset.hostname);
  await page.getByTestId('asset-table').getByText(asset.name).click();
  form = page.getByTestId('form-assets');
  await expect(form.getByLabel('机柜')).toHaveValue('Z-99');

  // The SLA, a form of its own page: the same.
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  const sla = page.getByTestId('sla');
  const penalties = sla.getByLabel('未达标处理（总则）');
  await penalties.fill('按月扣减服务费 5%');
  expect(await sla.getByTestId('save-status').textContent()).toMatch(/正在保存|已保存/);
  await page.reload();
  await expect(page.getByTestId('sla').getByLabel('未达标处理（总则）')).toHaveValue('按月扣减服务费 5%');

  // Left alone, it is stored and says so.
  await page.getByTestId('sla').getByLabel('未达标处理（总则）').fill('按月扣减服务费 3%');
  await expect(page.getByTestId('sla').getByTestId('save-status')).toContainText('已保存');
  await page.reload();
  await expect(page.getByTestId('sla').getByLabel('未达标处理（总则）')).toHaveValue('按月扣减服务费 3%');
});
