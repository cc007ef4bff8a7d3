import { describe, expect, it } from 'vitest';
import { guessColumns, guessColumnsAt, matchHeader, readSpreadsheet } from '../../shared/asset-import';
import {
  bankInventoryXlsx,
  bankRows,
  encodeUtf8,
  englishCsv,
  groupedHeaderXlsx,
} from '../fixtures/import/make-fixtures';

describe('matchHeader', () => {
  it.each([
    ['主机名', 'hostname'],
    ['计算机名', 'hostname'],
    ['Hostname', 'hostname'],
    ['HOST NAME', 'hostname'],
    ['IP', 'ips'],
    ['IP地址', 'ips'],
    ['ＩＰ地址', 'ips'],
    ['管理IP', 'ips'],
    ['业务IP', 'ips'],
    ['ip address', 'ips'],
    ['管理IP（多个用逗号分隔）', 'ips'],
    ['Host IP', 'ips'],
    ['主机IP', 'ips'],
    ['带外管理IP', 'ips'],
    ['设备名称', 'name'],
    ['名称', 'name'],
    ['资产名称', 'name'],
    ['Name', 'name'],
    ['应用系统名称', 'name'],
    ['设备类型', 'type'],
    ['类型', 'type'],
    ['Type', 'type'],
    ['Category', 'type'],
    ['厂商', 'vendor'],
    ['品牌', 'vendor'],
    ['制造商', 'vendor'],
    ['Vendor', 'vendor'],
    ['Manufacturer', 'vendor'],
    ['型号', 'model'],
    ['设备型号', 'model'],
    ['Model', 'model'],
    ['序列号', 'serialNumber'],
    ['SN', 'serialNumber'],
    ['S/N', 'serialNumber'],
    ['Serial No.', 'serialNumber'],
    ['序列号（必填）', 'serialNumber'],
    ['*序列号', 'serialNumber'],
    ['设备序列号', 'serialNumber'],
    ['站点', 'site'],
    ['园区', 'site'],
    ['Site', 'site'],
    ['机房', 'room'],
    ['所在机房', 'room'],
    ['机房名称', 'room'],
    ['Data Center', 'room'],
    ['Room', 'room'],
    ['机柜', 'rack'],
    ['机架', 'rack'],
    ['Rack', 'rack'],
    ['Cabinet', 'rack'],
    ['机柜编号', 'rack'],
    ['U位', 'uPosition'],
    ['位置U', 'uPosition'],
    ['U Position', 'uPosition'],
    ['U 位', 'uPosition'],
    ['机柜U位', 'uPosition'],
    ['操作系统', 'osVersion'],
    ['OS', 'osVersion'],
    ['系统版本', 'osVersion'],
    ['固件版本', 'osVersion'],
    ['Firmware', 'osVersion'],
    ['操作系统/固件版本', 'osVersion'],
    ['OS Version', 'osVersion'],
    ['负责人', 'owner'],
    ['管理员', 'owner'],
    ['Owner', 'owner'],
    ['重要程度', 'criticality'],
    ['重要性', 'criticality'],
    ['等级', 'criticality'],
    ['Criticality', 'criticality'],
    ['标签', 'tags'],
    ['Tags', 'tags'],
    ['备注', 'notes'],
    ['说明', 'notes'],
    ['Notes', 'notes'],
    ['Remark', 'notes'],
    ['备注：', 'notes'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it.each(['序号', '负责人电话', '采购日期', 'Description of IPMI', 'SNMP团体名', '', '（必填）'])(
    '%s → nothing it should not be',
    (header) => {
      const match = matchHeader(header);
      // 'Description' alone is notes; what matters is that "ip"/"sn" inside words is not an IP or a serial.
      expect(match?.field === 'ips' || match?.field === 'serialNumber' || match?.field === 'owner').toBe(false);
    },
  );
});

describe('guessColumns', () => {
  it('finds the header under a merged title row, and maps every known column exactly', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx(), 'x.xlsx');
    const guess = guessColumns(grid);
    expect(guess.headerRowIndex).toBe(bankRows.header - 1);
    expect(guess.mapping).toEqual([
      null,
      'name',
      'type',
      'hostname',
      'ips',
      'vendor',
      'model',
      'serialNumber',
      'room',
      'rack',
      'uPosition',
      'osVersion',
      'owner',
      'criticality',
      'tags',
      'notes',
    ]);
    // 序号 has no field: shown to the user to map by hand or ignore.
    expect(guess.unmapped.map((column) => column.header)).toEqual(['序号']);
  });

  it('combines a group-title row ("位置" over 机房/机柜/U位) with the header row under it', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx({ verticalHeaderMerges: false }), 'x.xlsx');
    const guess = guessColumns(grid);
    expect(guess).toMatchObject({ headerRowIndex: bankRows.header - 1, headerRowCount: 2 });
    expect(guess.columns.slice(8, 11)).toEqual([
      { index: 8, header: '位置/机房', field: 'room', score: 100 },
      { index: 9, header: '位置/机柜', field: 'rack', score: 100 },
      { index: 10, header: '位置/U位', field: 'uPosition', score: 100 },
    ]);
    expect(guess.columns[1]).toMatchObject({ header: '设备名称', field: 'name' });
  });

  it('guesses from both rows together when neither says it alone ("机柜" + "编号")', async () => {
    const grid = await readSpreadsheet(await groupedHeaderXlsx(), 'x.xlsx');
    const guess = guessColumns(grid);
    expect(guess.headerRowIndex).toBe(1);
    expect(guess.headerRowCount).toBe(2);
    expect(guess.mapping).toEqual(['name', 'ips', 'rack', 'uPosition', 'notes']);
  });

  it('maps English headers', async () => {
    const guess = guessColumns(await readSpreadsheet(encodeUtf8(englishCsv), 'a.csv'));
    expect(guess.headerRowIndex).toBe(0);
    expect(guess.mapping).toEqual([
      'hostname',
      'ips',
      'name',
      'type',
      'vendor',
      'model',
      'serialNumber',
      'site',
      'room',
      'rack',
      'uPosition',
      'osVersion',
      'owner',
      'criticality',
      'tags',
      'notes',
    ]);
    expect(guess.unmapped).toEqual([]);
  });

  it('normalises full-width, colons, asterisks and bracketed remarks in headers', () => {
    const guess = guessColumns({
      rows: [
        ['＊主机名：', 'ＩＰ 地址（必填）', '序列号 (SN)', 'Ｕ位', '资产编号'],
        ['a', '10.0.0.1', 'x', '1', '9'],
      ],
    });
    expect(guess.mapping).toEqual(['hostname', 'ips', 'serialNumber', 'uPosition', null]);
    expect(guess.unmapped).toEqual([{ index: 4, header: '资产编号', field: null, score: 0 }]);
  });

  it('maps each field once: the exact header wins over one that only contains an alias', () => {
    const guess = guessColumns({ rows: [['业务IP地址说明', '管理IP', '业务IP', '名称']] });
    expect(guess.mapping).toEqual([null, 'ips', null, 'name']);
    expect(guess.unmapped.map((column) => column.header)).toEqual(['业务IP地址说明', '业务IP']);
  });

  it('a data row that happens to follow the header does not make it a two-row header', () => {
    const guess = guessColumns({
      rows: [
        ['名称', '主机名', 'IP'],
        ['Web', 'web-01', '10.0.0.1'],
        ['DB', 'db-01', '10.0.0.2'],
      ],
    });
    expect(guess).toMatchObject({ headerRowIndex: 0, headerRowCount: 1 });
  });

  it('without any known header proposes the first non-empty row, all unmapped, for the user to map', () => {
    const guess = guessColumns({ rows: [[], ['甲', '乙'], ['1', '2']] });
    expect(guess.headerRowIndex).toBe(1);
    expect(guess.mapping).toEqual([null, null]);
    expect(guess.unmapped.map((column) => column.header)).toEqual(['甲', '乙']);
  });

  it('guessColumnsAt re-guesses for a header row the user picked', async () => {
    const grid = await readSpreadsheet(await bankInventoryXlsx({ verticalHeaderMerges: false }), 'x.xlsx');
    const guess = guessColumnsAt(grid, bankRows.groupHeader - 1);
    expect(guess.mapping.slice(0, 5)).toEqual([null, 'name', 'type', 'hostname', 'ips']);
    // "位置" alone says nothing.
    expect(guess.mapping.slice(8, 11)).toEqual([null, null, null]);
  });
});
