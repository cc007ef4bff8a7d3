import { describe, expect, it } from 'vitest';
import {
  exportAssetsXlsx,
  exportColumns,
  guessColumns,
  parseAssetRows,
  planAssetImport,
  readSpreadsheet,
  type AssetWriteOp,
  type ExistingAsset,
  type ParsedAssetRows,
} from '../../shared/asset-import';
import type { AssetFields } from '../../shared/records/asset';
import type { WriteOp } from '../../renderer/data/repository';
import { bankInventoryXlsx, bankRows, duplicatesXlsx } from '../fixtures/import/make-fixtures';
import { openTestRepository, sampleProject } from './helpers/test-db';

async function parseFile(bytes: Uint8Array, fileName = '清单.xlsx'): Promise<ParsedAssetRows> {
  const grid = await readSpreadsheet(bytes, fileName);
  return parseAssetRows(grid, guessColumns(grid));
}

function parseGrid(rows: string[][]): ParsedAssetRows {
  const grid = { rows };
  return parseAssetRows(grid, guessColumns(grid));
}

/** Applies a plan to an in-memory list the way the repository would. */
function apply(existing: ExistingAsset[], ops: AssetWriteOp[]): ExistingAsset[] {
  const next = existing.map((asset) => ({ ...asset }));
  ops.forEach((op, i) => {
    if (op.kind === 'create') next.push({ ...(op.values as Partial<AssetFields>), id: `new-${i}`, deleted: false });
    else
      Object.assign(
        next.find((asset) => asset.id === op.id)!,
        op.patch,
      );
  });
  return next;
}

const base: AssetFields = {
  type: 'server',
  name: '',
  hostname: '',
  ips: [],
  vendor: '',
  model: '',
  serialNumber: '',
  site: '',
  room: '',
  rack: '',
  uPosition: '',
  osVersion: '',
  owner: '',
  criticality: 'medium',
  tags: [],
  notes: '',
};

