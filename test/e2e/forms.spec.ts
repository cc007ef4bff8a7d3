import { expect, type Locator, test, type Page } from '@playwright/test';
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

/** The message under a field (the save status may repeat it). */
function fieldError(form: Locator, text: string) {
  return form.locator('.ant-form-item-explain-error').filter({ hasText: text });
}

test('a new patrol plan starts empty on every open, asks before throwing typing away, and cannot be saved without assets', async ({
  page,
}) => {
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

test('typing is kept through an immediate reload, and the form says 已保存 only once it is stored', async ({
  page,
}) => {
  await loadDemo(page);
  const asset = servers[2]!;

  // An asset's drawer: typed, then the page reloads at once (well within the autosave delay).
  await page.getByPlaceholder('搜索名称').fill(asset.hostname!);
  await page.getByTestId('asset-table').getByText(asset.name).click();
  let form = page.getByTestId('form-assets');
  await form.getByLabel('机柜').fill('Z-99');
  // Read once, at once: never the idle hint (修改会自动保存) while an edit waits to be written.
  expect(await form.getByTestId('save-status').textContent()).toMatch(/正在保存|已保存/);
  await page.reload();
  await expect(page.getByTestId('asset-count')).toBeVisible();
  await page.getByPlaceholder('搜索名称').fill(asset.hostname!);
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

test('an error leaves its field once the value is valid; a bad SLA cell names its row; a change window ending before it starts and an incident closed without its cause are refused, saying why', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await loadDemo(page);

  // 请填写… goes as soon as the field is filled, before any save.
  await page.getByRole('menuitem', { name: '巡检计划' }).click();
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  const plan = page.getByTestId('form-patrolPlans');
  await plan.getByRole('button', { name: '保存' }).click();
  await expect(plan.getByText('请填写计划名称')).toBeVisible();
  await plan.getByLabel('计划名称').fill('核心网络周巡检');
  await expect(plan.getByText('请填写计划名称')).toBeHidden();
  await plan.getByRole('button', { name: '保存' }).click();
  await expect(plan.getByText('请至少选择一个巡检对象')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(plan).toBeHidden();

  // One bad cell of the SLA table: the message names row and column, only that cell is red.
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  const sla = page.getByTestId('form-sla');
  await sla.getByRole('spinbutton', { name: '响应时间 2' }).fill('0');
  await sla.getByRole('spinbutton', { name: '响应时间 2' }).press('Tab');
  await expect(fieldError(sla, '第 2 行（P2）响应时间：不能小于 1')).toBeVisible();
  await expect(sla.locator('[data-invalid]')).toHaveCount(1);
  await expect(sla.locator('.ant-input-number-status-error')).toHaveCount(1);
  await sla.screenshot({ path: test.info().outputPath('sla-bad-row.png') });
  await sla.getByRole('spinbutton', { name: '响应时间 2' }).fill('30');
  await sla.getByRole('spinbutton', { name: '响应时间 2' }).press('Tab');
  await expect(fieldError(sla, '第 2 行（P2）响应时间：不能小于 1')).toBeHidden();
  await expect(sla.getByTestId('save-status')).toContainText('已保存');

  // A change window that ends before it starts.
  await page.getByRole('menuitem', { name: '变更记录' }).click();
  await page.getByRole('button', { name: '新增变更' }).click();
  await page.getByTestId('form-changeRecords').getByLabel('变更标题').fill('核心交换机固件升级');
  await page.getByTestId('form-changeRecords').getByRole('button', { name: '保存' }).click();
  const change = page.getByTestId('form-changeRecords');
  await expect(change.getByTestId('save-status')).toBeVisible();
  for (const [label, value] of [
    ['实施窗口开始', '2026-12-12 22:00'],
    ['实施窗口结束', '2026-12-12 21:00'],
  ] as const) {
    await change.getByLabel(label).fill(value);
    await change.getByLabel(label).press('Enter');
  }
  await expect(fieldError(change, '计划结束时间不能早于开始时间')).toBeVisible();
  await expect(change.getByTestId('save-status')).toContainText('未保存');
  // Closing does not silently drop the refused edit: the drawer stays, saying what to do.
  await page.keyboard.press('Escape');
  await expect(page.getByText('有修改未能保存，请按字段上的提示修改后再关闭')).toBeVisible();
  await expect(change).toBeVisible();
  await page.reload();

  // An incident is restored at once, but closed only once its root cause and fix are written.
  await page.getByRole('menuitem', { name: '故障与问题' }).click();
  await page.getByRole('button', { name: '新增故障' }).click();
  await page.getByTestId('form-incidents').getByLabel('标题').fill('存储链路抖动');
  await page.getByTestId('form-incidents').getByRole('button', { name: '保存' }).click();
  const steps = page.getByTestId('incident-sla');
  await steps.getByRole('button', { name: '响应', exact: true }).click();
  await steps.getByRole('button', { name: '恢复', exact: true }).click();
  await steps.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByText('关闭故障前请填写解决措施；关闭故障前请填写根本原因')).toBeVisible();
  await expect(steps.getByRole('button', { name: '关闭', exact: true })).toBeVisible();
  const incident = page.getByTestId('form-incidents');
  await incident.getByLabel('根本原因').fill('光模块老化');
  await incident.getByLabel('解决措施').fill('更换光模块');
  await expect(incident.getByTestId('save-status')).toContainText('已保存');
  await steps.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(steps.getByRole('button', { name: '关闭', exact: true })).toBeHidden();
});

test('the asset picker finds assets by hostname and IP; a patrol plan can be deleted after a confirmation', async ({
  page,
}) => {
  await loadDemo(page);
  const [byHost, byIp] = [servers[3]!, servers[4]!];
  await page.getByRole('menuitem', { name: '巡检计划' }).click();
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  const form = page.getByTestId('form-patrolPlans');
  await form.getByLabel('计划名称').fill('临时巡检');
  const pick = form.getByLabel('巡检对象');
  for (const [asset, typed] of [
    [byHost, byHost.hostname!],
    [byIp, byIp.ips![0]!],
  ] as const) {
    await pick.fill(typed);
    // Their names do not contain what was typed: only the hostname or IP can have found them.
    await page.locator('.ant-select-dropdown:visible').getByTitle(asset.name, { exact: true }).click();
  }
  await expect(chosenTags(form, '巡检对象')).toHaveCount(2);
  await form.getByLabel('计划名称').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-patrolPlans').getByTestId('save-status')).toBeVisible();

  await page.getByRole('button', { name: '删除此记录' }).click();
  const confirm = page.getByRole('dialog', { name: '删除“临时巡检”？' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除“临时巡检”')).toBeVisible();
  await expect(page.getByTestId('form-patrolPlans')).toBeHidden();
  await expect(page.getByTestId('list-patrolPlans').getByRole('row', { name: /临时巡检/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('list-patrolPlans').getByTestId('list-count')).toBeVisible();
  await expect(page.getByTestId('list-patrolPlans').getByRole('row', { name: /临时巡检/ })).toHaveCount(0);
});
