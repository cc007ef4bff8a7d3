import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, readSpreadsheet, SpreadsheetReadError } from '../../shared/asset-import';
import { cellText, numberText } from '../../shared/asset-import/cell-text';
import {
  bankInventoryXlsx,
  bankRows,
  chineseCsv,
  encodeGbk,
  encodeUtf8,
  englishCsv,
} from '../fixtures/import/make-fixtures';

async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readSpreadsheet: .xlsx', () => {
  it('reads the first sheet with content and lists every sheet to choose from', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx(), '设备清单.xlsx');
    expect(grid.sheetNames).toEqual(['说明', '设备清单']);
    expect(grid.sheetIndex).toBe(1);
    // Grid row i is Excel row i + 1.
    expect(grid.rows[bankRows.coreSwitch - 1]![1]).toBe('核心交换机01');
    expect(grid.rows[bankRows.badIp - 1]![4]).toBe('10.0.0.300');
  });

  it('reads a chosen sheet by index, and refuses one that does not exist', async () => {
    const bytes = await bankInventoryXlsx();
    const first = await readSpreadsheet(bytes, 'x.xlsx', { sheetIndex: 0 });
    expect(first.sheetIndex).toBe(0);
    expect(first.rows).toEqual([]);
    await expect(readSpreadsheet(bytes, 'x.xlsx', { sheetIndex: 5 })).rejects.toThrow('没有第 6 个工作表');
  });

  it('gives every cell of a merged range the value of its top-left cell', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx({ verticalHeaderMerges: false }), 'x.xlsx');
    // The title across all 16 columns, the group title 位置 across 机房/机柜/U位.
    expect(new Set(grid.rows[bankRows.title - 1])).toEqual(new Set(['XX银行运维对象清单']));
    expect(grid.rows[bankRows.groupHeader - 1]!.slice(8, 11)).toEqual(['位置', '位置', '位置']);
    // One 机房 cell merged down three data rows.
    expect([bankRows.coreSwitch, bankRows.webServer, bankRows.dbServer].map((r) => grid.rows[r - 1]![8])).toEqual([
      'A栋3楼主机房',
      'A栋3楼主机房',
      'A栋3楼主机房',
    ]);
    expect(grid.merges).toContainEqual({ top: 4, left: 8, bottom: 6, right: 8 });
    expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 15 });
  });

  it('turns numbers, dates, rich text, hyperlinks and formulas into the text Excel shows', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.addRow([
        0.1 + 0.2,
        210235123456,
        new Date(Date.UTC(2024, 0, 15)),
        { richText: [{ text: 'Red ' }, { font: { bold: true }, text: 'Hat' }] },
        { text: '资产台账', hyperlink: 'https://example.com' },
        { formula: '1+1', result: 2 },
        { formula: 'A1', result: { error: '#N/A' } },
        true,
        null,
        '  保留空格  ',
      ] as ExcelJS.CellValue[]);
    });
    const grid = await readSpreadsheet(bytes, 'x.xlsx');
    expect(grid.rows[0]).toEqual([
      '0.3',
      '210235123456',
      '2024-01-15',
      'Red Hat',
      '资产台账',
      '2',
      '',
      'TRUE',
      '',
      '  保留空格  ',
    ]);
  });

  it('keeps leading empty rows so row numbers stay as Excel shows them, and drops trailing ones', async () => {
    const bytes = await xlsxOf((workbook) => {
      const sheet = workbook.addWorksheet('S');
      sheet.getCell('B3').value = '主机名';
      sheet.getCell('B4').value = 'web-01';
      sheet.getCell('D10').value = null;
    });
    const grid = await readSpreadsheet(bytes, 'x.xlsx');
    expect(grid.rows).toEqual([
      ['', ''],
      ['', ''],
      ['', '主机名'],
      ['', 'web-01'],
    ]);
  });

  it('explains files it cannot read, in Chinese', async () => {
    await expect(readSpreadsheet(new Uint8Array([1, 2, 3]), '旧表.xls')).rejects.toThrow(/另存为 \.xlsx/);
    await expect(readSpreadsheet(new Uint8Array([1, 2, 3]), 'a.pdf')).rejects.toThrow(SpreadsheetReadError);
  });

  const notXlsx = '文件不是有效的 Excel 工作簿（.xlsx），请在 Excel/WPS 中另存为 .xlsx 后重试';

  /** The error readSpreadsheet throws, which must be one of ours: a code and a Chinese message naming no library. */
  async function readError(bytes: Uint8Array, fileName: string): Promise<SpreadsheetReadError> {
    const error = await readSpreadsheet(bytes, fileName).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(SpreadsheetReadError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/https?:|zip|central directory|Corrupted|[A-Za-z]{6,}/);
    return error as SpreadsheetReadError;
  }

  it("a file that is not a workbook, renamed .xlsx, is told so in Chinese, without the zip library's English and URL", async () => {
    const good = await bankInventoryXlsx();
    const damaged = good.slice();
    for (let i = 200; i < 600; i++) damaged[i]! ^= 0x5a;
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('readme.txt', '不是工作簿');
    const otherZip = await zip.generateAsync({ type: 'uint8array' });
    const files: Array<[string, Uint8Array]> = [
      ['text renamed', encodeUtf8('主机名,IP\nweb-01,10.0.0.1\n')],
      ['PDF renamed', encodeUtf8('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n')],
      ['empty file', new Uint8Array(0)],
      ['truncated workbook', good.slice(0, Math.floor(good.length / 2))],
      ['damaged workbook', damaged],
      ['zip without a workbook', otherZip],
      ['zip header only', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])],
    ];
    for (const [what, bytes] of files) {
      const error = await readError(bytes, '设备清单.xlsx');
      expect({ what, code: error.code, message: error.message }).toEqual({ what, code: 'notXlsx', message: notXlsx });
    }
  });

  it('tells an old .xls or a password-protected workbook (an OLE2 file) from a broken one, whatever its name', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await readError(ole, '加密清单.xlsx')).code).toBe('protectedOrLegacy');
    expect((await readError(ole, '加密清单.xlsx')).message).toContain('设置了打开密码');
    expect((await readError(ole, '旧表.xls')).code).toBe('legacyXls');
  });

  it('reads a workbook by its bytes even when named .csv, and refuses binary named .csv', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx(), '设备清单.csv');
    expect(grid.rows[bankRows.coreSwitch - 1]![1]).toBe('核心交换机01');
    const error = await readError(encodeUtf8('%PDF-1.7\n'), '清单.csv');
    expect(error.code).toBe('notText');
    expect(error.message).toContain('不是文本格式的 CSV');
  });
});

