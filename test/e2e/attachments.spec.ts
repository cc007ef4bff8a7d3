import { type Locator, type Page, expect, test } from '@playwright/test';
import { withExif } from '../unit/helpers/exif-jpeg';

/**
 * Photos and files on a record, in real Chromium against the built web app: the survey-session
 * form's 照片与附件 field. Photos are made in the page (canvas → JPEG) and given EXIF in Node.
 */

const SESSION_TITLE = '二号机房现场勘察';

async function createProject(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('GZ-2026-012');
  await form.getByLabel('项目名称').fill('广州分行机房改造');
  await form.getByLabel('客户').fill('某农商银行');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '广州分行机房改造' })).toBeVisible();
}

/** Creates the survey session; the drawer stays open on its (autosaving) edit form. */
async function createSession(page: Page): Promise<Locator> {
  await page.getByRole('menuitem', { name: '调研记录' }).click();
  await page.getByRole('button', { name: '新增调研记录' }).click();
  const form = page.getByTestId('form-surveySessions');
  await form.getByLabel('主题').fill(SESSION_TITLE);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('save-status')).toBeVisible();
  return form;
}

async function reopenSession(page: Page): Promise<Locator> {
  await page.getByRole('menuitem', { name: '调研记录' }).click();
  await page.getByTestId('list-surveySessions').getByText(SESSION_TITLE).click();
  return page.getByTestId('form-surveySessions');
}

/** The session's attachments as stored in IndexedDB (read without the app's code). */
async function storedAttachments(
  page: Page,
): Promise<{ name: string; caption: string; width: number; height: number; takenAt: string }[]> {
  return page.evaluate(async (title) => {
    const rows = await readStore<{ title: string; deleted?: unknown; attachments?: never[] }>('surveySessions');
    return rows.find((row) => row.title === title && !row.deleted)?.attachments ?? [];

    function readStore<T>(store: string): Promise<T[]> {
      return new Promise((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      });
    }
  }, SESSION_TITLE);
}

/** How many attachment byte rows the device holds. */
async function blobCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('blobs').objectStore('blobs').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * A real image drawn by the browser: a 'photo' (gradients, shapes, noise) as JPEG, or a
 * 'screenshot' (flat colours and text, as a UI looks) as PNG.
 */
async function canvasImage(
  page: Page,
  width: number,
  height: number,
  kind: 'photo' | 'screenshot',
  seed: number,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, kind, seed }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      let state = seed * 9973 + 1;
      const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
      if (kind === 'photo') {
        const gradient = ctx.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, `hsl(${seed * 47} 60% 45%)`);
        gradient.addColorStop(1, `hsl(${seed * 47 + 120} 60% 70%)`);
        ctx.fillStyle = gradient;
        ctx.fillRect(0, 0, width, height);
        for (let i = 0; i < 200; i++) {
          ctx.fillStyle = `hsla(${random() * 360} 70% 50% / 0.6)`;
          ctx.fillRect(random() * width, random() * height, (random() * width) / 6, (random() * height) / 6);
        }
      } else {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        ctx.fillStyle = '#1677ff';
        ctx.fillRect(0, 0, width, 40);
        ctx.fillStyle = '#f0f0f0';
        ctx.fillRect(20, 60, width - 40, height - 80);
      }
      ctx.fillStyle = '#000';
      ctx.font = `${Math.round(height / 14)}px sans-serif`;
      for (let line = 0; line < 4; line++)
        ctx.fillText(`机柜 A-${seed} 端口 ${line + 1} 状态正常`, width / 10, height / 3 + (line * height) / 8);
      const blob = await canvas.convertToBlob({ type: kind === 'photo' ? 'image/jpeg' : 'image/png', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height, kind, seed },
  );
  return Buffer.from(base64, 'base64');
}

/** Drops files on an element as a file manager does (a drop event carrying them). */
async function dropFiles(target: Locator, files: { name: string; type: string; bytes: Uint8Array }[]) {
  await target.evaluate(
    (element, files) => {
      const data = new DataTransfer();
      for (const file of files)
        data.items.add(
          new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }),
        );
      for (const type of ['dragenter', 'dragover', 'drop'])
        element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: Buffer.from(f.bytes).toString('base64') })),
  );
}

/** Puts an image on the browser's clipboard, as taking a screenshot does. */
async function copyImageToClipboard(page: Page, png: Buffer) {
  await page.evaluate(async (base64) => {
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  }, png.toString('base64'));
}

