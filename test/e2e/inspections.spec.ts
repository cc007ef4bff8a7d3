import { expect, test, type Page } from '@playwright/test';
import { chooseFile } from './helpers/choose-file';
import { chooseOption } from './helpers/choose-option';
import { builtinTemplate, verdictFor } from '../../shared/inspection';
import type { ChecklistItem } from '../../shared/records/checklist';
import { withExif } from '../unit/helpers/exif-jpeg';

const linux = builtinTemplate('linux-server')!;
const order = new Map(linux.sections.map((s, i) => [s.id, i]));
const items = [...linux.items].sort((a, b) => order.get(a.sectionId)! - order.get(b.sectionId)!);
// Two 合格/不合格 items the engineer fails, with photos as evidence.
const failing = items.filter((i) => i.kind === 'passFail').slice(1, 3);

/** A keyboard answer for every kind, and what the app must conclude from it. */
function answerFor(item: ChecklistItem): { keys: string[]; typed?: string; verdict: string } {
  if (failing.includes(item)) return { keys: ['2'], verdict: 'fail' };
  switch (item.kind) {
    case 'passFail':
      return { keys: ['1'], verdict: 'pass' };
    case 'number': {
      const typed = String(item.max ?? item.min ?? 1);
      return { keys: [], typed, verdict: verdictFor(item, { value: typed }) ?? '' };
    }
    case 'text': {
      const typed = item.expected.split(/[，,；;（(]/)[0]!.trim() || 'ok';
      return { keys: [], typed, verdict: verdictFor(item, { value: typed }) ?? '' };
    }
    case 'choice':
      return { keys: ['1'], verdict: verdictFor(item, { value: item.options[0]! }) ?? '' };
    case 'multiChoice':
      return { keys: ['0'], verdict: 'na' };
    case 'photo':
      return { keys: ['3'], verdict: 'na' };
  }
}

/** A small real photo drawn by the browser, with an EXIF capture time added. */
async function photo(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(160, 120);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#2f54eb';
    ctx.fillRect(0, 0, 160, 120);
    ctx.fillStyle = '#ffd666';
    ctx.fillRect(30, 30, 100, 60);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(withExif(new Uint8Array(bytes), { dateTimeOriginal: '2026:02:10 10:15:00' }));
}

async function attachPhoto(page: Page, name: string) {
  const buffer = await photo(page);
  const trigger = page.getByTestId('answer-panel').getByRole('button', { name: /拖放照片或文件到这里/ });
  await chooseFile(page, trigger, { name, mimeType: 'image/jpeg', buffer });
  await expect(page.getByTestId('answer-panel').locator('img')).toHaveCount(1, { timeout: 30_000 });
}

test('baseline inspection: three assets from the Linux template, one filled by keyboard, failures rectified, signed, locked, reopened', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');

  await page.getByRole('menuitem', { name: '检查模板（配置基线）' }).click();
  await page.getByRole('button', { name: '从内置模板复制' }).hover();
  await page.getByRole('menuitem', { name: new RegExp(`^${linux.name}`) }).click();
  await expect(page.getByTestId('templates')).toContainText(`${linux.name}`);

  await page.getByRole('menuitem', { name: '基线检查', exact: true }).click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await chooseOption(page, page.getByLabel('检查模板'), linux.name, { partial: true });
  const assetRows = page.getByTestId('start-assets').locator('.ant-table-row');
  for (let i = 0; i < 3; i++) await assetRows.nth(i).locator('input[type=checkbox]').check();
  await page.getByRole('dialog').getByRole('button', { name: '开始检查' }).click();
  await expect(page.getByTestId('inspections').getByTestId('list-count')).toHaveText('共 3 条');
  await expect(page.getByTestId('batch-progress')).toContainText(`0 / ${items.length * 3}`);

  // Fill the first one entirely from the keyboard.
  await page.getByTestId('inspections').locator('.ant-table-row').first().click();
  const runner = page.getByTestId('inspection-runner');
  await expect(runner.getByTestId('runner-progress')).toHaveText(`0 / ${items.length}`);
  for (const item of items) {
    const answer = answerFor(item);
    await expect(page.getByTestId(`item-${item.id}`)).toHaveAttribute('aria-selected', 'true');
    if (answer.typed !== undefined) {
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('answer-panel').getByLabel('检查结果')).toBeFocused();
      await page.keyboard.type(answer.typed);
      await page.keyboard.press('Enter');
      // Enter saved it and moved on; the keys work on the list again.
      await page.getByTestId('runner-items').focus();
    } else {
      for (const key of answer.keys) await page.keyboard.press(key);
    }
    await expect(page.getByTestId(`item-${item.id}`).locator('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      answer.verdict,
    );
  }
  const answered = items.filter((i) => answerFor(i).verdict !== '').length;
  const failed = items.filter((i) => answerFor(i).verdict === 'fail').length;
  await expect(runner.getByTestId('runner-progress')).toHaveText(`${answered} / ${items.length}`);
  await expect(runner.getByTestId('runner-failures')).toHaveText(`不合格 ${failed}`);

  // Photos as evidence of the two failures.
  for (const item of failing) {
    await page.getByTestId(`item-${item.id}`).click();
    await attachPhoto(page, `${item.id}.jpg`);
  }

  // They show in the project's non-conformity list; one is rectified and re-checked.
  await page.getByRole('menuitem', { name: '不合格项与整改' }).click();
  const ncs = page.getByTestId('nonconformities');
  await expect(ncs.getByTestId('list-count')).toHaveText(`共 ${failed} 条`);
  for (const item of failing) await expect(ncs).toContainText(item.title);
  await ncs.getByRole('row', { name: new RegExp(failing[0]!.title.replace(/[()（）]/g, '.')) }).click();
  const rect = page.getByTestId('form-rectifications');
  await rect.getByLabel('整改负责人').fill('刘洋');
  await rect.getByLabel('整改期限').fill('2026-03-01');
  await rect.getByLabel('整改期限').press('Enter');
  await rect.getByLabel('整改措施').fill('按基线修改配置并重启服务');
  await chooseOption(page, rect.getByLabel('整改状态'), '已复查');
  await rect.getByLabel('复查结果').fill('已修正');
  await chooseOption(page, rect.getByLabel('复查结论'), '合格');
  await expect(rect.getByTestId('save-status')).toContainText('已保存');
  await page.keyboard.press('Escape');
  await expect(ncs.getByRole('row', { name: new RegExp(failing[0]!.title.replace(/[()（）]/g, '.')) })).toContainText(
    '已复查',
  );

  // Finish the remaining items so it can be signed: anything unanswered gets 不适用 by clicking.
  await page.getByRole('menuitem', { name: '基线检查', exact: true }).click();
  await page.getByTestId('inspections').locator('.ant-table-row').first().click();
  for (const item of items.filter((i) => answerFor(i).verdict === '')) {
    await page.getByTestId(`item-${item.id}`).click();
    await page
      .getByTestId('answer-panel')
      .getByRole('button', { name: /不适用/ })
      .click();
  }
  await expect(runner.getByTestId('runner-progress')).toHaveText(`${items.length} / ${items.length}`);

  // The customer signs on screen.
  await runner.getByRole('button', { name: '客户签字确认' }).click();
  const dialog = page.getByRole('dialog', { name: '客户签字确认' });
  await drawSignature(page);
  await dialog.getByLabel('签字人').fill('王建国');
  await dialog.getByRole('button', { name: '确认签字' }).click();
  await expect(runner).toContainText('已由 王建国');

  // Locked: the answers cannot change.
  await page.getByTestId(`item-${failing[1]!.id}`).click();
  await expect(page.getByTestId('answer-panel').getByRole('button', { name: /合格/ }).first()).toBeDisabled();
  await page.getByTestId('runner-items').focus();
  await page.keyboard.press('1');
  await expect(page.getByTestId(`item-${failing[1]!.id}`).locator('[data-verdict]')).toHaveAttribute(
    'data-verdict',
    'fail',
  );

  // Reopening needs a reason, kept in the history.
  await runner.getByRole('button', { name: '重新打开' }).click();
  const reopen = page.getByRole('dialog', { name: '重新打开已签字的检查' });
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(reopen).toContainText('请填写重新打开的原因');
  await reopen.getByLabel('原因').fill('客户要求补拍机柜照片');
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(runner.getByRole('button', { name: '客户签字确认' })).toBeVisible();
  await runner.getByText('修改历史').click();
  await expect(runner.getByTestId('history')).toContainText('客户要求补拍机柜照片');

  await page.reload();
  await expect(runner.getByTestId('runner-progress')).toHaveText(`${items.length} / ${items.length}`);
  await expect(runner.getByTestId('runner-failures')).toHaveText(`不合格 ${failed}`);
  await page.getByTestId(`item-${failing[0]!.id}`).click();
  await expect(page.getByTestId('answer-panel').locator('img')).toHaveCount(1);
  await page.getByRole('menuitem', { name: '不合格项与整改' }).click();
  await expect(ncs.getByRole('row', { name: new RegExp(failing[0]!.title.replace(/[()（）]/g, '.')) })).toContainText(
    '已复查',
  );
});

/**
 * Draws a stroke across the signature pad. The dialog zooms in when it opens, so the pad's box
 * is read only once it has stopped moving (hover waits for a stable element).
 */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.hover();
  await expect(async () => {
    const first = (await pad.boundingBox())!;
    await page.waitForTimeout(100);
    expect(await pad.boundingBox()).toEqual(first);
  }).toPass();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 20; x < box.width - 20; x += 15)
    await page.mouse.move(box.x + x, box.y + box.height / 2 + Math.sin(x / 15) * 20);
  await page.mouse.up();
  await expect(
    page.getByRole('dialog', { name: '客户签字确认' }).getByRole('button', { name: '确认签字' }),
  ).toBeEnabled();
}
