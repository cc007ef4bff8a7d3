import { expect, test } from '@playwright/test';
import { chooseOption } from './helpers/choose-option';

/**
 * 交付前检查 in the generate dialog: the demo project passes it; a 严重 reading typed into the
 * patrol with neither incident nor reason is listed (zh and en) with a link to its round, and
 * the reason written there clears it.
 */
test('交付前检查: the demo passes, an anomaly without incident or reason is found, linked and cleared', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');

  await page.getByRole('menuitem', { name: '交付文档' }).click();
  const patrolLog = page.getByTestId('deliverables').getByRole('row', { name: /巡检日志/ });
  await patrolLog.getByRole('button', { name: '生成 Word' }).click();
  const dialog = page.getByRole('dialog', { name: '生成 Word' });
  await expect(dialog.getByTestId('pre-issue-check')).toContainText('交付前检查：未发现矛盾或缺漏');
  await dialog.getByRole('button', { name: 'Close' }).or(dialog.locator('.ant-modal-close')).first().click();

  // Today's round: the first server's disk at 97 % is 严重, a P2/P3 incident by the grading rules.
  await page.getByRole('menuitem', { name: '日常巡检' }).click();
  const disk = page.getByTestId('patrol-grid').locator('input[aria-label$=" 磁盘使用率"]').first();
  const assetLabel = (await disk.getAttribute('aria-label'))!.replace(/ 磁盘使用率$/, '');
  await disk.fill('97');
  await disk.press('Enter');
  await expect(page.getByTestId('anomalies')).toContainText(`${assetLabel} · 磁盘使用率 97`);

  await page.getByRole('menuitem', { name: '交付文档' }).click();
  await patrolLog.getByRole('button', { name: '生成 Word' }).click();
  const check = dialog.getByTestId('pre-issue-check');
  await expect(check).toContainText('发现 1 项矛盾或缺漏');
  await expect(check.getByTestId('pre-issue-finding')).toContainText(
    /巡检异常未转故障：.*磁盘使用率 严重.*既未转故障也未写明未转故障原因/,
  );
  await page.screenshot({ path: test.info().outputPath('pre-issue-check-zh.png') });

  // The link opens the round of that day; the reason written there clears the finding.
  await check.getByRole('link', { name: '去修改' }).click();
  await expect(page).toHaveURL(/\/patrol\?date=\d{4}-\d{2}-\d{2}$/);
  const reason = page.getByLabel(`${assetLabel} 磁盘使用率 未转故障原因`);
  await reason.fill('已在 /data 分区清理日志，复查降至 70 %');
  await reason.blur();
  await page.getByRole('menuitem', { name: '交付文档' }).click();
  await patrolLog.getByRole('button', { name: '生成 Word' }).click();
  await expect(dialog.getByTestId('pre-issue-check')).toContainText('未发现矛盾或缺漏');
  await dialog.locator('.ant-modal-close').click();

  // In English, with the reason taken away again.
  await page.getByRole('menuitem', { name: '日常巡检' }).click();
  await page.getByLabel(`${assetLabel} 磁盘使用率 未转故障原因`).fill('');
  await page.getByLabel(`${assetLabel} 磁盘使用率 未转故障原因`).blur();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await chooseOption(page, page.locator('#settings-language'), 'English');
  await page.getByRole('menuitem', { name: 'Projects' }).click();
  await page.getByText('江南银行数据中心运维服务项目').first().click();
  await page.getByRole('menuitem', { name: 'Word deliverables' }).click();
  await page
    .getByTestId('deliverables')
    .getByRole('row', { name: /Patrol log/ })
    .getByRole('button', { name: /Generate/ })
    .click();
  const english = page.getByRole('dialog').getByTestId('pre-issue-check');
  await expect(english).toContainText('Pre-issue check: contradictions or gaps to check before issuing: 1');
  await expect(english.getByTestId('pre-issue-finding')).toContainText(
    /Patrol anomaly without an incident: .*Disk usage abnormal/,
  );
  await page.screenshot({ path: test.info().outputPath('pre-issue-check-en.png') });
  expect(errors).toEqual([]);
});
