import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guessColumns,
  isTotalsLabel,
  parseAssetRows,
  parseAssetType,
  parseCriticality,
  readSpreadsheet,
  splitIps,
  splitTags,
  type ParsedAssetRow,
  type ParsedAssetRows,
} from '../../shared/asset-import';
import {
  bankInventoryXlsx,
  bankRows,
  chineseCsv,
  encodeGbk,
  encodeUtf8,
  englishCsv,
  totalsRows,
  totalsXlsx,
} from '../fixtures/import/make-fixtures';

function rowAt(parsed: ParsedAssetRows, rowNumber: number): ParsedAssetRow {
  const row = parsed.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) throw new Error(`no row ${rowNumber}`);
  return row;
}

function okValues(parsed: ParsedAssetRows, rowNumber: number) {
  const row = rowAt(parsed, rowNumber);
  if (!row.ok) throw new Error(`row ${rowNumber} failed: ${row.reasons.join('; ')}`);
  return row.values;
}

function reasonsAt(parsed: ParsedAssetRows, rowNumber: number): string[] {
  const row = rowAt(parsed, rowNumber);
  if (row.ok) throw new Error(`row ${rowNumber} passed`);
  return row.reasons;
}

async function parseFile(bytes: Uint8Array, fileName: string): Promise<ParsedAssetRows> {
  const grid = await readSpreadsheet(bytes, fileName);
  return parseAssetRows(grid, guessColumns(grid));
}

describe('parseAssetRows on a real-world bank inventory', () => {
  for (const verticalHeaderMerges of [true, false]) {
    describe(verticalHeaderMerges ? 'header cells merged down' : 'two-row header', () => {
      it('normalises values: full-width, IPs with spaces, several IPs per cell, merged 机房, types, 重要程度', async () => {
        const parsed = await parseFile(await bankInventoryXlsx({ verticalHeaderMerges }), '清单.xlsx');
        expect(okValues(parsed, bankRows.coreSwitch)).toEqual({
          type: 'network',
          name: '核心交换机01',
          hostname: 'core-sw-01',
          ips: ['10.0.0.1', '10.0.0.2'],
          vendor: '华为',
          model: 'CE6881',
          serialNumber: '2102351234ABC',
          site: '',
          room: 'A栋3楼主机房',
          rack: 'A-01',
          uPosition: 'U40',
          osVersion: 'VRP V200R019',
          owner: '张三',
          criticality: 'high',
          tags: ['核心', '网络'],
          notes: '主用',
        });
        expect(okValues(parsed, bankRows.webServer)).toMatchObject({
          type: 'server',
          ips: ['10.1.1.11', '10.1.1.12'],
          serialNumber: 'CN7D201',
          room: 'A栋3楼主机房',
          uPosition: '12',
          criticality: 'medium',
          // Prose keeps its Chinese punctuation.
          notes: '前端（Nginx），双机',
        });
        expect(okValues(parsed, bankRows.dbServer)).toMatchObject({
          type: 'server',
          ips: ['192.168.1.10'],
          serialNumber: '210235123456',
          room: 'A栋3楼主机房',
          osVersion: 'Red Hat 8.6',
          criticality: 'high',
        });
        expect(okValues(parsed, bankRows.firewall)).toMatchObject({
          type: 'security',
          ips: ['172.16.0.1', '172.16.0.2'],
          rack: 'B-03',
          notes: '见资产台账',
          room: 'B栋机房',
        });
        expect(okValues(parsed, bankRows.application)).toMatchObject({
          type: 'application',
          name: 'OA系统',
          criticality: 'low',
        });
      });

      it('skips the blank row, the section row and the repeated header; reports bad rows by their Excel row number', async () => {
        const parsed = await parseFile(await bankInventoryXlsx({ verticalHeaderMerges }), '清单.xlsx');
        expect(parsed.skipped).toEqual([
          { rowNumber: bankRows.blank, reason: 'blank' },
          { rowNumber: bankRows.section, reason: 'section' },
          { rowNumber: bankRows.repeatedHeader, reason: 'header' },
        ]);
        expect(parsed.rows.map((row) => row.rowNumber)).toEqual([5, 6, 7, 10, 11, 12, 14, 15, 16, 17, 18]);
        const failed = parsed.rows.filter((row) => !row.ok).map((row) => row.rowNumber);
        expect(failed).toEqual([bankRows.badIp, bankRows.noNameAtAll, bankRows.unknownCriticality]);

        expect(reasonsAt(parsed, bankRows.badIp)).toEqual(['管理IP（多个用逗号分隔）: 不是有效的 IP 地址: 10.0.0.300']);
        // A duplicate is no error: it points at the row it repeats, for the preview to ask what to do.
        expect(rowAt(parsed, bankRows.duplicateOfCoreSwitch)).toMatchObject({
          ok: true,
          duplicateOf: { rowNumber: bankRows.coreSwitch, by: 'serial' },
        });
        expect(reasonsAt(parsed, bankRows.noNameAtAll)[0]).toMatch(/^请填写名称/);
        expect(reasonsAt(parsed, bankRows.unknownCriticality)).toEqual([
          '重要程度: 无法识别「超高」，请填写 高、中 或 低',
        ]);
      });

      it('names a row without a name after its hostname, else its first IP; an unknown type is 其他 with a warning', async () => {
        const parsed = await parseFile(await bankInventoryXlsx({ verticalHeaderMerges }), '清单.xlsx');
        const storage = rowAt(parsed, bankRows.storageWithoutName);
        expect(storage).toMatchObject({ ok: true, values: { name: '10.2.0.5', type: 'storage' } });
        // The name was derived, not read: it must not overwrite an existing asset's name.
        expect(storage.ok && storage.supplied).not.toContain('name');
        expect(rowAt(parsed, bankRows.unknownType)).toMatchObject({
          ok: true,
          values: { type: 'other' },
          warnings: ['设备类型「UPS电源」无法识别，按「其他」导入'],
        });
      });
    });
  }

  it('gives the fields and headers the mapping covers', async () => {
    const parsed = await parseFile(await bankInventoryXlsx(), '清单.xlsx');
    expect(parsed.fields).not.toContain('site');
    expect(parsed.fields).toHaveLength(15);
    expect(parsed.headers.ips).toBe('管理IP（多个用逗号分隔）');
  });
});

