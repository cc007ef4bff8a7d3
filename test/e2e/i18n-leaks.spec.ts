import { expect, type Page, test } from '@playwright/test';
import { addOption, chooseOption } from './helpers/choose-option';

/**
 * The English UI shows no Chinese, the Chinese UI no internal keys. The English project is made
 * with ASCII data only, so any Chinese on a page is the app's own text leaking through.
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Lines of the page's visible text that hold Chinese characters. Template placeholders are
 * Chinese in both languages ({{正文}}, {项目编号}: they are typed into Word files and numbering
 * patterns), so they are taken out first.
 */
async function cjkLines(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => CJK.test(line.replace(/\{\{?[^{}]{1,12}\}\}?/g, '')));
}

const workspacePages = [
  'overview',
  'readiness',
  'survey',
  'stakeholders',
  'requirements',
  'assets',
  'feasibility',
  'sla',
  'charter',
  'plan',
  'templates',
  'service-design',
  'patrol-plans',
  'inspections',
  'nonconformities',
  'training',
  'pilot',
  'cutover',
  'patrol',
  'incidents',
  'changes',
  'ops-log',
  'trends',
  'compliance',
  'deliverables',
  'sync',
];

test('the English UI shows no Chinese: pages, SLA clocks, metric names, validation messages', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/#/settings');
  await chooseOption(page, page.locator('#settings-language'), 'English');
  await expect(page.getByText('Language', { exact: true })).toBeVisible();
  const leaks: string[] = [];
  const collect = async (where: string) => {
    for (const line of await cjkLines(page)) leaks.push(`${where}: ${line}`);
  };
  await collect('settings');

  await page.goto('/#/');
  await expect(page.getByTestId('identity-prompt')).toContainText('Your name');
  await collect('start');
  await page.getByTestId('identity-prompt').getByRole('button', { name: 'Later' }).click();
  await expect(page.getByTestId('identity-prompt')).toHaveCount(0);
  await page.getByRole('button', { name: 'New project' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('Project code').fill('EN-001');
  await form.getByLabel('Project name').fill('Harbor Ops');
  await form.getByLabel('Customer').fill('Acme Bank');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Harbor Ops' })).toBeVisible();
  const projectUrl = page.url().replace(/\/overview$/, '');

  // SLA targets, so incidents run on clocks.
  await page.goto(`${projectUrl}/sla`);
  await page.getByRole('button', { name: 'Fill typical P1–P4 targets' }).click();
  await expect(page.getByRole('button', { name: 'Fill typical P1–P4 targets' })).toHaveCount(0);
  await collect('sla');

  // An asset, and a required field left empty: the message is English.
  await page.goto(`${projectUrl}/assets`);
  await page.getByRole('button', { name: 'Add asset' }).click();
  const asset = page.getByTestId('form-assets');
  await asset.getByLabel('Name', { exact: true }).fill('web-01');
  await asset.getByLabel('Hostname').fill('web01');
  await asset.getByRole('button', { name: 'Save' }).click();
  await expect(asset).toBeHidden();
  await page.getByText('web-01', { exact: true }).first().click();
  const editing = page.getByTestId('form-assets');
  await editing.getByLabel('Name', { exact: true }).fill('');
  await editing.getByLabel('Hostname').click();
  await expect(editing.locator('.ant-form-item-explain-error', { hasText: 'Please enter Name' })).toBeVisible();
  await collect('asset form');
  await editing.getByLabel('Name', { exact: true }).fill('web-01');
  await editing.getByLabel('Hostname').click();
  await expect(editing.locator('.ant-form-item-explain-error', { hasText: 'Please enter Name' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A patrol plan over it: the plan's items are picked by name, never by key.
  await page.goto(`${projectUrl}/patrol-plans`);
  await page.getByRole('button', { name: 'Add patrol plan' }).click();
  const plan = page.getByTestId('form-patrolPlans');
  await plan.getByLabel('Plan', { exact: true }).fill('Daily round');
  await addOption(page, plan.getByLabel('Assets', { exact: true }), 'web-01');
  await addOption(page, plan.getByLabel('Patrol items'), 'CPU usage');
  await plan.getByLabel('Plan', { exact: true }).click();
  await collect('patrol plan form');
  await expect(plan).not.toContainText('cpu.usedPercent');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('form-patrolPlans').getByTestId('save-status')).toBeVisible();
  await page.keyboard.press('Escape');

  // An incident on the clocks.
  await page.goto(`${projectUrl}/incidents`);
  await page.getByRole('button', { name: 'Add incident' }).click();
  const incident = page.getByTestId('form-incidents');
  await incident.getByLabel('Title', { exact: true }).fill('Disk full');
  await incident.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('list-incidents').locator('.ant-table-row')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByText('Running').first()).toBeVisible();

  for (const path of workspacePages) {
    await page.goto(`${projectUrl}/${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await collect(path);
  }
  // What a document still needs, as 交付文档 lists it on hovering 缺 N 项.
  await page.goto(`${projectUrl}/deliverables`);
  await page.getByTestId('missing-handover').hover();
  await expect(page.locator('.missing-list')).toContainText('No customer contact');
  await collect('deliverables: missing list');
  await page.goto(`${projectUrl}/patrol`);
  await expect(page.getByRole('columnheader', { name: 'CPU usage (%)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('english-patrol.png'), fullPage: true });
  await page.goto(`${projectUrl}/incidents`);
  await page.getByText('Disk full').click();
  await expect(page.getByTestId('incident-sla')).toBeVisible();
  await collect('incident drawer');
  await page.screenshot({ path: test.info().outputPath('english-incident.png'), fullPage: true });
  expect(leaks).toEqual([]);
});

test('the Chinese UI shows metric names, not their keys', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectUrl = page.url().replace(/\/assets$/, '');
  await page.goto(`${projectUrl}/patrol-plans`);
  await page.getByTestId('list-patrolPlans').locator('.ant-table-row').first().click();
  const plan = page.getByTestId('form-patrolPlans');
  await expect(plan.getByText('巡检项目', { exact: true })).toBeVisible();
  await expect(plan).not.toContainText('指标键');
  await expect(plan).not.toContainText(/[a-z]+\.[a-z]+[A-Z][a-zA-Z]+/); // cpu.usedPercent, disk.maxUsePercent …
  await page.keyboard.press('Escape');
  await page.goto(`${projectUrl}/trends`);
  await expect(page.getByTestId('trends')).not.toContainText(/[a-z]+\.[a-z]+[A-Z][a-zA-Z]+/);
});