describe('planAssetImport', () => {
  it('creates every valid row of a first import and lists the failed rows', async () => {
    const parsed = await parseFile(await bankInventoryXlsx());
    const plan = planAssetImport('p1', parsed, []);
    // The duplicate of the core switch contradicts it (other hostname, rack …): skipped until the user decides.
    expect(plan.summary).toEqual({ create: 7, update: 0, unchanged: 0, merged: 0, skipped: 1, failed: 3 });
    expect(plan.ops.every((op) => op.kind === 'create' && op.projectId === 'p1' && op.table === 'assets')).toBe(true);
    expect(plan.errors.map((error) => error.rowNumber)).toEqual([
      bankRows.badIp,
      bankRows.noNameAtAll,
      bankRows.unknownCriticality,
    ]);
    expect(plan.rows.find((row) => row.rowNumber === bankRows.duplicateOfCoreSwitch)).toMatchObject({
      action: 'skipped',
      duplicate: { kind: 'row', rowNumber: bankRows.coreSwitch, by: 'serial' },
      choice: 'skip',
      choices: ['merge', 'create', 'skip'],
    });
  });

  it('importing the same file again changes nothing', async () => {
    const parsed = await parseFile(await bankInventoryXlsx());
    const existing = apply([], planAssetImport('p1', parsed, []).ops);
    const again = planAssetImport('p1', parsed, existing);
    expect(again.ops).toEqual([]);
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 7, merged: 0, skipped: 1, failed: 3 });
  });

  it('a changed cell becomes an update with only that field; a blank cell erases nothing', () => {
    const existing: ExistingAsset[] = [
      {
        ...base,
        id: 'a1',
        name: 'Web01',
        hostname: 'web-01',
        ips: ['10.0.0.1'],
        vendor: 'Dell',
        rack: 'A-01',
        notes: '重要主机',
      },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '厂商', '机柜', '备注'],
      ['Web01', 'web-01', '10.0.0.1', 'Huawei', 'A-01', ''],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.ops).toEqual([{ kind: 'update', table: 'assets', id: 'a1', patch: { vendor: 'Huawei' } }]);
    expect(plan.rows).toEqual([
      {
        rowNumber: 2,
        action: 'update',
        name: 'Web01',
        assetId: 'a1',
        changedFields: ['vendor'],
        mergedRows: [],
        changes: [{ field: 'vendor', from: 'Dell', to: 'Huawei' }],
        duplicate: { kind: 'asset', assetId: 'a1', assetName: 'Web01', by: 'hostIp' },
        choice: 'merge',
        defaultChoice: 'merge',
        choices: ['merge', 'create', 'skip'],
      },
    ]);
  });

  it('leaves fields the sheet has no column for alone, and does not rename from a derived name', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'a1', name: '核心数据库', hostname: 'db-01', ips: ['10.0.0.5'], owner: '张三' },
    ];
    const parsed = parseGrid([
      ['主机名', 'IP'],
      ['db-01', '10.0.0.5, 10.0.0.6'],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.ops).toEqual([{ kind: 'update', table: 'assets', id: 'a1', patch: { ips: ['10.0.0.5', '10.0.0.6'] } }]);
  });

  it('compares IP and tag lists as sets, and text after the import clean-up', () => {
    const existing: ExistingAsset[] = [
      {
        ...base,
        id: 'a1',
        name: 'Ｗｅｂ０１',
        hostname: 'web-01',
        ips: ['10.0.0.2', '10.0.0.1'],
        tags: ['b', 'a'],
        notes: '备注 ',
      },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '标签', '备注'],
      ['Web01', 'web-01', '10.0.0.1, 10.0.0.2', 'a, b', '备注'],
    ]);
    expect(planAssetImport('p1', parsed, existing).summary).toMatchObject({ unchanged: 1, update: 0 });
  });

  it('matches on the serial number first (case and spaces ignored), before hostname + IP', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'by-host', name: 'web', hostname: 'web-01', ips: ['10.0.0.1'] },
      { ...base, id: 'by-serial', name: 'old name', hostname: 'old-host', ips: ['10.9.9.9'], serialNumber: 'SN-001' },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号'],
      ['web', 'web-01', '10.0.0.1', ' sn-001 '],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.ops).toHaveLength(1);
    expect(plan.ops[0]).toMatchObject({ kind: 'update', id: 'by-serial' });
    expect(Object.keys((plan.ops[0] as Extract<AssetWriteOp, { kind: 'update' }>).patch).sort()).toEqual([
      'hostname',
      'ips',
      'name',
      'serialNumber',
    ]);
  });

  it('matches on hostname (any case) plus any shared IP; a different serial number means a different device', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'a1', name: 'web', hostname: 'WEB-01', ips: ['10.0.0.9', '10.0.0.1'] },
      { ...base, id: 'a2', name: 'db', hostname: 'db-01', ips: ['10.0.0.5'], serialNumber: 'OLD-1' },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号'],
      ['web', 'web-01', '10.0.0.1', ''],
      ['db', 'db-01', '10.0.0.5', 'NEW-2'],
      ['web2', 'web-02', '10.0.0.1', ''],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.rows.map((row) => [row.rowNumber, row.action, row.assetId])).toEqual([
      [2, 'update', 'a1'], // hostname case differs: matched, and the hostname is updated
      [3, 'create', undefined],
      [4, 'create', undefined],
    ]);
  });

  it('ignores deleted assets, and merges a second row claiming an asset already matched into the first', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'gone', name: 'old', serialNumber: 'SN-1', deleted: true },
      { ...base, id: 'a1', name: 'web', hostname: 'web-01', ips: ['10.0.0.1', '10.0.0.2'] },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号'],
      ['new', 'new-01', '10.1.0.1', 'SN-1'],
      ['web', 'web-01', '10.0.0.1, 10.0.0.2', ''],
      ['web', 'web-01', '10.0.0.2', ''],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.rows.map((row) => row.action)).toEqual(['create', 'unchanged', 'merged']);
    expect(plan.rows[2]).toMatchObject({
      duplicate: { kind: 'row', rowNumber: 3, by: 'asset', conflicts: [] },
      choice: 'merge',
    });
    expect(plan.errors).toEqual([]);
    expect(plan.ops).toHaveLength(1);
  });

  it('matches rows without serial, hostname or IP (an application) by name', () => {
    const existing: ExistingAsset[] = [{ ...base, id: 'oa', name: 'OA系统', type: 'application', owner: '孙七' }];
    const parsed = parseGrid([
      ['名称', '类型', '负责人'],
      ['OA系统', '应用系统', '周八'],
      ['CRM系统', '应用系统', ''],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.ops).toEqual([
      { kind: 'update', table: 'assets', id: 'oa', patch: { owner: '周八' } },
      expect.objectContaining({ kind: 'create', values: expect.objectContaining({ name: 'CRM系统' }) }),
    ]);
  });

  it('plans ops the repository accepts: import, then re-import from the stored rows writes nothing', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const parsed = await parseFile(await bankInventoryXlsx({ verticalHeaderMerges: false }));

    const first = planAssetImport(project.id, parsed, []);
    const ops: WriteOp[] = first.ops; // the local op type is a WriteOp
    await repo.writeMany(ops);
    const stored = await db.assets.where({ projectId: project.id }).toArray();
    expect(stored).toHaveLength(7);
    const changesAfterFirst = await db.changes.count();

    const again = planAssetImport(project.id, parsed, stored);
    expect(again.ops).toEqual([]);
    await repo.writeMany(again.ops);
    expect(await db.changes.count()).toBe(changesAfterFirst);

    // One cell changed in the sheet → one update with one field → one change entry with that field.
    const edited = structuredClone(parsed);
    const row = edited.rows.find((r) => r.rowNumber === bankRows.webServer)!;
    if (!row.ok) throw new Error('row failed');
    row.values.rack = 'A-99';
    const third = planAssetImport(project.id, edited, stored);
    expect(third.summary).toMatchObject({ update: 1, create: 0 });
    await repo.writeMany(third.ops);
    const last = (await db.changes.toArray()).at(-1)!;
    expect(last.fields).toEqual({ rack: 'A-99' });
  });
});

