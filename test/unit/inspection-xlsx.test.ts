import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checklistItemSchema } from '../../shared/records/checklist';
import {
  builtinTemplate,
  builtinTemplates,
  exportTemplateXlsx,
  importTemplateXlsx,
  type TemplateImportResult,
} from '../../shared/inspection';

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function errorsOf(result: TemplateImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

describe('template .xlsx export', () => {
  it('writes info, sections and one row per item with Chinese labels', async () => {
    const linux = builtinTemplate('linux-server')!;
    const workbook = await workbookOf(await exportTemplateXlsx({ ...linux, version: 3, builtinKey: linux.key }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['模板信息', '分节', '检查项']);
    const info = workbook.getWorksheet('模板信息')!;
    expect(info.getCell('A2').value).toBe('模板名称');
    expect(info.getCell('B2').value).toBe(linux.name);
    expect(info.getCell('B3').value).toBe('服务器');
    expect(info.getCell('B4').value).toBe('3');
    const items = workbook.getWorksheet('检查项')!;
    expect((items.getRow(1).values as unknown[]).slice(1)).toEqual([
      '分节',
      '编号',
      '检查项',
      '检查方法',
      '期望结果',
      '类型',
      '下限',
      '上限',
      '单位',
      '匹配模式',
      '选项',
      '合格选项',
      '严重度',
      '说明',
      '解析器',
    ]);
    expect(items.actualRowCount).toBe(linux.items.length + 1);
    const disk = items.getRow(linux.items.findIndex((i) => i.id === 'linux.res.disk') + 2);
    expect(disk.getCell(1).value).toBe('资源与容量');
    expect(disk.getCell(6).value).toBe('数值（阈值判定）');
    expect(disk.getCell(7).value).toBe(null);
    expect(disk.getCell(8).value).toBe(80);
    expect(disk.getCell(13).value).toBe('一般');
    expect(disk.getCell(15).value).toBe('disk.maxUsePercent');
    expect(items.getCell(2, 6).dataValidation).toMatchObject({ type: 'list' });
  });
});

describe('template .xlsx round trip', () => {
  for (const template of builtinTemplates) {
    it(`${template.name}: export then import gives the same template`, async () => {
      const result = await importTemplateXlsx(
        await exportTemplateXlsx({ ...template, version: 2, builtinKey: template.key }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.warnings).toEqual([]);
      expect(result.template).toEqual({
        name: template.name,
        assetTypes: template.assetTypes,
        description: template.description,
        version: 2,
        builtinKey: template.key,
        sections: template.sections,
        items: template.items,
      });
    });
  }

  it('keeps awkward content: duplicate section titles, a lone option with a semicolon, newlines, empty sections', async () => {
    const item = (id: string, sectionId: string, extra: object = {}) =>
      checklistItemSchema.parse({ id, sectionId, title: `项 ${id}`, ...extra });
    const template = {
      name: '自定义模板',
      assetTypes: ['server', 'application'],
      description: '第一行\n第二行',
      sections: [
        { id: 'a', title: '检查' },
        { id: 'b', title: '检查' },
        { id: 'c', title: '空分节' },
      ],
      items: [
        item('x1', 'a', { kind: 'choice', options: ['是;否', '其他'], acceptable: ['是;否'] }),
        item('x2', 'b', {
          kind: 'multiChoice',
          options: ['a|b', 'c'],
          acceptable: ['a|b'],
          guidance: '步骤一\n步骤二',
        }),
        item('x3', 'b', { kind: 'number', min: -0.5, max: 1e6, unit: '毫秒', pattern: '' }),
        item('x4', 'a', { kind: 'text', pattern: '=SUM(A1)', method: "=cmd 'x'" }),
      ],
    };
    const result = await importTemplateXlsx(await exportTemplateXlsx(template));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.template).toMatchObject({ ...template, version: 1, builtinKey: '' });
    expect(result.warnings.map((w) => w.message)).toEqual(['分节「空分节」没有检查项']);
  });
});

describe('template .xlsx import from hand-edited workbooks', () => {
  async function edited(
    edit: (items: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
  ): Promise<TemplateImportResult> {
    const workbook = await workbookOf(await exportTemplateXlsx(builtinTemplate('linux-server')!));
    edit(workbook.getWorksheet('检查项')!, workbook);
    return importTemplateXlsx(await bytesOf(workbook));
  }

  it('reports each bad row with the row number Excel shows, in Chinese', async () => {
    const errors = errorsOf(
      await edited((items) => {
        items.getCell(3, 6).value = '百分比'; // 类型
        items.getCell(4, 7).value = '八'; // 下限
        items.getCell(5, 3).value = ''; // 检查项
        items.getCell(6, 13).value = '致命'; // 严重度
        items.getCell(7, 2).value = items.getCell(8, 2).value; // 编号 repeated
      }),
    );
    const messages = errors.map((e) => e.message);
    expect(messages).toContain(
      '第 3 行「类型」：无法识别“百分比”，可填：合格/不合格/不适用、数值（阈值判定）、文本（期望值或模式）、单选、多选、必须拍照',
    );
    expect(messages).toContain('第 4 行「下限」：“八”不是数字');
    expect(messages).toContain('第 5 行「检查项」：请填写检查项');
    expect(messages).toContain('第 6 行「严重度」：无法识别“致命”，可填：严重、一般、轻微');
    expect(messages.some((m) => /^第 8 行「编号」：编号 \S+ 与第 7 行重复$/.test(m))).toBe(true);
    expect(errors.find((e) => e.row === 4)).toMatchObject({ sheet: '检查项', column: '下限' });
  });

  it('checks each row against the others: bounds, options, patterns', async () => {
    const errors = errorsOf(
      await edited((items) => {
        items.getCell(2, 6).value = '数值';
        items.getCell(2, 7).value = 90;
        items.getCell(2, 8).value = 10;
        items.getCell(3, 6).value = '单选';
        items.getCell(3, 11).value = '是\n否';
        items.getCell(3, 12).value = '也许';
        items.getCell(4, 6).value = '文本';
        items.getCell(4, 10).value = '([';
      }),
    );
    const messages = errors.map((e) => e.message);
    expect(messages.some((m) => m.startsWith('第 2 行：') && m.includes('下限 90 大于上限 10'))).toBe(true);
    expect(messages.some((m) => m.startsWith('第 3 行：') && m.includes('合格选项不在选项中：也许'))).toBe(true);
    expect(messages.some((m) => m.startsWith('第 4 行：') && m.includes('不是有效的正则表达式'))).toBe(true);
  });

  it('accepts codes and short labels, blank 分节 (the row above), new sections, and generates missing ids', async () => {
    const result = await edited((items) => {
      items.getCell(2, 6).value = 'number';
      items.getCell(2, 7).value = '８';
      items.getCell(2, 13).value = '高';
      items.getCell(3, 1).value = '';
      items.getCell(4, 1).value = '新增的分节';
      items.getCell(4, 2).value = '';
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [first, second, third] = result.template.items;
    expect(first).toMatchObject({ kind: 'number', min: 8, severity: 'critical' });
    expect(second!.sectionId).toBe(first!.sectionId);
    expect(third!.id).toBe('item-4');
    const added = result.template.sections.find((s) => s.title === '新增的分节')!;
    expect(third!.sectionId).toBe(added.id);
    expect(result.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([`第 4 行：新分节「新增的分节」（编号 ${added.id}）`, '第 4 行：未填编号，已生成 item-4']),
    );
  });

  it('explains a missing name, unknown asset types and files that are not templates', async () => {
    const errors = errorsOf(
      await edited((_, workbook) => {
        const info = workbook.getWorksheet('模板信息')!;
        info.getCell('B2').value = '';
        info.getCell('B3').value = '服务器、主机';
        info.getCell('B4').value = '1.5';
      }),
    );
    expect(errors.map((e) => e.message)).toEqual([
      '请填写模板名称',
      '第 3 行：无法识别的对象类型“主机”，可填：服务器、网络设备、存储、应用系统、数据库、安全设备、其他',
      '第 4 行：版本应为正整数',
    ]);

    const other = new ExcelJS.Workbook();
    other.addWorksheet('设备清单').addRow(['名称', 'IP']);
    expect(errorsOf(await importTemplateXlsx(await bytesOf(other)))[0]!.message).toContain('找不到“检查项”工作表');
    expect(errorsOf(await importTemplateXlsx(new Uint8Array([1, 2, 3])))[0]!.message).toBeTruthy();
  });
});
