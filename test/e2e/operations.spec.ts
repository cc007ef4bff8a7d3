import { expect, test, type Page } from '@playwright/test';
import { addOption, chooseOption, searchAndChoose } from './helpers/choose-option';
import { typeDate } from './helpers/main-path';
import { generateDemoProject } from '../../shared/demo/demo-project';
import { defaultMetricsFor } from '../../shared/operations';
import { todayIn } from '../../shared/date-time';

// Ten servers of the demo bank, the first of them critical to the business.
const servers = generateDemoProject().assets.filter((a) => a.type === 'server');
const critical = servers.find((a) => a.criticality === 'high')!;
const chosen = [critical, ...servers.filter((a) => a !== critical).slice(0, 9)];
const sorted = [...chosen].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
const metrics = defaultMetricsFor('server');
const normal: Record<string, string> = {
  'cpu.usedPercent': '35',
  'memory.usedPercent': '60',
  'disk.maxUsePercent': '55',
  'hw.temperature': '24',
  'cpu.loadPerCore': '0.4',
};

async function saved(page: Page, testId: string) {
  await expect(page.getByTestId(testId).getByTestId('save-status')).toContainText('已保存');
}

test('a patrol round of ten servers by keyboard; a critical reading becomes a P2 incident on the SLA clocks; a change through every state; the trend shows the readings', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');

  // A patrol plan over the ten servers.
  await page.getByRole('menuitem', { name: '巡检计划' }).click();
  await page.getByRole('button', { name: '新增巡检计划' }).click();
  const planForm = page.getByTestId('form-patrolPlans');
  await planForm.getByLabel('计划名称').fill('服务器日巡检（测试）');
  const pick = planForm.getByLabel('巡检对象');
  for (const asset of chosen) await addOption(page, pick, asset.name);
  await planForm.getByLabel('计划名称').click(); // closes the list
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await planForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-patrolPlans').getByTestId('save-status')).toBeVisible();
  await page.keyboard.press('Escape');

  // Today's round, entered column by column from the keyboard.
  await page.getByRole('menuitem', { name: '日常巡检' }).click();
  const round = page.getByTestId('patrol-round');
  await chooseOption(page, round.getByLabel('巡检计划'), '服务器日巡检（测试）');
  await expect(round.getByTestId('round-progress')).toHaveText('0 / 10');
  for (const [col, def] of metrics.entries()) {
    await round.getByLabel(`${sorted[0]!.name} ${def.label}`, { exact: true }).click();
    for (const asset of sorted) {
      const value = asset === critical && def.key === 'disk.maxUsePercent' ? '95' : normal[def.key]!;
      await expect(page.locator(`[data-cell$=":${col}"]:focus`)).toHaveAttribute(
        'aria-label',
        `${asset.name} ${def.label}`,
      );
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
  }
  await expect(round.getByTestId('round-progress')).toHaveText('10 / 10');
  await expect(round.getByLabel(`${critical.name} 磁盘使用率`, { exact: true })).toHaveValue('95');

  // The one critical reading is an anomaly, which becomes an incident with one action.
  const anomalies = round.getByTestId('anomalies');
  await expect(anomalies).toContainText(`${critical.name} · 磁盘使用率 95`);
  await anomalies.getByRole('button', { name: '转为故障' }).click();
  await expect(page.getByText('已生成故障 P2')).toBeVisible();

  // Acknowledge and resolve it: both clocks met.
  await page.getByRole('menuitem', { name: '故障与问题' }).click();
  const row = page.getByRole('row', { name: new RegExp(`${critical.hostname} 磁盘使用率`) });
  await expect(row).toContainText('P2');
  await row.click();
  await page.getByRole('button', { name: '响应', exact: true }).click();
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  const sla = page.getByTestId('incident-sla');
  await expect(sla.getByText('达标')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(row).toContainText('已恢复');

  // A change through every state, refused when what a state needs is missing.
  await page.getByRole('menuitem', { name: '变更记录' }).click();
  await page.getByRole('button', { name: '新增变更' }).click();
  let change = page.getByTestId('form-changeRecords');
  await change.getByLabel('变更标题').fill('调整 Web 服务器内核参数');
  await change.getByRole('button', { name: '保存' }).click();
  change = page.getByTestId('form-changeRecords');
  const actions = page.getByTestId('change-actions');
  await actions.getByRole('button', { name: '进入下一步：审批' }).click();
  await expect(page.getByTestId('change-refused')).toContainText('离开“评估”前须填写');
  await change.getByLabel('风险评估').fill('需重启服务');
  await change.getByLabel('影响评估').fill('中断 5 分钟');
  await change.getByLabel('回退方案').fill('恢复原参数');
  await saved(page, 'form-changeRecords');
  await actions.getByRole('button', { name: '进入下一步：审批' }).click();
  await change.getByLabel('审批人').fill('王建国');
  await chooseOption(page, change.getByLabel('审批结论'), '批准');
  await change.getByLabel('审批时间').fill('2026-11-20 10:00');
  await change.getByLabel('审批时间').press('Enter');
  await saved(page, 'form-changeRecords');
  await actions.getByRole('button', { name: '进入下一步：测试' }).click();
  await chooseOption(page, change.getByLabel('测试结果'), '通过');
  await saved(page, 'form-changeRecords');
  await actions.getByRole('button', { name: '进入下一步：实施' }).click();
  await change.getByLabel('实施结果').fill('完成，业务验证正常');
  await saved(page, 'form-changeRecords');
  // A change is closed only once it says who implemented it, who checked it, and when it really ran.
  await actions.getByRole('button', { name: '进入下一步：关闭' }).click();
  await expect(page.getByTestId('change-refused')).toContainText(
    '关闭变更前须填写：实施人、复核人、实际开始时间、实际结束时间',
  );
  await change.getByLabel('实施人').fill('孙鹏');
  await change.getByLabel('复核人').fill('孙鹏');
  await typeDate(change.getByLabel('实际开始'), '2026-11-21 22:00');
  await typeDate(change.getByLabel('实际结束'), '2026-11-21 22:30');
  await saved(page, 'form-changeRecords');
  await actions.getByRole('button', { name: '进入下一步：关闭' }).click();
  await expect(page.getByTestId('change-refused')).toContainText('复核人不能与实施人为同一人');
  await change.getByLabel('复核人').fill('周明');
  await saved(page, 'form-changeRecords');
  await actions.getByRole('button', { name: '进入下一步：关闭' }).click();
  await expect(actions.getByRole('button')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /调整 Web 服务器内核参数/ })).toContainText('关闭');

  // The trend of the critical server's disk shows what was recorded today.
  await page.getByRole('menuitem', { name: '趋势与巡检日历' }).click();
  const trends = page.getByTestId('trends');
  await searchAndChoose(page, trends.getByLabel('运维对象'), critical.hostname!);
  await chooseOption(page, trends.getByLabel('指标'), '磁盘使用率');
  await expect(trends.getByTestId('trend-chart')).toBeVisible();
  await expect(trends.getByTestId('trend-points')).toContainText(`${todayIn('Asia/Shanghai')}=95`); // the project's today, not the machine's
});
