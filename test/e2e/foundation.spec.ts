import { expect, test, type Page } from '@playwright/test';

async function createProject(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('SH-2026-007');
  await form.getByLabel('项目名称').fill('上海分行机房运维');
  await form.getByLabel('客户').fill('某证券公司');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '上海分行机房运维' })).toBeVisible();
}

async function addAsset(page: Page, values: { name: string; hostname: string; ip: string }) {
  await page.getByRole('button', { name: '新增对象' }).click();
  const form = page.getByTestId('form-assets');
  await form.getByLabel('名称').fill(values.name);
  await form.getByLabel('主机名').fill(values.hostname);
  await form.getByLabel('IP 地址').fill(values.ip);
  await form.getByLabel('IP 地址').press('Enter');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
}

test('create a project, add a team member and assets; everything survives a reload', async ({ page }) => {
  await createProject(page);

  await page.getByRole('button', { name: '添加成员' }).click();
  const member = page.getByTestId('form-members');
  await member.getByLabel('姓名').fill('周明');
  await member.getByLabel('角色').click();
  await page.getByTitle('技术负责人').click();
  await member.getByLabel('电话').fill('139 1234 5678');
  await member.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('team-table')).toContainText('周明');
  await expect(page.getByTestId('team-table')).toContainText('技术负责人');

  await page.getByRole('menuitem', { name: '运维对象清单' }).click();
  await addAsset(page, { name: '核心数据库主节点', hostname: 'db-core-01', ip: '10.1.1.11' });
  await addAsset(page, { name: '核心交换机 A', hostname: 'sw-core-a', ip: '10.1.0.1' });
  await expect(page.getByTestId('asset-count')).toHaveText('共 2 条');

  // A bad value is refused with a Chinese message and nothing is saved.
  await page.getByRole('button', { name: '新增对象' }).click();
  const form = page.getByTestId('form-assets');
  await form.getByLabel('名称').fill('坏地址');
  await form.getByLabel('IP 地址').fill('10.0.0.999');
  await form.getByLabel('IP 地址').press('Enter');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('不是有效的 IP 地址: 10.0.0.999');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('asset-count')).toHaveText('共 2 条');

  await page.reload();
  await expect(page.getByTestId('asset-count')).toHaveText('共 2 条');
  await expect(page.getByTestId('asset-table')).toContainText('db-core-01');
  await page.getByRole('menuitem', { name: '项目概况' }).click();
  await expect(page.getByTestId('team-table')).toContainText('周明');
});

test('edit an asset and see who changed what in its history', async ({ page }) => {
  await createProject(page);
  await page.getByRole('menuitem', { name: '运维对象清单' }).click();
  await addAsset(page, { name: 'Web 服务器', hostname: 'web-01', ip: '10.2.0.5' });

  await page.getByTestId('asset-table').getByText('Web 服务器').click();
  const form = page.getByTestId('form-assets');
  await form.getByLabel('机柜').fill('B-07');
  await form.getByLabel('名称').fill('Web 前置服务器');
  // Edits save themselves and say so.
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('asset-table')).toContainText('Web 前置服务器');

  await page.getByRole('button', { name: '修改历史' }).first().click();
  const history = page.getByTestId('history');
  await expect(history).toContainText('创建');
  await expect(history).toContainText('名称: Web 服务器 → Web 前置服务器');
  await expect(history).toContainText('机柜: — → B-07');
  await expect(history).toContainText('本机用户');
});

test('load the demo project and sort, filter and search its inventory', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  await page.getByPlaceholder('搜索名称').fill('jnb-fw');
  await expect(page.getByTestId('asset-count')).not.toHaveText('共 40 条');
  const rows = page.getByTestId('asset-table').getByRole('row');
  await expect(rows.nth(1)).toContainText('安全设备');
  await page.getByPlaceholder('搜索名称').fill('');
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  await page.getByRole('columnheader', { name: '主机名' }).click();
  await expect(rows.nth(1)).toContainText('jnb-app-');
  await page.getByRole('columnheader', { name: '主机名' }).click();
  await expect(rows.nth(1)).toContainText('jnb-sw-');
  await page.getByRole('menuitem', { name: '项目概况' }).click();
  await expect(page.getByTestId('team-table')).toContainText('王建国');
});

test('the UI switches to English and back, and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('界面语言').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Projects' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Load demo project' }).click();
  await expect(page.getByRole('columnheader', { name: 'Hostname' })).toBeVisible();
  await expect(page.getByTestId('asset-count')).toHaveText('40 in total');
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();
  await expect(page.getByRole('menuitem', { name: '项目' })).toBeVisible();
});
