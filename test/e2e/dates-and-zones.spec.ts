import { expect, type Locator, test, type Page } from '@playwright/test';

// An engineer's laptop set to UTC with an English browser, on a project in China. 23:30 UTC on
// 7 December is 07:30 on 8 December in Shanghai: the hour in which "today" taken in UTC (or in
// the browser's zone) is still yesterday.
test.use({ timezoneId: 'UTC', locale: 'en-US' });
const lateEvening = new Date('2026-12-07T23:30:00Z');

const nativeDateInputs = 'input[type="date"], input[type="datetime-local"], input[type="time"], input[type="month"]';

async function closeDrawer(page: Page, form: Locator) {
  await expect(async () => {
    if (await form.isVisible()) await page.keyboard.press('Escape');
    await expect(form).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status').last()).toContainText('已保存');
}

test("dates read YYYY-MM-DD and 24-hour in the Chinese UI on an en-US browser in UTC; today, now and a confirmation date are the project zone's", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.setSystemTime(lateEvening);
  await page.goto('/');
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  // A date typed and Enter: taken in the stored form (and, like Enter in any field of the
  // new-project form, it creates the project).
  await page.getByRole('button', { name: '新建项目' }).click();
  let form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('SH-2026-012');
  await form.getByLabel('项目名称').fill('上海数据中心运维');
  await form.getByLabel('客户').fill('某城商行');
  await expect(form.locator(nativeDateInputs)).toHaveCount(0);
  const start = form.getByLabel('开始日期');
  await start.click();
  await start.fill('2026-12-07');
  await start.press('Enter');
  await expect(page.getByRole('heading', { name: '上海数据中心运维' })).toBeVisible();

  // The project's form: the date as stored, the project's zone (Asia/Shanghai unless changed).
  form = page.getByTestId('form-projects');
  await expect(form.getByLabel('开始日期')).toHaveValue('2026-12-07');
  await expect(form.getByText('北京时间 (UTC+8) Asia/Shanghai')).toBeVisible();
  await expect(page.locator(nativeDateInputs)).toHaveCount(0);
  // The picker speaks Chinese whatever the browser's language (一 … 日, 今天), and its 今天 is
  // the project's today: the 8th in Shanghai, while the browser's own clock says the 7th.
  const end = form.getByLabel('结束日期');
  await end.click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await expect(panel.locator('thead')).toContainText('一');
  await expect(panel.locator('thead')).toContainText('日');
  await page.screenshot({ path: test.info().outputPath('date-picker-zh.png') });
  await panel.getByText('今天').click();
  await expect(end).toHaveValue('2026-12-08');
  await waitSaved(page);
  // Typed and left with Tab (no Enter), in another common form: taken too, and stored.
  await end.click();
  await end.fill('2027/6/30');
  await end.press('Tab');
  await expect(end).toHaveValue('2027-06-30');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('form-projects').getByLabel('结束日期')).toHaveValue('2027-06-30');

  // A requirement confirmed at 07:30 Shanghai time is confirmed on the 8th, not the 7th (UTC).
  await page.getByRole('menuitem', { name: '需求条目' }).click();
  await page.getByRole('button', { name: '新增需求' }).click();
  const req = page.getByTestId('form-requirements');
  await req.getByLabel('需求描述').fill('核心系统 7x24 小时监控');
  await req.getByLabel('验收标准（可度量）').fill('告警 5 分钟内通知值班工程师');
  await req.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '提交客户确认' }).click();
  await page.getByRole('button', { name: '客户确认' }).click();
  const dialog = page.getByRole('dialog', { name: '记录客户确认' });
  await expect(dialog.getByLabel('确认日期')).toHaveValue('2026-12-08');
  await dialog.getByLabel('客户确认人').fill('钱经理');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '变更（记录新版本）' })).toBeVisible();
  await expect(page.getByTestId('form-requirements').getByLabel('确认日期')).toHaveValue('2026-12-08');
  await closeDrawer(page, req);

  // An incident reported now: 2026-12-08 07:3x on a 24-hour clock, the wall time in Shanghai.
  await page.getByRole('menuitem', { name: '故障与问题' }).click();
  await page.getByRole('button', { name: '新增故障' }).click();
  let incident = page.getByTestId('form-incidents');
  // (The clock runs on from 23:30 UTC: a minute or two may have passed.)
  await expect(incident.getByLabel('报障时间')).toHaveValue(/^2026-12-08 07:3\d$/);
  await expect(page.locator(nativeDateInputs)).toHaveCount(0);
  await incident.getByLabel('标题').fill('核心交换机端口告警');
  await incident.getByRole('button', { name: '保存' }).click();
  // Created: the drawer edits it and saves as we go. A date-time typed as shown, Enter.
  incident = page.getByTestId('form-incidents');
  const acknowledged = incident.getByLabel('响应时间');
  await acknowledged.click();
  await acknowledged.fill('2026-12-08 14:05');
  await acknowledged.press('Enter');
  await expect(acknowledged).toHaveValue('2026-12-08 14:05');
  await waitSaved(page);
  await page.screenshot({ path: test.info().outputPath('incident-form-zh.png') });
  const stored = await page.evaluate(async () => {
    const request = indexedDB.open('fieldbook');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const all = db.transaction('incidents').objectStore('incidents').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    return rows.map((row) => ({ reportedAt: row.reportedAt, acknowledgedAt: row.acknowledgedAt }));
  });
  expect(stored).toEqual([
    { reportedAt: expect.stringMatching(/^2026-12-08T07:3\d$/), acknowledgedAt: '2026-12-08T14:05' },
  ]);

  await closeDrawer(page, incident);

  // Times of day on the SLA: 09:00, never 9:00 AM.
  await page.getByRole('menuitem', { name: '服务级别协议' }).click();
  await expect(page.getByLabel('每日开始')).toHaveValue('09:00');
  await expect(page.getByLabel('每日结束')).toHaveValue('17:30');
  await expect(page.locator(nativeDateInputs)).toHaveCount(0);
});