describe('planAssetImport: duplicates and choices', () => {
  it('a repeated serial number in the file: merged into its row by default when nothing contradicts it, skipped when something does', async () => {
    const parsed = await parseFile(await duplicatesXlsx());
    const plan = planAssetImport('p1', parsed, []);
    expect(plan.rows.map((row) => [row.rowNumber, row.action, row.choice])).toEqual([
      [2, 'create', undefined],
      [3, 'create', undefined],
      [4, 'merged', 'merge'],
      [5, 'skipped', 'skip'],
    ]);
    expect(plan.rows[2]!.duplicate).toEqual({ kind: 'row', rowNumber: 2, by: 'serial', conflicts: [] });
    // Row 5 is another box with row 3's serial number: every contradiction is listed for the user.
    expect(plan.rows[3]!.duplicate).toEqual({
      kind: 'row',
      rowNumber: 3,
      by: 'serial',
      conflicts: [
        { field: 'name', kept: 'DB服务器01', dropped: '备份服务器' },
        { field: 'hostname', kept: 'db-01', dropped: 'bak-01' },
        { field: 'rack', kept: 'A-02', dropped: 'A-09' },
        { field: 'owner', kept: '李四', dropped: '王五' },
      ],
    });
    // The merge adds the second IP to row 2's asset; nothing of row 5 is written.
    expect(plan.rows[0]!.mergedRows).toEqual([4]);
    expect(plan.ops).toEqual([
      expect.objectContaining({
        kind: 'create',
        values: expect.objectContaining({ hostname: 'web-01', ips: ['10.1.0.11', '10.1.0.12'], rack: 'A-01' }),
      }),
      expect.objectContaining({ kind: 'create', values: expect.objectContaining({ hostname: 'db-01' }) }),
    ]);
    expect(plan.summary).toEqual({ create: 2, update: 0, unchanged: 0, merged: 1, skipped: 1, failed: 0 });
  });

  it("carries the user's choice: import anyway creates the row on its own, skip writes nothing of it", async () => {
    const parsed = await parseFile(await duplicatesXlsx());
    const plan = planAssetImport('p1', parsed, [], { 4: 'skip', 5: 'create' });
    expect(plan.rows.map((row) => [row.rowNumber, row.action, row.choice, row.defaultChoice])).toEqual([
      [2, 'create', undefined, undefined],
      [3, 'create', undefined, undefined],
      [4, 'skipped', 'skip', 'merge'],
      [5, 'create', 'create', 'skip'],
    ]);
    expect(
      plan.ops.map((op) => op.kind === 'create' && [op.values.hostname, op.values.ips, op.values.serialNumber]),
    ).toEqual([
      ['web-01', ['10.1.0.11'], 'SN-WEB-01'],
      ['db-01', ['10.1.0.21'], 'SN-DB-01'],
      ['bak-01', ['10.1.0.31'], 'SN-DB-01'],
    ]);
    // A choice the row does not offer, or for a row without a decision, changes nothing.
    const odd = planAssetImport('p1', parsed, [], { 2: 'skip', 4: 'bogus' as never });
    expect(odd.rows.map((row) => row.action)).toEqual(['create', 'create', 'merged', 'skipped']);
  });

  it('a serial number that matches an existing asset offers 更新现有对象 (the default), import anyway, or skip', () => {
    const existing: ExistingAsset[] = [
      {
        ...base,
        id: 'a1',
        name: '核心交换机',
        hostname: 'core-sw-01',
        ips: ['10.0.0.1'],
        serialNumber: 'SN-1',
        rack: 'A-01',
      },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号', '机柜'],
      ['新交换机', 'new-sw', '10.0.0.9', 'sn-1', 'B-01'],
    ]);
    const byDefault = planAssetImport('p1', parsed, existing);
    expect(byDefault.rows[0]).toMatchObject({
      action: 'update',
      duplicate: { kind: 'asset', assetId: 'a1', assetName: '核心交换机', by: 'serial' },
      choice: 'merge',
    });
    expect(byDefault.rows[0]!.changes).toEqual([
      { field: 'name', from: '核心交换机', to: '新交换机' },
      { field: 'hostname', from: 'core-sw-01', to: 'new-sw' },
      { field: 'ips', from: ['10.0.0.1'], to: ['10.0.0.9'] },
      { field: 'serialNumber', from: 'SN-1', to: 'sn-1' },
      { field: 'rack', from: 'A-01', to: 'B-01' },
    ]);
    expect(byDefault.ops).toEqual([expect.objectContaining({ kind: 'update', id: 'a1' })]);

    const anyway = planAssetImport('p1', parsed, existing, { 2: 'create' });
    expect(anyway.rows[0]).toMatchObject({ action: 'create', choice: 'create', assetId: 'a1' });
    expect(anyway.ops).toEqual([
      expect.objectContaining({ kind: 'create', values: expect.objectContaining({ hostname: 'new-sw' }) }),
    ]);

    const skipped = planAssetImport('p1', parsed, existing, { 2: 'skip' });
    expect(skipped.ops).toEqual([]);
    expect(skipped.summary).toMatchObject({ update: 0, skipped: 1 });
  });

  it('a placeholder in the 序列号 column (无, N/A, -) is no serial number: neither a duplicate nor a match', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'a1', name: 'old', hostname: 'old-01', ips: ['10.0.0.1'], serialNumber: 'N/A' },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号'],
      ['web', 'web-01', '10.0.0.11', '无'],
      ['db', 'db-01', '10.0.0.12', '无'],
      ['app', 'app-01', '10.0.0.13', 'n/a'],
      ['lb', 'lb-01', '10.0.0.14', '-'],
    ]);
    expect(parsed.rows.every((row) => row.ok && row.duplicateOf === undefined)).toBe(true);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.summary).toMatchObject({ create: 4, update: 0, skipped: 0 });
    // The cell is still stored as typed.
    expect(plan.ops.map((op) => op.kind === 'create' && op.values.serialNumber)).toEqual(['无', '无', 'n/a', '-']);
  });

  it('a duplicate merged into a row that updates an existing asset goes into that update; skipping the row skips both', () => {
    const existing: ExistingAsset[] = [
      { ...base, id: 'a1', name: 'web', hostname: 'web-01', ips: ['10.0.0.1'], serialNumber: 'SN-1' },
    ];
    const parsed = parseGrid([
      ['名称', '主机名', 'IP', '序列号', '负责人'],
      ['web', 'web-01', '10.0.0.1', 'SN-1', ''],
      ['web', '', '10.0.0.2', 'SN-1', '张三'],
    ]);
    const plan = planAssetImport('p1', parsed, existing);
    expect(plan.rows.map((row) => [row.action, row.mergedRows])).toEqual([
      ['update', [3]],
      ['merged', []],
    ]);
    expect(plan.rows[0]!.changes).toEqual([
      { field: 'ips', from: ['10.0.0.1'], to: ['10.0.0.1', '10.0.0.2'] },
      { field: 'owner', from: '', to: '张三' },
    ]);
    const skipped = planAssetImport('p1', parsed, existing, { 2: 'skip' });
    expect(skipped.rows.map((row) => row.action)).toEqual(['skipped', 'skipped']);
    expect(skipped.ops).toEqual([]);
  });

  it('through the repository: choices decide what is stored, and a re-import lists field by field what it changes', async () => {
    const { db, repo } = await openTestRepository();
    const project = await repo.createProject(sampleProject);
    const first = planAssetImport(project.id, await parseFile(await duplicatesXlsx()), [], { 5: 'create' });
    await repo.writeMany(first.ops);
    const stored = await db.assets.where({ projectId: project.id }).toArray();
    expect(stored.map((asset) => [asset.hostname, asset.ips, asset.serialNumber, asset.rack]).sort()).toEqual([
      ['bak-01', ['10.1.0.31'], 'SN-DB-01', 'A-09'],
      ['db-01', ['10.1.0.21'], 'SN-DB-01', 'A-02'],
      ['web-01', ['10.1.0.11', '10.1.0.12'], 'SN-WEB-01', 'A-01'],
    ]);

    const second = planAssetImport(project.id, await parseFile(await duplicatesXlsx({ edited: true })), stored);
    const web = stored.find((asset) => asset.hostname === 'web-01')!;
    expect(second.summary).toEqual({ create: 0, update: 1, unchanged: 1, merged: 0, skipped: 0, failed: 0 });
    expect(second.rows[0]).toMatchObject({
      rowNumber: 2,
      action: 'update',
      assetId: web.id,
      name: 'Web服务器01',
      duplicate: { kind: 'asset', by: 'serial' },
      changes: [
        { field: 'rack', from: 'A-01', to: 'A-05' },
        { field: 'owner', from: '张三', to: '赵六' },
      ],
    });
    await repo.writeMany(second.ops);
    expect(await db.assets.get(web.id)).toMatchObject({ rack: 'A-05', owner: '赵六', ips: ['10.1.0.11', '10.1.0.12'] });

    // Two assets now share SN-DB-01: the row goes to the one with its hostname, whichever is stored first.
    const bak = stored.find((asset) => asset.hostname === 'bak-01')!;
    const reversed = planAssetImport(project.id, await parseFile(await duplicatesXlsx({ edited: true })), [
      bak,
      ...stored.filter((a) => a !== bak),
    ]);
    expect(reversed.rows[1]).toMatchObject({
      rowNumber: 3,
      action: 'unchanged',
      assetId: stored.find((a) => a.hostname === 'db-01')!.id,
    });
  });
});