test('photos: add by picking, dropping and pasting, shrink, capture time, viewer, caption; the same photo is stored once; all survive a reload', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createProject(page);
  const form = await createSession(page);
  const field = form.getByTestId('attachments-field');

  const large = withExif(await canvasImage(page, 4000, 3000, 'photo', 1), { dateTimeOriginal: '2026:03:18 09:41:27' });
  const turned = withExif(await canvasImage(page, 800, 600, 'photo', 2), {
    dateTimeOriginal: '2026:03:18 10:05:00',
    orientation: 6,
  });
  const screenshot = await canvasImage(page, 640, 400, 'screenshot', 3);

  // A photo picked through the file input the field's label names.
  await form
    .getByLabel('照片与附件')
    .setInputFiles([{ name: '机房全景.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(large) }]);
  const photos = field.getByTestId('attachment-photo');
  await expect(photos).toHaveCount(1);

  // One dropped on the zone.
  await dropFiles(field.getByRole('button', { name: /拖放照片或文件到这里/ }), [
    { name: '配电柜.jpg', type: 'image/jpeg', bytes: turned },
  ]);
  await expect(photos).toHaveCount(2);

  // A screenshot pasted with Ctrl+V after clicking the field; it gets a name and stays a PNG.
  await copyImageToClipboard(page, screenshot);
  await field.locator('.fb-att-toolbar').click({ position: { x: 600, y: 8 } }); // blank space beside 保留原图
  await page.keyboard.press('Control+V');
  await expect(photos).toHaveCount(3);
  await expect(field.getByLabel(/^说明：粘贴的图片-\d{8}-\d{6}\.png$/)).toBeVisible();

  // Thumbnails from the stored bytes; the large photo was shrunk to 2048 px, the turned one
  // stored upright; capture times from EXIF.
  const thumbnails = field.locator('.fb-att-thumb img');
  await expect(thumbnails).toHaveCount(3);
  await expect
    .poll(() =>
      thumbnails.evaluateAll((imgs) =>
        imgs.map((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]),
      ),
    )
    .toEqual([
      [2048, 1536],
      [600, 800],
      [640, 400],
    ]);
  await expect(photos.nth(0)).toContainText('2026-03-18 09:41');
  await expect(photos.nth(1)).toContainText('2026-03-18 10:05');

  await field.getByLabel('说明：机房全景.jpg').fill('A 列机柜正面，冷通道封闭完好');

  // The viewer shows the full photo with its caption.
  await thumbnails.first().click();
  const caption = page.getByTestId('attachment-viewer-caption');
  await expect(caption).toContainText('A 列机柜正面，冷通道封闭完好');
  await expect(caption).toContainText('2048×1536');
  // Closed with its close button: Escape goes to whichever overlay opened last (a tooltip that
  // appears over the thumbnail on a busy machine takes it), and a second press closes the form.
  await page.locator('.ant-image-preview-close').click();
  await expect(caption).toBeHidden();

  expect(await blobCount(page)).toBe(3);

  // The same photo again: stored once, listed once.
  await form
    .getByLabel('照片与附件')
    .setInputFiles([{ name: '机房全景（副本）.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(large) }]);
  await expect(page.getByText('已在列表中，未重复添加')).toBeVisible();
  await expect(photos).toHaveCount(3);
  expect(await blobCount(page)).toBe(3);

  // 保留原图 keeps the photo as taken.
  await field.getByRole('checkbox', { name: '保留原图（不压缩）' }).check();
  await form
    .getByLabel('照片与附件')
    .setInputFiles([{ name: '机房全景-原图.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(large) }]);
  await expect(photos).toHaveCount(4);
  expect(await blobCount(page)).toBe(4);

  // Saved with the record (the form saves as the user goes), then everything is back after a reload.
  await expect
    .poll(() => storedAttachments(page), { timeout: 15_000 })
    .toEqual([
      expect.objectContaining({
        name: '机房全景.jpg',
        caption: 'A 列机柜正面，冷通道封闭完好',
        width: 2048,
        height: 1536,
        takenAt: '2026-03-18T09:41:27',
      }),
      expect.objectContaining({ name: '配电柜.jpg', width: 600, height: 800, takenAt: '2026-03-18T10:05:00' }),
      expect.objectContaining({ name: expect.stringMatching(/^粘贴的图片-/), width: 640, height: 400, takenAt: '' }),
      expect.objectContaining({ name: '机房全景-原图.jpg', width: 4000, height: 3000, takenAt: '2026-03-18T09:41:27' }),
    ]);

  await page.reload();
  const reopened = await reopenSession(page);
  const again = reopened.getByTestId('attachments-field');
  await expect(again.getByTestId('attachment-photo')).toHaveCount(4);
  await expect(again.getByLabel('说明：机房全景.jpg')).toHaveValue('A 列机柜正面，冷通道封闭完好');
  await expect
    .poll(() =>
      again
        .locator('.fb-att-thumb img')
        .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)),
    )
    .toEqual([2048, 600, 640, 4000]);
  expect(await blobCount(page)).toBe(4);
});

test('files: a document is listed with its size, downloads as it was, and is removed after confirmation', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await createProject(page);
  const form = await createSession(page);
  const field = form.getByTestId('attachments-field');
  const text = Buffer.from('调研纪要\n1. 机房温度 22℃\n2. UPS 负载 41%\n', 'utf8');

  await form.getByLabel('照片与附件').setInputFiles([{ name: '调研纪要.txt', mimeType: 'text/plain', buffer: text }]);
  const file = field.getByTestId('attachment-file');
  await expect(file).toHaveCount(1);
  await expect(file).toContainText('调研纪要.txt');
  await expect(file).toContainText(`${text.byteLength} B`);

  const download = page.waitForEvent('download');
  await file.getByRole('button', { name: '下载' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('调研纪要.txt');
  const path = await saved.path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(path)).toEqual(text);

  await file.getByRole('button', { name: '删除 调研纪要.txt' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(file).toHaveCount(0);
  await expect.poll(() => storedAttachments(page)).toEqual([]);
});
