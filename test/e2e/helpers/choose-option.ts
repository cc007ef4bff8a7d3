import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks `title` in an antd single Select (the field found by its label), waits until the select
 * shows it and its list has closed, so the next step never starts while the choice is still on
 * its way (the list opens and closes with an animation; on a busy machine a click can land
 * before it settles). Once the select shows `title` it is never clicked again: a retry that
 * reopened the list could leave it open over the next field.
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  title: string,
  options: { partial?: boolean } = {},
): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const dropdown = await dropdownOf(page, field);
  const shows = async () => {
    const text = (await select.textContent()) ?? '';
    return options.partial ? text.includes(title) : text === title;
  };
  await expect(async () => {
    if (!(await shows())) {
      if ((await dropdown.count()) === 0) await field.click();
      // partial: the option's label starts with `title` (e.g. a template's name followed by its version).
      const option = options.partial
        ? dropdown.locator('.ant-select-item-option').filter({ hasText: title }).first()
        : dropdown.getByTitle(title, { exact: true });
      await option.click({ timeout: 5_000 });
      if (options.partial) await expect(select).toContainText(title, { timeout: 2_000 });
      else await expect(select).toHaveText(title, { timeout: 2_000 });
    }
    if ((await dropdown.count()) > 0) {
      // Chosen but the list is still up: give its closing animation a moment, then close it
      // with Escape on the select (the select takes it and stops it, so the form stays open).
      try {
        await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
      } catch {
        await field.press('Escape');
        await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
      }
    }
  }).toPass({ timeout: 30_000 });
}

/** The visible dropdown of this select only: rc-select gives its list the id `<input id>_list`. */
async function dropdownOf(page: Page, field: Locator): Promise<Locator> {
  const visible = page.locator('.ant-select-dropdown:visible');
  const id = await field.getAttribute('id');
  return id ? visible.filter({ has: page.locator(`[id="${id}_list"]`) }) : visible;
}

/**
 * Adds `title` to an antd multiple Select with search: types it, picks it, and waits until the
 * select holds it as a tag (the list filters as the text arrives, so a click can meet the list
 * while it is being redrawn).
 */
export async function addOption(page: Page, field: Locator, title: string): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const tag = select.getByTitle(title, { exact: true });
  await expect(async () => {
    if ((await tag.count()) > 0) return;
    await field.fill(title);
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click({ timeout: 5_000 });
    await expect(tag).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** In an antd single Select with search: types `text`, picks the option showing it, waits to see it chosen. */
export async function searchAndChoose(page: Page, field: Locator, text: string): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    await field.fill(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text })
      .first()
      .click({ timeout: 5_000 });
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
