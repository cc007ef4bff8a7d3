import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { chooseFile } from './helpers/choose-file';
import { chooseOption } from './helpers/choose-option';
import { todayIn } from '../../shared/date-time';

test('Word deliverables: readiness, generate in a worker, download, versions V1.0 → V1.1 (correction) → V2.0 after 已签署, 修订记录 lists every issue', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  await page.getByRole('menuitem', { name: '设置' }).click();
  const company = page.getByLabel('公司名称（乙方）');
  await company.fill('恒信科技有限公司');
  // The company field's own 保存 (设置 has one per field group).
  const save = company
    .locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-space-compact ")][1]')
    .getByRole('button', { name: '保存' });
  await save.click();
  await expect(save).toBeDisabled();
  await page.getByRole('menuitem', { name: '项目' }).click();
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  await page.getByRole('menuitem', { name: '交付文档' }).click();
  const table = page.getByTestId('deliverables');
  const row = table.getByRole('row', { name: /需求规格说明书/ });
  await expect(row).toContainText('已齐备');

  // V1.0 first issue; V1.1 corrects it while unsigned; once V1.1 is 已签署 the next is V2.0.
  const register = page.getByTestId('document-register');
  for (const [version, note] of [
    ['V1.0', '首次发布'],
    ['V1.1', '补充调研结论'],
    ['V2.0', '客户签署后修订'],
  ] as const) {
    if (version === 'V2.0') {
      const entry = register.getByRole('row', { name: /需求规格说明书/ });
      await expect(entry).toContainText('V1.1');
      await chooseOption(page, entry.getByLabel('需求规格说明书 状态'), '已签署');
      await expect(entry).toContainText('已签署');
    }
    await row.getByRole('button', { name: '生成 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '生成 Word' });
    await dialog.getByLabel('本版修改内容').fill(note);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '生成 Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`JNB-OPS-2026-需求规格说明书-${version}.docx`);
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await file.path())!) });
    expect(text).toContain('需求规格说明书');
    expect(text).toContain('江南银行数据中心运维服务项目');
    expect(text).toContain('恒信科技有限公司');
    expect(text).toContain('P1 故障 15 分钟内响应、4 小时内恢复');
    expect(text).toContain('JNB-OPS-2026-SRS');
    expect(text).toContain('修订记录');
    expect(text).toContain('首次发布');
    if (version !== 'V1.0') expect(text).toContain('补充调研结论');
    if (version === 'V2.0') expect(text).toMatch(/V1\.0[\s\S]*V1\.1[\s\S]*V2\.0[\s\S]*客户签署后修订/);
    await expect(row).toContainText(version);
    await expect(register.getByRole('row', { name: /需求规格说明书/ })).toContainText(version);
  }
  expect(errors).toEqual([]);
});

test('a document whose data is missing says what is missing', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '新建项目' }).click();
  const form = page.getByTestId('form-projects');
  await form.getByLabel('项目编号').fill('EMPTY-1');
  await form.getByLabel('项目名称').fill('空项目');
  await form.getByLabel('客户').fill('某客户');
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByRole('menuitem', { name: '交付文档' }).click();
  const row = page.getByTestId('deliverables').getByRole('row', { name: /服务级别协议/ });
  await expect(row).toContainText('缺');
  await row.getByRole('button', { name: '生成 Word' }).click();
  await page.getByRole('dialog', { name: '生成 Word' }).getByRole('button', { name: '生成 Word' }).click();
  await expect(page.getByRole('dialog', { name: /还缺少以下数据/ })).toContainText('服务级别协议未填写');
});