describe('parseAssetRows on CSV files', () => {
  it('reads a GBK CSV end to end, with the bad IP on its line', async () => {
    const parsed = await parseFile(encodeGbk(chineseCsv), '清单.csv');
    expect(okValues(parsed, 2)).toMatchObject({
      name: '综合前置机',
      hostname: 'zj-01',
      type: 'server',
      criticality: 'high',
      room: '北京亦庄机房',
    });
    expect(okValues(parsed, 3)).toMatchObject({ type: 'storage', ips: ['10.6.0.2', '10.6.0.3'] });
    expect(reasonsAt(parsed, 4)).toEqual(['IP地址: 不是有效的 IP 地址: 10.6.0.300']);
  });

  it('reads an English CSV; the schema defaults fill unmapped fields', async () => {
    const parsed = await parseFile(encodeUtf8(englishCsv, { bom: true }), 'assets.csv');
    expect(okValues(parsed, 2)).toEqual({
      type: 'server',
      name: 'App Server 1',
      hostname: 'app-01',
      ips: ['10.5.0.1', '10.5.0.2'],
      vendor: 'Lenovo',
      model: 'SR650',
      serialNumber: 'LNV-001',
      site: 'HQ',
      room: 'DC1',
      rack: 'R01',
      uPosition: 'U10',
      osVersion: 'Ubuntu 22.04',
      owner: 'Alice',
      criticality: 'high',
      tags: ['prod', 'web'],
      notes: 'primary',
    });
    expect(okValues(parsed, 3)).toMatchObject({ name: 'sw-01', type: 'network', criticality: 'low', tags: [] });
  });

  it('uses the defaults (type 服务器, 重要程度 中) when those columns are not mapped', () => {
    const parsed = parseAssetRows({ rows: [['名称'], ['Web']] }, { headerRowIndex: 0, mapping: ['name'] });
    expect(okValues(parsed, 2)).toMatchObject({ type: 'server', criticality: 'medium', ips: [], tags: [] });
    expect(parsed.rows[0]!.ok && parsed.rows[0]!.supplied).toEqual(['name']);
  });
});

