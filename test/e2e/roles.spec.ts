import { expect, test, type Page } from '@playwright/test';
import { membersOf } from '../../server/repositories/memberships';
import { DEFAULT_PASSWORD, startTestServer, type TestServer } from '../server/helpers/test-server';
import { chooseOption } from './helpers/choose-option';
import { openDevice, signIn } from './helpers/team-device';

let server: TestServer;
test.beforeAll(async () => {
  server = await startTestServer('sqlite');
  for (const [name, display] of [
    ['zhang', '张工'],
    ['wang', '王经理'],
    ['zhao', '赵审计'],
    ['li', '李工'],
  ])
    await server.addUser(name!, DEFAULT_PASSWORD, display);
});
test.afterAll(async () => server?.dispose());

async function signInAndSync(page: Page, username: string) {
  await signIn(page, server.url, username);
  // Signing in starts a round; wait until it has finished with nothing left to send.
  await expect(async () => {
    const indicator = page.getByTestId('sync-indicator');
    const details = page.getByTestId('sync-details');
    if (!(await details.isVisible())) await indicator.click();
    await expect(details.getByTestId('last-sync')).toBeVisible({ timeout: 2_000 });
    await expect(details).toContainText('未同步的修改：0 条', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press('Escape');
}

test('the project manager manages the server members from the team page; a customer contact and an observer see only what their role allows', async ({
  browser,
}) => {
  test.setTimeout(480_000); // three devices and a loaded machine: 4 min went by before the observer opened
  const zhang = await openDevice(browser);
  await zhang.getByRole('button', { name: '载入示例项目' }).click();
  await expect(zhang.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectId = /projects\/([^/]+)/.exec(zhang.url())![1]!;
  // A checklist template for the observer to open later (the demo project has none of its own).
  await zhang.goto(`/#/projects/${projectId}/templates`);
  await zhang.getByRole('button', { name: '从内置模板复制' }).hover();
  await zhang.locator('.ant-dropdown:visible').getByRole('menuitem').first().click();
  await expect(zhang.getByTestId('templates').locator('.ant-table-row').first()).toBeVisible();
  await zhang.keyboard.press('Escape');
  await signInAndSync(zhang, 'zhang'); // the project made on this device is registered, 张工 its manager

  // 项目概况 → 服务器上的项目成员: add existing users, change a role, remove one.
  await zhang.goto(`/#/projects/${projectId}/overview`);
  const card = zhang.getByTestId('server-members');
  const table = card.getByTestId('server-members-table');
  await expect(card).toContainText('你的角色：项目经理');
  await expect(table).toContainText('zhang');
  const add = async (username: string, role?: string) => {
    await card.getByLabel('用户名').fill(username);
    if (role) await chooseOption(zhang, card.getByLabel('角色', { exact: true }), role);
    await card.getByRole('button', { name: '加入项目' }).click();
  };
  await add('wang');
  await expect(table.getByRole('row', { name: /wang/ })).toBeVisible();
  await chooseOption(zhang, card.getByLabel('wang 的角色'), '客户联系人');
  await expect(zhang.getByText('wang 的角色已改为 客户联系人')).toBeVisible();
  await add('zhao', '观察者');
  await expect(table.getByRole('row', { name: /zhao/ })).toBeVisible();
  await add('nobody');
  await expect(card.getByTestId('server-members-error')).toContainText('服务器上没有这个用户');
  await add('li', '一线工程师');
  await expect(table.getByRole('row', { name: /li\b/ })).toBeVisible();
  await table.getByRole('row', { name: /li\b/ }).getByRole('button', { name: '移出项目' }).click();
  await zhang
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(zhang.getByText('li 已移出项目')).toBeVisible();
  await expect(table.getByRole('row', { name: /li\b/ })).toHaveCount(0);
  // The last project manager cannot step down.
  // (The select stays on 项目经理: the server refused.)
  await card.getByLabel('zhang 的角色').click();
  await zhang.locator('.ant-select-dropdown:visible').getByTitle('技术负责人', { exact: true }).click();
  await expect(card.getByTestId('server-members-error')).toContainText('项目至少要有一位项目经理');
  await zhang.screenshot({ path: test.info().outputPath('team-page-pm.png'), fullPage: true });
  const stored = await membersOf(server.store.db, projectId);
  expect(stored.map((m) => `${m.username}:${m.role}`)).toEqual(['wang:customerContact', 'zhang:pm', 'zhao:observer']);

  // 王经理, the customer contact: reads, confirms, signs, approves and reports; edits nothing else.
  const wang = await openDevice(browser);
  await signInAndSync(wang, 'wang');
  await wang.goto(`/#/projects/${projectId}/overview`);
  await expect(wang.getByTestId('server-members')).toContainText('你的角色：客户联系人');
  await expect(wang.getByTestId('form-projects').getByLabel('项目名称')).toBeDisabled();
  await expect(wang.getByRole('button', { name: '添加成员' })).toHaveCount(0);
  await expect(wang.getByRole('button', { name: '加入项目' })).toHaveCount(0);
  await expect(wang.getByRole('button', { name: '移出项目' })).toHaveCount(0);

  await wang.getByRole('menuitem', { name: '运维对象清单' }).click();
  await expect(wang.getByTestId('asset-count')).toHaveText('共 40 条');
  await expect(wang.getByRole('button', { name: '新增对象' })).toHaveCount(0);
  await expect(wang.getByRole('button', { name: '导入 Excel/CSV' })).toHaveCount(0);

  await wang.getByRole('menuitem', { name: '变更记录' }).click();
  await expect(wang.getByRole('button', { name: '新增变更' })).toHaveCount(0);
  await wang.getByText('数据库参数调整').click();
  const changeForm = wang.getByTestId('form-changeRecords');
  await expect(changeForm.getByLabel('变更标题')).toBeDisabled();
  await expect(changeForm.getByLabel('审批意见')).toBeEnabled();
  const actions = wang.getByTestId('change-actions');
  await expect(actions.getByRole('button', { name: '进入下一步：已驳回' })).toBeVisible();
  await expect(actions.getByRole('button', { name: '进入下一步：测试' })).toHaveCount(0);
  await wang.screenshot({ path: test.info().outputPath('change-customer-contact.png') });
  await wang.keyboard.press('Escape');

  await wang.getByRole('menuitem', { name: '故障与问题' }).click();
  await expect(wang.getByRole('button', { name: '新增故障' })).toBeVisible();

  // 赵审计, the observer: the same screens, nothing to press.
  const zhao = await openDevice(browser);
  await signInAndSync(zhao, 'zhao');
  await zhao.goto(`/#/projects/${projectId}/incidents`);
  await expect(zhao.getByTestId('list-incidents')).toBeVisible();
  await expect(zhao.getByRole('button', { name: '新增故障' })).toHaveCount(0);
  await zhao.getByRole('menuitem', { name: '变更记录' }).click();
  await zhao.getByText('数据库参数调整').click();
  await expect(zhao.getByTestId('form-changeRecords').getByLabel('审批意见')).toBeDisabled();
  await expect(zhao.getByTestId('change-actions').getByRole('button')).toHaveCount(0);
  await zhao.keyboard.press('Escape');

  // The patrol round grid: every reading shown, none writable; each disabled control says why.
  await zhao.goto(`/#/projects/${projectId}/patrol`);
  const grid = zhao.getByTestId('patrol-grid');
  await expect(zhao.getByTestId('read-only-note')).toHaveText('你在该项目中的角色是“观察者”：本页只读。');
  const cell = grid.locator('input[data-cell="0:0"]');
  await expect(cell).toHaveAttribute('readonly', '');
  await cell.click();
  await zhao.keyboard.type('95');
  await expect(cell).not.toHaveValue(/95$/);
  await expect(grid.getByRole('button', { name: '全部正常' }).first()).toBeDisabled();
  await expect(grid.getByRole('button', { name: '无变化（沿用上次）' }).first()).toBeDisabled();
  await grid.locator('[data-role-disabled]').first().hover();
  // (The cell clicked above may still show its own tooltip, 上次 … with the same reason.)
  await expect(
    zhao.getByRole('tooltip').filter({ hasText: /^你在该项目中的角色是“观察者”，不能修改巡检记录$/ }),
  ).toBeVisible();
  await zhao.screenshot({ path: test.info().outputPath('patrol-observer.png') });

  // The checklist templates: listed and opened, nothing to add or save.
  await zhao.goto(`/#/projects/${projectId}/templates`);
  await expect(zhao.getByTestId('read-only-note')).toBeVisible();
  for (const name of ['新建模板', '导入 Excel', /从内置模板复制/])
    await expect(zhao.getByRole('button', { name })).toBeDisabled();
  await zhao.getByTestId('templates').locator('.ant-table-row').first().click();
  const editor = zhao.getByTestId('template-editor');
  await expect(editor.getByRole('button', { name: '保存模板' })).toBeDisabled();
  await expect(editor.locator('#template-name')).toBeDisabled();
  await expect(editor.getByRole('button', { name: '添加分节' })).toBeDisabled();
  await expect(editor.getByTestId('read-only-note')).toHaveText('你在该项目中的角色是“观察者”，不能修改检查模板');
  await zhao.screenshot({ path: test.info().outputPath('templates-observer.png') });
});
