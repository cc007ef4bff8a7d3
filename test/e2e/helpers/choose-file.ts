import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

type Files = Parameters<FileChooser['setFiles']>[0];

/**
 * Clicks `trigger` and hands `files` to the file chooser it opens.
 *
 * Chromium now and then does not report a chooser opened by a click (the interception is switched
 * on asynchronously: microsoft/playwright#28023, #32428); CI lost a whole test to that once. The
 * click is then repeated: an unreported chooser is cancelled by the headless browser, so the app
 * gets no file from it and the repeat is the only pick it sees.
 */
export async function chooseFile(page: Page, trigger: Locator, files: Files): Promise<void> {
  await expect(async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await trigger.click();
    await (await chooser).setFiles(files);
  }).toPass({ timeout: 60_000 });
}