describe('parseAssetRows rules', () => {
  const header = ['名称', '主机名', '管理IP', '业务IP', '序列号', '备注', '序号'];
  const mapping = ['name', 'hostname', 'ips', 'ips', 'serialNumber', 'notes', null] as const;
  const parse = (...rows: string[][]) => parseAssetRows({ rows: [header, ...rows] }, { headerRowIndex: 0, mapping });

  it('joins IP columns mapped to the same field, without duplicates', () => {
    const parsed = parse(['web', 'web-01', '10.0.0.1', '10.0.0.2, 10.0.0.1', '', '', '1']);
    expect(okValues(parsed, 2).ips).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('marks duplicates by hostname + first IP when there is no serial number', () => {
    const parsed = parse(
      ['web', 'web-01', '10.0.0.1', '', '', '', '1'],
      ['web again', 'WEB-01', '10.0.0.1', '', '', '', '2'],
      ['same host other ip', 'web-01', '10.0.0.9', '', '', '', '3'],
      ['web once more', 'web-01', '10.0.0.1', '', '', '', '4'],
    );
    expect(rowAt(parsed, 3)).toMatchObject({ ok: true, duplicateOf: { rowNumber: 2, by: 'hostIp' } });
    expect(rowAt(parsed, 4)).toMatchObject({ ok: true });
    expect(rowAt(parsed, 4)).not.toHaveProperty('duplicateOf');
    // Every repeat points at the first occurrence.
    expect(rowAt(parsed, 5)).toMatchObject({ duplicateOf: { rowNumber: 2 } });
  });

  it('collects every reason of a row, and a row with only unmapped cells is blank', () => {
    const parsed = parse(['x'.repeat(201), 'h'.repeat(101), '1.2.3', '', '', '', ''], ['', '', '', '', '', '', '99']);
    expect(reasonsAt(parsed, 2)).toEqual([
      '名称不能超过 200 个字符',
      '主机名不能超过 100 个字符',
      '管理IP: 不是有效的 IP 地址: 1.2.3',
    ]);
    expect(parsed.skipped).toEqual([{ rowNumber: 3, reason: 'blank' }]);
  });

  it('names the column as the sheet calls it in a message', () => {
    const parsed = parseAssetRows(
      { rows: [['计算机名'], ['h'.repeat(101)]] },
      { headerRowIndex: 0, mapping: ['hostname'] },
    );
    expect(reasonsAt(parsed, 2)).toEqual(['计算机名不能超过 100 个字符']);
  });
});

describe('parseAssetRows: totals rows', () => {
  it('skips 小计/合计/Total rows and rows of bare column sums as totals, not as rows without a name', async () => {
    const parsed = await parseFile(await totalsXlsx(), '带合计的清单.xlsx');
    expect(parsed.skipped).toEqual([
      { rowNumber: totalsRows.subtotalA, reason: 'totals' },
      { rowNumber: totalsRows.subtotalB, reason: 'totals' },
      { rowNumber: totalsRows.total, reason: 'totals' },
      { rowNumber: 9, reason: 'blank' },
      { rowNumber: totalsRows.bareSums, reason: 'totals' },
      { rowNumber: totalsRows.english, reason: 'totals' },
    ]);
    // The devices are all there, 汇总服务器 included: a totals word inside a name is a name.
    expect(parsed.rows.filter((row) => row.ok).map((row) => row.ok && row.values.name)).toEqual([
      '核心交换机',
      '接入交换机',
      '数据库服务器',
      '汇总服务器',
    ]);
    // A number that sums nothing is still the user's mistake, explained as before.
    expect(reasonsAt(parsed, totalsRows.lonelyNumber)[0]).toMatch(/^请填写名称/);
    expect(parsed.rows.every((row) => row.ok || row.rowNumber === totalsRows.lonelyNumber)).toBe(true);
  });

  it('knows a totals label from a name', () => {
    for (const label of [
      '合计',
      '合 计',
      '总计：',
      '小计（12 台）',
      '合计：40台',
      '共计 12',
      'Total',
      'TOTAL:',
      'Grand Total',
      'Subtotal',
      '汇总',
      '合计 共 4 台设备',
    ]) {
      expect(isTotalsLabel(label), label).toBe(true);
    }
    for (const name of ['汇总服务器', '合计系统', 'total-01', 'Totally', '小计算机', '']) {
      expect(isTotalsLabel(name), name).toBe(false);
    }
  });

  it('does not take the next 序号 for a sum, nor a row with text beside the label', () => {
    const header = ['序号', '名称', '主机名'];
    const parsed = parseAssetRows(
      { rows: [header, ['1', 'a', 'a-01'], ['2', 'b', 'b-01'], ['3', '', ''], ['合计', '共 2 台', 'x-01']] },
      { headerRowIndex: 0, mapping: [null, 'name', 'hostname'] },
    );
    // Row 4 is only the next number (1 + 2 = 3 by chance): blank, not totals.
    expect(parsed.skipped).toEqual([{ rowNumber: 4, reason: 'blank' }]);
    // Row 5 has a hostname: a device someone named 合计, imported as such.
    expect(rowAt(parsed, 5).ok).toBe(true);
  });
});

describe('splitIps', () => {
  it.each([
    ['10.0.0.1', ['10.0.0.1']],
    ['10. 0. 0. 1', ['10.0.0.1']],
    ['10.0.0.1,10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['10.0.0.1，10.0.0.2；10.0.0.3、10.0.0.4', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']],
    ['10.0.0.1/10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['10.0.0.1 10.0.0.2\n10.0.0.3', ['10.0.0.1', '10.0.0.2', '10.0.0.3']],
    ['１０．０．０．１', ['10.0.0.1']],
    ['10。0。0。1', ['10.0.0.1']],
    ['10.0.0.1/24', ['10.0.0.1']],
    ['010.000.000.001', ['10.0.0.1']],
    ['管理:10.0.0.1 业务：10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['fe80::1, 2001:db8::1/64', ['fe80::1', '2001:db8::1']],
    ['10.0.0.1, 10.0.0.1', ['10.0.0.1']],
    ['10.0.0.300', ['10.0.0.300']],
    ['', []],
  ])('%j → %j', (cell, ips) => {
    expect(splitIps(cell)).toEqual(ips);
  });

  it('property: any list of IPv4 addresses, joined and typed sloppily, splits back to the list', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
    const separator = fc.constantFrom(',', ', ', '，', ';', '；', '、', ' ', '\n', '\r\n', ' / ', '|', '  ,  ');
    const sloppy = (ip: string, spaces: boolean, fullWidth: boolean) => {
      let text = spaces ? ip.replaceAll('.', ' . ') : ip;
      if (fullWidth) text = text.replace(/[0-9.]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
      return text;
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(ipv4, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(separator, fc.boolean(), fc.boolean()), { minLength: 6, maxLength: 6 }),
        (ips, styles) => {
          const cell = ips
            .map((ip, i) => sloppy(ip, styles[i]![1], styles[i]![2]) + (i < ips.length - 1 ? styles[i]![0] : ''))
            .join('');
          expect(splitIps(`  ${cell}  `)).toEqual(ips);
        },
      ),
      { seed: 20260301, numRuns: 500 },
    );
  });
});

describe('splitTags, parseAssetType, parseCriticality', () => {
  it('splits tags on list separators, or on spaces when there is none', () => {
    expect(splitTags('核心, 生产；Web 前端')).toEqual(['核心', '生产', 'Web 前端']);
    expect(splitTags('核心 生产')).toEqual(['核心', '生产']);
    expect(splitTags('核心、核心')).toEqual(['核心']);
  });

  it.each([
    ['服务器', 'server'],
    ['主机', 'server'],
    ['Server', 'server'],
    ['数据库服务器', 'server'],
    ['虚拟机', 'server'],
    ['交换机', 'network'],
    ['路由器', 'network'],
    ['网络设备', 'network'],
    ['存储交换机', 'network'],
    ['Switch', 'network'],
    ['防火墙', 'security'],
    ['安全设备', 'security'],
    ['网络安全设备', 'security'],
    ['安全网关', 'security'],
    ['WAF', 'security'],
    ['存储', 'storage'],
    ['磁盘阵列', 'storage'],
    ['存储系统', 'storage'],
    ['NAS', 'storage'],
    ['数据库', 'database'],
    ['DB', 'database'],
    ['Oracle数据库', 'database'],
    ['应用', 'application'],
    ['应用系统', 'application'],
    ['业务系统', 'application'],
    ['application', 'application'],
    ['其他', 'other'],
    ['UPS电源', 'other'],
    ['ＳＥＲＶＥＲ', 'server'],
  ])('类型 %s → %s', (text, code) => {
    expect(parseAssetType(text).value).toBe(code);
  });

  it.each([
    ['高', 'high'],
    ['High', 'high'],
    ['核心', 'high'],
    ['关键', 'high'],
    ['A类', 'high'],
    ['高（核心业务）', 'high'],
    ['中', 'medium'],
    ['重要', 'medium'],
    ['medium', 'medium'],
    ['重要系统', 'medium'],
    ['低', 'low'],
    ['一般', 'low'],
    ['Low', 'low'],
    ['普通', 'low'],
    ['超高', undefined],
    ['', undefined],
  ])('重要程度 %s → %s', (text, code) => {
    expect(parseCriticality(text)).toBe(code);
  });
});
