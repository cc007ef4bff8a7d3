import { describe, expect, it } from 'vitest';
import { guessColumns, parseAssetRows, readSpreadsheet } from '../../shared/asset-import';
import { localizeImportReason } from '../../renderer/features/assets/import-reasons';
import { bankInventoryXlsx, bankRows } from '../fixtures/import/make-fixtures';

describe('localizeImportReason', () => {
  it("puts the reasons of a real file in English, keeping the sheet's own headers; Chinese stays as it is", async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx(), '清单.xlsx');
    const parsed = parseAssetRows(grid, guessColumns(grid));
    const reasons = (rowNumber: number, language: string) => {
      const row = parsed.rows.find((r) => r.rowNumber === rowNumber)!;
      if (row.ok) throw new Error(`row ${rowNumber} passed`);
      return row.reasons.map((reason) => localizeImportReason(reason, language));
    };
    expect(reasons(bankRows.badIp, 'en')).toEqual(['管理IP（多个用逗号分隔）: Not a valid IP address: 10.0.0.300']);
    expect(reasons(bankRows.noNameAtAll, 'en')).toEqual([
      'Please enter a name (设备名称, 主机名, 管理IP（多个用逗号分隔） are all empty)',
    ]);
    expect(reasons(bankRows.unknownCriticality, 'en')).toEqual([
      '重要程度: "超高" is not recognised; enter high, medium or low',
    ]);
    expect(reasons(bankRows.badIp, 'zh-CN')).toEqual(['管理IP（多个用逗号分隔）: 不是有效的 IP 地址: 10.0.0.300']);
  });

  it("reads the length limit under the sheet's header", () => {
    const parsed = parseAssetRows(
      { rows: [['计算机名'], ['h'.repeat(101)]] },
      { headerRowIndex: 0, mapping: ['hostname'] },
    );
    const row = parsed.rows[0]!;
    expect(!row.ok && row.reasons.map((reason) => localizeImportReason(reason, 'en'))).toEqual([
      '计算机名 must be at most 100 characters',
    ]);
  });
});