/** A company template as its staff would make it in Word: a cover line, a header of its own and {{正文}}. */
async function companyTemplate(): Promise<Buffer> {
  const { Document, Header, Packer, Paragraph } = await import('docx');
  const document = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('恒信科技 · 质量体系文件 · {{文档名称}}')] }) },
        children: [
          new Paragraph('{{文档名称}}'),
          new Paragraph('项目：{{项目名称}}'),
          new Paragraph('本文件按恒信科技文档模板编制。'),
          new Paragraph('{{正文}}'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

test('periodic documents for the period chosen, and a company template', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例项目' }).click();
  await expect(page.getByTestId('asset-count')).toHaveText('共 40 条');
  const projectId = /projects\/([^/]+)/.exec(page.url())![1]!;

  // The company template: checked on upload, its placeholders shown.
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.getByTestId('house-template');
  await chooseFile(page, card.getByRole('button', { name: '上传模板' }), {
    name: '恒信科技文档模板.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await companyTemplate(),
  });
  await expect(card).toContainText('恒信科技文档模板.docx');
  await expect(card).toContainText('{{正文}}');
  await expect(card).toContainText('{{项目名称}}');

  await page.goto(`/#/projects/${projectId}/deliverables`);
  const today = todayIn('Asia/Shanghai'); // the demo project's zone: its latest patrol day
  const log = page.getByTestId('deliverables').getByRole('row', { name: /巡检日志/ });
  await expect(log.getByTestId('period-label-patrolLog')).toContainText(today);
  await expect(log).toContainText('已齐备');

  // 巡检日志 of today, in the company template.
  await log.getByRole('button', { name: '生成 Word' }).click();
  let dialog = page.getByRole('dialog', { name: '生成 Word' });
  await expect(dialog.getByRole('checkbox', { name: /使用公司文档模板/ })).toBeChecked();
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 Word' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe(`JNB-OPS-2026-巡检日志（${today}）-V1.0.docx`);
  let bytes = await readFile((await file.path())!);
  let text = (await mammoth.extractRawText({ buffer: bytes })).value;
  expect(text).toContain('本文件按恒信科技文档模板编制。');
  expect(text).toContain(`巡检日志（${today}）`);
  expect(text).toContain('磁盘使用率');
  const zip = await JSZip.loadAsync(bytes);
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d*\.xml$/.test(n))
      .map((n) => zip.file(n)!.async('string')),
  );
  expect(headers.join('')).toContain('恒信科技 · 质量体系文件');

  // 巡检月报 of this month, with the kit's own layout: trend charts as pictures.
  const monthly = page.getByTestId('deliverables').getByRole('row', { name: /巡检月报/ });
  await monthly.getByRole('button', { name: '生成 Word' }).click();
  dialog = page.getByRole('dialog', { name: '生成 Word' });
  await dialog.getByRole('checkbox', { name: /使用公司文档模板/ }).uncheck();
  await dialog.getByLabel('本版修改内容').fill('本月巡检');
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 Word' }).click();
  file = await download;
  const [year, month] = today.split('-').map(Number);
  expect(file.suggestedFilename()).toBe(`JNB-OPS-2026-巡检月报（${year}年${month}月）-V1.0.docx`);
  bytes = await readFile((await file.path())!);
  text = (await mammoth.extractRawText({ buffer: bytes })).value;
  expect(text).toContain('本月巡检');
  expect(text).not.toContain('本文件按恒信科技文档模板编制。');
  const monthlyZip = await JSZip.loadAsync(bytes);
  const media = Object.keys(monthlyZip.files).filter((n) => n.startsWith('word/media/'));
  expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
  const pngs = media.filter((n) => n.endsWith('.png'));
  expect(pngs.length).toBeGreaterThan(0);
  // Each fallback was rasterised in the Worker by resvg (wasm, with the chart font): an RGBA PNG
  // (IHDR colour type 6) at twice the chart's 640 × 270.
  for (const name of pngs) {
    const png = await monthlyZip.file(name)!.async('uint8array');
    const ihdr = new DataView(png.buffer, png.byteOffset + 16, 10);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), png[25]], name).toEqual([1280, 540, 6]);
  }
  await expect(monthly).toContainText('V1.0');
  expect(errors).toEqual([]);
});