describe('exportAssetsXlsx', () => {
  const assets: Array<AssetFields & { id: string; deleted: boolean }> = [
    {
      ...base,
      id: 'a1',
      type: 'network',
      name: '核心交换机（主）',
      hostname: 'core-sw-01',
      ips: ['10.0.0.1', '10.0.0.2'],
      vendor: '华为',
      model: 'CE6881',
      serialNumber: '0012345',
      site: '亦庄',
      room: 'A栋3楼',
      rack: 'A-01',
      uPosition: '40',
      osVersion: 'VRP V200R019',
      owner: '张三',
      criticality: 'high',
      tags: ['核心', '网络'],
      notes: '第一行，说明：主用\n第二行',
      deleted: false,
    },
    {
      ...base,
      id: 'a2',
      type: 'security',
      name: '防火墙',
      hostname: 'fw-01',
      ips: ['fe80::1'],
      criticality: 'low',
      deleted: false,
    },
    { ...base, id: 'a3', type: 'application', name: 'OA系统', owner: '孙七', deleted: false },
    { ...base, id: 'a4', type: 'storage', name: '存储', serialNumber: 'NA-1', deleted: false },
    { ...base, id: 'a5', type: 'database', name: '10.0.0.7', ips: ['10.0.0.7'], deleted: false },
    { ...base, id: 'a6', type: 'other', name: '机房空调', hostname: '', tags: ['动环'], deleted: false },
    { ...base, id: 'a7', type: 'server', name: '已删除', hostname: 'del-01', deleted: true },
  ];

  it('round trip: export, re-import → the mapping is guessed exactly and every row is unchanged', async () => {
    for (const projectName of [undefined, '华北数据中心运维项目']) {
      const bytes = await exportAssetsXlsx(assets, { projectName });
      expect(bytes).toBeInstanceOf(Uint8Array);
      const grid = await readSpreadsheet(bytes, 'export.xlsx');
      const guess = guessColumns(grid);
      expect(guess.headerRowIndex).toBe(projectName ? 1 : 0);
      expect(guess.mapping).toEqual(exportColumns);
      expect(guess.unmapped).toEqual([]);
      const parsed = parseAssetRows(grid, guess);
      expect(parsed.rows.every((row) => row.ok)).toBe(true);
      const plan = planAssetImport('p1', parsed, assets);
      expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 6, merged: 0, skipped: 0, failed: 0 });
      expect(plan.ops).toEqual([]);
    }
  });

  it('writes Chinese headers and labels, text cells, a bold frozen header with an autofilter', async () => {
    const bytes = await exportAssetsXlsx(assets, { projectName: '华北项目' });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('运维对象清单');
    expect(sheet.getCell('A1').value).toBe('华北项目 运维对象清单');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '名称',
      '类型',
      '主机名',
      'IP 地址',
      '厂商',
      '型号',
      '序列号',
      '站点',
      '机房',
      '机柜',
      'U 位',
      '操作系统/固件版本',
      '负责人',
      '重要程度',
      '标签',
      '备注',
    ]);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('B3').value).toBe('网络设备');
    expect(sheet.getCell('D3').value).toBe('10.0.0.1, 10.0.0.2');
    expect(sheet.getCell('G3').value).toBe('0012345');
    expect(sheet.getCell('N3').value).toBe('高');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(8);
    // Deleted assets are not exported.
    expect(sheet.rowCount).toBe(2 + 6);
  });
});
