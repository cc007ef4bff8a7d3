import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Helpers of the whole-path spec (main-path.spec.ts): finding a field of a generated form, a row
 * of a structured list inside it, and drawing a signature, the way a user reaches them.
 */

/** The form item (label + input) of a generated form, found by its label text. */
export function formItem(form: Locator, label: string): Locator {
  return form
    .locator('.ant-form-item')
    .filter({ has: form.page().locator('.ant-form-item-label label').getByText(label, { exact: true }) });
}

/**
 * Adds a row to the structured list under `label` (项目目标, 切换步骤 …) and returns the list,
 * whose cells are named "<column> <row number>" (目标 1).
 */
export async function addListRow(form: Locator, label: string, expectedRows: number): Promise<Locator> {
  const item = formItem(form, label);
  await item.getByRole('button', { name: '添加一行' }).click();
  await expect(item.locator('.ant-table-row')).toHaveCount(expectedRows);
  return item;
}

/** Waits until the form has stored what was typed: the save status says 已保存 and nothing is queued. */
export async function waitSaved(form: Locator): Promise<void> {
  // Leaving the field flushes the autosave at once (the form saves on blur).
  await form.page().evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(form.getByTestId('save-status')).toContainText('已保存');
}

/**
 * Draws a stroke across the signature pad. The dialog zooms in when it opens, so the pad's box
 * is read only once it has stopped moving.
 */
export async function drawSignature(page: Page, dialog: Locator): Promise<void> {
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
  await expect(dialog.getByRole('button', { name: '确认签字' })).toBeEnabled();
}

/**
 * Pastes text into a field as the clipboard would: a paste event carrying text/plain, which the
 * field reads (the inspection runner parses pasted command output).
 */
export async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Picks `title` in an antd Select from the keyboard, as a user tabbing through a table row
 * would: focus, ↓ opens the list, ↓ walks to the option, Enter takes it. Used inside structured
 * lists, where the table re-renders under a pointer while the form saves.
 */
export async function chooseByKeyboard(select: Locator, title: string): Promise<void> {
  const page = select.page();
  const box = select.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    // While focused the select also holds an a11y live copy of its value: contains, not equals.
    if (((await box.textContent()) ?? '').includes(title)) return;
    await select.focus();
    await page.keyboard.press('ArrowDown');
    const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
    await expect(active).toHaveCount(1, { timeout: 5_000 });
    for (let step = 0; step < 20 && (await active.getAttribute('title')) !== title; step++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(box).toContainText(title, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/**
 * Closes the list of a select left open by a multiple choice (巡检对象, 试点范围) with Escape on
 * the select itself, which takes the key, so the drawer around it stays open.
 */
export async function closeList(select: Locator): Promise<void> {
  const page = select.page();
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) > 0) await select.press('Escape');
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Types a date (2026-12-01) or a date and time (2026-12-12 22:00) into a date field and leaves it
 * with Tab, which takes the typed value and closes the picker panel, as a user at the keyboard does.
 * A plain date input (type=date) takes the value as it is filled.
 */
export async function typeDate(field: Locator, value: string): Promise<void> {
  const page = field.page();
  const isNative =
    (await field.getAttribute('type')) === 'date' || (await field.getAttribute('type')) === 'datetime-local';
  if (isNative) {
    await field.fill(value.replace(' ', 'T'));
    return;
  }
  // Tab, not Enter: inside a new record's form Enter would also submit the form. Tab takes the
  // typed value and moves on; when the next field is a picker too, its panel opens. Never
  // Escape here: a new record's drawer takes it as 放弃未保存的内容？
  await field.fill(value.replace('T', ' '));
  await field.press('Tab');
  await expect(field).toHaveValue(new RegExp(value.replace('T', ' ').replace(/[-: ]/g, '.').slice(0, 10)));
  // A panel left open (the next field's) would cover the buttons below: a click on the drawer's
  // or dialog's title closes it without touching a field.
  if ((await page.locator('.ant-picker-dropdown:visible').count()) > 0) {
    const title = page.locator('.ant-drawer-title:visible, .ant-modal-title:visible').last();
    if ((await title.count()) > 0) await title.click();
    await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0, { timeout: 10_000 });
  }
}
