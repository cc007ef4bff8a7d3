import { expect, test } from '@playwright/test';
import { searchAndChoose } from './helpers/choose-option';

const assetName = '核心交换机-01';

/**
 * Who the engineer is (asked on first start, picked from a team), the incident owner 响应 keeps,
 * the change history in names and minutes, and the shell: one empty state on the home page,
 * pages that open at their top beside a navigation that stays in view.
 */

test('first start asks the name and phone; changes are signed with it; 设为当前用户 on the team switches it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const prompt = page.getByTestId('identity-prompt');
  await expect(prompt).toBeVisible();
  await expect(page.getByText('还没有项目')).toHaveCount(1);
  // One empty state on the home page: antd's own "暂无数据" is not shown beside it.
  await expect(page.locator('.ant-empty')).toHaveCount(1);
  expect(await page.locator('main').innerText()).not.toContain('暂无数据');
  await page.screenshot({ path: test.info().outputPath('start-first.png'), fullPage: true });
  // The grey background reaches the bottom of the window.
  const content = await page.locator('.shell-content').boundingBox();
  expect(content!.y + content!.height).toBeGreaterThanOrEqual(page.viewportSize()!.height - 1);

  await prompt.getByLabel('手机号').fill('abc');
  await prompt.getByRole('button', { name: '开始使用' }).click();
  await expect(prompt.getByText('请填写您的姓名')).toBeVisible();
  await expect(prompt.getByText('手机号格式不正确')).toBeVisible();
  await prompt.getByLabel('您的姓名').fill('王建');
  await prompt.getByLabel('手机号').fill('139 0000 1111');
  await prompt.getByRole('button', { name: '开始使用' }).click();
  await expect(prompt).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('identity-prompt')).toHaveCount(0);

  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.locator('#settings-user-name')).toHaveValue('王建');
  await expect(page.locator('#settings-user-phone')).toHaveValue('139 0000 1111');

  // A project with two members: the history names who made each change.
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('ID-1');
  await form.getByLabel('项目名称').fill('身份测试项目');
  await form.getByLabel('客户').fill('某银行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '身份测试项目' })).toBeVisible();
  for (const name of ['周明', '李工']) {
    await page.getByRole('button', { name: '添加成员' }).click();
    const member = page.getByTestId('form-members');
    await member.getByLabel('姓名').fill(name);
    await member.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('team-table')).toContainText(name);
    await expect(member).toBeHidden();
  }
  const team = page.getByTestId('team-table');
  // 周明 was added by 王建: his history says so.
  await team.getByRole('row', { name: /周明/ }).getByRole('button', { name: '编辑' }).click();
  const drawer = page.getByRole('dialog', { name: /周明/ });
  await drawer.getByRole('tab', { name: '修改历史' }).click();
  await expect(drawer.getByTestId('history')).toContainText('王建');
  await expect(drawer.getByTestId('history')).not.toContainText('本机用户');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const currentTag = (name: RegExp) => team.getByRole('row', { name }).locator('.ant-tag', { hasText: '当前用户' });
  await team.getByRole('row', { name: /李工/ }).getByRole('button', { name: '设为当前用户' }).click();
  await expect(currentTag(/李工/)).toHaveCount(1);
  await expect(team.getByRole('row', { name: /李工/ }).getByRole('button', { name: '设为当前用户' })).toHaveCount(0);
  await expect(currentTag(/周明/)).toHaveCount(0);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.locator('#settings-user-name')).toHaveValue('李工');
});

test('the first-start question can be skipped and does not come back', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('identity-prompt').getByRole('button', { name: '以后再说' }).click();
  await expect(page.getByTestId('identity-prompt')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: '新建项目' })).toBeVisible();
  await expect(page.getByTestId('identity-prompt')).toHaveCount(0);
});

test('响应 keeps the 负责人 typed just before; history shows names and minutes; pages open at their top', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A small window, so that pages scroll.
  await page.setViewportSize({ width: 1280, height: 480 });
  await page.goto('/');
  await page.getByTestId('identity-prompt').getByRole('button', { name: '以后再说' }).click();
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('OPS-1');
  await form.getByLabel('项目名称').fill('响应测试项目');
  await form.getByLabel('客户').fill('某银行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '响应测试项目' })).toBeVisible();
  const projectUrl = page.url().replace(/\/overview$/, '');
  await page.goto(`${projectUrl}/assets`);
  await page.getByRole('button', { name: '新增对象' }).click();
  const asset = page.getByTestId('form-assets');
  await asset.getByLabel('名称', { exact: true }).fill(assetName);
  await asset.getByRole('button', { name: '保存' }).click();
  await expect(asset).toBeHidden();
  await page.goto(`${projectUrl}/overview`);

  // A long page scrolled down, then another page: it opens at its top, the navigation in view.
  // The overview fills in from IndexedDB after it opens, so scroll until there is room to.
  const scrollToBottom = () =>
    page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight);
      return window.scrollY;
    });
  await expect.poll(scrollToBottom).toBeGreaterThan(0);
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  await expect(page.getByTestId('sla')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.body.scrollHeight)).toBeGreaterThan(1200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect.poll(scrollToBottom).toBeGreaterThan(600);
  // The navigation stays beside the page as it scrolls.
  const nav = await page.locator('.workspace-nav').boundingBox();
  expect(nav!.y).toBeGreaterThanOrEqual(0);
  expect(nav!.y).toBeLessThan(100);
  await page.getByRole('menuitem', { name: '故障与问题' }).click();
  await expect(page.getByTestId('list-incidents')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

  await page.getByRole('button', { name: '新增故障' }).click();
  const incident = page.getByTestId('form-incidents');
  await incident.getByLabel('标题', { exact: true }).fill('核心交换机端口告警');
  await searchAndChoose(page, incident.getByLabel('运维对象'), assetName);
  await incident.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-incidents').getByLabel('负责人')).toBeVisible();
  const owner = page.getByTestId('form-incidents').getByLabel('负责人');
  await owner.fill('赵六');
  // Straight from the field to 响应, as fast as a click can follow (leaving the field starts its
  // save, the button acts in the same moment, before the drawer has shown the saved row): the
  // typed owner stays.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement).blur();
    [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === '响应')!.click();
  });
  await expect(page.getByTestId('form-incidents').getByTestId('save-status')).toContainText('已保存');
  await expect(page.getByTestId('form-incidents').getByLabel('状态')).toBeVisible();
  await expect(page.getByTestId('form-incidents')).toContainText('处理中');
  await expect(owner).toHaveValue('赵六');
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('fieldbook');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const rows = await new Promise<Array<{ title: string; owner: string; status: string }>>((resolve) => {
      const request = db.transaction('incidents').objectStore('incidents').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return rows.find((row) => row.title === '核心交换机端口告警');
  });
  expect(stored).toMatchObject({ owner: '赵六', status: 'acknowledged' });

  // The history names the asset, not its id, and says when in minutes.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('form-incidents')).toBeHidden();
  await page.getByTestId('list-incidents').locator('.ant-table-row').filter({ hasText: '核心交换机端口告警' }).click();
  const drawer = page.getByRole('dialog', { name: /核心交换机端口告警/ });
  await drawer.getByRole('tab', { name: '修改历史' }).click();
  const history = drawer.getByTestId('history');
  await expect(history).toBeVisible();
  await expect(history).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(history).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  await expect(history).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(history).toContainText(assetName);
  await page.screenshot({ path: test.info().outputPath('incident-history.png') });
});