describe('readSpreadsheet: .csv', () => {
  it('reads GBK, as Chinese Excel saves "CSV (逗号分隔)"', async () => {
    const gbk = encodeGbk(chineseCsv);
    // The encoder is checked against a known value: 主机名 in GBK.
    expect([...encodeGbk('主机名')]).toEqual([0xd6, 0xf7, 0xbb, 0xfa, 0xc3, 0xfb]);
    const grid = await readSpreadsheet(gbk, '清单.csv');
    expect(grid.encoding).toBe('gb18030');
    expect(grid.rows[0]).toEqual(['主机名', 'IP地址', '设备名称', '设备类型', '机房', '重要程度', '备注']);
    expect(grid.rows[1]).toEqual(['zj-01', '10.6.0.1', '综合前置机', '服务器', '北京亦庄机房', '高', '人民币结算']);
  });

  it('reads UTF-8 with a BOM (the BOM does not stick to the first header) and without', async () => {
    for (const bom of [true, false]) {
      const grid = await readSpreadsheet(encodeUtf8(chineseCsv, { bom }), '清单.CSV');
      expect(grid.encoding).toBe('utf-8');
      expect(grid.rows[0]![0]).toBe('主机名');
      expect(grid.rows).toHaveLength(4);
    }
  });

  it('keeps quoted commas and newlines inside a cell, and blank lines for the numbering', async () => {
    const csv = 'Hostname,IP Address\r\n\r\nweb-01,"10.0.0.1, 10.0.0.2"\r\nweb-02,"10.0.0.3\n10.0.0.4"\r\n';
    const grid = await readSpreadsheet(encodeUtf8(csv), 'a.csv');
    expect(grid.rows).toEqual([
      ['Hostname', 'IP Address'],
      ['', ''],
      ['web-01', '10.0.0.1, 10.0.0.2'],
      ['web-02', '10.0.0.3\n10.0.0.4'],
    ]);
  });

  it('detects other delimiters (tab, semicolon)', async () => {
    const grid = await readSpreadsheet(
      encodeUtf8(englishCsv.replaceAll(',', '\t').replace('"10.5.0.1; 10.5.0.2"', '10.5.0.1')),
      'a.tsv',
    );
    expect(grid.rows[1]!.slice(0, 3)).toEqual(['app-01', '10.5.0.1', 'App Server 1']);
    const semicolons = await readSpreadsheet(encodeUtf8('主机名;IP\nweb-01;10.0.0.1\n'), 'a.csv');
    expect(semicolons.rows).toEqual([
      ['主机名', 'IP'],
      ['web-01', '10.0.0.1'],
    ]);
  });
});

describe('decodeText', () => {
  it('prefers a BOM, then strict UTF-8, then GB18030', () => {
    expect(decodeText(encodeUtf8('名称', { bom: true }))).toEqual({ text: '名称', encoding: 'utf-8' });
    expect(decodeText(encodeUtf8('名称'))).toEqual({ text: '名称', encoding: 'utf-8' });
    expect(decodeText(encodeGbk('名称,机房'))).toEqual({ text: '名称,机房', encoding: 'gb18030' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x0d, 0x54, 0xf0, 0x79]))).toEqual({
      text: '名称',
      encoding: 'utf-16le',
    });
  });
});

describe('cellText', () => {
  it('writes numbers without float junk and integers in full', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(12)).toBe('12');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(1.2345678901234568e22)).toBe('12345678901234567741440');
  });

  it('reads hyperlinks whose text is rich text, and formulas whose result is a date', () => {
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2025, 11, 31)) })).toBe('2025-12-31');
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText(new Date(Date.UTC(2025, 0, 2, 8, 30)))).toBe('2025-01-02 08:30');
  });
});
